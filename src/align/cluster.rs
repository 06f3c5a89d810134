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
//! thousands of stories over years still ties one week's event together;
//! each article is compared with at most `MAX_CANDIDATES` of them (those
//! sharing the most rare terms), so the cost stays near linear (never all
//! pairs, even where one story is told again and again). What is kept per
//! article is compact (`EventFeatures`: packed term ids and counts, the
//! day), so a streaming run can cluster millions of articles. The similarity of a pair is
//! the mean of its two cosines, damped by the gap between publication
//! dates; clusters merge by average link above a threshold, unless their
//! leading names, their consensus names and figures or their date spans
//! say they are two events: precision
//! first, since a false merge tells a reader that two newsrooms corroborate
//! each other. Then an article left alone (short texts of one event share
//! few words) joins the cluster it is clearly nearest, when that cluster is
//! in turn nearest it: at half the threshold, and twice as near as either's
//! next best (`join_lone_articles`).

pub mod distributed;

use std::collections::{BTreeMap, HashMap};
use std::hash::Hasher;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use crate::model::{Article, Range};
use crate::text::lexicon::is_stopword;
use crate::text::numbers::is_number;
use crate::text::tokens::{content_stems, tokenize, Token};

/// Average-link similarity two clusters need to merge.
const LINK_THRESHOLD: f64 = 0.20;
/// Least similarity of a candidate pair kept as an edge, and the least mean
/// similarity at which an article left alone joins its one clear partner
/// (see `join_lone_articles`).
const LONE_THRESHOLD: f64 = 0.10;
/// A lone article joins a cluster only when their mean similarity is at
/// least this many times the similarity of either one's runner-up.
const LONE_MARGIN: f64 = 2.0;
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
/// Two articles of one outlet published this many days apart or more report
/// two stories (an outlet tells one story once, or updates it within a day
/// or so): their similarity is 0 (see `similarity`).
const SAME_OUTLET_APART_DAYS: i64 = 2;
/// Term ids take the upper 24 bits of a packed entry, counts the lower 8.
const MAX_TERMS: usize = 1 << 24;
/// Candidate partners an article is compared with, at most (those sharing
/// the most rare terms).
const MAX_CANDIDATES: usize = 24;
/// Window units handled by one parallel job when finding candidate pairs.
const UNITS_PER_JOB: usize = 16;
/// Two clusters with at least `MIN_DATED_FOR_GAP` dated articles each stay
/// apart when this many days or more separate the last date of one from
/// the first date of the other (see `apart_in_time`).
const APART_DAYS: i64 = 3;
/// Two clusters stay apart when together they would span more than this
/// many days from first to last date (see `apart_in_time`).
const MAX_EVENT_SPAN_DAYS: i64 = 7;
/// Dated articles a cluster needs before its dates count as its span.
const MIN_DATED_FOR_GAP: usize = 2;
/// Clusters need this many articles before one consensus entity absent
/// from the other cluster sets them apart (see `conflicting_consensus`).
const MIN_CONSENSUS_CLUSTER: usize = 4;
/// Smaller clusters (at least two articles) need this many such entities
/// each.
const SMALL_CLUSTER_CONFLICTS: usize = 12;
/// An entity is a cluster's consensus when at least this share of its
/// articles (numerator, denominator) hold it.
const CONSENSUS_SHARE: (usize, usize) = (3, 4);

/// Groups articles into events (the whole run at once).
pub(crate) fn cluster(articles: &[Article]) -> Vec<Vec<usize>> {
    let mut features = EventFeatures::default();
    features.add(articles);
    features.groups()
}

/// What clustering keeps of every article of a run, added chunk by chunk:
/// per article its terms as packed `(id << 8) | count` entries sorted by id
/// (4 bytes a distinct term) and its day, plus the run's term ids and
/// document frequencies. This is all a streaming `compare` holds per article.
#[derive(Default)]
pub struct EventFeatures {
    stems: Terms,
    entities: Terms,
    records: Vec<Record>,
}

/// Term ids and document frequencies of one kind of term.
#[derive(Default)]
struct Terms {
    ids: FxHashMap<String, u32>,
    document_frequency: Vec<u32>,
}

struct Record {
    stems: Box<[u32]>,
    entities: Box<[u32]>,
    day: Option<i64>,
    outlet: Option<u64>,
}

/// One article as similarity sees it: its packed entries with the run's
/// IDF, or (for the Spark job's records, `distributed`) a unit TF-IDF
/// vector as `(term id, weight)` by ascending id.
#[derive(Clone, Copy)]
enum Weighted<'a> {
    Packed {
        entries: &'a [u32],
        idf: &'a [f64],
        norm: f64,
    },
    Unit(&'a [(u32, f64)]),
}

impl Terms {
    /// Packed entries of a document's distinct terms, giving new terms ids
    /// (the first `MAX_TERMS` only: later new terms are left out).
    fn entries(&mut self, counted: Vec<(String, u32)>) -> Box<[u32]> {
        let mut entries: Vec<u32> = Vec::with_capacity(counted.len());
        for (term, count) in counted {
            let id = match self.ids.get(&term) {
                Some(&id) => id,
                None if self.document_frequency.len() < MAX_TERMS => {
                    let id = self.document_frequency.len() as u32;
                    self.ids.insert(term, id);
                    self.document_frequency.push(0);
                    id
                }
                None => continue,
            };
            self.document_frequency[id as usize] += 1;
            entries.push((id << 8) | count.min(255));
        }
        entries.sort_unstable();
        entries.into_boxed_slice()
    }

