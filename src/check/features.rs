//! Features of a (claim, article) pair, for the stance model.
//!
//! Takes the claims and the articles (with their extractions); gives, per
//! pair, named feature values: how related the article is to the claim (the
//! similarity `align` uses: the mean of TF-IDF cosines over content-word
//! stems and over character trigrams, sentence by sentence and over the
//! body), and what the sentences closest to the claim do to it (cues that
//! refute, doubt, hedge, negate or confirm; a question; reported speech),
//! and the tone of the claim and of the article (`tone`).
//! The sentences closest to the claim are the *focus*: they are what a
//! reader weighs, and they become the evidence.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::cues::{self, CueClass, CueHit};
use super::tone;
use crate::align::vectors::{SparseVector, Vocabulary};
use crate::model::{Article, Extraction, Range, StatementKind};
use crate::text::stems::stem;
use crate::text::tokens::{char_trigrams, content_stems, tokenize, Token};

/// Sentences in the focus: the ones most similar to the claim.
pub(crate) const FOCUS_SENTENCES: usize = 2;
/// A sentence joins the focus of a long article when it is at least this
/// share as similar to the claim as the most similar sentence.
const FOCUS_SHARE: f64 = 0.5;
/// An article of at most this many words is short (a headline, a one-line
/// comment): all of it is the focus, and the short stance model weighs it.
pub(crate) const SHORT_WORDS: usize = 40;
/// Cue counts are capped here: a long rant is not more certain.
const MAX_COUNT: f64 = 3.0;
/// The bag of words a long article's stance model weighs is taken from its
/// first this many words: a comment says where it stands early.
pub(crate) const BAG_WORDS: usize = 50;

/// The features, in order. Cues count by class: weighing each cue word on
/// its own was tried and did worse under cross-validation (noise).
const FIXED_FEATURES: [&str; 49] = [
    "bias",
    "sim_best",
    "sim_second",
    "sim_body",
    "sim_rel",
    "coverage",
    "coverage_focus",
    "long",
    "short",
    "question_focus",
    "question_body",
    "neg_claim",
    "neg_focus",
    "neg_mismatch",
    "neg_body",
    "refuting_focus",
    "refuting_body",
    "doubting_focus",
    "doubting_body",
    "hedging_focus",
    "hedging_body",
    "agreeing_focus",
    "agreeing_body",
    "attributed_focus",
    "claim_doubting",
    "claim_margin",
    "claim_best",
    "claim_alone",
    "neg_claim_x_neg_body",
    "neg_claim_x_refuting_body",
    "neg_claim_x_agreeing_body",
    "sim_feedback",
    "sim_feedback_rel",
    "colon_focus",
    "quote_focus",
    "words",
    "novelty_focus",
    "neg_scoped_focus",
    "neg_scoped_mismatch",
    "coverage_short",
    "sim_best_short",
    "sim_neighbours",
    "sim_neighbours_rel",
    "claim_polarity",
    "tone_body",
    "tone_x_claim_polarity",
    "opening_against",
    "claim_margin_neighbours",
    "claim_best_neighbours",
];

/// Every feature name, fixed ones first.
pub(crate) fn names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| FIXED_FEATURES.iter().map(|name| name.to_string()).collect())
}

/// The index of a fixed feature.
pub(crate) fn index(name: &str) -> usize {
    FIXED_FEATURES
        .iter()
        .position(|fixed| *fixed == name)
        .expect("a fixed feature")
}

/// One sentence of an article (or the claim), ready to compare.
#[derive(Debug, Default)]
pub(crate) struct Sentence {
    pub range: Range,
    pub stems: Vec<String>,
    /// The stem of every token, in order (for the scope of a negation).
    pub token_stems: Vec<String>,
    pub stem_vector: SparseVector,
    pub trigram_vector: SparseVector,
    pub cues: Vec<CueHit>,
    pub question: bool,
    /// Holds a colon: a headline's "Source: claim" or "Claim: report".
    pub colon: bool,
    /// Holds a quotation mark (not an apostrophe): words set off as someone's.
    pub quote: bool,
    /// Inside an attributed statement (not the outlet's own narration).
    pub attributed: bool,
    /// Words that speak well and ill of something (`tone`).
    pub positive: usize,
    pub negative: usize,
}

impl Sentence {
    fn has(&self, class: CueClass) -> bool {
        self.cues.iter().any(|hit| cues::class(hit) == class)
    }

    fn count(&self, class: CueClass) -> usize {
        self.cues
            .iter()
            .filter(|hit| cues::class(hit) == class)
            .count()
    }

