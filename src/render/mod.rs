//! Render: takes a report (or one article's extraction); gives the
//! contract's JSON (`report.json`, `parallax extract` lines) and the HTML
//! pages: `index.html` and one `event-eN.html` per event.
//!
//! Ids are given here, in order: events `e1`..., alignments `a1`... and
//! divergences `d1`... numbered across the whole report.

mod html;
mod json;
mod markdown;
mod marks;
mod stance;
mod terminal;

pub use html::event_file;
pub use html::IndexSummary;
use json::write_event_line;
pub use json::{
    articles_jsonl, errors_jsonl, events_jsonl, extract_line, format_score, report_json,
    write_articles_jsonl, write_errors_jsonl, write_events_jsonl, write_extract_line,
    write_report_json,
};
pub use markdown::summary_markdown;
pub use stance::stance_line;
pub use terminal::{diff_json, diff_text, DiffSide};

use crate::model::{Article, Extraction, InputError, Report, ScoredEvent};
use anyhow::Context;
use rayon::prelude::*;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// The form of the data written beside the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DataFormat {
    /// One `report.json` (the contract's report), for small runs.
    #[default]
    Json,
    /// `events.jsonl` (an event a line), `articles.jsonl` (an article a
    /// line, as `extract` prints it) and `errors.jsonl`, for batch runs.
    Jsonl,
    /// `report.json` and `summary.md`: each event's main findings in plain
    /// words, for a terminal, an issue tracker or an email.
    Markdown,
}

/// How `write` writes a report.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WriteOptions {
    pub format: DataFormat,
    /// Divergences below this confidence are left off the pages.
    pub min_confidence: f64,
}

/// Writes the event pages, the index pages and the data (`report.json`, or
/// the JSONL files) into `out_dir`, creating it when needed. Each file is
/// written under a temporary name and renamed into place, and the data come
/// last, so an interrupted run leaves no half-written file and no report
/// pointing to missing pages. The data hold every divergence; the pages
/// leave out those below `min_confidence` (and number the ones they show,
/// so with a threshold above 0 their `dN` differ from the data's).
pub fn write(out_dir: &Path, report: &Report, options: &WriteOptions) -> anyhow::Result<()> {
    fs::create_dir_all(out_dir).with_context(|| format!("cannot create {}", out_dir.display()))?;
    let shown = confident(report, options.min_confidence);
    let pages_report = shown.as_ref().unwrap_or(report);
    for (event_idx, ids) in event_ids(pages_report).iter().enumerate() {
        let page = html::event_page(pages_report, event_idx, ids);
        write_file(&out_dir.join(event_file(event_idx)), &page)?;
    }
    for (file, page) in html::index_pages_of(&IndexSummary::of_report(pages_report)) {
        write_file(&out_dir.join(file), &page)?;
    }
    let report_json = |out: &mut BufWriter<File>| write_report_json(out, report);
    match options.format {
        DataFormat::Json => write_file_with(&out_dir.join("report.json"), report_json),
        DataFormat::Markdown => {
            write_file(&out_dir.join("summary.md"), &summary_markdown(pages_report))?;
            write_file_with(&out_dir.join("report.json"), report_json)
        }
        DataFormat::Jsonl => {
            write_file_with(&out_dir.join("articles.jsonl"), |out| {
                write_articles_jsonl(out, &report.articles, &report.extractions)
            })?;
            write_file_with(&out_dir.join("errors.jsonl"), |out| {
                write_errors_jsonl(out, &report.errors)
            })?;
            write_file_with(&out_dir.join("events.jsonl"), |out| {
                write_events_jsonl(out, report)
            })
        }
    }
}

/// One event of a streaming run: `report` holds the event's articles (in
/// run order) and `scored` indexes them; `run_article_idxs` are the same
/// articles' indexes in the run.
pub struct EventOutput {
    pub report: Report,
    pub scored: ScoredEvent,
    pub run_article_idxs: Vec<usize>,
}

/// Writes the JSONL data and the pages of a run as it goes (a streaming
/// `compare`): articles in run order, then events in run order, a batch at
/// a time. The data files grow under temporary names and are renamed into
/// place by `finish`, after the index pages, as `write` does, so the same
/// run gives the same bytes either way.
pub struct JsonlWriter {
    out_dir: PathBuf,
    min_confidence: f64,
    articles: TemporaryFile,
    events: TemporaryFile,
    index: IndexSummary,
    /// Numbers of the next event in the data, and on the pages (which leave
    /// out divergences below `min_confidence`).
    data_ids: EventIds,
    page_ids: EventIds,
    n_events: usize,
}

