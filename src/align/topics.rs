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
//! Similarity alone pairs statements that share a common word of the event
//! ("president", "budget", the main actor's name): on real coverage most
//! such rows were unrelated. So a pair also needs the same specific matter:
//! neither statement a fragment (nor a headline in title case), and two
//! topic terms in their own words (not the context) that few of the event's
//! statements hold, or one such term at a higher similarity; and a quarter
//! of their own topic terms in common (`own_words_overlap`): on real
//! coverage, pairs sharing a specific term or two but little else were
//! mostly two actors or two claims of one theme. And one of the terms they
//! share must be written in lower case in both (a word of what is said or
//! done, `shares_a_lower_case_word`): pairs sharing only names ("the United
//! States", "the Islamic State", "Donald Trump") were two claims about the
//! same people. Pairs that fail a test are `related`, not rows.
//!
//! A pair is made only between statements that have no claim-level
//! counterpart in each other's article (so a wire copy, aligned claim by
//! claim, gains nothing here and its omissions stay omissions). Each
//! statement joins its best match in each other article, and the matches
//! within `NEAR_BEST_RATIO` of it: a lexical score cannot tell such
//! near-ties apart. A statement can be the match of several (one outlet's
//! sentence covering what another says in two), so topic alignments are
//! pairs and a statement may sit in more than one.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::statements::{candidate_pairs, speaker_bonus, StatementFeatures};
use super::synonyms::topic_terms;
use crate::model::{Range, Statement, StatementKind};
use crate::text::tokens::{is_title_case, Token};

/// Topic similarity a pair needs. Paraphrases of one claim across outlets
/// score about 0.25–0.5 here; unrelated sentences of one event mostly
/// below 0.15.
pub(super) const TOPIC_THRESHOLD: f64 = 0.2;
/// Matches scoring at least this share of a statement's best match in the
/// same article are kept beside it.
const NEAR_BEST_RATIO: f64 = 0.9;
/// Content words a statement needs to take part in a topic pair.
const MIN_TOPIC_WORDS: usize = 4;
/// Distinct specific topic terms two statements of a topic pair share in
/// their own words...
const MIN_SHARED_TOPIC_TERMS: usize = 2;
/// ...or one, when their topic similarity reaches this.
const ONE_TERM_THRESHOLD: f64 = 0.27;
/// A topic term in more than this share of an event's statements is common
/// there, and sharing it says little.
const MAX_SPECIFIC_SHARE: f64 = 0.08;
/// ...and in more than this many (a small event's main names recur in a
/// few statements without being common).
const MIN_COMMON_DF: f64 = 4.0;
/// Content stems of their own words two statements of a topic row share...
const MIN_OWN_SHARED: usize = 3;
/// ...and the Jaccard overlap of those stems they need.
const MIN_OWN_JACCARD: f64 = 0.25;
/// How far back (bytes) a sentence boundary is looked for.
const MAX_CONTEXT_BYTES: usize = 400;

/// What the topic tier finds in one event.
pub(super) struct TopicMatches {
    /// Topic-level pairs `(similarity, i, j)`, sorted by `(i, j)`.
    pub pairs: Vec<(f64, usize, usize)>,
    /// Statements with a related statement in another article (the best
    /// topic match there, by similarity alone), in a row or not: such a
    /// statement may be carried there in other words, so it is not listed
    /// as said only here.
    pub related: HashSet<usize>,
}

/// Topic-level pairs and related statements; `claimed` holds the members
/// of each claim-level alignment.
pub(super) fn topic_pairs(
    features: &[StatementFeatures],
    claimed: &[&[usize]],
    copies: &BTreeSet<(usize, usize)>,
) -> TopicMatches {
    let has_claim = claim_counterparts(features, claimed);
    let article_of = |idx: usize| features[idx].reference.article_idx;
    // Topic pairs line up what people said; the outlets' own narration is
    // compared only where it matches claim for claim.
    let attributed = |i: usize| features[i].kind != StatementKind::Narration;
    let free = |i: usize, j: usize| {
        attributed(i)
            && attributed(j)
            && !has_claim.contains(&(i, article_of(j)))
            && !has_claim.contains(&(j, article_of(i)))
            && !copies.contains(&(
                article_of(i).min(article_of(j)),
                article_of(i).max(article_of(j)),
            ))
    };
    let scored: Vec<(f64, usize, usize)> = candidate_pairs(features, topic_keys)
        .into_iter()
        .filter(|&(i, j)| free(i, j))
        .map(|(i, j)| (topic_similarity(&features[i], &features[j]), i, j))
        .filter(|(similarity, _, _)| *similarity >= TOPIC_THRESHOLD)
        .collect();
    let related = best_per_article(article_of, scored.clone())
        .into_iter()
        .flat_map(|(_, i, j)| [i, j])
        .collect();
    let common = common_terms(features);
    let specific: Vec<(f64, usize, usize)> = scored
        .into_iter()
        .filter(|&(similarity, i, j)| {
            shared_specific_terms(&features[i], &features[j], &common).is_some_and(|shared| {
                shared >= MIN_SHARED_TOPIC_TERMS
                    || (shared >= 1 && similarity >= ONE_TERM_THRESHOLD)
            }) && own_words_overlap(&features[i], &features[j])
                && shares_a_lower_case_word(&features[i], &features[j])
        })
        .collect();
    TopicMatches {
        pairs: best_per_article(article_of, specific),
        related,
    }
}

