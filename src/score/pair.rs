//! Divergences between two aligned statements.
//!
//! Takes two statements (each with its article) that `align` put in one
//! alignment; gives the divergences between them: altered or truncated
//! quotes, numbers, negation, hedging, reporting verbs, loaded words and
//! misattribution. Both statements are cut into word tokens with byte
//! offsets and diffed word by word (`similar`); every finding comes from a
//! changed stretch of words (a hunk), so identical text yields nothing and
//! every evidence span is exact.

use std::collections::BTreeSet;
use std::ops::Range as Span;

use similar::{capture_diff_slices, Algorithm, DiffTag};

use super::lexicon::{
    is_hedge, is_loaded, is_not_asserting, report_class_charge, report_verb_class,
};
use super::names::same_person_words;
use super::numbers::{numbers, NumberMention};
use super::quotations::{is_editorial, same_wording, spoken_variant};
use super::{body_words, carried_elsewhere, divergence, holds_words, shorten, Side};
use crate::model::{Divergence, DivergenceType, Evidence, Range, StatementKind};
use crate::text::lexicon::{is_negation, is_stopword};
use crate::text::stems::stem;
use crate::text::tokens::{is_title_case, tokenize};

/// Quoted words of the two sides must overlap this much to count as one quote.
const MIN_QUOTE_OVERLAP: f64 = 0.5;
/// A quote missing at least this many words at an end is truncated, not altered.
const MIN_TRUNCATED_WORDS: usize = 3;
/// Content words a sentence's cut opening needs to make a truncation
/// ("Toward that end and because of the Secretary's unique arrangement
/// ..."), not a connective dropped ("And", "But I think").
const MIN_CUT_OPENING_WORDS: usize = 4;
/// Content must overlap this much for a change of speaker to be misattribution.
const MIN_MISATTRIBUTION_OVERLAP: f64 = 0.6;
/// Words the shorter content needs for its overlap alone to count (the
/// other side quoting more after it).
const MIN_KEPT_QUOTE_WORDS: usize = 6;
/// Words a side of one change inside a quotation may hold to be an
/// alteration of the same words; a longer stretch is another excerpt of
/// the remark, not the same words changed.
pub(super) const MAX_ALTERED_WORDS: usize = 3;
/// A hunk this small (words a side) is one local edit, not a rewording.
const SMALL_HUNK: usize = 4;

/// A stretch of words that differs: token positions on each side.
#[derive(Debug, Clone)]
struct Hunk {
    old: Span<usize>,
    new: Span<usize>,
}

/// Confidence of a word-level finding between outlets that do not copy
/// each other: their sentences are alike, not the same, so a changed word
/// can be another sentence's word.
const REWRITTEN_CONFIDENCE: f64 = 0.75;

/// Every divergence between sides `a` and `b` (alignment index left unset).
/// `copied` says the two articles are near copies (a wire story and its
/// rewrite); between outlets that write their own sentences, a changed
/// number, negation or name in alike sentences is mostly another sentence
/// or a speaker read wrongly, so only quotations, hedges, charged reporting
/// verbs and loaded words are compared there (numbers, contradictions and
/// claims given to two people across rewording are `rewording`'s).
pub(crate) fn compare(a: &Side, b: &Side, copied: bool) -> Vec<Divergence> {
    let hunks = diff(a, b);
    let mut found = Vec::new();
    let speaker_changed = copied && check_misattribution(a, b, &mut found);
    let number_a = numbers(&a.article.body, &a.tokens);
    let number_b = numbers(&b.article.body, &b.tokens);
    for hunk in &hunks {
        if is_name_spelling(a, b, hunk) {
            if copied {
                found.push(name_spelling(a, b, hunk));
            }
            continue;
        }
        if copied {
            check_numbers(a, b, hunk, &number_a, &number_b, &mut found);
            check_negation(a, b, hunk, &mut found);
        }
        // In a near copy a hunk may run on from the verb into a quotation
        // cut after it ("said. “It's against an idea ...”" / "admitted."):
        // its unquoted verbs are still compared. Between outlets such a
        // hunk pairs different sentences, whose verbs report different
        // things.
        if copied || !hunk_quoted(a, b, hunk) {
            check_reporting_verb(a, b, hunk, copied, &mut found);
        }
        if !hunk_quoted(a, b, hunk) {
            check_hedging(a, b, hunk, copied, &mut found);
            check_loaded(a, b, hunk, &mut found);
            if copied && !speaker_changed {
                check_name_swap(a, b, hunk, &mut found);
            }
        }
    }
    check_quotes(a, b, &hunks, copied, &mut found);
    if !copied {
        found
            .iter_mut()
            .for_each(|d| d.confidence = REWRITTEN_CONFIDENCE);
    }
    found
}

fn diff(a: &Side, b: &Side) -> Vec<Hunk> {
    let old: Vec<&str> = a.tokens.iter().map(|t| t.norm.as_str()).collect();
    let new: Vec<&str> = b.tokens.iter().map(|t| t.norm.as_str()).collect();
    let mut hunks: Vec<Hunk> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            continue;
        }
        match hunks.last_mut() {
            Some(last) if last.old.end == old_range.start && last.new.end == new_range.start => {
                last.old.end = old_range.end;
                last.new.end = new_range.end;
            }
            _ => hunks.push(Hunk {
                old: old_range,
                new: new_range,
            }),
        }
    }
    hunks
}

/// The byte range covering tokens `span` of a side, or the anchor word next
/// to an empty span (`before` picks the word before the gap when there is one).
fn span_range(side: &Side, span: &Span<usize>, before: bool) -> Option<Range> {
    let tokens = &side.tokens;
    if !span.is_empty() {
        return Some(Range::new(
            tokens[span.start].range.start,
            tokens[span.end - 1].range.end,
        ));
    }
    let anchor = if before && span.start > 0 {
        span.start - 1
    } else if span.start < tokens.len() {
        span.start
    } else {
        span.start.checked_sub(1)?
    };
    Some(tokens[anchor].range)
}

fn evidence(a: &Side, b: &Side, hunk: &Hunk, before: bool) -> Vec<Evidence> {
    let mut spans = Vec::new();
    if let Some(range) = span_range(a, &hunk.old, before) {
        spans.push(Evidence {
            article_idx: a.article_idx,
            range,
        });
    }
    if let Some(range) = span_range(b, &hunk.new, before) {
        spans.push(Evidence {
            article_idx: b.article_idx,
            range,
        });
    }
    spans
}

