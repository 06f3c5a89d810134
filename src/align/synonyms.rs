//! Paraphrase groups: news words that outlets swap for one another.
//!
//! Takes normalised words; gives the term the topic tier of alignment counts
//! for each: the group's id (`~` and the stem of the group's first word)
//! when the word's stem is in a group of `lexicons/align_synonyms.txt`, else
//! the stem itself. "talks", "negotiations" and "meeting" all give `~talk`,
//! so two sentences that word one matter differently share a term. Two-word
//! phrases of the lexicon ("united_states") give their group's id once.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::lexicon::{is_negation, is_stopword, lexicon_lines};
use crate::text::numbers::is_number;
use crate::text::stems::stem;
use crate::text::tokens::Token;

/// Word stems and phrases of the lexicon, each mapped to its group id.
#[derive(Debug, Default)]
struct Groups {
    /// Stem → group id; a stem keeps its first group.
    stems: HashMap<String, String>,
    /// Two normalised words joined by a space → group id.
    phrases: HashMap<String, String>,
}

fn groups() -> &'static Groups {
    static GROUPS: OnceLock<Groups> = OnceLock::new();
    GROUPS.get_or_init(|| parse_groups(include_str!("../../lexicons/align_synonyms.txt")))
}

/// Reads groups written one a line, words split by spaces, phrases joined by `_`.
fn parse_groups(text: &'static str) -> Groups {
    let mut groups = Groups::default();
    for line in lexicon_lines(text) {
        let mut words = line.split_whitespace();
        let Some(head) = words.next() else { continue };
        let id = format!("~{}", stem(head));
        for word in std::iter::once(head).chain(words) {
            let entry = match word.contains('_') {
                true => groups.phrases.entry(word.replace('_', " ")),
                false => groups.stems.entry(stem(word)),
            };
            entry.or_insert_with(|| id.clone());
        }
    }
    groups
}

/// The topic term of one normalised word: its group id, or its stem.
pub(crate) fn topic_term(norm: &str) -> String {
    let stemmed = stem(norm);
    groups().stems.get(&stemmed).cloned().unwrap_or(stemmed)
}

/// Topic terms of a statement: one per lexicon phrase or content word (no
/// stopwords, numbers or negations, as for claim similarity), then one per
/// key term the extractor found (`Statement::topics`), which counts those
/// terms again.
pub(crate) fn topic_terms(tokens: &[Token], key_terms: &[String]) -> Vec<String> {
    let mut terms = Vec::new();
    let mut idx = 0;
    while idx < tokens.len() {
        if let Some(id) = tokens.get(idx + 1).and_then(|next| {
            let phrase = format!("{} {}", tokens[idx].norm, next.norm);
            groups().phrases.get(&phrase)
        }) {
            terms.push(id.clone());
            idx += 2;
            continue;
        }
        let norm = tokens[idx].norm.as_str();
        if !is_stopword(norm) && !is_number(norm) && !is_negation(norm) {
            terms.push(topic_term(norm));
        }
        idx += 1;
    }
    let key_terms = key_terms
        .iter()
        .map(|term| topic_term(&term.to_lowercase()));
    terms.extend(key_terms);
    terms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Range;
    use crate::text::tokens::tokenize;

    fn check(text: &str, key_terms: &[&str], expected: &[&str]) {
        let tokens = tokenize(text, Range::new(0, text.len()));
        let key_terms: Vec<String> = key_terms.iter().map(|t| t.to_string()).collect();
        assert_eq!(topic_terms(&tokens, &key_terms), expected);
    }

    #[test]
    fn paraphrases_share_a_group_term() {
        check(
            "the negotiations on a peace deal",
            &[],
            &["~talk", "~peac", "~deal"],
        );
        check(
            "talks about an agreement for peace",
            &[],
            &["~talk", "~deal", "~peac"],
        );
        check(
            "The Kremlin was not serious",
            &["kremlin"],
            &["~russia", "~serious", "~russia"],
        );
    }

    #[test]
    fn words_outside_the_groups_keep_their_stem() {
        check(
            "companies lost 300 billion dollars",
            &[],
            &["~compani", "~loss", "billion", "dollar"],
        );
        assert_eq!(topic_term("Moscow".to_lowercase().as_str()), "~russia");
        assert_eq!(topic_term("umbrella"), "umbrella");
    }

    #[test]
    fn phrases_give_their_group_once() {
        check(
            "the United States and the U.S. and Washington",
            &[],
            &["~america", "~america", "~america"],
        );
        check("states united", &[], &["state", "unit"]);
    }

    #[test]
    fn a_stem_keeps_its_first_group() {
        let groups = parse_groups("# comment\ntest exam big_exam\nexam quiz\n");
        assert_eq!(groups.stems["exam"], "~test");
        assert_eq!(groups.stems["quiz"], "~exam");
        assert_eq!(groups.phrases["big exam"], "~test");
    }
}
