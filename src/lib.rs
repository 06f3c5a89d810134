//! parallax: compare how news outlets report the same event.
//!
//! The pipeline, one module per stage:
//! `ingest` (files → articles) → `segment` (body → paragraphs and sentences)
//! → `extract` (who said what, framing, cites) → `align` (events and aligned
//! statements across outlets) → `score` (divergences) → `render` (JSON, HTML).
//! Only `ingest` and `render` touch the file system; the middle is pure.

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
