//! Pieces of `compare` for engines that spread a run over machines (the
//! Spark job in `python/parallax/spark.py`).
//!
//! Takes what the engine gathers over the whole run (every speaker name in
//! run order; each event's articles; each event's place among the events);
//! gives what `compare` computes in one process: the canonical names of the
//! run, one event extracted, aligned, scored and written as its
//! `events.jsonl` line (ids numbered within the event) with its articles'
//! `articles.jsonl` lines, and that line renumbered to its place in the run.
//! Event clustering in pieces is in `align::distributed`.

use std::collections::{BTreeMap, HashMap};

use crate::extract::NameRegistry;
use crate::model::{Article, Extraction, Range, Report, Speaker, Statement, StatementKind};
use crate::{align, render, score};

/// The canonical form of every name that has one, given every speaker name
/// of the run in run order (article by article, statements in order), as
/// `extract::canonicalize` would give it.
pub fn canonical_names<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, String> {
    let statements: Vec<Statement> = names
        .into_iter()
        .map(|name| Statement {
            id: String::new(),
            kind: StatementKind::Direct,
            speaker: Speaker {
                name: Some(name.to_string()),
                ..Speaker::default()
            },
            cue: None,
            content: Range::default(),
            topics: Vec::new(),
        })
        .collect();
    let seen = [Extraction {
        statements,
        ..Extraction::default()
    }];
    let mut registry = NameRegistry::default();
    registry.observe(&seen);
    let mut canonical = BTreeMap::new();
    for statement in &seen[0].statements {
        let name = statement.speaker.name.as_deref().unwrap_or_default();
        if canonical.contains_key(name) {
            continue;
        }
        if let Some(form) = registry.canonical(name) {
            canonical.insert(name.to_string(), form);
        }
    }
    canonical
}

/// One event compared, as written by `compare --format jsonl`.
#[derive(Debug, Clone, PartialEq)]
pub struct EventOutput {
    /// The `events.jsonl` line (no line break), ids numbered from `e1`,
    /// `a1`, `d1` (see `renumber_event_line`).
    pub event_line: String,
    pub n_alignments: usize,
    pub n_divergences: usize,
    /// The `articles.jsonl` line of each article, in the given order.
    pub article_lines: Vec<String>,
    /// `(article idx, message)` of articles whose extraction failed.
    pub errors: Vec<(usize, String)>,
}

/// Extracts, aligns and scores the articles of one event (in run order),
/// speaker names made canonical by `canonical` (from `canonical_names`).
pub fn compare_event(articles: Vec<Article>, canonical: &HashMap<String, String>) -> EventOutput {
    let (mut extractions, failed) = crate::extract_each(&articles);
    for statement in extractions.iter_mut().flat_map(|e| e.statements.iter_mut()) {
        if let Some(form) = statement
            .speaker
            .name
            .as_ref()
            .and_then(|n| canonical.get(n))
        {
            statement.speaker.name = Some(form.clone());
        }
    }
    let errors = failed
        .into_iter()
        .map(|error| {
            let idx = articles.iter().position(|a| a.source == error.source);
            (idx.unwrap_or(0), error.message)
        })
        .collect();
    let event = align::one_event(&articles, &extractions, (0..articles.len()).collect());
    let events = score::score(&articles, &extractions, vec![event]);
    let report = Report {
        articles,
        extractions,
        events,
        errors: Vec::new(),
    };
    let scored = &report.events[0];
    let mut event_line = render::events_jsonl(&report);
    event_line.truncate(event_line.trim_end().len());
    EventOutput {
        event_line,
        n_alignments: scored.event.alignments.len(),
        n_divergences: scored.divergences.len(),
        article_lines: report
            .articles
            .iter()
            .zip(&report.extractions)
            .map(|(a, e)| render::extract_line(a, e, a.body_is_derived))
            .collect(),
        errors,
    }
}

