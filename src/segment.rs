//! Segment: splits an article body into paragraphs and sentences.
//!
//! Takes the body as read; gives paragraphs (blank-line separated, or one a
//! line when the body has no blank lines) and the sentences inside them, all
//! as byte ranges into the body. A paragraph that is not prose (a photo
//! caption, a lone "Details", a headline with no closing punctuation) is
//! marked so that it never becomes a statement. Sentence ends survive
//! abbreviations ("U.S.", "J.D. Vance", "Mr.", "Feb.") and closing quotes.

use crate::model::{Paragraph, Range, Segments, Sentence};
use crate::text::lexicon::lexicon_set;
use crate::text::trim_range;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Splits `body` into paragraphs and sentences.
pub fn segment(body: &str) -> Segments {
    let mut segments = Segments::default();
    for range in paragraph_ranges(body) {
        let paragraph_idx = segments.paragraphs.len();
        let text = range.text(body);
        let sentences = sentence_ranges(text);
        segments.paragraphs.push(Paragraph {
            range,
            is_prose: is_prose(text) || runs_on_from_prose(text, &sentences),
        });
        for sentence in sentences {
            segments.sentences.push(Sentence {
                range: Range::new(range.start + sentence.start, range.start + sentence.end),
                paragraph_idx,
            });
        }
    }
    segments
}

/// Paragraph ranges, trimmed of surrounding whitespace. Blank lines separate
/// paragraphs; a body without any blank line is taken one paragraph a line.
/// (A single line break inside a paragraph still ends a sentence.)
fn paragraph_ranges(body: &str) -> Vec<Range> {
    let line_end = line_end(body);
    let has_blank_line = body
        .split(line_end)
        .skip(1)
        .any(|line| line.trim().is_empty());
    let mut ranges = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut offset = 0;
    for line in body.split_inclusive(line_end) {
        let line_start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() || !has_blank_line {
            if let Some(s) = start.take() {
                ranges.push(trim_range(body, Range::new(s, end)));
            }
            if trimmed.is_empty() {
                continue;
            }
        }
        if start.is_none() {
            start = Some(line_start);
        }
        end = line_start + line.len();
    }
    if let Some(s) = start {
        ranges.push(trim_range(body, Range::new(s, end)));
    }
    ranges.retain(|range| !range.is_empty());
    ranges
}

/// The line end: `\n` (which covers `\r\n`), or `\r` in a body written
/// with old Mac line ends, which has no `\n` at all.
fn line_end(body: &str) -> char {
    let bytes = body.as_bytes();
    if memchr::memchr(b'\n', bytes).is_none() && memchr::memchr(b'\r', bytes).is_some() {
        '\r'
    } else {
        '\n'
    }
}

/// True when a paragraph reads as prose: it ends like a sentence and is not
/// a caption or photo credit.
fn is_prose(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| CLOSERS.contains(&c) || c.is_whitespace());
    let ends_like_sentence = matches!(trimmed.chars().last(), Some('.' | '!' | '?' | ':' | '…'));
    let ends_in_quote = text.trim_end().ends_with(['"', '”', '’', '\'']);
    if !(ends_like_sentence || ends_in_quote || ends_in_attribution(trimmed)) {
        return false;
    }
    !is_photo_credit(text)
}

/// A paragraph of sentences whose last one lost its end or runs on into
/// the next paragraph ("... said in an e-mail. “These authorities will
/// have to figure out ...” He added,"): prose, though it does not end like
/// a sentence. A heading is one line with no sentence end inside.
fn runs_on_from_prose(text: &str, sentences: &[Range]) -> bool {
    let ends_like_sentence = |range: &Range| {
        let trimmed = range
            .text(text)
            .trim_end_matches(|c: char| CLOSERS.contains(&c) || c.is_whitespace());
        matches!(trimmed.chars().last(), Some('.' | '!' | '?' | '…'))
    };
    /// Lower-case words the earlier sentences need: prose, not a headline
    /// with an abbreviation's period ("2 Dead, 1 Wounded at NE Phila.").
    const MIN_LOWER_CASE_WORDS: usize = 4;
    let Some((_, before)) = sentences.split_last() else {
        return false;
    };
    let lower_case_words = before
        .iter()
        .flat_map(|range| range.text(text).split_whitespace())
        .filter(|word| word.chars().next().is_some_and(char::is_lowercase))
        .count();
    !before.is_empty()
        && before.iter().all(ends_like_sentence)
        && lower_case_words >= MIN_LOWER_CASE_WORDS
        && !is_photo_credit(text)
}