/// How many topic terms, specific in the event, two statements share in
/// their own words; `None` when one of them is a fragment (fewer than
/// `MIN_TOPIC_WORDS` content words: "the server", "on tax rates"). Common
/// words of the event ("budget", "president", the main actor's name) do
/// not count: many of its statements hold them.
fn shared_specific_terms(
    a: &StatementFeatures,
    b: &StatementFeatures,
    common: &HashSet<&str>,
) -> Option<usize> {
    if a.stems.len() < MIN_TOPIC_WORDS
        || b.stems.len() < MIN_TOPIC_WORDS
        || is_title_case(&a.tokens)
        || is_title_case(&b.tokens)
    {
        return None;
    }
    fn specific<'a>(f: &'a StatementFeatures, common: &HashSet<&str>) -> HashSet<&'a str> {
        f.topic_terms[..f.n_own_topic_terms]
            .iter()
            .map(String::as_str)
            .filter(|term| !common.contains(term))
            .collect()
    }
    Some(
        specific(a, common)
            .intersection(&specific(b, common))
            .count(),
    )
}

/// Whether two statements say much in the same words of their own:
/// `MIN_OWN_SHARED` content stems in common and a Jaccard overlap of
/// `MIN_OWN_JACCARD`. Topic terms (paraphrase groups, key terms, the
/// sentence before a quotation) find statements on one theme; on real
/// coverage half of the pairs they alone made were two actors or two claims
/// of that theme ("Romney called on Akin to quit" / "Republicans urged Akin
/// to drop out" stays; "Akin refused" / "Republicans urged" goes to
/// `related`).
fn own_words_overlap(a: &StatementFeatures, b: &StatementFeatures) -> bool {
    let own = |f: &'_ StatementFeatures| -> HashSet<String> {
        f.topic_terms[..f.n_own_topic_terms]
            .iter()
            .cloned()
            .collect()
    };
    let (x, y) = (own(a), own(b));
    let shared = x.intersection(&y).count();
    let union = x.union(&y).count().max(1);
    shared >= MIN_OWN_SHARED && shared as f64 / union as f64 >= MIN_OWN_JACCARD
}

/// Whether two statements share a topic term that both write in lower
/// case: a word of what is said or done, not only names. Pairs sharing
/// names alone ("the United States ... the Islamic State" / "the United
/// States ... the Islamic State"; "Donald Trump" and "Republican") were on
/// real coverage two claims about the same people. A statement's first word
/// counts as lower case (a capital there says nothing).
fn shares_a_lower_case_word(a: &StatementFeatures, b: &StatementFeatures) -> bool {
    fn lower_case_terms(f: &StatementFeatures) -> HashSet<String> {
        let words: Vec<Token> = f
            .tokens
            .iter()
            .enumerate()
            .filter(|(idx, token)| *idx == 0 || !token.capitalised)
            .map(|(_, token)| token.clone())
            .collect();
        topic_terms(&words, &[]).into_iter().collect()
    }
    lower_case_terms(a)
        .intersection(&lower_case_terms(b))
        .next()
        .is_some()
}

