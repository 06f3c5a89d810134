//! Framing: the outlet's own evaluative words, found outside quotations.
//!
//! Takes an article body and the byte ranges of its quotations; gives back
//! [`Framing`] spans (loaded words, intensifiers, hedges, charged reporting
//! verbs) from the word lists in `lexicons/`, which are compiled into the
//! binary (`framing_wordnet.txt` is derived from WordNet by
//! `scripts/derive_evaluative.py`). A quotation of a single word is a scare
//! quote, the outlet's own framing, and is searched like the rest. One Aho-Corasick automaton over every entry of every list is built
//! once and shared; matching is ASCII case-insensitive, on word boundaries,
//! and never copies or normalises the body, so offsets are the body's own.
//!
//! Lexicon format: `#` starts a comment line; one entry a line, lower case,
//! possibly several words; a trailing `*` marks a stem that matches any
//! continuation of the word (`slam*` matches slams, slammed, slamming); an
//! entry written with a capital first letter is a word made from a name
//! ("Orwellian"), matched in any case but never taken for a name itself.
//! An apostrophe in an entry matches both `'` and `’`.

use std::collections::HashSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::model::{Framing, Range};
use crate::text::lexicon::lexicon_lines;

/// The category of the neutral list: its matches hide the shorter entries
/// inside them ("even" in "even though") and are never reported.
const NEUTRAL: &str = "neutral";

/// Each category with its word list, in priority order: an entry listed in
/// two files keeps the first category, and of two entries matching the same
/// span the earlier list wins.
const LEXICONS: [(&str, &str); 6] = [
    (NEUTRAL, include_str!("../lexicons/framing_neutral.txt")),
    (
        "report_verb",
        include_str!("../lexicons/framing_report_verbs.txt"),
    ),
    ("hedge", include_str!("../lexicons/framing_hedges.txt")),
    (
        "intensifier",
        include_str!("../lexicons/framing_intensifiers.txt"),
    ),
    ("loaded", include_str!("../lexicons/framing_loaded.txt")),
    // Derived from WordNet by `scripts/derive_evaluative.py`.
    ("loaded", include_str!("../lexicons/framing_wordnet.txt")),
];

/// The framing category of this name, as `Framing::category` holds it
/// (e.g. for framing read back from a file).
pub fn category_named(name: &str) -> Option<&'static str> {
    LEXICONS
        .iter()
        .map(|(category, _)| *category)
        .find(|category| *category == name)
}

/// What a pattern of the automaton stands for.
#[derive(Debug, Clone, Copy)]
struct Entry {
    category: &'static str,
    /// Index of the category in [`LEXICONS`]: lower wins a tie.
    rank: usize,
    /// The entry ended in `*`: the match runs on to the end of the word.
    is_stem: bool,
    /// The entry is written with a capital (a word made from a name,
    /// "Orwellian"): a capital in running text does not make it a name.
    is_proper: bool,
}

/// A match that passed the boundary and quotation checks.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    range: Range,
    entry: Entry,
}

/// The compiled lexicons: pattern `i` of `automaton` is `entries[i]`.
struct Lexicon {
    automaton: AhoCorasick,
    entries: Vec<Entry>,
}

/// Quoted stretches of at most this many words are scare quotes (the outlet
/// holding a word at arm's length: its “fix”, a “cover-up”): the outlet's
/// own framing, so their words are searched like the rest. Two words are
/// already mostly someone's phrase (Musk praised the “outrageous blitz”).
const MAX_SCARE_QUOTE_WORDS: usize = 1;

/// Finds the framing words of `body` that lie outside every range of
/// `quotations` (byte ranges of quoted text, marks included, in any order),
/// scare quotes apart.
///
/// Spans are sorted by start and do not overlap; where two entries overlap,
/// the one starting first wins, and of those the longest.
pub fn find(body: &str, quotations: &[Range]) -> Vec<Framing> {
    let lexicon = lexicon();
    let speech: Vec<Range> = quotations
        .iter()
        .copied()
        .filter(|quote| !is_scare_quote(body, *quote))
        .collect();
    let quotes = merged(&speech);
    let mut candidates = Vec::new();
    for found in lexicon.automaton.find_overlapping_iter(body) {
        let entry = lexicon.entries[found.pattern().as_usize()];
        let Some(range) = word_match(body, found.start(), found.end(), entry.is_stem) else {
            continue;
        };
        if !overlaps_any(&quotes, range) && (entry.is_proper || !looks_like_name(body, range)) {
            candidates.push(Candidate { range, entry });
        }
    }
    leftmost_longest(candidates)
        .filter(|candidate| candidate.entry.category != NEUTRAL)
        .map(|candidate| Framing {
            range: candidate.range,
            category: candidate.entry.category,
        })
        .collect()
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(build_lexicon)
}

