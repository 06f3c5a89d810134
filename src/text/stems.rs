//! Stems: the English (Porter 2) stem of a normalised word, with one
//! stemmer per thread and, per thread, the stems of words seen lately (a
//! run stems the same words again and again: in every article, statement,
//! sentence view and pair).

use std::cell::RefCell;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

/// Words whose stems a thread keeps; past this, it starts afresh (about
/// 4 MB a thread at most).
const MAX_CACHED: usize = 100_000;

/// The English stem of a normalised word.
pub fn stem(norm: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
        static CACHE: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
    }
    CACHE.with(|cache| {
        if let Some(stem) = cache.borrow().get(norm) {
            return stem.clone();
        }
        let stem = STEMMER.with(|stemmer| stemmer.stem(norm).into_owned());
        let mut cache = cache.borrow_mut();
        if cache.len() >= MAX_CACHED {
            cache.clear();
        }
        cache.insert(norm.to_string(), stem.clone());
        stem
    })
}
