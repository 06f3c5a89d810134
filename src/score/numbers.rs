//! Numbers in a run of word tokens, as intervals with a unit.
//!
//! Takes tokens (with the body they index); gives each number mention as an
//! interval of values (modifiers such as "about", "more than", "up to" widen
//! it), a unit (`$`, `%`, or the noun it counts: "troop", "year") and the
//! token positions it covers. Two mentions disagree only when their units
//! match and their intervals are disjoint.

use crate::text::lexicon::is_stopword;
use crate::text::numbers::number_word_value;
use crate::text::stems::stem;
use crate::text::tokens::Token;

/// One number as written: "about 300 billion dollars", "three-year", "2-3 months".
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NumberMention {
    /// Token positions `[first, last]` of the number itself (no modifier).
    pub first: usize,
    pub last: usize,
    pub low: f64,
    pub high: f64,
    /// `$`, `%`, or the stem of the counted noun; `None` when unknown.
    pub unit: Option<String>,
    /// The modifier that widened the interval ("about", "more than"), if any.
    pub modifier: Option<&'static str>,
    /// The values as written, before the modifier widened them.
    pub written: (f64, f64),
}

impl NumberMention {
    /// Whether the two can be about the same quantity: units equal, or one unknown.
    pub fn comparable(&self, other: &NumberMention) -> bool {
        match (&self.unit, &other.unit) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// Whether the two cannot be the same figure: under the same modifier
    /// ("about 15" / "about 20") the written values differ; otherwise no
    /// value lies in both intervals ("about 300" / "320" agree).
    pub fn disjoint(&self, other: &NumberMention) -> bool {
        let apart = |a: (f64, f64), b: (f64, f64)| {
            let tolerance = 1e-9 * a.1.abs().max(b.1.abs()).max(1.0);
            a.1 + tolerance < b.0 || b.1 + tolerance < a.0
        };
        if self.modifier == other.modifier {
            return apart(self.written, other.written);
        }
        apart((self.low, self.high), (other.low, other.high))
    }
}

/// The number mentions of `tokens`, in order.
pub(crate) fn numbers(body: &str, tokens: &[Token]) -> Vec<NumberMention> {
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((low, high, hyphen_unit)) = value(&tokens[i].norm) else {
            i += 1;
            continue;
        };
        // A time of day ("9:25", "9.25 a.m.", "10 p.m.") is one value, in
        // minutes after midnight, whatever way it is written; "one" in "one
        // of the biggest" is no number.
        if let Some((minutes, last)) = time_of_day(body, tokens, i) {
            mentions.push(NumberMention {
                first: i,
                last,
                low: minutes,
                high: minutes,
                unit: Some(TIME_UNIT.to_string()),
                modifier: None,
                written: (minutes, minutes),
            });
            i = last + 1;
            continue;
        }
        if tokens[i].norm == "one" && tokens.get(i + 1).is_some_and(|t| t.norm == "of") {
            i += 1;
            continue;
        }
        let (mut low, mut high, mut last) = (low, high, i);
        // "4 1/2": a whole number and a fraction.
        if let Some(fraction) = fraction_after(body, tokens, i) {
            low += fraction;
            high += fraction;
            last += 2;
        }
        while let Some(factor) = tokens.get(last + 1).and_then(|t| multiplier(&t.norm)) {
            low *= factor;
            high *= factor;
            last += 1;
        }
        let unit = hyphen_unit.or_else(|| unit_around(body, tokens, i, last));
        let written = (low, high);
        let (modifier, low, high) = apply_modifier(tokens, i, low, high);
        mentions.push(NumberMention {
            first: i,
            last,
            low,
            high,
            unit,
            modifier,
            written,
        });
        i = last + 1;
    }
    mentions
}

/// The unit of a time of day (`time_of_day`).
pub(crate) const TIME_UNIT: &str = "time of day";

