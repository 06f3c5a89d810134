//! JSON output: takes articles, extractions and reports; gives the
//! contract's JSON text (`parallax extract` lines and `report.json`).
//!
//! Written by hand into a `String`: the extract line is on the hot path of
//! batch runs, and writing directly keeps the field order of the contract
//! (and of the input articles) without a map type that preserves order.

use super::EventIds;
use crate::model::{
    Article, Extraction, Framing, Range, Report, ScoredEvent, Statement, StatementRef,
};

/// One `parallax extract` line (without the line break).
pub fn extract_line(article: &Article, extraction: &Extraction, with_text: bool) -> String {
    let mut out = String::with_capacity(256 + if with_text { article.body.len() * 2 } else { 0 });
    write_extract_line(&mut out, article, extraction, with_text);
    out
}

/// Appends one `parallax extract` line (without the line break) to `out`.
pub fn write_extract_line(
    out: &mut String,
    article: &Article,
    extraction: &Extraction,
    with_text: bool,
) {
    out.push_str("{\"article\":");
    article_object(
        out,
        article,
        &extraction.cites,
        with_text || article.body_is_derived,
    );
    out.push_str(",\"statements\":");
    statements(out, &article.body, &extraction.statements);
    out.push_str(",\"framing\":");
    framings(out, &article.body, &extraction.framing);
    out.push('}');
}

/// The whole `report.json`, indented, ending with a line break.
pub fn report_json(report: &Report) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("{\"format_version\":1,\"articles\":");
    list(
        &mut out,
        report.articles.iter().zip(&report.extractions),
        |out, (article, extraction)| {
            article_object(out, article, &extraction.cites, article.body_is_derived)
        },
    );
    out.push_str(",\"statements\":");
    per_article(&mut out, report, |out, article, extraction| {
        statements(out, &article.body, &extraction.statements)
    });
    out.push_str(",\"framing\":");
    per_article(&mut out, report, |out, article, extraction| {
        framings(out, &article.body, &extraction.framing)
    });
    out.push_str(",\"events\":");
    events(&mut out, report);
    out.push_str(",\"errors\":");
    list(&mut out, &report.errors, |out, error| {
        out.push_str("{\"source\":");
        string(out, &error.source);
        out.push_str(",\"message\":");
        string(out, &error.message);
        out.push('}');
    });
    out.push('}');
    let mut pretty = indent(&out);
    pretty.push('\n');
    pretty
}

/// `articles.jsonl` for batch runs: one line per article, in input order,
/// as `parallax extract` prints it (article with its cited sources,
/// statements, framing).
pub fn articles_jsonl(report: &Report) -> String {
    let mut out = String::new();
    for (article, extraction) in report.articles.iter().zip(&report.extractions) {
        out.push_str(&extract_line(article, extraction, article.body_is_derived));
        out.push('\n');
    }
    out
}

/// `events.jsonl` for batch runs: one event a line, as in `report.json`
/// (its articles by id, alignments, divergences, `only_in`, statements
/// referenced by article and id), ids numbered across the run.
pub fn events_jsonl(report: &Report) -> String {
    let ids = super::event_ids(report);
    let mut out = String::new();
    for (event_idx, (scored, ids)) in report.events.iter().zip(&ids).enumerate() {
        event_object(&mut out, report, scored, event_idx, ids);
        out.push('\n');
    }
    out
}

/// One line of `events.jsonl` (without the line break): event `event_idx`
/// of the run, `scored`, whose article indexes point into `report` (which
/// may hold only this event's articles), numbered from `ids`.
pub(crate) fn event_line(
    report: &Report,
    scored: &ScoredEvent,
    event_idx: usize,
    ids: &EventIds,
) -> String {
    let mut out = String::with_capacity(4096);
    event_object(&mut out, report, scored, event_idx, ids);
    out
}

/// `errors.jsonl`: one input that could not be read a line, `{"source", "message"}`.
pub fn errors_jsonl(report: &Report) -> String {
    let mut out = String::new();
    for error in &report.errors {
        out.push_str("{\"source\":");
        string(&mut out, &error.source);
        out.push_str(",\"message\":");
        string(&mut out, &error.message);
        out.push_str("}\n");
    }
    out
}

// ---------------------------------------------------------------- articles and extractions

fn article_object(out: &mut String, article: &Article, cites: &[String], with_text: bool) {
    out.push_str("{\"id\":");
    string(out, &article.id);
    out.push_str(",\"outlet\":");
    optional_string(out, article.outlet.as_deref());
    out.push_str(",\"title\":");
    optional_string(out, article.title.as_deref());
    out.push_str(",\"published\":");
    optional_string(out, article.published.as_deref());
    out.push_str(",\"url\":");
    optional_string(out, article.url.as_deref());
    out.push_str(",\"source\":");
    string(out, &article.source);
    out.push_str(",\"cites\":");
    list(out, cites, |out, cite| string(out, cite));
    if with_text {
        out.push_str(",\"text\":");
        string(out, &article.body);
    }
    out.push('}');
}

fn statements(out: &mut String, body: &str, statements: &[Statement]) {
    list(out, statements, |out, statement| {
        statement_object(out, body, statement)
    });
}

