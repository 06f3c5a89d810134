//! The word classes the extractor (and the scorer, on names and titles)
//! reads: attribution cues, function words, titles, group nouns,
//! abbreviations, weekdays and months, loaded once from the data files in
//! `lexicons/`.
//!
//! Every word maps to a set of flags; a token's flags are looked up once when
//! it is made, so later rules test bits instead of comparing strings.

use super::lexicon::lexicon_lines;
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

pub const SPEECH: u32 = 1;
pub const BELIEF: u32 = 1 << 1;
pub const INTENT: u32 = 1 << 2;
pub const EVIDENCE: u32 = 1 << 3;
pub const PRONOUN: u32 = 1 << 4;
pub const OBJECT_PRONOUN: u32 = 1 << 5;
pub const RELATIVE: u32 = 1 << 6;
pub const DETERMINER: u32 = 1 << 7;
pub const PREPOSITION: u32 = 1 << 8;
pub const CONJUNCTION: u32 = 1 << 9;
pub const SUBORDINATOR: u32 = 1 << 10;
pub const AUXILIARY: u32 = 1 << 11;
pub const TITLE: u32 = 1 << 12;
pub const GROUP: u32 = 1 << 13;
pub const ABBREVIATION: u32 = 1 << 14;
pub const WEEKDAY_OR_MONTH: u32 = 1 << 15;

/// Any attribution cue class.
pub const CUE: u32 = SPEECH | BELIEF | INTENT | EVIDENCE;

/// Flags of a lower-case word (without a trailing period), 0 when unknown.
pub fn flags(lower_word: &str) -> u32 {
    table().get(lower_word).copied().unwrap_or(0)
}

fn table() -> &'static HashMap<&'static str, u32> {
    static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(build_table)
}

fn build_table() -> HashMap<&'static str, u32> {
    let mut table: HashMap<&'static str, u32> = HashMap::default();
    add_classed(&mut table, include_str!("../../lexicons/cues.txt"));
    add_classed(
        &mut table,
        include_str!("../../lexicons/function_words.txt"),
    );
    add_words(&mut table, include_str!("../../lexicons/titles.txt"), TITLE);
    add_words(&mut table, include_str!("../../lexicons/groups.txt"), GROUP);
    add_words(
        &mut table,
        include_str!("../../lexicons/abbreviations.txt"),
        ABBREVIATION,
    );
    add_words(&mut table, CALENDAR, WEEKDAY_OR_MONTH);
    table
}

const CALENDAR: &str = "monday\ntuesday\nwednesday\nthursday\nfriday\nsaturday\nsunday\n\
january\nfebruary\nmarch\napril\nmay\njune\njuly\naugust\nseptember\noctober\nnovember\ndecember\n\
today\nyesterday\ntonight";

fn add_words(table: &mut HashMap<&'static str, u32>, text: &'static str, flag: u32) {
    for word in lexicon_lines(text) {
        *table.entry(word).or_default() |= flag;
    }
}

fn add_classed(table: &mut HashMap<&'static str, u32>, text: &'static str) {
    for line in lexicon_lines(text) {
        let mut parts = line.split_whitespace();
        let flag = match parts.next() {
            Some("speech") => SPEECH,
            Some("belief") => BELIEF,
            Some("intent") => INTENT,
            Some("evidence") => EVIDENCE,
            Some("pronoun") => PRONOUN,
            Some("object_pronoun") => OBJECT_PRONOUN,
            Some("relative") => RELATIVE,
            Some("determiner") => DETERMINER,
            Some("preposition") => PREPOSITION,
            Some("conjunction") => CONJUNCTION,
            Some("subordinator") => SUBORDINATOR,
            Some("auxiliary") => AUXILIARY,
            other => panic!("unknown lexicon class {other:?} in line {line:?}"),
        };
        for word in parts {
            *table.entry(word).or_default() |= flag;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_read() {
        assert_eq!(flags("said") & SPEECH, SPEECH);
        assert_eq!(flags("believes") & BELIEF, BELIEF);
        assert_eq!(flags("the") & DETERMINER, DETERMINER);
        assert_eq!(flags("spokeswoman") & TITLE, TITLE);
        assert_eq!(flags("officials") & GROUP, GROUP);
        assert_eq!(flags("tuesday"), WEEKDAY_OR_MONTH);
        assert_eq!(flags("zebra"), 0);
    }
}
