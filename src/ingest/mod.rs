//! Ingest: reads input paths into articles.
//!
//! Takes the command line's inputs (files, folders, `-` for JSONL on standard
//! input); gives articles with their bodies byte for byte as read, and an
//! `InputError` for every file or line that could not be read. Reading is
//! streamed: `stream` yields chunks in input order with bounded memory (the
//! HTML pages of a chunk parsed in parallel), and `load` collects them for
//! runs that need every article at once.

mod claims;
mod decode;
mod formats;
mod html;
mod spill;
mod walk;

use crate::model::{Article, InputError};
use rayon::prelude::*;
use std::collections::{HashSet, VecDeque};
use std::path::PathBuf;

pub use claims::load_claims;
pub use formats::Format;
use formats::Record;
pub use html::{article_from_html, HtmlArticle};
pub use spill::{Spill, SpillRecord};

/// Reads every input; articles and errors each in input order.
pub fn load(inputs: &[String]) -> (Vec<Article>, Vec<InputError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for record in records(inputs) {
        match record {
            Ok(article) => articles.push(article),
            Err(error) => errors.push(error),
        }
    }
    (articles, errors)
}

/// Reads the inputs lazily, `chunk_size` records (articles or errors) at a
/// time, in input order. Memory stays bounded by the chunk size, except for a
/// `.json` file, which is read whole.
pub fn stream(inputs: &[String], chunk_size: usize) -> Chunks {
    Chunks {
        records: records(inputs),
        chunk_size: chunk_size.max(1),
    }
}

/// Reads the inputs lazily, one article or error at a time, in input order.
pub fn records(inputs: &[String]) -> Records {
    Records {
        inputs: inputs.iter().cloned().collect(),
        walk: walk::Walk::default(),
        lines: None,
        pending: VecDeque::new(),
        ids: UniqueIds::default(),
    }
}

/// The chunks of `stream`.
pub struct Chunks {
    records: Records,
    chunk_size: usize,
}

impl Iterator for Chunks {
    type Item = Vec<Result<Article, InputError>>;

    /// Reads a chunk, then parses its HTML pages in parallel; ids are made
    /// unique afterwards, in input order.
    fn next(&mut self) -> Option<Self::Item> {
        let mut raw = Vec::with_capacity(self.chunk_size.min(4096));
        while raw.len() < self.chunk_size {
            match self.records.next_record() {
                Some(record) => raw.push(record),
                None => break,
            }
        }
        if raw.is_empty() {
            return None;
        }
        let records: Vec<_> = raw.into_par_iter().map(Record::finish).collect();
        let ids = &mut self.records.ids;
        Some(
            records
                .into_iter()
                .map(|record| record.map(|article| ids.make_unique(article)))
                .collect(),
        )
    }
}

/// The records of `records`: every input expanded to its articles and errors.
pub struct Records {
    inputs: VecDeque<String>,
    walk: walk::Walk,
    /// The JSONL source being read, if any.
    lines: Option<formats::JsonLines>,
    /// Records of a file already read whole (`.txt`, `.json`, `.html`).
    pending: VecDeque<Record>,
    ids: UniqueIds,
}

impl Iterator for Records {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        let record = self.next_record()?.finish();
        Some(record.map(|article| self.ids.make_unique(article)))
    }
}

impl Records {
    fn next_record(&mut self) -> Option<Record> {
        loop {
            if let Some(record) = self.pending.pop_front() {
                return Some(record);
            }
            if let Some(lines) = &mut self.lines {
                match lines.next() {
                    Some(record) => return Some(record),
                    None => self.lines = None,
                }
            }
            if let Some(entry) = self.walk.next() {
                match entry {
                    Ok(path) => self.open_file(path),
                    Err(error) => return Some(Record::Done(Err(error))),
                }
                continue;
            }
            let input = self.inputs.pop_front()?;
            self.open_input(&input);
        }
    }

    /// Starts reading one command-line input: standard input, a folder or a file.
    fn open_input(&mut self, input: &str) {
        if input == "-" {
            self.lines = Some(formats::JsonLines::stdin());
            return;
        }
        let path = PathBuf::from(input);
        if path.is_dir() {
            self.walk.push_root(path);
        } else {
            self.open_file(path);
        }
    }

    /// Starts reading one file of a known format (or reports why it cannot).
    fn open_file(&mut self, path: PathBuf) {
        match formats::open(&path) {
            formats::Opened::Lines(lines) => self.lines = Some(lines),
            formats::Opened::Records(records) => self.pending.extend(records),
        }
    }
}

/// Keeps article ids unique across a run: a repeated id gets `~2`, `~3`, ...
/// in input order, so that nothing is dropped and the result is deterministic.
#[derive(Default)]
struct UniqueIds {
    seen: HashSet<String>,
}

impl UniqueIds {
    fn make_unique(&mut self, mut article: Article) -> Article {
        if self.seen.contains(&article.id) {
            let base = article.id.clone();
            let mut n = 2;
            while self.seen.contains(&format!("{base}~{n}")) {
                n += 1;
            }
            article.id = format!("{base}~{n}");
        }
        self.seen.insert(article.id.clone());
        article
    }
}

/// Articles from a JSON document held in memory (one article object or an
/// array of them, as in a `.json` file), for programs that call the
/// library: `source` names the document in errors (`source#N` for the Nth
/// element) and default ids are `source-N`. Ids are made unique as in a run.
pub fn from_json(bytes: &[u8], source: &str) -> (Vec<Article>, Vec<InputError>) {
    let mut ids = UniqueIds::default();
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for record in formats::json_articles(bytes, source, source) {
        match record.finish() {
            Ok(article) => articles.push(ids.make_unique(article)),
            Err(error) => errors.push(error),
        }
    }
    (articles, errors)
}

/// One line of a JSONL file read on its own, as a run reads it: source
/// `label:LINE`, default id `stem-LINE` (see `jsonl_names`). For engines
/// that split files themselves (the Spark job); ids are not made unique here
/// (`unique_ids` does it over the run).
pub fn from_json_line(
    line: &[u8],
    label: &str,
    stem: &str,
    line_no: usize,
) -> Result<Article, InputError> {
    formats::json_line(line, label, stem, line_no).finish()
}

/// The label and stem a run gives the lines of the JSONL file at `path`
/// (`None` when it is not a `.jsonl` or `.jsonl.gz` file).
pub fn jsonl_names(path: &str) -> Option<(String, String)> {
    formats::jsonl_names(std::path::Path::new(path))
}

/// Article ids made unique as a run makes them (a repeated id gets `~2`,
/// `~3`, ... in input order), for ids gathered from elsewhere.
pub fn unique_ids(ids: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut unique = UniqueIds::default();
    ids.into_iter()
        .map(|id| {
            let article = Article {
                id,
                ..Article::default()
            };
            unique.make_unique(article).id
        })
        .collect()
}
