//! The `parallax` command line.
fn main() {}
