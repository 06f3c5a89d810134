//! JSON output: takes articles, extractions and reports; gives the
//! contract's JSON (`parallax extract` lines, `report.json`, and the batch
//! files `events.jsonl`, `articles.jsonl` and `errors.jsonl`).
//!
//! Written with serde: each object of the contract is a borrowed view
//! (`ArticleView`, `StatementView`, ...) whose fields, in order, are the
//! object's keys (in `views`), serialised straight into the output; no value
//! tree and no copy of the text is made. Lists are serialised from iterators. Scores
//! print as `format_score` writes them (three decimals at most, no trailing
//! zeros); `report.json` is indented by two spaces a level.

use std::io::{self, Write};

use serde::{Serialize, Serializer};
use serde_json::ser::PrettyFormatter;

use super::EventIds;
use crate::model::{Article, Extraction, InputError, Range, Report, ScoredEvent};
use views::{ErrorView, EventView, ExtractLineView, ReportView};

mod views;

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