/// A quotation whose attribution closes the paragraph without its final
/// period ("“Shame on the House ...,” Rep. Gregory Meeks, D-N.Y., said"),
/// as copied and scraped text sometimes has it: a sentence, not a heading.
fn ends_in_attribution(text: &str) -> bool {
    /// Words from the closing quotation mark to the verb.
    const MAX_TAIL_WORDS: usize = 8;
    const VERBS: [&str; 6] = ["said", "says", "added", "adds", "wrote", "writes"];
    let Some((close, mark)) = text
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '\u{201d}' | '"'))
    else {
        return false;
    };
    let tail: Vec<&str> = text[close + mark.len_utf8()..].split_whitespace().collect();
    tail.len() >= 2
        && tail.len() <= MAX_TAIL_WORDS
        && tail.last().is_some_and(|verb| VERBS.contains(verb))
        && text[..close].contains(['\u{201c}', '"'])
}

/// A caption line such as "Marco Rubio (Photo by Orlando Barria/EPA)".
fn is_photo_credit(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let credit = [
        "(photo",
        "photo:",
        "(getty",
        "(ap photo",
        "(reuters",
        "photo credit",
    ];
    text.len() < 200 && credit.iter().any(|marker| lower.contains(marker))
}

/// Characters that may follow a sentence's final punctuation.
const CLOSERS: [char; 7] = ['"', '”', '’', '\'', ')', ']', '»'];

/// Sentence ranges relative to `text` (one paragraph).
fn sentence_ranges(text: &str) -> Vec<Range> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            ranges.push(trim_range(text, Range::new(start, i)));
            start = i + 1;
            i += 1;
            continue;
        }
        let is_terminal = matches!(b, b'.' | b'!' | b'?') || bytes[i..].starts_with("…".as_bytes());
        if !is_terminal {
            i += 1;
            continue;
        }
        let mut end = i + if b.is_ascii() { 1 } else { '…'.len_utf8() };
        while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
            end += 1;
        }
        end = skip_closers(text, end);
        if is_boundary(text, i, end) {
            ranges.push(trim_range(text, Range::new(start, end)));
            start = end;
        }
        i = end.max(i + 1);
    }
    if start < text.len() {
        ranges.push(trim_range(text, Range::new(start, text.len())));
    }
    ranges.retain(|range| !range.is_empty());
    ranges
}

fn skip_closers(text: &str, mut end: usize) -> usize {
    while let Some(c) = text[end..].chars().next() {
        if !CLOSERS.contains(&c) {
            break;
        }
        end += c.len_utf8();
    }
    end
}

/// Decides whether the terminal mark at `mark` (closed at `end`) ends a sentence.
fn is_boundary(text: &str, mark: usize, end: usize) -> bool {
    let rest = &text[end..];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() {
        return rest.is_empty();
    }
    if after_space.is_empty() {
        return true;
    }
    let next = after_space.chars().next().unwrap_or(' ');
    let starts_sentence = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '[' | '—' | '-');
    if !starts_sentence {
        return false;
    }
    if text.as_bytes()[mark] != b'.' || end > mark + 1 {
        return true;
    }
    let word = word_before(text, mark);
    !is_abbreviation(word, first_word(after_space))
}

/// The word ending just before byte `mark`, including inner periods ("U.S").
fn word_before(text: &str, mark: usize) -> &str {
    let head = &text[..mark];
    let start = head
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '\'' | '‘' | '—'))
        .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &head[start..]
}

fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .unwrap_or(text.len());
    &text[..end]
}

/// Whether `text` ends with an abbreviation's period ("Mr.", "R-Calif.",
/// "U.S." unless a sentence opener follows), `next` being the text after.
pub(crate) fn ends_with_abbreviation(text: &str, next: &str) -> bool {
    let Some(mark) = text.strip_suffix('.').map(str::len) else {
        return false;
    };
    let word = word_before(text, mark);
    let word = word.rsplit('-').next().unwrap_or(word);
    is_abbreviation(word, first_word(next.trim_start()))
}