    /// The similarity `align` uses for claim-level alignment.
    fn similarity(&self, other: &Sentence) -> f64 {
        (self.stem_vector.cosine(&other.stem_vector)
            + self.trigram_vector.cosine(&other.trigram_vector))
            / 2.0
    }
}

/// An article cut into sentences, with its whole-body stem vector.
#[derive(Debug, Default)]
pub(crate) struct ArticleText {
    pub sentences: Vec<Sentence>,
    pub n_words: usize,
    pub body_vector: SparseVector,
    pub body_stems: HashSet<String>,
    /// Its first word answers against ("No, ...").
    pub opens_against: bool,
    /// Its bag of words (`bag_of_words`).
    pub words: Vec<String>,
}

/// The distinct words (lower case) among the first `BAG_WORDS` words of a
/// body, and `?` and `!` when the text up to the last of them holds one;
/// sorted. The long stance model weighs them (`linear`); `check
/// --with-features` prints them for the training script.
pub fn bag_of_words(body: &str) -> Vec<String> {
    let mut tokens = tokenize(body, Range::new(0, body.len()));
    tokens.truncate(BAG_WORDS);
    let end = tokens.last().map_or(0, |token| token.range.end);
    let mut words: Vec<String> = tokens.into_iter().map(|token| token.norm).collect();
    // A mark right after the last word still belongs to it.
    let tail = body[end..].chars().next().map_or(0, char::len_utf8);
    let head = &body[..end + tail];
    for mark in ["?", "!"] {
        if head.contains(mark) {
            words.push(mark.to_string());
        }
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// Sentences of one text before vectors are made: stems and trigrams.
struct Draft {
    sentences: Vec<(Sentence, Vec<String>)>,
    n_words: usize,
    opens_against: bool,
    words: Vec<String>,
}

fn draft_sentence(text: &str, range: Range, tokens: Vec<Token>) -> (Sentence, Vec<String>) {
    let trigrams = char_trigrams(&tokens);
    let cues = cues::find(&tokens);
    let (positive, negative) = tone::counts(&tokens, &cues);
    let sentence = Sentence {
        range,
        stems: content_stems(&tokens),
        token_stems: tokens.iter().map(|token| stem(&token.norm)).collect(),
        cues,
        positive,
        negative,
        question: range.text(text).contains('?'),
        colon: range.text(text).contains(':'),
        quote: has_quotation_mark(range.text(text)),
        ..Sentence::default()
    };
    (sentence, trigrams)
}

/// Words after a negation that it scopes over (NegEx-style window).
const NEGATION_SCOPE: usize = 4;

/// Negations in `sentence` followed, within `NEGATION_SCOPE` words, by a
/// content word of the claim: they deny what the claim asserts.
fn scoped_negations(sentence: &Sentence, claim_stems: &HashSet<&String>) -> usize {
    sentence
        .cues
        .iter()
        .filter(|hit| cues::class(hit) == CueClass::Negation)
        .filter(|hit| {
            let scope = hit.end..(hit.end + NEGATION_SCOPE).min(sentence.token_stems.len());
            sentence.token_stems[scope]
                .iter()
                .any(|stem| claim_stems.contains(stem))
        })
        .count()
}

/// A double quotation mark, or a single one that opens or closes words
/// (after or before a space), not an apostrophe inside a word.
fn has_quotation_mark(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, &c)| match c {
        '"' | '“' | '”' => true,
        '\'' | '‘' | '’' => {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            before.is_none_or(char::is_whitespace)
                || after.is_none_or(|a| a.is_whitespace() || a.is_ascii_punctuation())
        }
        _ => false,
    })
}

fn draft_article(article: &Article, extraction: &Extraction) -> Draft {
    let body = &article.body;
    let mut ranges: Vec<Range> = crate::segment::segment(body)
        .sentences
        .iter()
        .map(|sentence| sentence.range)
        .filter(|range| !range.is_empty())
        .collect();
    if ranges.is_empty() && !body.trim().is_empty() {
        ranges.push(crate::text::trim_range(body, Range::new(0, body.len())));
    }
    let attributed: Vec<Range> = extraction
        .statements
        .iter()
        .filter(|statement| statement.kind != StatementKind::Narration)
        .map(|statement| statement.content)
        .collect();
    let mut n_words = 0;
    let mut opens_against = false;
    let sentences = ranges
        .into_iter()
        .map(|range| {
            let tokens = tokenize(body, range);
            if n_words == 0 {
                opens_against = tone::opens_against(&tokens);
            }
            n_words += tokens.len();
            let (mut sentence, trigrams) = draft_sentence(body, range, tokens);
            sentence.attributed = attributed.iter().any(|content| content.overlap(&range) > 0);
            (sentence, trigrams)
        })
        .collect();
    Draft {
        sentences,
        n_words,
        opens_against,
        words: bag_of_words(body),
    }
}