    /// Smoothed inverse document frequency of every term:
    /// `ln((1 + N) / (1 + df)) + 1`.
    fn idf(&self, n_documents: usize) -> Vec<f64> {
        self.document_frequency
            .iter()
            .map(|&df| ((1.0 + n_documents as f64) / (1.0 + f64::from(df))).ln() + 1.0)
            .collect()
    }
}

fn term_id(entry: u32) -> u32 {
    entry >> 8
}

/// Log term frequency weight `1 + ln(count)` of a packed entry.
fn term_weight(entry: u32, idf: &[f64]) -> f64 {
    (1.0 + f64::from(entry & 0xff).ln()) * idf[term_id(entry) as usize]
}

fn norm(entries: &[u32], idf: &[f64]) -> f64 {
    entries
        .iter()
        .map(|&entry| term_weight(entry, idf).powi(2))
        .sum::<f64>()
        .sqrt()
}

impl Weighted<'_> {
    /// The packed entries or the unit terms (the other one empty).
    fn parts(&self) -> (&[u32], &[(u32, f64)]) {
        match *self {
            Weighted::Packed { entries, .. } => (entries, &[]),
            Weighted::Unit(terms) => (&[], terms),
        }
    }

    /// Term ids, ascending.
    fn ids(&self) -> impl Iterator<Item = u32> + '_ {
        let (packed, unit) = self.parts();
        let packed = packed.iter().map(|&e| term_id(e));
        packed.chain(unit.iter().map(|&(id, _)| id))
    }

    /// `(term id, unit weight)` by ascending id; none for an empty vector.
    fn unit_terms(&self) -> impl Iterator<Item = (u32, f64)> + '_ {
        let (packed, unit) = match *self {
            Weighted::Packed { norm: 0.0, .. } => (&[][..], &[][..]),
            _ => self.parts(),
        };
        let (idf, norm) = match *self {
            Weighted::Packed { idf, norm, .. } => (idf, norm),
            Weighted::Unit(_) => (&[][..], 1.0),
        };
        let packed = packed
            .iter()
            .map(move |&e| (term_id(e), term_weight(e, idf) / norm));
        packed.chain(unit.iter().copied())
    }

    fn has_term(&self, term: u32) -> bool {
        match self {
            Weighted::Packed { entries, .. } => entries
                .binary_search_by_key(&term, |&entry| term_id(entry))
                .is_ok(),
            Weighted::Unit(terms) => terms.binary_search_by_key(&term, |&(id, _)| id).is_ok(),
        }
    }

    /// Cosine of two TF-IDF vectors: the dot product over shared terms.
    fn cosine(&self, other: &Weighted) -> f64 {
        let dot = match (*self, *other) {
            (
                Weighted::Packed {
                    entries: a,
                    idf: idf_a,
                    norm: norm_a,
                },
                Weighted::Packed {
                    entries: b,
                    idf: idf_b,
                    norm: norm_b,
                },
            ) => {
                if norm_a == 0.0 || norm_b == 0.0 {
                    return 0.0;
                }
                let (mut i, mut j, mut dot) = (0, 0, 0.0);
                while i < a.len() && j < b.len() {
                    match term_id(a[i]).cmp(&term_id(b[j])) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            dot += (term_weight(a[i], idf_a) / norm_a)
                                * (term_weight(b[j], idf_b) / norm_b);
                            i += 1;
                            j += 1;
                        }
                    }
                }
                dot
            }
            _ => {
                let a: Vec<(u32, f64)> = self.unit_terms().collect();
                let b: Vec<(u32, f64)> = other.unit_terms().collect();
                let (mut i, mut j, mut dot) = (0, 0, 0.0);
                while i < a.len() && j < b.len() {
                    match a[i].0.cmp(&b[j].0) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            dot += a[i].1 * b[j].1;
                            i += 1;
                            j += 1;
                        }
                    }
                }
                dot
            }
        };
        dot.clamp(0.0, 1.0)
    }
}

impl EventFeatures {
    /// Adds the next articles of the run (their indexes follow on from the
    /// articles added before).
    pub fn add(&mut self, articles: &[Article]) {
        let counted: Vec<_> = articles
            .par_iter()
            .map(|article| {
                let (stems, entities) = article_terms(article);
                let day = article.published.as_deref().and_then(day_number);
                let outlet = article.outlet.as_deref().and_then(outlet_key);
                (count_terms(stems), count_terms(entities), day, outlet)
            })
            .collect();
        for (stems, entities, day, outlet) in counted {
            self.records.push(Record {
                stems: self.stems.entries(stems),
                entities: self.entities.entries(entities),
                day,
                outlet,
            });
        }
    }

