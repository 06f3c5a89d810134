//! The index pages: takes a report; gives `index.html`, `index-2.html`, ...
//! with `EVENTS_PER_PAGE` events each (label, date, outlets, articles,
//! findings by type, agreement gauge), sortable and searchable by the page
//! script, and the articles of those events.

use super::{article_label, event_label, legend, or_dash, LegendItem, DIVERGENCE_TYPES, SCRIPT};
use crate::model::{AlignmentLevel, Article, Report, ScoredEvent};
use crate::render::json::format_score;
use askama::Template;
use std::collections::BTreeSet;

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
    script: &'static str,
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
    /// The earliest publication date of its articles, or empty.
    date: String,
    outlets: String,
    n_articles: usize,
    n_alignments: usize,
    n_only_in: usize,
    n_findings: usize,
    counts: Vec<(&'static str, usize)>,
    /// The event's agreement as printed (`0.75`), or empty when it has no
    /// claim-level alignment.
    agreement: String,
    /// What the search box looks in: label, outlets and speakers, lower case.
    search: String,
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
                row.event_file = super::event_file(event_idx);
            }
        }
        let row = event_row(report, event_idx, scored);
        self.events.push((row, run_article_idxs.to_vec()));
    }

    /// Adds inputs that could not be read.
    pub fn add_errors(&mut self, errors: &[crate::model::InputError]) {
        let pairs = errors.iter();
        self.errors
            .extend(pairs.map(|error| (error.source.clone(), error.message.clone())));
    }
}

/// The index of a run's summary, `EVENTS_PER_PAGE` events a page: each
/// page lists its events with their divergence counts and their articles;
/// the first also lists the inputs that could not be read. Gives (file
/// name, page) pairs.
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
                script: SCRIPT,
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
    let articles = &scored.event.articles;
    let outlets: Vec<String> = articles
        .iter()
        .map(|&article_idx| article_label(&report.articles[article_idx]))
        .collect();
    let date = articles
        .iter()
        .filter_map(|&article_idx| report.articles[article_idx].published.as_deref())
        .min()
        .unwrap_or_default();
    let label = event_label(scored, event_idx);
    let speakers: BTreeSet<&str> = articles
        .iter()
        .flat_map(|&article_idx| &report.extractions[article_idx].statements)
        .filter_map(|statement| statement.speaker.name.as_deref())
        .collect();
    let speakers: Vec<&str> = speakers.into_iter().collect();
    let search = format!("{label} {} {}", outlets.join(" "), speakers.join(" ")).to_lowercase();
    EventRow {
        id: format!("e{}", event_idx + 1),
        file: super::event_file(event_idx),
        label,
        date: date.to_string(),
        outlets: outlets.join(", "),
        n_articles: articles.len(),
        n_alignments: scored.event.alignments.len(),
        n_only_in: scored.event.only_in.len(),
        n_findings: scored.divergences.len(),
        counts: type_counts(scored),
        agreement: agreement(scored).map_or(String::new(), format_score),
        search,
    }
}

/// How far the outlets agree on an event: the mean agreement of its
/// claim-level alignments (topic-level ones measure likeness of topic, not
/// agreement), or `None` when it has none.
pub(super) fn agreement(scored: &ScoredEvent) -> Option<f64> {
    let claims: Vec<f64> = scored
        .event
        .alignments
        .iter()
        .filter(|alignment| alignment.level == AlignmentLevel::Claim)
        .map(|alignment| alignment.agreement)
        .collect();
    (!claims.is_empty()).then(|| claims.iter().sum::<f64>() / claims.len() as f64)
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
