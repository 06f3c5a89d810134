//! Score: finds divergences between the articles of an event.
//!
//! Takes events from `align`; gives each its divergences, each with a
//! one-sentence explanation, the evidence spans on every side, a severity
//! (what is at stake) and a confidence (how likely it is real). Claim-level
//! alignments (near-identical sentences) are compared word by word in
//! `pair`, and lower their `agreement` by what is found:
//! `agreement = similarity × Π (1 − severity / 2)`. What outlets do
//! differently in other words is read across the event: quotations of one
//! remark in `quotations`, numbers, contradictions, hedging, reporting verbs
//! and claims given to two people in `rewording`, contested and reaction
//! words in `framing`, spelling variants in `names`, and the omissions a
//! reader should see in `omissions` (plus every statement cut from a near
//! copy). Near copies are also read sentence by sentence in `copies`
//! (sentences cut, and sentences no claim row compared). Numbers are read
//! in `numbers`, word lists in `lexicon`.

mod copies;
mod framing;
mod lexicon;
mod names;
mod numbers;
mod omissions;
mod pair;
mod quotations;
mod rewording;
mod translation;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::model::{
    AlignmentLevel, Article, Divergence, DivergenceType, Event, Evidence, Extraction, Range,
    ScoredEvent, Statement, StatementKind, StatementRef,
};
use crate::segment::ends_with_abbreviation;
use crate::text::lexicon::is_stopword;
use crate::text::tokens::{tokenize, Token};

/// A cue or speaker mention this close (bytes) to the content joins the
/// compared words, so that "he reportedly told" is seen beside the quote.
const MAX_FRAME_GAP: usize = 150;
/// The compared words run on to the ends of the sentence, at most this far
/// (bytes), so that words around a quotation are compared too.
const MAX_SENTENCE_REACH: usize = 400;

/// Scores every event; output order follows input order.
pub fn score(
    articles: &[Article],
    extractions: &[Extraction],
    events: Vec<Event>,
) -> Vec<ScoredEvent> {
    events
        .into_par_iter()
        .map(|event| score_event(articles, extractions, event))
        .collect()
}

fn score_event(articles: &[Article], extractions: &[Extraction], mut event: Event) -> ScoredEvent {
    let mut divergences = Vec::new();
    let name_findings = if event.articles.len() > 1 {
        names::name_findings(articles, extractions, &event)
    } else {
        Vec::new()
    };
    // Only claim-level alignments are compared word by word: a topic-level
    // one pairs different sentences on one matter, read by `rewording`.
    let found: Vec<(usize, Vec<Divergence>)> = event
        .alignments
        .iter()
        .enumerate()
        .filter(|(_, alignment)| alignment.level == AlignmentLevel::Claim)
        .map(|(idx, alignment)| {
            (
                idx,
                alignment_divergences(articles, extractions, &event, &alignment.statements),
            )
        })
        .collect();
    let mut spellings = Vec::new();
    for (alignment_idx, found) in found {
        for divergence in &found {
            event.alignments[alignment_idx].agreement *= 1.0 - divergence.severity / 2.0;
        }
        for divergence in found {
            let divergence = Divergence {
                alignment_idx: Some(alignment_idx),
                ..divergence
            };
            if divergence.kind == DivergenceType::NameVariant {
                spellings.push(divergence);
            } else {
                divergences.push(divergence);
            }
        }
    }
    divergences.extend(names::merge_spellings(articles, spellings, &name_findings));
    if event.articles.len() > 1 {
        divergences.extend(name_findings);
        divergences.extend(quotations::cross_quotations(articles, extractions, &event));
        divergences.extend(rewording::cross_rewording(articles, extractions, &event));
        divergences.extend(framing::cross_framing(articles, extractions, &event));
    }
    translation::drop_translation_variants(extractions, &event, &mut divergences);
    divergences.extend(omissions::ranked(articles, extractions, &event));
    divergences.extend(copy_omissions(articles, extractions, &event));
    // A sentence cut from a near copy counts where no other finding (a
    // statement left out, a quotation cut short) already says so.
    let copy_texts = copies::CopyTexts::new(articles, &event);
    for divergence in copies::cut_sentences(&event, articles, &copy_texts) {
        let said = divergences.iter().any(|d| {
            d.spans.iter().any(|e| {
                divergence
                    .spans
                    .iter()
                    .any(|s| s.article_idx == e.article_idx && s.range.overlap(&e.range) > 0)
            })
        });
        if !said {
            divergences.push(divergence);
        }
    }
    let changed =
        copies::changed_sentences(articles, extractions, &event, &copy_texts, &divergences);
    divergences.extend(changed);
    sort_and_dedup(&mut divergences);
    drop_repeated_omissions(&mut divergences);
    ScoredEvent { event, divergences }
}

