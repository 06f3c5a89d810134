//! Lexicons: reading the word lists in `lexicons/`, and the lists that
//! several stages test words against.
//!
//! Every list is a data file compiled into the binary: one entry a line,
//! `#` comment lines and blank lines skipped. The shared lists take
//! normalised words (lower case, plain apostrophes).

use std::collections::HashSet;
use std::sync::OnceLock;

/// The entries of a lexicon file: one a line, trimmed, `#` comments and
/// blank lines skipped.
pub fn lexicon_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A lexicon as a set of its entries.
pub fn lexicon_set(text: &'static str) -> HashSet<&'static str> {
    lexicon_lines(text).collect()
}

/// Function words left out of similarity and event vectors
/// (`lexicons/score_stopwords.txt`).
pub fn is_stopword(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_stopwords.txt")))
        .contains(norm)
}

/// Words too common to be a statement's key term (`lexicons/stopwords.txt`,
/// a longer list than `is_stopword`'s).
pub fn is_topic_stopword(lower: &str) -> bool {
    // Looked up for every word of every statement: the faster hash.
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_lines(include_str!("../../lexicons/stopwords.txt")).collect())
        .contains(lower)
}

/// Negation cues: `not`, `never`, any `...n't`, `deny`...
pub fn is_negation(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    norm.ends_with("n't")
        || SET
            .get_or_init(|| lexicon_set(include_str!("../../lexicons/score_negation.txt")))
            .contains(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_blanks() {
        let text = "# a comment\n\n  said \nstated\n   # indented comment\n";
        assert_eq!(lexicon_lines(text).collect::<Vec<_>>(), ["said", "stated"]);
    }

    #[test]
    fn negations() {
        assert!(is_negation("wasn't"));
        assert!(is_negation("never"));
        assert!(!is_negation("note"));
    }
}
