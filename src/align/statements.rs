//! Statement alignment within one event.
//!
//! Takes the event's articles and their extractions; gives alignments (at
//! most one statement per article, ordered by article) and the statements
//! left without a counterpart. Similarity is the mean of TF-IDF cosine over
//! content-word stems and over character trigrams (the best lexical measure
//! in `techniques.md`), plus a bonus when the canonical speaker is the same.
//! Numbers and negations are left out of both: they are compared by `score`.
//! These are claim-level alignments; statements left without one then get
//! topic-level counterparts from `topics` (paraphrases on the same matter),
//! and only statements with neither, nor a related statement elsewhere
//! (see `topics::TopicMatches::related`), are listed in `only_in`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::synonyms::{topic_term, topic_terms};
use super::topics::{quote_context, topic_pairs};
use super::vectors::{tfidf_vectors, SparseVector};
use crate::model::{Alignment, AlignmentLevel, Article, Extraction, StatementKind, StatementRef};
use crate::text::lexicon::is_stopword;
use crate::text::numbers::is_number;
use crate::text::tokens::{char_trigrams, content_stems, tokenize, Token};

/// Similarity a pair of statements needs to be aligned.
const MATCH_THRESHOLD: f64 = 0.5;
/// Added to the similarity of two statements with the same canonical speaker.
const SAME_SPEAKER_BONUS: f64 = 0.1;
/// Terms in more statements than this do not generate candidate pairs.
pub(super) const MAX_CANDIDATE_DF: usize = 40;
/// Words in an alignment's topic.
const TOPIC_WORDS: usize = 3;

/// What alignment needs to know of one statement, computed once.
pub(super) struct StatementFeatures {
    pub reference: StatementRef,
    pub speaker: Option<String>,
    pub kind: StatementKind,
    pub tokens: Vec<Token>,
    /// The normalised words joined by spaces: equal strings mean equal text.
    pub exact_key: String,
    pub stems: Vec<String>,
    pub stem_vector: SparseVector,
    pub trigram_vector: SparseVector,
    /// Content stems with paraphrase groups folded in, plus the key terms
    /// (see `synonyms::topic_terms`): what the topic tier compares.
    pub topic_terms: Vec<String>,
    /// How many of `topic_terms` come from the statement's own words (the
    /// rest from the sentence before a quotation).
    pub n_own_topic_terms: usize,
    pub topic_vector: SparseVector,
}

/// Aligned statements and the statements without a counterpart.
pub(crate) struct EventAlignment {
    pub alignments: Vec<Alignment>,
    pub only_in: Vec<StatementRef>,
    /// See `Event::related`.
    pub related: Vec<StatementRef>,
    /// See `Event::copies`.
    pub copies: Vec<(usize, usize)>,
}

/// Aligns the statements of the articles `article_idxs` (ascending).
pub(crate) fn align_event(
    articles: &[Article],
    extractions: &[Extraction],
    article_idxs: &[usize],
) -> EventAlignment {
    if article_idxs.len() < 2 {
        return EventAlignment {
            alignments: Vec::new(),
            only_in: Vec::new(),
            related: Vec::new(),
            copies: Vec::new(),
        };
    }
    let features = statement_features(articles, extractions, article_idxs);
    let mut pairs = matched_pairs(&features);
    // Slot pairs are made only between near copies, so they never change
    // which articles are near copies.
    let copies = copy_pairs(&features, &pairs);
    pairs.extend(copy_slot_pairs(&features, &pairs, &copies));
    let groups = merge_pairs(&features, &pairs);
    let mut matched = vec![false; features.len()];
    let mut alignments: Vec<Alignment> = groups
        .iter()
        .map(|(members, similarities)| {
            members.iter().for_each(|&member| matched[member] = true);
            alignment(&features, members, similarities)
        })
        .collect();
    let claimed: Vec<&[usize]> = groups.iter().map(|(members, _)| &members[..]).collect();
    let topics = topic_pairs(&features, &claimed, &copies);
    for (similarity, i, j) in topics.pairs {
        matched[i] = true;
        matched[j] = true;
        alignments.push(topic_alignment(&features, i, j, similarity));
    }
    // A statement with a related one elsewhere may be carried there in
    // other words: not listed as said only here. A quotation is a voice
    // only its own words carry.
    let mut related: Vec<usize> = topics
        .related
        .into_iter()
        .filter(|&i| !matched[i] && features[i].kind != StatementKind::Direct)
        .collect();
    related.sort_unstable();
    for &i in &related {
        matched[i] = true;
    }
    let related = related.iter().map(|&i| features[i].reference).collect();
    let only_in = features
        .iter()
        .zip(&matched)
        .filter(|(statement, matched)| !**matched && worth_listing(statement))
        .map(|(statement, _)| statement.reference)
        .collect();
    EventAlignment {
        alignments,
        only_in,
        related,
        copies: copies.into_iter().collect(),
    }
}