/// Divergences between every two statements of one alignment.
fn alignment_divergences(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
    refs: &[StatementRef],
) -> Vec<Divergence> {
    let sides: Vec<Side> = refs
        .iter()
        .map(|r| Side::new(articles, extractions, *r))
        .collect();
    let mut found = Vec::new();
    for (k, a) in sides.iter().enumerate() {
        for b in &sides[k + 1..] {
            let (x, y) = (a.article_idx, b.article_idx);
            let copied = copied(event, x, y);
            let (copy_a, copy_b) = if copied {
                (a.in_copy(), b.in_copy())
            } else {
                (None, None)
            };
            found.extend(pair::compare(
                copy_a.as_ref().unwrap_or(a),
                copy_b.as_ref().unwrap_or(b),
                copied,
            ));
        }
    }
    found
}

/// Orders divergences by where their evidence starts, then type; drops a
/// divergence whose type and evidence repeat an earlier one.
fn sort_and_dedup(divergences: &mut Vec<Divergence>) {
    divergences.iter_mut().for_each(|d| d.spans.sort());
    divergences.sort_by(|a, b| {
        a.spans
            .cmp(&b.spans)
            .then(a.kind.cmp(&b.kind))
            .then(a.alignment_idx.cmp(&b.alignment_idx))
            .then(a.explanation.cmp(&b.explanation))
    });
    divergences
        .dedup_by(|later, earlier| later.kind == earlier.kind && later.spans == earlier.spans);
}

/// Keeps one omission where several (a statement left out, the sentence
/// holding it) have overlapping evidence in one article: the one with the
/// shortest evidence, which says most exactly what is missing.
fn drop_repeated_omissions(divergences: &mut Vec<Divergence>) {
    let length = |d: &Divergence| d.spans.iter().map(|e| e.range.len()).sum::<usize>();
    let mut order: Vec<usize> = (0..divergences.len())
        .filter(|&i| divergences[i].kind == DivergenceType::Omission)
        .collect();
    order.sort_by_key(|&i| (length(&divergences[i]), i));
    let mut kept_spans: Vec<Evidence> = Vec::new();
    let mut dropped = vec![false; divergences.len()];
    for i in order {
        let spans = &divergences[i].spans;
        let repeated = spans.iter().any(|span| {
            kept_spans
                .iter()
                .any(|k| k.article_idx == span.article_idx && k.range.overlap(&span.range) > 0)
        });
        if repeated {
            dropped[i] = true;
        } else {
            kept_spans.extend(spans.iter().copied());
        }
    }
    let mut idx = 0;
    divergences.retain(|_| {
        idx += 1;
        !dropped[idx - 1]
    });
}

/// A statement no other article of the event carries.
fn omission(
    articles: &[Article],
    extractions: &[Extraction],
    reference: StatementRef,
) -> Divergence {
    let article = &articles[reference.article_idx];
    let statement = &extractions[reference.article_idx].statements[reference.statement_idx];
    let severity = match statement.kind {
        StatementKind::Direct => 0.5,
        StatementKind::Indirect | StatementKind::Mixed => 0.4,
        StatementKind::Narration => 0.2,
    };
    // A claim the speaker answers is not one they make: the cue phrase
    // says so ("from Barack Obama (“rejected claims that”)").
    let answered = (!lexicon::asserts(&article.body, statement))
        .then(|| lexicon::cue_phrase(statement))
        .flatten()
        .map(|phrase| {
            format!(
                " (\u{201c}{}\u{201d})",
                quoted_words(phrase.text(&article.body))
            )
        });
    let mut who = statement
        .speaker
        .name
        .as_ref()
        .map_or(String::new(), |name| format!(" from {name}"));
    who.push_str(&answered.unwrap_or_default());
    let text = quoted_words(statement.content.text(&article.body));
    divergence(
        DivergenceType::Omission,
        severity,
        format!(
            "Only {} carries this statement{who}; the other articles of the event do not: \u{201c}{text}\u{201d}.",
            article_label(article)
        ),
        vec![Evidence {
            article_idx: reference.article_idx,
            range: statement.content,
        }],
    )
}

