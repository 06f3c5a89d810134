//! The views: one borrowed struct per object of the JSON contract, its
//! fields in the order of the object's keys, serialised by serde. Lists are
//! serialised from iterators, never collected.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::{span_text, PrefixedId, Score};
use crate::model::{
    Article, Divergence, Evidence, Extraction, Framing, InputError, Range, Report, ScoredEvent,
    Statement, StatementRef,
};
use crate::render::EventIds;

// ---------------------------------------------------------------- articles and extractions
/// `{"article", "statements", "framing"}`: one line of `parallax extract`.
#[derive(Serialize)]
pub(super) struct ExtractLineView<'a> {
    article: ArticleView<'a>,
    statements: StatementsView<'a>,
    framing: FramingsView<'a>,
}

impl<'a> ExtractLineView<'a> {
    pub(super) fn new(article: &'a Article, extraction: &'a Extraction, with_text: bool) -> Self {
        ExtractLineView {
            article: ArticleView::new(
                article,
                &extraction.cites,
                with_text || article.body_is_derived,
            ),
            statements: StatementsView {
                body: &article.body,
                statements: &extraction.statements,
            },
            framing: FramingsView {
                body: &article.body,
                framing: &extraction.framing,
            },
        }
    }
}

#[derive(Serialize)]
struct ArticleView<'a> {
    id: &'a str,
    outlet: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<&'a str>,
    source: &'a str,
    cites: &'a [String],
    /// The body, when asked for (or derived from HTML); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

impl<'a> ArticleView<'a> {
    pub(super) fn new(article: &'a Article, cites: &'a [String], with_text: bool) -> Self {
        ArticleView {
            id: &article.id,
            outlet: article.outlet.as_deref(),
            title: article.title.as_deref(),
            published: article.published.as_deref(),
            url: article.url.as_deref(),
            source: &article.source,
            cites,
            text: with_text.then_some(article.body.as_str()),
        }
    }
}

/// The statements of one article, as a list.
struct StatementsView<'a> {
    body: &'a str,
    statements: &'a [Statement],
}

impl Serialize for StatementsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let views = self.statements.iter();
        serializer.collect_seq(views.map(|statement| StatementView::new(self.body, statement)))
    }
}

#[derive(Serialize)]
struct StatementView<'a> {
    id: &'a str,
    kind: &'static str,
    speaker: SpeakerView<'a>,
    cue: Option<SpanView<'a>>,
    content: SpanView<'a>,
    topics: &'a [String],
}

impl<'a> StatementView<'a> {
    pub(super) fn new(body: &'a str, statement: &'a Statement) -> Self {
        let speaker = &statement.speaker;
        StatementView {
            id: &statement.id,
            kind: statement.kind.as_str(),
            speaker: SpeakerView {
                name: speaker.name.as_deref(),
                mention: speaker.mention.map(|range| SpanView::new(body, range)),
                role: speaker.role.as_deref(),
            },
            cue: statement.cue.map(|range| SpanView::new(body, range)),
            content: SpanView::new(body, statement.content),
            topics: &statement.topics,
        }
    }
}

#[derive(Serialize)]
struct SpeakerView<'a> {
    name: Option<&'a str>,
    mention: Option<SpanView<'a>>,
    role: Option<&'a str>,
}

/// `{"text", "start", "end"}`: a span of a body with its text.
#[derive(Serialize)]
struct SpanView<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> SpanView<'a> {
    pub(super) fn new(body: &'a str, range: Range) -> Self {
        SpanView {
            text: span_text(body, range),
            start: range.start,
            end: range.end,
        }
    }
}

/// The framing words of one article, as a list.
struct FramingsView<'a> {
    body: &'a str,
    framing: &'a [Framing],
}

impl Serialize for FramingsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let views = self.framing.iter().map(|framing| FramingView {
            text: span_text(self.body, framing.range),
            start: framing.range.start,
            end: framing.range.end,
            category: framing.category,
        });
        serializer.collect_seq(views)
    }
}

#[derive(Serialize)]
struct FramingView<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    category: &'a str,
}

#[derive(Serialize)]
pub(super) struct ErrorView<'a> {
    source: &'a str,
    message: &'a str,
}