/// Where an event stands in the run: its number (`eN`) and the numbers of
/// its first alignment and first divergence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventNumbers {
    pub event: usize,
    pub first_alignment: usize,
    pub first_divergence: usize,
}

/// An `events.jsonl` line from `compare_event` with its ids moved to the
/// event's place in the run: the event's `id`, the alignments' `id`s and
/// divergence lists, the divergences' `id`s and `alignment`s. Everything
/// else is copied byte for byte.
pub fn renumber_event_line(line: &str, numbers: EventNumbers) -> String {
    let mut out = String::with_capacity(line.len() + 64);
    // The keys (or "[]" for an array) from the line's object down to the
    // current value.
    let mut path: Vec<&str> = Vec::new();
    let mut expecting_key = false;
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c != '"' {
            match c {
                '{' => {
                    path.push("");
                    expecting_key = true;
                }
                '[' => path.push("[]"),
                '}' | ']' => {
                    path.pop();
                }
                ',' => expecting_key = path.last() != Some(&"[]"),
                _ => {}
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let end = string_end(rest);
        let token = &rest[..end];
        if expecting_key {
            if let Some(key) = path.last_mut() {
                *key = &token[1..token.len() - 1];
            }
            expecting_key = false;
            out.push_str(token);
        } else {
            out.push_str(&renumbered(token, &path, numbers));
        }
        rest = &rest[end..];
    }
    out
}

/// The length of the JSON string token at the start of `text` (quotes
/// included).
fn string_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut idx = 1;
    while idx < bytes.len() {
        match bytes[idx] {
            b'\\' => idx += 2,
            b'"' => return idx + 1,
            _ => idx += 1,
        }
    }
    bytes.len()
}

/// A string value, renumbered when its place makes it an id.
fn renumbered(token: &str, path: &[&str], numbers: EventNumbers) -> String {
    let (prefix, first) = match path {
        [""] | ["id"] => ('e', numbers.event),
        ["alignments", "[]", "id"] | ["divergences", "[]", "alignment"] => {
            ('a', numbers.first_alignment)
        }
        ["alignments", "[]", "divergences", "[]"] | ["divergences", "[]", "id"] => {
            ('d', numbers.first_divergence)
        }
        _ => return token.to_string(),
    };
    let local = token
        .strip_prefix(&format!("\"{prefix}"))
        .and_then(|rest| rest.strip_suffix('"'))
        .and_then(|n| n.parse::<usize>().ok());
    match local {
        Some(n) => format!("\"{prefix}{}\"", n - 1 + first),
        None => token.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renumbering_moves_only_ids() {
        let line = r#"{"id":"e1","label":"a1","articles":["a1","d1"],"alignments":[{"id":"a1","topic":"x","divergences":["d1","d2"]},{"id":"a2","divergences":[]}],"divergences":[{"id":"d1","alignment":"a1","spans":[{"article":"a1","text":"say \"d1\""}]},{"id":"d2","alignment":null}],"only_in":[{"article":"d1","statement":"s1"}]}"#;
        let numbers = EventNumbers {
            event: 7,
            first_alignment: 10,
            first_divergence: 20,
        };
        let expected = r#"{"id":"e7","label":"a1","articles":["a1","d1"],"alignments":[{"id":"a10","topic":"x","divergences":["d20","d21"]},{"id":"a11","divergences":[]}],"divergences":[{"id":"d20","alignment":"a10","spans":[{"article":"a1","text":"say \"d1\""}]},{"id":"d21","alignment":null}],"only_in":[{"article":"d1","statement":"s1"}]}"#;
        assert_eq!(renumber_event_line(line, numbers), expected);
    }

    #[test]
    fn bare_surname_takes_the_full_name_seen_anywhere_in_the_run() {
        let names = canonical_names(["Rubio", "Marco Rubio", "the Kremlin"]);
        assert_eq!(names.get("Rubio").map(String::as_str), Some("Marco Rubio"));
        assert_eq!(names.get("the Kremlin"), None);
    }
}