/// A statement's words for an explanation that puts them in quotation
/// marks: its own marks and trailing comma dropped, cut at 80 characters.
fn quoted_words(text: &str) -> String {
    let bare = text
        .trim()
        .trim_matches(['\u{201c}', '\u{201d}', '"'])
        .trim_end_matches([',', ' ']);
    if bare.chars().count() <= 80 {
        return bare.to_string();
    }
    let cut: String = bare.chars().take(80).collect();
    format!("{}\u{2026}", cut.trim_end())
}

/// Omissions between near copies inside a larger event: when article `x`
/// aligns nearly all its statements with article `y`, a statement of `y`
/// aligned with nothing from `x` (at any level) was left out of `x`, even
/// if a third outlet carries it (so it is not in `only_in`), unless `x`
/// holds its words verbatim (extracted as part of a longer statement).
fn copy_omissions(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
) -> Vec<Divergence> {
    let mut found = Vec::new();
    for &x in &event.articles {
        for &y in &event.articles {
            if x == y || !copied(event, x, y) {
                continue;
            }
            for (carried, alignment_idx) in left_out(event, x, y) {
                let statement = &extractions[y].statements[carried.statement_idx];
                if articles[x]
                    .body
                    .contains(statement.content.text(&articles[y].body))
                {
                    continue;
                }
                let mut divergence = omission(articles, extractions, carried);
                divergence.explanation = format!(
                    "{} leaves out this statement that {}, otherwise a near copy, carries: \u{201c}{}\u{201d}.",
                    article_label(&articles[x]),
                    article_label(&articles[y]),
                    quoted_words(extractions[y].statements[carried.statement_idx].content.text(&articles[y].body))
                );
                divergence.alignment_idx = alignment_idx;
                found.push(divergence);
            }
        }
    }
    found
}

/// Statements of `y` that sit in some alignment but in none holding a
/// statement of `x`, each with its claim-level alignment if it has one.
fn left_out(event: &Event, x: usize, y: usize) -> Vec<(StatementRef, Option<usize>)> {
    // Statement of y → (aligned with x somewhere, its claim-level alignment).
    let mut carried: BTreeMap<StatementRef, (bool, Option<usize>)> = BTreeMap::new();
    for (alignment_idx, alignment) in event.alignments.iter().enumerate() {
        let with_x = alignment.statements.iter().any(|r| r.article_idx == x);
        for reference in alignment.statements.iter().filter(|r| r.article_idx == y) {
            let entry = carried.entry(*reference).or_insert((false, None));
            entry.0 |= with_x;
            if alignment.level == AlignmentLevel::Claim {
                entry.1 = Some(alignment_idx);
            }
        }
    }
    carried
        .into_iter()
        .filter(|(_, (with_x, _))| !with_x)
        .map(|(reference, (_, alignment_idx))| (reference, alignment_idx))
        .collect()
}

/// Whether articles `x` and `y` are near copies (a wire story and its
/// rewrite), as `align` found them: these are compared word by word only.
fn copied(event: &Event, x: usize, y: usize) -> bool {
    event.copies.binary_search(&(x.min(y), x.max(y))).is_ok()
}

/// Confidence of a word-level finding between near-identical sentences:
/// the diff shows exactly what changed, so most such findings are real.
const DEFAULT_CONFIDENCE: f64 = 0.9;

/// A text for an explanation, cut at 80 characters with an ellipsis.
fn shorten(text: &str) -> String {
    const MAX_CHARS: usize = 80;
    if text.chars().count() <= MAX_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(MAX_CHARS).collect();
    format!("{cut}\u{2026}")
}

/// Builds a divergence not yet tied to an alignment.
fn divergence(
    kind: DivergenceType,
    severity: f64,
    explanation: String,
    spans: Vec<Evidence>,
) -> Divergence {
    Divergence {
        kind,
        severity: severity.clamp(0.0, 1.0),
        confidence: DEFAULT_CONFIDENCE,
        explanation,
        spans,
        alignment_idx: None,
    }
}

