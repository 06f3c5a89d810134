//! British and American spellings of one word.
//!
//! Takes one lower-case word; gives it in American spelling where a regular
//! British ending differs ("recognised" → "recognized", "organisation" →
//! "organization", "analyse" → "analyze", "neighbourhood" → "neighborhood"),
//! so that two outlets' house styles are not read as two wordings or two
//! names. Both sides of a comparison go through it, so a word it maps that
//! has no American form ("advise" → "advize") still meets itself.

/// Endings after "is" / "ys" that American spelling writes with "z".
const SE_ENDINGS: [&str; 7] = ["e", "ed", "es", "ing", "ation", "ations", "er"];
/// Endings after "our" that American spelling writes after "or".
const OUR_ENDINGS: [&str; 11] = [
    "", "s", "ed", "ing", "ite", "ites", "hood", "hoods", "able", "er", "ers",
];
/// Letters a word keeps before a changed ending, at least: "rise", "wise",
/// "four" and "hour" are left alone.
const MIN_STEM: usize = 3;

/// The word in American spelling (the word itself when nothing applies).
pub fn american(word: &str) -> String {
    for ending in SE_ENDINGS {
        for (british, american) in [("is", "iz"), ("ys", "yz")] {
            let suffix = format!("{british}{ending}");
            if let Some(stem) = word.strip_suffix(suffix.as_str()) {
                if stem.len() >= MIN_STEM {
                    return format!("{stem}{american}{ending}");
                }
            }
        }
    }
    for ending in OUR_ENDINGS {
        let suffix = format!("our{ending}");
        if let Some(stem) = word.strip_suffix(suffix.as_str()) {
            if stem.len() >= MIN_STEM {
                return format!("{stem}or{ending}");
            }
        }
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::american;

    #[test]
    fn british_endings_in_american_spelling() {
        assert_eq!(american("recognised"), "recognized");
        assert_eq!(american("organisations"), "organizations");
        assert_eq!(american("analyse"), "analyze");
        assert_eq!(american("neighbourhood"), "neighborhood");
        assert_eq!(american("colour"), "color");
        assert_eq!(american("behaviour"), "behavior");
        assert_eq!(american("recognized"), "recognized");
        for unchanged in [
            "four", "hour", "your", "rise", "wise", "gonzales", "advisers",
        ] {
            assert_eq!(american(unchanged), unchanged);
        }
    }
}
