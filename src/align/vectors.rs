//! Sparse TF-IDF vectors and their cosine.
//!
//! Takes bags of terms (one per document); gives one unit-length sparse
//! vector per document, weighted by log term frequency times smoothed IDF
//! over the given documents.

use rustc_hash::FxHashMap;

/// A unit-length sparse vector: `(term id, weight)` sorted by term id.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SparseVector {
    pub entries: Vec<(u32, f64)>,
}

impl SparseVector {
    /// Cosine of two unit vectors: the dot product over shared terms.
    pub fn cosine(&self, other: &SparseVector) -> f64 {
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < self.entries.len() && j < other.entries.len() {
            let (term_a, weight_a) = self.entries[i];
            let (term_b, weight_b) = other.entries[j];
            match term_a.cmp(&term_b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    dot += weight_a * weight_b;
                    i += 1;
                    j += 1;
                }
            }
        }
        dot.clamp(0.0, 1.0)
    }
}

/// Term ids and document frequencies over a set of documents.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    pub ids: FxHashMap<String, u32>,
    pub document_frequency: Vec<u32>,
    pub n_documents: usize,
}

impl Vocabulary {
    /// Counts in how many documents each term occurs.
    pub fn build(documents: &[Vec<String>]) -> Vocabulary {
        let mut vocabulary = Vocabulary {
            n_documents: documents.len(),
            ..Vocabulary::default()
        };
        for document in documents {
            let mut ids: Vec<u32> = document.iter().map(|term| vocabulary.id(term)).collect();
            ids.sort_unstable();
            ids.dedup();
            for id in ids {
                vocabulary.document_frequency[id as usize] += 1;
            }
        }
        vocabulary
    }

    fn id(&mut self, term: &str) -> u32 {
        if let Some(id) = self.ids.get(term) {
            return *id;
        }
        let id = self.document_frequency.len() as u32;
        self.ids.insert(term.to_string(), id);
        self.document_frequency.push(0);
        id
    }

    /// Smoothed inverse document frequency: `ln((1 + N) / (1 + df)) + 1`.
    pub fn idf(&self, id: u32) -> f64 {
        let df = self.document_frequency[id as usize] as f64;
        ((1.0 + self.n_documents as f64) / (1.0 + df)).ln() + 1.0
    }

    /// The unit TF-IDF vector of one document (terms unknown to the vocabulary are skipped).
    pub fn vector(&self, document: &[String]) -> SparseVector {
        let mut counts: FxHashMap<u32, f64> = FxHashMap::default();
        for term in document {
            if let Some(id) = self.ids.get(term) {
                *counts.entry(*id).or_default() += 1.0;
            }
        }
        let mut entries: Vec<(u32, f64)> = counts
            .into_iter()
            .map(|(id, count)| (id, (1.0 + count.ln()) * self.idf(id)))
            .collect();
        entries.sort_unstable_by_key(|(id, _)| *id);
        let norm = entries.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            entries.iter_mut().for_each(|(_, w)| *w /= norm);
        }
        SparseVector { entries }
    }
}

/// Vectors for every document, over a vocabulary built from the same documents.
pub(crate) fn tfidf_vectors(documents: &[Vec<String>]) -> (Vocabulary, Vec<SparseVector>) {
    let vocabulary = Vocabulary::build(documents);
    let vectors = documents
        .iter()
        .map(|document| vocabulary.vector(document))
        .collect();
    (vocabulary, vectors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &str, b: &str, expected: f64) {
        let documents: Vec<Vec<String>> = [a, b, "filler words here"]
            .iter()
            .map(|text| text.split_whitespace().map(str::to_string).collect())
            .collect();
        let (_, vectors) = tfidf_vectors(&documents);
        let cosine = vectors[0].cosine(&vectors[1]);
        assert!((cosine - expected).abs() < 1e-9, "{cosine} != {expected}");
    }

    #[test]
    fn cosine_of_same_and_disjoint() {
        check("tax cut plan", "tax cut plan", 1.0);
        check("tax cut", "border wall", 0.0);
    }
}
