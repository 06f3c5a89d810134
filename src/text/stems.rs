//! Stems: the English (Porter 2) stem of a normalised word, with one
//! stemmer per thread.

use rust_stemmers::{Algorithm, Stemmer};

/// The English stem of a normalised word.
pub fn stem(norm: &str) -> String {
    thread_local! {
        static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
    }
    STEMMER.with(|stemmer| stemmer.stem(norm).into_owned())
}
