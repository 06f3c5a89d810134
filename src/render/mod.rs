//! Render: takes a report (or one article's extraction); gives the
//! contract's JSON (`report.json`, `parallax extract` lines) and the HTML
//! pages: `index.html` and one `event-eN.html` per event.
//!
//! Ids are given here, in order: events `e1`..., alignments `a1`... and
//! divergences `d1`... numbered across the whole report.

mod html;
mod json;
mod marks;
mod stance;

pub use html::event_file;
pub use json::{extract_line, format_score, report_json, write_extract_line};
pub use stance::stance_line;

use crate::model::Report;
use anyhow::Context;
use std::fs;
use std::path::Path;

/// Writes `report.json`, `index.html` and the event pages into `out_dir`,
/// creating it when needed.
pub fn write(out_dir: &Path, report: &Report) -> anyhow::Result<()> {
    fs::create_dir_all(out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    write_file(&out_dir.join("report.json"), &report_json(report))?;
    write_file(&out_dir.join("index.html"), &html::index_page(report))?;
    for (event_idx, ids) in event_ids(report).iter().enumerate() {
        let page = html::event_page(report, event_idx, ids);
        write_file(&out_dir.join(event_file(event_idx)), &page)?;
    }
    Ok(())
}

fn write_file(path: &Path, text: &str) -> anyhow::Result<()> {
    fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Where each event's alignment and divergence numbers start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct EventIds {
    pub first_alignment: usize,
    pub first_divergence: usize,
}

pub(crate) fn event_ids(report: &Report) -> Vec<EventIds> {
    let mut next = EventIds {
        first_alignment: 1,
        first_divergence: 1,
    };
    let mut ids = Vec::with_capacity(report.events.len());
    for scored in &report.events {
        ids.push(next);
        next.first_alignment += scored.event.alignments.len();
        next.first_divergence += scored.divergences.len();
    }
    ids
}
