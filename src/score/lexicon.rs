//! The word lists that score reads: hedges, reporting verbs with their
//! charge, loaded words, cue words that do not assert.
//!
//! Takes normalised words (lower case, plain apostrophes); gives whether each
//! is a hedge, a loaded word, or a reporting verb of which class.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::text::lexicon::{lexicon_lines, lexicon_set};

/// Words that soften a claim: may, might, reportedly, appears...
pub(crate) fn is_hedge(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_hedges.txt")))
        .contains(norm)
}

/// Evaluative or loaded words: regime, slammed, so-called...
pub(crate) fn is_loaded(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_loaded.txt")))
        .contains(norm)
}

/// Words of a cue phrase that report the speaker as doubting or denying
/// what follows: disbelief, denied, questioned...
pub(crate) fn is_not_asserting(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_not_asserting.txt")))
        .contains(norm)
}

/// The charge class of a reporting verb (`neutral`, `assertive`,
/// `concessive`, `doubting`, `emotive`), or `None` for other words.
pub(crate) fn report_verb_class(norm: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        lexicon_lines(include_str!("../../lexicons/score_report_verbs.txt"))
            .filter_map(|line| line.split_once(' '))
            .collect()
    })
    .get(norm)
    .copied()
}

/// How strongly a class colours the words it reports, for severity.
pub(crate) fn report_class_charge(class: &str) -> f64 {
    match class {
        "neutral" => 0.0,
        "assertive" | "emotive" => 0.4,
        _ => 0.6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load() {
        assert!(is_hedge("reportedly"));
        assert!(!is_hedge("will"));
        assert!(is_loaded("regime"));
        assert!(is_not_asserting("disbelief"));
        assert!(!is_not_asserting("said"));
        assert_eq!(report_verb_class("said"), Some("neutral"));
        assert_eq!(report_verb_class("admitted"), Some("concessive"));
        assert_eq!(report_verb_class("table"), None);
    }
}
