//! Name variants: the same person spelt differently across an event.
//!
//! Takes the articles of one event (with their extractions); gives one
//! `name_variant` divergence per pair of spellings: a capitalised word that
//! only some articles use, close by Jaro-Winkler to one only others use
//! ("Gingrich" / "Gengrich"), naming every outlet of each spelling, with
//! every occurrence of both as evidence. Canonical speaker names are compared the
//! same way (same first initial, close surnames).
//!
//! Also, in one claim told by two outlets, two different names of the
//! same place or thing that look alike ("the Norwalk event" / "a 2008
//! event in Norfolk"): a `contradiction`, since they are different words,
//! not one name spelt two ways.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use super::divergence;
use crate::model::{
    AlignmentLevel, Article, Divergence, DivergenceType, Event, Evidence, Extraction, Range,
    StatementRef,
};
use crate::text::spelling::american;
use crate::text::stems::stem;
use crate::text::tokens::{tokenize, Token};

/// Jaro-Winkler similarity two names in one claim need to read as one
/// slot filled two ways ("Norwalk" / "Norfolk" 0.87; "Boston" / "Denver"
/// far below).
const MIN_CLAIM_NAME_JARO_WINKLER: f64 = 0.8;
/// Shortest name compared inside one claim.
const MIN_CLAIM_NAME_CHARS: usize = 5;
/// Jaro-Winkler similarity two surnames need to be one name spelt two ways.
const MIN_JARO_WINKLER: f64 = 0.9;
/// Shortest word considered a name.
const MIN_NAME_CHARS: usize = 4;
/// Evidence spans listed per spelling.
const MAX_OCCURRENCES: usize = 8;

/// Whether two lower-case words read as one name spelt two ways: the same
/// first letter, and either close by Jaro-Winkler and at most two edits
/// apart, or one vowel put for another (Jaro-Winkler punishes a changed
/// middle letter of a short name: "Obama" / "Obema" scores 0.89, while a
/// consonant swap there is often another name: "Iran" / "Iraq"); never a
/// plural or other inflection of one word, nor one word in British and
/// American spelling ("Recognised" / "Recognized").
pub(crate) fn same_person_words(a: &str, b: &str) -> bool {
    let (len_a, len_b) = (a.chars().count(), b.chars().count());
    if a == b || len_a.min(len_b) < MIN_NAME_CHARS || len_a.abs_diff(len_b) > 1 {
        return false;
    }
    let edits = strsim::levenshtein(a, b);
    let close = vowel_swap(a, b) || (edits <= 2 && strsim::jaro_winkler(a, b) >= MIN_JARO_WINKLER);
    close
        && a.chars().next() == b.chars().next()
        && stem(a) != stem(b)
        && a.trim_end_matches("'s") != b.trim_end_matches("'s")
        && without_accents(a) != without_accents(b)
        && american(a) != american(b)
}

/// A word with accented Latin letters written plain ("Calderón" →
/// "calderon"): a house style, not a misspelling.
pub(crate) fn without_accents(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ñ' => 'n',
            'ç' => 'c',
            other => other,
        })
        .collect()
}

/// Same length, one position differing, a vowel on both sides.
fn vowel_swap(a: &str, b: &str) -> bool {
    let is_vowel = |c: char| "aeiouy".contains(c);
    let differing: Vec<(char, char)> = a.chars().zip(b.chars()).filter(|(x, y)| x != y).collect();
    a.chars().count() == b.chars().count()
        && matches!(differing.as_slice(), [(x, y)] if is_vowel(*x) && is_vowel(*y))
}

/// Whether two canonical full names are one person spelt two ways:
/// the same first initial and surnames equal or `same_person_words`.
pub(crate) fn same_person_names(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let (first_a, last_a) = (a.split_whitespace().next(), a.split_whitespace().last());
    let (first_b, last_b) = (b.split_whitespace().next(), b.split_whitespace().last());
    let (Some(first_a), Some(last_a), Some(first_b), Some(last_b)) =
        (first_a, last_a, first_b, last_b)
    else {
        return false;
    };
    a != b
        && first_a.chars().next() == first_b.chars().next()
        && (last_a == last_b || same_person_words(last_a, last_b))
}

