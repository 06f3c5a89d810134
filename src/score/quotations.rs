//! Quotations across outlets: the same remark quoted in different sentences.
//!
//! Takes the articles of one event with their statements; gives the
//! divergences between quotations of one remark that two outlets carry in
//! sentences worded differently (the word-by-word check of `pair` only sees
//! claim-level rows, where the whole sentence is copied):
//! - `quote_truncated`: one quotation is a strict part of the other, which
//!   goes on past where the first stops ("Teachers should teach." /
//!   "Teachers should teach, but if ...");
//! - `quote_altered`: inside the shared stretch, words differ ("something
//!   important" / "something very important");
//! - `misattribution`: the shared words are given to different speakers.
//!
//! Two quotations are one remark when a local alignment (Smith–Waterman over
//! normalised words, stems matching at a lower score) finds a shared stretch
//! of at least `MIN_SHARED_WORDS` matching words that makes up most of the
//! shorter one. A shorter quotation (`MIN_SHORT_WORDS` words or more) is
//! part of a remark only when the same person says it and the longer
//! quotation holds it word for word ("Teachers should teach."); such a pair
//! can only be a truncation. Quotation pairs whose statements already
//! share a claim-level row are left to `pair`, except for who says them:
//! between outlets that rewrite, `pair` does not read speakers.

use std::cell::OnceCell;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range as Span;

use super::lexicon::is_spoken_filler;
use super::names::{is_person_name, may_be_same_person, speaker_named_explicitly};
use super::pair::MAX_ALTERED_WORDS;
use super::{
    article_label, body_words, carried_elsewhere, copied, divergence, holds_words, quoted_ranges,
    shorten,
};
use crate::model::{
    AlignmentLevel, Article, Divergence, DivergenceType, Event, Evidence, Extraction, Range,
};
use crate::text::lexicon::{is_negation, is_stopword};
use crate::text::spelling::american;
use crate::text::stems::stem;
use crate::text::tokens::{tokenize, Token};

/// Matching words a shared stretch needs to count as one remark.
const MIN_SHARED_WORDS: usize = 5;
/// Share of the shorter quotation's words the shared stretch must match.
const MIN_SHARED_SHARE: f64 = 0.6;
/// Words a longer quotation must run on past the shorter for a truncation.
const MIN_DROPPED_WORDS: usize = 3;
/// Words a quotation shorter than `MIN_SHARED_WORDS` needs to be compared
/// at all (held word for word by a longer quotation of the same person).
const MIN_SHORT_WORDS: usize = 3;
/// Content words such a short quotation needs.
const MIN_SHORT_CONTENT_WORDS: usize = 2;

/// One quotation: its words and who says them.
struct Quotation {
    article_idx: usize,
    statement_idx: usize,
    range: Range,
    tokens: Vec<Token>,
    stems: Vec<String>,
}

/// The best local alignment of two word sequences: matched positions in order.
#[derive(Debug, Default, PartialEq)]
struct Local {
    /// `(i, j)` positions that match, ascending.
    matches: Vec<(usize, usize)>,
}

impl Local {
    fn first(&self) -> (usize, usize) {
        self.matches[0]
    }
    fn last(&self) -> (usize, usize) {
        self.matches[self.matches.len() - 1]
    }
}

