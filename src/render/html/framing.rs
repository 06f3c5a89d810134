//! The framing panel: takes an event; gives each outlet's evaluative words
//! in its own voice (the extraction's framing spans), counted and shown in
//! their sentence, and the contrasts across outlets on one referent (the
//! `loaded_language` findings with evidence in two or more articles), each
//! outlet's words side by side.

use super::article_label;
use crate::model::{Divergence, DivergenceType, Range, Report, ScoredEvent};
use crate::render::json::span_text;
use crate::render::EventIds;
use std::collections::BTreeMap;

/// Framing words counted per outlet, at most.
const MAX_FRAMING_WORDS: usize = 15;
/// Framing words shown in context per outlet, at most (in body order).
const MAX_IN_CONTEXT: usize = 10;
/// Characters of context kept on each side of a word, at most.
const CONTEXT_CHARS: usize = 90;

pub struct FramingPanel {
    pub outlets: Vec<OutletFraming>,
    pub contrasts: Vec<Contrast>,
}

pub struct OutletFraming {
    pub label: String,
    /// (word, category, "×N" when used more than once), most frequent first.
    pub words: Vec<(String, &'static str, String)>,
    pub uses: Vec<InContext>,
    /// Uses not shown in context (beyond `MAX_IN_CONTEXT`).
    pub n_more: usize,
}

/// A word in its sentence: the text before it, the word, the text after.
#[derive(Debug, PartialEq, Eq)]
pub struct InContext {
    pub before: String,
    pub word: String,
    pub after: String,
    pub category: &'static str,
}

/// One `loaded_language` finding: its explanation and, per column of the
/// page, that outlet's words in context (empty when it has none).
pub struct Contrast {
    pub id: String,
    pub explanation: String,
    pub cells: Vec<Vec<InContext>>,
}

/// The panel of one event: its outlets in column order, then its contrasts
/// in finding order.
pub fn framing_panel(report: &Report, scored: &ScoredEvent, ids: &EventIds) -> FramingPanel {
    let articles = &scored.event.articles;
    let divergences = scored.divergences.iter().enumerate();
    let contrasts = divergences.filter_map(|(idx, divergence)| {
        let id = format!("d{}", ids.first_divergence + idx);
        contrast(report, articles, divergence, id)
    });
    FramingPanel {
        outlets: articles
            .iter()
            .map(|&article_idx| outlet_framing(report, article_idx))
            .collect(),
        contrasts: contrasts.collect(),
    }
}

fn outlet_framing(report: &Report, article_idx: usize) -> OutletFraming {
    let body = &report.articles[article_idx].body;
    let framing = &report.extractions[article_idx].framing;
    OutletFraming {
        label: article_label(&report.articles[article_idx]),
        words: framing_words(report, article_idx),
        uses: framing
            .iter()
            .take(MAX_IN_CONTEXT)
            .map(|framing| in_context(body, framing.range, framing.category))
            .collect(),
        n_more: framing.len().saturating_sub(MAX_IN_CONTEXT),
    }
}

/// A `loaded_language` finding with evidence in two or more of `articles`
/// as a contrast, each outlet's words in context; `None` for any other.
fn contrast(
    report: &Report,
    articles: &[usize],
    divergence: &Divergence,
    id: String,
) -> Option<Contrast> {
    if divergence.kind != DivergenceType::LoadedLanguage {
        return None;
    }
    let mut sides: BTreeMap<usize, Vec<InContext>> = BTreeMap::new();
    for evidence in &divergence.spans {
        let body = &report.articles[evidence.article_idx].body;
        let shown = in_context(body, evidence.range, "loaded");
        sides.entry(evidence.article_idx).or_default().push(shown);
    }
    if sides.len() < 2 {
        return None;
    }
    Some(Contrast {
        id,
        explanation: divergence.explanation.clone(),
        cells: articles
            .iter()
            .map(|article_idx| sides.remove(article_idx).unwrap_or_default())
            .collect(),
    })
}

/// The outlet's framing words, lower-cased and counted, most frequent first.
fn framing_words(report: &Report, article_idx: usize) -> Vec<(String, &'static str, String)> {
    let body = &report.articles[article_idx].body;
    let mut counts: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    for framing in &report.extractions[article_idx].framing {
        let word = span_text(body, framing.range).to_lowercase();
        *counts.entry((word, framing.category)).or_default() += 1;
    }
    let mut words: Vec<(String, &'static str, usize)> = counts
        .into_iter()
        .map(|((word, category), count)| (word, category, count))
        .collect();
    words.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    words.truncate(MAX_FRAMING_WORDS);
    words
        .into_iter()
        .map(|(word, category, count)| {
            let times = if count > 1 {
                format!("×{count}")
            } else {
                String::new()
            };
            (word, category, times)
        })
        .collect()
}

/// `body[range]` in its sentence: from just after the last sentence end
/// (`.`, `!` or `?` and a space, or a line break) before it to the next one
/// after it, at most `CONTEXT_CHARS` characters a side, a cut side ending
/// at a space and marked by "…".
pub fn in_context(body: &str, range: Range, category: &'static str) -> InContext {
    // A span is always within its body; if one were not (a bug upstream),
    // the word is shown without context rather than the page failing.
    let (Some(before), Some(after)) = (body.get(..range.start), body.get(range.end..)) else {
        return InContext {
            before: String::new(),
            word: span_text(body, range).to_string(),
            after: String::new(),
            category,
        };
    };
    let sentence_start = before
        .char_indices()
        .rev()
        .find(|&(idx, c)| c == '\n' || (c == ' ' && ends_sentence(&before[..idx])))
        .map_or(0, |(idx, c)| idx + c.len_utf8());
    let sentence_end = after
        .char_indices()
        .find(|&(idx, c)| c == '\n' || (matches!(c, '.' | '!' | '?') && ends_here(after, idx)))
        .map_or(after.len(), |(idx, c)| {
            if c == '\n' {
                return idx;
            }
            let closing =
                after[idx + 1..].len() - after[idx + 1..].trim_start_matches(CLOSING).len();
            idx + 1 + closing
        });
    InContext {
        before: keep_end(&before[sentence_start..]),
        word: span_text(body, range).to_string(),
        after: keep_start(&after[..sentence_end]),
        category,
    }
}

/// Quotation marks and brackets that may close a sentence after its stop.
const CLOSING: [char; 4] = ['"', '\u{201d}', '\'', ')'];

/// Whether the stop at `text[idx]` ends a sentence: it is followed by a
/// space, a closing mark or nothing, and is not an abbreviation's.
fn ends_here(text: &str, idx: usize) -> bool {
    let rest = text[idx + 1..].trim_start_matches(CLOSING);
    (rest.is_empty() || rest.starts_with(char::is_whitespace)) && ends_sentence(&text[..idx + 1])
}

/// Whether `text` ends a sentence: with `.`, `!` or `?` (before closing
/// quotes), not after a title or an initial ("Mr.", "U.S.", "J.").
fn ends_sentence(text: &str) -> bool {
    const TITLES: [&str; 14] = [
        "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Prof", "Jr", "Sr",
    ];
    let text = text.trim_end_matches(CLOSING);
    let Some(stripped) = text.strip_suffix(['.', '!', '?']) else {
        return false;
    };
    let last_word = stripped.rsplit(char::is_whitespace).next().unwrap_or("");
    let initial = last_word.chars().count() == 1 && last_word.starts_with(char::is_uppercase);
    !(TITLES.contains(&last_word) || last_word.contains('.') || initial)
}

/// The last `CONTEXT_CHARS` characters of `text`, from a word start.
fn keep_end(text: &str) -> String {
    let n_chars = text.chars().count();
    if n_chars <= CONTEXT_CHARS {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(n_chars - CONTEXT_CHARS)
        .map_or(0, |(idx, _)| idx);
    let kept = &text[cut..];
    let at_word_start = text[..cut].ends_with(char::is_whitespace);
    let kept = match kept.split_once(' ') {
        Some((_, rest)) if !at_word_start => rest,
        _ => kept,
    };
    format!("…{kept}")
}

/// The first `CONTEXT_CHARS` characters of `text`, to a word end.
fn keep_start(text: &str) -> String {
    let Some((cut, _)) = text.char_indices().nth(CONTEXT_CHARS) else {
        return text.to_string();
    };
    let kept = &text[..cut];
    let at_word_end = text[cut..].starts_with(char::is_whitespace);
    let kept = match kept.rsplit_once(' ') {
        Some((start, _)) if !at_word_end => start,
        _ => kept,
    };
    format!("{kept}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(body: &str, word: &str, expected: (&str, &str)) {
        let start = body.find(word).unwrap();
        let shown = in_context(body, Range::new(start, start + word.len()), "loaded");
        assert_eq!((shown.before.as_str(), shown.after.as_str()), expected);
        assert_eq!(shown.word, word);
    }

    #[test]
    fn context_is_the_sentence_around_the_word() {
        check(
            "Talks began. The so-called deal was a farce, critics said. More later.",
            "farce",
            ("The so-called deal was a ", ", critics said."),
        );
        check("A regime fell.\nNext line", "regime", ("A ", " fell."));
        check(
            "After European outrage that the U.S. and Russia met, talks began. Next.",
            "outrage",
            (
                "After European ",
                " that the U.S. and Russia met, talks began.",
            ),
        );
        check("“It is a sham.” He left.", "sham", ("“It is a ", ".”"));
        check(
            "Mr. Smith's shameful plan, he said",
            "shameful",
            ("Mr. Smith's ", " plan, he said"),
        );
    }

    #[test]
    fn long_context_is_cut_at_a_space_and_marked() {
        let long = "word ".repeat(40);
        let body = format!("{long}outrage {long}");
        let shown = in_context(&body, Range::new(200, 207), "loaded");
        assert_eq!(shown.word, "outrage");
        assert_eq!(shown.before, format!("…{}", "word ".repeat(18)));
        assert_eq!(shown.after, format!(" {}…", ["word"; 18].join(" ")));
    }
}