/// The words of a side's token span, or "nothing" for an empty span.
fn words(side: &Side, span: &Span<usize>) -> String {
    if span.is_empty() {
        return "nothing".to_string();
    }
    let range = span_range(side, span, false).expect("non-empty span");
    format!(
        "\u{201c}{}\u{201d}",
        shorten(range.text(&side.article.body))
    )
}

fn hunk_quoted(a: &Side, b: &Side, hunk: &Hunk) -> bool {
    hunk.old.clone().any(|i| a.quoted[i]) || hunk.new.clone().any(|i| b.quoted[i])
}

/// A single capitalised word spelt a little differently: name_variant's job.
fn is_name_spelling(a: &Side, b: &Side, hunk: &Hunk) -> bool {
    if hunk.old.len() != 1 || hunk.new.len() != 1 {
        return false;
    }
    let (old, new) = (&a.tokens[hunk.old.start], &b.tokens[hunk.new.start]);
    old.capitalised && new.capitalised && same_person_words(&old.norm, &new.norm)
}

/// One name spelt two ways at the same place of a copied sentence
/// ("President Obama's" / "President Obema's"). `names` finds a spelling
/// that only one article uses; this finds the slip also when the article
/// spells the name right elsewhere. Where both report one spelling pair,
/// `score` keeps the article-wide finding.
fn name_spelling(a: &Side, b: &Side, hunk: &Hunk) -> Divergence {
    let (old, new) = (&a.tokens[hunk.old.start], &b.tokens[hunk.new.start]);
    divergence(
        DivergenceType::NameVariant,
        0.3,
        format!(
            "{} spells the name \u{201c}{}\u{201d} where {} spells it \u{201c}{}\u{201d}.",
            a.label(),
            old.range.text(&a.article.body),
            b.label(),
            new.range.text(&b.article.body)
        ),
        vec![
            Evidence {
                article_idx: a.article_idx,
                range: old.range,
            },
            Evidence {
                article_idx: b.article_idx,
                range: new.range,
            },
        ],
    )
}

fn norms<'a>(side: &'a Side, span: &Span<usize>) -> Vec<&'a str> {
    side.tokens[span.clone()]
        .iter()
        .map(|t| t.norm.as_str())
        .collect()
}

/// Least figure that, found on both sides, shows two things listed rather
/// than one figure changed (see `check_numbers`).
const MIN_LISTED_FIGURE: f64 = 10.0;

fn check_numbers(
    a: &Side,
    b: &Side,
    hunk: &Hunk,
    number_a: &[NumberMention],
    number_b: &[NumberMention],
    found: &mut Vec<Divergence>,
) {
    let touches =
        |m: &&NumberMention, span: &Span<usize>| m.first < span.end && span.start <= m.last;
    let in_a: Vec<&NumberMention> = number_a.iter().filter(|m| touches(m, &hunk.old)).collect();
    let in_b: Vec<&NumberMention> = number_b.iter().filter(|m| touches(m, &hunk.new)).collect();
    for mention_a in &in_a {
        let same_unit: Vec<&&NumberMention> =
            in_b.iter().filter(|m| m.comparable(mention_a)).collect();
        let counterpart = match same_unit.as_slice() {
            [only] => *only,
            _ if in_a.len() == 1 && in_b.len() == 1 => &in_b[0],
            _ => continue,
        };
        if !mention_a.disjoint(counterpart) || !mention_a.comparable(counterpart) {
            continue;
        }
        // One side also writes the other's value ("5000 for gold, 500 for
        // steel" / "gold could cost 5,000"), as often as the other does:
        // two things listed, not one figure changed. A value written more
        // often than before ("$250,000 to $300,000" / "$300,000 to
        // $300,000") was changed into it. Small counts recur by chance ("1
        // of 2"), so only figures of 10 and more count.
        let written_as = |m: &NumberMention, value: &NumberMention| {
            let tolerance = 1e-9 * value.written.1.abs().max(1.0);
            m.comparable(value)
                && (m.written.0 - value.written.0).abs() <= tolerance
                && (m.written.1 - value.written.1).abs() <= tolerance
        };
        let times = |mentions: &[NumberMention], value: &NumberMention| {
            mentions.iter().filter(|m| written_as(m, value)).count()
        };
        let also_gives = |other: &[NumberMention], own: &[NumberMention], value: &NumberMention| {
            value.written.0.abs() >= MIN_LISTED_FIGURE && times(other, value) >= times(own, value)
        };
        if also_gives(number_b, number_a, mention_a) || also_gives(number_a, number_b, counterpart)
        {
            continue;
        }
        let old = mention_a.first..mention_a.last + 1;
        let new = counterpart.first..counterpart.last + 1;
        let relative = (mention_a.low - counterpart.low).abs()
            / mention_a.low.abs().max(counterpart.low.abs()).max(1e-9);
        found.push(divergence(
            DivergenceType::NumberMismatch,
            0.5 + 0.4 * relative.min(1.0),
            format!(
                "{} gives {} where {} gives {}.",
                a.label(),
                words(a, &old),
                b.label(),
                words(b, &new)
            ),
            evidence(a, b, &Hunk { old, new }, false),
        ));
    }
}

fn check_negation(a: &Side, b: &Side, hunk: &Hunk, found: &mut Vec<Divergence>) {
    let old = norms(a, &hunk.old);
    let new = norms(b, &hunk.new);
    let count = |words: &[&str]| words.iter().filter(|w| is_negation(w)).count();
    // "no daylight" / "won't be any daylight": both sides deny.
    let denies = |words: &[&str]| {
        words.iter().any(|w| {
            is_negation(w)
                || matches!(
                    *w,
                    "no" | "none" | "nothing" | "nobody" | "neither" | "nor" | "without"
                )
        })
    };
    if count(&old) == count(&new) || denies(&old) && denies(&new) {
        return;
    }
    let strip = |words: &[&str]| -> Vec<String> {
        words
            .iter()
            .filter(|w| !matches!(**w, "not" | "never" | "no"))
            .map(|w| w.trim_end_matches("n't").to_string())
            .collect()
    };
    let local = old.len().max(new.len()) <= SMALL_HUNK || strip(&old) == strip(&new);
    if !local {
        return;
    }
    let (negated, plain) = if count(&old) > count(&new) {
        (a, b)
    } else {
        (b, a)
    };
    let (negated_span, plain_span) = if count(&old) > count(&new) {
        (&hunk.old, &hunk.new)
    } else {
        (&hunk.new, &hunk.old)
    };
    found.push(divergence(
        DivergenceType::NegationFlip,
        0.9,
        format!(
            "{} has the negation {} where {} has {}: one side denies what the other asserts.",
            negated.label(),
            words(negated, negated_span),
            plain.label(),
            anchored_words(plain, plain_span, true)
        ),
        evidence(a, b, hunk, true),
    ));
}

