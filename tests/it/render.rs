//! Render: the contract's JSON, and HTML pages that are safe and self-contained.