/// Topic terms held by more than `MAX_SPECIFIC_SHARE` of the event's
/// statements (and by more than `MIN_COMMON_DF`).
fn common_terms(features: &[StatementFeatures]) -> HashSet<&str> {
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for feature in features {
        let terms: HashSet<&str> = feature.topic_terms.iter().map(String::as_str).collect();
        for term in terms {
            *df.entry(term).or_default() += 1;
        }
    }
    let limit = (MAX_SPECIFIC_SHARE * features.len() as f64).max(MIN_COMMON_DF);
    df.into_iter()
        .filter(|&(_, n)| n as f64 > limit)
        .map(|(term, _)| term)
        .collect()
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
    article_of: impl Fn(usize) -> usize,
    scored: Vec<(f64, usize, usize)>,
) -> Vec<(f64, usize, usize)> {
    let side_keys = |&(_, i, j): &(f64, usize, usize)| [(i, article_of(j)), (j, article_of(i))];
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::statements::align_event;
    use crate::model::{AlignmentLevel, Article, Extraction, Speaker};

    /// An article whose body is `sentences` joined by spaces, with one
    /// indirect statement (no speaker) per sentence.
    fn article(id: &str, sentences: &[&str]) -> (Article, Extraction) {
        let body = sentences.join(" ");
        let mut statements = Vec::new();
        let mut start = 0;
        for (idx, sentence) in sentences.iter().enumerate() {
            statements.push(Statement {
                id: format!("s{}", idx + 1),
                kind: StatementKind::Indirect,
                speaker: Speaker::default(),
                cue: None,
                content: Range::new(start, start + sentence.len()),
                topics: Vec::new(),
            });
            start += sentence.len() + 1;
        }
        let article = Article {
            id: id.to_string(),
            body,
            ..Article::default()
        };
        let extraction = Extraction {
            statements,
            ..Extraction::default()
        };
        (article, extraction)
    }

    /// Aligns two articles; checks the alignments as `(level, statement
    /// of a, statement of b)` and the unaligned statements as `(article,
    /// statement)`.
    fn check(
        a: &[&str],
        b: &[&str],
        expected: &[(AlignmentLevel, usize, usize)],
        expected_only_in: &[(usize, usize)],
    ) {
        let (article_a, extraction_a) = article("a", a);
        let (article_b, extraction_b) = article("b", b);
        let aligned = align_event(
            &[article_a, article_b],
            &[extraction_a, extraction_b],
            &[0, 1],
        );
        let found: Vec<(AlignmentLevel, usize, usize)> = aligned
            .alignments
            .iter()
            .map(|alignment| {
                let [x, y] = alignment.statements[..] else {
                    panic!("not a pair: {alignment:?}")
                };
                (alignment.level, x.statement_idx, y.statement_idx)
            })
            .collect();
        assert_eq!(found, expected);
        let only_in: Vec<(usize, usize)> = aligned
            .only_in
            .iter()
            .map(|r| (r.article_idx, r.statement_idx))
            .collect();
        assert_eq!(only_in, expected_only_in);
    }

    const FILLER_A: &str = "Companies lost billions of dollars in the market last year.";
    const FILLER_B: &str = "Heavy snow closed the airport on Tuesday.";

    #[test]
    fn paraphrase_aligns_at_topic_level() {
        check(
            &[
                "The talks were a test of whether Moscow is genuinely committed to a deal.",
                FILLER_A,
            ],
            &[
                "The meeting will determine if the Kremlin is serious about an agreement.",
                FILLER_B,
            ],
            &[(AlignmentLevel::Topic, 0, 0)],
            &[(0, 1), (1, 1)],
        );
    }

    #[test]
    fn headlines_in_title_case_are_not_paired() {
        let tokens = |text: &str| crate::text::tokens::tokenize(text, Range::new(0, text.len()));
        for (text, expected) in [
            ("Arming Teachers, Loosening Gun Laws", true),
            (
                "Deval Patrick Names Former Chief Of Staff To Replace John Kerry",
                true,
            ),
            ("Deval Patrick named his former chief of staff", false),
            ("Rubio Says", false),
        ] {
            assert_eq!(is_title_case(&tokens(text)), expected, "{text}");
        }
        // The pair of `paraphrase_aligns_at_topic_level`, one side a headline.
        check(
            &[
                "The talks were a test of whether Moscow is genuinely committed to a deal.",
                FILLER_A,
            ],
            &[
                "The Meeting Will Determine If The Kremlin Is Serious About An Agreement",
                FILLER_B,
            ],
            &[],
            // Still related: not listed as said only on one side.
            &[(0, 1), (1, 1)],
        );
    }

    /// Two people on one theme, each saying something else in words of
    /// their own: related, not a row.
    #[test]
    fn statements_sharing_a_theme_but_few_words_are_only_related() {
        check(
            &[
                "Officials said Washington and Moscow had agreed to work toward a peaceful settlement for Ukraine after hours of meetings in Riyadh.",
                FILLER_A,
            ],
            &[
                "Aides said the summit would prepare possible settlement negotiations on Ukraine and a meeting between the two presidents next month.",
                FILLER_B,
            ],
            &[],
            &[(0, 1), (1, 1)],
        );
    }

    /// Two claims about the same people and places, sharing no word of
    /// what is said or done: related, not a row.
    #[test]
    fn statements_sharing_only_names_are_only_related() {
        check(
            &[
                "Clinton urged the United States to send more special forces into Syria to combat the Islamic State in Iraq.",
                FILLER_A,
            ],
            &[
                "Obama insisted the United States had contained the Islamic State, halting its land grab in Syria and Iraq.",
                FILLER_B,
            ],
            &[],
            &[(0, 1), (1, 1)],
        );
    }

    #[test]
    fn unrelated_statements_stay_apart() {
        check(&[FILLER_A], &[FILLER_B], &[], &[(0, 0), (1, 0)]);
    }

    #[test]
    fn a_statement_with_a_claim_counterpart_takes_no_topic_partner() {
        // A wire copy that drops a sentence: the dropped sentence's nearest
        // topic in the copy already has its claim counterpart, so the
        // omission stays in `only_in`.
        let kept = "Negotiators said the peace talks would resume in Geneva next week.";
        check(
            &[
                kept,
                "The negotiations on a peace agreement resume after a long pause.",
            ],
            &[kept],
            &[(AlignmentLevel::Claim, 0, 0)],
            &[(0, 1)],
        );
    }

    #[test]
    fn one_statement_may_be_the_match_of_two() {
        check(
            &[
                "Moscow is genuinely committed to a deal, the minister believes.",
                "The Kremlin is serious about an agreement, officials said.",
            ],
            &["Russia is serious about reaching a deal, the envoy thinks."],
            &[(AlignmentLevel::Topic, 0, 0), (AlignmentLevel::Topic, 1, 0)],
            &[],
        );
    }

    /// Runs `best_per_article` over statements 0, 1 (article 0) and 2, 3
    /// (article 1).
    fn check_best(scored: &[(f64, usize, usize)], expected: &[(usize, usize)]) {
        let kept = best_per_article(|idx| idx / 2, scored.to_vec());
        let kept: Vec<(usize, usize)> = kept.into_iter().map(|(_, i, j)| (i, j)).collect();
        assert_eq!(kept, expected);
    }

    #[test]
    fn near_best_matches_are_kept_beside_the_best() {
        // 0's best is 2 (0.50); 3 at 0.46 is within 10% of it and stays,
        // though 3's own best is 1.
        check_best(
            &[(0.5, 0, 2), (0.46, 0, 3), (0.6, 1, 3), (0.3, 1, 2)],
            &[(0, 2), (0, 3), (1, 3)],
        );
        // At 0.40, 3 is no near-tie for 0, and 1 is the best of neither.
        check_best(
            &[(0.5, 0, 2), (0.4, 0, 3), (0.6, 1, 3), (0.3, 1, 2)],
            &[(0, 2), (1, 3)],
        );
    }

    fn check_context(body: &str, quote: &str, expected: Option<&str>) {
        let start = body.find(quote).unwrap();
        let statement = Statement {
            id: "s1".to_string(),
            kind: StatementKind::Direct,
            speaker: Speaker::default(),
            cue: None,
            content: Range::new(start, start + quote.len()),
            topics: Vec::new(),
        };
        let context = quote_context(body, &statement).map(|range| range.text(body));
        assert_eq!(context, expected);
    }

    #[test]
    fn a_quote_is_read_with_the_sentence_before_it() {
        check_context(
            "Snow fell. The U.S. clarified these were preliminary talks.\n\n\u{201c}We are not there yet,\u{201d} Bruce said.",
            "\u{201c}We are not there yet,\u{201d}",
            Some("The U.S. clarified these were preliminary talks."),
        );
        check_context(
            "He left. Asked about it, she said \u{201c}no comment\u{201d} twice.",
            "\u{201c}no comment\u{201d}",
            Some("He left."),
        );
        check_context(
            "\u{201c}First words,\u{201d} he said.",
            "\u{201c}First words,\u{201d}",
            None,
        );
    }
}
