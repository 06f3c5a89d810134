//! Marked text: takes a body range and marks (word differences, framing,
//! evidence) as byte ranges; gives the pieces of text to print, each with
//! the CSS classes that cover it.

use crate::model::Range;
use similar::{capture_diff_slices, Algorithm, DiffTag};

/// A run of text with the classes of every mark covering it (may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub class: String,
}

/// A byte range to highlight and its CSS class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub range: Range,
    pub class: String,
}

/// Splits `body[range]` at every mark boundary inside it.
pub fn pieces(body: &str, range: Range, marks: &[Mark]) -> Vec<Piece> {
    let mut cuts = vec![range.start, range.end];
    for mark in marks {
        for cut in [mark.range.start, mark.range.end] {
            if range.start < cut && cut < range.end && body.is_char_boundary(cut) {
                cuts.push(cut);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Piece> = Vec::new();
    for pair in cuts.windows(2) {
        let part = Range::new(pair[0], pair[1]);
        let class = classes_over(part, marks);
        let text = super::json::span_text(body, part);
        match out.last_mut() {
            Some(last) if last.class == class => last.text.push_str(text),
            _ => out.push(Piece {
                text: text.to_string(),
                class,
            }),
        }
    }
    out
}

fn classes_over(part: Range, marks: &[Mark]) -> String {
    let mut classes: Vec<&str> = marks
        .iter()
        .filter(|mark| mark.range.contains(&part))
        .map(|mark| mark.class.as_str())
        .collect();
    classes.sort_unstable();
    classes.dedup();
    classes.join(" ")
}

/// A whitespace-separated word: its range and its form for comparison.
struct Word {
    range: Range,
    key: String,
}

/// The words of `body[range]`, compared without case, outer punctuation or
/// quotation-mark style, so that only real wording differences show.
fn words(body: &str, range: Range) -> Vec<Word> {
    let text = super::json::span_text(body, range);
    let mut out = Vec::new();
    let mut offset = 0;
    for token in text.split_inclusive(char::is_whitespace) {
        let trimmed = token.trim_end();
        if !trimmed.is_empty() {
            let start = range.start + offset;
            out.push(Word {
                range: Range::new(start, start + trimmed.len()),
                key: word_key(trimmed),
            });
        }
        offset += token.len();
    }
    out
}

fn word_key(word: &str) -> String {
    let key = word.trim_matches(|c: char| !c.is_alphanumeric());
    key.chars()
        .map(|c| match c {
            '\u{2019}' | '\u{2018}' => '\'',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Word differences between two statement contents: the ranges of `old`'s
/// words missing from `new`, and of `new`'s words missing from `old`.
pub fn word_diff(
    old_body: &str,
    old: Range,
    new_body: &str,
    new: Range,
) -> (Vec<Range>, Vec<Range>) {
    let old_words = words(old_body, old);
    let new_words = words(new_body, new);
    let old_keys: Vec<&str> = old_words.iter().map(|word| word.key.as_str()).collect();
    let new_keys: Vec<&str> = new_words.iter().map(|word| word.key.as_str()).collect();
    let mut removed = Vec::new();
    let mut added = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_keys, &new_keys) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if matches!(tag, DiffTag::Delete | DiffTag::Replace) {
            removed.extend(old_words[old_range].iter().map(|word| word.range));
        }
        if matches!(tag, DiffTag::Insert | DiffTag::Replace) {
            added.extend(new_words[new_range].iter().map(|word| word.range));
        }
    }
    (removed, added)
}