/// "NYT (article-id)", or the id alone when the outlet is unknown.
fn article_label(article: &Article) -> String {
    match &article.outlet {
        Some(outlet) => format!("{outlet} ({})", article.id),
        None => article.id.clone(),
    }
}

/// One statement as the pair checks see it: the words of its content plus
/// a nearby cue and speaker mention, and which of them are quoted.
pub(crate) struct Side<'a> {
    pub article_idx: usize,
    pub article: &'a Article,
    pub statement: &'a Statement,
    pub tokens: Vec<Token>,
    /// Per token: inside quotation marks (or the content of a direct quote).
    pub quoted: Vec<bool>,
    /// Per token: inside a quotation that is part of the statement's
    /// content; quotations elsewhere in its sentence are other remarks.
    pub own_quoted: Vec<bool>,
    /// `quoted` and `own_quoted` with straight marks read more boldly, where
    /// that differs: one left open runs to the end of the sentence (an
    /// excerpt cut with "..."), one right after a word closes a quotation
    /// opened in an earlier sentence. Read so only against a near copy,
    /// whose text has the same marks; between outlets such a mark is as
    /// often a stray or an excerpt cut short.
    pub quoted_in_copy: Option<(Vec<bool>, Vec<bool>)>,
}

impl Side<'_> {
    /// This side as compared with a near copy (see `quoted_in_copy`).
    fn in_copy(&self) -> Option<Side<'_>> {
        let (quoted, own_quoted) = self.quoted_in_copy.clone()?;
        Some(Side {
            tokens: self.tokens.clone(),
            quoted,
            own_quoted,
            quoted_in_copy: None,
            ..*self
        })
    }
}

impl<'a> Side<'a> {
    fn new(
        articles: &'a [Article],
        extractions: &'a [Extraction],
        reference: StatementRef,
    ) -> Side<'a> {
        let article = &articles[reference.article_idx];
        let statement = &extractions[reference.article_idx].statements[reference.statement_idx];
        let frame = sentence_range(&article.body, frame_range(statement));
        let tokens = tokenize(&article.body, frame);
        let in_quotes = |ranges: &[Range], own: bool| -> Vec<bool> {
            tokens
                .iter()
                .map(|t| {
                    ranges.iter().any(|q| {
                        q.contains(&t.range) && (!own || q.overlap(&statement.content) > 0)
                    })
                })
                .collect()
        };
        let closed = quoted_ranges(&article.body, statement, frame, false);
        let (quoted, own_quoted) = (in_quotes(&closed, false), in_quotes(&closed, true));
        // Against a copy, straight marks read more boldly, and a quotation
        // opened earlier on the frame's line (a speech quoted over several
        // sentences of a paragraph) holds the frame too.
        let frame_text = frame.text(&article.body);
        let mut in_copy = if frame_text.contains('"') || frame_text.contains("''") {
            quoted_ranges(&article.body, statement, frame, true)
        } else {
            closed.clone()
        };
        in_copy.extend(line_quotations(&article.body, frame));
        let quoted_in_copy = (in_copy != closed)
            .then(|| (in_quotes(&in_copy, false), in_quotes(&in_copy, true)))
            .filter(|reading| *reading != (quoted.clone(), own_quoted.clone()));
        Side {
            article_idx: reference.article_idx,
            article,
            statement,
            tokens,
            quoted,
            own_quoted,
            quoted_in_copy,
        }
    }

    /// How explanations name this side's article.
    pub fn label(&self) -> String {
        article_label(self.article)
    }
}

/// The content, widened to the cue and speaker mention when they are near.
fn frame_range(statement: &Statement) -> Range {
    let content = statement.content;
    let near = |range: &Range| {
        range.end + MAX_FRAME_GAP >= content.start && content.end + MAX_FRAME_GAP >= range.start
    };
    [statement.cue, statement.speaker.mention]
        .into_iter()
        .flatten()
        .filter(near)
        .fold(content, |frame, range| {
            Range::new(frame.start.min(range.start), frame.end.max(range.end))
        })
}

