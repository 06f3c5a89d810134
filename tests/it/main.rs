//! Integration tests: takes the fixtures in `tests/data/` and the sample
//! `corpus/`; checks ingest, render and the `parallax` command line as a
//! user would see them.

mod alignment;
mod bad_input;
mod check;
mod cli;
mod diff;
mod extract;
mod fuzz_regressions;
mod html;
mod ingest;
mod render;
mod robust;
mod seeds;
mod stream;

use flate2::write::GzEncoder;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A fixture under `tests/data/`.
pub fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
        .display()
        .to_string()
}

/// The sample corpus: two articles on the same event.
pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// Writes `bytes` to `dir/name` (creating folders) and gives the path.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}
