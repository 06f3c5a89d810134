//! Topics: the key terms a statement is about.
//!
//! Takes the article body; counts its content words (lower case, four
//! letters or more, not a stop word) once. A statement's topics are the
//! terms in its content that the article uses at least twice, most used
//! first (ties: first seen), at most three: the basis for aligning by topic.

use crate::model::Range;
use crate::segment::lexicon_lines;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const MAX_TOPICS: usize = 3;

/// Word counts of one article.
pub struct ArticleTerms {
    counts: HashMap<String, usize>,
}

impl ArticleTerms {
    pub fn new(body: &str) -> ArticleTerms {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (_, word) in content_words(body, Range::new(0, body.len())) {
            *counts.entry(word).or_default() += 1;
        }
        ArticleTerms { counts }
    }

    /// The key terms of `content`.
    pub fn topics(&self, body: &str, content: Range) -> Vec<String> {
        let mut seen: Vec<(usize, usize, String)> = Vec::new();
        for (position, word) in content_words(body, content) {
            let count = self.counts.get(&word).copied().unwrap_or(0);
            if count >= 2 && !seen.iter().any(|(_, _, w)| *w == word) {
                seen.push((count, position, word));
            }
        }
        seen.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        seen.into_iter()
            .take(MAX_TOPICS)
            .map(|(_, _, w)| w)
            .collect()
    }
}

/// Content words of `body[range]` with their byte positions.
fn content_words(body: &str, range: Range) -> impl Iterator<Item = (usize, String)> + '_ {
    let text = range.text(body);
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .scan(range.start, move |offset, word| {
            let position = *offset;
            *offset += word.len() + 1;
            Some((position, word))
        })
        .filter(|(_, word)| {
            word.chars().count() >= 4 && !word.starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|(position, word)| (position, word.to_lowercase()))
        .filter(|(_, word)| !stopwords().contains(word.as_str()))
}

fn stopwords() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_lines(include_str!("../../lexicons/stopwords.txt")).collect())
}