fn build_lexicon() -> Lexicon {
    let mut patterns = Vec::new();
    let mut entries = Vec::new();
    let mut seen = HashSet::new();
    for (rank, (category, text)) in LEXICONS.into_iter().enumerate() {
        for line in lexicon_entries(text) {
            for variant in apostrophe_variants(&line.phrase) {
                if seen.insert(variant.clone()) {
                    patterns.push(variant);
                    entries.push(Entry {
                        category,
                        rank,
                        is_stem: line.is_stem,
                        is_proper: line.is_proper,
                    });
                }
            }
        }
    }
    let automaton = AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&patterns)
        .expect("the framing lexicons compile into an automaton");
    Lexicon { automaton, entries }
}

/// One entry of a lexicon file.
struct LexiconLine {
    /// The entry lower-cased, without its `*`.
    phrase: String,
    is_stem: bool,
    /// Written with a capital first letter.
    is_proper: bool,
}

/// The entries of one lexicon file.
fn lexicon_entries(text: &str) -> impl Iterator<Item = LexiconLine> + '_ {
    lexicon_lines(text).map(|line| {
        let (phrase, is_stem) = match line.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (line, false),
        };
        LexiconLine {
            phrase: crate::text::normalise(phrase),
            is_stem,
            is_proper: phrase.starts_with(char::is_uppercase),
        }
    })
}

/// The phrase as written with `'`, plus its `’` form when it has an apostrophe.
fn apostrophe_variants(phrase: &str) -> Vec<String> {
    let mut variants = vec![phrase.to_string()];
    if phrase.contains('\'') {
        variants.push(phrase.replace('\'', "’"));
    }
    variants
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The span of a raw automaton match `[start, end)` if it sits on word
/// boundaries; a stem's span is extended to the end of its word.
fn word_match(body: &str, start: usize, end: usize, is_stem: bool) -> Option<Range> {
    let matched = &body[start..end];
    let starts_in_word = matched.chars().next().is_some_and(is_word_char);
    if starts_in_word && body[..start].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let rest = &body[end..];
    if is_stem {
        let word_len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        return Some(Range::new(start, end + word_len));
    }
    let ends_in_word = matched.chars().next_back().is_some_and(is_word_char);
    if ends_in_word && rest.chars().next().is_some_and(is_word_char) {
        return None;
    }
    Some(Range::new(start, end))
}

/// Whether the quotation `quote` holds no more than
/// [`MAX_SCARE_QUOTE_WORDS`] words.
fn is_scare_quote(body: &str, quote: Range) -> bool {
    body.get(quote.start..quote.end).is_some_and(|quoted| {
        quoted
            .split(|c: char| !is_word_char(c) && c != '-' && c != '\'' && c != '’')
            .filter(|word| word.chars().any(is_word_char))
            .count()
            <= MAX_SCARE_QUOTE_WORDS
    })
}

/// The ranges sorted, with overlapping or touching ones merged.
fn merged(ranges: &[Range]) -> Vec<Range> {
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<Range> = Vec::with_capacity(sorted.len());
    for range in sorted {
        match out.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => out.push(range),
        }
    }
    out
}

/// Whether `range` shares a byte with any of `sorted_disjoint`.
fn overlaps_any(sorted_disjoint: &[Range], range: Range) -> bool {
    let after = sorted_disjoint.partition_point(|quote| quote.start < range.end);
    after > 0 && sorted_disjoint[after - 1].end > range.start
}

/// Whether a one-word match is capitalised in running text ("Savage" after
/// "Michael", "Hawkins" after "said"): then it is a name, not a word of the
/// lexicon. A capital after a sentence end, a quote mark, a colon or a line
/// break, in an all-capitals word, or between two capitalised words (a
/// headline in title case: "Democrats Slam Plan") is taken as ordinary; a
/// phrase ("Twitter war") may begin with a name.
fn looks_like_name(body: &str, range: Range) -> bool {
    let matched = &body[range.start..range.end];
    if matched.contains(char::is_whitespace) {
        return false;
    }
    let mut chars = matched.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else {
        return false;
    };
    if !first.is_uppercase() || second.is_uppercase() {
        return false;
    }
    let before = body[..range.start].trim_end_matches([' ', '\t']);
    let in_running_text = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | ';'));
    in_running_text && !in_title_case(before, &body[range.end..])
}

