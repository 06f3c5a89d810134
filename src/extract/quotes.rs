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
        let mut state = Pairing::default();
        let marks = marks(text);
        let mut marks = marks.as_slice();
        if opens_with_label(text) {
            // "\"PENCE: Well, ..." in a transcript quoted whole: the mark
            // opens the block, the label says who speaks; the label rule
            // of attribution takes the paragraph.
            marks = &marks[1..];
        }
        if let Some(start) = carried.take() {
            // The quotation goes on from the paragraph before; this
            // paragraph's opening mark only repeats it.
            if marks.first().is_some_and(|m| m.offset == 0) {
                marks = &marks[1..];
                state.open(start);
            }
        }
        let next_text = paragraphs.get(idx + 1).map(|next| next.range.text(body));
        let (mut found, mut open_at) = pair(marks, base, state);
        let next_opens = next_text.is_some_and(|next| {
            starts_with_quote(next)
                && !open_at.is_some_and(|start| changes_style(body, start, next))
        });
        if open_at.is_some_and(|start| start >= base) && !next_opens {
            let stray = open_at.unwrap_or(base) - base;
            // The paragraph's last mark opens a sentence (“..., Bloomberg
            // said. “Trump says he wants to ... God help us.” with the
            // closing mark left out): the quotation runs to the paragraph's
            // end.
            let last = marks.last().is_some_and(|m| m.offset == stray);
            let opens_sentence =
                stray > 0 && text[..stray].trim_end().ends_with(['.', '?', '!', ':']);
            if last && opens_sentence {
                quotes.extend(found);
                quotes.push(Range::new(base + stray, paragraph.range.end));
                continue;
            }
            // A stray opening mark: pair the paragraph again without it, so
            // that it does not swallow the quotations after it.
            let rest: Vec<Mark> = marks
                .iter()
                .copied()
                .filter(|m| m.offset != stray)
                .collect();
            let (refound, reopen) = pair(&rest, base, Pairing::default());
            // A paragraph that opens with a quote never closed is that quote,
            // unless pairing without its mark explains the others.
            if stray != 0 || !refound.is_empty() {
                (found, open_at) = (refound, reopen);
            }
        }
        quotes.extend(found);
        if let Some(start) = open_at {
            if next_opens {
                carried = Some(start);
            } else if start <= base {
                quotes.push(Range::new(start, paragraph.range.end));
            }
        }
    }
    quotes
}

/// Pairs the marks of one paragraph; gives the quotations closed and the
/// start of one still open at the paragraph's end.
fn pair(marks: &[Mark], base: usize, mut state: Pairing) -> (Vec<Range>, Option<usize>) {
    let mut found = Vec::new();
    for mark in marks {
        if let Some(range) = state.take(mark, base) {
            found.push(range);
        }
    }
    (found, state.start)
}

/// Which way a quotation mark faces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facing {
    Opens,
    Closes,
    /// A straight mark between two words or two spaces: decided by pairing.
    Either,
}

/// A double quotation mark in a paragraph.
#[derive(Debug, Clone, Copy)]
struct Mark {
    offset: usize,
    width: usize,
    facing: Facing,
}

/// The double marks of a paragraph (“ ” " „ and '' for "), each with the way
/// its surroundings make it face: after a space and before a word it opens,
/// after a word and before a space or punctuation it closes. Typography is
/// often mixed ("“Q," he said), so the glyph itself decides only when the
/// surroundings do not.
fn marks(text: &str) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut previous: Option<char> = None;
    while let Some((offset, c)) = chars.next() {
        let (glyph, width) = match c {
            '\'' if chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
                ('"', 2)
            }
            '"' | '“' | '”' | '„' => (c, c.len_utf8()),
            _ => {
                previous = Some(c);
                continue;
            }
        };
        let next = text[offset + width..].chars().next();
        marks.push(Mark {
            offset,
            width,
            facing: facing(glyph, previous, next),
        });
        previous = Some(glyph);
    }
    marks
}