/// Words that make a name something other than one person: parties,
/// media and page words (titles, group nouns and places come from the
/// extractor's lists).
const NOT_PERSON_WORDS: [&str; 16] = [
    "republican",
    "republicans",
    "democrat",
    "democrats",
    "democratic",
    "gop",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "network",
    "cbs",
    "nbc",
    "cnn",
    "msnbc",
];

/// Whether a canonical speaker name reads as one named person: two or more
/// capitalised words, none a title, group noun, party, medium or place
/// ("Jim Manley", not "Arizona Republican", "Fox News" or "young man").
pub(crate) fn is_person_name(name: &str) -> bool {
    use crate::text::word_classes::{flags, GROUP, TITLE};
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|word| {
            let lower = word.trim_end_matches('.').to_lowercase();
            word.chars().next().is_some_and(char::is_uppercase)
                && flags(&lower) & (TITLE | GROUP) == 0
                && !NOT_PERSON_WORDS.contains(&lower.as_str())
                && !crate::extract::speakers::is_not_a_speaker(&lower)
        })
}

/// Whether a canonical name reads as a person's in `body`: a person's name
/// by its words (`is_person_name`) that starts with a known given name or
/// whose surname the article writes after an honorific ("Mr. Chharia").
/// Bodies and institutions named in two capitalised words ("Academy
/// Awards", "Regulatory Authority") fail; so do people the article names
/// only bare with an unlisted given name, which costs a finding rather than
/// risking one about an institution.
pub(crate) fn reads_as_person(name: &str, body: &str) -> bool {
    if !is_person_name(name) {
        return false;
    }
    if crate::extract::speakers::has_known_first_name(name) {
        return true;
    }
    let Some(surname) = name.split_whitespace().next_back() else {
        return false;
    };
    ["Mr. ", "Ms. ", "Mrs. ", "Dr. ", "Mr ", "Ms ", "Mrs ", "Dr "]
        .iter()
        .any(|honorific| body.contains(&format!("{honorific}{surname}")))
}

/// Whether the statement's own sentence names its speaker (the mention
/// holds the surname of the canonical name), rather than a pronoun, a
/// title or the context: a claim given to two people is reported only
/// between speakers both outlets name, since most other cases are a
/// speaker read wrongly.
pub(crate) fn speaker_named_explicitly(statement: &crate::model::Statement, body: &str) -> bool {
    let (Some(name), Some(mention)) = (&statement.speaker.name, statement.speaker.mention) else {
        return false;
    };
    let Some(surname) = name.split_whitespace().next_back() else {
        return false;
    };
    mention.text(body).contains(surname)
}

/// Whether two canonical names may be one person: equal, spelt two ways,
/// or with the same surname ("Obama" / "Barack Obama"), so that a change
/// between them is never called a misattribution.
pub(crate) fn may_be_same_person(a: &str, b: &str) -> bool {
    let surname = |name: &str| {
        name.split_whitespace()
            .rfind(|w| {
                !matches!(
                    w.to_lowercase().trim_end_matches('.'),
                    "jr" | "sr" | "ii" | "iii"
                )
            })
            .unwrap_or("")
            .to_lowercase()
    };
    // "lawyer for Mrs. Clinton" ends in her surname but is someone else.
    let capitalised = |name: &str| name.starts_with(|c: char| c.is_uppercase());
    a == b
        || same_person_names(a, b)
        || capitalised(a) && capitalised(b) && surname(a) == surname(b)
}

/// Where each name-like word of an article occurs, and every word it uses.
struct ArticleWords {
    article_idx: usize,
    names: BTreeMap<String, Vec<Range>>,
    /// Per name word: the capitalised words written right before it (a
    /// first name or a title: "John", "mr").
    before: BTreeMap<String, BTreeSet<String>>,
    all_words: HashSet<String>,
}