fn draft_claim(text: &str) -> Draft {
    let range = Range::new(0, text.len());
    Draft {
        sentences: vec![draft_sentence(text, range, tokenize(text, range))],
        n_words: 0,
        opens_against: false,
        words: Vec::new(),
    }
}

/// Articles and claims with their vectors, over one vocabulary (IDF counted
/// over every article sentence and every claim).
pub(crate) struct Texts {
    pub articles: Vec<ArticleText>,
    pub claims: Vec<Sentence>,
}

/// Cuts articles and claims into sentences and gives them vectors.
pub(crate) fn texts(
    claim_texts: &[&str],
    articles: &[Article],
    extractions: &[Extraction],
) -> Texts {
    use rayon::prelude::*;
    let article_drafts: Vec<Draft> = articles
        .par_iter()
        .zip(extractions)
        .map(|(article, extraction)| draft_article(article, extraction))
        .collect();
    let claim_drafts: Vec<Draft> = claim_texts
        .par_iter()
        .map(|text| draft_claim(text))
        .collect();
    let all = || {
        article_drafts
            .iter()
            .chain(&claim_drafts)
            .flat_map(|d| &d.sentences)
    };
    let stem_vocabulary =
        Vocabulary::build(&all().map(|(s, _)| s.stems.clone()).collect::<Vec<_>>());
    let trigram_vocabulary = Vocabulary::build(
        &all()
            .map(|(_, trigrams)| trigrams.clone())
            .collect::<Vec<_>>(),
    );
    let finish = |draft: Draft| -> Vec<Sentence> {
        draft
            .sentences
            .into_iter()
            .map(|(mut sentence, trigrams)| {
                sentence.stem_vector = stem_vocabulary.vector(&sentence.stems);
                sentence.trigram_vector = trigram_vocabulary.vector(&trigrams);
                sentence
            })
            .collect()
    };
    let articles = article_drafts
        .into_par_iter()
        .map(|mut draft| {
            let (n_words, opens_against) = (draft.n_words, draft.opens_against);
            let words = std::mem::take(&mut draft.words);
            let sentences = finish(draft);
            let all_stems: Vec<String> = sentences.iter().flat_map(|s| s.stems.clone()).collect();
            ArticleText {
                body_vector: stem_vocabulary.vector(&all_stems),
                body_stems: all_stems.into_iter().collect(),
                sentences,
                n_words,
                opens_against,
                words,
            }
        })
        .collect();
    let claims = claim_drafts
        .into_par_iter()
        .map(|draft| finish(draft).pop().unwrap_or_default())
        .collect();
    Texts { articles, claims }
}

