//! Language: takes an article's text, tells whether it reads as English.
//!
//! parallax's rules and lexicons are English only: on another language they
//! would turn every sentence into a speakerless statement. Such an article
//! is read and listed, but nothing is extracted from it. Only the start of
//! the text is looked at, so the check costs the same for any length.

use crate::text::lexicon::lexicon_lines;
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Bytes of the text looked at.
const SAMPLE_BYTES: usize = 800;
/// Fewer words than this say too little to judge: accepted (a headline or
/// a single sentence of English can hold few function words).
const MIN_WORDS: usize = 20;
/// English prose has a third or more of these words, though a headline-like
/// sentence of names and nouns can have under a tenth ("Democratic U.S. Rep.
/// David Cicilline of Rhode Island eloquently blasted ..."); other
/// Latin-script languages have almost none.
const MIN_MARKER_SHARE: f64 = 0.07;
/// Letters outside the Latin script needed to call the text another script.
const MIN_OTHER_LETTERS: usize = 20;

/// Why the text is not English, or `None` when it is (or is too short to tell).
pub fn unsupported_language(text: &str) -> Option<String> {
    let sample = &text[..text.floor_char_boundary(SAMPLE_BYTES)];
    let (latin, other) = letters(sample);
    if other >= MIN_OTHER_LETTERS && other > latin {
        return Some("unsupported language: the text is not in the latin script".to_string());
    }
    let markers = english_markers();
    let mut n_words = 0;
    let mut n_markers = 0;
    for word in sample.split(|c: char| !c.is_alphabetic() && c != '\'') {
        if word.is_empty() {
            continue;
        }
        n_words += 1;
        if is_marker(word, markers) {
            n_markers += 1;
        }
    }
    if n_words < MIN_WORDS || n_markers as f64 >= MIN_MARKER_SHARE * n_words as f64 {
        return None;
    }
    Some(format!(
        "unsupported language: {n_markers} of the first {n_words} words are common english words"
    ))
}

/// A marker word, compared in ASCII lower case without allocating.
fn is_marker(word: &str, markers: &FxHashSet<&'static str>) -> bool {
    let mut lower = [0u8; 8];
    if word.len() > lower.len() || !word.is_ascii() {
        return false;
    }
    for (to, from) in lower.iter_mut().zip(word.bytes()) {
        *to = from.to_ascii_lowercase();
    }
    std::str::from_utf8(&lower[..word.len()]).is_ok_and(|word| markers.contains(word))
}

/// Letters in the Latin script (with its accents) and in any other.
fn letters(text: &str) -> (usize, usize) {
    let mut latin = 0;
    let mut other = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if (c as u32) < 0x250 || ('\u{1e00}'..='\u{1eff}').contains(&c) {
            latin += 1;
        } else {
            other += 1;
        }
    }
    (latin, other)
}

fn english_markers() -> &'static FxHashSet<&'static str> {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_lines(include_str!("../lexicons/english_markers.txt")).collect())
}

#[cfg(test)]
mod tests {
    use super::unsupported_language;

    #[test]
    fn english_passes_other_languages_and_scripts_do_not_and_short_texts_pass() {
        let cases = [
            ("The minister said on Monday that the talks would go on, and that he was hopeful about them.", true),
            ("Der Minister sagte am Montag, die Gespräche mit der Regierung würden in der nächsten Woche weitergehen, und er sei sehr zuversichtlich.", false),
            ("El ministro dijo el lunes que las conversaciones con el gobierno continuarían la semana próxima y que estaba muy esperanzado.", false),
            ("Democratic U.S. Rep. David Cicilline of Rhode Island eloquently blasted Republican Rep. Matt Gaetz of Florida during a heated House Judiciary hearing.", true),
            ("外交部长周一表示，会谈将继续进行，他对会谈充满希望，并且认为双方都有诚意。", false),
            ("Rubio: talks a first step.", true),
        ];
        for (text, is_english) in cases {
            assert_eq!(unsupported_language(text).is_none(), is_english, "{text}");
        }
    }
}
