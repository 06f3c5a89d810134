//! HTML pages: takes a report; gives `index.html` and one `event-eN.html`
//! per event, as strings. Templates are in `templates/` (askama, escaping on).

use super::json::{format_score, span_text};
use super::marks::{pieces, word_diff, Mark, Piece};
use super::EventIds;
use crate::model::{
    Alignment, AlignmentLevel, Article, DivergenceType, Range, Report, ScoredEvent, StatementKind,
    StatementRef,
};
use askama::Template;
use std::collections::BTreeMap;

/// Every divergence type in contract order, with what it means.
const DIVERGENCE_TYPES: [(DivergenceType, &str); 11] = [
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

fn legend() -> Vec<LegendItem> {
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
fn article_label(article: &Article) -> String {
    article.outlet.clone().unwrap_or_else(|| article.id.clone())
}

fn or_dash(value: Option<&str>) -> String {
    value.unwrap_or("—").to_string()
}

// ---------------------------------------------------------------- index

#[derive(Template)]
#[template(path = "index.html")]
struct IndexPage {
    articles: Vec<ArticleRow>,
    events: Vec<EventRow>,
    errors: Vec<(String, String)>,
    legend: Vec<LegendItem>,
    n_articles: usize,
    n_events: usize,
    n_errors: usize,
    /// Links to every page of the index: (label, file, is this page).
    pages: Vec<(String, String, bool)>,
}

/// Events listed on one index page, so that the index of a run of any
/// size opens quickly.
pub const EVENTS_PER_PAGE: usize = 300;

/// The file of index page `page_idx` (0-based): `index.html`, `index-2.html`, ...
pub fn index_file(page_idx: usize) -> String {
    if page_idx == 0 {
        "index.html".to_string()
    } else {
        format!("index-{}.html", page_idx + 1)
    }
}

#[derive(Clone)]
struct ArticleRow {
    id: String,
    outlet: String,
    title: String,
    published: String,
    source: String,
    n_statements: usize,
    event_id: String,
    event_file: String,
}

#[derive(Clone)]
struct EventRow {
    id: String,
    file: String,
    label: String,
    outlets: String,
    n_alignments: usize,
    n_only_in: usize,
    counts: Vec<(&'static str, usize)>,
}

/// What the index shows of a run: a row per article and per event, and
/// the inputs that could not be read. Built from a whole report, or event
/// by event by a streaming `compare` (no article body is kept).
#[derive(Default)]
pub struct IndexSummary {
    articles: Vec<ArticleRow>,
    /// Each event's row and its articles (indexes into `articles`).
    events: Vec<(EventRow, Vec<usize>)>,
    errors: Vec<(String, String)>,
}

impl IndexSummary {
    /// The summary of a whole report.
    pub fn of_report(report: &Report) -> IndexSummary {
        let mut summary = IndexSummary::default();
        for (article, extraction) in report.articles.iter().zip(&report.extractions) {
            summary.add_article(article, extraction.statements.len());
        }
        for (event_idx, scored) in report.events.iter().enumerate() {
            summary.add_event(report, scored, event_idx, &scored.event.articles);
        }
        summary.add_errors(&report.errors);
        summary
    }

    /// Adds the next article of the run.
    pub fn add_article(&mut self, article: &Article, n_statements: usize) {
        self.articles.push(ArticleRow {
            id: article.id.clone(),
            outlet: or_dash(article.outlet.as_deref()),
            title: or_dash(article.title.as_deref()),
            published: or_dash(article.published.as_deref()),
            source: article.source.clone(),
            n_statements,
            event_id: String::new(),
            event_file: String::new(),
        });
    }

    /// Adds the next event: `scored` indexes the articles of `report`, which
    /// are the run's articles `run_article_idxs` (added before).
    pub fn add_event(
        &mut self,
        report: &Report,
        scored: &ScoredEvent,
        event_idx: usize,
        run_article_idxs: &[usize],
    ) {
        for &article_idx in run_article_idxs {
            let row = &mut self.articles[article_idx];
            if row.event_id.is_empty() {
                row.event_id = format!("e{}", event_idx + 1);
                row.event_file = event_file(event_idx);
            }
        }
        let row = event_row(report, event_idx, scored);
        self.events.push((row, run_article_idxs.to_vec()));
    }

    pub fn add_errors(&mut self, errors: &[crate::model::InputError]) {
        let pairs = errors.iter();
        self.errors
            .extend(pairs.map(|error| (error.source.clone(), error.message.clone())));
    }
}

/// The index, `EVENTS_PER_PAGE` events a page: each page lists its events
/// with their divergence counts and their articles; the first also lists
/// the inputs that could not be read. Gives (file name, page) pairs.
pub fn index_pages_of(summary: &IndexSummary) -> Vec<(String, String)> {
    let n_events = summary.events.len();
    let n_pages = n_events.div_ceil(EVENTS_PER_PAGE).max(1);
    (0..n_pages)
        .map(|page_idx| {
            let first = page_idx * EVENTS_PER_PAGE;
            let last = (first + EVENTS_PER_PAGE).min(n_events);
            let on_page = &summary.events[first..last];
            let events: Vec<EventRow> = on_page.iter().map(|(row, _)| row.clone()).collect();
            let mut article_idxs: Vec<usize> = on_page
                .iter()
                .flat_map(|(_, idxs)| idxs.iter().copied())
                .collect();
            if n_pages == 1 {
                article_idxs = (0..summary.articles.len()).collect();
            }
            article_idxs.sort_unstable();
            article_idxs.dedup();
            let page = IndexPage {
                articles: article_idxs
                    .iter()
                    .map(|&idx| summary.articles[idx].clone())
                    .collect(),
                events,
                errors: if page_idx == 0 {
                    summary.errors.clone()
                } else {
                    Vec::new()
                },
                legend: legend(),
                n_articles: summary.articles.len(),
                n_events,
                n_errors: summary.errors.len(),
                pages: if n_pages == 1 {
                    Vec::new()
                } else {
                    (0..n_pages)
                        .map(|idx| ((idx + 1).to_string(), index_file(idx), idx == page_idx))
                        .collect()
                },
            };
            let html = page
                .render()
                .expect("rendering a template into a string cannot fail");
            (index_file(page_idx), html)
        })
        .collect()
}

fn event_row(report: &Report, event_idx: usize, scored: &ScoredEvent) -> EventRow {
    let outlets: Vec<String> = scored
        .event
        .articles
        .iter()
        .map(|&article_idx| article_label(&report.articles[article_idx]))
        .collect();
    EventRow {
        id: format!("e{}", event_idx + 1),
        file: event_file(event_idx),
        label: event_label(scored, event_idx),
        outlets: outlets.join(", "),
        n_alignments: scored.event.alignments.len(),
        n_only_in: scored.event.only_in.len(),
        counts: type_counts(scored),
    }
}

fn event_label(scored: &ScoredEvent, event_idx: usize) -> String {
    if scored.event.label.is_empty() {
        format!("Event e{}", event_idx + 1)
    } else {
        scored.event.label.clone()
    }
}

/// Divergences by type, in contract order, leaving out types not found.
fn type_counts(scored: &ScoredEvent) -> Vec<(&'static str, usize)> {
    DIVERGENCE_TYPES
        .iter()
        .map(|(kind, _)| {
            let n = scored
                .divergences
                .iter()
                .filter(|divergence| divergence.kind == *kind)
                .count();
            (kind.as_str(), n)
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

// ---------------------------------------------------------------- event page

#[derive(Template)]
#[template(path = "event.html")]
struct EventPage {
    id: String,
    label: String,
    /// The findings a reader should see first: (divergence id, type,
    /// explanation), linking to the divergence.
    headline: Vec<(String, &'static str, String)>,
    columns: Vec<Column>,
    voices: Vec<VoiceRow>,
    rows: Vec<AlignmentRow>,
    divergences: Vec<DivergenceView>,
    legend: Vec<LegendItem>,
}

/// One speaker of the event and how often each outlet gives them a voice.
struct VoiceRow {
    speaker: String,
    role: String,
    /// Per column: "3 · 1 quoted", or empty when the outlet does not quote them.
    counts: Vec<String>,
}

/// One article of the event: a column of the page.
struct Column {
    id: String,
    label: String,
    title: String,
    published: String,
    url: String,
    /// The outlet's framing words, most frequent first: (word, category,
    /// "×N" when used more than once).
    framing: Vec<(String, &'static str, String)>,
    only_in: Vec<StatementCell>,
    body: Vec<Piece>,
}

struct AlignmentRow {
    id: String,
    topic: String,
    agreement: String,
    /// `claim` or `topic` (same topic, worded differently: not word-compared).
    level: &'static str,
    cells: Vec<Option<StatementCell>>,
    divergences: Vec<(String, &'static str)>,
}

struct StatementCell {
    id: String,
    speaker: String,
    /// The title or role seen with the name ("US Secretary of State"), or empty.
    role: String,
    kind: &'static str,
    content: Vec<Piece>,
}

struct DivergenceView {
    id: String,
    kind: &'static str,
    severity: String,
    explanation: String,
    alignment: String,
    evidence: Vec<(String, String)>,
}

/// One event's page: outlets side by side, aligned statements on one row.
pub fn event_page(report: &Report, event_idx: usize, ids: &EventIds) -> String {
    event_page_of(report, &report.events[event_idx], event_idx, ids)
}

/// The page of event `event_idx` of the run, `scored`, whose article
/// indexes point into `report` (which may hold only this event's articles).
pub fn event_page_of(
    report: &Report,
    scored: &ScoredEvent,
    event_idx: usize,
    ids: &EventIds,
) -> String {
    let page = EventPage {
        id: format!("e{}", event_idx + 1),
        label: event_label(scored, event_idx),
        headline: super::headline(scored)
            .into_iter()
            .map(|idx| {
                let divergence = &scored.divergences[idx];
                (
                    format!("d{}", ids.first_divergence + idx),
                    divergence.kind.as_str(),
                    divergence.explanation.clone(),
                )
            })
            .collect(),
        columns: columns(report, scored),
        voices: voices(report, scored),
        rows: alignment_rows(report, scored, ids),
        divergences: divergence_views(report, scored, ids),
        legend: legend(),
    };
    page.render()
        .expect("rendering a template into a string cannot fail")
}

/// Framing words shown per outlet, at most.
const MAX_FRAMING_WORDS: usize = 15;

/// Who is quoted: every named speaker of the event with, per article, the
/// number of statements and how many of them quote the speaker's words.
/// Most-heard speakers first; ties by name.
fn voices(report: &Report, scored: &ScoredEvent) -> Vec<VoiceRow> {
    let articles = &scored.event.articles;
    let mut tally: BTreeMap<String, (String, Vec<(usize, usize)>)> = BTreeMap::new();
    for (column, &article_idx) in articles.iter().enumerate() {
        for statement in &report.extractions[article_idx].statements {
            let Some(name) = &statement.speaker.name else {
                continue;
            };
            let entry = tally
                .entry(name.clone())
                .or_insert_with(|| (String::new(), vec![(0, 0); articles.len()]));
            if entry.0.is_empty() {
                entry.0 = statement.speaker.role.clone().unwrap_or_default();
            }
            entry.1[column].0 += 1;
            if matches!(statement.kind, StatementKind::Direct | StatementKind::Mixed) {
                entry.1[column].1 += 1;
            }
        }
    }
    let mut rows: Vec<(usize, VoiceRow)> = tally
        .into_iter()
        .map(|(speaker, (role, counts))| {
            let total = counts.iter().map(|c| c.0).sum();
            let counts = counts
                .iter()
                .map(|&(n, quoted)| match (n, quoted) {
                    (0, _) => String::new(),
                    (n, 0) => n.to_string(),
                    (n, quoted) => format!("{n} · {quoted} quoted"),
                })
                .collect();
            (
                total,
                VoiceRow {
                    speaker,
                    role,
                    counts,
                },
            )
        })
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.speaker.cmp(&b.1.speaker)));
    rows.into_iter().map(|(_, row)| row).collect()
}

/// The outlet's framing words, lower-cased and counted, most frequent first.
fn framing_words(report: &Report, article_idx: usize) -> Vec<(String, &'static str, String)> {
    let body = &report.articles[article_idx].body;
    let mut counts: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    for framing in &report.extractions[article_idx].framing {
        let word = framing.range.text(body).to_lowercase();
        *counts.entry((word, framing.category)).or_default() += 1;
    }
    let mut words: Vec<(String, &'static str, usize)> = counts
        .into_iter()
        .map(|((word, category), count)| (word, category, count))
        .collect();
    words.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    words.truncate(MAX_FRAMING_WORDS);
    words
        .into_iter()
        .map(|(word, category, count)| {
            let times = if count > 1 {
                format!("×{count}")
            } else {
                String::new()
            };
            (word, category, times)
        })
        .collect()
}

fn columns(report: &Report, scored: &ScoredEvent) -> Vec<Column> {
    let columns = scored.event.articles.iter().map(|&article_idx| {
        let article = &report.articles[article_idx];
        let only_in = scored
            .event
            .only_in
            .iter()
            .filter(|statement| statement.article_idx == article_idx);
        Column {
            id: article.id.clone(),
            label: article_label(article),
            title: or_dash(article.title.as_deref()),
            published: or_dash(article.published.as_deref()),
            url: article.url.clone().unwrap_or_default(),
            framing: framing_words(report, article_idx),
            only_in: only_in
                .map(|statement| statement_cell(report, scored, statement, Vec::new()))
                .collect(),
            body: pieces(
                &article.body,
                Range::new(0, article.body.len()),
                &body_marks(report, scored, article_idx),
            ),
        }
    });
    columns.collect()
}

/// A whole body with its framing, divergence evidence and statement contents.
fn body_marks(report: &Report, scored: &ScoredEvent, article_idx: usize) -> Vec<Mark> {
    let mut marks = context_marks(report, scored, article_idx);
    let statements = report.extractions[article_idx].statements.iter();
    marks.extend(statements.map(|statement| mark(statement.content, "said")));
    marks
}

/// The marks shown wherever an article's text is: framing words and the
/// evidence of the event's divergences.
fn context_marks(report: &Report, scored: &ScoredEvent, article_idx: usize) -> Vec<Mark> {
    let framing = report.extractions[article_idx].framing.iter();
    let mut marks: Vec<Mark> = framing
        .map(|framing| mark(framing.range, &format!("frame frame-{}", framing.category)))
        .collect();
    for divergence in &scored.divergences {
        let class = format!("ev t-{}", divergence.kind.as_str());
        let evidence = divergence.spans.iter();
        let evidence = evidence.filter(|evidence| evidence.article_idx == article_idx);
        marks.extend(evidence.map(|evidence| mark(evidence.range, &class)));
    }
    marks
}

fn alignment_rows(report: &Report, scored: &ScoredEvent, ids: &EventIds) -> Vec<AlignmentRow> {
    let alignments = scored.event.alignments.iter().enumerate();
    alignments
        .map(|(alignment_idx, alignment)| {
            let divergences = scored.divergences.iter().enumerate();
            let divergences = divergences
                .filter(|(_, divergence)| divergence.alignment_idx == Some(alignment_idx));
            AlignmentRow {
                id: format!("a{}", ids.first_alignment + alignment_idx),
                topic: alignment.topic.clone(),
                agreement: format_score(alignment.agreement),
                level: alignment.level.as_str(),
                cells: aligned_cells(report, scored, alignment),
                divergences: divergences
                    .map(|(idx, divergence)| {
                        (
                            format!("d{}", ids.first_divergence + idx),
                            divergence.kind.as_str(),
                        )
                    })
                    .collect(),
            }
        })
        .collect()
}

/// One cell per article of the event. For a claim-level alignment the first
/// statement is the reference: its words missing from another statement are
/// marked removed, and each other statement's words missing from it are
/// marked added. Topic-level rows are different sentences on one topic, so
/// their words are not compared.
fn aligned_cells(
    report: &Report,
    scored: &ScoredEvent,
    alignment: &Alignment,
) -> Vec<Option<StatementCell>> {
    let statements = &alignment.statements;
    let mut diff_marks: Vec<Vec<Mark>> = vec![Vec::new(); statements.len()];
    let compare_words = alignment.level == AlignmentLevel::Claim;
    if let Some((reference, others)) = statements.split_first().filter(|_| compare_words) {
        let (reference_body, reference_content) = content_of(report, reference);
        for (idx, other) in others.iter().enumerate() {
            let (body, content) = content_of(report, other);
            let (removed, added) = word_diff(reference_body, reference_content, body, content);
            diff_marks[0].extend(removed.into_iter().map(|range| mark(range, "del")));
            diff_marks[idx + 1].extend(added.into_iter().map(|range| mark(range, "ins")));
        }
    }
    let cells = scored.event.articles.iter().map(|&article_idx| {
        let position = statements
            .iter()
            .position(|statement| statement.article_idx == article_idx)?;
        let marks = std::mem::take(&mut diff_marks[position]);
        Some(statement_cell(report, scored, &statements[position], marks))
    });
    cells.collect()
}

fn mark(range: Range, class: &str) -> Mark {
    Mark {
        range,
        class: class.to_string(),
    }
}

fn content_of<'a>(report: &'a Report, statement: &StatementRef) -> (&'a str, Range) {
    let body = &report.articles[statement.article_idx].body;
    let content =
        report.extractions[statement.article_idx].statements[statement.statement_idx].content;
    (body, content)
}

/// A statement with its content marked: the given marks, framing words and
/// the evidence of every divergence of the event.
fn statement_cell(
    report: &Report,
    scored: &ScoredEvent,
    reference: &StatementRef,
    mut marks: Vec<Mark>,
) -> StatementCell {
    let statement = &report.extractions[reference.article_idx].statements[reference.statement_idx];
    marks.extend(context_marks(report, scored, reference.article_idx));
    let body = &report.articles[reference.article_idx].body;
    StatementCell {
        id: statement.id.clone(),
        speaker: statement
            .speaker
            .name
            .clone()
            .unwrap_or_else(|| "unattributed".to_string()),
        role: statement.speaker.role.clone().unwrap_or_default(),
        kind: statement.kind.as_str(),
        content: pieces(body, statement.content, &marks),
    }
}

fn divergence_views(report: &Report, scored: &ScoredEvent, ids: &EventIds) -> Vec<DivergenceView> {
    let divergences = scored.divergences.iter().enumerate();
    divergences
        .map(|(idx, divergence)| DivergenceView {
            id: format!("d{}", ids.first_divergence + idx),
            kind: divergence.kind.as_str(),
            severity: format_score(divergence.severity),
            explanation: divergence.explanation.clone(),
            alignment: divergence
                .alignment_idx
                .map_or(String::new(), |alignment_idx| {
                    format!("a{}", ids.first_alignment + alignment_idx)
                }),
            evidence: divergence
                .spans
                .iter()
                .map(|evidence| {
                    let article = &report.articles[evidence.article_idx];
                    (
                        article_label(article),
                        span_text(&article.body, evidence.range).to_string(),
                    )
                })
                .collect(),
        })
        .collect()
}
