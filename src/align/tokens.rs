//! Word tokens with byte offsets, stems and the small word lists that
//! `align` and `score` share.
//!
//! Takes a body and a byte range; gives the word tokens inside it, each with
//! its exact byte range (so evidence spans index the body directly) and a
//! normalised form (lower case, typographic apostrophes made plain).

use std::collections::HashSet;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::model::Range;

/// One word of a body: where it is and how it reads once normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub range: Range,
    /// Lower case, `’` made `'`.
    pub norm: String,
    /// True when the word starts with an upper-case letter.
    pub capitalised: bool,
}

/// Reads a lexicon file: one entry a line, `#` lines and blank lines skipped.
pub(crate) fn lexicon_entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A lexicon as a set of lower-case entries.
pub(crate) fn lexicon_set(text: &'static str) -> HashSet<&'static str> {
    lexicon_entries(text).collect()
}

/// Function words left out of similarity and event vectors.
pub(crate) fn is_stopword(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_stopwords.txt")))
        .contains(norm)
}

/// Negation cues: `not`, `never`, any `...n't`, `deny`...
pub(crate) fn is_negation(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    norm.ends_with("n't")
        || SET
            .get_or_init(|| lexicon_set(include_str!("../../lexicons/score_negation.txt")))
            .contains(norm)
}

/// Number words and digit strings ("four", "300", "3,000", "2.5", "three-year").
pub(crate) fn is_number(norm: &str) -> bool {
    norm.chars().any(|c| c.is_ascii_digit()) || number_word_value(norm).is_some()
}

/// The value of a spelt-out number word ("four" → 4, "dozen" → 12),
/// also as the first part of a hyphenated word ("three-year").
pub(crate) fn number_word_value(norm: &str) -> Option<f64> {
    const WORDS: [(&str, f64); 31] = [
        ("zero", 0.0),
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("hundred", 100.0),
        ("dozen", 12.0),
        ("thousand", 1000.0),
    ];
    let head = norm.split('-').next().unwrap_or(norm);
    WORDS
        .iter()
        .find(|(word, _)| *word == head)
        .map(|(_, value)| *value)
}

/// The English stem of a normalised word.
pub(crate) fn stem(norm: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    }
    STEMMER.with(|stemmer| stemmer.stem(norm).into_owned())
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | ',')
}

/// Whether `c` may join the word characters on its two sides into one token:
/// apostrophes and hyphens between letters or digits, `.` and `,` between digits.
fn joins(c: char, before: char, after: char) -> bool {
    match c {
        '\'' | '’' | '-' => before.is_alphanumeric() && after.is_alphanumeric(),
        '.' | ',' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

/// The word tokens of `body[range]`, in order.
pub(crate) fn tokenize(body: &str, range: Range) -> Vec<Token> {
    let text = &body[range.start..range.end];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < chars.len() {
            let c = chars[end].1;
            if c.is_alphanumeric() {
                end += 1;
            } else if is_joiner(c)
                && end + 1 < chars.len()
                && joins(c, chars[end - 1].1, chars[end + 1].1)
            {
                end += 2;
            } else {
                break;
            }
        }
        let byte_start = chars[start].0;
        let byte_end = chars.get(end).map_or(text.len(), |(offset, _)| *offset);
        tokens.push(make_token(
            &text[byte_start..byte_end],
            range.start + byte_start,
        ));
        i = end;
    }
    tokens
}

fn make_token(word: &str, start: usize) -> Token {
    Token {
        range: Range::new(start, start + word.len()),
        norm: word.to_lowercase().replace('’', "'"),
        capitalised: word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Content-word stems of tokens: no stopwords, numbers or negations, which
/// similarity must leave out (they are compared separately).
pub(crate) fn content_stems(tokens: &[Token]) -> Vec<String> {
    tokens
        .iter()
        .filter(|token| {
            !is_stopword(&token.norm) && !is_number(&token.norm) && !is_negation(&token.norm)
        })
        .map(|token| stem(&token.norm))
        .collect()
}

/// Character trigrams of the words that similarity keeps (stopwords too,
/// but no numbers or negations), joined by single spaces.
pub(crate) fn char_trigrams(tokens: &[Token]) -> Vec<String> {
    let words: Vec<&str> = tokens
        .iter()
        .filter(|token| !is_number(&token.norm) && !is_negation(&token.norm))
        .map(|token| token.norm.as_str())
        .collect();
    let joined: Vec<char> = format!(" {} ", words.join(" ")).chars().collect();
    joined
        .windows(3)
        .map(|window| window.iter().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let tokens = tokenize(text, Range::new(0, text.len()));
        let words: Vec<&str> = tokens.iter().map(|t| t.range.text(text)).collect();
        assert_eq!(words, expected);
    }

    #[test]
    fn words_keep_internal_joiners_only() {
        check(
            "He said “it’s $3,000.50”, a three-year plan (U.S.).",
            &[
                "He",
                "said",
                "it’s",
                "3,000.50",
                "a",
                "three-year",
                "plan",
                "U",
                "S",
            ],
        );
        check("wasn't - end.", &["wasn't", "end"]);
    }

    #[test]
    fn negations_and_numbers() {
        assert!(is_negation("wasn't"));
        assert!(is_negation("never"));
        assert!(!is_negation("note"));
        assert!(is_number("three-year"));
        assert!(is_number("3,000"));
        assert!(!is_number("threes"));
    }
}
