//! Word tokens with byte offsets, and what similarity compares of them.
//!
//! Takes a body and a byte range; gives the word tokens inside it, each with
//! its exact byte range (so evidence spans index the body directly) and a
//! normalised form (lower case, typographic apostrophes made plain); then
//! their content stems and character trigrams, and whether they are written
//! in title case. Used by `align`, `score` and `check`, which compare the
//! same words.

use super::lexicon::{is_negation, is_stopword};
use super::numbers::is_number;
use super::stems::stem;
use crate::model::Range;

/// One word of a body: where it is and how it reads once normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub range: Range,
    /// Lower case, `’` made `'`.
    pub norm: String,
    /// True when the word starts with an upper-case letter.
    pub capitalised: bool,
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
pub fn tokenize(body: &str, range: Range) -> Vec<Token> {
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
        norm: super::normalise(word),
        capitalised: word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Words in title case but for function words ("Arming Teachers, Loosening
/// Gun Laws", "CNN Plays Alleged Recording of Michael Brown Shooting"): a
/// headline, where a capital says nothing about names.
pub fn is_title_case(tokens: &[Token]) -> bool {
    let words: Vec<&Token> = tokens
        .iter()
        .filter(|t| t.norm.chars().any(char::is_alphabetic) && !is_stopword(&t.norm))
        .collect();
    words.len() >= 3 && words.iter().all(|t| t.capitalised)
}

/// Content-word stems of tokens: no stopwords, numbers or negations, which
/// similarity must leave out (they are compared separately).
pub fn content_stems(tokens: &[Token]) -> Vec<String> {
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
pub fn char_trigrams(tokens: &[Token]) -> Vec<String> {
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
}