fn article_words(article_idx: usize, article: &Article) -> ArticleWords {
    let tokens = tokenize(&article.body, Range::new(0, article.body.len()));
    let lowercase_seen: HashSet<&str> = tokens
        .iter()
        .filter(|t| !t.capitalised)
        .map(|t| t.norm.as_str())
        .collect();
    let mut names: BTreeMap<String, Vec<Range>> = BTreeMap::new();
    let mut before: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (i, token) in tokens.iter().enumerate() {
        if !is_name_like(token, &lowercase_seen) {
            continue;
        }
        names
            .entry(token.norm.clone())
            .or_default()
            .push(token.range);
        let previous = i.checked_sub(1).map(|k| &tokens[k]);
        if let Some(previous) = previous.filter(|p| {
            p.capitalised && token.range.start - p.range.end <= 2 && !is_weekday_or_month(&p.norm)
        }) {
            before
                .entry(token.norm.clone())
                .or_default()
                .insert(previous.norm.clone());
        }
    }
    ArticleWords {
        article_idx,
        names,
        before,
        all_words: tokens.iter().map(|t| t.norm.clone()).collect(),
    }
}

/// Capitalised, long enough, letters only, and never written in lower case
/// in the article (so "Senate"-style words that also appear lower case and
/// sentence-initial common words mostly drop out); not a title or a noun
/// for a group of people ("Gordon Advisers" / "Gordon Advisors" is a
/// firm's name written two ways, not a person's).
fn is_name_like(token: &Token, lowercase_seen: &HashSet<&str>) -> bool {
    use crate::text::word_classes::{flags, GROUP, TITLE};
    token.capitalised
        && token.norm.chars().count() >= MIN_NAME_CHARS
        && token.norm.chars().all(char::is_alphabetic)
        && !lowercase_seen.contains(token.norm.as_str())
        && !is_weekday_or_month(&token.norm)
        && flags(&token.norm) & (TITLE | GROUP) == 0
}

fn is_weekday_or_month(norm: &str) -> bool {
    use crate::text::word_classes::{flags, WEEKDAY_OR_MONTH};
    flags(norm.trim_end_matches('.')) & WEEKDAY_OR_MONTH != 0
}

/// Every name finding among the event's articles: names spelt two ways
/// (`name_variant`), and look-alike names in one claim (`contradiction`).
/// Each article's words are read once for both.
pub(crate) fn name_findings(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
) -> Vec<Divergence> {
    let words: Vec<ArticleWords> = event
        .articles
        .iter()
        .map(|&idx| article_words(idx, &articles[idx]))
        .collect();
    let mut found = name_variants(articles, extractions, &event.articles, &words);
    found.extend(claim_name_conflicts(articles, extractions, event, &words));
    found
}

/// One finding per pair of articles and pair of spellings from the names
/// that copied sentences spell two ways (`pair`'s `name_variant`s, one per
/// place), with every place as evidence; spellings `name_findings` already
/// reports (with every occurrence in both articles) are left to it.
pub(crate) fn merge_spellings(
    articles: &[Article],
    spellings: Vec<Divergence>,
    name_findings: &[Divergence],
) -> Vec<Divergence> {
    let bare = |e: &Evidence| {
        let text = e.range.text(&articles[e.article_idx].body).to_lowercase();
        let text = text.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        (e.article_idx, text.to_string())
    };
    // Each finding's spellings: the first occurrence's word in each article.
    let key = |d: &Divergence| -> BTreeSet<(usize, String)> {
        let mut seen = BTreeSet::new();
        d.spans
            .iter()
            .filter(|e| seen.insert(e.article_idx))
            .map(bare)
            .collect()
    };
    let reported: BTreeSet<BTreeSet<(usize, String)>> = name_findings
        .iter()
        .filter(|n| n.kind == DivergenceType::NameVariant)
        .map(key)
        .collect();
    let mut merged: BTreeMap<BTreeSet<(usize, String)>, Divergence> = BTreeMap::new();
    for divergence in spellings {
        let key = key(&divergence);
        // A spelling pair already reported for these articles, maybe among
        // others (`one_per_spelling_pair`).
        if reported.iter().any(|r| key.is_subset(r)) {
            continue;
        }
        match merged.get_mut(&key) {
            Some(first) => first.spans.extend(divergence.spans),
            None => {
                merged.insert(key, divergence);
            }
        }
    }
    merged
        .into_values()
        .map(|mut d| {
            d.spans.sort();
            d.spans.dedup();
            d
        })
        .collect()
}