impl<'a> ErrorView<'a> {
    pub(super) fn new(error: &'a InputError) -> Self {
        ErrorView {
            source: &error.source,
            message: &error.message,
        }
    }
}

// ---------------------------------------------------------------- the report

/// `report.json`: each field takes what it shows from the whole report.
#[derive(Serialize)]
pub(super) struct ReportView<'a> {
    format_version: u32,
    #[serde(serialize_with = "articles")]
    articles: &'a Report,
    /// Keyed by article id, in article order.
    #[serde(serialize_with = "statements_by_article")]
    statements: &'a Report,
    /// Keyed by article id, in article order.
    #[serde(serialize_with = "framing_by_article")]
    framing: &'a Report,
    /// Ids `e1`..., `a1`... and `d1`... numbered across the whole report.
    #[serde(serialize_with = "events")]
    events: &'a Report,
    #[serde(serialize_with = "errors")]
    errors: &'a [InputError],
}

impl<'a> ReportView<'a> {
    pub(super) fn new(report: &'a Report) -> Self {
        ReportView {
            format_version: 1,
            articles: report,
            statements: report,
            framing: report,
            events: report,
            errors: &report.errors,
        }
    }
}

fn articles<S: Serializer>(report: &&Report, serializer: S) -> Result<S::Ok, S::Error> {
    let pairs = report.articles.iter().zip(&report.extractions);
    serializer.collect_seq(pairs.map(|(article, extraction)| {
        ArticleView::new(article, &extraction.cites, article.body_is_derived)
    }))
}

fn statements_by_article<S: Serializer>(
    report: &&Report,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    per_article(report, serializer, |article, extraction| StatementsView {
        body: &article.body,
        statements: &extraction.statements,
    })
}

fn framing_by_article<S: Serializer>(report: &&Report, serializer: S) -> Result<S::Ok, S::Error> {
    per_article(report, serializer, |article, extraction| FramingsView {
        body: &article.body,
        framing: &extraction.framing,
    })
}

/// An object keyed by article id, in article order (two articles with one
/// id give the key twice, as they were given).
fn per_article<'a, S: Serializer, V: Serialize>(
    report: &'a Report,
    serializer: S,
    value: impl Fn(&'a Article, &'a Extraction) -> V,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(report.articles.len()))?;
    for (article, extraction) in report.articles.iter().zip(&report.extractions) {
        map.serialize_entry(&article.id, &value(article, extraction))?;
    }
    map.end()
}

fn events<S: Serializer>(report: &&Report, serializer: S) -> Result<S::Ok, S::Error> {
    let ids = crate::render::event_ids(report);
    let events = report.events.iter().zip(&ids).enumerate();
    serializer.collect_seq(
        events.map(|(event_idx, (scored, ids))| EventView::new(report, scored, event_idx, ids)),
    )
}

fn errors<S: Serializer>(errors: &&[InputError], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(errors.iter().map(ErrorView::new))
}

// ---------------------------------------------------------------- events

/// One event, as in `report.json` and a line of `events.jsonl`.
#[derive(Serialize)]
pub(super) struct EventView<'a> {
    id: PrefixedId,
    label: &'a str,
    articles: ArticleIdsView<'a>,
    alignments: AlignmentsView<'a>,
    divergences: DivergencesView<'a>,
    only_in: StatementRefsView<'a>,
}

impl<'a> EventView<'a> {
    pub(super) fn new(
        report: &'a Report,
        scored: &'a ScoredEvent,
        event_idx: usize,
        ids: &'a EventIds,
    ) -> Self {
        let event = &scored.event;
        EventView {
            id: PrefixedId('e', event_idx + 1),
            label: &event.label,
            articles: ArticleIdsView {
                report,
                article_idxs: &event.articles,
            },
            alignments: AlignmentsView {
                report,
                scored,
                ids,
            },
            divergences: DivergencesView {
                report,
                scored,
                ids,
            },
            only_in: StatementRefsView {
                report,
                statements: &event.only_in,
            },
        }
    }
}

/// An event's articles, by id.
struct ArticleIdsView<'a> {
    report: &'a Report,
    article_idxs: &'a [usize],
}

impl Serialize for ArticleIdsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let articles = &self.report.articles;
        serializer.collect_seq(self.article_idxs.iter().map(|&idx| &articles[idx].id))
    }
}

