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

use std::collections::BTreeMap;

use rustc_hash::FxHashSet;

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

/// The sentences of every article of an event that has a near copy in it,
/// read once for all the checks of this module.
pub(super) struct CopyTexts {
    by_article: BTreeMap<usize, Sentences>,
}

/// An article's sentences, and the words of each in order as keys, so that
/// a sentence a copy keeps word for word is found without comparing.
struct Sentences {
    all: Vec<Sentence>,
    keys: FxHashSet<String>,
}

/// One sentence of an article: its range, its words, and its words in
/// order joined as one key.
struct Sentence {
    range: Range,
    tokens: Vec<Token>,
    words: FxHashSet<String>,
    key: String,
}

impl CopyTexts {
    /// The sentences of the articles of `event` that are near copies of
    /// another of its articles (none when there are no copies).
    pub(super) fn new(articles: &[Article], event: &Event) -> CopyTexts {
        let mut by_article = BTreeMap::new();
        for &(x, y) in &event.copies {
            for idx in [x, y] {
                by_article
                    .entry(idx)
                    .or_insert_with(|| Sentences::of(&articles[idx]));
            }
        }
        CopyTexts { by_article }
    }

    fn of(&self, article_idx: usize) -> &Sentences {
        &self.by_article[&article_idx]
    }
}

impl Sentences {
    fn of(article: &Article) -> Sentences {
        let all: Vec<Sentence> = segment(&article.body)
            .sentences
            .iter()
            .map(|sentence| {
                let tokens = tokenize(&article.body, sentence.range);
                let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
                Sentence {
                    range: sentence.range,
                    words: norms.iter().map(|w| w.to_string()).collect(),
                    key: norms.join(" "),
                    tokens,
                }
            })
            .collect();
        let keys = all.iter().map(|s| s.key.clone()).collect();
        Sentences { all, keys }
    }

    /// Sentences of `MIN_SENTENCE_WORDS` words or more.
    fn long(&self) -> impl Iterator<Item = &Sentence> {
        self.all
            .iter()
            .filter(|sentence| sentence.tokens.len() >= MIN_SENTENCE_WORDS)
    }

    /// The sentence holding the largest share of `sentence`'s words, at
    /// least `MIN_KEPT_SHARE`, among `candidates` (the first of equals).
    fn best_match<'a>(
        sentence: &Sentence,
        candidates: impl Iterator<Item = &'a Sentence>,
    ) -> Option<&'a Sentence> {
        let mut best: Option<(&Sentence, f64)> = None;
        for other in candidates {
            let shared = sentence
                .tokens
                .iter()
                .filter(|t| other.words.contains(&t.norm))
                .count();
            let share = shared as f64 / sentence.tokens.len() as f64;
            if share >= MIN_KEPT_SHARE && best.is_none_or(|(_, top)| share > top) {
                best = Some((other, share));
            }
        }
        best.map(|(other, _)| other)
    }
}

/// Whole sentences cut from one near copy of the event in another.
pub(super) fn cut_sentences(
    event: &Event,
    articles: &[Article],
    texts: &CopyTexts,
) -> Vec<Divergence> {
    let mut found = Vec::new();
    for &x in &event.articles {
        for &y in &event.articles {
            if x != y && copied(event, x, y) {
                found.extend(sentence_omissions(articles, texts, x, y));
            }
        }
    }
    found
}

/// Sentences of at least `MIN_SENTENCE_WORDS` words that `y` carries and
/// its near copy `x` does not hold in any sentence sharing most of their
/// words: a whole sentence cut from a copy, even where statement
/// extraction lost the thread (a quotation whose speaker went with it).
fn sentence_omissions(
    articles: &[Article],
    texts: &CopyTexts,
    x: usize,
    y: usize,
) -> Vec<Divergence> {
    let held = texts.of(x);
    let mut found = Vec::new();
    for sentence in texts.of(y).long() {
        if held.keys.contains(&sentence.key)
            || Sentences::best_match(sentence, held.all.iter()).is_some()
        {
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
    texts: &CopyTexts,
    found: &[Divergence],
) -> Vec<Divergence> {
    let mut changed = Vec::new();
    for &(x, y) in &event.copies {
        let covered_x = covered(extractions, event, found, (x, &articles[x]), y);
        let covered_y = covered(extractions, event, found, (y, &articles[y]), x);
        let is_covered = |sentence: &Sentence, ranges: &[Range]| {
            ranges.iter().any(|c| c.overlap(&sentence.range) > 0)
        };
        let (sentences_x, sentences_y) = (texts.of(x), texts.of(y));
        for sentence_y in sentences_y.long() {
            // A sentence the copy keeps word for word has nothing to compare.
            if sentences_x.keys.contains(&sentence_y.key) || is_covered(sentence_y, &covered_y) {
                continue;
            }
            let Some(sentence_x) = Sentences::best_match(sentence_y, sentences_x.long()) else {
                continue;
            };
            if is_covered(sentence_x, &covered_x) {
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

/// What of article `x` is already compared with its copy `y` or reported:
/// the compared words of its statements in claim rows with `y`, and the
/// evidence of every finding in `x`.
fn covered(
    extractions: &[Extraction],
    event: &Event,
    found: &[Divergence],
    (x, article): (usize, &Article),
    y: usize,
) -> Vec<Range> {
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
                sentence_range(&article.body, frame_range(statement))
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