/// Every name-variant divergence among the event's articles (`words`,
/// one per article of `article_idxs`, in that order).
fn name_variants(
    articles: &[Article],
    extractions: &[Extraction],
    article_idxs: &[usize],
    words: &[ArticleWords],
) -> Vec<Divergence> {
    let mut found = Vec::new();
    let mut seen: BTreeSet<(usize, usize, String, String)> = BTreeSet::new();
    for (k, left) in words.iter().enumerate() {
        for right in &words[k + 1..] {
            for (spelling_a, spelling_b) in variant_pairs(left, right) {
                seen.insert((
                    left.article_idx,
                    right.article_idx,
                    spelling_a.clone(),
                    spelling_b.clone(),
                ));
                found.push(variant_divergence(
                    articles,
                    left,
                    right,
                    &spelling_a,
                    &spelling_b,
                ));
            }
        }
    }
    let mut found = one_per_spelling_pair(articles, found);
    found.extend(speaker_variants(articles, extractions, article_idxs, &seen));
    found
}

/// The name variants of an event, one per pair of spellings: where several
/// outlets write "Wolfe" and several "Wolff", one finding names them all
/// (with every occurrence as evidence) rather than one per pair of articles.
fn one_per_spelling_pair(articles: &[Article], found: Vec<Divergence>) -> Vec<Divergence> {
    let spelling = |e: &Evidence| bare(e.range.text(&articles[e.article_idx].body));
    let mut groups: Vec<(BTreeSet<String>, Divergence)> = Vec::new();
    for divergence in found {
        let key: BTreeSet<String> = divergence.spans.iter().map(spelling).collect();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, first)) => first.spans.extend(divergence.spans),
            None => groups.push((key, divergence)),
        }
    }
    groups
        .into_iter()
        .map(|(_, mut divergence)| {
            divergence.spans.sort();
            divergence.spans.dedup();
            let writers = |word: &str| -> Vec<String> {
                let idxs: BTreeSet<usize> = divergence
                    .spans
                    .iter()
                    .filter(|e| spelling(e) == word)
                    .map(|e| e.article_idx)
                    .collect();
                idxs.into_iter()
                    .map(|idx| super::article_label(&articles[idx]))
                    .collect()
            };
            let first = &divergence.spans[0];
            let text_a = first.range.text(&articles[first.article_idx].body).to_string();
            let word_a = spelling(first);
            if let Some(other) = divergence.spans.iter().find(|e| spelling(e) != word_a) {
                let text_b = other.range.text(&articles[other.article_idx].body).to_string();
                let (a, b) = (writers(&word_a), writers(&spelling(other)));
                if a.len() + b.len() > 2 {
                    let verb = |n: usize| if n == 1 { "spells" } else { "spell" };
                    divergence.explanation = format!(
                        "{} {} the name \u{201c}{text_a}\u{201d} where {} {} it \u{201c}{text_b}\u{201d}.",
                        a.join(", "),
                        verb(a.len()),
                        b.join(", "),
                        verb(b.len()),
                    );
                }
            }
            divergence
        })
        .collect()
}

/// A name as two spellings are compared: lower case, without a possessive.
fn bare(text: &str) -> String {
    let lower = text.to_lowercase();
    lower
        .trim_end_matches("'s")
        .trim_end_matches("\u{2019}s")
        .to_string()
}