/// Divergences between quotations of one remark in different articles.
pub(super) fn cross_quotations(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
) -> Vec<Divergence> {
    let quotations: Vec<Quotation> = event
        .articles
        .iter()
        .flat_map(|&article_idx| article_quotations(articles, extractions, article_idx))
        .collect();
    let claimed = claim_rows(event);
    // Each article's words, read when a pair of its quotations is first
    // compared, to see whether a quotation's wording is also the other
    // outlet's.
    let words: BTreeMap<usize, OnceCell<Vec<String>>> = event
        .articles
        .iter()
        .map(|&idx| (idx, OnceCell::new()))
        .collect();
    let words_of =
        |idx: usize| -> &[String] { words[&idx].get_or_init(|| body_words(&articles[idx].body)) };
    let mut found = Vec::new();
    for (k, a) in quotations.iter().enumerate() {
        for b in &quotations[k + 1..] {
            if a.article_idx == b.article_idx || copied(event, a.article_idx, b.article_idx) {
                continue;
            }
            // `pair` compares the words of a claim row, but between outlets
            // that rewrite it leaves who says them to this module.
            if claimed.contains(&(
                (a.article_idx, a.statement_idx),
                (b.article_idx, b.statement_idx),
            )) {
                if a.tokens.len().min(b.tokens.len()) >= MIN_SHARED_WORDS {
                    let local = local_alignment(&a.stems, &b.stems);
                    if is_one_remark(a, b, &local) {
                        found.extend(given_to_two_people(articles, extractions, (a, b), &local));
                    }
                }
                continue;
            }
            if a.tokens.len().min(b.tokens.len()) < MIN_SHARED_WORDS {
                if let Some(local) = short_in_long(extractions, a, b) {
                    found.extend(truncation(articles, a, b, &local));
                }
                continue;
            }
            let local = local_alignment(&a.stems, &b.stems);
            if !is_one_remark(a, b, &local) {
                continue;
            }
            compare_quotations(
                articles,
                extractions,
                (a, b),
                &local,
                (words_of(a.article_idx), words_of(b.article_idx)),
                &mut found,
            );
        }
    }
    found
}

/// Pairs of statements that share a claim-level row (both orders).
fn claim_rows(event: &Event) -> HashSet<((usize, usize), (usize, usize))> {
    let mut pairs = HashSet::new();
    for alignment in &event.alignments {
        if alignment.level != AlignmentLevel::Claim {
            continue;
        }
        for x in &alignment.statements {
            for y in &alignment.statements {
                pairs.insert((
                    (x.article_idx, x.statement_idx),
                    (y.article_idx, y.statement_idx),
                ));
            }
        }
    }
    pairs
}

/// The quoted stretches of an article's statements, each once.
fn article_quotations(
    articles: &[Article],
    extractions: &[Extraction],
    article_idx: usize,
) -> Vec<Quotation> {
    let body = &articles[article_idx].body;
    let mut seen = HashSet::new();
    let mut quotations = Vec::new();
    for (statement_idx, statement) in extractions[article_idx].statements.iter().enumerate() {
        for range in quoted_ranges(body, statement, statement.content, false) {
            if !seen.insert(range) {
                continue;
            }
            let tokens = tokenize(body, range);
            if tokens.len() < MIN_SHORT_WORDS {
                continue;
            }
            let stems = tokens.iter().map(|t| stem(&t.norm)).collect();
            quotations.push(Quotation {
                article_idx,
                statement_idx,
                range,
                tokens,
                stems,
            });
        }
    }
    quotations
}

/// A quotation shorter than `MIN_SHARED_WORDS` held word for word (same
/// normalised words, in a row) by a longer quotation of the same named
/// person, as the matches of a local alignment; `None` otherwise. Short
/// quotations recur by chance ("a very serious", "we will see"), so the
/// words must be the same and so must the speaker.
fn short_in_long(extractions: &[Extraction], a: &Quotation, b: &Quotation) -> Option<Local> {
    let a_is_short = a.tokens.len() <= b.tokens.len();
    let (short, long) = if a_is_short { (a, b) } else { (b, a) };
    if short.tokens.len() == long.tokens.len() {
        return None;
    }
    let content = short
        .tokens
        .iter()
        .filter(|t| !is_stopword(&t.norm))
        .count();
    let (Some(name_short), Some(name_long)) =
        (speaker(extractions, short), speaker(extractions, long))
    else {
        return None;
    };
    if content < MIN_SHORT_CONTENT_WORDS
        || !is_person_name(name_short)
        || !may_be_same_person(name_short, name_long)
    {
        return None;
    }
    let short_words: Vec<&str> = short.tokens.iter().map(|t| t.norm.as_str()).collect();
    let long_words: Vec<&str> = long.tokens.iter().map(|t| t.norm.as_str()).collect();
    let start = long_words
        .windows(short_words.len())
        .position(|window| window == short_words.as_slice())?;
    let matches = (0..short_words.len())
        .map(|k| {
            if a_is_short {
                (k, start + k)
            } else {
                (start + k, k)
            }
        })
        .collect();
    Some(Local { matches })
}