fn statement_object(out: &mut String, body: &str, statement: &Statement) {
    out.push_str("{\"id\":");
    string(out, &statement.id);
    out.push_str(",\"kind\":\"");
    out.push_str(statement.kind.as_str());
    out.push_str("\",\"speaker\":{\"name\":");
    optional_string(out, statement.speaker.name.as_deref());
    out.push_str(",\"mention\":");
    optional_span(out, body, statement.speaker.mention);
    out.push_str(",\"role\":");
    optional_string(out, statement.speaker.role.as_deref());
    out.push_str("},\"cue\":");
    optional_span(out, body, statement.cue);
    out.push_str(",\"content\":");
    span(out, body, statement.content);
    out.push_str(",\"topics\":");
    list(out, &statement.topics, |out, topic| string(out, topic));
    out.push('}');
}

fn framings(out: &mut String, body: &str, framing: &[Framing]) {
    list(out, framing, |out, framing| {
        out.push_str("{\"text\":");
        string(out, span_text(body, framing.range));
        span_offsets(out, framing.range);
        out.push_str(",\"category\":");
        string(out, framing.category);
        out.push('}');
    });
}

/// An object keyed by article id, in article order.
fn per_article(
    out: &mut String,
    report: &Report,
    mut value: impl FnMut(&mut String, &Article, &Extraction),
) {
    out.push('{');
    for (idx, (article, extraction)) in report.articles.iter().zip(&report.extractions).enumerate()
    {
        if idx > 0 {
            out.push(',');
        }
        string(out, &article.id);
        out.push(':');
        value(out, article, extraction);
    }
    out.push('}');
}

// ---------------------------------------------------------------- events

/// Events with ids `e1`..., alignments `a1`... and divergences `d1`...
/// numbered across the whole report.
fn events(out: &mut String, report: &Report) {
    let ids = super::event_ids(report);
    list(
        out,
        report.events.iter().zip(&ids).enumerate(),
        |out, (event_idx, (scored, ids))| event_object(out, report, scored, event_idx, ids),
    );
}

fn event_object(
    out: &mut String,
    report: &Report,
    scored: &ScoredEvent,
    event_idx: usize,
    ids: &EventIds,
) {
    let event = &scored.event;
    out.push_str("{\"id\":\"e");
    number(out, event_idx + 1);
    out.push_str("\",\"label\":");
    string(out, &event.label);
    out.push_str(",\"articles\":");
    list(out, &event.articles, |out, &article_idx| {
        string(out, &report.articles[article_idx].id)
    });
    out.push_str(",\"alignments\":");
    list(
        out,
        event.alignments.iter().enumerate(),
        |out, (alignment_idx, alignment)| {
            out.push_str("{\"id\":\"a");
            number(out, ids.first_alignment + alignment_idx);
            out.push_str("\",\"topic\":");
            string(out, &alignment.topic);
            out.push_str(",\"agreement\":");
            score(out, alignment.agreement);
            out.push_str(",\"level\":\"");
            out.push_str(alignment.level.as_str());
            out.push('"');
            out.push_str(",\"statements\":");
            list(out, &alignment.statements, |out, statement| {
                statement_ref(out, report, statement)
            });
            out.push_str(",\"divergences\":");
            let found_here = scored.divergences.iter().enumerate();
            let found_here = found_here
                .filter(|(_, divergence)| divergence.alignment_idx == Some(alignment_idx));
            list(out, found_here, |out, (divergence_idx, _)| {
                prefixed_id(out, 'd', ids.first_divergence + divergence_idx)
            });
            out.push('}');
        },
    );
    out.push_str(",\"divergences\":");
    divergences(out, report, scored, ids);
    out.push_str(",\"only_in\":");
    list(out, &event.only_in, |out, statement| {
        statement_ref(out, report, statement)
    });
    out.push('}');
}

fn divergences(out: &mut String, report: &Report, scored: &ScoredEvent, ids: &EventIds) {
    list(
        out,
        scored.divergences.iter().enumerate(),
        |out, (divergence_idx, divergence)| {
            out.push_str("{\"id\":\"d");
            number(out, ids.first_divergence + divergence_idx);
            out.push_str("\",\"type\":\"");
            out.push_str(divergence.kind.as_str());
            out.push_str("\",\"severity\":");
            score(out, divergence.severity);
            out.push_str(",\"confidence\":");
            score(out, divergence.confidence);
            out.push_str(",\"explanation\":");
            string(out, &divergence.explanation);
            out.push_str(",\"alignment\":");
            match divergence.alignment_idx {
                Some(alignment_idx) => prefixed_id(out, 'a', ids.first_alignment + alignment_idx),
                None => out.push_str("null"),
            }
            out.push_str(",\"spans\":");
            list(out, &divergence.spans, |out, evidence| {
                let article = &report.articles[evidence.article_idx];
                out.push_str("{\"article\":");
                string(out, &article.id);
                out.push_str(",\"text\":");
                string(out, span_text(&article.body, evidence.range));
                span_offsets(out, evidence.range);
                out.push('}');
            });
            out.push('}');
        },
    );
}

