//! Numbers: which words are numbers, and the value of a spelt-out one.
//!
//! Takes normalised words (lower case); `score` compares the figures two
//! outlets give, `align` leaves numbers out of similarity, and `extract`
//! never takes a number word for a name.

/// Number words and digit strings ("four", "300", "3,000", "2.5", "three-year").
pub fn is_number(norm: &str) -> bool {
    norm.chars().any(|c| c.is_ascii_digit()) || number_word_value(norm).is_some()
}

/// The value of a spelt-out number word ("four" → 4, "dozen" → 12),
/// also as the first part of a hyphenated word ("three-year").
pub fn number_word_value(norm: &str) -> Option<f64> {
    const WORDS: [(&str, f64); 31] = [
        ("zero", 0.0),
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
        ("twenty", 20.0),
        ("thirty", 30.0),
        ("forty", 40.0),
        ("fifty", 50.0),
        ("sixty", 60.0),
        ("seventy", 70.0),
        ("eighty", 80.0),
        ("ninety", 90.0),
        ("hundred", 100.0),
        ("dozen", 12.0),
        ("thousand", 1000.0),
    ];
    let head = norm.split('-').next().unwrap_or(norm);
    WORDS
        .iter()
        .find(|(word, _)| *word == head)
        .map(|(_, value)| *value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert!(is_number("three-year"));
        assert!(is_number("3,000"));
        assert!(!is_number("threes"));
        assert_eq!(number_word_value("dozen"), Some(12.0));
        assert_eq!(number_word_value("three-year"), Some(3.0));
    }
}
