//! JSON output: takes articles, extractions and reports; gives the
//! contract's JSON (`parallax extract` lines, `report.json`, and the batch
//! files `events.jsonl`, `articles.jsonl` and `errors.jsonl`).
//!
//! Written with serde: each object of the contract is a borrowed view
//! (`ArticleView`, `StatementView`, ...) whose fields, in order, are the
//! object's keys, serialised straight into the output; no value tree and no
//! copy of the text is made. Lists are serialised from iterators. Scores
//! print as `format_score` writes them (three decimals at most, no trailing
//! zeros); `report.json` is indented by two spaces a level.

use std::io::{self, Write};

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::ser::PrettyFormatter;

use super::EventIds;
use crate::model::{
    Article, Divergence, Evidence, Extraction, Framing, InputError, Range, Report, ScoredEvent,
    Statement, StatementRef,
};

/// One `parallax extract` line (without the line break).
pub fn extract_line(article: &Article, extraction: &Extraction, with_text: bool) -> String {
    let line = ExtractLineView::new(article, extraction, with_text);
    serde_json::to_string(&line).expect("the contract's views always serialise")
}

/// Writes one `parallax extract` line (without the line break) to `out`.
pub fn write_extract_line(
    out: &mut impl Write,
    article: &Article,
    extraction: &Extraction,
    with_text: bool,
) -> io::Result<()> {
    let line = ExtractLineView::new(article, extraction, with_text);
    serde_json::to_writer(out, &line).map_err(io::Error::from)
}

/// The whole `report.json`, indented, ending with a line break.
pub fn report_json(report: &Report) -> String {
    let mut out = Vec::with_capacity(4096);
    write_report_json(&mut out, report).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the whole `report.json`, indented, ending with a line break.
pub fn write_report_json(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let formatter = PrettyFormatter::with_indent(b"  ");
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, formatter);
    ReportView::new(report).serialize(&mut serializer)?;
    out.write_all(b"\n")
}