/// The words of a span, or the anchor word beside an empty span.
fn anchored_words(side: &Side, span: &Span<usize>, before: bool) -> String {
    match span_range(side, span, before) {
        Some(range) if span.is_empty() => {
            format!("only \u{201c}{}\u{201d}", range.text(&side.article.body))
        }
        Some(_) => words(side, span),
        None => "nothing".to_string(),
    }
}

/// A hedge an outlet puts on what it reports: "reportedly wrote".
fn is_reporting_hedge(word: &str) -> bool {
    matches!(
        word,
        "reportedly"
            | "allegedly"
            | "purportedly"
            | "supposedly"
            | "apparently"
            | "rumored"
            | "rumoured"
    )
}

/// The hedge a token makes, as its plain word: a modal written with its
/// negation ("couldn't" is "could", as "could not" is), and "appear" not
/// before a place ("appeared to endorse", "chances appear slim"; "will
/// appear in court" is a date, not a doubt); "reported to be", "said to
/// have" are "reportedly".
fn hedge_word(side: &Side, i: usize) -> Option<String> {
    let norm = side.tokens[i].norm.as_str();
    let word = norm.strip_suffix("n't").unwrap_or(norm);
    let next = |k: usize| side.tokens.get(i + k).map(|t| t.norm.as_str());
    // "are reported to be Somali", "is said to have": second hand.
    if matches!(word, "reported" | "said" | "thought" | "understood")
        && next(1) == Some("to")
        && matches!(next(2), Some("be" | "have"))
    {
        return Some("reportedly".to_string());
    }
    if !is_hedge(word) {
        return None;
    }
    let in_person = word.starts_with("appear")
        && matches!(
            next(1),
            Some("in" | "at" | "before" | "on" | "onstage" | "alongside" | "with" | "for")
        );
    (!in_person).then(|| word.to_string())
}

fn check_hedging(a: &Side, b: &Side, hunk: &Hunk, copied: bool, found: &mut Vec<Divergence>) {
    // Between outlets that rewrite, when both report someone as saying it,
    // a modal or "believed" is that person's hedge, not the outlet's; only
    // a hedge on the reporting itself ("reportedly wrote") is the outlet's.
    let reported = |side: &Side| side.statement.kind != StatementKind::Narration;
    let speakers_only = !copied && reported(a) && reported(b);
    let hedges = |side: &Side, span: &Span<usize>| -> Vec<String> {
        let mut hedges: Vec<String> = span
            .clone()
            .filter_map(|i| hedge_word(side, i))
            .filter(|w| !speakers_only || is_reporting_hedge(w))
            .collect();
        hedges.sort();
        hedges
    };
    let (old, new) = (hedges(a, &hunk.old), hedges(b, &hunk.new));
    if old == new || hunk.old.len().max(hunk.new.len()) > SMALL_HUNK {
        return;
    }
    // The hedge moved or changed its word ("allegedly was hatched" /
    // "was allegedly hatched"; "is believed to have died" / "he thinks ...
    // died"): one side is hedged more than the other only when its whole
    // statement holds more hedges.
    let (all_a, all_b) = (
        hedges(a, &(0..a.tokens.len())),
        hedges(b, &(0..b.tokens.len())),
    );
    if all_a.len() == all_b.len() {
        return;
    }
    let (hedged, firm, hedged_span, firm_span) = if new.len() >= old.len() {
        (b, a, &hunk.new, &hunk.old)
    } else {
        (a, b, &hunk.old, &hunk.new)
    };
    // "Researchers said he could have been the source" / "he denied that he
    // was": a denial or a doubt states nothing firmly.
    if firm_span
        .clone()
        .any(|i| is_not_asserting(&firm.tokens[i].norm))
    {
        return;
    }
    if !copied && !same_claim_hedged(hedged, firm, hedged_span, firm_span) {
        return;
    }
    found.push(divergence(
        DivergenceType::HedgingShift,
        0.5,
        format!(
            "{} hedges with {} where {} has {}.",
            hedged.label(),
            words(hedged, hedged_span),
            firm.label(),
            anchored_words(firm, firm_span, false)
        ),
        evidence(a, b, hunk, false),
    ));
}

/// Between outlets that rewrite: whether the hedged words and the firm
/// ones state one claim, the firm side in the outlet's own voice. Not so
/// when the firm side is itself put on a source ("shot and killed a man,
/// according to police" / "allegedly shot"), or when the hedged words say
/// something the firm ones do not ("has reportedly accepted" / "has
/// offered"; "allegedly opening fire" / "a shooting"): each content word
/// beside the hedge, names and reporting verbs aside, must be among the
/// firm words, by stem or by its first five letters ("reportedly from
/// Somalia" / "Somali").
fn same_claim_hedged(
    hedged: &Side,
    firm: &Side,
    hedged_span: &Span<usize>,
    firm_span: &Span<usize>,
) -> bool {
    let attributed = |side: &Side| {
        side.statement.kind != StatementKind::Narration
            || side
                .tokens
                .windows(2)
                .any(|w| w[0].norm == "according" && w[1].norm == "to")
    };
    if attributed(firm) && !attributed(hedged) {
        return false;
    }
    // Names and reporting verbs say who said it ("Liz Cheney reportedly
    // said" / "she said"; "reportedly wrote" / "concluded"), not what.
    let content = |side: &Side, span: &Span<usize>| -> Vec<String> {
        span.clone()
            .filter(|&i| hedge_word(side, i).is_none() && !side.tokens[i].capitalised)
            .map(|i| side.tokens[i].norm.as_str())
            .filter(|w| {
                !is_stopword(w)
                    && report_verb_class(w).is_none()
                    && w.chars().any(char::is_alphabetic)
            })
            .map(str::to_string)
            .collect()
    };
    let prefix = |w: &str| w.chars().take(5).collect::<String>();
    let firm_words = content(firm, firm_span);
    content(hedged, hedged_span).iter().all(|word| {
        firm_words
            .iter()
            .any(|f| stem(f) == stem(word) || (word.len() >= 5 && prefix(f) == prefix(word)))
    })
}