fn statement_features(
    articles: &[Article],
    extractions: &[Extraction],
    article_idxs: &[usize],
) -> Vec<StatementFeatures> {
    let mut features = Vec::new();
    let mut stem_documents = Vec::new();
    let mut trigram_documents = Vec::new();
    for &article_idx in article_idxs {
        let body = &articles[article_idx].body;
        for (statement_idx, statement) in extractions[article_idx].statements.iter().enumerate() {
            let tokens = tokenize(body, statement.content);
            let mut topic_terms = topic_terms(&tokens, &statement.topics);
            let n_own_topic_terms = topic_terms.len();
            if let Some(context) = quote_context(body, statement) {
                topic_terms.extend(super::synonyms::topic_terms(&tokenize(body, context), &[]));
            }
            stem_documents.push(content_stems(&tokens));
            trigram_documents.push(char_trigrams(&tokens));
            let exact_key = tokens
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            features.push(StatementFeatures {
                reference: StatementRef {
                    article_idx,
                    statement_idx,
                },
                speaker: statement.speaker.name.clone(),
                kind: statement.kind,
                tokens,
                exact_key,
                stems: Vec::new(),
                stem_vector: SparseVector::default(),
                trigram_vector: SparseVector::default(),
                topic_terms,
                n_own_topic_terms,
                topic_vector: SparseVector::default(),
            });
        }
    }
    let (_, stem_vectors) = tfidf_vectors(&stem_documents);
    let (_, trigram_vectors) = tfidf_vectors(&trigram_documents);
    let topic_documents: Vec<Vec<String>> =
        features.iter().map(|f| f.topic_terms.clone()).collect();
    let (_, topic_vectors) = tfidf_vectors(&topic_documents);
    for ((((feature, stems), stem_vector), trigram_vector), topic_vector) in features
        .iter_mut()
        .zip(stem_documents)
        .zip(stem_vectors)
        .zip(trigram_vectors)
        .zip(topic_vectors)
    {
        feature.stems = stems;
        feature.stem_vector = stem_vector;
        feature.trigram_vector = trigram_vector;
        feature.topic_vector = topic_vector;
    }
    features
}

/// Similarity of two statements in [0, 1]; 1 for the same words.
fn similarity(a: &StatementFeatures, b: &StatementFeatures) -> f64 {
    if a.exact_key == b.exact_key {
        return 1.0;
    }
    let lexical =
        (a.stem_vector.cosine(&b.stem_vector) + a.trigram_vector.cosine(&b.trigram_vector)) / 2.0;
    (lexical + speaker_bonus(a, b)).min(1.0)
}

/// `SAME_SPEAKER_BONUS` when both statements have one canonical speaker.
pub(super) fn speaker_bonus(a: &StatementFeatures, b: &StatementFeatures) -> f64 {
    if a.speaker.is_some() && a.speaker == b.speaker {
        SAME_SPEAKER_BONUS
    } else {
        0.0
    }
}

/// Candidate keys for claim-level matching: stems, the exact words, the speaker.
fn claim_keys(feature: &StatementFeatures) -> Vec<String> {
    let mut keys: Vec<String> = feature
        .stems
        .iter()
        .map(|stem| format!("s:{stem}"))
        .collect();
    keys.push(format!("x:{}", feature.exact_key));
    if let Some(speaker) = &feature.speaker {
        keys.push(format!("p:{speaker}"));
    }
    keys
}