/// Two look-alike names that two outlets give in the same claim, each
/// never written in the other's article ("Norwalk" / "Norfolk"): one of
/// them has the fact wrong. Only claim rows between articles that are not
/// near copies (those are compared word by word), one finding per pair of
/// articles and names.
fn claim_name_conflicts(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
    words: &[ArticleWords],
) -> Vec<Divergence> {
    let words_of = |article_idx: usize| {
        let position = event
            .articles
            .binary_search(&article_idx)
            .expect("an article of the event");
        &words[position]
    };
    let mut found = Vec::new();
    let mut seen: BTreeSet<(usize, usize, String, String)> = BTreeSet::new();
    for alignment in event
        .alignments
        .iter()
        .filter(|a| a.level == AlignmentLevel::Claim)
    {
        for (k, a) in alignment.statements.iter().enumerate() {
            for b in &alignment.statements[k + 1..] {
                let (x, y) = (a.article_idx, b.article_idx);
                if x == y || super::copied(event, x, y) {
                    continue;
                }
                let content = |r: &StatementRef| {
                    extractions[r.article_idx].statements[r.statement_idx].content
                };
                let (left, right) = (words_of(x), words_of(y));
                let names_a = names_within(left, content(a), right);
                let names_b = names_within(right, content(b), left);
                for (name_a, range_a) in &names_a {
                    for (name_b, range_b) in &names_b {
                        if !look_alike(name_a, name_b)
                            || !seen.insert((x, y, name_a.clone(), name_b.clone()))
                        {
                            continue;
                        }
                        let mut divergence = divergence(
                            DivergenceType::Contradiction,
                            0.5,
                            format!(
                                "In the same claim {} has \u{201c}{}\u{201d} where {} has \u{201c}{}\u{201d}; neither article uses the other's name.",
                                super::article_label(&articles[x]),
                                range_a.text(&articles[x].body),
                                super::article_label(&articles[y]),
                                range_b.text(&articles[y].body),
                            ),
                            occurrences(left, name_a)
                                .chain(occurrences(right, name_b))
                                .collect(),
                        );
                        divergence.confidence = 0.5;
                        found.push(divergence);
                    }
                }
            }
        }
    }
    found
}

/// The name-like words inside `content` of `own`'s article that the other
/// article never writes, each with its first range there.
fn names_within(own: &ArticleWords, content: Range, other: &ArticleWords) -> Vec<(String, Range)> {
    own.names
        .iter()
        .filter(|(word, _)| {
            word.chars().count() >= MIN_CLAIM_NAME_CHARS && !other.all_words.contains(*word)
        })
        .filter_map(|(word, ranges)| {
            ranges
                .iter()
                .find(|r| content.contains(r))
                .map(|r| (word.clone(), *r))
        })
        .collect()
}

/// Every place (up to `MAX_OCCURRENCES`) an article writes a name.
fn occurrences<'w>(words: &'w ArticleWords, name: &str) -> impl Iterator<Item = Evidence> + 'w {
    let article_idx = words.article_idx;
    words.names[name]
        .iter()
        .take(MAX_OCCURRENCES)
        .map(move |&range| Evidence { article_idx, range })
}

/// Two different names that look alike: the same first letter, close by
/// Jaro-Winkler, neither an inflection, a spelling or a longer form of the
/// other ("Geysers" / "Geyserville" name two places near one another).
fn look_alike(a: &str, b: &str) -> bool {
    let (stem_a, stem_b) = (stem(a), stem(b));
    a.chars().next() == b.chars().next()
        && strsim::jaro_winkler(a, b) >= MIN_CLAIM_NAME_JARO_WINKLER
        && !b.starts_with(stem_a.as_str())
        && !a.starts_with(stem_b.as_str())
        && without_accents(a) != without_accents(b)
        && american(a) != american(b)
        && !same_person_words(a, b)
}

