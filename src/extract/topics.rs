//! Topics: the key terms a statement is about.
//!
//! Takes the article body; counts its content words (lower case, four
//! letters or more, not a stop word) once. A statement's topics are the
//! terms in its content that the article uses at least twice, most used
//! first (ties: first seen), at most three: the basis for aligning by topic.

use crate::model::Range;
use crate::text::lexicon::is_topic_stopword;
use crate::text::push_lowercase;
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

const MAX_TOPICS: usize = 3;

/// The content words of one article, interned, with their counts. A word
/// already in lower case borrows the body; only others are copied.
pub struct ArticleTerms<'a> {
    /// Distinct words in order of first appearance.
    words: Vec<Cow<'a, str>>,
    counts: Vec<usize>,
    /// (byte position, word id) of every content word, in body order.
    occurrences: Vec<(usize, u32)>,
}

impl<'a> ArticleTerms<'a> {
    pub fn new(body: &'a str) -> ArticleTerms<'a> {
        let mut ids: HashMap<Cow<'a, str>, u32> = HashMap::default();
        let mut terms = ArticleTerms {
            words: Vec::new(),
            counts: Vec::new(),
            occurrences: Vec::new(),
        };
        let mut lower = String::new();
        for_each_content_word(body, &mut lower, |position, original, word| {
            let id = match ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = terms.words.len() as u32;
                    let key: Cow<'a, str> = if original == word {
                        Cow::Borrowed(original)
                    } else {
                        Cow::Owned(word.to_string())
                    };
                    ids.insert(key.clone(), id);
                    terms.words.push(key);
                    terms.counts.push(0);
                    id
                }
            };
            terms.counts[id as usize] += 1;
            terms.occurrences.push((position, id));
        });
        terms
    }

    /// The key terms of `content`.
    pub fn topics(&self, content: Range) -> Vec<String> {
        let first = self
            .occurrences
            .partition_point(|&(p, _)| p < content.start);
        let mut seen: Vec<(usize, usize, u32)> = Vec::new();
        for &(position, id) in &self.occurrences[first..] {
            if position >= content.end {
                break;
            }
            let count = self.counts[id as usize];
            if count >= 2 && !seen.iter().any(|&(_, _, w)| w == id) {
                seen.push((count, position, id));
            }
        }
        seen.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        seen.into_iter()
            .take(MAX_TOPICS)
            .map(|(_, _, id)| self.words[id as usize].to_string())
            .collect()
    }
}

/// Calls `visit` with each content word of `body`: its byte position, the
/// word as written, and its lower case (in the reused buffer `lower`).
fn for_each_content_word<'a>(
    body: &'a str,
    lower: &mut String,
    mut visit: impl FnMut(usize, &'a str, &str),
) {
    let mut start = None;
    for (i, c) in body
        .char_indices()
        .chain(std::iter::once((body.len(), ' ')))
    {
        let in_word = c.is_alphanumeric() || c == '-';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word = &body[s..i];
                if word.len() < 4 || word.starts_with(|c: char| c.is_ascii_digit()) {
                    continue;
                }
                lower.clear();
                push_lowercase(lower, word);
                if !is_topic_stopword(lower) {
                    visit(s, word, lower);
                }
            }
            _ => {}
        }
    }
}
