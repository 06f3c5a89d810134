//! Event clustering: which articles report the same event.
//!
//! Takes the articles; gives groups of article indexes (each ascending,
//! groups ordered by their first article). Each article becomes a TF-IDF
//! vector over content-word stems of title (counted twice) and body, plus
//! capitalised words as name features. Candidate pairs come from an inverted
//! index of rare terms (never all pairs), their cosine is damped by the gap
//! between publication dates, and clusters merge by average link above a
//! threshold: precision first, since a false merge tells a reader that two
//! newsrooms corroborate each other.

use std::collections::HashMap;

use rayon::prelude::*;

use super::tokens::{content_stems, is_stopword, tokenize};
use super::vectors::{tfidf_vectors, SparseVector};
use crate::model::{Article, Range};

/// Average-link similarity two clusters need to merge.
const LINK_THRESHOLD: f64 = 0.22;
/// Terms in more articles than this do not generate candidate pairs.
const MAX_CANDIDATE_DF: u32 = 60;
/// Candidate pairs must share at least this many rare terms.
const MIN_SHARED_TERMS: u32 = 3;
/// Publication gaps up to this many days cost nothing.
const FREE_DAYS: f64 = 2.0;
/// Beyond the free days, similarity decays as a Gaussian of this width (days).
const DATE_SIGMA_DAYS: f64 = 3.0;

/// One article as the clustering sees it.
struct ArticleFeatures {
    vector: SparseVector,
    day: Option<i64>,
}

/// Groups articles into events.
pub(crate) fn cluster(articles: &[Article]) -> Vec<Vec<usize>> {
    let documents: Vec<Vec<String>> = articles.par_iter().map(article_terms).collect();
    let (vocabulary, vectors) = tfidf_vectors(&documents);
    let features: Vec<ArticleFeatures> = vectors
        .into_iter()
        .zip(articles)
        .map(|(vector, article)| ArticleFeatures {
            vector,
            day: article.published.as_deref().and_then(day_number),
        })
        .collect();
    let candidates = candidate_pairs(&features, &vocabulary.document_frequency);
    let mut edges: Vec<(f64, usize, usize)> = candidates
        .par_iter()
        .map(|&(i, j)| (similarity(&features[i], &features[j]), i, j))
        .filter(|(sim, _, _)| *sim >= LINK_THRESHOLD)
        .collect();
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    average_link(&features, &edges)
}

/// Content stems of title (twice) and body, plus `@name` features for
/// capitalised words that are not function words.
fn article_terms(article: &Article) -> Vec<String> {
    let title = article.title.as_deref().unwrap_or("");
    let title_tokens = tokenize(title, Range::new(0, title.len()));
    let body_tokens = tokenize(&article.body, Range::new(0, article.body.len()));
    let mut terms = content_stems(&title_tokens);
    terms.extend(content_stems(&title_tokens));
    terms.extend(content_stems(&body_tokens));
    for token in title_tokens.iter().chain(&body_tokens) {
        if token.capitalised && token.norm.len() > 2 && !is_stopword(&token.norm) {
            terms.push(format!("@{}", token.norm));
        }
    }
    terms
}

/// Pairs of articles sharing at least `MIN_SHARED_TERMS` terms whose
/// document frequency is between 2 and `MAX_CANDIDATE_DF`, sorted.
fn candidate_pairs(
    features: &[ArticleFeatures],
    document_frequency: &[u32],
) -> Vec<(usize, usize)> {
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (article_idx, article) in features.iter().enumerate() {
        for &(term, _) in &article.vector.entries {
            let df = document_frequency[term as usize];
            if (2..=MAX_CANDIDATE_DF).contains(&df) {
                postings.entry(term).or_default().push(article_idx);
            }
        }
    }
    let mut shared: HashMap<(usize, usize), u32> = HashMap::new();
    for list in postings.values() {
        for (k, &i) in list.iter().enumerate() {
            for &j in &list[k + 1..] {
                *shared.entry((i.min(j), i.max(j))).or_default() += 1;
            }
        }
    }
    let mut pairs: Vec<(usize, usize)> = shared
        .into_iter()
        .filter(|(_, count)| *count >= MIN_SHARED_TERMS)
        .map(|(pair, _)| pair)
        .collect();
    pairs.sort_unstable();
    pairs
}

