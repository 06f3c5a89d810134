//! Check: how each article stands to a claim — agree, disagree, discuss or
//! unrelated — with the sentences that show it.
//!
//! Takes claims, articles and their extractions; gives one `StanceLine` per
//! (claim, article) pair, claims in input order and, within a claim, its
//! articles in the order it lists them (or input order). The claim is read
//! like a one-sentence statement; relatedness is the similarity `align` uses
//! (`features`); the stance comes from cues that refute, doubt, hedge, negate
//! or confirm, in the sentences closest to the claim (`cues`), weighed by
//! linear models learned from development data (`linear`).

mod cues;
mod features;
mod linear;
mod tone;

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::{Article, Claim, Extraction, Range, Stance, StanceLine};
use cues::CueClass;
use features::{ArticleText, Texts};

/// A probability of relatedness below this makes a pair unrelated.
const RELATED_THRESHOLD: f64 = 0.5;
/// An article that shares no content word with the claim, and whose body is
/// not even this similar to the claim's closest coverage (`sim_feedback`),
/// is unrelated whatever the model says: relatedness needs some evidence.
/// Set by hand, not learned.
const MIN_FEEDBACK_WITHOUT_SHARED_WORDS: f64 = 0.05;
/// A sentence this similar to the claim would be aligned with it at claim
/// level by `align` (its `MATCH_THRESHOLD`): the article carries the claim,
/// so it is related whatever the model says.
const CLAIM_LEVEL_SIMILARITY: f64 = 0.5;
/// Articles whose mean body expands a claim for `sim_feedback`.
const FEEDBACK_ARTICLES: usize = 3;
/// Articles of a claim, most similar to it first (by body), that
/// `sim_neighbours` compares each article with.
const NEIGHBOUR_POOL: usize = 20;
/// The closest of the pool averaged for `sim_neighbours`.
const NEIGHBOURS: usize = 5;
/// Evidence sentences given at most.
const MAX_EVIDENCE: usize = 2;

/// Checks every claim against its articles.
pub fn check(
    claims: &[Claim],
    articles: &[Article],
    extractions: &[Extraction],
) -> Vec<StanceLine> {
    let prepared = Prepared::new(claims, articles, extractions);
    (0..claims.len())
        .into_par_iter()
        .flat_map_iter(|claim_idx| prepared.check_claim(claim_idx))
        .collect()
}

pub use features::bag_of_words;

/// The names of the features in `StanceLine::features`.
pub fn feature_names() -> &'static [String] {
    features::names()
}

/// Article ids a claim lists that no article has: `(claim index, id)`.
pub fn unknown_articles(claims: &[Claim], articles: &[Article]) -> Vec<(usize, String)> {
    let known: std::collections::HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    let mut unknown = Vec::new();
    for (claim_idx, claim) in claims.iter().enumerate() {
        for id in claim.articles.iter().flatten() {
            if !known.contains(id.as_str()) {
                unknown.push((claim_idx, id.clone()));
            }
        }
    }
    unknown
}

/// Claims and articles read once, ready to check claim by claim (so that
/// a caller can write the lines of some claims while others are checked).
pub struct Prepared<'a> {
    claims: &'a [Claim],
    texts: Texts,
    article_idx: HashMap<&'a str, usize>,
    /// Per article, the claims that check it, with their body similarity,
    /// most similar first (at most two kept).
    closest_claims: Vec<Vec<(f64, usize)>>,
}