/// The canonical name of whoever says the quotation, if known.
fn speaker<'a>(extractions: &'a [Extraction], q: &Quotation) -> Option<&'a str> {
    extractions[q.article_idx].statements[q.statement_idx]
        .speaker
        .name
        .as_deref()
}

/// Smith–Waterman over stems: +2 a match, −1 a mismatch or gap.
fn local_alignment(a: &[String], b: &[String]) -> Local {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    let mut score = vec![0i32; (n + 1) * width];
    let mut best = (0i32, 0usize, 0usize);
    for i in 1..=n {
        for j in 1..=m {
            let diagonal =
                score[(i - 1) * width + j - 1] + if a[i - 1] == b[j - 1] { 2 } else { -1 };
            let up = score[(i - 1) * width + j] - 1;
            let left = score[i * width + j - 1] - 1;
            let cell = diagonal.max(up).max(left).max(0);
            score[i * width + j] = cell;
            if cell > best.0 {
                best = (cell, i, j);
            }
        }
    }
    let (mut i, mut j) = (best.1, best.2);
    let mut matches = Vec::new();
    while i > 0 && j > 0 && score[i * width + j] > 0 {
        let cell = score[i * width + j];
        let is_match = a[i - 1] == b[j - 1];
        if cell == score[(i - 1) * width + j - 1] + if is_match { 2 } else { -1 } {
            if is_match {
                matches.push((i - 1, j - 1));
            }
            i -= 1;
            j -= 1;
        } else if cell == score[(i - 1) * width + j] - 1 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    matches.reverse();
    Local { matches }
}

/// Whether the shared stretch is long and dense enough to be one remark,
/// and holds words beyond function words.
fn is_one_remark(a: &Quotation, b: &Quotation, local: &Local) -> bool {
    let n_matches = local.matches.len();
    if n_matches < MIN_SHARED_WORDS {
        return false;
    }
    let content = local
        .matches
        .iter()
        .filter(|(i, _)| !is_stopword(&a.tokens[*i].norm))
        .count();
    let shorter = a.tokens.len().min(b.tokens.len());
    let span_a = local.last().0 - local.first().0 + 1;
    let span_b = local.last().1 - local.first().1 + 1;
    let dense = n_matches as f64 >= MIN_SHARED_SHARE * span_a.max(span_b) as f64;
    content >= 3 && dense && n_matches as f64 >= MIN_SHARED_SHARE * shorter as f64
}

/// Whether a quotation's words (`quoted`) around the gap between its words
/// `lo` and `hi` (`AROUND_WORDS` each way, inside the quotation) occur in
/// a row in `words`, the other article's: that outlet gives this wording
/// too, and the alignment paired the wrong stretches.
fn wording_also_in(quoted: &[&str], (lo, hi): (usize, usize), words: &[String]) -> bool {
    const AROUND_WORDS: usize = 2;
    let from = (lo + 1).saturating_sub(AROUND_WORDS);
    let to = (hi + AROUND_WORDS).min(quoted.len());
    let stretch = &quoted[from..to];
    stretch.len() > 2 * AROUND_WORDS && holds_words(words, stretch)
}

/// The quotation's normalised words.
fn quoted_words(q: &Quotation) -> Vec<&str> {
    q.tokens.iter().map(|t| t.norm.as_str()).collect()
}

/// A misattribution, a truncation or an alteration between two quotations
/// of one remark; `words` are the two articles' words.
fn compare_quotations(
    articles: &[Article],
    extractions: &[Extraction],
    (a, b): (&Quotation, &Quotation),
    local: &Local,
    words: (&[String], &[String]),
    found: &mut Vec<Divergence>,
) {
    if let Some(divergence) = given_to_two_people(articles, extractions, (a, b), local) {
        found.push(divergence);
        return;
    }
    if let Some(divergence) = truncation(articles, a, b, local) {
        found.push(divergence);
        return;
    }
    // One outlet's whole quotation found word for word in the other
    // article: the alignment paired different remarks.
    let quoted = (quoted_words(a), quoted_words(b));
    if holds_words(words.1, &quoted.0) || holds_words(words.0, &quoted.1) {
        return;
    }
    if let Some(divergence) = alteration(articles, (a, b), local, words, (&quoted.0, &quoted.1)) {
        found.push(divergence);
    }
}

/// A misattribution when the two quotations of one remark are given to two
/// people, each named where the quotation is reported.
fn given_to_two_people(
    articles: &[Article],
    extractions: &[Extraction],
    (a, b): (&Quotation, &Quotation),
    local: &Local,
) -> Option<Divergence> {
    let (name_a, name_b) = (speaker(extractions, a)?, speaker(extractions, b)?);
    let named = |q: &Quotation| {
        speaker_named_explicitly(
            &extractions[q.article_idx].statements[q.statement_idx],
            &articles[q.article_idx].body,
        )
    };
    (is_person_name(name_a)
        && is_person_name(name_b)
        && !may_be_same_person(name_a, name_b)
        && named(a)
        && named(b))
    .then(|| misattribution(articles, a, b, local, name_a, name_b))
}

fn shared_range(q: &Quotation, first: usize, last: usize) -> Range {
    Range::new(q.tokens[first].range.start, q.tokens[last].range.end)
}

fn misattribution(
    articles: &[Article],
    a: &Quotation,
    b: &Quotation,
    local: &Local,
    name_a: &str,
    name_b: &str,
) -> Divergence {
    let range_a = shared_range(a, local.first().0, local.last().0);
    let range_b = shared_range(b, local.first().1, local.last().1);
    let mut found = divergence(
        DivergenceType::Misattribution,
        0.8,
        format!(
            "{} gives the words \u{201c}{}\u{201d} to {name_a}; {} gives them to {name_b}.",
            article_label(&articles[a.article_idx]),
            shorten(range_a.text(&articles[a.article_idx].body)),
            article_label(&articles[b.article_idx]),
        ),
        evidence(a, range_a, b, range_b),
    );
    found.confidence = 0.7;
    found
}

/// One quotation wholly inside the other, which runs on past its end by at
/// least `MIN_DROPPED_WORDS` words, when the shorter presents itself as a
/// whole remark (it ends with its own punctuation: "Teachers should
/// teach.") and the cut changes what it seems to say: the longer goes on in
/// the same sentence, or its next sentence turns on "but", "if", "unless".
/// A fragment quoted inside a paraphrase ("called it “highly unusual”") and
/// a quotation that starts later are ordinary partial quotation.
fn truncation(
    articles: &[Article],
    a: &Quotation,
    b: &Quotation,
    local: &Local,
) -> Option<Divergence> {
    let covers_all =
        |q: &Quotation, first: usize, last: usize| first == 0 && last + 1 == q.tokens.len();
    let (short, long, long_first, long_last) = if covers_all(a, local.first().0, local.last().0) {
        (a, b, local.first().1, local.last().1)
    } else if covers_all(b, local.first().1, local.last().1) {
        (b, a, local.first().0, local.last().0)
    } else {
        return None;
    };
    if local.matches.len() + 1 < short.tokens.len()
        || long.tokens.len() - 1 - long_last < MIN_DROPPED_WORDS
    {
        return None;
    }
    // The shared stretch must say the same: with a negation on one side
    // only ("used money that shouldn't have been used" / "that should have
    // been used for my campaign") the quotation is altered, not cut.
    let negations = |tokens: &[Token]| tokens.iter().filter(|t| is_negation(&t.norm)).count();
    if negations(&short.tokens) != negations(&long.tokens[long_first..=long_last]) {
        return None;
    }
    let short_body = &articles[short.article_idx].body;
    let short_text = short.range.text(short_body).trim_end();
    if !short_text.ends_with(['.', ',', '!', '?']) {
        return None;
    }
    // A quotation of a few words worked into the outlet's sentence ("are
    // not “based on the Bible.”") is partial quotation, whatever its
    // closing punctuation; a few words quoted as a remark of their own
    // ("he said. “Teachers should teach.”") are not.
    if short.tokens.len() < MIN_SHARED_WORDS && !opens_a_remark(short_body, short.range.start) {
        return None;
    }
    let body = &articles[long.article_idx].body;
    let dropped = Range::new(long.tokens[long_last + 1].range.start, long.range.end);
    let between = &body[long.tokens[long_last].range.end..dropped.start];
    let same_sentence = !ends_sentence(between);
    let turns = TURNING_WORDS.contains(&long.tokens[long_last + 1].norm.as_str());
    if !same_sentence && !turns || carried_elsewhere(body, &[dropped], short_body) {
        return None;
    }
    let mut found = divergence(
        DivergenceType::QuoteTruncated,
        if turns { 0.6 } else { 0.4 },
        format!(
            "{} quotes only \u{201c}{}\u{201d}; {} goes on: \u{201c}{}\u{201d}.",
            article_label(&articles[short.article_idx]),
            shorten(short_text),
            article_label(&articles[long.article_idx]),
            shorten(dropped.text(body)),
        ),
        vec![
            Evidence {
                article_idx: short.article_idx,
                range: short.range,
            },
            Evidence {
                article_idx: long.article_idx,
                range: dropped,
            },
        ],
    );
    found.confidence = if turns { 0.8 } else { 0.65 };
    Some(found)
}

/// Words that turn or condition what came before: a quotation cut just
/// before one of them can seem to say the opposite.
const TURNING_WORDS: [&str; 9] = [
    "but", "if", "unless", "except", "although", "though", "however", "yet", "only",
];

/// Whether the quotation starting at `start` opens a remark: nothing but
/// a sentence end, a colon or the start of the text before it.
fn opens_a_remark(body: &str, start: usize) -> bool {
    let before = body[..start]
        .trim_end_matches(|c: char| c.is_whitespace() || "\"\u{201c}\u{2018}'".contains(c));
    before.is_empty() || before.ends_with(['.', '?', '!', ':'])
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}'])
        .ends_with(['.', '?', '!', ';'])
}