/// True when a period after `word` is an abbreviation's, not a sentence end.
fn is_abbreviation(word: &str, next_word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let is_dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2);
    if is_dotted && !is_initial {
        // "U.S." ends a sentence when a common sentence opener follows.
        return !sentence_openers().contains(next_word);
    }
    if is_initial {
        return true;
    }
    let lower = word.to_ascii_lowercase();
    abbreviations().contains(lower.as_str())
}

fn abbreviations() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../lexicons/abbreviations.txt")))
}

fn sentence_openers() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../lexicons/sentence_openers.txt")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str, expected: &[&str]) {
        let segments = segment(body);
        let got: Vec<&str> = segments
            .sentences
            .iter()
            .map(|sentence| sentence.range.text(body))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        check(
            "Vice President J.D. Vance spoke in Feb. at the U.S. embassy. Mr. Smith left.",
            &[
                "Vice President J.D. Vance spoke in Feb. at the U.S. embassy.",
                "Mr. Smith left.",
            ],
        );
    }

    #[test]
    fn dotted_acronym_ends_a_sentence_before_an_opener() {
        check(
            "He flew to the U.S. The talks began.",
            &["He flew to the U.S.", "The talks began."],
        );
    }

    #[test]
    fn ranges_and_numbers() {
        check(
            "Progress is possible in the next 2-3 months. It cost $3.5 billion.",
            &[
                "Progress is possible in the next 2-3 months.",
                "It cost $3.5 billion.",
            ],
        );
    }

    #[test]
    fn quote_that_ends_with_the_sentence() {
        check(
            "He said: “We will win.” Then he left. “Why?” she asked.",
            &[
                "He said: “We will win.”",
                "Then he left.",
                "“Why?” she asked.",
            ],
        );
    }

    #[test]
    fn non_prose_lines_are_marked() {
        let body = "Marco Rubio (Photo by Orlando Barria/EPA)\n\nDetails\n\nUS and Russia have started talks - Russian media\n\nThe talks began.";
        let prose: Vec<bool> = segment(body)
            .paragraphs
            .iter()
            .map(|p| p.is_prose)
            .collect();
        assert_eq!(prose, [false, false, false, true]);
    }

    #[test]
    fn a_quotation_attributed_without_its_final_period_is_prose() {
        let prose = |body: &str| segment(body).paragraphs[0].is_prose;
        assert!(prose(
            "\"Shame on the House for failing to fund the request,\" Rep. Gregory Meeks, D-N.Y., said"
        ));
        assert!(prose("\u{201c}It is lost,\u{201d} he said"));
        // A heading without a quotation, or a tail too long to be one
        // attribution, stays a heading.
        assert!(!prose("What the mayor said"));
        assert!(!prose(
            "\"Fake News\" is back as the campaign of the former mayor and his staff said"
        ));
    }

    #[test]
    fn a_paragraph_running_on_after_its_sentences_is_prose() {
        let prose = |body: &str| segment(body).paragraphs[0].is_prose;
        assert!(prose(
            "States might respond. \u{201c}Most regimes begin with federal income,\u{201d} Marvin Kirsner said in an e-mail. He added,"
        ));
        assert!(!prose("Senate passes the bill\nBy Jane Doe"));
        assert!(!prose(
            "2 Dead, 1 Wounded in Shooting at NE Phila. Kraft Plant"
        ));
        assert!(!prose("Senate passes the bill"));
    }

    #[test]
    fn paragraphs_keep_byte_offsets() {
        let body = "  First one.\n\n\nSecond — ünïcode.  \n";
        let segments = segment(body);
        let texts: Vec<&str> = segments
            .paragraphs
            .iter()
            .map(|p| p.range.text(body))
            .collect();
        assert_eq!(texts, ["First one.", "Second — ünïcode."]);
    }

    #[test]
    fn lines_are_paragraphs_when_there_are_no_blank_lines() {
        let body = "One line.\nAnother line.";
        assert_eq!(segment(body).paragraphs.len(), 2);
    }

    #[test]
    fn a_single_line_break_ends_a_sentence() {
        check(
            "“A quote.” ― Sonya Herridge\n“Another.” ― Pamela Padilla\n\nNext.",
            &[
                "“A quote.” ― Sonya Herridge",
                "“Another.” ― Pamela Padilla",
                "Next.",
            ],
        );
    }
}
