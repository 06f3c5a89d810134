//! Omissions a reader can use: the substantive statements of an event that
//! no other outlet carries in any wording, most important first.
//!
//! Takes one event (its `only_in` statements); gives at most
//! `MAX_OMISSIONS` `omission` divergences. `only_in` itself keeps every
//! statement without a counterpart, for scripts; this ranking decides what
//! a reader is shown. Left out: fragments ("this", "in a statement", "to
//! journalists' requests for comment"), and statements whose content words
//! another article of the event gives in one sentence (the same fact in
//! other words). Ranked by what is at stake: a quotation or an attributed
//! claim before the outlet's narration, figures and named speakers first.

use std::collections::BTreeSet;

use super::omission;
use crate::model::{Article, Divergence, Event, Extraction, Range, StatementKind, StatementRef};
use crate::text::lexicon::is_stopword;
use crate::text::numbers::is_number;
use crate::text::stems::stem;
use crate::text::tokens::tokenize;

/// Omission findings shown per event.
pub(super) const MAX_OMISSIONS: usize = 12;
/// Content words a statement needs to be more than a fragment.
const MIN_CONTENT_WORDS: usize = 4;
/// Share of a statement's content words that one sentence (or two in a
/// row) of another article must hold for the statement to count as carried
/// there.
const CARRIED_SHARE: f64 = 0.4;
/// Share of a cut stretch's content words that one quotation of the other
/// article must hold for the stretch to be quoted there in part.
const QUOTED_ELSEWHERE_SHARE: f64 = 0.5;
/// Content words a cut stretch needs for that test.
const MIN_QUOTED_ELSEWHERE_WORDS: usize = 3;
/// The same share for a sentence left out of a quotation.
const QUOTE_CARRIED_SHARE: f64 = 0.7;

/// The event's omission findings, most important first, at most `MAX_OMISSIONS`.
pub(super) fn ranked(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
) -> Vec<Divergence> {
    let others: Vec<(usize, Vec<BTreeSet<String>>)> = event
        .articles
        .iter()
        .map(|&idx| (idx, sentence_words(&articles[idx])))
        .collect();
    let mut candidates: Vec<(f64, StatementRef)> = event
        .only_in
        .iter()
        .chain(&figures_only_here(articles, extractions, event))
        .filter_map(|&reference| {
            let article = &articles[reference.article_idx];
            let statement = &extractions[reference.article_idx].statements[reference.statement_idx];
            let words = content_words(&article.body, statement.content);
            // A quotation is a voice even when short ("We thank the governor").
            let needed = if statement.kind == StatementKind::Direct {
                2
            } else {
                MIN_CONTENT_WORDS
            };
            if words.len() < needed || starts_with_preposition(&article.body, statement.content) {
                return None;
            }
            let carried = others.iter().any(|(idx, sentences)| {
                *idx != reference.article_idx && carried_in(&words, sentences, CARRIED_SHARE)
            });
            (!carried).then(|| (importance(article, statement), reference))
        })
        .collect();
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    candidates
        .into_iter()
        .take(MAX_OMISSIONS)
        .map(|(importance, reference)| {
            let mut divergence = omission(articles, extractions, reference);
            divergence.confidence = (0.4 + 0.5 * importance).min(0.9);
            divergence
        })
        .collect()
}

/// Statements that sit only in topic-level rows or are only related to
/// another article's (a related point, not the same claim) and give a figure no other article of the event gives: the
/// figure is a fact the others lack ("progress is possible in the next
/// 2-3 months" beside a row about bilateral issues).
fn figures_only_here(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
) -> Vec<StatementRef> {
    use crate::model::AlignmentLevel;
    let in_claim: BTreeSet<StatementRef> = event
        .alignments
        .iter()
        .filter(|a| a.level == AlignmentLevel::Claim)
        .flat_map(|a| a.statements.iter().copied())
        .collect();
    let in_topic: BTreeSet<StatementRef> = event
        .alignments
        .iter()
        .filter(|a| a.level == AlignmentLevel::Topic)
        .flat_map(|a| a.statements.iter().copied())
        .collect();
    let numbers_of = |idx: usize| -> BTreeSet<String> {
        let body = &articles[idx].body;
        tokenize(body, Range::new(0, body.len()))
            .into_iter()
            .filter(|t| is_number(&t.norm))
            .map(|t| t.norm)
            .collect()
    };
    in_topic
        .difference(&in_claim)
        .chain(&event.related)
        .copied()
        .filter(|reference| {
            let statement = &extractions[reference.article_idx].statements[reference.statement_idx];
            let figures: Vec<String> =
                tokenize(&articles[reference.article_idx].body, statement.content)
                    .into_iter()
                    .filter(|t| t.norm.chars().any(|c| c.is_ascii_digit()))
                    .map(|t| t.norm)
                    .collect();
            !figures.is_empty()
                && event
                    .articles
                    .iter()
                    .filter(|&&idx| idx != reference.article_idx)
                    .all(|&idx| {
                        let elsewhere = numbers_of(idx);
                        figures.iter().all(|f| !elsewhere.contains(f))
                    })
        })
        .collect()
}

