//! Text: the word-level utilities every stage shares, below the stages.
//!
//! Takes text (a body and byte ranges, or single normalised words); gives
//! what the stages read from it, always the same way:
//! - `tokens`: word tokens with byte ranges and a normalised form, the
//!   content stems and character trigrams that similarity compares (used by
//!   `align`, `score` and `check`; `extract` has its own attribution tokens,
//!   punctuation included, in `extract::tokens`);
//! - `stems`: the English stem of a word;
//! - `numbers`: number words and digit strings;
//! - `spelling`: British word endings in American spelling;
//! - `lexicon`: reading the word lists in `lexicons/`, and the shared lists
//!   (similarity stopwords, negations, topic stopwords);
//! - `word_classes`: the word classes the extractor and the scorer test
//!   (cues, function words, titles, groups, abbreviations), as bit flags;
//! - here, `normalise`, `push_lowercase` and `trim_range`.

pub mod lexicon;
pub mod numbers;
pub mod spelling;
pub mod stems;
pub mod tokens;
pub mod word_classes;

use crate::model::Range;

/// A word or phrase as the word lists and `tokens::Token::norm` hold it:
/// lower case, the typographic apostrophe `’` made `'`.
pub fn normalise(text: &str) -> String {
    text.to_lowercase().replace('’', "'")
}

/// Appends the lower case of `word` to `out`, fast for ASCII. Lower-cases
/// character by character (a final `Σ` stays `σ`, unlike `str::to_lowercase`).
pub fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Shrinks a range so that it neither starts nor ends with whitespace.
pub fn trim_range(body: &str, range: Range) -> Range {
    let text = range.text(body);
    let leading = text.len() - text.trim_start().len();
    let trailing = text.len() - text.trim_end().len();
    if leading == text.len() {
        return Range::new(range.start, range.start);
    }
    Range::new(range.start + leading, range.end - trailing)
}