/// An event's alignments, numbered from `ids.first_alignment`.
struct AlignmentsView<'a> {
    report: &'a Report,
    scored: &'a ScoredEvent,
    ids: &'a EventIds,
}

impl Serialize for AlignmentsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let alignments = self.scored.event.alignments.iter().enumerate();
        serializer.collect_seq(alignments.map(|(alignment_idx, alignment)| AlignmentView {
            id: PrefixedId('a', self.ids.first_alignment + alignment_idx),
            topic: &alignment.topic,
            agreement: Score(alignment.agreement),
            level: alignment.level.as_str(),
            statements: StatementRefsView {
                report: self.report,
                statements: &alignment.statements,
            },
            divergences: DivergenceIdsView {
                divergences: &self.scored.divergences,
                alignment_idx,
                first_divergence: self.ids.first_divergence,
            },
        }))
    }
}

#[derive(Serialize)]
struct AlignmentView<'a> {
    id: PrefixedId,
    topic: &'a str,
    agreement: Score,
    level: &'static str,
    statements: StatementRefsView<'a>,
    divergences: DivergenceIdsView<'a>,
}

/// The ids of the divergences found on one alignment.
struct DivergenceIdsView<'a> {
    divergences: &'a [Divergence],
    alignment_idx: usize,
    first_divergence: usize,
}

impl Serialize for DivergenceIdsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let found_here = self
            .divergences
            .iter()
            .enumerate()
            .filter(|(_, divergence)| divergence.alignment_idx == Some(self.alignment_idx));
        serializer.collect_seq(
            found_here
                .map(|(divergence_idx, _)| PrefixedId('d', self.first_divergence + divergence_idx)),
        )
    }
}

/// An event's divergences, numbered from `ids.first_divergence`.
struct DivergencesView<'a> {
    report: &'a Report,
    scored: &'a ScoredEvent,
    ids: &'a EventIds,
}

impl Serialize for DivergencesView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let divergences = self.scored.divergences.iter().enumerate();
        serializer.collect_seq(divergences.map(|(divergence_idx, divergence)| {
            let alignment_idx = divergence.alignment_idx;
            DivergenceView {
                id: PrefixedId('d', self.ids.first_divergence + divergence_idx),
                kind: divergence.kind.as_str(),
                severity: Score(divergence.severity),
                confidence: Score(divergence.confidence),
                explanation: &divergence.explanation,
                alignment: alignment_idx.map(|idx| PrefixedId('a', self.ids.first_alignment + idx)),
                spans: EvidenceView {
                    report: self.report,
                    spans: &divergence.spans,
                },
            }
        }))
    }
}

#[derive(Serialize)]
struct DivergenceView<'a> {
    id: PrefixedId,
    #[serde(rename = "type")]
    kind: &'static str,
    severity: Score,
    confidence: Score,
    explanation: &'a str,
    alignment: Option<PrefixedId>,
    spans: EvidenceView<'a>,
}

/// A divergence's evidence: `{"article", "text", "start", "end"}` each.
struct EvidenceView<'a> {
    report: &'a Report,
    spans: &'a [Evidence],
}

impl Serialize for EvidenceView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.spans.iter().map(|evidence| {
            let article = &self.report.articles[evidence.article_idx];
            SpanOfArticleView {
                article: &article.id,
                text: span_text(&article.body, evidence.range),
                start: evidence.range.start,
                end: evidence.range.end,
            }
        }))
    }
}

#[derive(Serialize)]
struct SpanOfArticleView<'a> {
    article: &'a str,
    text: &'a str,
    start: usize,
    end: usize,
}

/// Statements referenced by article id and statement id.
struct StatementRefsView<'a> {
    report: &'a Report,
    statements: &'a [StatementRef],
}

impl Serialize for StatementRefsView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let report = self.report;
        serializer.collect_seq(self.statements.iter().map(|statement| {
            let extraction = &report.extractions[statement.article_idx];
            StatementRefView {
                article: &report.articles[statement.article_idx].id,
                statement: &extraction.statements[statement.statement_idx].id,
            }
        }))
    }
}

#[derive(Serialize)]
struct StatementRefView<'a> {
    article: &'a str,
    statement: &'a str,
}