/// A file written under `.NAME.tmp-PID` and renamed to NAME when done.
struct TemporaryFile {
    path: PathBuf,
    temporary: PathBuf,
    writer: BufWriter<File>,
}

impl TemporaryFile {
    fn create(path: PathBuf) -> anyhow::Result<TemporaryFile> {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let temporary = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
        let file =
            File::create(&temporary).with_context(|| format!("cannot write {}", path.display()))?;
        Ok(TemporaryFile {
            path,
            temporary,
            writer: BufWriter::with_capacity(1 << 20, file),
        })
    }

    fn write(&mut self, bytes: &[u8]) -> anyhow::Result<()> {
        self.writer
            .write_all(bytes)
            .with_context(|| format!("cannot write {}", self.path.display()))
    }

    fn finish(mut self) -> anyhow::Result<()> {
        self.writer
            .flush()
            .and_then(|()| fs::rename(&self.temporary, &self.path))
            .with_context(|| format!("cannot write {}", self.path.display()))
    }
}

impl Drop for TemporaryFile {
    fn drop(&mut self) {
        // Renamed already when finished; otherwise a half-written file.
        let _ = fs::remove_file(&self.temporary);
    }
}

/// Lines of `articles.jsonl` written into one buffer by one thread.
const LINES_PER_PART: usize = 64;

const FIRST_IDS: EventIds = EventIds {
    first_alignment: 1,
    first_divergence: 1,
};

impl JsonlWriter {
    /// Starts the output in `out_dir`, creating it when needed.
    pub fn create(out_dir: &Path, min_confidence: f64) -> anyhow::Result<JsonlWriter> {
        fs::create_dir_all(out_dir)
            .with_context(|| format!("cannot create {}", out_dir.display()))?;
        Ok(JsonlWriter {
            out_dir: out_dir.to_path_buf(),
            min_confidence,
            articles: TemporaryFile::create(out_dir.join("articles.jsonl"))?,
            events: TemporaryFile::create(out_dir.join("events.jsonl"))?,
            index: IndexSummary::default(),
            data_ids: FIRST_IDS,
            page_ids: FIRST_IDS,
            n_events: 0,
        })
    }

    /// Writes the next articles of the run (names canonical) to `articles.jsonl`.
    pub fn articles(
        &mut self,
        articles: &[Article],
        extractions: &[Extraction],
    ) -> anyhow::Result<()> {
        let parts: Vec<Vec<u8>> = articles
            .par_chunks(LINES_PER_PART)
            .zip(extractions.par_chunks(LINES_PER_PART))
            .map(|(articles, extractions)| {
                let mut part = Vec::new();
                write_articles_jsonl(&mut part, articles, extractions)
                    .expect("writing to memory cannot fail");
                part
            })
            .collect();
        for (article, extraction) in articles.iter().zip(extractions) {
            self.index.add_article(article, extraction.statements.len());
        }
        parts.iter().try_for_each(|part| self.articles.write(part))
    }

    /// Writes the next events of the run: their lines of `events.jsonl` and
    /// their pages.
    pub fn events(&mut self, batch: &[EventOutput]) -> anyhow::Result<()> {
        let mut numbered = Vec::with_capacity(batch.len());
        for output in batch {
            let shown = confident_event(&output.scored, self.min_confidence);
            let page_scored = shown.as_ref().unwrap_or(&output.scored);
            let page_ids = self.page_ids;
            advance(&mut self.page_ids, page_scored);
            numbered.push((self.n_events, self.data_ids, page_ids, shown));
            advance(&mut self.data_ids, &output.scored);
            self.n_events += 1;
        }
        let rendered: Vec<anyhow::Result<Vec<u8>>> = batch
            .par_iter()
            .zip(&numbered)
            .map(|(output, (event_idx, data_ids, page_ids, shown))| {
                let page_scored = shown.as_ref().unwrap_or(&output.scored);
                let page = html::event_page_of(&output.report, page_scored, *event_idx, page_ids);
                write_file(&self.out_dir.join(event_file(*event_idx)), &page)?;
                let mut line = Vec::with_capacity(4096);
                write_event_line(
                    &mut line,
                    &output.report,
                    &output.scored,
                    *event_idx,
                    data_ids,
                )?;
                line.push(b'\n');
                Ok(line)
            })
            .collect();
        for ((output, (event_idx, _, _, shown)), line) in batch.iter().zip(&numbered).zip(rendered)
        {
            self.events.write(&line?)?;
            let page_scored = shown.as_ref().unwrap_or(&output.scored);
            self.index.add_event(
                &output.report,
                page_scored,
                *event_idx,
                &output.run_article_idxs,
            );
        }
        Ok(())
    }