    /// Articles added so far.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Every article's TF-IDF vectors under the run's inverse document
    /// frequencies.
    fn weighted<'a>(
        &'a self,
        stem_idf: &'a [f64],
        entity_idf: &'a [f64],
    ) -> Vec<ArticleFeatures<'a>> {
        self.records
            .par_iter()
            .map(|record| ArticleFeatures {
                stems: Weighted::Packed {
                    entries: &record.stems,
                    idf: stem_idf,
                    norm: norm(&record.stems, stem_idf),
                },
                entities: Weighted::Packed {
                    entries: &record.entities,
                    idf: entity_idf,
                    norm: norm(&record.entities, entity_idf),
                },
                day: record.day,
                outlet: record.outlet,
            })
            .collect()
    }

    /// Groups the articles added into events: each group ascending, groups
    /// ordered by their first article.
    pub fn groups(&self) -> Vec<Vec<usize>> {
        let stem_idf = self.stems.idf(self.records.len());
        let entity_idf = self.entities.idf(self.records.len());
        let articles = self.weighted(&stem_idf, &entity_idf);
        let mut edges = dated_edges(&articles);
        edges.extend(undated_edges(&articles, self));
        edges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        average_link(&articles, &edges)
    }
}

/// One article as the clustering sees it.
struct ArticleFeatures<'a> {
    /// Content-word stems of title (twice) and body.
    stems: Weighted<'a>,
    /// Names (`@name`) and numbers (`#300`) of title and body.
    entities: Weighted<'a>,
    day: Option<i64>,
    /// The outlet's key (`outlet_key`), if the article names one.
    outlet: Option<u64>,
}

/// Distinct terms with their counts, sorted.
fn count_terms(mut terms: Vec<String>) -> Vec<(String, u32)> {
    terms.sort_unstable();
    let mut counted: Vec<(String, u32)> = Vec::new();
    for term in terms {
        match counted.last_mut() {
            Some((last, count)) if *last == term => *count += 1,
            _ => counted.push((term, 1)),
        }
    }
    counted
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

/// Candidate keys of an article: stem ids and entity ids told apart by the
/// lowest bit.
fn keys<'a>(article: &'a ArticleFeatures) -> impl Iterator<Item = u32> + 'a {
    let stems = article.stems.ids().map(|id| id << 1);
    let entities = article.entities.ids().map(|id| (id << 1) | 1);
    stems.chain(entities)
}

fn is_rare(count: usize) -> bool {
    (2..=MAX_CANDIDATE_DF as usize).contains(&count)
}

/// Edges (similarity at least `LONE_THRESHOLD`) between dated articles at
/// most one window unit apart that share at least `MIN_SHARED_TERMS` terms
/// rare in each one's window (its unit and the two neighbours). Window
/// units are taken a block at a time, in parallel, so memory holds the
/// postings of one block per thread, never of the whole run.
fn dated_edges(articles: &[ArticleFeatures]) -> Vec<(f64, usize, usize)> {
    let mut by_unit: Vec<(i64, usize)> = articles
        .iter()
        .enumerate()
        .filter_map(|(idx, article)| Some((article.day?.div_euclid(WINDOW_DAYS), idx)))
        .collect();
    by_unit.sort_unstable();
    // Units present, each with its articles (ascending).
    let mut units: Vec<(i64, Vec<usize>)> = Vec::new();
    for (unit, idx) in by_unit {
        match units.last_mut() {
            Some((last, members)) if *last == unit => members.push(idx),
            _ => units.push((unit, vec![idx])),
        }
    }
    let blocks: Vec<usize> = (0..units.len()).step_by(UNITS_PER_JOB).collect();
    let mut edges = blocks
        .into_par_iter()
        .flat_map_iter(|first| {
            let last = (first + UNITS_PER_JOB).min(units.len());
            block_edges(articles, &units, first, last)
        })
        .collect::<Vec<_>>();
    // A pair found from both its articles is one edge.
    edges.sort_unstable_by_key(|edge| (edge.1, edge.2));
    edges.dedup_by(|a, b| (a.1, a.2) == (b.1, b.2));
    edges
}

/// The edges of the articles in units `first..last` (positions in
/// `units`). Each article looks for partners in its window (its unit and
/// the two neighbours) through its terms rare in that window, and keeps
/// the `MAX_CANDIDATES` sharing the most such terms (at least
/// `MIN_SHARED_TERMS`): where one story is told again and again the window
/// fills with articles that share rare terms, and comparing each article
/// with all of them would grow with the square of the window.
fn block_edges(
    articles: &[ArticleFeatures],
    units: &[(i64, Vec<usize>)],
    first: usize,
    last: usize,
) -> Vec<(f64, usize, usize)> {
    // Postings of the block's units and their neighbours, one map a unit.
    let lo = first.saturating_sub(1);
    let hi = (last + 1).min(units.len());
    let postings: Vec<FxHashMap<u32, Vec<usize>>> = units[lo..hi]
        .iter()
        .map(|(_, members)| {
            let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
            for &idx in members {
                for key in keys(&articles[idx]) {
                    postings.entry(key).or_default().push(idx);
                }
            }
            postings
        })
        .collect();
    let mut shared: FxHashMap<usize, u32> = FxHashMap::default();
    let mut edges = Vec::new();
    for position in first..last {
        let unit = units[position].0;
        // The window's units present: positions next to this one whose
        // unit numbers are next to this unit's.
        let window: Vec<&FxHashMap<u32, Vec<usize>>> = (position.saturating_sub(1)..=position + 1)
            .filter(|&other| other >= lo && other < hi)
            .filter(|&other| (units[other].0 - unit).abs() <= 1)
            .map(|other| &postings[other - lo])
            .collect();
        for &i in &units[position].1 {
            shared.clear();
            for key in keys(&articles[i]) {
                let lists: Vec<&Vec<usize>> = window
                    .iter()
                    .filter_map(|postings| postings.get(&key))
                    .collect();
                if !is_rare(lists.iter().map(|list| list.len()).sum()) {
                    continue;
                }
                for &j in lists.into_iter().flatten().filter(|&&j| j != i) {
                    *shared.entry(j).or_default() += 1;
                }
            }
            edges.extend(best_partners(articles, i, &shared));
        }
    }
    edges
}