/// Widens `range` to the sentence around it: back to just after the
/// previous sentence end or line break, on to the next sentence end (a
/// closing quotation mark included), each at most `MAX_SENTENCE_REACH`.
fn sentence_range(body: &str, range: Range) -> Range {
    let is_end = |prefix: &str| {
        let trimmed = prefix.trim_end_matches(['\u{201d}', '"', '\'', '\u{2019}', ')']);
        trimmed.ends_with(['.', '?', '!'])
    };
    let floor = range.start.saturating_sub(MAX_SENTENCE_REACH);
    let mut start = range.start;
    while start > floor {
        let Some((offset, c)) = body[..start].char_indices().next_back() else {
            break;
        };
        let before = &body[..offset];
        let abbreviation = || ends_with_abbreviation(before, &body[offset..]);
        if c == '\n' || (c.is_whitespace() && is_end(before) && !abbreviation()) {
            break;
        }
        start = offset;
    }
    let ceiling = (range.end + MAX_SENTENCE_REACH).min(body.len());
    let mut end = range.end;
    // A period with no space after it ("R-Calif., who ...") or after an
    // abbreviated title ("a message for Mr. Trump: ...") ends no sentence.
    let ends_here = |end: usize| {
        let before = &body[..end];
        let spaced = body[end..].chars().next().is_none_or(char::is_whitespace);
        spaced && is_end(before) && !ends_with_abbreviation(before, &body[end..])
    };
    while end < ceiling && !ends_here(end) {
        let Some(c) = body[end..].chars().next() else {
            break;
        };
        if c == '\n' {
            break;
        }
        end += c.len_utf8();
    }
    Range::new(start, end.max(range.end))
}

/// Stretches between quotation marks, marks included, line by line (a mark
/// left open closes at the end of its line): what is not the outlet's own
/// voice in a body. Two apostrophes in a row are a straight double mark, as
/// newspaper archives write it (''this cannot be an American fight'').
pub(super) fn quotation_marks(body: &str) -> Vec<Range> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    let mut chars = body.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let (c, width) = match c {
            '\'' if chars.peek().is_some_and(|&(_, n)| n == '\'') => {
                chars.next();
                ('"', 2)
            }
            _ => (c, c.len_utf8()),
        };
        match (c, open) {
            ('\u{201c}', _) | ('"', None) => open = Some(at),
            ('\u{201d}' | '"', Some(start)) => {
                ranges.push(Range::new(start, at + width));
                open = None;
            }
            ('\n', Some(start)) => {
                ranges.push(Range::new(start, at));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        ranges.push(Range::new(start, body.len()));
    }
    ranges
}

/// The quotations (marks left out, titles aside) of the line holding
/// `frame` that overlap it, as `quotation_marks` reads them: a mark left
/// open runs to the end of its line.
fn line_quotations(body: &str, frame: Range) -> Vec<Range> {
    let start = body[..frame.start].rfind('\n').map_or(0, |at| at + 1);
    let end = body[frame.end..]
        .find('\n')
        .map_or(body.len(), |at| frame.end + at);
    quotation_marks(&body[start..end])
        .into_iter()
        .map(|q| inside_marks(body, Range::new(q.start + start, q.end + start)))
        .filter(|q| q.overlap(&frame) > 0 && !is_title(body, *q))
        .collect()
}

/// A quotation's range without its marks.
fn inside_marks(body: &str, quotation: Range) -> Range {
    let text = quotation.text(body);
    let marks: &[char] = &['\u{201c}', '\u{201d}', '"', '\''];
    let start = quotation.start + (text.len() - text.trim_start_matches(marks).len());
    let end = quotation.end - (text.len() - text.trim_end_matches(marks).len());
    Range::new(start, end.max(start))
}

/// The normalised words of a whole body, in order.
fn body_words(body: &str) -> Vec<String> {
    tokenize(body, Range::new(0, body.len()))
        .into_iter()
        .map(|t| t.norm)
        .collect()
}

/// Whether `stretch` occurs, word for word in a row, in `words`.
fn holds_words<S: AsRef<str>>(words: &[String], stretch: &[S]) -> bool {
    words
        .windows(stretch.len())
        .any(|window| window.iter().zip(stretch).all(|(w, s)| w == s.as_ref()))
}