/// Whether one sentence, or two in a row, of another article hold
/// `share` of `words`: outlets often split a point over two
/// sentences, or give it in their own narration around a quotation.
/// A statement with figures is carried only where one of them is given too.
fn carried_in(words: &BTreeSet<String>, sentences: &[BTreeSet<String>], share: f64) -> bool {
    let needed = share * words.len() as f64;
    let figures: Vec<&String> = words.iter().filter(|w| is_number(w)).collect();
    let holds = |window: &[BTreeSet<String>]| {
        let held = words
            .iter()
            .filter(|w| window.iter().any(|sentence| sentence.contains(*w)))
            .count();
        let figure = figures.is_empty()
            || figures
                .iter()
                .any(|f| window.iter().any(|sentence| sentence.contains(*f)));
        held as f64 >= needed && figure
    };
    // Every sentence sits in a window of two, unless it is the only one.
    sentences.windows(sentences.len().clamp(1, 2)).any(holds)
}

/// Whether another article gives most of the words of each of `ranges` of
/// `body` (`QUOTE_CARRIED_SHARE`) in one sentence or two in a row: a sentence that
/// one outlet leaves out of a quotation but quotes or paraphrases a line
/// earlier is no omission. Most, not `CARRIED_SHARE`: what is compared is
/// one sentence of one remark, and half of it carried ("the auditors had
/// warned him" for "Why did nobody act? The auditors warned him") leaves
/// the rest out.
pub(super) fn carried_in_article(body: &str, ranges: &[Range], other: &Article) -> bool {
    let sentences = sentence_words(other);
    ranges
        .iter()
        .all(|&range| carried_in(&content_words(body, range), &sentences, QUOTE_CARRIED_SHARE))
}

/// Whether, sentence by sentence, a quotation of `other` holds
/// `QUOTED_ELSEWHERE_SHARE` of the content words of `ranges` of `body`: the
/// words one outlet's quotation has beyond another's that the other gives
/// in a shorter quotation of its own ("With all due respect, that's just a
/// bunch of malarkey" / "That's a bunch of malarkey") are not left out.
/// Sentences of fewer than `MIN_QUOTED_ELSEWHERE_WORDS` content words are
/// not weighed (half of two words is one word, often a common one); with
/// none weighed, nothing is shown to be quoted.
pub(super) fn quoted_in_part(body: &str, ranges: &[Range], other: &Article) -> bool {
    let quotations: Vec<BTreeSet<String>> = super::quotation_marks(&other.body)
        .into_iter()
        .map(|range| content_words(&other.body, range))
        .collect();
    let sentences: Vec<BTreeSet<String>> = ranges
        .iter()
        .flat_map(|&range| {
            crate::segment::segment(range.text(body))
                .sentences
                .into_iter()
                .map(move |s| Range::new(range.start + s.range.start, range.start + s.range.end))
        })
        .map(|sentence| content_words(body, sentence))
        .filter(|words| words.len() >= MIN_QUOTED_ELSEWHERE_WORDS)
        .collect();
    !sentences.is_empty()
        && sentences.iter().all(|words| {
            quotations.iter().any(|quoted| {
                let held = words.iter().filter(|w| quoted.contains(*w)).count();
                held as f64 >= QUOTED_ELSEWHERE_SHARE * words.len() as f64
            })
        })
}

/// Stems of the content words of `range`.
fn content_words(body: &str, range: Range) -> BTreeSet<String> {
    tokenize(body, range)
        .iter()
        .filter(|t| !is_stopword(&t.norm))
        .map(|t| stem(&t.norm))
        .collect()
}

fn sentence_words(article: &Article) -> Vec<BTreeSet<String>> {
    crate::segment::segment(&article.body)
        .sentences
        .iter()
        .map(|s| content_words(&article.body, s.range))
        .collect()
}

/// "to journalists' requests for comment", "in a statement": a phrase
/// that hangs off a cue, not a claim.
fn starts_with_preposition(body: &str, range: Range) -> bool {
    let first = tokenize(body, range).into_iter().next();
    first.is_some_and(|t| {
        matches!(
            t.norm.as_str(),
            "to" | "in" | "on" | "at" | "for" | "about" | "from" | "with" | "by" | "of" | "after"
        )
    })
}

/// What is at stake in a statement, in [0, 1].
fn importance(article: &Article, statement: &crate::model::Statement) -> f64 {
    let tokens = tokenize(&article.body, statement.content);
    let voice = match statement.kind {
        StatementKind::Direct => 0.4,
        StatementKind::Mixed | StatementKind::Indirect => 0.3,
        StatementKind::Narration => 0.0,
    };
    let figure = if tokens.iter().any(|t| is_number(&t.norm)) {
        0.2
    } else {
        0.0
    };
    let named = if statement.speaker.name.is_some() {
        0.2
    } else {
        0.0
    };
    let length = (tokens.len() as f64 / 25.0).min(1.0) * 0.2;
    voice + figure + named + length
}
