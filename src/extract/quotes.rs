//! Quotes: finds the quoted stretches of an article, paragraph by paragraph.
//!
//! Takes the body and its paragraphs; gives quotation ranges that include
//! their marks. Straight and curly double marks are paired; a quotation that
//! runs over several paragraphs (each opens a quote, only the last closes it)
//! is one range. An unpaired mark never spreads past its paragraph: a quote
//! opened at the start of a paragraph and never closed runs to the
//! paragraph's end, any other unpaired mark is ignored.

use crate::model::{Paragraph, Range};

/// Quotation ranges of the body, in order, not overlapping.
pub fn find(body: &str, paragraphs: &[Paragraph]) -> Vec<Range> {
    let mut quotes = Vec::new();
    let mut carried: Option<usize> = None;
    for (idx, paragraph) in paragraphs.iter().enumerate() {
        let text = paragraph.range.text(body);
        let base = paragraph.range.start;
        let opens_with_quote = starts_with_quote(text);
        let mut open: Option<usize> = match carried.take() {
            Some(start) if opens_with_quote => Some(start),
            Some(_) | None => None,
        };
        let mut skip_first = open.is_some();
        // Curly marks inside a straight-quoted stretch are nested quotes.
        let mut straight = open.is_some() && !text.starts_with('“');
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if skip_first {
                skip_first = false;
                if text.starts_with("''") {
                    chars.next();
                }
                continue;
            }
            // Two apostrophes stand for a straight double mark in some archives.
            let c = if c == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                '"'
            } else {
                c
            };
            let width = if c == '"' && text[i..].starts_with("''") {
                2
            } else {
                c.len_utf8()
            };
            match (c, open) {
                ('“', Some(start)) if straight => {
                    let _ = start;
                }
                ('“', _) => {
                    open = Some(base + i);
                    straight = false;
                }
                // A ” where a quote opens (paragraph start, after a space
                // or a dash) is a mistyped “.
                ('”', None) if opens_here(text, i) => {
                    open = Some(base + i);
                    straight = false;
                }
                ('”', Some(start)) if !straight => {
                    quotes.push(Range::new(start, base + i + width));
                    open = None;
                }
                ('"', None) => {
                    open = Some(base + i);
                    straight = true;
                }
                ('"', Some(start)) if straight => {
                    quotes.push(Range::new(start, base + i + width));
                    open = None;
                }
                _ => {}
            }
        }
        if let Some(start) = open {
            let next_opens = paragraphs
                .get(idx + 1)
                .is_some_and(|next| starts_with_quote(next.range.text(body)));
            let opened_paragraph = start <= base;
            if next_opens {
                carried = Some(start);
            } else if opened_paragraph {
                quotes.push(Range::new(start, paragraph.range.end));
            }
        }
    }
    quotes
}

fn opens_here(text: &str, i: usize) -> bool {
    let before = text[..i].chars().next_back();
    let after = text[i..].chars().nth(1);
    before.is_none_or(|c| c.is_whitespace() || matches!(c, '―' | '—' | '(' | '['))
        && after.is_some_and(|c| c.is_alphanumeric() || c == '…' || c == '.')
}

fn starts_with_quote(text: &str) -> bool {
    text.starts_with(['"', '“'])
        || text.starts_with("''")
        || text.starts_with('”') && opens_here(text, 0)
}

/// True when `range` lies inside one of the (sorted) quotation ranges.
pub fn inside(quotes: &[Range], range: Range) -> bool {
    let idx = quotes.partition_point(|quote| quote.end <= range.start);
    quotes.get(idx).is_some_and(|quote| quote.contains(&range))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn check(body: &str, expected: &[&str]) {
        let segments = segment(body);
        let got: Vec<&str> = find(body, &segments.paragraphs)
            .iter()
            .map(|range| range.text(body))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn straight_and_curly_quotes() {
        check(
            "“We will win,” he said. \"Soon,\" she said.",
            &["“We will win,”", "\"Soon,\""],
        );
    }

    #[test]
    fn single_quotes_inside_double_stay_inside() {
        check(
            "He said: “They call it ‘peace’ now.”",
            &["“They call it ‘peace’ now.”"],
        );
    }

    #[test]
    fn two_apostrophes_make_a_quote() {
        check(
            "''It is reform,'' he said. Isn't it?",
            &["''It is reform,''"],
        );
    }

    #[test]
    fn curly_quotes_nested_in_straight_ones() {
        check(
            "He said: \"I read: “Do you agree?” Yes.\" Then he left.",
            &["\"I read: “Do you agree?” Yes.\""],
        );
    }

    #[test]
    fn quote_spanning_two_paragraphs() {
        check(
            "He said: “First part.\n\n“Second part.”\n\nNarration.",
            &["“First part.\n\n“Second part.”"],
        );
    }

    #[test]
    fn unpaired_mark_stays_in_its_paragraph() {
        check(
            "He said “this never closes.\n\nNext paragraph “is fine.”",
            &["“is fine.”"],
        );
        check(
            "“A quote never closed.\n\nNarration here.",
            &["“A quote never closed."],
        );
    }
}
