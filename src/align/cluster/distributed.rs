//! Event clustering in pieces, for engines that spread a run over machines
//! (the Spark job in `python/parallax/spark.py`).
//!
//! Takes what the engine computes over the whole run (each term's id and
//! document frequency, candidate pairs from the posting rule of
//! `candidate_pairs`, connected groups of the edges); gives the pieces that
//! `cluster` computes in one process: an article's terms, its record (day,
//! outlet and TF-IDF vectors), the similarity of two records, and the average-link
//! merging inside one connected group. Run over every group, they give the
//! same events as `cluster`, bit for bit, when term ids follow the order in
//! which terms first occur in the run (as `Vocabulary::build` numbers them).

use rustc_hash::FxHashMap;

use super::super::vectors::Vocabulary;
use super::{ArticleFeatures, Weighted, LINK_THRESHOLD as LINK, MAX_CANDIDATE_DF as MAX_DF};
use super::{LONE_MARGIN as MARGIN, LONE_THRESHOLD as LONE};
use super::{
    MAX_CANDIDATES as MAX_PARTNERS, MIN_SHARED_TERMS as MIN_SHARED, WINDOW_DAYS as WINDOW,
};
use crate::model::Article;

/// Average-link similarity two clusters need to merge.
pub const LINK_THRESHOLD: f64 = LINK;
/// The least similarity of an edge (candidate pairs below it are dropped):
/// edges between `EDGE_THRESHOLD` and `LINK_THRESHOLD` are what a lone
/// article left by average link may join by (`LONE_MARGIN`), so a connected
/// group must be built from every edge down to this.
pub const EDGE_THRESHOLD: f64 = LONE;
/// A lone article joins the cluster it and that cluster each find most
/// alike, at mean similarity `EDGE_THRESHOLD` or more and at least this
/// many times either one's next best.
pub const LONE_MARGIN: f64 = MARGIN;
/// A term in 2 to this many articles of a window (or, for a pair with an
/// undated article, of the whole run) generates candidate pairs.
pub const MAX_CANDIDATE_DF: u32 = MAX_DF;
/// Candidate pairs share at least this many rare terms (stems and entities
/// counted apart).
pub const MIN_SHARED_TERMS: u32 = MIN_SHARED;
/// Days in a window unit: a window is a unit (`day.div_euclid(WINDOW_DAYS)`)
/// and its two neighbours.
pub const WINDOW_DAYS: i64 = WINDOW;
/// A dated article keeps at most this many candidate partners in its window:
/// those sharing the most terms rare there (ties to the earlier article in
/// run order). A pair is a candidate when either article keeps the other.
pub const MAX_CANDIDATES: usize = MAX_PARTNERS;

/// One article as clustering sees it, with run-wide term ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleRecord {
    /// Days since 1970-01-01 of its publication date, if it has one.
    pub day: Option<i64>,
    /// Its outlet, if it names one (one outlet's articles two days apart or
    /// more are two stories).
    pub outlet: Option<String>,
    /// Unit TF-IDF vector of its stems: `(term id, weight)` by ascending id.
    pub stems: Vec<(u32, f64)>,
    /// Unit TF-IDF vector of its entities, likewise.
    pub entities: Vec<(u32, f64)>,
}

/// A term of one article with its run-wide id and document frequency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermStats {
    pub term: String,
    pub id: u32,
    pub document_frequency: u32,
}

/// The stem terms (title twice, then body) and the entity terms (`@name`,
/// `#figure`) of an article, in text order, repeats kept.
pub fn article_terms(article: &Article) -> (Vec<String>, Vec<String>) {
    super::article_terms(article)
}

/// Days since 1970-01-01 of an ISO 8601 date (`2011-04-07...`).
pub fn day_number(published: &str) -> Option<i64> {
    super::day_number(published)
}

/// The record of an article from its day, its outlet, its terms
/// (`article_terms`), the run-wide statistics of those terms and the number
/// of articles in the run. The
/// weights are those of `tfidf_vectors` over the whole run: a vocabulary of
/// this article's terms alone, numbered in the order of their run-wide ids,
/// computes them in the same order.
pub fn article_record(
    day: Option<i64>,
    outlet: Option<&str>,
    terms: (&[String], &[String]),
    stats: (&[TermStats], &[TermStats]),
    n_documents: usize,
) -> ArticleRecord {
    ArticleRecord {
        day,
        outlet: outlet.map(str::to_string),
        stems: weights(terms.0, stats.0, n_documents),
        entities: weights(terms.1, stats.1, n_documents),
    }
}