/// Content words read after a reporting verb for what it reports.
const REPORTED_WINDOW: usize = 6;

/// Whether the words right after two reporting verbs share a content word:
/// the verbs report one claim ("insisted Deep Throat was one person" /
/// "said he will not reveal the source's name" do not).
fn same_claim_after(a: &Side, i: usize, b: &Side, j: usize) -> bool {
    let after = |side: &Side, at: usize| -> BTreeSet<String> {
        side.tokens[at + 1..]
            .iter()
            .take(REPORTED_WINDOW)
            .filter(|t| !is_stopword(&t.norm))
            .map(|t| stem(&t.norm))
            .collect()
    };
    !after(a, i).is_disjoint(&after(b, j))
}

fn check_reporting_verb(
    a: &Side,
    b: &Side,
    hunk: &Hunk,
    copied: bool,
    found: &mut Vec<Divergence>,
) {
    let verb = |side: &Side, span: &Span<usize>| {
        span.clone()
            .filter(|&i| !side.quoted[i])
            .find_map(|i| report_verb_class(&side.tokens[i].norm).map(|class| (i, class)))
    };
    let (Some((i, class_a)), Some((j, class_b))) = (verb(a, &hunk.old), verb(b, &hunk.new)) else {
        return;
    };
    if class_a == class_b && a.tokens[i].norm == b.tokens[j].norm {
        return;
    }
    if class_a == class_b && class_a == "neutral" {
        return;
    }
    // Outlets that write their own sentences vary their verbs ("said" /
    // "declared"): only a neutral verb against one that doubts or concedes
    // ("claimed", "admitted") or "insisted" is a shift there.
    let charged = |class: &str, norm: &str| {
        matches!(class, "doubting" | "concessive") || norm.starts_with("insist")
    };
    let shift = (class_a == "neutral" && charged(class_b, &b.tokens[j].norm))
        || (class_b == "neutral" && charged(class_a, &a.tokens[i].norm));
    // Between outlets that write their own sentences the verbs must report
    // one speaker's statement.
    let same_speaker = match (&a.statement.speaker.name, &b.statement.speaker.name) {
        (Some(x), Some(y)) => super::names::may_be_same_person(x, y),
        _ => false,
    };
    if !(copied || shift && same_speaker && same_claim_after(a, i, b, j)) {
        return;
    }
    let charge = report_class_charge(class_a).max(report_class_charge(class_b));
    found.push(divergence(
        DivergenceType::ReportingVerbShift,
        0.3 + 0.5 * charge,
        format!(
            "{} reports the words with {} ({}), {} with {} ({}).",
            a.label(),
            words(a, &(i..i + 1)),
            class_a,
            b.label(),
            words(b, &(j..j + 1)),
            class_b
        ),
        evidence(
            a,
            b,
            &Hunk {
                old: i..i + 1,
                new: j..j + 1,
            },
            false,
        ),
    ));
}

fn check_loaded(a: &Side, b: &Side, hunk: &Hunk, found: &mut Vec<Divergence>) {
    if hunk.old.len().max(hunk.new.len()) > SMALL_HUNK || hunk.old.is_empty() || hunk.new.is_empty()
    {
        return;
    }
    let loaded_in =
        |side: &Side, span: &Span<usize>| span.clone().any(|i| is_loaded(&side.tokens[i].norm));
    let (loaded_a, loaded_b) = (loaded_in(a, &hunk.old), loaded_in(b, &hunk.new));
    if loaded_a == loaded_b {
        return;
    }
    let (loaded, plain, loaded_span, plain_span) = if loaded_b {
        (b, a, &hunk.new, &hunk.old)
    } else {
        (a, b, &hunk.old, &hunk.new)
    };
    found.push(divergence(
        DivergenceType::LoadedLanguage,
        0.4,
        format!(
            "{} uses the loaded {} where {} has {}.",
            loaded.label(),
            words(loaded, loaded_span),
            plain.label(),
            words(plain, plain_span)
        ),
        evidence(a, b, hunk, false),
    ));
}

/// Different canonical speakers for near-identical content.
fn check_misattribution(a: &Side, b: &Side, found: &mut Vec<Divergence>) -> bool {
    let (Some(name_a), Some(name_b)) = (&a.statement.speaker.name, &b.statement.speaker.name)
    else {
        return false;
    };
    // Only two named people can be confused for each other: "the letter"
    // against "Father Reese" is a difference of sourcing, and "Obama"
    // against "Barack Obama" is one person.
    if super::names::may_be_same_person(name_a, name_b)
        || !super::names::is_person_name(name_a)
        || !super::names::is_person_name(name_b)
    {
        return false;
    }
    // Identically written mentions ("he" / "he") differ only in how the
    // extractor resolved them: no words differ, so nothing is reported.
    let mention_text = |side: &Side| {
        side.statement
            .speaker
            .mention
            .map(|m| m.text(&side.article.body).to_lowercase())
    };
    // A speaker inferred from the quotations around (no mention in the
    // sentence) is the extractor's guess, not what the outlet wrote.
    if mention_text(a) == mention_text(b) || mention_text(a).is_none() || mention_text(b).is_none()
    {
        return false;
    }
    let content_a = crate::text::tokens::tokenize(&a.article.body, a.statement.content);
    let content_b = crate::text::tokens::tokenize(&b.article.body, b.statement.content);
    let old: Vec<&str> = content_a.iter().map(|t| t.norm.as_str()).collect();
    let new: Vec<&str> = content_b.iter().map(|t| t.norm.as_str()).collect();
    let equal: usize = capture_diff_slices(Algorithm::Myers, &old, &new)
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum();
    // A copy may cut the quotation that went on after the attribution:
    // then the shorter content, if long enough, is what must be kept.
    let kept =
        |length: usize| (equal as f64) / (length.max(1) as f64) >= MIN_MISATTRIBUTION_OVERLAP;
    let shorter = old.len().min(new.len());
    if !(kept(old.len().max(new.len())) || shorter >= MIN_KEPT_QUOTE_WORDS && kept(shorter)) {
        return false;
    }
    let mut spans = Vec::new();
    for side in [a, b] {
        let range = side
            .statement
            .speaker
            .mention
            .unwrap_or(side.statement.content);
        spans.push(Evidence {
            article_idx: side.article_idx,
            range,
        });
    }
    found.push(divergence(
        DivergenceType::Misattribution,
        0.8,
        format!(
            "{} gives these words to {name_a}, {} to {name_b}.",
            a.label(),
            b.label()
        ),
        spans,
    ));
    true
}

