//! Tokens: words and punctuation of a stretch of body text, with byte ranges.
//!
//! Words keep inner apostrophes, hyphens and periods ("Russia's", "2-3",
//! "U.S."), and take a final period when they are an abbreviation or an
//! initial ("Sen.", "J."), so that a name such as "Sen. J.D. Vance" reads as
//! one run of words. Each word carries the lexicon flags of its lower-case form.

use crate::model::Range;
use crate::text::word_classes as lexicon;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Comma,
    Colon,
    Semicolon,
    Terminal,
    Quote,
    Dash,
    Bracket,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub range: Range,
    pub kind: Kind,
    /// Lexicon flags of the lower-case word (0 for punctuation).
    pub flags: u32,
    /// Starts with an upper-case letter.
    pub is_capitalized: bool,
    /// Ends in "'s" or "’s".
    pub is_possessive: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn has(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }

    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        self.range.text(body)
    }
}

/// Zero-width and direction marks: not shown, so they separate words like
/// white space and are never punctuation.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

/// Tokenizes `body[range]`, appending to `out` (reused to avoid allocation).
pub fn tokenize(body: &str, range: Range, out: &mut Vec<Token>) {
    let text = range.text(body);
    let bytes = text.as_bytes();
    let mut lower = String::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = char_at(text, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() || c == '$' {
            let end = word_end(text, i);
            out.push(word_token(text, range.start, i, end, &mut lower));
            i = end;
            continue;
        }
        if is_invisible(c) {
            i += c.len_utf8();
            continue;
        }
        let kind = punct_kind(c);
        let end = if text[i..].starts_with("''") {
            i + 2
        } else {
            i + c.len_utf8()
        };
        let kind = if end == i + 2 { Kind::Quote } else { kind };
        out.push(Token {
            range: Range::new(range.start + i, range.start + end),
            kind,
            flags: 0,
            is_capitalized: false,
            is_possessive: false,
        });
        i = end;
    }
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

fn punct_kind(c: char) -> Kind {
    match c {
        ',' => Kind::Comma,
        ':' => Kind::Colon,
        ';' => Kind::Semicolon,
        '.' | '!' | '?' | '…' => Kind::Terminal,
        '"' | '“' | '”' | '„' | '«' | '»' => Kind::Quote,
        '—' | '–' | '-' | '―' => Kind::Dash,
        '(' | ')' | '[' | ']' => Kind::Bracket,
        _ => Kind::Other,
    }
}

/// End of the word starting at `start`: alphanumerics joined by single inner
/// apostrophes, hyphens, periods, commas between digits, and a final period
/// for abbreviations and initials.
fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut chars = text[start..].char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let joins = matches!(c, '\'' | '’' | '-' | '.' | '&' | '/')
            || (c == ',' && text[start..start + offset].ends_with(|p: char| p.is_ascii_digit()));
        if c.is_alphanumeric() || c == '$' || c == '%' {
            end = start + offset + c.len_utf8();
        } else if joins && next.is_some_and(|n| n.is_alphanumeric()) {
            if c == ',' && !next.is_some_and(|n| n.is_ascii_digit()) {
                break;
            }
            continue;
        } else {
            break;
        }
    }
    if text[end..].starts_with('.') && takes_final_period(&text[start..end]) {
        end += 1;
    }
    // "veterans' families": the plural possessive keeps its apostrophe.
    let rest = &text[end..];
    if text[start..end].ends_with('s') {
        for mark in ['\'', '’'] {
            if rest.starts_with(mark) && rest[mark.len_utf8()..].starts_with(char::is_whitespace) {
                end += mark.len_utf8();
                break;
            }
        }
    }
    end
}

fn takes_final_period(word: &str) -> bool {
    let is_initial = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
    let is_dotted = word.contains('.') && word.split('.').all(|part| part.len() <= 2);
    // "R-Ky.", "D-N.Y.": a party and state abbreviation.
    let is_party = word.len() >= 3
        && matches!(word.as_bytes()[0], b'R' | b'D' | b'I')
        && word.as_bytes()[1] == b'-';
    if is_initial || is_dotted || is_party {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    lexicon::flags(&lower) & lexicon::ABBREVIATION != 0
        && word.starts_with(|c: char| c.is_uppercase())
}

fn word_token(text: &str, base: usize, start: usize, end: usize, lower: &mut String) -> Token {
    let word = &text[start..end];
    lower.clear();
    let stem = word.strip_suffix('.').unwrap_or(word);
    let stem = stem
        .strip_suffix("'s")
        .or_else(|| stem.strip_suffix("’s"))
        .or_else(|| stem.strip_suffix('\''))
        .or_else(|| stem.strip_suffix('’'))
        .unwrap_or(stem);
    crate::text::push_lowercase(lower, stem);
    let is_possessive = stem.len() != word.strip_suffix('.').unwrap_or(word).len();
    // "US", "IT": an all-capital word is a name, not a pronoun or determiner.
    let is_acronym = stem.len() >= 2 && stem.chars().all(|c| c.is_uppercase() || c == '.');
    let function_words = lexicon::PRONOUN
        | lexicon::OBJECT_PRONOUN
        | lexicon::DETERMINER
        | lexicon::PREPOSITION
        | lexicon::CONJUNCTION
        | lexicon::AUXILIARY;
    Token {
        range: Range::new(base + start, base + end),
        kind: Kind::Word,
        flags: if is_possessive {
            // "Wednesday's", "the president's": keep what the word is, not
            // what it could do as a verb.
            lexicon::flags(lower) & (lexicon::WEEKDAY_OR_MONTH | lexicon::TITLE | lexicon::GROUP)
        } else if is_acronym {
            lexicon::flags(lower) & !function_words
        } else {
            lexicon::flags(lower)
        },
        is_capitalized: word.starts_with(|c: char| c.is_uppercase()),
        is_possessive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Range::new(0, text.len()), &mut out);
        out.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_keep_inner_marks_and_abbreviation_periods() {
        assert_eq!(
            words("Sen. J.D. Vance's U.S.-Russian 2-3 months, $3.5 billion."),
            [
                "Sen.", "J.D.", "Vance's", "U.S.", "-", "Russian", "2-3", "months", ",", "$3.5",
                "billion", "."
            ]
        );
    }

    #[test]
    fn quotes_and_numbers_with_commas() {
        assert_eq!(
            words("“We lost 3,000,” he said."),
            ["“", "We", "lost", "3,000", ",", "”", "he", "said", "."]
        );
    }

    #[test]
    fn possessives_are_marked() {
        let text = "Rubio’s call";
        let mut out = Vec::new();
        tokenize(text, Range::new(0, text.len()), &mut out);
        assert!(out[0].is_possessive);
        assert!(!out[1].is_possessive);
    }
}
