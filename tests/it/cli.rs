//! The `parallax` command line: exit statuses, errors, determinism.