/// A time of day at token `i`, in minutes after midnight, with its last
/// token: "9:25" (tokens "9" and "25"), "9.25 a.m.", "10 p.m." (an hour up
/// to 24 before "a.m." / "p.m.": "NewsTalk 990 AM" is a radio station).
fn time_of_day(body: &str, tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let hour_text = tokens[i].norm.as_str();
    let after = &body[tokens[i].range.end..];
    let (hour, mut minute, mut last) =
        if after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            let minute: f64 = tokens.get(i + 1)?.norm.parse().ok()?;
            (hour_text.parse::<f64>().ok()?, minute, i + 1)
        } else if let Some((h, m)) = hour_text.split_once('.') {
            (h.parse().ok()?, m.parse().ok()?, i)
        } else {
            (hour_text.parse().ok()?, 0.0, i)
        };
    if !(0.0..=24.0).contains(&hour) || !(0.0..60.0).contains(&minute) {
        return None;
    }
    let rest = body[tokens[last].range.end..]
        .trim_start()
        .to_ascii_lowercase();
    let meridiem = ["a.m.", "p.m.", "a.m", "p.m", "am", "pm"]
        .into_iter()
        .find(|m| rest.starts_with(m) && !rest[m.len()..].starts_with(|c: char| c.is_alphabetic()));
    let clock = last > i;
    if !clock && meridiem.is_none() {
        return None;
    }
    let evening = meridiem.is_some_and(|m| m.starts_with('p')) && hour < 12.0;
    if let Some(m) = meridiem {
        // The letters of "p.m." are tokens of their own; they are part of
        // the time.
        let letters = m.chars().filter(|c| c.is_alphabetic()).count();
        last = (last + 1..tokens.len())
            .take(letters)
            .take_while(|&k| {
                tokens[k].norm.len() <= 2 && tokens[k].norm.chars().all(char::is_alphabetic)
            })
            .last()
            .unwrap_or(last);
    }
    minute += 60.0 * (hour + if evening { 12.0 } else { 0.0 });
    Some((minute, last))
}

/// The fraction written right after a whole number ("4 1/2" → 0.5), whose
/// numerator and denominator are the next two tokens.
fn fraction_after(body: &str, tokens: &[Token], i: usize) -> Option<f64> {
    let (numerator, denominator) = (tokens.get(i + 1)?, tokens.get(i + 2)?);
    let between = &body[tokens[i].range.end..numerator.range.start];
    let slash = &body[numerator.range.end..denominator.range.start];
    if between != " " || slash != "/" {
        return None;
    }
    let (n, d): (f64, f64) = (numerator.norm.parse().ok()?, denominator.norm.parse().ok()?);
    (d > n && n > 0.0).then_some(n / d)
}

/// The interval of one token: "300", "3,000.5", "2-3", "four", "three-year"
/// (with unit "year"), "10-year". Ordinals and other words give `None`.
fn value(norm: &str) -> Option<(f64, f64, Option<String>)> {
    let parse = |text: &str| {
        let digits = text.trim_end_matches("'s");
        let digits = digits
            .strip_suffix('s')
            .filter(|d| d.ends_with('0'))
            .unwrap_or(digits);
        digits.replace(',', "").parse::<f64>().ok()
    };
    let word_or_digits = |text: &str| parse(text).or_else(|| number_word_value(text));
    let whole = parse(norm).or_else(|| number_word_value(norm).filter(|_| !norm.contains('-')));
    if let Some(value) = whole {
        return Some((value, value, None));
    }
    let (head, tail) = norm.split_once('-')?;
    let head_value = word_or_digits(head)?;
    // "two-dozen", "five-hundred": a count of dozens or hundreds.
    let factor = multiplier(tail).or_else(|| (tail == "dozen").then_some(12.0));
    if let Some(factor) = factor {
        return Some((head_value * factor, head_value * factor, None));
    }
    if let Some(tail_value) = parse(tail).or_else(|| number_word_value(tail)) {
        // "2-3": a range; "twenty-five": a compound number word.
        return Some(
            if head_value >= 20.0 && tail_value < 10.0 && parse(head).is_none() {
                (head_value + tail_value, head_value + tail_value, None)
            } else {
                (head_value.min(tail_value), head_value.max(tail_value), None)
            },
        );
    }
    let unit = tail.split('-').next().map(stem)?;
    Some((head_value, head_value, Some(unit)))
}

fn multiplier(norm: &str) -> Option<f64> {
    match norm {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "millions" => Some(1e6),
        "billion" | "billions" => Some(1e9),
        "trillion" | "trillions" => Some(1e12),
        _ => None,
    }
}

/// `$` before the number, `%` or "percent" after it, else the stem of the
/// next content word ("300 troops" → "troop").
fn unit_around(body: &str, tokens: &[Token], first: usize, last: usize) -> Option<String> {
    let before = &body[..tokens[first].range.start];
    if before.ends_with('$') || before.ends_with("US$") {
        return Some("$".to_string());
    }
    let after = &body[tokens[last].range.end..];
    if after.starts_with('%') {
        return Some("%".to_string());
    }
    let next = tokens.get(last + 1)?;
    match next.norm.as_str() {
        "percent" | "per" | "percentage" => Some("%".to_string()),
        "dollars" | "dollar" => Some("$".to_string()),
        word if is_stopword(word) => None,
        word => Some(stem(word)),
    }
}

