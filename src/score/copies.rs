//! Near copies (a wire story and its rewrite) compared sentence by sentence.
//!
//! Takes the articles of one event, their statements, the event's
//! alignments and the divergences found so far; gives what comparing
//! aligned statements cannot see between two near copies:
//! - a whole sentence one copy cuts (`omission`, `cut_sentences`), even
//!   where extraction lost the thread;
//! - the changes in a sentence that no claim-level row compared
//!   (`changed_sentences`): the middle sentence of a quotation that runs
//!   over several, a question put to a speaker, any sentence extraction did
//!   not make a statement of. Such a sentence is paired with the copy's
//!   sentence sharing most of its words and the two are read as `pair`
//!   reads the statements of a claim row (quotations, figures, negations,
//!   hedges, reporting verbs, names), its quoted words being those between
//!   quotation marks on its line.
//!
//! A sentence that another finding already covers gets nothing more.

use std::collections::HashSet;

use super::pair;
use super::{
    article_label, copied, divergence, frame_range, line_quotations, sentence_range, Side,
};
use crate::model::{
    AlignmentLevel, Article, Divergence, DivergenceType, Event, Evidence, Extraction, Range,
    Speaker, Statement, StatementKind,
};
use crate::segment::segment;
use crate::text::tokens::{tokenize, Token};

/// Words a sentence needs to be compared or reported cut.
const MIN_SENTENCE_WORDS: usize = 5;
/// Share of a sentence's words that a sentence of the copy must hold for
/// the copy to carry it (changed, perhaps, but not cut).
const MIN_KEPT_SHARE: f64 = 0.6;

/// Whole sentences cut from one near copy of the event in another.
pub(super) fn cut_sentences(event: &Event, articles: &[Article]) -> Vec<Divergence> {
    let mut found = Vec::new();
    for &x in &event.articles {
        for &y in &event.articles {
            if x != y && copied(event, x, y) {
                found.extend(sentence_omissions(articles, x, y));
            }
        }
    }
    found
}

/// Sentences of at least `MIN_SENTENCE_WORDS` words that `y` carries and
/// its near copy `x` does not hold in any sentence sharing most of their
/// words: a whole sentence cut from a copy, even where statement
/// extraction lost the thread (a quotation whose speaker went with it).
fn sentence_omissions(articles: &[Article], x: usize, y: usize) -> Vec<Divergence> {
    let words = |article: &Article, range: Range| -> Vec<String> {
        tokenize(&article.body, range)
            .into_iter()
            .map(|t| t.norm)
            .collect()
    };
    let sentences_x: Vec<HashSet<String>> = segment(&articles[x].body)
        .sentences
        .iter()
        .map(|s| words(&articles[x], s.range).into_iter().collect())
        .collect();
    let mut found = Vec::new();
    for sentence in segment(&articles[y].body).sentences {
        let carried = words(&articles[y], sentence.range);
        if carried.len() < MIN_SENTENCE_WORDS {
            continue;
        }
        let kept = sentences_x.iter().any(|held| {
            let shared = carried.iter().filter(|w| held.contains(*w)).count();
            shared as f64 >= MIN_KEPT_SHARE * carried.len() as f64
        });
        if kept {
            continue;
        }
        let text: String = sentence
            .range
            .text(&articles[y].body)
            .chars()
            .take(80)
            .collect();
        found.push(divergence(
            DivergenceType::Omission,
            0.4,
            format!(
                "{} leaves out this sentence that {}, otherwise a near copy, carries: \u{201c}{text}\u{201d}.",
                article_label(&articles[x]),
                article_label(&articles[y]),
            ),
            vec![Evidence {
                article_idx: y,
                range: sentence.range,
            }],
        ));
    }
    found
}