/// The edges of article `i` to the `MAX_CANDIDATES` articles sharing the
/// most rare terms with it (at least `MIN_SHARED_TERMS`).
fn best_partners(
    articles: &[ArticleFeatures],
    i: usize,
    shared: &FxHashMap<usize, u32>,
) -> Vec<(f64, usize, usize)> {
    let mut partners: Vec<(u32, usize)> = shared
        .iter()
        .map(|(&j, &count)| (count, j))
        .filter(|(count, _)| *count >= MIN_SHARED_TERMS)
        .collect();
    partners.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    partners.truncate(MAX_CANDIDATES);
    partners
        .into_iter()
        .map(|(_, j)| (similarity(&articles[i], &articles[j]), i.min(j), i.max(j)))
        .filter(|(sim, _, _)| *sim >= LONE_THRESHOLD)
        .collect()
}

/// The pairs sharing enough rare terms whose similarity reaches
/// `LONE_THRESHOLD`.
fn linked(
    articles: &[ArticleFeatures],
    shared: FxHashMap<(usize, usize), u32>,
) -> Vec<(f64, usize, usize)> {
    shared
        .into_iter()
        .filter(|(_, count)| *count >= MIN_SHARED_TERMS)
        .map(|((i, j), _)| (similarity(&articles[i], &articles[j]), i, j))
        .filter(|(sim, _, _)| *sim >= LONE_THRESHOLD)
        .collect()
}

/// Edges of pairs with an undated article: the terms they share must be
/// rare over the whole run (in 2 to `MAX_CANDIDATE_DF` articles).
fn undated_edges(
    articles: &[ArticleFeatures],
    features: &EventFeatures,
) -> Vec<(f64, usize, usize)> {
    let df = |key: u32| {
        let terms = if key & 1 == 0 {
            &features.stems
        } else {
            &features.entities
        };
        terms.document_frequency[(key >> 1) as usize] as usize
    };
    let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for article in articles.iter().filter(|article| article.day.is_none()) {
        for key in keys(article).filter(|&key| is_rare(df(key))) {
            postings.entry(key).or_default();
        }
    }
    if postings.is_empty() {
        return Vec::new();
    }
    for (idx, article) in articles.iter().enumerate() {
        for key in keys(article) {
            if let Some(list) = postings.get_mut(&key) {
                list.push(idx);
            }
        }
    }
    let mut shared: FxHashMap<(usize, usize), u32> = FxHashMap::default();
    for list in postings.values() {
        for &i in list.iter().filter(|&&i| articles[i].day.is_none()) {
            for &j in list.iter().filter(|&&j| j != i) {
                if articles[j].day.is_some() || j > i {
                    *shared.entry((i.min(j), i.max(j))).or_default() += 1;
                }
            }
        }
    }
    linked(articles, shared)
}

/// Mean of the stem and entity cosines of two articles, damped by the gap
/// between their dates: names and figures weigh as much as all other words.
/// Two articles of one outlet `SAME_OUTLET_APART_DAYS` or more apart are two
/// stories, however alike their words (a candidate's primary results and the
/// previews it ran days before): similarity 0, so no edge joins them and
/// they weigh against any merge of the clusters holding them.
fn similarity(a: &ArticleFeatures, b: &ArticleFeatures) -> f64 {
    if let (Some(outlet_a), Some(outlet_b), Some(day_a), Some(day_b)) =
        (a.outlet, b.outlet, a.day, b.day)
    {
        if outlet_a == outlet_b && (day_a - day_b).abs() >= SAME_OUTLET_APART_DAYS {
            return 0.0;
        }
    }
    let cosine = 0.5 * (a.stems.cosine(&b.stems) + a.entities.cosine(&b.entities));
    match (a.day, b.day) {
        (Some(day_a), Some(day_b)) => {
            let excess = ((day_a - day_b).abs() as f64 - FREE_DAYS).max(0.0);
            cosine * (-(excess * excess) / (2.0 * DATE_SIGMA_DAYS * DATE_SIGMA_DAYS)).exp()
        }
        _ => cosine,
    }
}