fn statement_ref(out: &mut String, report: &Report, statement: &StatementRef) {
    out.push_str("{\"article\":");
    string(out, &report.articles[statement.article_idx].id);
    out.push_str(",\"statement\":");
    string(
        out,
        &report.extractions[statement.article_idx].statements[statement.statement_idx].id,
    );
    out.push('}');
}

fn prefixed_id(out: &mut String, prefix: char, n: usize) {
    out.push('"');
    out.push(prefix);
    number(out, n);
    out.push('"');
}

// ---------------------------------------------------------------- values

fn list<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    mut item: impl FnMut(&mut String, T),
) {
    out.push('[');
    for (idx, value) in items.into_iter().enumerate() {
        if idx > 0 {
            out.push(',');
        }
        item(out, value);
    }
    out.push(']');
}

fn span(out: &mut String, body: &str, range: Range) {
    out.push_str("{\"text\":");
    string(out, span_text(body, range));
    span_offsets(out, range);
    out.push('}');
}

fn optional_span(out: &mut String, body: &str, range: Option<Range>) {
    match range {
        Some(range) => span(out, body, range),
        None => out.push_str("null"),
    }
}

/// `,"start":N,"end":N`
fn span_offsets(out: &mut String, range: Range) {
    out.push_str(",\"start\":");
    number(out, range.start);
    out.push_str(",\"end\":");
    number(out, range.end);
}

/// The text of a span. A range that is not on character boundaries is a bug
/// upstream: it fails in debug builds and prints as empty text in release,
/// rather than ending a batch run.
pub fn span_text(body: &str, range: Range) -> &str {
    let text = body.get(range.start..range.end);
    debug_assert!(text.is_some(), "span {range:?} is not within the body");
    text.unwrap_or("")
}

fn number(out: &mut String, n: usize) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// A score in [0, 1], rounded to 3 decimals, without trailing zeros.
fn score(out: &mut String, value: f64) {
    out.push_str(&format_score(value));
}

/// A score as printed: clamped to [0, 1] (NaN as 0), 3 decimals at most.
pub fn format_score(value: f64) -> String {
    let value = if value.is_nan() || value <= 0.0 {
        0.0
    } else {
        value.min(1.0)
    };
    let text = format!("{value:.3}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn optional_string(out: &mut String, value: Option<&str>) {
    match value {
        Some(value) => string(out, value),
        None => out.push_str("null"),
    }
}

/// What each byte becomes in a JSON string: 0 = itself, `u` = `\u00XX`,
/// anything else = a backslash and that character.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = b'u';
        byte += 1;
    }
    table[b'\n' as usize] = b'n';
    table[b'\r' as usize] = b'r';
    table[b'\t' as usize] = b't';
    table[0x08] = b'b';
    table[0x0c] = b'f';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Appends `value` as a JSON string; non-ASCII stays raw UTF-8.
pub fn string(out: &mut String, value: &str) {
    out.reserve(value.len() + 2);
    out.push('"');
    let bytes = value.as_bytes();
    let mut start = 0;
    for (idx, &byte) in bytes.iter().enumerate() {
        let escape = ESCAPE[byte as usize];
        if escape == 0 {
            continue;
        }
        // Escaped bytes are ASCII, so `idx` is a character boundary.
        out.push_str(&value[start..idx]);
        start = idx + 1;
        out.push('\\');
        if escape == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("u00");
            out.push(HEX[(byte >> 4) as usize] as char);
            out.push(HEX[(byte & 0xf) as usize] as char);
        } else {
            out.push(escape as char);
        }
    }
    out.push_str(&value[start..]);
    out.push('"');
}

/// Indents compact JSON (two spaces a level); empty `[]` and `{}` stay whole.
fn indent(compact: &str) -> String {
    let bytes = compact.as_bytes();
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    // Bytes before `copied` are in `out`; breaks go after ASCII bytes only,
    // so every slice is on character boundaries.
    let mut copied = 0;
    let mut idx = 0;
    while idx < bytes.len() {
        let byte = bytes[idx];
        let is_empty_pair =
            matches!(byte, b'{' | b'[') && matches!(bytes.get(idx + 1), Some(b'}' | b']'));
        match byte {
            _ if in_string => match byte {
                b'\\' => idx += 1,
                b'"' => in_string = false,
                _ => {}
            },
            b'"' => in_string = true,
            _ if is_empty_pair => idx += 1,
            b'{' | b'[' | b',' => {
                depth += usize::from(byte != b',');
                out.push_str(&compact[copied..=idx]);
                copied = idx + 1;
                newline(&mut out, depth);
            }
            b'}' | b']' => {
                depth -= 1;
                out.push_str(&compact[copied..idx]);
                copied = idx;
                newline(&mut out, depth);
            }
            b':' => {
                out.push_str(&compact[copied..=idx]);
                copied = idx + 1;
                out.push(' ');
            }
            _ => {}
        }
        idx += 1;
    }
    out.push_str(&compact[copied..]);
    out
}

fn newline(out: &mut String, depth: usize) {
    out.push('\n');
    for _ in 0..depth {
        out.push_str("  ");
    }
}
