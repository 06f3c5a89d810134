//! parallax: compare how news outlets report the same event.
//!
//! The pipeline, one module per stage:
//! `ingest` (files → articles) → `segment` (body → paragraphs and sentences)
//! → `extract` (who said what, framing, cites) → `align` (events and aligned
//! statements across outlets) → `score` (divergences) → `render` (JSON, HTML).
//! Only `ingest` and `render` touch the file system; the middle is pure.

pub mod align;
pub mod extract;
pub mod framing;
pub mod ingest;
pub mod model;
pub mod render;
pub mod run;
pub mod score;
pub mod segment;

use model::{Article, Extraction, InputError, Report};
use rayon::prelude::*;

/// Extracts every article in parallel, then gives speakers canonical names
/// across the whole set. Output order follows input order.
pub fn extract_all(articles: &[Article]) -> Vec<Extraction> {
    let mut extractions = extract_each(articles);
    extract::canonicalize(articles, &mut extractions);
    extractions
}

/// Extracts every article in parallel, names as each article gives them.
pub fn extract_each(articles: &[Article]) -> Vec<Extraction> {
    articles
        .par_iter()
        .map(|article| extract::extract(article, &segment::segment(&article.body)))
        .collect()
}

/// The whole `compare` pipeline over articles already read.
pub fn compare(articles: Vec<Article>, errors: Vec<InputError>) -> Report {
    let extractions = extract_all(&articles);
    let events = align::events(&articles, &extractions);
    let events = score::score(&articles, &extractions, events);
    Report {
        articles,
        extractions,
        events,
        errors,
    }
}
