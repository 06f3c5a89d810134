//! Render: writes `report.json` and the HTML pages.
