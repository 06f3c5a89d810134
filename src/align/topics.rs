//! Topic-level alignment: statements on one matter, worded differently.
//!
//! Takes the event's statement features and the claim-level alignments
//! already made; gives pairs `(similarity, i, j)`, `i < j`, of statements
//! from two articles that report the same matter in other words ("a test of
//! whether the Russians are serious" / "whether the Russians were genuinely
//! committed"). Lexical similarity of such paraphrases is only 0.2–0.3, far
//! below the claim threshold, so this tier compares topic terms instead:
//! content stems with paraphrase groups folded in (`synonyms`) plus the
//! statement's key terms, by TF-IDF cosine, with the same-speaker bonus.
//! A direct quotation also counts the words of the sentence before it: news
//! writing states a point, then quotes the speaker making it ("The U.S.
//! clarified these were preliminary talks. “I don't think people should see
//! this as ... moving forward,” Bruce said."), and the quote alone often
//! names none of the matter's words.
//!
//! A pair is made only between statements that have no claim-level
//! counterpart in each other's article (so a wire copy, aligned claim by
//! claim, gains nothing here and its omissions stay omissions). Each
//! statement joins its best match in each other article, and the matches
//! within `NEAR_BEST_RATIO` of it: a lexical score cannot tell such
//! near-ties apart. A statement can be the match of several (one outlet's
//! sentence covering what another says in two), so topic alignments are
//! pairs and a statement may sit in more than one.

use std::collections::{BTreeMap, HashSet};

use super::statements::{candidate_pairs, speaker_bonus, StatementFeatures};
use crate::model::{Range, Statement, StatementKind};

/// Topic similarity a pair needs. Paraphrases of one claim across outlets
/// score about 0.25–0.5 here; unrelated sentences of one event mostly
/// below 0.15.
pub(super) const TOPIC_THRESHOLD: f64 = 0.2;
/// Matches scoring at least this share of a statement's best match in the
/// same article are kept beside it.
const NEAR_BEST_RATIO: f64 = 0.9;
/// How far back (bytes) a sentence boundary is looked for.
const MAX_CONTEXT_BYTES: usize = 400;

/// Topic-level pairs, sorted by `(i, j)`; `claimed` holds the members of
/// each claim-level alignment.
pub(super) fn topic_pairs(
    features: &[StatementFeatures],
    claimed: &[&[usize]],
) -> Vec<(f64, usize, usize)> {
    let has_claim = claim_counterparts(features, claimed);
    let free = |i: usize, j: usize| {
        !has_claim.contains(&(i, features[j].reference.article_idx))
            && !has_claim.contains(&(j, features[i].reference.article_idx))
    };
    let scored: Vec<(f64, usize, usize)> = candidate_pairs(features, topic_keys)
        .into_iter()
        .filter(|&(i, j)| free(i, j))
        .map(|(i, j)| (topic_similarity(&features[i], &features[j]), i, j))
        .filter(|(similarity, _, _)| *similarity >= TOPIC_THRESHOLD)
        .collect();
    best_per_article(features, scored)
}

/// `(statement, other article)` for every statement that has a claim-level
/// counterpart in that article.
fn claim_counterparts(
    features: &[StatementFeatures],
    claimed: &[&[usize]],
) -> HashSet<(usize, usize)> {
    let mut has_claim = HashSet::new();
    for members in claimed {
        for &member in *members {
            for &other in *members {
                has_claim.insert((member, features[other].reference.article_idx));
            }
        }
    }
    has_claim
}

/// Candidate keys for topic matching: topic terms and the speaker.
fn topic_keys(feature: &StatementFeatures) -> Vec<String> {
    let mut keys: Vec<String> = feature
        .topic_terms
        .iter()
        .map(|term| format!("s:{term}"))
        .collect();
    if let Some(speaker) = &feature.speaker {
        keys.push(format!("p:{speaker}"));
    }
    keys
}

/// Cosine of the topic vectors plus the same-speaker bonus, in [0, 1].
pub(super) fn topic_similarity(a: &StatementFeatures, b: &StatementFeatures) -> f64 {
    (a.topic_vector.cosine(&b.topic_vector) + speaker_bonus(a, b)).min(1.0)
}

/// Keeps the pairs that are, for one of their statements, the best match
/// in the other's article or within `NEAR_BEST_RATIO` of it; sorted by
/// `(i, j)` as `scored` comes.
fn best_per_article(
    features: &[StatementFeatures],
    scored: Vec<(f64, usize, usize)>,
) -> Vec<(f64, usize, usize)> {
    let side_keys = |&(_, i, j): &(f64, usize, usize)| {
        [
            (i, features[j].reference.article_idx),
            (j, features[i].reference.article_idx),
        ]
    };
    // (statement, other article) → similarity of its best pair there.
    let mut best: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for pair in &scored {
        for key in side_keys(pair) {
            let entry = best.entry(key).or_insert(pair.0);
            *entry = entry.max(pair.0);
        }
    }
    scored
        .into_iter()
        .filter(|pair| {
            side_keys(pair)
                .iter()
                .any(|key| pair.0 >= NEAR_BEST_RATIO * best[key])
        })
        .collect()
}

/// For a direct quotation, the sentence before the one it stands in (see
/// the module comment); `None` for other kinds or at the start of the body.
pub(super) fn quote_context(body: &str, statement: &Statement) -> Option<Range> {
    if statement.kind != StatementKind::Direct {
        return None;
    }
    let own_start = sentence_start(body, statement.content.start);
    let end = body[..own_start].trim_end().len();
    let start = sentence_start(body, end);
    (start < end).then(|| Range::new(start, end))
}

/// Where the sentence holding byte `pos` starts: just after a line break or
/// after whitespace that follows a sentence end (`.`, `?`, `!`, closing
/// quotes allowed) and comes before a capital, digit or opening quote (so
/// that "the U.S. clarified" is one sentence), at most `MAX_CONTEXT_BYTES`
/// back.
fn sentence_start(body: &str, pos: usize) -> usize {
    let floor = pos.saturating_sub(MAX_CONTEXT_BYTES);
    let mut start = pos;
    while start > floor {
        let Some((offset, c)) = body[..start].char_indices().next_back() else {
            break;
        };
        let boundary =
            c.is_whitespace() && ends_sentence(&body[..offset]) && opens_sentence(&body[start..]);
        if c == '\n' || boundary {
            break;
        }
        start = offset;
    }
    start
}

/// Whether `text` starts the way a sentence does.
fn opens_sentence(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\u{201c}\"'(".contains(c))
}

/// Whether `text` ends a sentence, closing quotes and brackets aside.
fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['\u{201d}', '"', '\'', '\u{2019}', ')']);
    trimmed.ends_with(['.', '?', '!'])
}
