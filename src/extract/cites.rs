//! Cites: the sources an article says it draws on.
//!
//! Takes a prepared article; gives the names of cited sources in order of
//! first appearance: "The New York Times reported this", "writes UNN citing
//! Bloomberg", "as reported by rossmedia", "according to Reuters". The
//! article's own outlet and the people it names are not cites.

use super::attribution::Doc;
use super::speakers::is_name_word;
use crate::text::lexicon::lexicon_lines;
use crate::text::word_classes::{DETERMINER, PREPOSITION};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Cited sources, deduplicated, in order of first appearance.
pub fn find(doc: &Doc, outlet: Option<&str>) -> Vec<String> {
    let mut cites: Vec<String> = Vec::new();
    for i in 0..doc.tokens.len() {
        if doc.in_quote[i] || !doc.tokens[i].is_word() {
            continue;
        }
        let text = doc.tokens[i].text(doc.body);
        if !(2..=8).contains(&text.len()) {
            continue;
        }
        let mut buffer = [0u8; 8];
        buffer[..text.len()].copy_from_slice(text.as_bytes());
        buffer[..text.len()].make_ascii_lowercase();
        let word = std::str::from_utf8(&buffer[..text.len()]).unwrap_or("");
        let found = match word {
            "citing" => name_after(doc, i + 1, false),
            "by" if i > 0 && is_report_verb(doc, i - 1) => name_after(doc, i + 1, true),
            "to" if i > 0
                && doc.tokens[i - 1]
                    .text(doc.body)
                    .eq_ignore_ascii_case("according") =>
            {
                name_after(doc, i + 1, false).filter(|name| is_media(name))
            }
            "writes" | "wrote" if i > 0 && doc.tokens[i - 1].kind == super::tokens::Kind::Comma => {
                name_after(doc, i + 1, false)
            }
            "reported" | "reports" | "writes" | "wrote" => name_before(doc, i),
            _ => None,
        };
        let Some(name) = found else { continue };
        let is_outlet = outlet.is_some_and(|o| o.eq_ignore_ascii_case(&name));
        let is_person = !is_media(&name)
            && doc
                .people
                .by_surname(last_word(&name), 0, super::speakers::Gender::Unknown)
                .is_some();
        if !is_outlet && !is_person && !cites.contains(&name) {
            cites.push(name);
        }
    }
    cites
}

fn is_report_verb(doc: &Doc, i: usize) -> bool {
    let word = doc.tokens[i].text(doc.body).to_ascii_lowercase();
    matches!(
        word.as_str(),
        "reported" | "published" | "written" | "cited"
    )
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// A source name starting at token `i`: a run of capitalised words, with a
/// leading "The"; a single lower-case word too when `any_case` ("rossmedia").
fn name_after(doc: &Doc, i: usize, any_case: bool) -> Option<String> {
    let token = doc.tokens.get(i)?;
    let mut start = i;
    let mut end = i;
    if token.is_word() && token.is_capitalized && token.text(doc.body) == "The" {
        end += 1;
    }
    while end < doc.tokens.len() && is_name_word(doc.body, &doc.tokens[end]) {
        end += 1;
    }
    if end == start || end == i + 1 && doc.tokens[i].text(doc.body) == "The" {
        let lone = doc.tokens.get(i)?;
        if !(any_case && lone.is_word() && !lone.has(DETERMINER | PREPOSITION)) {
            return None;
        }
        start = i;
        end = i + 1;
    }
    Some(text(doc, start, end))
}

/// "The New York Times reported": the capitalised run right before `verb`.
fn name_before(doc: &Doc, verb: usize) -> Option<String> {
    let end = verb;
    let mut start = verb;
    while start > 0 && is_name_word(doc.body, &doc.tokens[start - 1]) && !doc.in_quote[start - 1] {
        start -= 1;
    }
    if start == end {
        return None;
    }
    if start > 0 && doc.tokens[start - 1].text(doc.body) == "The" {
        start -= 1;
    }
    let name = text(doc, start, end);
    is_media(&name).then_some(name)
}

fn text(doc: &Doc, start: usize, end: usize) -> String {
    doc.body[doc.tokens[start].range.start..doc.tokens[end - 1].range.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when a name holds a word of a news organisation ("Times", "Bloomberg").
fn is_media(name: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let words =
        WORDS.get_or_init(|| lexicon_lines(include_str!("../../lexicons/media.txt")).collect());
    name.split(|c: char| !c.is_alphanumeric())
        .any(|word| words.contains(word.to_ascii_lowercase().as_str()))
}
