//! An event's page: takes a report and an event; gives the page with
//! "What differs" first, the filters, the speakers chart and table, the
//! framing panel, the aligned statements side by side (word differences
//! marked), the findings with their evidence and the full texts.
//!
//! Every row, "only here" statement and finding carries what the filters
//! read: `data-findings` (`type:confidence` of its findings) and
//! `data-speakers` (names joined by `|`).

use super::framing::{framing_panel, FramingPanel};
use super::speakers::{speaker_chart, SpeakerChart};
use super::{article_label, event_label, finding_key, legend, or_dash, LegendItem, SCRIPT};
use crate::model::{
    Alignment, AlignmentLevel, Divergence, DivergenceType, Range, Report, ScoredEvent,
    StatementKind, StatementRef,
};
use crate::render::json::{format_score, span_text};
use crate::render::marks::{pieces, word_diff, Mark, Piece};
use crate::render::EventIds;
use askama::Template;
use std::collections::{BTreeMap, BTreeSet};

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
    chart: SpeakerChart,
    framing: FramingPanel,
    /// The finding types present, for the type filter.
    filter_types: Vec<&'static str>,
    /// The named speakers, by name, for the speaker filter.
    filter_speakers: Vec<String>,
    script: &'static str,
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
    /// Where the article got its story: "← Bloomberg, rossmedia", or empty.
    cites: String,
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
    /// (id, type, confidence) of the findings on the row.
    divergences: Vec<(String, &'static str, String)>,
    findings: String,
    speakers: String,
}

struct StatementCell {
    id: String,
    speaker: String,
    /// The title or role seen with the name ("US Secretary of State"), or empty.
    role: String,
    kind: &'static str,
    content: Vec<Piece>,
    /// The findings whose evidence lies in the content, for the filters.
    findings: String,
}

