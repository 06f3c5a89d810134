//! Fuzzing regressions: takes every input the fuzz campaigns found crashing
//! (`tests/data/fuzz/<target>/<name>`, each kept after its fix) and replays
//! it through the fuzz target's own harness (`fuzz/src/lib.rs`, included
//! here), which panics when an invariant breaks.

#[path = "../../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

/// Runs every kept input of `target` through `harness`; gives how many ran.
fn replay(target: &str, harness: fn(&[u8])) -> usize {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fuzz")
        .join(target);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return 0;
    };
    let mut paths: Vec<_> = entries.map(|entry| entry.unwrap().path()).collect();
    paths.sort();
    for path in &paths {
        let bytes = std::fs::read(path).unwrap();
        let outcome = std::panic::catch_unwind(|| harness(&bytes));
        assert!(outcome.is_ok(), "{} breaks an invariant", path.display());
    }
    paths.len()
}

#[test]
fn fuzz_crashes_in_ingest_text_stay_fixed() {
    assert!(replay("ingest_text", harness::ingest_text) > 0);
}

#[test]
fn fuzz_crashes_in_ingest_json_stay_fixed() {
    assert!(replay("ingest_json", harness::ingest_json) > 0);
}

#[test]
fn fuzz_crashes_in_html_stay_fixed() {
    assert!(replay("html", harness::html) > 0);
}

#[test]
fn fuzz_crashes_in_extract_stay_fixed() {
    assert!(replay("extract", harness::extract) > 0);
}