/// Merges clusters along edges in descending order when the two are not
/// apart in time, the mean similarity over all cross pairs (computed on
/// demand) reaches the threshold and the two are not two events of one kind
/// by their leading names or by the details each agrees on.
fn average_link(features: &[ArticleFeatures], edges: &[(f64, usize, usize)]) -> Vec<Vec<usize>> {
    let mut cluster_of: Vec<usize> = (0..features.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..features.len()).map(|i| vec![i]).collect();
    let mut spans: Vec<DateSpan> = features.iter().map(|f| DateSpan::of(f.day)).collect();
    for &(_, i, j) in edges.iter().take_while(|edge| edge.0 >= LINK_THRESHOLD) {
        let (a, b) = (cluster_of[i], cluster_of[j]);
        if a == b
            || apart_in_time(&spans[a], &spans[b])
            || mean_similarity(features, &members[a], &members[b]) < LINK_THRESHOLD
            || different_leading_entities(features, &members[a], &members[b])
            || conflicting_consensus(features, &members[a], &members[b])
        {
            continue;
        }
        let (keep, absorb) = (a.min(b), a.max(b));
        let moved = std::mem::take(&mut members[absorb]);
        for &article_idx in &moved {
            cluster_of[article_idx] = keep;
        }
        members[keep].extend(moved);
        spans[keep] = spans[a].join(&spans[b]);
    }
    join_lone_articles(features, edges, &mut members, &mut cluster_of);
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    groups.iter_mut().for_each(|group| group.sort_unstable());
    groups.sort_unstable_by_key(|group| group[0]);
    groups
}

/// Second pass: an article that average link left alone joins the cluster
/// it is clearly most like, when that cluster is in turn most like it: the
/// mean similarity of the two reaches `LONE_THRESHOLD` and is at least
/// `LONE_MARGIN` times the best mean similarity either has with any other
/// cluster it shares an edge with. Short texts of one event (an opinion
/// piece and a news report on the same vote) share too few words to pass
/// `LINK_THRESHOLD`, yet each is plainly nearer the other than anything else
/// that week; two stories of one topic each keep other near neighbours,
/// which the margin asks to be far behind. Rounds repeat until no article
/// joins; merges within a round are mutual best pairs, so their order does
/// not matter. The vetoes of the first pass need clusters of two or more
/// articles on both sides, so none applies to a lone article.
fn join_lone_articles(
    features: &[ArticleFeatures],
    edges: &[(f64, usize, usize)],
    members: &mut [Vec<usize>],
    cluster_of: &mut [usize],
) {
    loop {
        let neighbours = neighbour_clusters(edges, cluster_of);
        let mut memo: FxHashMap<(usize, usize), f64> = FxHashMap::default();
        let mut mean = |a: usize, b: usize| {
            *memo
                .entry((a.min(b), a.max(b)))
                .or_insert_with(|| mean_similarity(features, &members[a], &members[b]))
        };
        let mut joins: Vec<(usize, usize)> = Vec::new();
        for (&lone, others) in &neighbours {
            if members[lone].len() != 1 {
                continue;
            }
            let Some((target, best, runner_up)) = best_two(others, |other| mean(lone, other))
            else {
                continue;
            };
            if best < LONE_THRESHOLD || best < LONE_MARGIN * runner_up {
                continue;
            }
            if members[target].len() == 1 && target < lone {
                continue; // the pair is found from its other article
            }
            let (back, _, back_runner_up) =
                best_two(&neighbours[&target], |other| mean(target, other))
                    .expect("the lone article is a neighbour");
            if back == lone && best >= LONE_MARGIN * back_runner_up {
                joins.push((lone, target));
            }
        }
        if joins.is_empty() {
            return;
        }
        for (lone, target) in joins {
            let moved = std::mem::take(&mut members[lone]);
            for &article_idx in &moved {
                cluster_of[article_idx] = target;
            }
            members[target].extend(moved);
        }
    }
}

/// The clusters each cluster shares an edge with, ascending.
fn neighbour_clusters(
    edges: &[(f64, usize, usize)],
    cluster_of: &[usize],
) -> BTreeMap<usize, Vec<usize>> {
    let mut neighbours: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(_, i, j) in edges {
        let (a, b) = (cluster_of[i], cluster_of[j]);
        if a != b {
            neighbours.entry(a).or_default().push(b);
            neighbours.entry(b).or_default().push(a);
        }
    }
    for list in neighbours.values_mut() {
        list.sort_unstable();
        list.dedup();
    }
    neighbours
}

/// The cluster of highest mean similarity among `others` (the lowest id
/// among equals), that similarity, and the highest among the rest (0 when
/// there is no other).
fn best_two(others: &[usize], mut mean: impl FnMut(usize) -> f64) -> Option<(usize, f64, f64)> {
    let mut best: Option<(usize, f64)> = None;
    let mut runner_up = 0.0f64;
    for &other in others {
        let sim = mean(other);
        match best {
            Some((_, top)) if sim <= top => runner_up = runner_up.max(sim),
            Some((_, top)) => {
                runner_up = runner_up.max(top);
                best = Some((other, sim));
            }
            None => best = Some((other, sim)),
        }
    }
    best.map(|(cluster, sim)| (cluster, sim, runner_up))
}

/// The first and last day of a cluster's dated articles, and how many
/// there are.
#[derive(Clone, Copy)]
struct DateSpan {
    first: i64,
    last: i64,
    n_dated: usize,
}