/// Spellings one article uses and the other never does, close to each other.
fn variant_pairs(left: &ArticleWords, right: &ArticleWords) -> Vec<(String, String)> {
    let only_left: Vec<&String> = left
        .names
        .keys()
        .filter(|w| !right.all_words.contains(*w))
        .collect();
    let only_right: Vec<&String> = right
        .names
        .keys()
        .filter(|w| !left.all_words.contains(*w))
        .collect();
    let mut pairs = Vec::new();
    // Both spellings must be a person's surname: written after the same
    // first name or title in the two articles ("John Boehner" / "John
    // Boehmer", "Mr. Steele" / "Mr. Steel"), so that look-alike words
    // ("While" / "White", "America" / "American") are never names spelt
    // two ways.
    let same_first = |a: &str, b: &str| match (left.before.get(a), right.before.get(b)) {
        (Some(x), Some(y)) => !x.is_disjoint(y),
        _ => false,
    };
    for a in &only_left {
        for b in &only_right {
            if same_person_words(a, b)
                && same_first(a, b)
                && !a.starts_with(b.as_str())
                && !b.starts_with(a.as_str())
            {
                pairs.push(((*a).clone(), (*b).clone()));
            }
        }
    }
    pairs
}

fn variant_divergence(
    articles: &[Article],
    left: &ArticleWords,
    right: &ArticleWords,
    spelling_a: &str,
    spelling_b: &str,
) -> Divergence {
    let spans: Vec<Evidence> = occurrences(left, spelling_a)
        .chain(occurrences(right, spelling_b))
        .collect();
    let text_a = spans[0].range.text(&articles[left.article_idx].body);
    let text_b = spans
        .iter()
        .find(|e| e.article_idx == right.article_idx)
        .map_or("", |e| e.range.text(&articles[right.article_idx].body));
    divergence(
        DivergenceType::NameVariant,
        0.3,
        format!(
            "{} spells the name \u{201c}{text_a}\u{201d} where {} spells it \u{201c}{text_b}\u{201d}.",
            super::article_label(&articles[left.article_idx]),
            super::article_label(&articles[right.article_idx])
        ),
        spans,
    )
}