/// Changes between the sentences of each two near copies that no
/// claim-level row compared and no finding in `found` covers (see the
/// module's documentation).
pub(super) fn changed_sentences(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
    found: &[Divergence],
) -> Vec<Divergence> {
    let mut changed = Vec::new();
    for &(x, y) in &event.copies {
        let covered_x = covered(articles, extractions, event, found, x, y);
        let covered_y = covered(articles, extractions, event, found, y, x);
        let sentences_x: Vec<Sentence> = sentences(&articles[x], &covered_x);
        for sentence_y in sentences(&articles[y], &covered_y) {
            let Some(sentence_x) = best_match(&sentence_y, &sentences_x) else {
                continue;
            };
            let norms = |s: &Sentence| s.tokens.iter().map(|t| t.norm.clone()).collect::<Vec<_>>();
            if sentence_x.covered || sentence_y.covered || norms(sentence_x) == norms(&sentence_y) {
                continue;
            }
            let statement_x = sentence_statement(sentence_x.range);
            let statement_y = sentence_statement(sentence_y.range);
            let a = sentence_side(x, &articles[x], &statement_x, &sentence_x.tokens);
            let b = sentence_side(y, &articles[y], &statement_y, &sentence_y.tokens);
            changed.extend(pair::compare(&a, &b, true));
        }
    }
    changed
}

/// One sentence of an article: its range, its words, and whether a claim
/// row or a finding already covers it.
struct Sentence {
    range: Range,
    tokens: Vec<Token>,
    words: HashSet<String>,
    covered: bool,
}

/// The sentences of `article` of `MIN_SENTENCE_WORDS` words or more.
fn sentences(article: &Article, covered: &[Range]) -> Vec<Sentence> {
    segment(&article.body)
        .sentences
        .iter()
        .map(|sentence| {
            let tokens = tokenize(&article.body, sentence.range);
            Sentence {
                range: sentence.range,
                words: tokens.iter().map(|t| t.norm.clone()).collect(),
                covered: covered.iter().any(|c| c.overlap(&sentence.range) > 0),
                tokens,
            }
        })
        .filter(|sentence| sentence.tokens.len() >= MIN_SENTENCE_WORDS)
        .collect()
}

/// The sentence of the copy holding the largest share of `sentence`'s
/// words, at least `MIN_KEPT_SHARE` (the first of equals).
fn best_match<'a>(sentence: &Sentence, copy: &'a [Sentence]) -> Option<&'a Sentence> {
    let share = |other: &Sentence| {
        let shared = sentence
            .tokens
            .iter()
            .filter(|t| other.words.contains(&t.norm))
            .count();
        shared as f64 / sentence.tokens.len() as f64
    };
    let mut best: Option<(&Sentence, f64)> = None;
    for other in copy {
        let value = share(other);
        if value >= MIN_KEPT_SHARE && best.is_none_or(|(_, top)| value > top) {
            best = Some((other, value));
        }
    }
    best.map(|(other, _)| other)
}

/// What of article `x` is already compared with its copy `y` or reported:
/// the compared words of its statements in claim rows with `y`, and the
/// evidence of every finding in `x`.
fn covered(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
    found: &[Divergence],
    x: usize,
    y: usize,
) -> Vec<Range> {
    let body = &articles[x].body;
    let rows = event.alignments.iter().filter(|alignment| {
        alignment.level == AlignmentLevel::Claim
            && alignment.statements.iter().any(|r| r.article_idx == y)
    });
    let compared = rows.flat_map(|alignment| {
        alignment
            .statements
            .iter()
            .filter(|r| r.article_idx == x)
            .map(|r| {
                let statement = &extractions[x].statements[r.statement_idx];
                sentence_range(body, frame_range(statement))
            })
    });
    let reported = found
        .iter()
        .flat_map(|d| &d.spans)
        .filter(|e| e.article_idx == x)
        .map(|e| e.range);
    compared.chain(reported).collect()
}

/// A sentence as a statement in the outlet's voice, for `pair` to read.
fn sentence_statement(range: Range) -> Statement {
    Statement {
        id: String::new(),
        kind: StatementKind::Narration,
        speaker: Speaker::default(),
        cue: None,
        content: range,
        topics: Vec::new(),
    }
}

/// A sentence as `pair` compares it: its words quoted where quotation
/// marks on its line hold them (a quotation running over several
/// sentences of a paragraph included; titles such as "Meet the Press" not).
fn sentence_side<'a>(
    article_idx: usize,
    article: &'a Article,
    statement: &'a Statement,
    tokens: &[Token],
) -> Side<'a> {
    let quotations = line_quotations(&article.body, statement.content);
    let quoted: Vec<bool> = tokens
        .iter()
        .map(|t| quotations.iter().any(|q| q.contains(&t.range)))
        .collect();
    Side {
        article_idx,
        article,
        statement,
        tokens: tokens.to_vec(),
        own_quoted: quoted.clone(),
        quoted,
        quoted_in_copy: None,
    }
}
