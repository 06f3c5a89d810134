//! Stance cues: the words and phrases that refute, doubt, hedge, negate or
//! confirm a claim.
//!
//! Takes the normalised word tokens of a sentence; gives the cues found in
//! it, each with its class and its entry; the stance model counts them by
//! class. Lists: `lexicons/check_refuting.txt`,
//! `check_doubting.txt`, `check_agreeing.txt`, plus the hedges and negations
//! that `score` and `align` use.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::lexicon::lexicon_lines;
use crate::text::tokens::Token;

/// What a cue does to a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum CueClass {
    /// Presents it as untrue: "hoax", "debunked", "no evidence".
    Refuting,
    /// Reports it or keeps it open: "reportedly", "rumour", "claims".
    Doubting,
    /// Softens it: "may", "appears" (`lexicons/score_hedges.txt`).
    Hedging,
    /// Negates a predicate: "not", "never", "...n't".
    Negation,
    /// Presents it as established: "confirmed", "true".
    Agreeing,
}

impl CueClass {
    pub fn as_str(&self) -> &'static str {
        match self {
            CueClass::Refuting => "refuting",
            CueClass::Doubting => "doubting",
            CueClass::Hedging => "hedging",
            CueClass::Negation => "negation",
            CueClass::Agreeing => "agreeing",
        }
    }
}

/// One cue entry of the lists: its words and class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CueEntry {
    /// Lower-case words joined by single spaces; `n't` for any `...n't` word.
    pub text: String,
    pub class: CueClass,
}

/// A cue found in a run of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueHit {
    /// Index into `entries()`.
    pub entry_idx: usize,
    /// Token positions `[first, end)`.
    pub first: usize,
    pub end: usize,
}

struct Cues {
    entries: Vec<CueEntry>,
    /// First word → entries starting with it, longest first.
    by_first_word: HashMap<String, Vec<usize>>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut lists = vec![
            (
                CueClass::Refuting,
                include_str!("../../lexicons/check_refuting.txt"),
            ),
            (
                CueClass::Doubting,
                include_str!("../../lexicons/check_doubting.txt"),
            ),
            (
                CueClass::Hedging,
                include_str!("../../lexicons/score_hedges.txt"),
            ),
            (
                CueClass::Negation,
                include_str!("../../lexicons/score_negation.txt"),
            ),
            (
                CueClass::Agreeing,
                include_str!("../../lexicons/check_agreeing.txt"),
            ),
        ];
        lists.push((CueClass::Negation, "n't"));
        build(&lists)
    })
}

/// An entry belongs to the first list that has it.
fn build(lists: &[(CueClass, &'static str)]) -> Cues {
    let mut cues = Cues {
        entries: Vec::new(),
        by_first_word: HashMap::new(),
    };
    for &(class, text) in lists {
        for line in lexicon_lines(text) {
            let text = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if cues.entries.iter().any(|entry| entry.text == text) {
                continue;
            }
            let first = text.split(' ').next().unwrap_or_default().to_string();
            cues.by_first_word
                .entry(first)
                .or_default()
                .push(cues.entries.len());
            cues.entries.push(CueEntry { text, class });
        }
    }
    for idxs in cues.by_first_word.values_mut() {
        idxs.sort_by_key(|&idx| std::cmp::Reverse(cues.entries[idx].text.len()));
    }
    cues
}

/// Every cue entry, in list order.
#[cfg(test)]
pub(crate) fn entries() -> &'static [CueEntry] {
    &cues().entries
}

/// The cues of `tokens`, left to right, longest match first, not overlapping.
pub(crate) fn find(tokens: &[Token]) -> Vec<CueHit> {
    let cues = cues();
    let mut hits = Vec::new();
    let mut position = 0;
    while position < tokens.len() {
        let norm = tokens[position].norm.as_str();
        let key = if norm.ends_with("n't") && !cues.by_first_word.contains_key(norm) {
            "n't"
        } else {
            norm
        };
        let matched = cues.by_first_word.get(key).and_then(|idxs| {
            idxs.iter().find_map(|&idx| {
                let words: Vec<&str> = cues.entries[idx].text.split(' ').collect();
                let end = position + words.len();
                let fits = end <= tokens.len()
                    && words
                        .iter()
                        .zip(&tokens[position..end])
                        .skip(1)
                        .all(|(word, token)| *word == token.norm);
                fits.then_some((idx, end))
            })
        });
        match matched {
            Some((entry_idx, end)) => {
                hits.push(CueHit {
                    entry_idx,
                    first: position,
                    end,
                });
                position = end;
            }
            None => position += 1,
        }
    }
    hits
}

/// The class of a hit.
pub(crate) fn class(hit: &CueHit) -> CueClass {
    cues().entries[hit.entry_idx].class
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Range;
    use crate::text::tokens::tokenize;

    fn check(text: &str, expected: &[(&str, &str)]) {
        let tokens = tokenize(text, Range::new(0, text.len()));
        let found: Vec<(String, &str)> = find(&tokens)
            .iter()
            .map(|hit| {
                let entry = &entries()[hit.entry_idx];
                (entry.text.clone(), entry.class.as_str())
            })
            .collect();
        let expected: Vec<(String, &str)> = expected
            .iter()
            .map(|(text, class)| (text.to_string(), *class))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn phrases_win_over_their_first_word() {
        check(
            "There is no evidence the video is fake.",
            &[("no evidence", "refuting"), ("fake", "refuting")],
        );
        check("There is no video.", &[("no", "negation")]);
    }

    #[test]
    fn each_class_is_found() {
        check(
            "Police reportedly confirmed it may not happen, and he didn't deny it",
            &[
                ("reportedly", "doubting"),
                ("confirmed", "agreeing"),
                ("may", "doubting"),
                ("not", "negation"),
                ("n't", "negation"),
                ("deny", "refuting"),
            ],
        );
    }
}