/// The words of each of `ranges` in `body` occur in order and next to each
/// other somewhere in `other` (case and punctuation aside, function words
/// at either end dropped: "… on time, and"), at least `MIN_CARRIED_WORDS`
/// of them a range (fewer recur by chance). Words a quotation is said to
/// leave out that the other article quotes in a sentence of its own are
/// not left out.
fn carried_elsewhere(body: &str, ranges: &[Range], other: &str) -> bool {
    const MIN_CARRIED_WORDS: usize = 3;
    let mut stretches = Vec::with_capacity(ranges.len());
    for &range in ranges {
        let words: Vec<String> = tokenize(body, range).into_iter().map(|t| t.norm).collect();
        let first = words.iter().position(|w| !is_stopword(w));
        let last = words.iter().rposition(|w| !is_stopword(w));
        let (Some(first), Some(last)) = (first, last) else {
            return false;
        };
        if last + 1 - first < MIN_CARRIED_WORDS {
            return false;
        }
        stretches.push(words[first..=last].to_vec());
    }
    let others = body_words(other);
    stretches.iter().all(|words| holds_words(&others, words))
}

/// The quoted stretches of a statement's frame: the whole content of a
/// direct quote written without marks, and the stretches between quotation
/// marks in the frame. A quotation in curly marks that runs past either end
/// of the frame (a quote of several sentences, the frame being one) is
/// quoted up to that end: the mark's direction says which side is inside.
fn quoted_ranges(
    body: &str,
    statement: &Statement,
    frame: Range,
    copy_reading: bool,
) -> Vec<Range> {
    let mut ranges = Vec::new();
    let content_text = statement.content.text(body);
    let has_marks =
        content_text.contains(['\u{201c}', '\u{201d}', '"']) || content_text.contains("''");
    // A direct quote given without its marks is quoted whole; one with marks
    // may hold "he said" between its parts, which is not quoted.
    if statement.kind == StatementKind::Direct && !has_marks {
        ranges.push(statement.content);
    }
    let mut open: Option<(usize, char)> = None;
    let mut seen_mark = false;
    // A straight mark written right after a word and before a space or the
    // end closes a quotation opened in an earlier sentence ("... ordered
    // them to stop.\"") as a curly closing mark would.
    let closes = |at: usize| {
        let before = body[..at].chars().next_back();
        let after = body[at..].trim_start_matches(['"', '\'']).chars().next();
        before.is_some_and(|c| !c.is_whitespace())
            && after.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation())
    };
    // Two apostrophes stand for a straight double mark (''Q,'' she said),
    // as in some newspaper archives.
    let text = frame.text(body);
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let at = frame.start + offset;
        let (c, width) = if c == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
            chars.next();
            ('"', 2)
        } else {
            (c, c.len_utf8())
        };
        match (c, open) {
            ('"', None) if copy_reading && !seen_mark && closes(at) => {
                ranges.push(Range::new(frame.start, at));
            }
            ('\u{201c}', _) | ('"', None) => open = Some((at + width, c)),
            ('\u{201d}' | '"', Some((start, _))) => {
                ranges.push(Range::new(start, at));
                open = None;
            }
            ('\u{201d}', None) if !seen_mark => ranges.push(Range::new(frame.start, at)),
            _ => {}
        }
        seen_mark |= matches!(c, '\u{201c}' | '\u{201d}' | '"');
    }
    if let Some((start, mark)) = open {
        if mark == '\u{201c}' || copy_reading {
            ranges.push(Range::new(start, frame.end));
        }
    }
    ranges.retain(|&range| !is_title(body, range));
    ranges
}

/// A short stretch in quotation marks, two words or more, whose words are
/// all capitalised but for function words ("This Week," "Meet the Press"):
/// the title of a show, a book or a slogan, not words anyone is quoted
/// saying. A comma or period the marks close on is allowed.
fn is_title(body: &str, range: Range) -> bool {
    const MAX_TITLE_WORDS: usize = 5;
    let text = range.text(body).trim_end_matches([',', '.']);
    if text.contains(['.', ',', '!', '?', ';', ':']) {
        return false;
    }
    let tokens = tokenize(body, range);
    tokens.len() >= 2
        && tokens.len() <= MAX_TITLE_WORDS
        && tokens[0].capitalised
        && tokens.iter().all(|t| t.capitalised || is_stopword(&t.norm))
}

/// The text of each piece of a divergence's evidence, in order (for tests).
#[cfg(test)]
fn evidence_texts(articles: &[Article], divergence: &Divergence) -> Vec<String> {
    divergence
        .spans
        .iter()
        .map(|e| e.range.text(&articles[e.article_idx].body).to_string())
        .collect()
}

#[cfg(test)]
mod tests;