/// Words that differ inside the shared stretch: a gap on either side
/// between two matched words, other than an editor's bracket or ellipsis;
/// also the last words of both quotations when each has a few after the
/// shared stretch ("closer and closer to a nuclear bomb" / "... to nuclear
/// arms").
fn alteration(
    articles: &[Article],
    (a, b): (&Quotation, &Quotation),
    local: &Local,
    (words_a, words_b): (&[String], &[String]),
    (quoted_a, quoted_b): (&[&str], &[&str]),
) -> Option<Divergence> {
    let mut spans = Vec::new();
    let mut first_change: Option<(Range, Range)> = None;
    let (last_a, last_b) = local.last();
    let (len_a, len_b) = (a.tokens.len(), b.tokens.len());
    let ending = (len_a - last_a - 1 <= MAX_ALTERED_WORDS
        && len_b - last_b - 1 <= MAX_ALTERED_WORDS)
        .then_some([(last_a, last_b), (len_a, len_b)]);
    for pair in local
        .matches
        .windows(2)
        .chain(ending.as_ref().map(|e| &e[..]))
    {
        let ((i0, j0), (i1, j1)) = (pair[0], pair[1]);
        // After the last matched words both sides need words of their own
        // (one going on alone is a cut, `truncation`'s).
        let ending = pair[1] == (len_a, len_b);
        if i1 == i0 + 1 && j1 == j0 + 1 || ending && (i1 == i0 + 1 || j1 == j0 + 1) {
            continue;
        }
        if (i1 - i0).max(j1 - j0) > MAX_ALTERED_WORDS + 1
            || wording_also_in(quoted_a, (i0, i1), words_b)
            || wording_also_in(quoted_b, (j0, j1), words_a)
        {
            continue;
        }
        // Matched by stem is not matched in writing ("a million" /
        // "millions"): only between the same words is a gap of small words
        // no change.
        let same_neighbours =
            quoted_a[i0] == quoted_b[j0] && (ending || quoted_a[i1] == quoted_b[j1]);
        if same_neighbours && spoken_variant((quoted_a, i0 + 1..i1), (quoted_b, j0 + 1..j1)) {
            continue;
        }
        let gap_a = gap_range(a, i0, i1);
        let gap_b = gap_range(b, j0, j1);
        if is_editorial(&articles[a.article_idx].body, gap_a)
            || is_editorial(&articles[b.article_idx].body, gap_b)
        {
            continue;
        }
        let text_a = gap_a.text(&articles[a.article_idx].body);
        let text_b = gap_b.text(&articles[b.article_idx].body);
        // The matched words around the gap count too: stems match "It's"
        // with "it", leaving "is" as the gap of "It is not" against "It's not".
        let body_a = &articles[a.article_idx].body;
        let body_b = &articles[b.article_idx].body;
        if same_wording(text_a, text_b)
            || same_wording(
                shared_range(a, i0, i1.min(len_a - 1)).text(body_a),
                shared_range(b, j0, j1.min(len_b - 1)).text(body_b),
            )
        {
            continue;
        }
        if text_a.contains(['\u{2026}'])
            || text_b.contains(['\u{2026}'])
            || text_a.contains("...")
            || text_b.contains("...")
        {
            continue;
        }
        first_change.get_or_insert((gap_a, gap_b));
        spans.extend(evidence(a, gap_a, b, gap_b));
    }
    let (gap_a, gap_b) = first_change?;
    let words = |q: &Quotation, range: Range| {
        let text = range.text(&articles[q.article_idx].body).trim();
        if text.is_empty() {
            "nothing".to_string()
        } else {
            format!("\u{201c}{}\u{201d}", shorten(text))
        }
    };
    let mut found = divergence(
        DivergenceType::QuoteAltered,
        0.6,
        format!(
            "{} and {} quote the same remark in different words: {} against {}.",
            article_label(&articles[a.article_idx]),
            article_label(&articles[b.article_idx]),
            words(a, gap_a),
            words(b, gap_b),
        ),
        spans,
    );
    found.confidence = 0.75;
    Some(found)
}

