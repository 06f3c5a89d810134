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
    /// Per claim, `(sim_neighbours, sim_neighbours_rel)` of each of its
    /// articles, in the order of `articles_of`.
    neighbours: Vec<Vec<(f64, f64)>>,
    /// Per article, the claims that check it, with their
    /// `sim_neighbours_rel`, highest first (at most two kept).
    closest_by_neighbours: Vec<Vec<(f64, usize)>>,
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
            neighbours: Vec::new(),
            closest_by_neighbours: Vec::new(),
        };
        prepared.closest_claims = prepared.top_claims(|claim_idx, article_idx, _| {
            let body = &prepared.texts.articles[article_idx].body_vector;
            prepared.texts.claims[claim_idx].stem_vector.cosine(body)
        });
        prepared.neighbours = (0..claims.len())
            .into_par_iter()
            .map(|claim_idx| prepared.neighbour_similarities(claim_idx))
            .collect();
        prepared.closest_by_neighbours = prepared
            .top_claims(|claim_idx, _, position| prepared.neighbours[claim_idx][position].1);
        prepared
    }

    /// The two claims that score highest for each article among those that
    /// check it: `score(claim, article, position of the article among the
    /// claim's articles)`.
    fn top_claims(
        &self,
        score: impl Fn(usize, usize, usize) -> f64 + Sync,
    ) -> Vec<Vec<(f64, usize)>> {
        let mut checking: Vec<Vec<(usize, usize)>> = vec![Vec::new(); self.texts.articles.len()];
        for (claim_idx, claim) in self.claims.iter().enumerate() {
            for (position, article_idx) in self.articles_of(claim).into_iter().enumerate() {
                checking[article_idx].push((claim_idx, position));
            }
        }
        checking
            .into_par_iter()
            .enumerate()
            .map(|(article_idx, claim_idxs)| {
                let mut closest: Vec<(f64, usize)> = claim_idxs
                    .into_iter()
                    .map(|(c, position)| (score(c, article_idx, position), c))
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
    ///
    /// `claim_margin_neighbours`, `claim_best_neighbours`: the same by
    /// `sim_neighbours_rel` (how much closer the article sits to the cluster
    /// of the claim's coverage than that claim's other articles do): an
    /// article is about at most one of the claims that check it, and the
    /// cluster it fits best names that one better than the short claim's
    /// words.
    fn set_claim_features(&self, claim_idx: usize, article_idx: usize, values: &mut [f64]) {
        let own = values[features::index("sim_body")];
        let (margin, best) = margin_over_others(own, &self.closest_claims[article_idx], claim_idx);
        values[features::index("claim_margin")] = margin;
        values[features::index("claim_best")] = best;
        values[features::index("claim_alone")] = f64::from(u8::from(
            self.closest_claims[article_idx]
                .iter()
                .all(|(_, c)| *c == claim_idx),
        ));
        let own = values[features::index("sim_neighbours_rel")];
        let (margin, best) =
            margin_over_others(own, &self.closest_by_neighbours[article_idx], claim_idx);
        values[features::index("claim_margin_neighbours")] = margin;
        values[features::index("claim_best_neighbours")] = best;
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
            .zip(&self.neighbours[claim_idx])
            .map(|(&article_idx, &(neighbours, neighbours_rel))| {
                let (mut values, focus) =
                    features::pair_features(claim, &self.texts.articles[article_idx]);
                values[features::index("sim_neighbours")] = neighbours;
                values[features::index("sim_neighbours_rel")] = neighbours_rel;
                self.set_claim_features(claim_idx, article_idx, &mut values);
                (article_idx, values, focus)
            })
            .collect();
        set_relative_similarity(&mut pairs);
        self.set_feedback_similarity(&mut pairs);
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
    /// Per article of the claim, in the order of `articles_of`.
    fn neighbour_similarities(&self, claim_idx: usize) -> Vec<(f64, f64)> {
        let article_idxs = self.articles_of(&self.claims[claim_idx]);
        let claim = &self.texts.claims[claim_idx];
        let body: Vec<f64> = article_idxs
            .iter()
            .map(|&a| {
                claim
                    .stem_vector
                    .cosine(&self.texts.articles[a].body_vector)
            })
            .collect();
        let mut pool: Vec<usize> = (0..article_idxs.len()).collect();
        pool.sort_by(|&a, &b| body[b].total_cmp(&body[a]).then(a.cmp(&b)));
        pool.truncate(NEIGHBOUR_POOL);
        let vector_of = |i: usize| &self.texts.articles[article_idxs[i]].body_vector;
        let values: Vec<f64> = (0..article_idxs.len())
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
        values
            .into_iter()
            .map(|value| (value, value - mean))
            .collect()
    }

    pub fn n_claims(&self) -> usize {
        self.claims.len()
    }
}

/// How much `own` exceeds the highest score of another claim among an
/// article's `closest` claims (0 when no other claim checks it), and 1 when
/// no other claim scores higher.
fn margin_over_others(own: f64, closest: &[(f64, usize)], claim_idx: usize) -> (f64, f64) {
    let other = closest
        .iter()
        .find(|(_, c)| *c != claim_idx)
        .map(|(score, _)| *score);
    (
        other.map_or(0.0, |other| own - other),
        f64::from(u8::from(other.is_none_or(|o| own >= o))),
    )
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
