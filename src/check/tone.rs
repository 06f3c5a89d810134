//! Tone: whether a text speaks well or ill of what it is about, and whether
//! a comment opens against the claim it answers.
//!
//! Takes the tokens of a sentence (and its negation cues); gives counts of
//! words that speak well (`lexicons/check_positive.txt`) and ill
//! (`check_negative.txt`) of something, a negation just before a word
//! turning it over. A reader's comment that disagrees with a debate title
//! rarely negates it word for word; it argues, and the tone of its words
//! against the tone of the claim is a weak sign of which side it takes.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::cues::{self, CueClass, CueHit};
use crate::text::lexicon::lexicon_set;
use crate::text::tokens::Token;

/// Words before a tone word that a negation turns it over from.
const NEGATION_REACH: usize = 3;

/// Words that speak well and ill of something, and first words against.
struct Lists {
    positive: HashSet<&'static str>,
    negative: HashSet<&'static str>,
    opening_against: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        positive: lexicon_set(include_str!("../../lexicons/check_positive.txt")),
        negative: lexicon_set(include_str!("../../lexicons/check_negative.txt")),
        opening_against: lexicon_set(include_str!("../../lexicons/check_opening_against.txt")),
    })
}

/// Words of a sentence that speak well and ill of something: `(positive,
/// negative)`, a word after a negation (within `NEGATION_REACH` words)
/// counted on the other side.
pub(crate) fn counts(tokens: &[Token], hits: &[CueHit]) -> (usize, usize) {
    let lists = lists();
    let negated = |position: usize| {
        hits.iter().any(|hit| {
            cues::class(hit) == CueClass::Negation
                && hit.end <= position
                && position - hit.end < NEGATION_REACH
        })
    };
    let (mut positive, mut negative) = (0, 0);
    for (position, token) in tokens.iter().enumerate() {
        let word = token.norm.as_str();
        let sign = match (lists.positive.contains(word), lists.negative.contains(word)) {
            (true, false) => true,
            (false, true) => false,
            _ => continue,
        };
        if sign != negated(position) {
            positive += 1;
        } else {
            negative += 1;
        }
    }
    (positive, negative)
}

/// The first word answers against: "No, ...", "Nonsense.".
pub(crate) fn opens_against(tokens: &[Token]) -> bool {
    tokens
        .first()
        .is_some_and(|token| lists().opening_against.contains(token.norm.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Range;
    use crate::text::tokens::tokenize;

    fn tone(text: &str) -> (usize, usize) {
        let tokens = tokenize(text, Range::new(0, text.len()));
        counts(&tokens, &cues::find(&tokens))
    }

    #[test]
    fn a_negation_turns_a_tone_word_over() {
        assert_eq!(tone("Bike lanes are working and safe."), (2, 0));
        assert_eq!(tone("Bike lanes are not working and are a waste."), (0, 2));
        assert_eq!(
            tone("It is not a bad idea, never a failure of planning."),
            (2, 0)
        );
    }

    #[test]
    fn only_the_first_word_opens_against() {
        let opens = |text: &str| opens_against(&tokenize(text, Range::new(0, text.len())));
        assert!(opens("No, libraries are needed more than ever."));
        assert!(!opens("Libraries are needed, no doubt."));
    }
}