/// `articles.jsonl` for batch runs: one line per article, in input order,
/// as `parallax extract` prints it (article with its cited sources,
/// statements, framing).
pub fn articles_jsonl(report: &Report) -> String {
    let mut out = Vec::new();
    write_articles_jsonl(&mut out, &report.articles, &report.extractions)
        .expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the lines of `articles.jsonl` for these articles, each ending with
/// a line break.
pub fn write_articles_jsonl(
    out: &mut impl Write,
    articles: &[Article],
    extractions: &[Extraction],
) -> io::Result<()> {
    for (article, extraction) in articles.iter().zip(extractions) {
        write_extract_line(out, article, extraction, article.body_is_derived)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// `events.jsonl` for batch runs: one event a line, as in `report.json`
/// (its articles by id, alignments, divergences, `only_in`, statements
/// referenced by article and id), ids numbered across the run.
pub fn events_jsonl(report: &Report) -> String {
    let mut out = Vec::new();
    write_events_jsonl(&mut out, report).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes `events.jsonl` (see `events_jsonl`).
pub fn write_events_jsonl(out: &mut impl Write, report: &Report) -> io::Result<()> {
    let ids = super::event_ids(report);
    for (event_idx, (scored, ids)) in report.events.iter().zip(&ids).enumerate() {
        write_event_line(out, report, scored, event_idx, ids)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Writes one line of `events.jsonl` (without the line break): event
/// `event_idx` of the run, `scored`, whose article indexes point into
/// `report` (which may hold only this event's articles), numbered from `ids`.
pub(crate) fn write_event_line(
    out: &mut impl Write,
    report: &Report,
    scored: &ScoredEvent,
    event_idx: usize,
    ids: &EventIds,
) -> io::Result<()> {
    let event = EventView::new(report, scored, event_idx, ids);
    serde_json::to_writer(out, &event).map_err(io::Error::from)
}

/// `errors.jsonl`: one input that could not be read a line, `{"source", "message"}`.
pub fn errors_jsonl(report: &Report) -> String {
    let mut out = Vec::new();
    write_errors_jsonl(&mut out, &report.errors).expect("writing to memory cannot fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes `errors.jsonl` (see `errors_jsonl`).
pub fn write_errors_jsonl(out: &mut impl Write, errors: &[InputError]) -> io::Result<()> {
    for error in errors {
        serde_json::to_writer(&mut *out, &ErrorView::new(error))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

// ---------------------------------------------------------------- articles and extractions

/// `{"article", "statements", "framing"}`: one line of `parallax extract`.
#[derive(Serialize)]
struct ExtractLineView<'a> {
    article: ArticleView<'a>,
    statements: StatementsView<'a>,
    framing: FramingsView<'a>,
}

impl<'a> ExtractLineView<'a> {
    fn new(article: &'a Article, extraction: &'a Extraction, with_text: bool) -> Self {
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
    fn new(article: &'a Article, cites: &'a [String], with_text: bool) -> Self {
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
    fn new(body: &'a str, statement: &'a Statement) -> Self {
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
    fn new(body: &'a str, range: Range) -> Self {
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
struct ErrorView<'a> {
    source: &'a str,
    message: &'a str,
}

impl<'a> ErrorView<'a> {
    fn new(error: &'a InputError) -> Self {
        ErrorView {
            source: &error.source,
            message: &error.message,
        }
    }
}

// ---------------------------------------------------------------- the report

/// `report.json`: each field takes what it shows from the whole report.
#[derive(Serialize)]
struct ReportView<'a> {
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
    fn new(report: &'a Report) -> Self {
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
    let ids = super::event_ids(report);
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
struct EventView<'a> {
    id: PrefixedId,
    label: &'a str,
    articles: ArticleIdsView<'a>,
    alignments: AlignmentsView<'a>,
    divergences: DivergencesView<'a>,
    only_in: StatementRefsView<'a>,
}

impl<'a> EventView<'a> {
    fn new(
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

// ---------------------------------------------------------------- values

/// An id such as `e1`, `a12` or `d3`: a letter and a number, as a string.
struct PrefixedId(char, usize);

impl Serialize for PrefixedId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut number = itoa::Buffer::new();
        let digits = number.format(self.1);
        let mut id = [0u8; 24];
        let prefix_len = self.0.encode_utf8(&mut id).len();
        id[prefix_len..prefix_len + digits.len()].copy_from_slice(digits.as_bytes());
        let id = std::str::from_utf8(&id[..prefix_len + digits.len()])
            .expect("a character and ASCII digits are UTF-8");
        serializer.serialize_str(id)
    }
}

/// A score, printed as `format_score` writes it: clamped to [0, 1] (NaN as
/// 0), rounded to 3 decimals, without trailing zeros.
struct Score(f64);

impl Serialize for Score {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let thousandths = score_thousandths(self.0);
        if thousandths.is_multiple_of(1000) {
            serializer.serialize_u64(thousandths / 1000)
        } else {
            // The nearest double to n / 1000; its shortest form (what
            // serde_json prints) is that decimal, with no trailing zeros.
            serializer.serialize_f64(thousandths as f64 / 1000.0)
        }
    }
}

/// A score clamped to [0, 1] (NaN as 0) in thousandths, rounded as
/// `format!("{:.3}")` rounds (so as `format_score` prints it).
fn score_thousandths(value: f64) -> u64 {
    let value = clamp_score(value);
    let mut text = [0u8; 8];
    let mut cursor = &mut text[..];
    write!(cursor, "{value:.3}").expect("a value in [0, 1] takes five bytes");
    // "0.123" or "1.000".
    let digit = |idx: usize| u64::from(text[idx] - b'0');
    digit(0) * 1000 + digit(2) * 100 + digit(3) * 10 + digit(4)
}

fn clamp_score(value: f64) -> f64 {
    if value.is_nan() || value <= 0.0 {
        0.0
    } else {
        value.min(1.0)
    }
}

/// A score as printed: clamped to [0, 1] (NaN as 0), 3 decimals at most.
pub fn format_score(value: f64) -> String {
    let text = format!("{:.3}", clamp_score(value));
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The text of a span. A range that is not on character boundaries is a bug
/// upstream: it fails in debug builds and prints as empty text in release,
/// rather than ending a batch run.
pub fn span_text(body: &str, range: Range) -> &str {
    let text = body.get(range.start..range.end);
    debug_assert!(text.is_some(), "span {range:?} is not within the body");
    text.unwrap_or("")
}

/// Appends `value` as a JSON string; non-ASCII stays raw UTF-8.
pub fn string(out: &mut String, value: &str) {
    out.push_str(&serde_json::to_string(value).expect("a string always serialises"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_print_as_format_score_writes_them() {
        let mut values: Vec<f64> = (0..=1000).map(|n| n as f64 / 1000.0).collect();
        // Ties at the third decimal (n/16) and values between thousandths.
        values.extend((0..=16).map(|n| n as f64 / 16.0));
        values.extend((0..=100_000).map(|n| n as f64 / 100_000.0));
        values.extend([
            -0.5,
            -0.0,
            1.5,
            f64::NAN,
            f64::INFINITY,
            0.0005,
            0.9995,
            0.99951,
        ]);
        for value in values {
            let printed = serde_json::to_string(&Score(value)).unwrap();
            assert_eq!(printed, format_score(value), "{value}");
        }
    }

    #[test]
    fn prefixed_ids() {
        let id = serde_json::to_string(&PrefixedId('d', 1204)).unwrap();
        assert_eq!(id, "\"d1204\"");
    }

    #[test]
    fn strings_escape_control_characters_quotes_and_backslashes_only() {
        let mut out = String::new();
        string(&mut out, "a\"b\\c\n\t\u{1}\u{7f}é—“”/");
        assert_eq!(out, "\"a\\\"b\\\\c\\n\\t\\u0001\u{7f}é—“”/\"");
    }
}