/// Widens `[low, high]` by the modifier in the two tokens before `first`;
/// gives the modifier too.
fn apply_modifier(
    tokens: &[Token],
    first: usize,
    low: f64,
    high: f64,
) -> (Option<&'static str>, f64, f64) {
    let (low_out, high_out) = widen(tokens, first, low, high);
    let modifier = MODIFIERS.iter().copied().find(|m| {
        let n = m.split(' ').count();
        first >= n
            && tokens[first - n..first]
                .iter()
                .map(|t| t.norm.as_str())
                .collect::<Vec<_>>()
                .join(" ")
                == *m
    });
    (modifier, low_out, high_out)
}

const MODIFIERS: [&str; 19] = [
    "more than",
    "at least",
    "greater than",
    "as many as",
    "less than",
    "fewer than",
    "up to",
    "at most",
    "over",
    "above",
    "exceeding",
    "under",
    "below",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
];

fn widen(tokens: &[Token], first: usize, low: f64, high: f64) -> (f64, f64) {
    let word = |back: usize| {
        first
            .checked_sub(back)
            .map_or("", |idx| tokens[idx].norm.as_str())
    };
    let (one, two) = (word(1), format!("{} {}", word(2), word(1)));
    match (one, two.as_str()) {
        (_, "more than" | "at least" | "greater than" | "as many as") => (low, f64::INFINITY),
        (_, "less than" | "fewer than" | "up to" | "at most") => (0.0, high),
        ("over" | "above" | "exceeding", _) => (low, f64::INFINITY),
        ("under" | "below", _) => (0.0, high),
        ("nearly" | "almost", _) => (low * 0.85, high),
        ("about" | "around" | "roughly" | "approximately", _) => (low * 0.9, high * 1.1),
        _ => (low, high),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Range;
    use crate::text::tokens::tokenize;

    fn check(text: &str, expected: &[(f64, f64, Option<&str>)]) {
        let tokens = tokenize(text, Range::new(0, text.len()));
        let found: Vec<(f64, f64, Option<String>)> = numbers(text, &tokens)
            .into_iter()
            .map(|m| (m.low, m.high, m.unit))
            .collect();
        let expected: Vec<(f64, f64, Option<String>)> = expected
            .iter()
            .map(|(low, high, unit)| (*low, *high, unit.map(str::to_string)))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn values_units_and_modifiers() {
        check("300 troops", &[(300.0, 300.0, Some("troop"))]);
        check("$3.5 billion in aid", &[(3.5e9, 3.5e9, Some("$"))]);
        check("a three-year plan", &[(3.0, 3.0, Some("year"))]);
        check("2-3 months", &[(2.0, 3.0, Some("month"))]);
        check("more than 40 percent", &[(40.0, f64::INFINITY, Some("%"))]);
        check("up to four of them", &[(0.0, 4.0, None)]);
        check("twenty-five states", &[(25.0, 25.0, Some("state"))]);
        check("nearly two-dozen actions", &[(20.4, 24.0, Some("action"))]);
    }

    #[test]
    fn times_of_day_fractions_and_one_of() {
        let time = |minutes: f64| (minutes, minutes, Some(TIME_UNIT));
        check("at 9:25 Thursday", &[time(565.0)]);
        check("at 9.25 a.m. on Thursday", &[time(565.0)]);
        check("just after 6 p.m., police said", &[time(1080.0)]);
        check("past 13 p.m. searching", &[time(780.0)]);
        check("NewsTalk 990 AM", &[(990.0, 990.0, None)]);
        check(
            "after 4 1/2 hours of testimony",
            &[(4.5, 4.5, Some("hour"))],
        );
        check("one of the biggest heists", &[]);
        check(
            "one heist and 12 arrests",
            &[(1.0, 1.0, Some("heist")), (12.0, 12.0, Some("arrest"))],
        );
    }

    #[test]
    fn disjoint_only_when_intervals_do_not_meet() {
        let text = "about 300 people and 320 people and 400 people";
        let tokens = tokenize(text, Range::new(0, text.len()));
        let found = numbers(text, &tokens);
        assert!(!found[0].disjoint(&found[1]));
        assert!(found[0].disjoint(&found[2]));
    }
}
