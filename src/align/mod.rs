//! Align: groups articles into events and lines up their statements.
//!
//! Takes the articles and their extractions; gives events, each with
//! alignments (one statement per article at most) and the statements left
//! without a counterpart (`only_in`). Alignments come in two levels: claim
//! (the same claim, worded alike; `statements`) and topic (the same matter,
//! worded differently; `topics`, with paraphrase groups from `synonyms`).
//! Event clustering is in `cluster`, statement matching in `statements`;
//! the words compared (tokens, stems, stopwords) come from `crate::text`,
//! as in `score`, which compares the same words.

mod cluster;
pub use cluster::distributed;
pub use cluster::EventFeatures;
mod statements;
mod synonyms;
mod topics;
pub(crate) mod vectors;

use rayon::prelude::*;

use crate::model::{Article, Event, Extraction};

/// Share of the longer article's statements that two near copies align
/// claim by claim.
const MIN_COPY_SHARE: f64 = 0.8;

/// Mean share of the longer statement's words that the aligned statements
/// of two short near copies keep in order: the same sentences edited here
/// and there, not two outlets that tell two of three points alike.
const MIN_SHORT_COPY_WORD_SHARE: f64 = 0.8;

/// Whether two articles of `n_x` and `n_y` statements, `shared` of them
/// aligned claim by claim, are near copies (a wire story and its rewrite):
/// most of the longer one's statements aligned, or, in an article of a few
/// statements, all but one aligned nearly word for word (a short rewrite
/// that cut one sentence keeps three of four). `mean_word_share` is asked
/// only in that second case.
fn near_copy(shared: usize, n_x: usize, n_y: usize, mean_word_share: impl FnOnce() -> f64) -> bool {
    let longer = n_x.max(n_y);
    n_x > 0
        && n_y > 0
        && (shared as f64 >= MIN_COPY_SHARE * longer as f64
            || shared >= 2
                && shared + 1 >= longer
                && mean_word_share() >= MIN_SHORT_COPY_WORD_SHARE)
}

/// Groups articles into events and aligns their statements. Events are in
/// order of their first article; each event's articles ascend.
pub fn events(articles: &[Article], extractions: &[Extraction]) -> Vec<Event> {
    cluster::cluster(articles)
        .into_par_iter()
        .map(|article_idxs| one_event(articles, extractions, article_idxs))
        .collect()
}

/// Treats the given articles as one event, whatever their similarity, and
/// aligns their statements (each cluster, and for `parallax diff` the two
/// articles the user says report the same story).
pub fn one_event(
    articles: &[Article],
    extractions: &[Extraction],
    article_idxs: Vec<usize>,
) -> Event {
    let aligned = statements::align_event(articles, extractions, &article_idxs);
    Event {
        label: label(articles, &article_idxs),
        articles: article_idxs,
        alignments: aligned.alignments,
        only_in: aligned.only_in,
        related: aligned.related,
        copies: aligned.copies,
    }
}

/// The first article's title, or its id when it has none.
fn label(articles: &[Article], article_idxs: &[usize]) -> String {
    article_idxs
        .iter()
        .find_map(|&idx| articles[idx].title.clone().filter(|t| !t.trim().is_empty()))
        .unwrap_or_else(|| articles[article_idxs[0]].id.clone())
}