/// Candidate pairs `(i, j)`, `i < j`, from different articles that share a
/// key of `keys_of`; a term key (`s:`) held by more than `MAX_CANDIDATE_DF`
/// statements generates none, so huge events are never compared all pairs.
pub(super) fn candidate_pairs(
    features: &[StatementFeatures],
    keys_of: impl Fn(&StatementFeatures) -> Vec<String>,
) -> Vec<(usize, usize)> {
    let mut buckets: HashMap<String, Vec<usize>> = HashMap::new();
    for (idx, feature) in features.iter().enumerate() {
        let mut keys = keys_of(feature);
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            buckets.entry(key).or_default().push(idx);
        }
    }
    let mut pairs = Vec::new();
    for (key, members) in &buckets {
        if members.len() > MAX_CANDIDATE_DF && key.starts_with("s:") {
            continue;
        }
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                if features[i].reference.article_idx != features[j].reference.article_idx {
                    pairs.push((i.min(j), i.max(j)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Greedy one-to-one matching per article pair, by descending similarity
/// (ties by statement order); gives `(similarity, i, j)` sorted the same way.
fn matched_pairs(features: &[StatementFeatures]) -> Vec<(f64, usize, usize)> {
    let mut scored: Vec<(f64, usize, usize)> = candidate_pairs(features, claim_keys)
        .into_iter()
        .map(|(i, j)| (similarity(&features[i], &features[j]), i, j))
        .filter(|(sim, _, _)| *sim >= MATCH_THRESHOLD)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    // A statement is used once per other article: key (statement, other article).
    let mut used: HashMap<(usize, usize), ()> = HashMap::new();
    scored
        .into_iter()
        .filter(|&(_, i, j)| {
            let key_i = (i, features[j].reference.article_idx);
            let key_j = (j, features[i].reference.article_idx);
            if used.contains_key(&key_i) || used.contains_key(&key_j) {
                return false;
            }
            used.insert(key_i, ());
            used.insert(key_j, ());
            true
        })
        .collect()
}

/// Share of words two statements in one slot of a near copy keep, in
/// order, to be one statement edited.
const MIN_SLOT_WORD_SHARE: f64 = 0.6;
/// Words a statement of a slot must keep for its own share to count.
const MIN_SLOT_KEPT_WORDS: usize = 6;

/// In near copies, a statement edited beyond the lexical threshold ("I
/// don't know that she didn't know" / "I don't understand that she didn't
/// understand"): when one statement of each article is left between the
/// same two matched neighbours, and they keep most words in order, they
/// are one statement. Gives `(similarity, i, j)` with the word share as
/// similarity.
fn copy_slot_pairs(
    features: &[StatementFeatures],
    pairs: &[(f64, usize, usize)],
    copies: &BTreeSet<(usize, usize)>,
) -> Vec<(f64, usize, usize)> {
    let by_article = statements_by_article(features);
    let article = |i: usize| features[i].reference.article_idx;
    let mut found = Vec::new();
    for &(x, y) in copies {
        let (xs, ys) = (&by_article[&x], &by_article[&y]);
        let mut anchors: Vec<(usize, usize)> = pairs
            .iter()
            .filter_map(|&(_, i, j)| match (article(i), article(j)) {
                (a, b) if a == x && b == y => Some((i, j)),
                (a, b) if a == y && b == x => Some((j, i)),
                _ => None,
            })
            .collect();
        anchors.sort_unstable();
        // Slots between consecutive anchors that keep the order.
        let position = |list: &Vec<usize>, i: usize| list.binary_search(&i).ok();
        let mut previous: (Option<usize>, Option<usize>) = (None, None);
        let ends = anchors
            .iter()
            .map(|&(i, j)| (position(xs, i), position(ys, j)))
            .chain(std::iter::once((Some(xs.len()), Some(ys.len()))));
        for (next_x, next_y) in ends {
            let (Some(next_x), Some(next_y)) = (next_x, next_y) else {
                continue;
            };
            let from_x = previous.0.map_or(0, |p| p + 1);
            let from_y = previous.1.map_or(0, |p| p + 1);
            if next_x < from_x || next_y < from_y {
                continue;
            }
            if next_x - from_x == 1 && next_y - from_y == 1 {
                let (i, j) = (xs[from_x], ys[from_y]);
                if let Some(share) = slot_share(&features[i], &features[j]) {
                    found.push((share, i.min(j), i.max(j)));
                }
            }
            previous = (Some(next_x), Some(next_y));
        }
    }
    found
}

/// The share of the longer statement's words that two statements of one
/// slot keep in order, when it reaches `MIN_SLOT_WORD_SHARE`, or when the
/// shorter keeps that share of its own words and at least
/// `MIN_SLOT_KEPT_WORDS` (a copy that cut the quotation's second part).
fn slot_share(a: &StatementFeatures, b: &StatementFeatures) -> Option<f64> {
    let (kept, longer, shorter) = kept_words(a, b);
    let share = |length: usize| kept as f64 / length.max(1) as f64;
    (share(longer) >= MIN_SLOT_WORD_SHARE
        || kept >= MIN_SLOT_KEPT_WORDS && share(shorter) >= MIN_SLOT_WORD_SHARE)
        .then(|| share(longer))
}

/// Words two statements keep in order, and the lengths of the longer and
/// the shorter.
fn kept_words(a: &StatementFeatures, b: &StatementFeatures) -> (usize, usize, usize) {
    fn words(f: &StatementFeatures) -> Vec<&str> {
        f.tokens.iter().map(|t| t.norm.as_str()).collect()
    }
    let (old, new) = (words(a), words(b));
    let kept = similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new)
        .iter()
        .filter(|op| op.tag() == similar::DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum();
    (kept, old.len().max(new.len()), old.len().min(new.len()))
}

/// Each article's statements (feature indexes, in order).
fn statements_by_article(features: &[StatementFeatures]) -> BTreeMap<usize, Vec<usize>> {
    let mut by_article: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, feature) in features.iter().enumerate() {
        by_article
            .entry(feature.reference.article_idx)
            .or_default()
            .push(i);
    }
    by_article
}

/// Article pairs `(x, y)`, `x < y`, that are near copies by the matched
/// statement pairs between them (`super::near_copy`; the words two
/// statements keep in order are diffed only for short articles).
fn copy_pairs(
    features: &[StatementFeatures],
    pairs: &[(f64, usize, usize)],
) -> BTreeSet<(usize, usize)> {
    let by_article = statements_by_article(features);
    let mut between: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for &(_, i, j) in pairs {
        let (x, y) = (
            features[i].reference.article_idx,
            features[j].reference.article_idx,
        );
        between
            .entry((x.min(y), x.max(y)))
            .or_default()
            .push((i, j));
    }
    between
        .into_iter()
        .filter(|((x, y), matched)| {
            let mean_word_share = || {
                let total: f64 = matched
                    .iter()
                    .map(|&(i, j)| {
                        let (kept, longer, _) = kept_words(&features[i], &features[j]);
                        kept as f64 / longer.max(1) as f64
                    })
                    .sum();
                total / matched.len() as f64
            };
            super::near_copy(
                matched.len(),
                by_article[x].len(),
                by_article[y].len(),
                mean_word_share,
            )
        })
        .map(|(pair, _)| pair)
        .collect()
}

/// Joins matched pairs into groups holding at most one statement per
/// article, strongest pairs first; gives each group's members (ascending)
/// and the similarities of the pairs that built it.
fn merge_pairs(
    features: &[StatementFeatures],
    pairs: &[(f64, usize, usize)],
) -> Vec<(Vec<usize>, Vec<f64>)> {
    let mut group_of: Vec<usize> = (0..features.len()).collect();
    let mut groups: Vec<(Vec<usize>, Vec<f64>)> =
        (0..features.len()).map(|i| (vec![i], Vec::new())).collect();
    for &(sim, i, j) in pairs {
        let (a, b) = (group_of[i], group_of[j]);
        if a == b {
            groups[a].1.push(sim);
            continue;
        }
        let article = |idx: &usize| features[*idx].reference.article_idx;
        let clash = groups[a]
            .0
            .iter()
            .any(|x| groups[b].0.iter().any(|y| article(x) == article(y)));
        if clash {
            continue;
        }
        let (keep, absorb) = (a.min(b), a.max(b));
        let (members, sims) = std::mem::take(&mut groups[absorb]);
        members.iter().for_each(|&member| group_of[member] = keep);
        groups[keep].0.extend(members);
        groups[keep].1.extend(sims);
        groups[keep].1.push(sim);
    }
    let mut merged: Vec<(Vec<usize>, Vec<f64>)> =
        groups.into_iter().filter(|(m, _)| m.len() > 1).collect();
    merged
        .iter_mut()
        .for_each(|(members, _)| members.sort_unstable());
    merged.sort_by_key(|(members, _)| members[0]);
    merged
}

fn alignment(features: &[StatementFeatures], members: &[usize], similarities: &[f64]) -> Alignment {
    let agreement = similarities.iter().sum::<f64>() / similarities.len().max(1) as f64;
    Alignment {
        topic: topic(features, members, |f| &f.stems, crate::text::stems::stem),
        agreement: agreement.clamp(0.0, 1.0),
        statements: members.iter().map(|&m| features[m].reference).collect(),
        level: AlignmentLevel::Claim,
    }
}

/// A topic-level alignment of statements `i < j`: its agreement is the
/// topic similarity itself, weaker than any claim-level match.
fn topic_alignment(
    features: &[StatementFeatures],
    i: usize,
    j: usize,
    similarity: f64,
) -> Alignment {
    Alignment {
        topic: topic(features, &[i, j], |f| &f.topic_terms, topic_term),
        agreement: similarity.clamp(0.0, 1.0),
        statements: vec![features[i].reference, features[j].reference],
        level: AlignmentLevel::Topic,
    }
}

/// Up to `TOPIC_WORDS` words of the first statement whose terms (`term_of`
/// a word, looked up in `terms_of` each member) every member shares, the
/// rarest (longest) first, in text order.
fn topic(
    features: &[StatementFeatures],
    members: &[usize],
    terms_of: impl Fn(&StatementFeatures) -> &Vec<String>,
    term_of: impl Fn(&str) -> String,
) -> String {
    let first = &features[members[0]];
    let mut chosen: BTreeMap<(std::cmp::Reverse<usize>, usize), &str> = BTreeMap::new();
    let mut seen = Vec::new();
    for (position, token) in first.tokens.iter().enumerate() {
        if is_stopword(&token.norm) || is_number(&token.norm) || token.norm.len() < 3 {
            continue;
        }
        let stem = term_of(&token.norm);
        let shared = members[1..]
            .iter()
            .all(|&m| terms_of(&features[m]).contains(&stem));
        if shared && !seen.contains(&stem) {
            chosen.insert((std::cmp::Reverse(token.norm.len()), position), &token.norm);
            seen.push(stem);
        }
    }
    let mut words: Vec<(usize, &str)> = chosen
        .into_iter()
        .take(TOPIC_WORDS)
        .map(|((_, p), w)| (p, w))
        .collect();
    words.sort_unstable();
    words
        .into_iter()
        .map(|(_, w)| w)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether an unmatched statement belongs in `only_in`: every attributed
/// statement does; narration only when it carries a number or a name (a
/// capitalised word past the first), so that connective sentences an outlet
/// words its own way do not flood the list.
fn worth_listing(statement: &StatementFeatures) -> bool {
    if statement.kind != StatementKind::Narration {
        return true;
    }
    statement.tokens.iter().any(|t| is_number(&t.norm))
        || statement
            .tokens
            .iter()
            .skip(1)
            .any(|t| t.capitalised && !is_stopword(&t.norm))
}
