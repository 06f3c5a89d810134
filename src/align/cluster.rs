//! Event clustering: which articles report the same event.
//!
//! Takes the articles; gives groups of article indexes (each ascending,
//! groups ordered by their first article). Each article becomes two TF-IDF
//! vectors: content-word stems of title (counted twice) and body, and
//! entities (capitalised names and numbers such as death tolls, ages and
//! dates written in the text), so that two events of one kind (two
//! earthquakes, two bank bombings) told in the same words stay apart by
//! their places, people and figures. Candidate pairs come from an inverted
//! index of terms rare *within their time window* (the week of publication
//! and its neighbours; undated articles use the whole run), so a name in
//! thousands of stories over years still ties one week's event together and
//! the cost stays near linear (never all pairs). The similarity of a pair is
//! the mean of its two cosines, damped by the gap between publication
//! dates; clusters merge by average link above a threshold: precision
//! first, since a false merge tells a reader that two newsrooms corroborate
//! each other.

pub mod distributed;

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::tokens::{content_stems, is_number, is_stopword, tokenize, Token};
use super::vectors::{tfidf_vectors, SparseVector};
use crate::model::{Article, Range};

/// Average-link similarity two clusters need to merge.
const LINK_THRESHOLD: f64 = 0.20;
/// Terms in more articles than this within a time window (or, for undated
/// articles, in the whole run) do not generate candidate pairs.
const MAX_CANDIDATE_DF: u32 = 60;
/// Candidate pairs must share at least this many rare terms.
const MIN_SHARED_TERMS: u32 = 3;
/// Days in a time window's unit; a window is a week and its two neighbours,
/// so any two articles at most this many days apart share a window.
const WINDOW_DAYS: i64 = 7;
/// Clusters need this many articles before their leading entities are
/// compared (see `different_leading_entities`).
const MIN_LEADING_CLUSTER: usize = 2;
/// Publication gaps up to this many days cost nothing.
const FREE_DAYS: f64 = 2.0;
/// Beyond the free days, similarity decays as a Gaussian of this width (days).
const DATE_SIGMA_DAYS: f64 = 3.0;

/// One article as the clustering sees it.
struct ArticleFeatures {
    /// Content-word stems of title (twice) and body.
    stems: SparseVector,
    /// Names (`@name`) and numbers (`#300`) of title and body.
    entities: SparseVector,
    day: Option<i64>,
}

/// Groups articles into events.
pub(crate) fn cluster(articles: &[Article]) -> Vec<Vec<usize>> {
    let (stem_documents, entity_documents): (Vec<Vec<String>>, Vec<Vec<String>>) =
        articles.par_iter().map(article_terms).unzip();
    let (_, stem_vectors) = tfidf_vectors(&stem_documents);
    let (_, entity_vectors) = tfidf_vectors(&entity_documents);
    let features: Vec<ArticleFeatures> = stem_vectors
        .into_iter()
        .zip(entity_vectors)
        .zip(articles)
        .map(|((stems, entities), article)| ArticleFeatures {
            stems,
            entities,
            day: article.published.as_deref().and_then(day_number),
        })
        .collect();
    let candidates = candidate_pairs(&features);
    let mut edges: Vec<(f64, usize, usize)> = candidates
        .par_iter()
        .map(|&(i, j)| (similarity(&features[i], &features[j]), i, j))
        .filter(|(sim, _, _)| *sim >= LINK_THRESHOLD)
        .collect();
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    average_link(&features, &edges)
}

/// The stem terms (title twice, then body) and the entity terms of an
/// article: `@name` for capitalised words that are not function words,
/// `#figure` for words holding a digit.
fn article_terms(article: &Article) -> (Vec<String>, Vec<String>) {
    let title = article.title.as_deref().unwrap_or("");
    let title_tokens = tokenize(title, Range::new(0, title.len()));
    let body_tokens = tokenize(&article.body, Range::new(0, article.body.len()));
    let mut stems = content_stems(&title_tokens);
    stems.extend(content_stems(&title_tokens));
    stems.extend(content_stems(&body_tokens));
    let entities = title_tokens
        .iter()
        .chain(&body_tokens)
        .filter_map(entity_term)
        .collect();
    (stems, entities)
}

fn entity_term(token: &Token) -> Option<String> {
    if token.norm.chars().any(|c| c.is_ascii_digit()) {
        Some(format!("#{}", token.norm))
    } else if token.capitalised
        && token.norm.len() > 2
        && !is_stopword(&token.norm)
        && !is_number(&token.norm)
    {
        Some(format!("@{}", token.norm))
    } else {
        None
    }
}

