//! HTML pages: takes a report; gives `index.html` (paged) and one
//! `event-eN.html` per event, as strings. Templates are in `templates/`
//! (askama, escaping on); the one script of the pages, `templates/report.js`,
//! only sorts, searches and filters what the HTML already holds.
//!
//! `index.rs` the index pages; `event.rs` an event page; `speakers.rs` the
//! speakers chart (inline SVG); `framing.rs` the framing panel.

mod event;
mod framing;
mod index;
mod speakers;

pub use event::{event_page, event_page_of};
pub use index::{index_pages_of, IndexSummary};

use crate::model::{Article, DivergenceType, ScoredEvent};

/// The script of every page, inlined (pages load nothing).
const SCRIPT: &str = include_str!("../../../templates/report.js");

/// Every divergence type in contract order, with what it means.
pub(super) const DIVERGENCE_TYPES: [(DivergenceType, &str); 11] = [
    (
        DivergenceType::QuoteAltered,
        "the same speaker's quotation is worded differently",
    ),
    (
        DivergenceType::QuoteTruncated,
        "one outlet quotes a strict part of what another quotes",
    ),
    (
        DivergenceType::NumberMismatch,
        "a number, amount, date or count differs",
    ),
    (
        DivergenceType::NegationFlip,
        "one side asserts what the other denies",
    ),
    (
        DivergenceType::Misattribution,
        "the same words are given to different speakers",
    ),
    (
        DivergenceType::NameVariant,
        "the same person's name is spelled differently",
    ),
    (
        DivergenceType::HedgingShift,
        "a firm claim on one side is hedged on the other",
    ),
    (
        DivergenceType::ReportingVerbShift,
        "the reporting verb differs in charge (said / claimed)",
    ),
    (
        DivergenceType::LoadedLanguage,
        "one side uses evaluative or loaded words",
    ),
    (
        DivergenceType::Contradiction,
        "one account asserts what another denies, in other words",
    ),
    (
        DivergenceType::Omission,
        "a statement one outlet carries and the others do not",
    ),
];

pub struct LegendItem {
    pub name: &'static str,
    pub meaning: &'static str,
}

pub(super) fn legend() -> Vec<LegendItem> {
    DIVERGENCE_TYPES
        .iter()
        .map(|(kind, meaning)| LegendItem {
            name: kind.as_str(),
            meaning,
        })
        .collect()
}

/// The file name of an event's page.
pub fn event_file(event_idx: usize) -> String {
    format!("event-e{}.html", event_idx + 1)
}

/// How an article is named in headings: its outlet, else its id.
pub(super) fn article_label(article: &Article) -> String {
    article.outlet.clone().unwrap_or_else(|| article.id.clone())
}

pub(super) fn or_dash(value: Option<&str>) -> String {
    value.unwrap_or("—").to_string()
}

pub(super) fn event_label(scored: &ScoredEvent, event_idx: usize) -> String {
    if scored.event.label.is_empty() {
        format!("Event e{}", event_idx + 1)
    } else {
        scored.event.label.clone()
    }
}

/// A divergence's type and confidence as the filters read them: `type:0.45`.
pub(super) fn finding_key(kind: DivergenceType, confidence: f64) -> String {
    format!(
        "{}:{}",
        kind.as_str(),
        super::json::format_score(confidence)
    )
}