/// Whether the words on both sides of a match start with a capital letter.
fn in_title_case(before: &str, after: &str) -> bool {
    let starts_upper = |word: Option<&str>| {
        word.and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let previous = before.split_whitespace().next_back();
    let next = after.split_whitespace().next();
    starts_upper(previous) && starts_upper(next)
}

/// Keeps, left to right, the longest candidate at each start that does not
/// overlap one already kept; of equal spans, an exact entry beats a stem and
/// an earlier list beats a later one.
fn leftmost_longest(mut candidates: Vec<Candidate>) -> impl Iterator<Item = Candidate> {
    candidates.sort_unstable_by_key(|c| {
        (
            c.range.start,
            std::cmp::Reverse(c.range.end),
            c.entry.is_stem,
            c.entry.rank,
        )
    });
    let mut last_end = 0;
    candidates.into_iter().filter(move |candidate| {
        let is_free = candidate.range.start >= last_end;
        if is_free {
            last_end = candidate.range.end;
        }
        is_free
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quotations the extractor finds in `input`.
    fn quotations(input: &str) -> Vec<Range> {
        crate::extract::quotes::find(input, &crate::segment::segment(input).paragraphs)
    }

    /// Runs `quotations` + `find` on `input` and compares `(text, category)`
    /// pairs, checking that every offset slices out its text.
    fn check(input: &str, expected: &[(&str, &str)]) {
        let spans = find(input, &quotations(input));
        let actual: Vec<(&str, &str)> = spans
            .iter()
            .map(|f| (f.range.text(input), f.category))
            .collect();
        assert_eq!(actual, expected, "input: {input:?}");
    }

    #[test]
    fn loaded_word_outside_quotes() {
        check(
            "The senator slammed the plan on Monday.",
            &[("slammed", "loaded")],
        );
    }

    #[test]
    fn exact_offsets() {
        let body = "Critics slammed it.";
        let spans = find(body, &[]);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].range, Range::new(8, 15));
    }

    #[test]
    fn loaded_word_inside_curly_quotes_skipped() {
        check("He said “this plan is an outrage” on Monday.", &[]);
    }

    #[test]
    fn loaded_word_inside_straight_quotes_skipped() {
        check(
            "He said \"this is an outrage\" and an outrage it was.",
            &[("outrage", "loaded")],
        );
    }

    #[test]
    fn scare_quote_is_the_outlets_voice() {
        check(
            "Officials called it a “cover-up”, and he said “this plan is a cover-up of the facts” at once.",
            &[("cover-up", "loaded")],
        );
    }

    #[test]
    fn plain_reporting_words_are_not_framing() {
        check(
            "Even the most likely winner reportedly warned that voters were particularly worried.",
            &[],
        );
    }

    #[test]
    fn wordnet_derived_adjective_and_adverb() {
        check(
            "He foolishly backed an absurdly costly and reckless plan.",
            &[
                ("foolishly", "loaded"),
                ("absurdly", "loaded"),
                ("reckless", "loaded"),
            ],
        );
    }

    #[test]
    fn multi_word_phrase_preferred_to_its_parts() {
        check(
            "The governor took aim at the bill.",
            &[("took aim at", "loaded")],
        );
    }

    #[test]
    fn case_preserved() {
        check(
            "Controversial rules took effect.",
            &[("Controversial", "loaded")],
        );
    }

    #[test]
    fn curly_apostrophe_matches_like_straight() {
        check(
            "He won’t budge; she won't budge.",
            &[("won’t budge", "loaded"), ("won't budge", "loaded")],
        );
    }

    #[test]
    fn word_boundary() {
        check(
            "She claimed the land; he reclaimed it.",
            &[("claimed", "report_verb")],
        );
    }

    #[test]
    fn stem_matches_inflections() {
        check(
            "Democrats blasted the bill; Republicans are blasting back.",
            &[("blasted", "loaded"), ("blasting", "loaded")],
        );
    }

    #[test]
    fn categories() {
        check(
            "He supposedly boasted of an extremely bold plan.",
            &[
                ("supposedly", "hedge"),
                ("boasted", "report_verb"),
                ("extremely", "intensifier"),
                ("bold", "loaded"),
            ],
        );
    }

    #[test]
    fn given_quotation_ranges_are_honoured() {
        let body = "They called it a scandal.";
        let whole = Range::new(0, body.len());
        assert!(find(body, &[whole]).is_empty());
        assert_eq!(find(body, &[]).len(), 1);
    }

    #[test]
    fn capitalised_word_in_running_text_is_a_name() {
        check(
            "Host Michael Savage spoke. Savage attacks followed.",
            &[("Savage", "loaded")],
        );
    }

    #[test]
    fn capitalised_word_in_a_title_case_headline_is_a_word() {
        check(
            "Report: Democrats Slam Plan, Michael Savage spoke.",
            &[("Slam", "loaded")],
        );
    }

    #[test]
    fn word_made_from_a_name_is_not_taken_for_one() {
        check(
            "It is a little Orwellian, and Blair Savage agreed.",
            &[("Orwellian", "loaded")],
        );
    }

    #[test]
    fn neutral_phrase_hides_its_words() {
        check(
            "They hid in a panic room, and panic spread.",
            &[("panic", "loaded")],
        );
    }

    #[test]
    fn lexicon_entries_are_unique_lower_case() {
        let mut seen = HashSet::new();
        for (category, text) in LEXICONS {
            for line in lexicon_entries(text) {
                let phrase = line.phrase;
                let mut raw = if line.is_proper {
                    let mut chars = phrase.chars();
                    let first = chars.next().unwrap().to_uppercase();
                    first.chain(chars).collect()
                } else {
                    phrase.clone()
                };
                if line.is_stem {
                    raw.push('*');
                }
                assert!(
                    text.lines().any(|l| l.trim() == raw),
                    "{category}: {raw:?} not lower case after its first letter"
                );
                assert!(
                    seen.insert(phrase.clone()),
                    "{category}: {phrase:?} listed twice"
                );
            }
        }
    }
}
