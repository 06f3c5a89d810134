//! parallax: compare how news outlets report the same event.
//!
//! The pipeline, one module per stage:
//! `ingest` (files → articles) → `segment` (body → paragraphs and sentences)
//! → `extract` (who said what, framing, cites) → `align` (events and aligned
//! statements across outlets) → `score` (divergences) → `render` (JSON, HTML).
//! Only `ingest` and `render` touch the file system; the middle is pure.
//! Below the stages, `text` holds the word-level utilities they share
//! (tokens, stems, stopwords, number words, lexicon loading).
//!
//! Each command's pipeline is a function here: `compare` (every article in
//! memory, giving a `Report`), `compare_streaming` (batch runs: bounded
//! memory, JSONL and pages written event by event), `diff` and
//! `extract_all`; `run` holds the commands' configs, reads inputs for the
//! in-memory ones and reports progress.

pub mod align;
pub mod check;
pub mod distributed;
pub mod extract;
pub mod framing;
pub mod ingest;
pub mod language;
pub mod model;
pub mod render;
pub mod run;
pub mod score;
pub mod segment;
pub mod text;

use model::{Article, Extraction, InputError, Report, ScoredEvent};
use rayon::prelude::*;

/// Extracts every article in parallel, then gives speakers canonical names
/// across the whole set. Output order follows input order. An article whose
/// extraction fails keeps an empty extraction and gets an error.
pub fn extract_all(articles: &[Article]) -> (Vec<Extraction>, Vec<InputError>) {
    let (mut extractions, errors) = extract_each(articles);
    extract::canonicalize(&mut extractions);
    (extractions, errors)
}

/// Extracts every article in parallel, names as each article gives them.
/// A failure inside one article (a bug, never an expected outcome) is
/// contained: that article gets an empty extraction and an error, and a
/// batch of millions goes on.
pub fn extract_each(articles: &[Article]) -> (Vec<Extraction>, Vec<InputError>) {
    let results: Vec<Result<Extraction, InputError>> =
        articles.par_iter().map(extract_contained).collect();
    let mut errors = Vec::new();
    let extractions = results
        .into_iter()
        .map(|result| {
            result.unwrap_or_else(|error| {
                errors.push(error);
                Extraction::default()
            })
        })
        .collect();
    (extractions, errors)
}

fn extract_contained(article: &Article) -> Result<Extraction, InputError> {
    // Rules written for English would make garbage of another language.
    if language::unsupported_language(&article.body).is_some() {
        return Ok(Extraction::default());
    }
    let run = || extract::extract(article, &segment::segment(&article.body));
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).map_err(|panic| {
        let detail = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        InputError {
            source: article.source.clone(),
            message: format!("extraction failed on article {}: {detail}", article.id),
        }
    })
}

/// The whole `compare` pipeline over articles already read.
pub fn compare(articles: Vec<Article>, mut errors: Vec<InputError>) -> Report {
    let (extractions, extraction_errors) = extract_all(&articles);
    errors.extend(extraction_errors);
    let events = align::events(&articles, &extractions);
    let events = score::score(&articles, &extractions, events);
    Report {
        articles,
        extractions,
        events,
        errors,
    }
}

/// `compare` with memory bounded by the largest event plus a compact record
/// per article, writing the JSONL data and the pages. A first pass reads
/// and extracts the inputs chunk by chunk, parks each article with its
/// extraction in a temporary file in `out_dir`, and keeps what clustering
/// needs (`EventFeatures`) and the speaker names (`NameRegistry`). Then the
/// events are formed, `articles.jsonl` is written with names canonical over
/// the run, and the events are aligned, scored and written a batch at a
/// time, each batch in parallel and written in event order. Gives the same
/// bytes as the whole-run path (`compare` then `render::write`).
pub fn compare_streaming(
    config: &run::CompareConfig,
    observer: &mut dyn run::Observer,
) -> anyhow::Result<run::Summary> {
    let mut spill = ingest::Spill::create(&config.out_dir)?;
    let first = run::first_pass(config, &mut spill, observer)?;
    let mut summary = first.summary;
    if summary.n_articles == 0 {
        return Ok(summary);
    }
    spill.finish_writing()?;
    let groups = first.features.groups();
    drop(first.features);
    let mut writer = render::JsonlWriter::create(&config.out_dir, config.min_confidence)?;
    for records in first.records.chunks(run::COMPARE_CHUNK_ARTICLES) {
        let (articles, extractions) = run::read_back(&spill, &first.names, records)?;
        writer.articles(&articles, &extractions)?;
    }
    for batch in groups.chunks(run::COMPARE_CHUNK_EVENTS) {
        let outputs = batch
            .par_iter()
            .map(|group| run::compare_event(&spill, &first.names, &first.records, group))
            .collect::<anyhow::Result<Vec<_>>>()?;
        writer.events(&outputs)?;
    }
    let mut errors = first.input_errors;
    errors.extend(first.extraction_errors);
    summary.n_errors = errors.len();
    writer.finish(&errors)?;
    Ok(summary)
}

/// The whole `diff` pipeline: two articles the user says tell one story,
/// compared as one event whatever their similarity. Gives their extractions
/// (names canonical across the two) and the scored event.
pub fn diff(articles: &[Article]) -> (Vec<Extraction>, ScoredEvent, Vec<InputError>) {
    let (extractions, errors) = extract_all(articles);
    let event = align::one_event(articles, &extractions, (0..articles.len()).collect());
    let scored = score::score(articles, &extractions, vec![event])
        .pop()
        .expect("one event in, one event out");
    (extractions, scored, errors)
}