impl DateSpan {
    fn of(day: Option<i64>) -> DateSpan {
        match day {
            Some(day) => DateSpan {
                first: day,
                last: day,
                n_dated: 1,
            },
            None => DateSpan {
                first: i64::MAX,
                last: i64::MIN,
                n_dated: 0,
            },
        }
    }

    fn join(&self, other: &DateSpan) -> DateSpan {
        DateSpan {
            first: self.first.min(other.first),
            last: self.last.max(other.last),
            n_dated: self.n_dated + other.n_dated,
        }
    }
}

/// Whether two clusters, each already told on several dates, are
/// `APART_DAYS` or more apart: two news events (a shooting and, days later,
/// the charges; one text run again for a second event), however alike
/// their words. Pairwise date damping alone lets them merge: single
/// articles from the two meet at a gap the damping forgives before either
/// cluster shows its own span. Nor do clusters merge into one that spans
/// more than `MAX_EVENT_SPAN_DAYS`, even by one late article: runs of one
/// story that overlap in time would otherwise chain, each joining the
/// next, into one "event" of weeks (an archive that reruns a text every few
/// days). Within that week, clusters with a single dated article are left
/// to the damping: one late article is often a follow-up.
fn apart_in_time(a: &DateSpan, b: &DateSpan) -> bool {
    let joined = a.join(b);
    if joined.n_dated >= 2 && joined.last - joined.first > MAX_EVENT_SPAN_DAYS {
        return true;
    }
    if a.n_dated < MIN_DATED_FOR_GAP || b.n_dated < MIN_DATED_FOR_GAP {
        return false;
    }
    (b.first - a.last).max(a.first - b.last) >= APART_DAYS
}

/// Whether two clusters of several articles each tell two events of one
/// kind: the leading entity of each (largest summed weight over its
/// articles) occurs in no article of the other, as with the deaths of two
/// Watergate figures, told in the same words around two different names.
/// Single articles are left out: one article's leading word is too often a
/// side matter.
fn different_leading_entities(features: &[ArticleFeatures], a: &[usize], b: &[usize]) -> bool {
    if a.len() < MIN_LEADING_CLUSTER || b.len() < MIN_LEADING_CLUSTER {
        return false;
    }
    let absent_from = |x: &[usize], y: &[usize]| {
        leading_entity(features, x)
            .is_some_and(|term| !y.iter().any(|&idx| features[idx].entities.has_term(term)))
    };
    absent_from(a, b) && absent_from(b, a)
}

/// Whether two clusters of several articles each tell two events of one
/// kind by the details most of their articles agree on: each has a
/// consensus entity (a name or figure in three quarters of its articles) that
/// no article of the other holds, as with two Indian Navy pirate captures
/// (23 pirates, then 26 and the INS Sukanya) or two MacBook Pro launches
/// (Macworld 2009, then WWDC and Ivy Bridge), told around the same leading
/// names. A single name or figure is not enough: each side must have its
/// own, and it must be one most of its articles report, not one article's
/// side detail (updated tolls and follow-ups of one event keep most of
/// their details). Clusters of two or three articles agree on more by
/// chance, so each must have many such names and figures: two different
/// stories of one campaign in one week, each told by two or three outlets
/// around its own people and places.
fn conflicting_consensus(features: &[ArticleFeatures], a: &[usize], b: &[usize]) -> bool {
    let smaller = a.len().min(b.len());
    let needed = match smaller {
        0 | 1 => return false,
        n if n < MIN_CONSENSUS_CLUSTER => SMALL_CLUSTER_CONFLICTS,
        _ => 1,
    };
    consensus_absent_from(features, a, b) >= needed
        && consensus_absent_from(features, b, a) >= needed
}

/// How many consensus entities of cluster `x` occur in no article of `y`.
fn consensus_absent_from(features: &[ArticleFeatures], x: &[usize], y: &[usize]) -> usize {
    let mut holders: FxHashMap<u32, usize> = FxHashMap::default();
    for &idx in x {
        for term in features[idx].entities.ids() {
            *holders.entry(term).or_default() += 1;
        }
    }
    let (numerator, denominator) = CONSENSUS_SHARE;
    holders
        .into_iter()
        .filter(|&(_, count)| count * denominator >= x.len() * numerator)
        .filter(|&(term, _)| !y.iter().any(|&idx| features[idx].entities.has_term(term)))
        .count()
}

/// The entity of largest summed weight over a cluster's articles (the
/// lowest id among equals); members are summed in ascending order.
fn leading_entity(features: &[ArticleFeatures], members: &[usize]) -> Option<u32> {
    let mut sorted = members.to_vec();
    sorted.sort_unstable();
    let mut mass: HashMap<u32, f64> = HashMap::new();
    for idx in sorted {
        for (term, weight) in features[idx].entities.unit_terms() {
            *mass.entry(term).or_default() += weight;
        }
    }
    mass.into_iter()
        .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)))
        .map(|(term, _)| term)
}

fn mean_similarity(features: &[ArticleFeatures], a: &[usize], b: &[usize]) -> f64 {
    let total: f64 = a
        .iter()
        .flat_map(|&i| b.iter().map(move |&j| (i, j)))
        .map(|(i, j)| similarity(&features[i], &features[j]))
        .sum();
    total / (a.len() * b.len()) as f64
}