/// Whether two stretches of words (`gap` positions of each side's `words`)
/// are how one remark is transcribed rather than a change of wording: the
/// words there are all small grammatical words (`is_spoken_filler`: "a
/// couple of weeks" / "a couple weeks", "is" / "are"), or the words one side
/// adds repeat words beside them ("we will not, we will not" / "we will
/// not"; "all speed and all urgency" / "all speed and urgency").
pub(super) fn spoken_variant(
    (words_a, gap_a): (&[&str], Span<usize>),
    (words_b, gap_b): (&[&str], Span<usize>),
) -> bool {
    let (added_a, added_b) = (&words_a[gap_a.clone()], &words_b[gap_b.clone()]);
    if added_a.iter().chain(added_b).all(|w| is_spoken_filler(w)) {
        return true;
    }
    // The added words again, ending up to three words before them or
    // starting up to three words after them.
    let repeated = |words: &[&str], gap: &Span<usize>| {
        let added = &words[gap.clone()];
        let n = added.len();
        (0..=3).any(|back| {
            let end = gap.start.checked_sub(back);
            matches!(end, Some(end) if end >= n && &words[end - n..end] == added)
        }) || (0..=3).any(|ahead| {
            let start = gap.end + ahead;
            start + n <= words.len() && &words[start..start + n] == added
        })
    };
    (added_b.is_empty() && !added_a.is_empty() && repeated(words_a, &gap_a))
        || (added_a.is_empty() && !added_b.is_empty() && repeated(words_b, &gap_b))
}

