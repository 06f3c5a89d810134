//! The learned part of `check`: linear models over the pair features.
//!
//! Takes feature values; gives the probability that the article is related
//! to the claim (logistic) and, if it is, of each of agree / disagree /
//! discuss (softmax). The weights are data, `models/stance.json`, made by
//! `scripts/train_stance.py` from development data only (the file says how
//! and what its cross-validated figures are). Articles of at most 40 words
//! (headlines) and longer ones (comments, stories) have a stance
//! model each: cues weigh differently in a headline. The long model also
//! weighs the words of the article's bag (`features::bag_of_words`), each
//! with a learned weight per stance (`stance_long_words` in the file).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::features::names;

/// Weights in the order of `features::names()`.
type Weights = Vec<f64>;

#[derive(Debug, Default)]
pub(crate) struct StanceModel {
    relatedness: Weights,
    /// agree, disagree, discuss; for short and long articles.
    short: [Weights; 3],
    long: [Weights; 3],
    /// Per word of the bag: its weight for agree, disagree, discuss (long
    /// articles only).
    long_words: HashMap<String, [f64; 3]>,
}

pub(crate) fn model() -> &'static StanceModel {
    static MODEL: OnceLock<StanceModel> = OnceLock::new();
    MODEL.get_or_init(|| parse(include_str!("../../models/stance.json")))
}

/// Reads the model file; a weight whose feature is unknown is ignored (and
/// a unit test fails on it).
pub(crate) fn parse(text: &str) -> StanceModel {
    let value: Value = serde_json::from_str(text).expect("models/stance.json is valid json");
    let position: HashMap<&str, usize> = names()
        .iter()
        .enumerate()
        .map(|(idx, name)| (name.as_str(), idx))
        .collect();
    let weights = |value: &Value| -> Weights {
        let mut weights = vec![0.0; names().len()];
        for (name, weight) in value.as_object().into_iter().flatten() {
            if let (Some(&idx), Some(weight)) = (position.get(name.as_str()), weight.as_f64()) {
                weights[idx] = weight;
            }
        }
        weights
    };
    let classes = |value: &Value| -> [Weights; 3] {
        ["agree", "disagree", "discuss"].map(|class| weights(&value[class]))
    };
    let long_words = value["stance_long_words"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(word, weights)| {
            let weights = weights.as_array()?;
            let weight = |idx: usize| weights.get(idx).and_then(Value::as_f64);
            Some((word.clone(), [weight(0)?, weight(1)?, weight(2)?]))
        })
        .collect();
    StanceModel {
        relatedness: weights(&value["relatedness"]),
        short: classes(&value["stance_short"]),
        long: classes(&value["stance_long"]),
        long_words,
    }
}

/// Feature names the model file weighs that the program does not compute.
#[cfg(test)]
pub(crate) fn unknown_names(text: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(text).unwrap();
    let mut unknown = Vec::new();
    let mut visit = |weights: &Value| {
        for name in weights.as_object().into_iter().flatten().map(|(k, _)| k) {
            if !names().contains(name) {
                unknown.push(name.clone());
            }
        }
    };
    visit(&value["relatedness"]);
    for regime in ["stance_short", "stance_long"] {
        for class in ["agree", "disagree", "discuss"] {
            visit(&value[regime][class]);
        }
    }
    unknown
}

#[cfg(test)]
impl StanceModel {
    /// Words the long model weighs.
    pub(crate) fn n_words(&self) -> usize {
        self.long_words.len()
    }
}

fn dot(weights: &[f64], values: &[f64]) -> f64 {
    weights.iter().zip(values).map(|(w, v)| w * v).sum()
}

impl StanceModel {
    /// The probability that the article is related to the claim.
    pub fn related(&self, values: &[f64]) -> f64 {
        1.0 / (1.0 + (-dot(&self.relatedness, values)).exp())
    }

    /// Probabilities of agree, disagree, discuss, for a related article
    /// with these feature values and bag of words.
    pub fn stance(&self, values: &[f64], short: bool, words: &[String]) -> [f64; 3] {
        let weights = if short { &self.short } else { &self.long };
        let mut scores = weights.each_ref().map(|w| dot(w, values));
        if !short {
            // In the bag's (sorted) order, so the sums are the same every run.
            for weights in words.iter().filter_map(|word| self.long_words.get(word)) {
                for (score, weight) in scores.iter_mut().zip(weights) {
                    *score += weight;
                }
            }
        }
        let max = scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exps = scores.map(|s| (s - max).exp());
        let total: f64 = exps.iter().sum();
        exps.map(|e| e / total)
    }
}
