//! Development harness for the framing detector.
//!
//! Reads articles as JSONL (`{"id", "text", ...}` a line, as in
//! `basil-dev/articles.jsonl`), runs `framing::quotations` and
//! `framing::find` on each body, and writes one extract-format line per
//! article to standard output: `{"article":{"id"},"statements":[],"framing":[...]}`,
//! ready for `basil_score.py --extract`. Prints the detector's throughput
//! to standard error.
//!
//! `cargo run --release --example framing_eval -- ARTICLES.jsonl > out.jsonl`

use std::io::{BufWriter, Write};
use std::time::Instant;

use anyhow::{Context, Result};
use parallax::framing;
use serde_json::{json, Value};

/// Passes over all bodies when timing, so that the figure is not noise.
const TIMING_ROUNDS: usize = 20;

fn main() -> Result<()> {
    let path = std::env::args()
        .nth(1)
        .context("usage: framing_eval ARTICLES.jsonl")?;
    let articles = read_articles(&path)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (id, body) in &articles {
        writeln!(out, "{}", extract_line(id, body))?;
    }
    out.flush()?;
    report_throughput(&articles);
    Ok(())
}

/// `(id, body)` of every article in the JSONL file.
fn read_articles(path: &str) -> Result<Vec<(String, String)>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {path}"))?;
    let mut articles = Vec::new();
    for (line_idx, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line)
            .with_context(|| format!("{path}:{}: bad json", line_idx + 1))?;
        let id = value["id"].as_str().unwrap_or_default().to_string();
        let body = value["text"].as_str().unwrap_or_default().to_string();
        articles.push((id, body));
    }
    Ok(articles)
}

fn extract_line(id: &str, body: &str) -> Value {
    let spans: Vec<Value> = framing::find(body, &framing::quotations(body))
        .iter()
        .map(|f| {
            json!({"text": f.range.text(body), "start": f.range.start,
                   "end": f.range.end, "category": f.category})
        })
        .collect();
    json!({"article": {"id": id}, "statements": [], "framing": spans})
}

/// Times `quotations` + `find` over every body, after one warm-up pass
/// that builds the automaton.
fn report_throughput(articles: &[(String, String)]) {
    let n_bytes: usize = articles.iter().map(|(_, body)| body.len()).sum();
    let n_spans = count_spans(articles);
    let started = Instant::now();
    for _ in 0..TIMING_ROUNDS {
        count_spans(articles);
    }
    let seconds = started.elapsed().as_secs_f64() / TIMING_ROUNDS as f64;
    eprintln!(
        "{} articles, {n_bytes} bytes, {n_spans} spans; {:.1} MB/s ({:.2} ms a pass)",
        articles.len(),
        n_bytes as f64 / seconds / 1e6,
        seconds * 1e3
    );
}

fn count_spans(articles: &[(String, String)]) -> usize {
    articles
        .iter()
        .map(|(_, body)| framing::find(body, &framing::quotations(body)).len())
        .sum()
}