struct DivergenceView {
    id: String,
    kind: &'static str,
    severity: String,
    confidence: String,
    findings: String,
    speakers: String,
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
        headline: crate::render::headline(scored)
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
        chart: speaker_chart(report, scored),
        framing: framing_panel(report, scored, ids),
        filter_types: filter_types(scored),
        filter_speakers: filter_speakers(report, scored),
        script: SCRIPT,
    };
    page.render()
        .expect("rendering a template into a string cannot fail")
}

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
            cites: cites(report, article_idx),
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
                cells: aligned_cells(report, scored, alignment_idx),
                findings: findings_key(divergences.clone().map(|(_, divergence)| divergence)),
                speakers: alignment_speakers(report, alignment).join("|"),
                divergences: divergences
                    .map(|(idx, divergence)| {
                        (
                            format!("d{}", ids.first_divergence + idx),
                            divergence.kind.as_str(),
                            format_score(divergence.confidence),
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
/// their whole contents are not compared; the evidence of a finding on the
/// row that has evidence on two sides is (`evidence_diff_marks`).
fn aligned_cells(
    report: &Report,
    scored: &ScoredEvent,
    alignment_idx: usize,
) -> Vec<Option<StatementCell>> {
    let alignment = &scored.event.alignments[alignment_idx];
    let statements = &alignment.statements;
    let mut diff_marks: Vec<Vec<Mark>> = vec![Vec::new(); statements.len()];
    if alignment.level == AlignmentLevel::Claim {
        if let Some((reference, others)) = statements.split_first() {
            let (reference_body, reference_content) = content_of(report, reference);
            for (idx, other) in others.iter().enumerate() {
                let (body, content) = content_of(report, other);
                let (removed, added) = word_diff(reference_body, reference_content, body, content);
                diff_marks[0].extend(removed.into_iter().map(|range| mark(range, "del")));
                diff_marks[idx + 1].extend(added.into_iter().map(|range| mark(range, "ins")));
            }
        }
    } else {
        // A misattribution's evidence is the whole of each statement (the
        // words agree, the speakers do not); an omission has one side.
        let on_row = scored.divergences.iter().filter(|divergence| {
            divergence.alignment_idx == Some(alignment_idx)
                && !matches!(
                    divergence.kind,
                    DivergenceType::Misattribution | DivergenceType::Omission
                )
        });
        for divergence in on_row {
            for (article_idx, marks) in evidence_diff_marks(report, alignment, divergence) {
                let position = statements.iter().position(|s| s.article_idx == article_idx);
                diff_marks[position.expect("marks only for the row's articles")].extend(marks);
            }
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

/// Word differences read from a finding's evidence on a topic-level row:
/// the first side's evidence (in the row's article order) against each
/// other side's, word by word, marked removed and added. Nothing when the
/// finding has evidence on one side only. Gives (article, marks) pairs.
fn evidence_diff_marks(
    report: &Report,
    alignment: &Alignment,
    divergence: &Divergence,
) -> Vec<(usize, Vec<Mark>)> {
    let on_row = |article_idx: usize| {
        alignment
            .statements
            .iter()
            .any(|s| s.article_idx == article_idx)
    };
    let mut sides: BTreeMap<usize, Vec<Range>> = BTreeMap::new();
    for evidence in divergence.spans.iter().filter(|e| on_row(e.article_idx)) {
        sides
            .entry(evidence.article_idx)
            .or_default()
            .push(evidence.range);
    }
    let mut sides = sides.into_iter();
    let Some((first_idx, first_ranges)) = sides.next() else {
        return Vec::new();
    };
    let first_body = &report.articles[first_idx].body;
    let mut out = Vec::new();
    let mut first_marks = Vec::new();
    for (other_idx, other_ranges) in sides {
        let body = &report.articles[other_idx].body;
        let mut marks = Vec::new();
        for (&old, &new) in first_ranges.iter().zip(&other_ranges) {
            let (removed, added) = word_diff(first_body, old, body, new);
            first_marks.extend(removed.into_iter().map(|range| mark(range, "del")));
            marks.extend(added.into_iter().map(|range| mark(range, "ins")));
        }
        out.push((other_idx, marks));
    }
    if !out.is_empty() {
        out.insert(0, (first_idx, first_marks));
    }
    out
}

/// The named speakers of an alignment's statements, sorted.
fn alignment_speakers(report: &Report, alignment: &Alignment) -> Vec<String> {
    let names = alignment.statements.iter().filter_map(|statement| {
        report.extractions[statement.article_idx].statements[statement.statement_idx]
            .speaker
            .name
            .clone()
    });
    let names: BTreeSet<String> = names.collect();
    names.into_iter().collect()
}

/// The named speakers of the statements a finding is about: those of its
/// row, else those whose content or mention holds some of its evidence.
fn divergence_speakers(
    report: &Report,
    scored: &ScoredEvent,
    divergence: &Divergence,
) -> Vec<String> {
    if let Some(alignment_idx) = divergence.alignment_idx {
        return alignment_speakers(report, &scored.event.alignments[alignment_idx]);
    }
    let mut names = BTreeSet::new();
    for evidence in &divergence.spans {
        for statement in &report.extractions[evidence.article_idx].statements {
            let mention = statement.speaker.mention.unwrap_or_default();
            let touches = statement.content.overlap(&evidence.range) > 0
                || mention.overlap(&evidence.range) > 0;
            if let (true, Some(name)) = (touches, &statement.speaker.name) {
                names.insert(name.clone());
            }
        }
    }
    names.into_iter().collect()
}

/// `type:confidence` of each finding, space-separated, for `data-findings`.
fn findings_key<'a>(divergences: impl Iterator<Item = &'a Divergence>) -> String {
    let keys: Vec<String> = divergences
        .map(|divergence| finding_key(divergence.kind, divergence.confidence))
        .collect();
    keys.join(" ")
}

/// The types of the event's findings, in contract order.
fn filter_types(scored: &ScoredEvent) -> Vec<&'static str> {
    let present: BTreeSet<_> = scored.divergences.iter().map(|d| d.kind).collect();
    present.into_iter().map(|kind| kind.as_str()).collect()
}

/// Every named speaker of the event's articles, by name.
fn filter_speakers(report: &Report, scored: &ScoredEvent) -> Vec<String> {
    let statements = scored
        .event
        .articles
        .iter()
        .flat_map(|&article_idx| &report.extractions[article_idx].statements);
    let names: BTreeSet<&String> = statements.filter_map(|s| s.speaker.name.as_ref()).collect();
    names.into_iter().cloned().collect()
}

/// "← Bloomberg, rossmedia" for an article that cites sources, else empty.
fn cites(report: &Report, article_idx: usize) -> String {
    let cites = &report.extractions[article_idx].cites;
    if cites.is_empty() {
        String::new()
    } else {
        format!("← {}", cites.join(", "))
    }
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
        findings: findings_key(scored.divergences.iter().filter(|divergence| {
            divergence.spans.iter().any(|evidence| {
                evidence.article_idx == reference.article_idx
                    && evidence.range.overlap(&statement.content) > 0
            })
        })),
    }
}

fn divergence_views(report: &Report, scored: &ScoredEvent, ids: &EventIds) -> Vec<DivergenceView> {
    let divergences = scored.divergences.iter().enumerate();
    divergences
        .map(|(idx, divergence)| DivergenceView {
            id: format!("d{}", ids.first_divergence + idx),
            kind: divergence.kind.as_str(),
            severity: format_score(divergence.severity),
            confidence: format_score(divergence.confidence),
            findings: finding_key(divergence.kind, divergence.confidence),
            speakers: divergence_speakers(report, scored, divergence).join("|"),
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