/// Canonical speaker names that are one person spelt two ways, when the
/// text check has not already reported the surname pair.
fn speaker_variants(
    articles: &[Article],
    extractions: &[Extraction],
    article_idxs: &[usize],
    seen: &BTreeSet<(usize, usize, String, String)>,
) -> Vec<Divergence> {
    // First mention of each canonical name per article.
    let mut mentions: BTreeMap<(usize, String), Range> = BTreeMap::new();
    for &article_idx in article_idxs {
        for statement in &extractions[article_idx].statements {
            if let (Some(name), Some(mention)) =
                (&statement.speaker.name, statement.speaker.mention)
            {
                mentions
                    .entry((article_idx, name.clone()))
                    .or_insert(mention);
            }
        }
    }
    let mut found = Vec::new();
    for ((article_a, name_a), mention_a) in &mentions {
        for ((article_b, name_b), mention_b) in mentions.range((article_a + 1, String::new())..) {
            let surname = |name: &str| {
                name.to_lowercase()
                    .split_whitespace()
                    .last()
                    .unwrap_or("")
                    .to_string()
            };
            let key = (*article_a, *article_b, surname(name_a), surname(name_b));
            // Two people's names, the same first name, the surname spelt
            // two ways: "Mike" / "Michael" or "agency officials" /
            // "administration officials" are not misspellings.
            let first = |name: &str| name.split_whitespace().next().unwrap_or("").to_lowercase();
            let spelt_two_ways = is_person_name(name_a)
                && is_person_name(name_b)
                && first(name_a) == first(name_b)
                && without_accents(&key.2) != without_accents(&key.3)
                && same_person_words(&key.2, &key.3);
            if !spelt_two_ways || seen.contains(&key) {
                continue;
            }
            found.push(divergence(
                DivergenceType::NameVariant,
                0.3,
                format!(
                    "{} names the speaker {name_a} where {} names them {name_b}.",
                    super::article_label(&articles[*article_a]),
                    super::article_label(&articles[*article_b])
                ),
                vec![
                    Evidence {
                        article_idx: *article_a,
                        range: *mention_a,
                    },
                    Evidence {
                        article_idx: *article_b,
                        range: *mention_b,
                    },
                ],
            ));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &str, b: &str, expected: bool) {
        assert_eq!(same_person_words(a, b), expected, "{a} / {b}");
    }

    #[test]
    fn institutions_do_not_read_as_people() {
        let body = "Rajesh Chharia, president of the association, said so. Mr. Chharia added more.";
        for (name, expected) in [
            ("Craig Zadan", true),
            ("Rajesh Chharia", true),
            ("Academy Awards", false),
            ("Telecommunication Regulatory Authority", false),
            ("Indian ISPs", false),
        ] {
            assert_eq!(reads_as_person(name, body), expected, "{name}");
        }
    }

    /// Three outlets, two of which misspell one name: one finding names
    /// both, with every occurrence as evidence.
    /// The name findings among articles with `bodies`, all of one event.
    fn findings_among(bodies: &[&str]) -> (Vec<Article>, Vec<Divergence>) {
        let articles: Vec<Article> = bodies
            .iter()
            .enumerate()
            .map(|(k, body)| Article {
                id: format!("a{k}"),
                body: body.to_string(),
                ..Article::default()
            })
            .collect();
        let extractions = vec![Extraction::default(); bodies.len()];
        let event = Event {
            label: String::new(),
            articles: (0..bodies.len()).collect(),
            alignments: Vec::new(),
            only_in: Vec::new(),
            related: Vec::new(),
            copies: Vec::new(),
        };
        let found = name_findings(&articles, &extractions, &event);
        (articles, found)
    }

    #[test]
    fn one_finding_per_pair_of_spellings() {
        let (articles, found) = findings_among(&[
            "Hospital spokeswoman Ilene Wolfe said the two men were in stable condition.",
            "Hospital spokeswoman Ilene Wolff said the two men were in stable condition.",
            "The men were in stable condition, said Ilene Wolfe, a hospital spokeswoman.",
        ]);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].explanation,
            "a0, a2 spell the name \u{201c}Wolfe\u{201d} where a1 spells it \u{201c}Wolff\u{201d}."
        );
        let evidence: Vec<(usize, &str)> = found[0]
            .spans
            .iter()
            .map(|e| (e.article_idx, e.range.text(&articles[e.article_idx].body)))
            .collect();
        assert_eq!(evidence, [(0, "Wolfe"), (1, "Wolff"), (2, "Wolfe")]);
    }

    /// A title or a noun for people in a firm's name is the firm's word,
    /// however each outlet spells it.
    #[test]
    fn a_firms_name_written_two_ways_is_no_name_variant() {
        let (_, found) = findings_among(&[
            "Calls to Gordon Advisers were not answered, the police said.",
            "Calls to Gordon Advisors were not answered, the police said.",
        ]);
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn spelling_variants_but_not_inflections() {
        check("gingrich", "gengrich", true);
        check("obama", "obema", true);
        check("netanyahu", "natanyahu", true);
        check("king", "keng", true);
        check("republican", "republicans", false);
        check("kerry", "perry", false);
        check("iran", "iraq", false);
        check("obama", "obamacare", false);
        check("recognised", "recognized", false);
        check("advisers", "advisors", true);
        assert!(same_person_names("Michael Steele", "Michael Steale"));
        assert!(!same_person_names("Michael Steele", "Ann Steale"));
    }

    #[test]
    fn one_surname_is_one_person_unless_someone_speaks_for_them() {
        assert!(may_be_same_person("Obama", "Barack Obama"));
        assert!(may_be_same_person("Mrs. Clinton", "Hillary Clinton"));
        assert!(!may_be_same_person(
            "lawyer for Mrs. Clinton",
            "Hillary Clinton"
        ));
        assert!(!may_be_same_person("Barack Obama", "Michelle Robinson"));
    }
}