/// The features of one pair (`sim_rel` and the `claim_` features are left 0:
/// they need the other pairs) and the focus sentences (indexes, most
/// similar first).
pub(crate) fn pair_features(claim: &Sentence, article: &ArticleText) -> (Vec<f64>, Vec<usize>) {
    let mut values = vec![0.0; names().len()];
    let mut set = |name: &str, value: f64| values[index(name)] = value;
    let sentences = &article.sentences;
    let similarities: Vec<f64> = sentences.iter().map(|s| claim.similarity(s)).collect();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    order.sort_by(|&a, &b| similarities[b].total_cmp(&similarities[a]).then(a.cmp(&b)));
    let short = article.n_words <= SHORT_WORDS;
    let n_focus = if short { order.len() } else { FOCUS_SENTENCES };
    let best = order.first().map_or(0.0, |&i| similarities[i]);
    // A sentence far less similar than the best one is not about the claim.
    let focus: Vec<usize> = order
        .iter()
        .copied()
        .take(n_focus)
        .enumerate()
        .filter(|&(rank, i)| short || rank == 0 || similarities[i] >= FOCUS_SHARE * best)
        .map(|(_, i)| i)
        .collect();
    let n_sentences = sentences.len().max(1) as f64;
    set("bias", 1.0);
    set("sim_best", focus.first().map_or(0.0, |&i| similarities[i]));
    set("sim_second", focus.get(1).map_or(0.0, |&i| similarities[i]));
    set("sim_body", claim.stem_vector.cosine(&article.body_vector));
    let claim_stems: HashSet<&String> = claim.stems.iter().collect();
    let covered = |stems: &dyn Fn(&String) -> bool| {
        claim_stems.iter().filter(|stem| stems(stem)).count() as f64
            / claim_stems.len().max(1) as f64
    };
    let coverage = covered(&|stem| article.body_stems.contains(stem));
    set("coverage", coverage);
    set(
        "coverage_focus",
        covered(&|stem| focus.iter().any(|&i| sentences[i].stems.contains(stem))),
    );
    set("long", n_sentences.ln_1p());
    set("words", (article.n_words as f64).ln_1p());
    let focus_stems: Vec<&String> = focus.iter().flat_map(|&i| &sentences[i].stems).collect();
    let novel = focus_stems
        .iter()
        .filter(|stem| !claim_stems.contains(*stem))
        .count();
    set(
        "novelty_focus",
        novel as f64 / focus_stems.len().max(1) as f64,
    );
    set("short", f64::from(u8::from(short)));
    // A headline shares fewer words with the claim than a long article can.
    let short_weight = f64::from(u8::from(short));
    set("coverage_short", short_weight * coverage);
    set("sim_best_short", short_weight * best);
    let in_focus = |test: &dyn Fn(&Sentence) -> f64| -> f64 {
        focus
            .iter()
            .map(|&i| test(&sentences[i]))
            .sum::<f64>()
            .min(MAX_COUNT)
    };
    let in_body = |test: &dyn Fn(&Sentence) -> bool| {
        sentences.iter().filter(|s| test(s)).count() as f64 / n_sentences
    };
    set(
        "question_focus",
        in_focus(&|s| f64::from(u8::from(s.question))),
    );
    set("question_body", in_body(&|s| s.question));
    set("colon_focus", in_focus(&|s| f64::from(u8::from(s.colon))));
    set("quote_focus", in_focus(&|s| f64::from(u8::from(s.quote))));
    let claim_negated = claim.has(CueClass::Negation);
    let focus_negations = in_focus(&|s| s.count(CueClass::Negation) as f64);
    set("neg_claim", f64::from(u8::from(claim_negated)));
    set("neg_focus", focus_negations);
    set(
        "neg_mismatch",
        f64::from(u8::from(claim_negated != (focus_negations > 0.0))),
    );
    set("neg_body", in_body(&|s| s.has(CueClass::Negation)));
    let scoped = in_focus(&|s| scoped_negations(s, &claim_stems) as f64);
    let claim_scoped = scoped_negations(claim, &claim_stems) > 0;
    set("neg_scoped_focus", scoped);
    set(
        "neg_scoped_mismatch",
        f64::from(u8::from(claim_scoped != (scoped > 0.0))),
    );
    for class in [
        CueClass::Refuting,
        CueClass::Doubting,
        CueClass::Hedging,
        CueClass::Agreeing,
    ] {
        let name = class.as_str();
        set(
            &format!("{name}_focus"),
            in_focus(&|s| s.count(class) as f64),
        );
        set(&format!("{name}_body"), in_body(&|s| s.has(class)));
    }
    set(
        "attributed_focus",
        in_focus(&|s| f64::from(u8::from(s.attributed))),
    );
    let claim_doubting = claim.has(CueClass::Doubting) || claim.has(CueClass::Hedging);
    set("claim_doubting", f64::from(u8::from(claim_doubting)));
    let neg_claim = f64::from(u8::from(claim_negated));
    for class in ["neg", "refuting", "agreeing"] {
        let body = values[index(&format!("{class}_body"))];
        values[index(&format!("neg_claim_x_{class}_body"))] = neg_claim * body;
    }
    set_tone(claim, article, &mut values);
    (values, focus)
}

/// `claim_polarity`: +1 when the claim speaks well of its matter, -1 ill,
/// 0 neither; `tone_body`: the article's words that speak well less those
/// that speak ill, over the square root of its length; their product; and
/// whether the article opens against.
fn set_tone(claim: &Sentence, article: &ArticleText, values: &mut [f64]) {
    let polarity = match claim.positive.cmp(&claim.negative) {
        std::cmp::Ordering::Greater => 1.0,
        std::cmp::Ordering::Less => -1.0,
        std::cmp::Ordering::Equal => 0.0,
    };
    let balance: f64 = article
        .sentences
        .iter()
        .map(|s| s.positive as f64 - s.negative as f64)
        .sum();
    let tone = balance / (article.n_words.max(1) as f64).sqrt();
    values[index("claim_polarity")] = polarity;
    values[index("tone_body")] = tone;
    values[index("tone_x_claim_polarity")] = tone * polarity;
    values[index("opening_against")] = f64::from(u8::from(article.opens_against));
}