impl<'a> Prepared<'a> {
    pub fn new(
        claims: &'a [Claim],
        articles: &'a [Article],
        extractions: &[Extraction],
    ) -> Prepared<'a> {
        let claim_texts: Vec<&str> = claims.iter().map(|claim| claim.text.as_str()).collect();
        let mut article_idx = HashMap::new();
        for (idx, article) in articles.iter().enumerate() {
            article_idx.entry(article.id.as_str()).or_insert(idx);
        }
        let mut prepared = Prepared {
            claims,
            texts: features::texts(&claim_texts, articles, extractions),
            article_idx,
            closest_claims: Vec::new(),
        };
        prepared.closest_claims = prepared.closest_claims();
        prepared
    }

    /// The two claims most similar to each article among those that check it.
    fn closest_claims(&self) -> Vec<Vec<(f64, usize)>> {
        let mut checking: Vec<Vec<usize>> = vec![Vec::new(); self.texts.articles.len()];
        for (claim_idx, claim) in self.claims.iter().enumerate() {
            for article_idx in self.articles_of(claim) {
                checking[article_idx].push(claim_idx);
            }
        }
        checking
            .into_par_iter()
            .enumerate()
            .map(|(article_idx, claim_idxs)| {
                let body = &self.texts.articles[article_idx].body_vector;
                let mut closest: Vec<(f64, usize)> = claim_idxs
                    .into_iter()
                    .map(|c| (self.texts.claims[c].stem_vector.cosine(body), c))
                    .collect();
                closest.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                closest.truncate(2);
                closest
            })
            .collect()
    }

    /// `claim_margin`, `claim_best`, `claim_alone`: how the claim compares
    /// with the other claims that check the same article (an article about
    /// one claim is less similar to the others).
    fn set_claim_features(&self, claim_idx: usize, article_idx: usize, values: &mut [f64]) {
        let own = values[features::index("sim_body")];
        let other = self.closest_claims[article_idx]
            .iter()
            .find(|(_, c)| *c != claim_idx)
            .map(|(sim, _)| *sim);
        values[features::index("claim_margin")] = other.map_or(0.0, |other| own - other);
        values[features::index("claim_best")] = f64::from(u8::from(other.is_none_or(|o| own >= o)));
        values[features::index("claim_alone")] = f64::from(u8::from(other.is_none()));
    }

    /// The articles a claim is checked against: those it lists that exist,
    /// each once, or every article.
    fn articles_of(&self, claim: &Claim) -> Vec<usize> {
        match &claim.articles {
            None => (0..self.texts.articles.len()).collect(),
            Some(ids) => {
                let mut seen = std::collections::HashSet::new();
                ids.iter()
                    .filter_map(|id| self.article_idx.get(id.as_str()).copied())
                    .filter(|&idx| seen.insert(idx))
                    .collect()
            }
        }
    }

    /// The lines of one claim, in the order of its articles.
    pub fn check_claim(&self, claim_idx: usize) -> Vec<StanceLine> {
        let claim = &self.texts.claims[claim_idx];
        let article_idxs = self.articles_of(&self.claims[claim_idx]);
        let mut pairs: Vec<(usize, Vec<f64>, Vec<usize>)> = article_idxs
            .iter()
            .map(|&article_idx| {
                let (mut values, focus) =
                    features::pair_features(claim, &self.texts.articles[article_idx]);
                self.set_claim_features(claim_idx, article_idx, &mut values);
                (article_idx, values, focus)
            })
            .collect();
        set_relative_similarity(&mut pairs);
        self.set_feedback_similarity(&mut pairs);
        self.set_neighbour_similarity(&mut pairs);
        pairs
            .into_iter()
            .map(|(article_idx, values, focus)| {
                let article = &self.texts.articles[article_idx];
                decide(claim_idx, article_idx, article, values, &focus)
            })
            .collect()
    }

    /// `sim_feedback`: the body's cosine with the mean body of the claim's
    /// `FEEDBACK_ARTICLES` most similar articles (itself left out), as in
    /// pseudo-relevance feedback: a short claim gains the words its closest
    /// coverage uses. `sim_feedback_rel`: minus the mean over the claim's articles.
    fn set_feedback_similarity(&self, pairs: &mut [(usize, Vec<f64>, Vec<usize>)]) {
        let body = features::index("sim_body");
        let mut order: Vec<usize> = (0..pairs.len())
            .filter(|&i| pairs[i].1[body] > 0.0)
            .collect();
        order.sort_by(|&a, &b| {
            pairs[b].1[body]
                .total_cmp(&pairs[a].1[body])
                .then(a.cmp(&b))
        });
        order.truncate(FEEDBACK_ARTICLES);
        let mut sum: HashMap<u32, f64> = HashMap::new();
        for &i in &order {
            for &(term, weight) in &self.texts.articles[pairs[i].0].body_vector.entries {
                *sum.entry(term).or_default() += weight;
            }
        }
        let sum_norm2: f64 = sum.values().map(|w| w * w).sum();
        let (feedback, relative) = (
            features::index("sim_feedback"),
            features::index("sim_feedback_rel"),
        );
        for (i, (article_idx, values, _)) in pairs.iter_mut().enumerate() {
            let entries = &self.texts.articles[*article_idx].body_vector.entries;
            let dot: f64 = entries
                .iter()
                .map(|(t, w)| w * sum.get(t).copied().unwrap_or(0.0))
                .sum();
            let (dot, norm2) = match order.contains(&i) {
                // Leave the article itself out of the sum: S - a.
                true => (dot - 1.0, sum_norm2 - 2.0 * dot + 1.0),
                false => (dot, sum_norm2),
            };
            values[feedback] = if norm2 > 1e-9 {
                (dot / norm2.sqrt()).clamp(0.0, 1.0)
            } else {
                0.0
            };
        }
        let mean =
            pairs.iter().map(|(_, v, _)| v[feedback]).sum::<f64>() / pairs.len().max(1) as f64;
        for (_, values, _) in pairs.iter_mut() {
            values[relative] = values[feedback] - mean;
        }
    }

    /// `sim_neighbours`: the mean cosine of the body with its `NEIGHBOURS`
    /// closest bodies among the claim's `NEIGHBOUR_POOL` articles most
    /// similar to the claim (itself left out). The coverage of a claim forms
    /// a cluster of bodies on its matter; an article about something else
    /// finds few close neighbours in it, even when it shares the claim's
    /// words. `sim_neighbours_rel`: minus the mean over the claim's articles.
    fn set_neighbour_similarity(&self, pairs: &mut [(usize, Vec<f64>, Vec<usize>)]) {
        let body = features::index("sim_body");
        let mut pool: Vec<usize> = (0..pairs.len()).collect();
        pool.sort_by(|&a, &b| {
            pairs[b].1[body]
                .total_cmp(&pairs[a].1[body])
                .then(a.cmp(&b))
        });
        pool.truncate(NEIGHBOUR_POOL);
        let vector_of = |i: usize| &self.texts.articles[pairs[i].0].body_vector;
        let values: Vec<f64> = (0..pairs.len())
            .map(|i| {
                let mut similarities: Vec<f64> = pool
                    .iter()
                    .filter(|&&j| j != i)
                    .map(|&j| vector_of(i).cosine(vector_of(j)))
                    .collect();
                similarities.sort_by(|a, b| b.total_cmp(a));
                similarities.iter().take(NEIGHBOURS).sum::<f64>() / NEIGHBOURS as f64
            })
            .collect();
        let mean = values.iter().sum::<f64>() / values.len().max(1) as f64;
        let (own, relative) = (
            features::index("sim_neighbours"),
            features::index("sim_neighbours_rel"),
        );
        for ((_, pair_values, _), value) in pairs.iter_mut().zip(values) {
            pair_values[own] = value;
            pair_values[relative] = value - mean;
        }
    }

    pub fn n_claims(&self) -> usize {
        self.claims.len()
    }
}