/// A backup for unresolved speakers: in a sentence that reports speech, a
/// run of capitalised words swapped for a different run ("Smith, an aide,
/// said" → "Jones, an aide, said").
fn check_name_swap(a: &Side, b: &Side, hunk: &Hunk, found: &mut Vec<Divergence>) {
    let all_capitalised = |side: &Side, span: &Span<usize>| {
        !span.is_empty() && span.clone().all(|i| side.tokens[i].capitalised)
    };
    // In a headline every word is capitalised: no sign of a name.
    if !all_capitalised(a, &hunk.old)
        || !all_capitalised(b, &hunk.new)
        || hunk.old.len().max(hunk.new.len()) > 3
        || is_title_case(&a.tokens)
        || is_title_case(&b.tokens)
    {
        return;
    }
    // Titles, pronouns and possessives are other ways to name one person
    // ("Mr." / "President", "Trump" / "He", "CBS" / "CBS's").
    let names_someone = |side: &Side, span: &Span<usize>| {
        span.clone().any(|i| {
            let word = side.tokens[i].norm.trim_end_matches("'s");
            crate::text::word_classes::flags(word)
                & (crate::text::word_classes::TITLE | crate::text::word_classes::PRONOUN)
                == 0
        })
    };
    let bare = |side: &Side, span: &Span<usize>| -> Vec<String> {
        span.clone()
            .map(|i| side.tokens[i].norm.trim_end_matches("'s").to_string())
            .collect()
    };
    if !names_someone(a, &hunk.old)
        || !names_someone(b, &hunk.new)
        || bare(a, &hunk.old) == bare(b, &hunk.new)
    {
        return;
    }
    // The sentence must report speech: a reporting verb outside quotation marks.
    let reports = |side: &Side| {
        (0..side.tokens.len())
            .any(|i| !side.quoted[i] && report_verb_class(&side.tokens[i].norm).is_some())
    };
    if !reports(a) || !reports(b) {
        return;
    }
    found.push(divergence(
        DivergenceType::Misattribution,
        0.8,
        format!(
            "{} attributes the words to {}, {} to {}.",
            a.label(),
            words(a, &hunk.old),
            b.label(),
            words(b, &hunk.new)
        ),
        evidence(a, b, hunk, false),
    ));
}

/// Time zones written beside a time of day.
const TIME_ZONES: [&str; 14] = [
    "gmt", "utc", "bst", "cet", "est", "edt", "et", "cst", "cdt", "ct", "mst", "pst", "pdt", "pt",
];

/// Whether two changed stretches write one thing two ways: a time of day
/// on the 24- and the 12-hour clock, with or without its zone ("18:41" /
/// "6:41pm PST"), or a site's name with or without its address ending
/// ("MySpace" / "MySpace.com").
fn same_time_or_address(a: (&Side, &Span<usize>), b: (&Side, &Span<usize>)) -> bool {
    let address_ending = |(side, span): (&Side, &Span<usize>)| {
        !span.is_empty()
            && span.clone().all(|i| {
                let token = &side.tokens[i];
                matches!(token.norm.as_str(), "com" | "org" | "net" | "gov")
                    && side.article.body[..token.range.start].ends_with('.')
            })
    };
    if (address_ending(a) && b.1.is_empty()) || (address_ending(b) && a.1.is_empty()) {
        return true;
    }
    let time = |(side, span): (&Side, &Span<usize>)| -> Option<u32> {
        let (first, last) = (span.clone().next()?, span.clone().next_back()?);
        let text = &side.article.body[side.tokens[first].range.start..side.tokens[last].range.end];
        clock_minutes(text)
    };
    time(a).zip(time(b)).is_some_and(|(x, y)| x == y)
}

/// A time of day as written ("18:41", "6:41pm PST", "6.41 p.m."), in
/// minutes after midnight.
fn clock_minutes(text: &str) -> Option<u32> {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| w.to_lowercase().replace('.', ":"))
        .filter(|w| !TIME_ZONES.contains(&w.trim_matches(':')))
        .collect();
    let joined = words.concat().replace(':', "");
    let (digits, half) = match joined.strip_suffix("pm") {
        Some(d) => (d.to_string(), Some(12)),
        None => match joined.strip_suffix("am") {
            Some(d) => (d.to_string(), Some(0)),
            None => (joined.clone(), None),
        },
    };
    if !(3..=4).contains(&digits.len()) || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let written = words.concat();
    if !written.contains(':') {
        return None;
    }
    let (hours, minutes) = digits.split_at(digits.len() - 2);
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    let hours = match half {
        Some(offset) if (1..=12).contains(&hours) => hours % 12 + offset,
        None if hours < 24 => hours,
        _ => return None,
    };
    (minutes < 60).then_some(hours * 60 + minutes)
}

/// A word a speaker opens a sentence with that one transcript keeps and
/// the other drops ("So it's part of the process" / "It's part of the
/// process"): the same remark.
fn dropped_opener(a: &Side, b: &Side, h: &Hunk) -> bool {
    let opener = |side: &Side, span: &Span<usize>| {
        span.len() == 1 && {
            let token = &side.tokens[span.start];
            matches!(
                token.norm.as_str(),
                "so" | "well" | "now" | "look" | "and" | "but"
            ) && starts_a_sentence(&side.article.body, token.range.start)
        }
    };
    (h.old.is_empty() && opener(b, &h.new)) || (h.new.is_empty() && opener(a, &h.old))
}