/// Whether two wordings differ only in how they are written: case,
/// hyphens, periods, spacing, contractions and British or American
/// spelling ("tax-filing" / "tax filing", "IRS" / "I.R.S.", "They're" /
/// "They are", "neighbourhood" / "neighborhood").
pub(super) fn same_wording(a: &str, b: &str) -> bool {
    fn written(text: &str) -> String {
        let lower = crate::text::normalise(text);
        let expanded = lower
            .replace("it's", "it is")
            .replace("that's", "that is")
            .replace("he's", "he is")
            .replace("she's", "she is")
            .replace("there's", "there is")
            .replace("what's", "what is")
            .replace("won't", "will not")
            .replace("can't", "cannot")
            .replace("'d", " would")
            .replace("n't", " not")
            .replace("'re", " are")
            .replace("'ll", " will")
            .replace("'ve", " have")
            .replace("'m", " am")
            .replace("let's", "let us");
        let numbered: Vec<String> = expanded
            .split(|c: char| c.is_whitespace() || c == '-' || c == ':')
            // "6:00 p.m." is "6 p.m.": the minutes of a whole hour.
            .filter(|word| *word != "00")
            .map(|word| match number_word(word) {
                Some(digits) => digits.to_string(),
                None => american(word),
            })
            .collect();
        super::names::without_accents(&numbered.join(" "))
            .chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect()
    }
    // A word masked by the outlet ("f-----g", "s***") is the word it masks.
    let masked = |word: &str| word.contains("--") || word.contains('*');
    let same_word = |x: &str, y: &str| {
        x == y || (masked(x) || masked(y)) && x.chars().next() == y.chars().next()
    };
    let (words_a, words_b) = (masked_words(a), masked_words(b));
    if words_a.len() == words_b.len()
        && words_a.iter().chain(&words_b).any(|w| masked(w))
        && words_a.iter().zip(&words_b).all(|(x, y)| same_word(x, y))
    {
        return true;
    }
    let squeeze = |text: &str| -> String {
        written(text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    squeeze(a) == squeeze(b)
}

/// The digits of a small number written as a word ("two" → "2").
fn number_word(word: &str) -> Option<&'static str> {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    const DIGITS: [&str; 11] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"];
    WORDS.iter().position(|w| *w == word).map(|i| DIGITS[i])
}

/// Lower-case words of a text, split on spaces, punctuation around them
/// trimmed but masks ("f-----g") kept.
fn masked_words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '*' && c != '-')
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// The words strictly between matched positions `lo` and `hi`, or when
/// none, the two matched words around the gap (so evidence is never empty).
fn gap_range(q: &Quotation, lo: usize, hi: usize) -> Range {
    if hi > lo + 1 {
        Range::new(q.tokens[lo + 1].range.start, q.tokens[hi - 1].range.end)
    } else {
        Range::new(q.tokens[lo].range.start, q.tokens[hi].range.end)
    }
}