/// A fixed 64-bit key of an outlet's name, the same in every process (the
/// Spark job computes it in its executors): ASCII case and surrounding
/// spaces aside. `None` for an empty name.
fn outlet_key(outlet: &str) -> Option<u64> {
    let outlet = outlet.trim();
    if outlet.is_empty() {
        return None;
    }
    let mut hasher = FxHasher::default();
    for byte in outlet.bytes() {
        hasher.write_u8(byte.to_ascii_lowercase());
    }
    Some(hasher.finish())
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

    /// A dated article with a title (also used by `distributed`'s tests).
    pub(super) fn article(id: &str, title: &str, published: &str, body: &str) -> Article {
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

    /// Four runs of one text, each told on two days, the first three
    /// overlapping: they chain into one event of six days; the fourth, two
    /// days later, would stretch it to ten and stays apart.
    #[test]
    fn overlapping_runs_do_not_chain_past_a_week() {
        let days = ["2016-03-01", "2016-03-03", "2016-03-03", "2016-03-05"];
        let days = days
            .iter()
            .chain(&["2016-03-05", "2016-03-07", "2016-03-09", "2016-03-11"]);
        let articles: Vec<Article> = days
            .enumerate()
            .map(|(k, day)| article(&format!("a{k}"), "Senate approves budget bill", day, SENATE))
            .collect();
        check(&articles, &[&[0, 1, 2, 3, 4, 5], &[6, 7]]);
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

    /// A pirate capture told by four outlets: the shared names (`Gulf of
    /// Aden`, repeated) lead, `figure` is the detail all four report.
    fn pirate_capture(id: &str, figure: &str, detail: &str) -> Article {
        let body = format!(
            "The Indian Navy captured {figure} pirates in the Gulf of Aden on \
             Saturday after they attacked a merchant vessel. The Gulf of Aden \
             is a busy shipping lane, and warships have patrolled the Gulf of \
             Aden for months. Officials said the Gulf of Aden operation ended \
             without injuries, and ships in the Gulf of Aden sailed on. {detail}"
        );
        article(id, "Indian Navy captures pirates", "2016-03-05", &body)
    }

    #[test]
    fn two_captures_each_with_its_own_agreed_figure_stay_apart() {
        // Same words, same days and the same leading name; each cluster's
        // four articles agree on a figure the other never gives.
        let mut articles: Vec<Article> = (0..4)
            .map(|k| pirate_capture(&format!("a{k}"), "23", "Ships are often attacked."))
            .collect();
        articles
            .extend((0..4).map(|k| {
                pirate_capture(&format!("b{k}"), "26", "Ships are often attacked there.")
            }));
        check(&articles, &[&[0, 1, 2, 3], &[4, 5, 6, 7]]);
    }

    #[test]
    fn agreed_figure_on_one_side_only_still_joins() {
        // Later reports give a toll the first ones lacked: one event.
        let mut articles: Vec<Article> = (0..4)
            .map(|k| pirate_capture(&format!("a{k}"), "several", "Ships are often attacked."))
            .collect();
        articles
            .extend((0..4).map(|k| {
                pirate_capture(&format!("b{k}"), "23", "Ships are often attacked there.")
            }));
        check(&articles, &[&[0, 1, 2, 3, 4, 5, 6, 7]]);
    }

    #[test]
    fn two_small_clusters_each_with_many_own_names_stay_apart() {
        // Two outlets each on two captures: each pair names twelve crew
        // members the other pair never names.
        let crews = [
            "Abbott, Barker, Carter, Dalton, Ellis, Foster, Grant, Hayes, \
             Irwin, Jensen, Keller and Lawson",
            "Morgan, Nolan, Osborne, Porter, Quinn, Reyes, Sutton, Tucker, \
             Underwood, Vance, Walsh and Young",
        ];
        let articles: Vec<Article> = (0..4)
            .map(|k| {
                let detail = format!("Crew members {} were unhurt.", crews[k / 2]);
                pirate_capture(&format!("p{k}"), "several", &detail)
            })
            .collect();
        check(&articles, &[&[0, 1], &[2, 3]]);
    }

    #[test]
    fn two_small_clusters_with_a_few_own_names_join() {
        let crews = ["Abbott, Barker and Carter", "Morgan, Nolan and Osborne"];
        let articles: Vec<Article> = (0..4)
            .map(|k| {
                let detail = format!("Crew members {} were unhurt.", crews[k / 2]);
                pirate_capture(&format!("p{k}"), "several", &detail)
            })
            .collect();
        check(&articles, &[&[0, 1, 2, 3]]);
    }

    #[test]
    fn one_text_told_again_days_later_stays_two_events() {
        // Pairwise, the two runs are 3 to 5 days apart, which the date
        // damping alone forgives for identical words.
        let articles = [
            article("a", "Senate approves budget bill", "2016-03-01", SENATE),
            article("b", "Senate approves budget bill", "2016-03-02", SENATE),
            article("c", "Senate approves budget bill", "2016-03-05", SENATE),
            article("d", "Senate approves budget bill", "2016-03-06", SENATE),
        ];
        check(&articles, &[&[0, 1], &[2, 3]]);
    }

    fn from(outlet: &str, mut article: Article) -> Article {
        article.outlet = Some(outlet.to_string());
        article
    }

    /// One outlet tells a story once: its two articles on the budget, two
    /// days apart, are the vote and a later story on the same bill, while
    /// another outlet's article two days later, or the same outlet's the
    /// next day, may still be the vote (the outlet's name compared without
    /// case or surrounding spaces).
    #[test]
    fn one_outlets_articles_two_days_apart_stay_apart() {
        let days = |outlets: [&str; 2], second: &str| {
            [
                from(
                    outlets[0],
                    article("a", "Senate approves budget bill", "2016-03-01", SENATE),
                ),
                from(
                    outlets[1],
                    article("b", "Senate approves budget bill", second, SENATE),
                ),
            ]
        };
        check(
            &days(["Daily Post", " daily post"], "2016-03-03"),
            &[&[0], &[1]],
        );
        check(
            &days(["Daily Post", "Evening Star"], "2016-03-03"),
            &[&[0, 1]],
        );
        check(
            &days(["Daily Post", "Daily Post"], "2016-03-02"),
            &[&[0, 1]],
        );
        let mut undated = days(["Daily Post", "Daily Post"], "2016-03-03");
        undated[1].published = None;
        check(&undated, &[&[0, 1]]);
    }

    #[test]
    fn one_late_article_still_joins_its_event() {
        let articles = [
            article("a", "Senate approves budget bill", "2016-03-01", SENATE),
            article("b", "Senate approves budget bill", "2016-03-02", SENATE),
            article("c", "Senate approves budget bill", "2016-03-05", SENATE),
        ];
        check(&articles, &[&[0, 1, 2]]);
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

    /// Mean similarity of article `lone` with the articles `cluster`, as the
    /// second pass computes it.
    fn mean_with(articles: &[Article], lone: usize, cluster: &[usize]) -> f64 {
        let mut features = EventFeatures::default();
        features.add(articles);
        let stem_idf = features.stems.idf(articles.len());
        let entity_idf = features.entities.idf(articles.len());
        let all = features.weighted(&stem_idf, &entity_idf);
        mean_similarity(&all, &[lone], cluster)
    }

    /// An opinion piece on the budget deal: it shares too few words with
    /// the news reports to pass `LINK_THRESHOLD`.
    const BUDGET_OPINION: &str = "Opinion: the deal Senator Delgado struck \
        leaves rural roads behind. Lawmakers who cheered it should drive the \
        roads they forgot.";

    #[test]
    fn lone_article_joins_its_one_clear_partner() {
        let articles = [
            article("a", "Senate approves budget bill", "2016-03-01", SENATE),
            article("b", "Storm floods Oregon coast", "2016-03-01", STORM),
            article("c", "Budget bill passes the Senate", "2016-03-02", SENATE),
            article(
                "d",
                "A deal that forgets our roads",
                "2016-03-02",
                BUDGET_OPINION,
            ),
        ];
        let with_budget = mean_with(&articles, 3, &[0, 2]);
        assert!((LONE_THRESHOLD..LINK_THRESHOLD).contains(&with_budget));
        assert_eq!(mean_with(&articles, 3, &[1]), 0.0);
        check(&articles, &[&[0, 2, 3], &[1]]);
    }

    #[test]
    fn lone_article_near_two_stories_stays_alone() {
        // Nearer the budget reports, but not twice as near as the storm's.
        let opinion = "Opinion: the deal Senator Delgado struck leaves rural \
            roads behind; ask the coastal towns the powerful storm flooded as \
            rivers rose.";
        let articles = [
            article("a", "Senate approves budget bill", "2016-03-01", SENATE),
            article("b", "Storm floods Oregon coast", "2016-03-01", STORM),
            article("c", "Budget bill passes the Senate", "2016-03-02", SENATE),
            article("d", "A deal that forgets our roads", "2016-03-02", opinion),
            article("e", "Oregon towns flooded by storm", "2016-03-02", STORM),
        ];
        let with_budget = mean_with(&articles, 3, &[0, 2]);
        let with_storm = mean_with(&articles, 3, &[1, 4]);
        assert!((LONE_THRESHOLD..LINK_THRESHOLD).contains(&with_budget));
        assert!(with_storm >= LONE_THRESHOLD && with_budget < LONE_MARGIN * with_storm);
        check(&articles, &[&[0, 2], &[1, 4], &[3]]);
    }

    #[test]
    fn two_lone_articles_join_each_other() {
        // Neither passes `LINK_THRESHOLD` with the other; nothing else is near.
        let articles = [
            article("a", "Storm floods Oregon coast", "2016-03-01", STORM),
            article(
                "b",
                "A deal that forgets our roads",
                "2016-03-02",
                BUDGET_OPINION,
            ),
            article("c", "Senate approves budget bill", "2016-03-01", SENATE),
        ];
        let with_report = mean_with(&articles, 1, &[2]);
        assert!((LONE_THRESHOLD..LINK_THRESHOLD).contains(&with_report));
        check(&articles, &[&[0], &[1, 2]]);
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2011-04-07T10:00:00Z"), Some(15071));
        assert_eq!(day_number("April"), None);
    }
}