/// Quotation checks over the quoted words of both sides.
fn check_quotes(a: &Side, b: &Side, hunks: &[Hunk], copied: bool, found: &mut Vec<Divergence>) {
    fn quoted<'s>(side: &'s Side, own: bool) -> (Vec<usize>, Vec<&'s str>) {
        let flags = if own { &side.own_quoted } else { &side.quoted };
        let positions: Vec<usize> = (0..side.tokens.len()).filter(|&i| flags[i]).collect();
        let words = positions
            .iter()
            .map(|&i| side.tokens[i].norm.as_str())
            .collect();
        (positions, words)
    }
    let ((quoted_a, words_a), (quoted_b, words_b)) = (quoted(a, false), quoted(b, false));
    if quoted_a.is_empty() || quoted_b.is_empty() {
        return;
    }
    // Quotations given to different speakers are compared only when they
    // are plainly one remark (most words shared): the change of speaker is
    // reported on its own, and what was done to the words still matters.
    // Between outlets that write their own sentences, alike sentences can
    // quote two different remarks: they must share most quoted words too.
    let must_share = !copied || !speakers_compatible(a, b);
    if words_a == words_b {
        return;
    }
    // Which remark is quoted, and what one side quotes beyond the other, is
    // read in the statements' own quotations: a quotation of another remark
    // later in the sentence is not the rest of this one.
    let ((own_a, own_words_a), (own_b, own_words_b)) = (quoted(a, true), quoted(b, true));
    let own = !own_a.is_empty() && !own_b.is_empty();
    let (gate_a, gate_b) = if own {
        (&own_words_a, &own_words_b)
    } else {
        (&words_a, &words_b)
    };
    if must_share && !mostly_shared(gate_a, gate_b) {
        return;
    }
    if own
        && own_words_a != own_words_b
        && check_truncation(
            (a, b),
            (&own_a, &own_words_a),
            (&own_b, &own_words_b),
            copied,
            found,
        )
    {
        return;
    }
    let (norms_a, norms_b) = (
        norms(a, &(0..a.tokens.len())),
        norms(b, &(0..b.tokens.len())),
    );
    let quote_hunks: Vec<&Hunk> = hunks
        .iter()
        .filter(|h| {
            wholly_quoted(a, &h.old)
                && wholly_quoted(b, &h.new)
                && h.old.len().max(h.new.len()) <= MAX_ALTERED_WORDS
                && !is_name_spelling(a, b, h)
                && !is_names_only(a, b, h, copied)
                && !same_wording(&written(a, &h.old), &written(b, &h.new))
                && (swapped_in_copy(h, copied)
                    || !marks_a_cut(a, &h.old) && !marks_a_cut(b, &h.new))
                && !inserted_by_editor(a, &h.old, &h.new)
                && !inserted_by_editor(b, &h.new, &h.old)
                && !(editors_words(a, &h.old) && editors_words(b, &h.new))
                && !same_time_or_address((a, &h.old), (b, &h.new))
                && (copied || !dropped_opener(a, b, h))
                // Between outlets, two transcripts of one spoken remark.
                && (copied
                    || !spoken_variant((&norms_a, h.old.clone()), (&norms_b, h.new.clone())))
        })
        .collect();
    // Each article's words are read once, and only when a change is left.
    let (article_words_a, article_words_b) = if quote_hunks.is_empty() || copied {
        (Vec::new(), Vec::new())
    } else {
        (body_words(&a.article.body), body_words(&b.article.body))
    };
    // A near copy is diffed sentence by sentence: its changed words are
    // changed there, even when the other article repeats the phrase
    // elsewhere (“end Medicare as we know it” twice, altered once).
    let quote_hunks: Vec<&Hunk> = quote_hunks
        .into_iter()
        .filter(|h| {
            copied
                || !words_also_in(a, &h.old, &article_words_b)
                    && !words_also_in(b, &h.new, &article_words_a)
        })
        .collect();
    let changed: usize = quote_hunks
        .iter()
        .map(|h| h.old.len().max(h.new.len()))
        .sum();
    let overlap = 1.0 - changed as f64 / words_a.len().max(words_b.len()) as f64;
    if quote_hunks.is_empty() || overlap < MIN_QUOTE_OVERLAP {
        return;
    }
    let mut spans: Vec<Evidence> = quote_hunks
        .iter()
        .flat_map(|h| evidence(a, b, h, false))
        .collect();
    spans.sort();
    spans.dedup();
    let first = quote_hunks[0];
    found.push(divergence(
        DivergenceType::QuoteAltered,
        (0.5 + 0.5 * (1.0 - overlap)).min(1.0),
        format!(
            "{} and {} quote {} differently: {} against {}.",
            a.label(),
            b.label(),
            speaker_phrase(a, b),
            anchored_words(a, &first.old, false),
            anchored_words(b, &first.new, false)
        ),
        spans,
    ));
}

/// Whether the quoted words of `side` around `span` (`AROUND_WORDS` each
/// way) occur in a row in `theirs`, the other article's words: the other
/// outlet gives this wording too, further on, and the diff paired the
/// wrong stretches ("It's [not] about you. ... It's about some phony
/// ideal" against "It's about some phony ideal").
fn words_also_in(side: &Side, span: &Span<usize>, theirs: &[String]) -> bool {
    const AROUND_WORDS: usize = 3;
    let from = span.start.saturating_sub(AROUND_WORDS);
    let to = (span.end + AROUND_WORDS).min(side.tokens.len());
    if !(from..to).all(|i| side.quoted[i]) || to - from <= AROUND_WORDS {
        return false;
    }
    let words: Vec<&str> = side.tokens[from..to]
        .iter()
        .map(|t| t.norm.as_str())
        .collect();
    holds_words(theirs, &words)
}

/// Every word of the span is quoted. An empty span (words the other side
/// has and this one lacks) must sit inside a quotation, between two quoted
/// words: words missing from the outlet's own narration ("refused to say
/// the words “radical Islam”" against "say the two words 'Radical
/// Islam'"), or before a quotation that starts later ("has “injected a
/// degree of partisanship”" against "has now been injected a degree of
/// partisanship"), are not a change to the quotation.
fn wholly_quoted(side: &Side, span: &Span<usize>) -> bool {
    if span.is_empty() {
        let at = span.start;
        return at > 0 && at < side.quoted.len() && side.quoted[at - 1] && side.quoted[at];
    }
    span.clone().all(|i| side.quoted[i])
}