fn weights(document: &[String], stats: &[TermStats], n_documents: usize) -> Vec<(u32, f64)> {
    let mut stats: Vec<&TermStats> = stats.iter().collect();
    stats.sort_unstable_by_key(|term| term.id);
    stats.dedup_by_key(|term| term.id);
    let vocabulary = Vocabulary {
        ids: stats
            .iter()
            .enumerate()
            .map(|(local_id, term)| (term.term.clone(), local_id as u32))
            .collect::<FxHashMap<String, u32>>(),
        document_frequency: stats.iter().map(|term| term.document_frequency).collect(),
        n_documents,
    };
    let vector = vocabulary.vector(document);
    vector
        .entries
        .into_iter()
        .map(|(local_id, weight)| (stats[local_id as usize].id, weight))
        .collect()
}

fn features(record: &ArticleRecord) -> ArticleFeatures<'_> {
    ArticleFeatures {
        stems: Weighted::Unit(&record.stems),
        entities: Weighted::Unit(&record.entities),
        day: record.day,
        outlet: record.outlet.as_deref().and_then(super::outlet_key),
    }
}

/// The similarity of two articles: the mean of their stem and entity
/// cosines, damped by the gap between their dates (0 for one outlet's
/// articles two days apart or more).
pub fn similarity(a: &ArticleRecord, b: &ArticleRecord) -> f64 {
    super::similarity(&features(a), &features(b))
}

/// The events of one connected group of articles: `records` in run order,
/// `edges` (`(similarity, i, j)`, indexes into `records`, at least
/// `EDGE_THRESHOLD`) every candidate edge among them. Gives groups of
/// indexes into `records`, each ascending, ordered by their first article,
/// as `cluster` gives them for the whole run.
pub fn average_link(records: &[ArticleRecord], edges: &[(f64, usize, usize)]) -> Vec<Vec<usize>> {
    let features: Vec<ArticleFeatures> = records.iter().map(features).collect();
    let mut edges = edges.to_vec();
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    super::average_link(&features, &edges)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::cluster::cluster;
    use crate::align::cluster::tests::article;
    use std::collections::BTreeMap;

    /// Term statistics as the Spark job computes them: ids in order of
    /// first occurrence, document frequencies over the run.
    fn stats(documents: &[Vec<String>]) -> BTreeMap<String, (u32, u32)> {
        let mut stats: BTreeMap<String, (u32, u32)> = BTreeMap::new();
        for document in documents {
            let mut seen = std::collections::HashSet::new();
            for term in document {
                let next_id = stats.len() as u32;
                let entry = stats.entry(term.clone()).or_insert((next_id, 0));
                if seen.insert(term) {
                    entry.1 += 1;
                }
            }
        }
        stats
    }

    fn of(document: &[String], stats: &BTreeMap<String, (u32, u32)>) -> Vec<TermStats> {
        document
            .iter()
            .map(|term| TermStats {
                term: term.clone(),
                id: stats[term].0,
                document_frequency: stats[term].1,
            })
            .collect()
    }

    #[test]
    fn pieces_over_one_group_give_the_events_of_cluster() {
        let senate = "The Senate voted on Tuesday to approve the budget bill after \
            Senator Maria Delgado negotiated with Republican leaders over spending cuts.";
        let storm = "A powerful storm flooded coastal towns in Oregon, forcing \
            hundreds of families to evacuate as rivers rose overnight.";
        let articles = [
            article("a", "Senate approves budget bill", "2016-03-01", senate),
            article("b", "Storm floods Oregon coast", "2016-03-01", storm),
            article("c", "Budget bill passes the Senate", "2016-03-02", senate),
            // Joins the budget reports in the lone articles' second pass.
            article(
                "d",
                "A deal that forgets our roads",
                "2016-03-02",
                "Opinion: the deal Senator Delgado struck leaves rural roads \
                 behind. Lawmakers who cheered it should drive the roads they forgot.",
            ),
        ];
        let terms: Vec<(Vec<String>, Vec<String>)> = articles.iter().map(article_terms).collect();
        let stem_docs: Vec<Vec<String>> = terms.iter().map(|t| t.0.clone()).collect();
        let entity_docs: Vec<Vec<String>> = terms.iter().map(|t| t.1.clone()).collect();
        let (stem_stats, entity_stats) = (stats(&stem_docs), stats(&entity_docs));
        let records: Vec<ArticleRecord> = articles
            .iter()
            .zip(&terms)
            .map(|(article, (stems, entities))| {
                let day = day_number(article.published.as_deref().unwrap_or(""));
                let stats = (
                    &of(stems, &stem_stats)[..],
                    &of(entities, &entity_stats)[..],
                );
                let outlet = article.outlet.as_deref();
                article_record(day, outlet, (stems, entities), stats, articles.len())
            })
            .collect();
        let mut edges = Vec::new();
        for i in 0..records.len() {
            for j in i + 1..records.len() {
                let sim = similarity(&records[i], &records[j]);
                if sim >= EDGE_THRESHOLD {
                    edges.push((sim, i, j));
                }
            }
        }
        assert_eq!(average_link(&records, &edges), cluster(&articles));
        assert_eq!(cluster(&articles), vec![vec![0, 2, 3], vec![1]]);
        assert!(edges.iter().any(|edge| edge.0 < LINK_THRESHOLD));
    }
}
