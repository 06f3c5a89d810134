//! Render: takes a report (or one article's extraction); gives the
//! contract's JSON (`report.json`, `parallax extract` lines) and the HTML
//! pages: `index.html` and one `event-eN.html` per event.
//!
//! Ids are given here, in order: events `e1`..., alignments `a1`... and
//! divergences `d1`... numbered across the whole report.

mod html;
mod json;
mod marks;

pub use html::event_file;
pub use json::{extract_line, format_score, report_json, write_extract_line};

use crate::model::Report;
use anyhow::Context;
use std::fs;
use std::path::Path;

/// Writes the event pages, `index.html` and `report.json` into `out_dir`,
/// creating it when needed. Each file is written under a temporary name and
/// renamed into place, and `report.json` comes last, so an interrupted run
/// leaves no half-written file and no report pointing to missing pages.
pub fn write(out_dir: &Path, report: &Report) -> anyhow::Result<()> {
    fs::create_dir_all(out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    for (event_idx, ids) in event_ids(report).iter().enumerate() {
        let page = html::event_page(report, event_idx, ids);
        write_file(&out_dir.join(event_file(event_idx)), &page)?;
    }
    write_file(&out_dir.join("index.html"), &html::index_page(report))?;
    write_file(&out_dir.join("report.json"), &report_json(report))
}

/// Writes `path` whole or not at all: into `.NAME.tmp-PID` beside it, then
/// renamed over it (a rename within a folder is atomic).
fn write_file(path: &Path, text: &str) -> anyhow::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let written = fs::write(&temporary, text).and_then(|()| fs::rename(&temporary, path));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written.with_context(|| format!("cannot write {}", path.display()))
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