/// Capitalised words on both sides only: a name written or transliterated
/// another way ("Muammar al-Qaddafi" / "Moammar Gadhafi"), not a change of
/// what was said. In a near copy, only words that look alike word for word
/// are such a rendering; other capitalised words changed ("the Great
/// Depression" / "the Tremendous Depression") are changed words.
fn is_names_only(a: &Side, b: &Side, hunk: &Hunk, copied: bool) -> bool {
    /// Share of letters two renderings of one name keep (Levenshtein).
    const MIN_RENDERING_SIMILARITY: f64 = 0.5;
    let capitalised = !hunk.old.is_empty()
        && !hunk.new.is_empty()
        && hunk.old.clone().all(|i| a.tokens[i].capitalised)
        && hunk.new.clone().all(|i| b.tokens[i].capitalised);
    if !capitalised || !copied {
        return capitalised;
    }
    hunk.old.len() == hunk.new.len()
        && hunk.old.clone().zip(hunk.new.clone()).all(|(i, k)| {
            strsim::normalized_levenshtein(&a.tokens[i].norm, &b.tokens[k].norm)
                >= MIN_RENDERING_SIMILARITY
        })
}

/// The words of a span as the article writes them, the stretch between
/// them included ("f-----g", "two-in-three"), so that a masked word or a
/// figure in words is seen whole.
fn written(side: &Side, span: &Span<usize>) -> String {
    span_range(side, span, false)
        .filter(|_| !span.is_empty())
        .map_or(String::new(), |range| {
            range.text(&side.article.body).to_string()
        })
}

/// Words put one for one for others in a near copy ("I want a…" / "I wish
/// a…"): an ellipsis beside them marks no cut of theirs.
fn swapped_in_copy(hunk: &Hunk, copied: bool) -> bool {
    copied && !hunk.old.is_empty() && hunk.old.len() == hunk.new.len()
}

/// An ellipsis next to the span: the outlet marked the words it cut.
fn marks_a_cut(side: &Side, span: &Span<usize>) -> bool {
    let Some(range) = span_range(side, span, false) else {
        return false;
    };
    let body = &side.article.body;
    let lo = range.start.saturating_sub(4);
    let hi = (range.end + 4).min(body.len());
    let (lo, hi) = (body.floor_char_boundary(lo), body.ceil_char_boundary(hi));
    let around = &body[lo..hi];
    around.contains('\u{2026}') || around.contains("...")
}

/// Words only one side has, which an editor put into its quotation in
/// brackets or parentheses ("these (local) supervisors" / "these
/// supervisors"): the speaker's words are the same.
fn inserted_by_editor(side: &Side, span: &Span<usize>, other: &Span<usize>) -> bool {
    other.is_empty() && editors_words(side, span)
}

/// Words an editor put into a quotation on both sides, each its own way
/// ("(Libyan strongman Muammar) al-Qaddafi" / "(Libyan strongman Moammar)
/// Gadhafi"): the speaker's words are the same.
fn editors_words(side: &Side, span: &Span<usize>) -> bool {
    !span.is_empty()
        && span_range(side, span, false)
            .is_some_and(|range| is_editorial(&side.article.body, range))
}

/// At least `MIN_SHARED_QUOTE` of the shorter word list is matched in order.
fn mostly_shared(a: &[&str], b: &[&str]) -> bool {
    const MIN_SHARED_QUOTE: f64 = 0.7;
    let equal: usize = capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .filter(|op| op.tag() == DiffTag::Equal)
        .map(|op| op.old_range().len())
        .sum();
    equal as f64 >= MIN_SHARED_QUOTE * a.len().min(b.len()) as f64
}

fn speakers_compatible(a: &Side, b: &Side) -> bool {
    match (&a.statement.speaker.name, &b.statement.speaker.name) {
        (Some(name_a), Some(name_b)) => {
            name_a == name_b || super::names::same_person_names(name_a, name_b)
        }
        _ => true,
    }
}

fn speaker_phrase(a: &Side, b: &Side) -> String {
    a.statement
        .speaker
        .name
        .clone()
        .or_else(|| b.statement.speaker.name.clone())
        .unwrap_or_else(|| "the speaker".to_string())
}

/// True when `text` runs over a sentence end: final punctuation followed by
/// more words.
fn holds_sentence_end(text: &str) -> bool {
    let trimmed = text.trim_end_matches(|c: char| !c.is_alphanumeric());
    trimmed.char_indices().any(|(i, c)| {
        matches!(c, '.' | '?' | '!') && trimmed[i + 1..].starts_with(char::is_whitespace)
    })
}

/// True when the text before `start` (past spaces and quotation marks)
/// ends a sentence: what starts there is a sentence of its own.
fn starts_a_sentence(body: &str, start: usize) -> bool {
    body[..start]
        .trim_end_matches(|c: char| c.is_whitespace() || "\"“”'‘’".contains(c))
        .ends_with(['.', '?', '!'])
}

/// Whether a quotation presents itself as a whole sentence: it starts one
/// (or the text) and its first word is capitalised (“This committee is left
/// with no alternative ...”), not words worked into the outlet's sentence.
fn opens_as_a_sentence(body: &str, range: Range) -> bool {
    let before =
        body[..range.start].trim_end_matches(|c: char| c.is_whitespace() || "\"“”'‘’".contains(c));
    (before.is_empty() || before.ends_with(['.', '?', '!']))
        && range
            .text(body)
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_uppercase)
}

/// Words other than function words in `range` of `body`.
fn count_content_words(body: &str, range: Range) -> usize {
    tokenize(body, range)
        .iter()
        .filter(|t| !is_stopword(&t.norm))
        .count()
}

/// One quote a strict contiguous part of the other, missing enough words.
/// Whether the words cut from a quotation are given outside the shorter
/// quotation's marks in its own statement, in other words: a negation for
/// a negation ("is “not going to be solved overnight”" / "won't “be solved
/// overnight”"), or half the cut content words.
fn paraphrased_beside(long: &Side, missing: &[Range], short: &Side) -> bool {
    let body = &long.article.body;
    let cut: Vec<String> = missing
        .iter()
        .flat_map(|&range| tokenize(body, range))
        .map(|t| t.norm)
        .collect();
    let outside: Vec<&str> = (0..short.tokens.len())
        .filter(|&i| !short.quoted[i])
        .map(|i| short.tokens[i].norm.as_str())
        .collect();
    let cut_negated = cut.iter().any(|w| is_negation(w));
    if cut_negated && !outside.iter().any(|w| is_negation(w)) {
        return false;
    }
    let content: BTreeSet<String> = cut
        .iter()
        .filter(|w| !is_stopword(w) && !is_negation(w))
        .map(|w| stem(w))
        .collect();
    if cut_negated && content.len() <= 1 {
        return true;
    }
    let beside: BTreeSet<String> = outside.iter().map(|w| stem(w)).collect();
    let carried = content.iter().filter(|w| beside.contains(*w)).count();
    !content.is_empty() && 2 * carried >= content.len()
}