/// Cosine of the two articles, damped by the gap between their dates.
fn similarity(a: &ArticleFeatures, b: &ArticleFeatures) -> f64 {
    let cosine = a.vector.cosine(&b.vector);
    match (a.day, b.day) {
        (Some(day_a), Some(day_b)) => {
            let excess = ((day_a - day_b).abs() as f64 - FREE_DAYS).max(0.0);
            cosine * (-(excess * excess) / (2.0 * DATE_SIGMA_DAYS * DATE_SIGMA_DAYS)).exp()
        }
        _ => cosine,
    }
}

/// Merges clusters along edges in descending order when the mean similarity
/// over all cross pairs (computed on demand) reaches the threshold.
fn average_link(features: &[ArticleFeatures], edges: &[(f64, usize, usize)]) -> Vec<Vec<usize>> {
    let mut cluster_of: Vec<usize> = (0..features.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..features.len()).map(|i| vec![i]).collect();
    for &(_, i, j) in edges {
        let (a, b) = (cluster_of[i], cluster_of[j]);
        if a == b || mean_similarity(features, &members[a], &members[b]) < LINK_THRESHOLD {
            continue;
        }
        let (keep, absorb) = (a.min(b), a.max(b));
        let moved = std::mem::take(&mut members[absorb]);
        for &article_idx in &moved {
            cluster_of[article_idx] = keep;
        }
        members[keep].extend(moved);
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    groups.iter_mut().for_each(|group| group.sort_unstable());
    groups.sort_unstable_by_key(|group| group[0]);
    groups
}

fn mean_similarity(features: &[ArticleFeatures], a: &[usize], b: &[usize]) -> f64 {
    let total: f64 = a
        .iter()
        .flat_map(|&i| b.iter().map(move |&j| (i, j)))
        .map(|(i, j)| similarity(&features[i], &features[j]))
        .sum();
    total / (a.len() * b.len()) as f64
}

/// Days since 1970-01-01 of an ISO 8601 date or date-time (`2011-04-07...`).
fn day_number(published: &str) -> Option<i64> {
    let date = published.get(..10)?;
    let mut parts = date.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days-from-civil algorithm.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_index = (month + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(id: &str, title: &str, published: &str, body: &str) -> Article {
        Article {
            id: id.to_string(),
            title: Some(title.to_string()),
            published: Some(published.to_string()),
            body: body.to_string(),
            ..Article::default()
        }
    }

    fn check(articles: &[Article], expected: &[&[usize]]) {
        let groups = cluster(articles);
        let expected: Vec<Vec<usize>> = expected.iter().map(|g| g.to_vec()).collect();
        assert_eq!(groups, expected);
    }

    const SENATE: &str = "The Senate voted on Tuesday to approve the budget \
        bill after Senator Maria Delgado negotiated with Republican leaders \
        over spending cuts for highways and schools.";
    const STORM: &str = "A powerful storm flooded coastal towns in Oregon, \
        forcing hundreds of families to evacuate as rivers rose overnight.";

    #[test]
    fn same_story_merges_and_other_story_stays_apart() {
        let articles = [
            article("a", "Senate approves budget bill", "2016-03-01", SENATE),
            article("b", "Storm floods Oregon coast", "2016-03-01", STORM),
            article("c", "Budget bill passes the Senate", "2016-03-02", SENATE),
        ];
        check(&articles, &[&[0, 2], &[1]]);
    }

    #[test]
    fn same_text_months_apart_stays_apart() {
        let articles = [
            article("a", "Senate approves budget bill", "2016-03-01", SENATE),
            article("b", "Senate approves budget bill", "2016-06-01", SENATE),
        ];
        check(&articles, &[&[0], &[1]]);
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2011-04-07T10:00:00Z"), Some(15071));
        assert_eq!(day_number("April"), None);
    }
}