/// `sim_rel`: how much more similar to the claim an article's body is than
/// the mean of the articles checked against the same claim.
fn set_relative_similarity(pairs: &mut [(usize, Vec<f64>, Vec<usize>)]) {
    let (body, relative) = (features::index("sim_body"), features::index("sim_rel"));
    let mean = pairs.iter().map(|(_, v, _)| v[body]).sum::<f64>() / pairs.len().max(1) as f64;
    for (_, values, _) in pairs.iter_mut() {
        values[relative] = values[body] - mean;
    }
}

fn decide(
    claim_idx: usize,
    article_idx: usize,
    article: &ArticleText,
    values: Vec<f64>,
    focus: &[usize],
) -> StanceLine {
    let model = linear::model();
    let related = if values[features::index("sim_best")] >= CLAIM_LEVEL_SIMILARITY {
        1.0
    } else if shares_nothing(&values) {
        0.0
    } else {
        model.related(&values)
    };
    let (stance, score) = if related < RELATED_THRESHOLD || article.sentences.is_empty() {
        (Stance::Unrelated, 1.0 - related)
    } else {
        let short = values[features::index("short")] > 0.0;
        let probabilities = model.stance(&values, short, &article.words);
        let best = (0..3)
            .max_by(|&a, &b| {
                probabilities[a]
                    .total_cmp(&probabilities[b])
                    .then(b.cmp(&a))
            })
            .unwrap_or(0);
        (Stance::ALL[best], related * probabilities[best])
    };
    StanceLine {
        claim_idx,
        article_idx,
        stance,
        score,
        evidence: evidence(stance, article, focus),
        features: values,
    }
}

/// No content word of the claim in the article, and little similarity to
/// the claim's closest coverage.
fn shares_nothing(values: &[f64]) -> bool {
    values[features::index("coverage")] == 0.0
        && values[features::index("sim_feedback")] < MIN_FEEDBACK_WITHOUT_SHARED_WORDS
}

/// The sentences that show the stance: for disagree, the focus sentences
/// that refute or negate (else any that refutes); for discuss, those that
/// doubt, hedge or ask; else (and for agree) the sentence closest to the claim.
fn evidence(stance: Stance, article: &ArticleText, focus: &[usize]) -> Vec<Range> {
    let sentences = &article.sentences;
    let with = |classes: &[CueClass], question: bool| -> Vec<usize> {
        focus
            .iter()
            .copied()
            .filter(|&i| {
                let sentence = &sentences[i];
                (question && sentence.question)
                    || sentence
                        .cues
                        .iter()
                        .any(|hit| classes.contains(&cues::class(hit)))
            })
            .collect()
    };
    let mut chosen = match stance {
        Stance::Unrelated => return Vec::new(),
        Stance::Agree => Vec::new(),
        Stance::Disagree => {
            let mut chosen = with(&[CueClass::Refuting, CueClass::Negation], false);
            if chosen.is_empty() {
                chosen = (0..sentences.len())
                    .filter(|&i| {
                        sentences[i]
                            .cues
                            .iter()
                            .any(|hit| cues::class(hit) == CueClass::Refuting)
                    })
                    .take(1)
                    .collect();
            }
            chosen
        }
        Stance::Discuss => with(&[CueClass::Doubting, CueClass::Hedging], true),
    };
    if chosen.is_empty() {
        chosen.extend(focus.first());
    }
    chosen.truncate(MAX_EVIDENCE);
    chosen.sort_unstable();
    chosen.into_iter().map(|i| sentences[i].range).collect()
}

#[cfg(test)]
mod tests;
