//! Streaming `compare` (`--format jsonl`) against the whole-run path
//! (`compare` then `render::write`): the same files, byte for byte,
//! whatever the thread count.

use crate::{corpus, data, write_file};
use parallax::ingest::load;
use parallax::render::{write, DataFormat, WriteOptions};
use parallax::run::{CompareConfig, Quiet};
use parallax::run_compare;
use std::collections::BTreeMap;
use std::path::Path;

/// Every file of a folder with its bytes (hidden files included, so a
/// temporary file left behind shows).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().to_string();
            (name, std::fs::read(entry.path()).unwrap())
        })
        .collect()
}

fn whole_run(inputs: &[String], out: &Path, min_confidence: f64) {
    let (articles, errors) = load(inputs);
    let report = parallax::compare(articles, errors);
    let options = WriteOptions {
        format: DataFormat::Jsonl,
        min_confidence,
    };
    write(out, &report, &options).unwrap();
}

fn streamed(inputs: &[String], out: &Path, min_confidence: f64, n_threads: usize) {
    let config = CompareConfig {
        inputs: inputs.to_vec(),
        out_dir: out.to_path_buf(),
        min_confidence,
        format: DataFormat::Jsonl,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n_threads)
        .build()
        .unwrap();
    pool.install(|| run_compare(&config, &mut Quiet)).unwrap();
}

fn check_same_output(inputs: &[String], min_confidence: f64) {
    let dir = tempfile::tempdir().unwrap();
    whole_run(inputs, &dir.path().join("whole"), min_confidence);
    let expected = files(&dir.path().join("whole"));
    assert!(expected.contains_key("events.jsonl"));
    for n_threads in [1, 3] {
        let out = dir.path().join(format!("streamed-{n_threads}"));
        streamed(inputs, &out, min_confidence, n_threads);
        let found = files(&out);
        assert_eq!(
            found.keys().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>()
        );
        for (name, bytes) in &expected {
            assert!(
                found[name] == *bytes,
                "{name} differs with {n_threads} threads"
            );
        }
    }
}

#[test]
fn streaming_compare_writes_the_bytes_of_the_whole_run_on_the_sample_corpus() {
    check_same_output(&[corpus().display().to_string()], 0.0);
}

/// Versions of the sample articles over a year, each dropping some
/// paragraphs, a few undated, plus a line that cannot be read: many
/// events, names that recur across them, and an error.
fn generated_corpus(dir: &Path) -> String {
    let mut texts: Vec<String> = std::fs::read_dir(corpus())
        .unwrap()
        .map(|entry| std::fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect();
    texts.sort();
    texts.push(std::fs::read_to_string(data("diff/wire.txt")).unwrap());
    texts.push(std::fs::read_to_string(data("diff/copy.txt")).unwrap());
    let mut lines = String::new();
    for event in 0..24 {
        let text = &texts[event % texts.len()];
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        for version in 0..(2 + event % 3) {
            let kept: Vec<&str> = paragraphs
                .iter()
                .enumerate()
                .filter(|(idx, _)| (idx + version + event) % 4 != 0)
                .map(|(_, paragraph)| *paragraph)
                .collect();
            let mut article = serde_json::json!({
                "id": format!("e{event}-{version}"),
                "outlet": format!("O{version}"),
                "title": format!("Story {} of the year", event % 5),
                "text": kept.join("\n\n"),
            });
            if event % 7 != 3 {
                let day = 1 + (event * 13 + version) % 28;
                let month = 1 + (event * 5) % 12;
                article["published"] = format!("2016-{month:02}-{day:02}").into();
            }
            lines.push_str(&article.to_string());
            lines.push('\n');
        }
        if event == 10 {
            lines.push_str("{\"id\": \"broken\", \n");
        }
    }
    write_file(dir, "generated.jsonl", lines.as_bytes())
}

#[test]
fn streaming_compare_writes_the_bytes_of_the_whole_run_on_a_generated_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let input = generated_corpus(dir.path());
    check_same_output(std::slice::from_ref(&input), 0.0);
    check_same_output(&[input], 0.5);
}