/// Words an editor put into a quotation: in brackets ("[firearms]"), or
/// in parentheses ("these (local) supervisors"), whole or in part
/// ("(Libyan strongman Muammar) al-Qaddafi" / "(Libyan strongman Moammar)
/// Gadhafi": the name the insertion ends with is the editor's spelling).
pub(super) fn is_editorial(body: &str, range: Range) -> bool {
    let before = body[..range.start].trim_end();
    let after = body[range.end..].trim_start();
    (before.ends_with('[') && after.starts_with(']'))
        || (before.ends_with('(') && after.starts_with(')'))
        || range.text(body).contains(['[', ']', '(', ')'])
}

fn evidence(a: &Quotation, range_a: Range, b: &Quotation, range_b: Range) -> Vec<Evidence> {
    vec![
        Evidence {
            article_idx: a.article_idx,
            range: range_a,
        },
        Evidence {
            article_idx: b.article_idx,
            range: range_b,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_few_words_worked_into_a_sentence_open_no_remark() {
        let body = "He said. \u{201c}Teachers should teach.\u{201d} Policies are not \u{201c}based on the Bible.\u{201d}";
        let first = body.find('\u{201c}').unwrap();
        let second = body.rfind('\u{201c}').unwrap();
        assert!(opens_a_remark(body, first));
        assert!(opens_a_remark(body, first + '\u{201c}'.len_utf8()));
        assert!(!opens_a_remark(body, second));
        assert!(opens_a_remark("\"Teachers should teach.\"", 0));
    }

    #[test]
    fn wordings_that_differ_only_in_writing() {
        assert!(same_wording("tax-filing", "tax filing"));
        assert!(same_wording("They're", "They are"));
        assert!(same_wording("f-----g", "fucking"));
        assert!(same_wording("Calderón", "Calderon"));
        assert!(same_wording("a two-in-three chance", "a 2 in 3 chance"));
        assert!(!same_wording("had", "have"));
        assert!(same_wording("fucking wall", "f***ing wall"));
        assert!(same_wording("f***ing wall", "fucking wall"));
        assert!(same_wording("the neighbourhood", "the neighborhood"));
        assert!(same_wording("00", ""));
        assert!(same_wording("just after 6:00 p.m.", "just after 6 p.m."));
        assert!(!same_wording("6:30 p.m.", "6 p.m."));
    }

    #[test]
    fn transcripts_of_one_remark_are_no_change() {
        let spoken = |a: &str, gap_a: Span<usize>, b: &str, gap_b: Span<usize>| {
            let (a, b): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
            spoken_variant((&a, gap_a), (&b, gap_b))
        };
        assert!(spoken("a couple of weeks", 2..3, "a couple weeks", 2..2));
        assert!(spoken("it is", 0..0, "that it is", 0..1));
        assert!(spoken(
            "phony theology oh not a theology",
            2..3,
            "phony theology not a theology",
            2..2
        ));
        assert!(spoken(
            "we will not we will not wait",
            3..6,
            "we will not wait",
            3..3
        ));
        assert!(spoken(
            "all speed and all urgency",
            3..4,
            "all speed and urgency",
            3..3
        ));
        assert!(!spoken("we will not give up", 3..4, "we will not up", 3..3));
        assert!(!spoken("to a nuclear bomb", 3..4, "to nuclear arms", 2..3));
    }

    /// One quotation as `alteration` sees it, from the whole of `body`.
    fn quotation(article_idx: usize, body: &str) -> Quotation {
        let range = Range::new(0, body.len());
        let tokens = tokenize(body, range);
        let stems = tokens.iter().map(|t| stem(&t.norm)).collect();
        Quotation {
            article_idx,
            statement_idx: 0,
            range,
            tokens,
            stems,
        }
    }

    #[test]
    fn the_last_words_of_both_quotations_can_differ() {
        let bodies = [
            "every day Iran gets closer and closer to a nuclear bomb",
            "every day Iran gets closer and closer to nuclear arms",
        ];
        let articles: Vec<Article> = bodies
            .iter()
            .map(|body| Article {
                body: body.to_string(),
                ..Article::default()
            })
            .collect();
        let (a, b) = (quotation(0, bodies[0]), quotation(1, bodies[1]));
        let local = local_alignment(&a.stems, &b.stems);
        let (quoted_a, quoted_b) = (quoted_words(&a), quoted_words(&b));
        let found = alteration(
            &articles,
            (&a, &b),
            &local,
            (&a.stems, &b.stems),
            (&quoted_a, &quoted_b),
        )
        .expect("a changed quotation");
        let texts: Vec<&str> = found
            .spans
            .iter()
            .map(|e| e.range.text(&articles[e.article_idx].body))
            .collect();
        assert_eq!(texts, ["bomb", "arms"]);
    }

    #[test]
    fn a_shorter_quotation_with_a_negation_the_other_lacks_is_not_cut() {
        let truncated = |short: &str, long: &str| -> bool {
            let articles: Vec<Article> = [short, long]
                .iter()
                .map(|body| Article {
                    body: body.to_string(),
                    ..Article::default()
                })
                .collect();
            let (a, b) = (quotation(0, short), quotation(1, long));
            let local = local_alignment(&a.stems, &b.stems);
            truncation(&articles, &a, &b, &local).is_some()
        };
        let long = "I used money that should have been used for my campaign and I am sorry.";
        assert!(truncated("I used money that should have been used,", long));
        assert!(!truncated(
            "I used money that shouldn't have been used,",
            long
        ));
    }

    #[test]
    fn local_alignment_finds_the_shared_stretch() {
        let a = words("teachers should teach");
        let b = words("he said teachers should teach but if there is");
        let local = local_alignment(&a, &b);
        assert_eq!(local.matches, vec![(0, 2), (1, 3), (2, 4)]);
    }

    #[test]
    fn local_alignment_skips_an_inserted_word() {
        let a = words("we have learned something important since");
        let b = words("we have learned something very important since");
        let local = local_alignment(&a, &b);
        assert_eq!(
            local.matches,
            vec![(0, 0), (1, 1), (2, 2), (3, 3), (4, 5), (5, 6)]
        );
    }
}