fn facing(glyph: char, previous: Option<char>, next: Option<char>) -> Facing {
    let space_before = previous.is_none_or(|c| c.is_whitespace() || "([{—―–-/".contains(c));
    let space_after = next.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—―–-…".contains(c));
    match (space_before, space_after) {
        (true, false) => Facing::Opens,
        (false, true) => Facing::Closes,
        _ => match glyph {
            '“' | '„' => Facing::Opens,
            '”' => Facing::Closes,
            _ => Facing::Either,
        },
    }
}

/// Pairs marks in order, counting nested quotations.
#[derive(Debug, Default)]
struct Pairing {
    start: Option<usize>,
    depth: usize,
}

impl Pairing {
    fn open(&mut self, start: usize) {
        self.start = Some(start);
        self.depth = 1;
    }

    /// Takes one mark; gives a quotation when it closes the outermost one.
    fn take(&mut self, mark: &Mark, base: usize) -> Option<Range> {
        let opens = match mark.facing {
            Facing::Opens => true,
            Facing::Closes => false,
            Facing::Either => self.depth == 0,
        };
        if opens {
            if self.depth == 0 {
                self.start = Some(base + mark.offset);
            }
            self.depth += 1;
            return None;
        }
        if self.depth == 0 {
            return None;
        }
        self.depth -= 1;
        if self.depth > 0 {
            return None;
        }
        let start = self.start.take()?;
        Some(Range::new(start, base + mark.offset + mark.width))
    }
}

/// True when a quotation opened with a straight mark at `start` meets a
/// paragraph opening with a curly one: a block quotation copied from another
/// outlet keeps its straight marks, while the article's own quotations after
/// it are curly, so the next paragraph starts a quotation of its own.
fn changes_style(body: &str, start: usize, next: &str) -> bool {
    body[start..].starts_with('"') && next.starts_with('“')
}

/// True when the paragraph opens with a quotation mark and a transcript
/// label in capitals: `"WALLACE: ...`.
fn opens_with_label(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('"').or_else(|| text.strip_prefix('“')) else {
        return false;
    };
    let label_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_uppercase() || b" .'-".contains(b))
        .count();
    label_len >= 3
        && rest.as_bytes()[..2].iter().all(u8::is_ascii_uppercase)
        && rest[label_len..].starts_with(':')
}

fn starts_with_quote(text: &str) -> bool {
    !opens_with_label(text)
        && marks(text)
            .first()
            .is_some_and(|m| m.offset == 0 && m.facing != Facing::Closes)
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

    /// A quotation that opens a sentence as the paragraph's last mark and
    /// is never closed runs to the paragraph's end; an unpaired mark inside
    /// a sentence is still ignored.
    #[test]
    fn an_unclosed_quotation_opening_the_last_sentence() {
        check(
            "“It is over,” Voss said. “God help us.\n\nThe vote is Tuesday.",
            &["“It is over,”", "“God help us."],
        );
        check(
            "He called it “a farce and left.\n\nThe vote is Tuesday.",
            &[],
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
    fn straight_mark_closed_by_a_curly_one() {
        check(
            "\"He is not a Republican,” Fox said. “Those are not our principles.”",
            &[
                "\"He is not a Republican,”",
                "“Those are not our principles.”",
            ],
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
    fn straight_block_quote_does_not_run_into_a_curly_quote() {
        check(
            "\"Kevin was snoring.\n\n“Here he is, babe,” she said.",
            &["\"Kevin was snoring.", "“Here he is, babe,”"],
        );
        check(
            "\"Trump walked on, chanting “U-S-A!”\n\n“That’s right,” Melanie said.",
            &["“U-S-A!”", "“That’s right,”"],
        );
    }

    #[test]
    fn transcript_label_after_an_opening_mark_is_not_a_quotation() {
        check(
            "\"WALLACE: Why would he do that?\n\n\"PENCE: Well, it is “Shark Tank.”\n\n\"But the truth is plain.\n\n\"WALLACE: Thank you.\"",
            &["“Shark Tank.”", "\"But the truth is plain."],
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