    /// Writes the index pages and `errors.jsonl`, then puts the data files
    /// in place.
    pub fn finish(mut self, errors: &[InputError]) -> anyhow::Result<()> {
        self.index.add_errors(errors);
        for (file, page) in html::index_pages_of(&self.index) {
            write_file(&self.out_dir.join(file), &page)?;
        }
        self.articles.finish()?;
        write_file_with(&self.out_dir.join("errors.jsonl"), |out| {
            write_errors_jsonl(out, errors)
        })?;
        self.events.finish()
    }
}

fn advance(ids: &mut EventIds, scored: &ScoredEvent) {
    ids.first_alignment += scored.event.alignments.len();
    ids.first_divergence += scored.divergences.len();
}

/// The event without divergences below `min_confidence`, or `None` when
/// nothing is left out.
fn confident_event(scored: &ScoredEvent, min_confidence: f64) -> Option<ScoredEvent> {
    if !scored
        .divergences
        .iter()
        .any(|d| d.confidence < min_confidence)
    {
        return None;
    }
    let mut shown = scored.clone();
    shown.divergences.retain(|d| d.confidence >= min_confidence);
    Some(shown)
}

/// The report without divergences below `min_confidence`, or `None` when
/// nothing is left out.
fn confident(report: &Report, min_confidence: f64) -> Option<Report> {
    let weak = |scored: &crate::model::ScoredEvent| {
        scored
            .divergences
            .iter()
            .any(|d| d.confidence < min_confidence)
    };
    if !report.events.iter().any(weak) {
        return None;
    }
    let mut shown = report.clone();
    for scored in &mut shown.events {
        scored
            .divergences
            .retain(|d| d.confidence >= min_confidence);
    }
    Some(shown)
}

/// Writes `path` whole or not at all: into `.NAME.tmp-PID` beside it, then
/// renamed over it (a rename within a folder is atomic).
fn write_file(path: &Path, text: &str) -> anyhow::Result<()> {
    write_file_with(path, |out| out.write_all(text.as_bytes()))
}

/// `write_file` for text written as it is made, by `write`.
fn write_file_with(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    let written = File::create(&temporary)
        .and_then(|file| {
            let mut out = BufWriter::with_capacity(1 << 16, file);
            write(&mut out)?;
            out.flush()
        })
        .and_then(|()| fs::rename(&temporary, path));
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

/// Findings of an event shown first: those other than omissions, then the
/// omissions, each by severity × confidence (ties in report order), at most
/// `MAX_HEADLINE_FINDINGS` and `MAX_HEADLINE_OMISSIONS`. Indexes into the
/// event's divergences.
pub(crate) fn headline(scored: &crate::model::ScoredEvent) -> Vec<usize> {
    const MAX_HEADLINE_FINDINGS: usize = 6;
    const MAX_HEADLINE_OMISSIONS: usize = 3;
    let weight = |idx: &usize| {
        let d = &scored.divergences[*idx];
        d.severity * d.confidence
    };
    let ranked = |omissions: bool, limit: usize| {
        let mut idxs: Vec<usize> = (0..scored.divergences.len())
            .filter(|&i| {
                (scored.divergences[i].kind == crate::model::DivergenceType::Omission) == omissions
            })
            .collect();
        idxs.sort_by(|a, b| weight(b).total_cmp(&weight(a)).then(a.cmp(b)));
        idxs.truncate(limit);
        idxs
    };
    let mut shown = ranked(false, MAX_HEADLINE_FINDINGS);
    shown.extend(ranked(true, MAX_HEADLINE_OMISSIONS));
    shown
}