/// The pieces of `missing` with substance: two content words or more, or a
/// negation or a figure; all of them when none has.
fn substantive(body: &str, missing: &[Range]) -> Vec<Range> {
    let weighty: Vec<Range> = missing
        .iter()
        .copied()
        .filter(|&range| {
            let tokens = tokenize(body, range);
            tokens.iter().filter(|t| !is_stopword(&t.norm)).count() >= 2
                || tokens
                    .iter()
                    .any(|t| is_negation(&t.norm) || t.norm.chars().any(|c| c.is_ascii_digit()))
        })
        .collect();
    if weighty.is_empty() {
        missing.to_vec()
    } else {
        weighty
    }
}

fn check_truncation(
    (a, b): (&Side, &Side),
    (positions_a, words_a): (&[usize], &[&str]),
    (positions_b, words_b): (&[usize], &[&str]),
    copied: bool,
    found: &mut Vec<Divergence>,
) -> bool {
    let (long, short, long_positions, long_words, short_positions, short_words) =
        if words_a.len() > words_b.len() {
            (a, b, positions_a, words_a, positions_b, words_b)
        } else {
            (b, a, positions_b, words_b, positions_a, words_a)
        };
    if long_words.len() < short_words.len() + MIN_TRUNCATED_WORDS
        || short_words.len() < MIN_TRUNCATED_WORDS
    {
        return false;
    }
    let Some(offset) = long_words
        .windows(short_words.len())
        .position(|w| w == short_words)
    else {
        return false;
    };
    let tokens = &long.tokens;
    // Each missing stretch is cut where the quotation is interrupted
    // ("“Q1,” he said, “Q2”"), so evidence never holds the outlet's words.
    let mut missing: Vec<Range> = Vec::new();
    for (from, to) in [(0, offset), (offset + short_words.len(), long_words.len())] {
        for k in from..to {
            let range = tokens[long_positions[k]].range;
            match missing.last_mut() {
                Some(last) if k > from && long_positions[k] == long_positions[k - 1] + 1 => {
                    last.end = range.end;
                }
                _ => missing.push(range),
            }
        }
    }
    // Whether the cut is carried is judged on its pieces of substance: a
    // filler the other outlet drops ("frankly", "I think it's") beside a
    // sentence it quotes in full leaves nothing out.
    let weighed = substantive(&long.article.body, &missing);
    if carried_elsewhere(&long.article.body, &weighed, &short.article.body) {
        // The other outlet quotes the rest in a sentence of its own.
        return false;
    }
    if !copied && super::omissions::quoted_in_part(&long.article.body, &weighed, short.article) {
        // The other outlet quotes it, shorter, in a quotation of its own.
        return false;
    }
    if !copied && paraphrased_beside(long, &missing, short) {
        return false;
    }
    let short_range = Range::new(
        short.tokens[short_positions[0]].range.start,
        short.tokens[*short_positions.last().expect("non-empty")]
            .range
            .end,
    );
    let body = &long.article.body;
    let missing_text: Vec<String> = missing.iter().map(|r| shorten(r.text(body))).collect();
    let mut spans: Vec<Evidence> = missing
        .iter()
        .map(|&range| Evidence {
            article_idx: long.article_idx,
            range,
        })
        .collect();
    spans.push(Evidence {
        article_idx: short.article_idx,
        range: short_range,
    });
    let share = (long_words.len() - short_words.len()) as f64 / long_words.len() as f64;
    // What is missing is a whole sentence of the quotation ("“Q1,” he said.
    // “Q2.”" with Q2 gone): that is an omission, not a shortened quote. A
    // quotation that opens as a sentence of its own where the other outlet's
    // sentence began earlier has lost that sentence's opening, not a
    // sentence.
    let opening_cut = offset > 0
        && opens_as_a_sentence(short.article.body.as_str(), short_range)
        && !starts_a_sentence(body, tokens[long_positions[offset]].range.start);
    let drops_a_sentence = missing.iter().enumerate().any(|(k, &range)| {
        holds_sentence_end(range.text(body))
            || (starts_a_sentence(body, range.start)
                && !(k == 0
                    && opening_cut
                    && count_content_words(body, range) >= MIN_CUT_OPENING_WORDS))
    });
    if drops_a_sentence {
        // Between outlets that rewrite, the sentence may be given a line
        // earlier in other words ("closer and closer to a nuclear bomb" /
        // "to nuclear arms"); a near copy's cut sentence is an edit.
        let said_elsewhere =
            !copied && super::omissions::carried_in_article(body, &weighed, short.article);
        if said_elsewhere {
            return true;
        }
        found.push(divergence(
            DivergenceType::Omission,
            0.3 + 0.4 * share,
            format!(
                "{} leaves out part of what {} quotes from {}: \u{201c}{}\u{201d}.",
                short.label(),
                long.label(),
                speaker_phrase(a, b),
                missing_text.join(" \u{2026} ")
            ),
            spans,
        ));
        return true;
    }
    found.push(divergence(
        DivergenceType::QuoteTruncated,
        0.3 + 0.4 * share,
        format!(
            "{} quotes only part of what {} quotes from {}, leaving out \u{201c}{}\u{201d}.",
            short.label(),
            long.label(),
            speaker_phrase(a, b),
            missing_text.join(" \u{2026} ")
        ),
        spans,
    ));
    true
}

#[cfg(test)]
mod tests {
    use super::clock_minutes;

    #[test]
    fn times_of_day_on_either_clock() {
        for (text, expected) in [
            ("18:41", Some(18 * 60 + 41)),
            ("6:41pm PST", Some(18 * 60 + 41)),
            ("6.41 p.m.", Some(18 * 60 + 41)),
            ("12:05 a.m.", Some(5)),
            ("9:30", Some(9 * 60 + 30)),
            ("6 p.m.", None),
            ("25:10", None),
            ("1,841", None),
            ("641", None),
        ] {
            assert_eq!(clock_minutes(text), expected, "{text}");
        }
    }
}