/// Pairs of articles sharing at least `MIN_SHARED_TERMS` rare terms, sorted.
/// A term is rare for two dated articles at most one window unit apart when
/// it occurs in 2 to `MAX_CANDIDATE_DF` articles of each one's window (its
/// unit and the two neighbours); a pair with an undated article asks the
/// same of the term's count over the whole run. Every posting list thus
/// yields at most `MAX_CANDIDATE_DF` pairs per article.
fn candidate_pairs(features: &[ArticleFeatures]) -> Vec<(usize, usize)> {
    // Stem and entity ids are told apart by the lowest bit.
    let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
    for (article_idx, article) in features.iter().enumerate() {
        let stem_keys = article
            .stems
            .entries
            .iter()
            .map(|&(t, _)| u64::from(t) << 1);
        let entity_keys = article
            .entities
            .entries
            .iter()
            .map(|&(t, _)| (u64::from(t) << 1) | 1);
        for key in stem_keys.chain(entity_keys) {
            postings.entry(key).or_default().push(article_idx);
        }
    }
    let mut shared: HashMap<(usize, usize), u32> = HashMap::new();
    for list in postings.values() {
        for pair in posting_pairs(features, list) {
            *shared.entry(pair).or_default() += 1;
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

/// The pairs (lower index first) of one term's posting list (ascending
/// article indexes) for which the term is rare.
fn posting_pairs(features: &[ArticleFeatures], list: &[usize]) -> Vec<(usize, usize)> {
    let is_rare = |count: usize| (2..=MAX_CANDIDATE_DF as usize).contains(&count);
    let mut pairs = Vec::new();
    if is_rare(list.len()) {
        for &i in list.iter().filter(|&&i| features[i].day.is_none()) {
            for &j in list.iter().filter(|&&j| j != i) {
                if features[j].day.is_some() || j > i {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    let mut by_unit: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for &i in list {
        if let Some(day) = features[i].day {
            by_unit
                .entry(day.div_euclid(WINDOW_DAYS))
                .or_default()
                .push(i);
        }
    }
    let unit_size = |unit: i64| by_unit.get(&unit).map_or(0, Vec::len);
    let rare_unit =
        |unit: i64| is_rare(unit_size(unit - 1) + unit_size(unit) + unit_size(unit + 1));
    for (&unit, members) in by_unit.iter().filter(|(&unit, _)| rare_unit(unit)) {
        for (k, &i) in members.iter().enumerate() {
            pairs.extend(members[k + 1..].iter().map(|&j| (i.min(j), i.max(j))));
        }
        if let Some(next) = by_unit.get(&(unit + 1)).filter(|_| rare_unit(unit + 1)) {
            for &i in members {
                pairs.extend(next.iter().map(|&j| (i.min(j), i.max(j))));
            }
        }
    }
    pairs
}

/// Mean of the stem and entity cosines of two articles, damped by the gap
/// between their dates: names and figures weigh as much as all other words.
fn similarity(a: &ArticleFeatures, b: &ArticleFeatures) -> f64 {
    let cosine = 0.5 * (a.stems.cosine(&b.stems) + a.entities.cosine(&b.entities));
    match (a.day, b.day) {
        (Some(day_a), Some(day_b)) => {
            let excess = ((day_a - day_b).abs() as f64 - FREE_DAYS).max(0.0);
            cosine * (-(excess * excess) / (2.0 * DATE_SIGMA_DAYS * DATE_SIGMA_DAYS)).exp()
        }
        _ => cosine,
    }
}

/// Merges clusters along edges in descending order when the mean similarity
/// over all cross pairs (computed on demand) reaches the threshold and the
/// two are not two events of one kind by their leading names.
fn average_link(features: &[ArticleFeatures], edges: &[(f64, usize, usize)]) -> Vec<Vec<usize>> {
    let mut cluster_of: Vec<usize> = (0..features.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..features.len()).map(|i| vec![i]).collect();
    let mut entity_mass: Vec<HashMap<u32, f64>> = features
        .iter()
        .map(|article| article.entities.entries.iter().copied().collect())
        .collect();
    for &(_, i, j) in edges {
        let (a, b) = (cluster_of[i], cluster_of[j]);
        if a == b
            || mean_similarity(features, &members[a], &members[b]) < LINK_THRESHOLD
            || different_leading_entities(&members, &entity_mass, a, b)
        {
            continue;
        }
        let (keep, absorb) = (a.min(b), a.max(b));
        let moved = std::mem::take(&mut members[absorb]);
        for &article_idx in &moved {
            cluster_of[article_idx] = keep;
        }
        members[keep].extend(moved);
        for (term, weight) in std::mem::take(&mut entity_mass[absorb]) {
            *entity_mass[keep].entry(term).or_default() += weight;
        }
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    groups.iter_mut().for_each(|group| group.sort_unstable());
    groups.sort_unstable_by_key(|group| group[0]);
    groups
}

/// Whether two clusters of several articles each tell two events of one
/// kind: the leading entity of each (largest summed weight over its
/// articles) occurs in no article of the other, as with the deaths of two
/// Watergate figures, told in the same words around two different names.
/// Single articles are left out: one article's leading word is too often a
/// side matter.
fn different_leading_entities(
    members: &[Vec<usize>],
    entity_mass: &[HashMap<u32, f64>],
    a: usize,
    b: usize,
) -> bool {
    if members[a].len() < MIN_LEADING_CLUSTER || members[b].len() < MIN_LEADING_CLUSTER {
        return false;
    }
    let absent_from = |x: usize, y: usize| {
        leading_entity(&entity_mass[x]).is_some_and(|term| !entity_mass[y].contains_key(&term))
    };
    absent_from(a, b) && absent_from(b, a)
}

/// The entity of largest weight (the lowest id among equals).
fn leading_entity(mass: &HashMap<u32, f64>) -> Option<u32> {
    mass.iter()
        .max_by(|x, y| x.1.total_cmp(y.1).then(y.0.cmp(x.0)))
        .map(|(&term, _)| term)
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

    const QUAKE_NORTH: &str = "A magnitude 6.1 earthquake struck the northern \
        province of Qazvin on Monday, killing 42 people in the town of Abyek \
        and injuring 300, the Red Crescent said. Rescue teams searched collapsed \
        homes through the night.";
    const QUAKE_SOUTH: &str = "A magnitude 5.4 earthquake struck the southern \
        province of Kerman on Monday, killing 17 people in the town of Ravar \
        and injuring 90, the Red Crescent said. Rescue teams searched collapsed \
        homes through the night.";

    #[test]
    fn two_events_of_one_kind_on_the_same_days_stay_apart() {
        let articles = [
            article(
                "a",
                "Earthquake kills 42 in Qazvin",
                "2016-03-07",
                QUAKE_NORTH,
            ),
            article(
                "b",
                "Earthquake kills 17 in Kerman",
                "2016-03-07",
                QUAKE_SOUTH,
            ),
            article(
                "c",
                "Deadly earthquake hits Qazvin",
                "2016-03-08",
                QUAKE_NORTH,
            ),
            article(
                "d",
                "Deadly earthquake hits Kerman",
                "2016-03-08",
                QUAKE_SOUTH,
            ),
        ];
        check(&articles, &[&[0, 2], &[1, 3]]);
    }

    #[test]
    fn one_event_across_three_outlets_joins() {
        let articles = [
            article(
                "left",
                "Delgado brokers Senate budget deal",
                "2016-03-01",
                "Senator Maria Delgado brokered a budget deal on Tuesday that \
                 protects school funding, winning over Republican leaders after \
                 weeks of talks on highway spending.",
            ),
            article("other", "Storm floods Oregon coast", "2016-03-01", STORM),
            article(
                "centre",
                "Senate approves budget after Delgado talks",
                "2016-03-01",
                SENATE,
            ),
            article(
                "right",
                "Republicans win spending cuts in Senate budget",
                "2016-03-02",
                "Republican leaders won spending cuts for highways in the budget \
                 bill the Senate approved on Tuesday after talks with Senator \
                 Maria Delgado over school funding.",
            ),
        ];
        check(&articles, &[&[0, 2, 3], &[1]]);
    }

    #[test]
    fn name_frequent_across_years_still_links_one_weeks_articles() {
        // 70 earlier stories, one a month, use every word of the week's two
        // articles: rare in no window of the whole run, rare in that week.
        let mut articles: Vec<Article> = (0..70)
            .map(|k| {
                let published = format!("{}-{:02}-15", 2010 + k / 12, 1 + k % 12);
                article(
                    &format!("old{k}"),
                    "Senate approves budget bill",
                    &published,
                    SENATE,
                )
            })
            .collect();
        articles.push(article(
            "a",
            "Senate approves budget bill",
            "2016-03-01",
            SENATE,
        ));
        articles.push(article(
            "b",
            "Senate approves budget bill",
            "2016-03-03",
            SENATE,
        ));
        let groups = cluster(&articles);
        assert_eq!(groups.len(), 71);
        assert_eq!(groups[70], vec![70, 71]);
    }

    #[test]
    fn undated_articles_use_counts_over_the_whole_run() {
        let mut articles = [
            article("a", "Senate approves budget bill", "", SENATE),
            article("b", "Storm floods Oregon coast", "", STORM),
            article("c", "Budget bill passes the Senate", "", SENATE),
        ];
        articles[0].published = None;
        articles[1].published = None;
        check(&articles, &[&[0, 2], &[1]]);
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2011-04-07T10:00:00Z"), Some(15071));
        assert_eq!(day_number("April"), None);
    }
}
