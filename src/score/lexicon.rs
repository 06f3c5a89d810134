//! The word lists that score reads: hedges, reporting verbs with their
//! charge, loaded words, cue words that do not assert, and whether a
//! statement's cue phrase asserts its content.
//!
//! Takes normalised words (lower case, plain apostrophes); gives whether each
//! is a hedge, a loaded word, or a reporting verb of which class.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::model::{Range, Statement};
use crate::text::lexicon::{lexicon_lines, lexicon_set};
use crate::text::tokens::tokenize;

/// Words that soften a claim: may, might, reportedly, appears...
pub(crate) fn is_hedge(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_hedges.txt")))
        .contains(norm)
}

/// Small grammatical words that transcripts of one remark add or drop:
/// "of", "the", "is" / "are"...
pub(crate) fn is_spoken_filler(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_spoken_variants.txt")))
        .contains(norm)
}

/// Evaluative or loaded words: regime, slammed, so-called...
pub(crate) fn is_loaded(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_loaded.txt")))
        .contains(norm)
}

/// Nouns that make the clause after them someone's claim: "the charge
/// that ...", "the claim that ...".
pub(crate) fn is_claim_noun(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_claim_nouns.txt")))
        .contains(norm)
}

/// Words of a cue phrase that report the speaker as doubting or denying
/// what follows: disbelief, denied, questioned...
pub(crate) fn is_not_asserting(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_not_asserting.txt")))
        .contains(norm)
}

/// Nouns that name, after a cue, what the speaker answers: charges,
/// allegations, claims, reports, the idea...
fn is_disputed_noun(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_disputed_nouns.txt")))
        .contains(norm)
}

/// Whether the statement's cue phrase, from the cue to the content, reports
/// the speaker as asserting the content, not doubting, denying or
/// answering it ("expressed disbelief that C", "defended himself against
/// charges that C": C is not the speaker's claim).
pub(super) fn asserts(body: &str, statement: &Statement) -> bool {
    cue_phrase(statement).is_none_or(|phrase| {
        let tokens = tokenize(body, phrase);
        // The noun answered is the one the content hangs on ("rejected
        // reports that"), unless it is where the speaker says it ("said in
        // a report that").
        let before_that = match tokens.split_last() {
            Some((last, rest)) if last.norm == "that" => rest,
            _ => &tokens[..],
        };
        // "the Post claims that": a name before it makes the word a verb.
        let answers_a_noun = before_that.len() >= 2
            && before_that
                .last()
                .is_some_and(|noun| is_disputed_noun(&noun.norm))
            && !before_that[before_that.len() - 2].capitalised
            && !tokens
                .iter()
                .any(|t| matches!(t.norm.as_str(), "in" | "according"));
        !answers_a_noun && !tokens.iter().any(|t| is_not_asserting(&t.norm))
    })
}

/// The statement's cue phrase: from the cue to the content when the cue
/// comes first ("rejected claims that"), else the cue alone ("C, he said,
/// denying ...").
pub(super) fn cue_phrase(statement: &Statement) -> Option<Range> {
    let cue = statement.cue?;
    Some(if cue.start < statement.content.start {
        Range::new(cue.start, statement.content.start.max(cue.end))
    } else {
        cue
    })
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
