//! Differences in other words: what two outlets assert differently about
//! the same specific thing when neither copies the other's sentence.
//!
//! Takes the articles of one event (with their statements and topic rows);
//! gives divergences found across rewording:
//! - `number_mismatch`: one quantity of one thing with incompatible values
//!   ("$5,687.75 on Martha's Vineyard Holistic Retreat" / "a $5,587.75
//!   vacation at the Martha's Vineyard Holistic Retreat"), when neither
//!   article gives the other's value anywhere;
//! - `contradiction`: the same predicate asserted by one and negated by the
//!   other, or opposed predicates, about the same people and things ("had
//!   not been involved in the talks" / "will be part of any talks");
//! - `hedging_shift`: a claim stated firmly on one side and hedged ("was
//!   accused of", "appeared to", "reportedly") on the other;
//! - on topic rows of one speaker, `reporting_verb_shift` ("saying" /
//!   "claiming"), and on topic rows that say the same thing in other words,
//!   `misattribution` when two different people are given the claim.
//!
//! "The same thing" is read from anchors: content stems near the compared
//! words, with names matched on their first five letters so that
//! "Ukrainians" meets "Ukraine" and "European" meets "Europe". Articles that
//! are near copies are left to the word-by-word checks of `pair`.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use super::lexicon::{asserts, is_hedge, report_verb_class};
use super::names::{may_be_same_person, reads_as_person, speaker_named_explicitly};
use super::numbers::{numbers, NumberMention, TIME_UNIT};
use super::{article_label, copied, divergence, quotation_marks};
use crate::model::{
    AlignmentLevel, Article, Divergence, DivergenceType, Event, Evidence, Extraction, Range,
    StatementKind,
};
use crate::text::lexicon::{is_negation, is_stopword, lexicon_lines};
use crate::text::numbers::is_number;
use crate::text::stems::stem;
use crate::text::tokens::{tokenize, Token};
use crate::text::word_classes::{flags, EVIDENCE, SPEECH, WEEKDAY_OR_MONTH};

/// Tokens either side of a compared word that count as its context.
const WINDOW: usize = 8;
/// Anchors two contexts must share to be about the same thing.
const MIN_SHARED_ANCHORS: usize = 2;
/// Anchors a number's two contexts must share (numbers recur: "$750,000").
const MIN_NUMBER_ANCHORS: usize = 3;
/// Least figure that, written anywhere in an article, counts as given
/// whatever noun follows it (see `number_mismatches`).
const MIN_ANY_UNIT_FIGURE: f64 = 10.0;
/// Content words right after a figure read for what it counts where an article
/// lists several values of one unit (`same_thing_named_after`).
const COUNTED_WINDOW: usize = 3;
/// Letters of a name compared across outlets ("ukrai" for Ukraine, Ukrainians).
const NAME_PREFIX: usize = 5;
/// Topic similarity at which one speaker's two statements of a row are one
/// statement reported twice.
const SAME_STATEMENT_SIMILARITY: f64 = 0.3;
/// Topic similarity at which two statements of a row make one claim.
const SAME_CLAIM_SIMILARITY: f64 = 0.45;

/// One sentence of an article as the checks here read it.
struct SentenceView {
    tokens: Vec<Token>,
    anchors: Vec<String>,
    /// Per token: inside quotation marks.
    quoted: Vec<bool>,
    /// Per token: inside quotation marks or reported speech, so not the
    /// outlet's own voice.
    reported: Vec<bool>,
}

/// An article's sentences, and every anchor it uses anywhere.
struct ArticleView {
    article_idx: usize,
    sentences: Vec<SentenceView>,
    /// The numbers it writes anywhere (`values`).
    values: BTreeSet<String>,
}

/// Every difference across rewording in one event.
pub(super) fn cross_rewording(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
) -> Vec<Divergence> {
    let views: Vec<ArticleView> = event
        .articles
        .iter()
        .map(|&article_idx| {
            article_view(
                &articles[article_idx],
                &extractions[article_idx],
                article_idx,
            )
        })
        .collect();
    let mut found = Vec::new();
    for (k, x) in views.iter().enumerate() {
        for y in &views[k + 1..] {
            if copied(event, x.article_idx, y.article_idx) {
                continue;
            }
            found.extend(number_mismatches(articles, x, y));
            found.extend(contradictions(articles, x, y));
            found.extend(hedging_shifts(articles, x, y));
        }
    }
    found.extend(row_differences(articles, extractions, event));
    found
}

fn article_view(article: &Article, extraction: &Extraction, article_idx: usize) -> ArticleView {
    let segments = crate::segment::segment(&article.body);
    // What the outlet reports others as saying is not its own voice: a
    // claim there is neither firm nor hedged by the outlet.
    let reported: Vec<Range> = extraction
        .statements
        .iter()
        .filter(|s| s.kind != StatementKind::Narration)
        .map(|s| s.content)
        .collect();
    let quotes = quotation_marks(&article.body);
    let sentences = segments
        .sentences
        .iter()
        .filter(|s| segments.paragraphs[s.paragraph_idx].is_prose)
        .map(|sentence| {
            let mut view = sentence_view(&article.body, sentence.range, &quotes);
            for (k, token) in view.tokens.iter().enumerate() {
                view.reported[k] |= reported.iter().any(|r| r.contains(&token.range));
            }
            view
        })
        .collect();
    ArticleView {
        article_idx,
        sentences,
        values: values(&article.body),
    }
}

/// One sentence's tokens, their anchors, and which are quoted (`quotes`:
/// the article's quotation stretches).
fn sentence_view(body: &str, range: Range, quotes: &[Range]) -> SentenceView {
    let tokens = tokenize(body, range);
    let anchors = tokens.iter().map(anchor).collect();
    let quoted: Vec<bool> = tokens
        .iter()
        .map(|t| quotes.iter().any(|q| q.contains(&t.range)))
        .collect();
    SentenceView {
        tokens,
        anchors,
        reported: quoted.clone(),
        quoted,
    }
}

/// What a token contributes to "the same thing": a name's first letters,
/// a content word's stem, or nothing (empty) for function words, numbers
/// and negations.
fn anchor(token: &Token) -> String {
    if is_stopword(&token.norm) || is_number(&token.norm) || is_negation(&token.norm) {
        return String::new();
    }
    if token.capitalised {
        return token.norm.chars().take(NAME_PREFIX).collect();
    }
    stem(&token.norm)
}

/// The anchors within `WINDOW` tokens of positions `first..=last`.
fn context(sentence: &SentenceView, first: usize, last: usize) -> BTreeSet<&str> {
    let lo = first.saturating_sub(WINDOW);
    let hi = (last + WINDOW + 1).min(sentence.tokens.len());
    (lo..hi)
        .filter(|&i| i < first || i > last)
        .map(|i| sentence.anchors[i].as_str())
        .filter(|a| !a.is_empty())
        .collect()
}

fn shared(a: &BTreeSet<&str>, b: &BTreeSet<&str>) -> usize {
    a.intersection(b).count()
}

fn token_range(sentence: &SentenceView, first: usize, last: usize) -> Range {
    Range::new(
        sentence.tokens[first].range.start,
        sentence.tokens[last].range.end,
    )
}

fn side(article_idx: usize, range: Range) -> Evidence {
    Evidence { article_idx, range }
}

// ---------------------------------------------------------------- numbers

/// Whole numbers up to this do not show two articles give the same facts.
const MIN_CORROBORATING_VALUE: f64 = 10.0;

/// One number of an article with its sentence.
struct Figure<'v> {
    sentence: &'v SentenceView,
    mention: NumberMention,
}

/// Jaro-Winkler similarity at which two reference places are one place.
const SAME_PLACE_JARO_WINKLER: f64 = 0.9;
/// Words after a figure searched for the place it is measured from.
const REFERENCE_WINDOW: usize = 5;

/// The place a figure is measured from: the capitalised word after "of" or
/// "from" right behind it ("13 miles east of Cloverdale" → "cloverdale").
fn reference_place<'v>(figure: &Figure<'v>) -> Option<&'v str> {
    let tokens = &figure.sentence.tokens;
    let hi = (figure.mention.last + REFERENCE_WINDOW).min(tokens.len().saturating_sub(1));
    (figure.mention.last + 1..hi)
        .find(|&k| matches!(tokens[k].norm.as_str(), "of" | "from"))
        .and_then(|k| tokens.get(k + 1))
        .filter(|place| place.capitalised && place.norm != "the")
        .map(|place| place.norm.as_str())
}

/// A figure in parentheses right after another figure: a conversion
/// ("€110 billion ($158 billion)", "85 million euros ($108 million)"),
/// whose value depends on the rate and currency an outlet used, not a fact
/// of its own.
fn is_conversion(body: &str, sentence: &SentenceView, mention: &NumberMention) -> bool {
    let before = body[..sentence.tokens[mention.first].range.start]
        .trim_end_matches(|c: char| {
            c == '$' || c == '\u{20ac}' || c == '\u{a3}' || c.is_whitespace()
        })
        .trim_end_matches("US");
    let Some(outside) = before.strip_suffix('(') else {
        return false;
    };
    let mut words = outside.trim_end().rsplit(|c: char| c.is_whitespace());
    let last_word = words.next().unwrap_or("");
    // A measure given in another unit: "1,150 kilometers (700 miles)".
    let measure = last_word.chars().all(char::is_alphabetic)
        && words
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
    measure
        || last_word.chars().any(|c| c.is_ascii_digit())
        || crate::text::numbers::number_word_value(last_word).is_some()
        || matches!(
            last_word,
            "million"
                | "billion"
                | "trillion"
                | "thousand"
                | "euro"
                | "euros"
                | "pound"
                | "pounds"
                | "dollar"
                | "dollars"
                | "yen"
                | "yuan"
        )
}

fn figures<'v>(articles: &[Article], view: &'v ArticleView) -> Vec<Figure<'v>> {
    let body = &articles[view.article_idx].body;
    view.sentences
        .iter()
        .flat_map(|sentence| {
            numbers(body, &sentence.tokens)
                .into_iter()
                .filter(|m| m.unit.is_some())
                .filter(comparable_across_rewording)
                .filter(|m| !is_year(&sentence.tokens[m.first].norm))
                .filter(|m| !is_conversion(body, sentence, m))
                .map(move |mention| Figure { sentence, mention })
        })
        .collect()
}

/// A year written as four digits ("the 2012 Oscars"): which year a
/// sentence speaks of is not a figure two rewrites give differently.
fn is_year(norm: &str) -> bool {
    norm.len() == 4
        && norm.chars().all(|c| c.is_ascii_digit())
        && (1800..=2100).contains(&norm.parse::<u32>().unwrap_or(0))
}

/// Two values that can be one figure reported differently: within a
/// factor of two, and not one the other rounded ("35.7" / "36") or with its
/// decimals dropped ("$13 billion" / "$13.9 billion").
fn close_values(a: &Figure, b: &Figure) -> bool {
    let (x, y) = (a.mention.written.0, b.mention.written.0);
    let (low, high) = (x.min(y), x.max(y));
    low > 0.0
        && high <= 2.0 * low
        && !rounded(x, y)
        && !rounded(y, x)
        && !decimals_dropped(a, b)
        && !decimals_dropped(b, a)
}

/// Whether `short` is `long` as written with the decimals cut ("13" for
/// "13.9", both before one multiplier): a loose mention of one figure.
fn decimals_dropped(short: &Figure, long: &Figure) -> bool {
    let digits = |f: &Figure| f.sentence.tokens[f.mention.first].norm.replace(',', "");
    let (short_digits, long_digits) = (digits(short), digits(long));
    let Some((whole, decimals)) = long_digits.split_once('.') else {
        return false;
    };
    let factor = |f: &Figure, written: &str| {
        written
            .parse::<f64>()
            .ok()
            .filter(|v| *v > 0.0)
            .map(|v| f.mention.written.0 / v)
    };
    !decimals.is_empty()
        && decimals.chars().all(|c| c.is_ascii_digit())
        && whole == short_digits
        && factor(short, &short_digits)
            .zip(factor(long, &long_digits))
            .is_some_and(|(x, y)| (x - y).abs() <= 1e-9 * x.max(y))
}

/// Whether `part` and a figure beside it in its sentence add up to
/// `total` ("12 Somali and 11 Yemeni nationals" against "23 Somali and
/// Yemeni pirates"): a part against the whole, not a second value of it.
fn adds_up_to(body: &str, part: &Figure, total: &Figure) -> bool {
    const BESIDE: usize = 4;
    numbers(body, &part.sentence.tokens).iter().any(|other| {
        let near = other.first.abs_diff(part.mention.last) <= BESIDE
            || part.mention.first.abs_diff(other.last) <= BESIDE;
        let sum = part.mention.written.0 + other.written.0;
        other.first != part.mention.first
            && near
            && total.mention.written.0 <= sum * (1.0 + 1e-9)
            && sum <= total.mention.written.1 * (1.0 + 1e-9)
    })
}

/// Whether `round` is `exact` rounded or cut to `round`'s precision:
/// "43 million" for 43,885,310, "13.6 million" for 13,625,777, "36" for
/// 35.7. Rounding needs `exact` written with more significant digits, and
/// cutting ("43 million") two more, so that "300 million" against "350
/// million" stays a mismatch.
fn rounded(round: f64, exact: f64) -> bool {
    let mut precision = 1.0;
    while round >= precision * 10.0 && (round / (precision * 10.0)).fract().abs() < 1e-9 {
        precision *= 10.0;
    }
    let at = |v: f64| v / precision;
    let extra = significant_digits(exact).saturating_sub(significant_digits(round));
    round.fract() == 0.0
        && ((extra >= 1 && (at(exact).round() - at(round)).abs() < 1e-9)
            || (extra >= 2 && (at(exact).floor() - at(round)).abs() < 1e-9))
}

/// Significant digits of a value as written: 43,885,310 has 7, 43,000,000
/// has 2, 35.7 has 3.
fn significant_digits(value: f64) -> usize {
    let written = format!("{value:.6}");
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    digits.trim_start_matches('0').trim_end_matches('0').len()
}

/// Shares, times of day and small counts are left out: political news is full of close
/// percentages about different things (polls, tax rates over different
/// years) and of small counts of different groups ("two senators" / "three
/// state senators"); read across rewording they are mostly false alarms.
fn comparable_across_rewording(mention: &NumberMention) -> bool {
    !matches!(mention.unit.as_deref(), Some("%" | TIME_UNIT)) && mention.written.0 >= 10.0
}

/// Whether the article gives another value of the figure's unit in the
/// figure's sentence or the next or last one ("starts at $1,199 for the
/// 13-inch option ... The 15-inch starts at $1,799"): it lists quantities
/// of several things, and which of them another article's figure counts
/// is not known.
fn lists_values(view: &ArticleView, figures: &[Figure], figure: &Figure) -> bool {
    let index = |f: &Figure| {
        view.sentences
            .iter()
            .position(|s| std::ptr::eq(s, f.sentence))
            .unwrap_or(usize::MAX)
    };
    let at = index(figure);
    figures.iter().any(|other| {
        other.mention.unit == figure.mention.unit
            && other.mention.disjoint(&figure.mention)
            && index(other).abs_diff(at) <= 1
    })
}

/// The numbers an article writes anywhere, as written ("4.6", "200,000"),
/// years and whole numbers under `MIN_CORROBORATING_VALUE` aside ("2
/// miles", "five people" recur in any two stories): what two articles can
/// agree on.
fn values(body: &str) -> BTreeSet<String> {
    tokenize(body, Range::new(0, body.len()))
        .into_iter()
        .filter(|t| t.norm.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .filter(|t| is_number(&t.norm) && !is_year(&t.norm))
        .filter(|t| {
            t.norm.contains('.')
                || t.norm
                    .replace(',', "")
                    .parse::<f64>()
                    .is_ok_and(|v| v >= MIN_CORROBORATING_VALUE)
        })
        .map(|t| t.norm)
        .collect()
}

/// Whether a figure is one end of a range in its sentence ("$140 million
/// to $160 million", "between $140 million and $150 million"): a range is
/// an estimate, not the one value another outlet's figure could contradict.
fn range_bound(figures: &[Figure], figure: &Figure) -> bool {
    let tokens = &figure.sentence.tokens;
    let joined = |lo: &NumberMention, hi: &NumberMention| {
        hi.first == lo.last + 2
            && match tokens[lo.last + 1].norm.as_str() {
                "to" | "-" | "\u{2013}" => true,
                "and" => lo.first > 0 && tokens[lo.first - 1].norm == "between",
                _ => false,
            }
    };
    figures.iter().any(|other| {
        std::ptr::eq(other.sentence, figure.sentence)
            && other.mention.unit == figure.mention.unit
            && (joined(&figure.mention, &other.mention) || joined(&other.mention, &figure.mention))
    })
}

/// Sentences before a figure's own searched for the year it speaks of:
/// news names an occasion's year once and goes on about it ("In June 2012,
/// a 3.0 quake struck ... The quake was ... It was also ...").
const FIGURE_YEAR_LOOKBACK: usize = 2;

/// The years a figure's sentence speaks of (see `years_of`), or else the
/// year the article was published.
fn figure_years<'v>(
    article: &'v Article,
    view: &'v ArticleView,
    sentence: &'v SentenceView,
) -> BTreeSet<&'v str> {
    let named = years_of(view, sentence, FIGURE_YEAR_LOOKBACK);
    if !named.is_empty() {
        return named;
    }
    article
        .published
        .as_deref()
        .and_then(|date| date.get(..4))
        .filter(|year| is_year(year))
        .into_iter()
        .collect()
}

/// The other factor of a dimension a figure is part of ("1,440 x 900"
/// gives "900" for 1,440).
fn other_dimension<'v>(figure: &Figure<'v>) -> Option<&'v str> {
    let tokens = &figure.sentence.tokens;
    let (first, last) = (figure.mention.first, figure.mention.last);
    let times = |k: usize| matches!(tokens[k].norm.as_str(), "x" | "\u{d7}" | "by");
    let number = |k: usize| is_number(&tokens[k].norm);
    if last + 2 < tokens.len() && times(last + 1) && number(last + 2) {
        Some(&tokens[last + 2].norm)
    } else if first >= 2 && times(first - 1) && number(first - 2) {
        Some(&tokens[first - 2].norm)
    } else {
        None
    }
}

/// Two figures can be one quantity given differently unless one is part of
/// a dimension and the other is not, or both are and their other factors
/// differ too ("1,440 x 900" / "2880 x 1800" are two screens).
fn same_other_dimension(a: &Figure, b: &Figure) -> bool {
    match (other_dimension(a), other_dimension(b)) {
        (None, None) => true,
        (Some(x), Some(y)) => x == y,
        _ => false,
    }
}

/// Whether the words right after two figures, up to the next figure,
/// share an anchor: what each counts ("$5,687.75 on Martha's Vineyard ..."
/// / "$5,587.75 vacation at the Martha's Vineyard ..."; not "$1,199 for the
/// 13-inch option" / "$2,199 for the 2.3 GHz model", nor "-11 points (40
/// percent positive ...)" / "18 points (58 percent to 40 percent)": the
/// unit itself aside, "percent" is what the next figures count).
fn same_thing_named_after(a: &Figure, b: &Figure) -> bool {
    fn after<'v>(f: &Figure<'v>) -> BTreeSet<&'v str> {
        let sentence = f.sentence;
        // The unit is compared on its own ("points" of a rating and of a
        // margin).
        let unit = f.mention.unit.as_deref();
        (f.mention.last + 1..sentence.tokens.len())
            .take_while(|&k| !is_number(&sentence.tokens[k].norm))
            .map(|k| sentence.anchors[k].as_str())
            .filter(move |&a| Some(a) != unit)
            .filter(|a| !a.is_empty())
            .take(COUNTED_WINDOW)
            .collect()
    }
    !after(a).is_disjoint(&after(b))
}

/// Numbers with one unit and one context but values that cannot both hold,
/// when neither article gives the other's value anywhere (a value both
/// carry means the two are likely different quantities).
fn number_mismatches(articles: &[Article], x: &ArticleView, y: &ArticleView) -> Vec<Divergence> {
    let (figures_x, figures_y) = (figures(articles, x), figures(articles, y));
    // Another figure both articles give: they report the same facts, so a
    // figure they give differently is a mismatch, not figures of two
    // occasions ("twelve miles east of Cloverdale" for Thursday's quake
    // against "13 miles" for Sunday's, with no magnitude or time in common).
    let both_give: Vec<&String> = x.values.intersection(&y.values).collect();
    let corroborated = |a: &Figure, b: &Figure| {
        let (own_a, own_b) = (
            &a.sentence.tokens[a.mention.first].norm,
            &b.sentence.tokens[b.mention.first].norm,
        );
        both_give.iter().any(|&v| v != own_a && v != own_b)
    };
    // The value as written ("over $300" gives 300, not every sum above it);
    // a figure of 10 or more written anywhere in the article counts whatever
    // noun follows it ("the 23 pirates (12 Somali and 11 Yemeni)" gives the
    // "23 Somali pirates" of another article).
    let gives = |figures: &[Figure], m: &NumberMention| {
        figures.iter().any(|f| {
            let overlaps = f.mention.written.0 <= m.written.1 && m.written.0 <= f.mention.written.1;
            overlaps
                && (f.mention.unit == m.unit
                    || (m.written.0 >= MIN_ANY_UNIT_FIGURE && f.mention.written == m.written))
        })
    };
    let mut found = Vec::new();
    for a in &figures_x {
        if gives(&figures_y, &a.mention) {
            continue;
        }
        let a_lists = lists_values(x, &figures_x, a);
        let context_a = context(a.sentence, a.mention.first, a.mention.last);
        let years_a = figure_years(&articles[x.article_idx], x, a.sentence);
        let best = figures_y
            .iter()
            .filter(|b| {
                b.mention.unit == a.mention.unit
                    && a.mention.disjoint(&b.mention)
                    && close_values(a, b)
            })
            .filter(|b| {
                !adds_up_to(&articles[x.article_idx].body, a, b)
                    && !adds_up_to(&articles[y.article_idx].body, b, a)
            })
            .filter(|b| !gives(&figures_x, &b.mention))
            .filter(|b| !range_bound(&figures_x, a) && !range_bound(&figures_y, b))
            .filter(|b| corroborated(a, b))
            // A figure of another year's occasion ("In June 2012, a 3.0 quake
            // struck ... It was also twenty-six miles from Santa Rosa").
            .filter(|b| {
                let years_b = figure_years(&articles[y.article_idx], y, b.sentence);
                years_a.is_empty() || years_b.is_empty() || !years_a.is_disjoint(&years_b)
            })
            .filter(|b| same_other_dimension(a, b))
            // "26 miles from Santa Rosa" and "13 miles east of Cloverdale"
            // measure from two places.
            .filter(|b| match (reference_place(a), reference_place(b)) {
                // One place spelt two ways ("Clovedale") is still one place.
                (Some(place_a), Some(place_b)) => {
                    strsim::jaro_winkler(place_a, place_b) >= SAME_PLACE_JARO_WINKLER
                }
                _ => true,
            })
            .map(|b| {
                let context_b = context(b.sentence, b.mention.first, b.mention.last);
                (shared(&context_a, &context_b), b)
            })
            .filter(|(n, b)| {
                // Where a list gives several values of the unit, the
                // context must say which one (“$5,687.75 on Martha's
                // Vineyard Holistic Retreat”).
                let listed = a_lists || lists_values(y, &figures_y, b);
                *n >= MIN_NUMBER_ANCHORS
                    && (!listed || same_thing_named_after(a, b))
                    && !a.sentence.quoted[a.mention.first]
                    && !b.sentence.quoted[b.mention.first]
            })
            .max_by_key(|(n, b)| (*n, std::cmp::Reverse(b.sentence.tokens[0].range.start)));
        let Some((n_shared, b)) = best else {
            continue;
        };
        let range_a = token_range(a.sentence, a.mention.first, a.mention.last);
        let range_b = token_range(b.sentence, b.mention.first, b.mention.last);
        let mut divergence = divergence(
            DivergenceType::NumberMismatch,
            0.6,
            format!(
                "{} gives \u{201c}{}\u{201d} where {} gives \u{201c}{}\u{201d} for what reads as the same figure.",
                article_label(&articles[x.article_idx]),
                range_a.text(&articles[x.article_idx].body),
                article_label(&articles[y.article_idx]),
                range_b.text(&articles[y.article_idx].body),
            ),
            vec![side(x.article_idx, range_a), side(y.article_idx, range_b)],
        );
        divergence.confidence = if n_shared >= 3 { 0.7 } else { 0.5 };
        found.push(divergence);
    }
    found
}

// ---------------------------------------------------------------- contradictions

/// The predicate groups and which pairs of them are opposed.
struct Predicates {
    /// Whole words → group, and prefixes (`deni*`) → group.
    words: HashMap<&'static str, &'static str>,
    prefixes: Vec<(&'static str, &'static str)>,
    opposed: HashSet<(&'static str, &'static str)>,
}

fn predicates() -> &'static Predicates {
    static PREDICATES: OnceLock<Predicates> = OnceLock::new();
    PREDICATES.get_or_init(|| {
        let mut predicates = Predicates {
            words: HashMap::new(),
            prefixes: Vec::new(),
            opposed: HashSet::new(),
        };
        for line in lexicon_lines(include_str!("../../lexicons/score_opposed.txt")) {
            let Some((head, rest)) = line.split_once(':') else {
                continue;
            };
            let words: Vec<&'static str> = rest.split_whitespace().collect();
            if head == "opposed" {
                if let [a, b] = words[..] {
                    predicates.opposed.insert((a, b));
                    predicates.opposed.insert((b, a));
                }
                continue;
            }
            for word in words {
                match word.strip_suffix('*') {
                    Some(prefix) => predicates.prefixes.push((prefix, head)),
                    None => {
                        predicates.words.insert(word, head);
                    }
                }
            }
        }
        predicates
    })
}

/// The predicate group of token `i`, with the few words that need their
/// neighbour to mean it ("be part of", "take part", "open to").
fn predicate_group(tokens: &[Token], i: usize) -> Option<&'static str> {
    let norm = tokens[i].norm.as_str();
    let predicates = predicates();
    let group = predicates.words.get(norm).copied().or_else(|| {
        predicates
            .prefixes
            .iter()
            .find(|(prefix, _)| norm.starts_with(prefix))
            .map(|(_, group)| *group)
    })?;
    let before = i.checked_sub(1).map(|k| tokens[k].norm.as_str());
    let after = tokens.get(i + 1).map(|t| t.norm.as_str());
    let needs_neighbour = match norm {
        "part" => !matches!(
            before,
            Some(
                "be" | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "been"
                    | "being"
                    | "take"
                    | "took"
                    | "taking"
                    | "takes"
            )
        ),
        "open" => after != Some("to"),
        _ => false,
    };
    (!needs_neighbour).then_some(group)
}

/// Words that deny the predicate after them: `not`, `never`, `no`,
/// `without`, and "yet to".
fn negates(tokens: &[Token], i: usize) -> bool {
    let lo = i.saturating_sub(4);
    (lo..i).any(|k| {
        let norm = tokens[k].norm.as_str();
        is_negation(norm)
            || matches!(norm, "without" | "no" | "nor" | "neither")
            || (norm == "yet" && tokens.get(k + 1).is_some_and(|t| t.norm == "to"))
    })
}

/// One predicate in an outlet's sentence, outside quotation marks.
struct Assertion<'v> {
    sentence: &'v SentenceView,
    position: usize,
    group: &'static str,
    negated: bool,
}

fn assertions(view: &ArticleView) -> Vec<Assertion<'_>> {
    let mut found = Vec::new();
    for sentence in &view.sentences {
        for position in 0..sentence.tokens.len() {
            if sentence.quoted[position] {
                continue;
            }
            if let Some(group) = predicate_group(&sentence.tokens, position) {
                found.push(Assertion {
                    sentence,
                    position,
                    group,
                    negated: negates(&sentence.tokens, position),
                });
            }
        }
    }
    found
}

/// Who the predicate is about: the names in the six words before it
/// ("Ukrainians and Europeans had not been involved").
fn subject<'v>(assertion: &Assertion<'v>) -> BTreeSet<&'v str> {
    let sentence = assertion.sentence;
    (assertion.position.saturating_sub(6)..assertion.position)
        .filter(|&k| sentence.tokens[k].capitalised && !sentence.anchors[k].is_empty())
        .map(|k| sentence.anchors[k].as_str())
        .collect()
}

/// What the predicate is about: the first content word after it ("talks"
/// in "involved in the talks" and "part of any talks").
fn first_object<'v>(assertion: &Assertion<'v>) -> Option<&'v str> {
    let sentence = assertion.sentence;
    let hi = (assertion.position + WINDOW + 1).min(sentence.tokens.len());
    (assertion.position + 1..hi)
        .map(|k| sentence.anchors[k].as_str())
        .find(|a| !a.is_empty())
}

/// The assertion's words: from a negation before it (if any) to the
/// predicate, plus the two words after it.
fn assertion_range(assertion: &Assertion) -> Range {
    let tokens = &assertion.sentence.tokens;
    let start = assertion
        .position
        .saturating_sub(if assertion.negated { 4 } else { 1 });
    let end = (assertion.position + 3).min(tokens.len()) - 1;
    token_range(assertion.sentence, start, end)
}

/// The years a sentence speaks of ("in April 2003"), or when it names
/// none, those of the nearest of the `back` sentences before it that names
/// one ("It was in 2005 that his family revealed it. ... why Felt admitted
/// his role").
fn years_of<'v>(
    view: &'v ArticleView,
    sentence: &'v SentenceView,
    back: usize,
) -> BTreeSet<&'v str> {
    let years = |s: &'v SentenceView| -> BTreeSet<&'v str> {
        s.tokens
            .iter()
            .map(|t| t.norm.as_str())
            .filter(|norm| is_year(norm))
            .collect()
    };
    let Some(at) = view
        .sentences
        .iter()
        .position(|s| std::ptr::eq(s, sentence))
    else {
        return years(sentence);
    };
    view.sentences[at.saturating_sub(back)..=at]
        .iter()
        .rev()
        .map(years)
        .find(|found| !found.is_empty())
        .unwrap_or_default()
}

/// Whether two sentences speak of different years, each looking `back`
/// sentences for one: "Felt denied his role ... until his retirement in
/// 1973" and his admission in 2005, "was acquitted in 1958" and "in April
/// 2003 pleaded guilty", are both true.
fn at_other_times(
    (x, a): (&ArticleView, &SentenceView),
    (y, b): (&ArticleView, &SentenceView),
    back: usize,
) -> bool {
    let (years_a, years_b) = (years_of(x, a, back), years_of(y, b, back));
    !years_a.is_empty() && !years_b.is_empty() && years_a.is_disjoint(&years_b)
}

/// Whether a negation says "not yet" ("Trump has yet to endorse Ryan", "has
/// not endorsed him so far") in an article published on another day than
/// the other's: a state that may have changed between the two ("Trump
/// Finally Endorses"), not one account denying the other.
fn state_that_changed(
    articles: &[Article],
    (x, a): (&ArticleView, &Assertion),
    (y, b): (&ArticleView, &Assertion),
) -> bool {
    let day = |view: &ArticleView| {
        articles[view.article_idx]
            .published
            .as_deref()
            .and_then(|date| date.get(..10))
    };
    let not_yet = |assertion: &Assertion| {
        let tokens = &assertion.sentence.tokens;
        assertion.negated
            && tokens
                [assertion.position.saturating_sub(4)..tokens.len().min(assertion.position + 4)]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "yet" | "still"))
    };
    matches!((day(x), day(y)), (Some(dx), Some(dy)) if dx != dy) && (not_yet(a) || not_yet(b))
}

fn contradictions(articles: &[Article], x: &ArticleView, y: &ArticleView) -> Vec<Divergence> {
    let predicates = predicates();
    let (in_x, in_y) = (assertions(x), assertions(y));
    let mut found = Vec::new();
    let mut used: HashSet<usize> = HashSet::new();
    for a in &in_x {
        let context_a = context(a.sentence, a.position, a.position);
        for (k, b) in in_y.iter().enumerate() {
            let same = a.group == b.group && a.negated != b.negated;
            let opposite =
                predicates.opposed.contains(&(a.group, b.group)) && a.negated == b.negated;
            if !(same || opposite) || used.contains(&k) {
                continue;
            }
            let context_b = context(b.sentence, b.position, b.position);
            if shared(&context_a, &context_b) < MIN_SHARED_ANCHORS
                || shared(&subject(a), &subject(b)) == 0
                || first_object(a) != first_object(b)
                || at_other_times((x, a.sentence), (y, b.sentence), 1)
                || state_that_changed(articles, (x, a), (y, b))
            {
                continue;
            }
            used.insert(k);
            let (range_a, range_b) = (assertion_range(a), assertion_range(b));
            let mut divergence = divergence(
                DivergenceType::Contradiction,
                0.7,
                format!(
                    "{} says \u{201c}{}\u{201d}; {} says \u{201c}{}\u{201d} about the same matter.",
                    article_label(&articles[x.article_idx]),
                    range_a.text(&articles[x.article_idx].body),
                    article_label(&articles[y.article_idx]),
                    range_b.text(&articles[y.article_idx].body),
                ),
                vec![side(x.article_idx, range_a), side(y.article_idx, range_b)],
            );
            divergence.confidence = 0.5;
            found.push(divergence);
            break;
        }
    }
    found
}

// ---------------------------------------------------------------- hedging

/// Hedges of a claim in the outlet's own voice, beyond single modal words:
/// "accused of", "is said to", "appeared to", "reportedly", "allegedly".
/// "Accused" and "alleged" after a word of content are verbs with their
/// subject ("what it alleged was ...", "Republicans accused him of"): the
/// claim is put on someone named, as "said" would put it; after
/// "was", "the" or at the start they hedge ("was accused of", "the alleged
/// shooter").
fn hedge_at(tokens: &[Token], i: usize) -> bool {
    let norm = tokens[i].norm.as_str();
    let next = tokens.get(i + 1).map(|t| t.norm.as_str());
    let after_subject = || {
        i.checked_sub(1).is_some_and(|k| {
            let previous = tokens[k].norm.as_str();
            matches!(
                previous,
                "he" | "she" | "it" | "they" | "we" | "i" | "you" | "who" | "which"
            ) || !is_stopword(previous) && !is_number(previous)
        })
    };
    match norm {
        "accused" | "alleged" => !after_subject(),
        "allegedly" | "reportedly" | "purportedly" | "supposedly" => true,
        "appeared" | "appears" | "seemed" | "seems" => next == Some("to"),
        _ => false,
    }
}

/// A claim hedged on one side and firm on the other: a hedge outside
/// quotation marks whose following words share at least three anchors
/// (one of them a name or a figure's context) with a sentence of the other
/// article that carries no hedge near them.
fn hedging_shifts(articles: &[Article], x: &ArticleView, y: &ArticleView) -> Vec<Divergence> {
    let mut found = Vec::new();
    for (hedged, firm) in [(x, y), (y, x)] {
        for sentence in &hedged.sentences {
            for i in 0..sentence.tokens.len() {
                if sentence.reported[i] || !hedge_at(&sentence.tokens, i) {
                    continue;
                }
                let last = (i + WINDOW).min(sentence.tokens.len() - 1);
                let claim: BTreeSet<&str> = (i + 1..=last)
                    .map(|k| sentence.anchors[k].as_str())
                    .filter(|a| !a.is_empty())
                    .collect();
                // What is hedged: the first word after the hedge that is
                // not a name ("allegedly ran", "accused of murdering").
                let Some(predicate) = (i + 1..=last)
                    .find(|&k| !sentence.anchors[k].is_empty() && !sentence.tokens[k].capitalised)
                    .map(|k| sentence.anchors[k].as_str())
                else {
                    continue;
                };
                if let Some(divergence) =
                    firm_counterpart(articles, hedged, firm, sentence, i, &claim, predicate)
                {
                    found.push(divergence);
                }
            }
        }
    }
    found
}

fn firm_counterpart(
    articles: &[Article],
    hedged: &ArticleView,
    firm: &ArticleView,
    sentence: &SentenceView,
    hedge: usize,
    claim: &BTreeSet<&str>,
    predicate: &str,
) -> Option<Divergence> {
    const MIN_CLAIM_ANCHORS: usize = 3;
    let (other, first, last) = firm.sentences.iter().find_map(|other| {
        let positions: Vec<usize> = (0..other.tokens.len())
            .filter(|&k| !other.reported[k] && claim.contains(other.anchors[k].as_str()))
            .collect();
        let distinct: BTreeSet<&str> = positions
            .iter()
            .map(|&k| other.anchors[k].as_str())
            .collect();
        // A name in common, not a weekday or month: "a speech in Cleveland
        // on Monday" and another speech that Monday share only the day.
        let has_name = positions.iter().any(|&k| {
            other.tokens[k].capitalised && flags(&other.tokens[k].norm) & WEEKDAY_OR_MONTH == 0
        }) && positions.iter().any(|&k| !other.tokens[k].capitalised);
        let (&first, &last) = (positions.first()?, positions.last()?);
        // Firm means firm in the whole sentence: "the coroner said he
        // believes ... died", "could take until ... before service was
        // restored" are hedged as much as the other side.
        let hedged_there = || {
            (0..other.tokens.len())
                .any(|k| hedge_at(&other.tokens, k) || is_hedge(&other.tokens[k].norm))
        };
        // Nor firm when a finding or a saying frames it ("a report which
        // found Mr Cuomo sexually harassed 11 women"): the claim is the
        // report's.
        let framed = || (0..first).any(|k| flags(&other.tokens[k].norm) & (SPEECH | EVIDENCE) != 0);
        (distinct.len() >= MIN_CLAIM_ANCHORS
            && distinct.contains(predicate)
            && has_name
            && last - first <= 2 * WINDOW
            && !hedged_there()
            && !framed())
        .then_some((other, first, last))
    })?;
    let end = (hedge + 4).min(sentence.tokens.len() - 1);
    let range_hedged = token_range(sentence, hedge, end);
    let range_firm = token_range(other, first, last);
    let mut divergence = divergence(
        DivergenceType::HedgingShift,
        0.5,
        format!(
            "{} hedges the claim (\u{201c}{}\u{201d}); {} states it firmly: \u{201c}{}\u{201d}.",
            article_label(&articles[hedged.article_idx]),
            range_hedged.text(&articles[hedged.article_idx].body),
            article_label(&articles[firm.article_idx]),
            range_firm.text(&articles[firm.article_idx].body),
        ),
        vec![
            side(hedged.article_idx, range_hedged),
            side(firm.article_idx, range_firm),
        ],
    );
    divergence.confidence = 0.45;
    Some(divergence)
}

// ---------------------------------------------------------------- rows

/// Distinct anchors two statements share before one claim can be given to
/// two people: the same words about the same people, not a shared topic.
const MIN_CLAIM_ANCHORS: usize = 4;

fn shared_content(
    articles: &[Article],
    article_a: usize,
    range_a: Range,
    article_b: usize,
    range_b: Range,
) -> usize {
    let anchors = |article_idx: usize, range: Range| -> BTreeSet<String> {
        tokenize(&articles[article_idx].body, range)
            .iter()
            .map(anchor)
            .filter(|a| !a.is_empty())
            .collect()
    };
    anchors(article_a, range_a)
        .intersection(&anchors(article_b, range_b))
        .count()
}

/// Differences on topic rows: who is given one claim, and the charge of
/// the verb that reports one speaker's statement.
fn row_differences(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
) -> Vec<Divergence> {
    let mut found = Vec::new();
    let mut seen_shifts = HashSet::new();
    for (alignment_idx, alignment) in event.alignments.iter().enumerate() {
        if alignment.level != AlignmentLevel::Topic {
            continue;
        }
        let [a, b] = alignment.statements[..] else {
            continue;
        };
        let statement_a = &extractions[a.article_idx].statements[a.statement_idx];
        let statement_b = &extractions[b.article_idx].statements[b.statement_idx];
        let (Some(name_a), Some(name_b)) = (&statement_a.speaker.name, &statement_b.speaker.name)
        else {
            continue;
        };
        let label = |idx: usize| article_label(&articles[idx]);
        let mut divergence = if may_be_same_person(name_a, name_b) {
            let (Some(cue_a), Some(cue_b)) = (statement_a.cue, statement_b.cue) else {
                continue;
            };
            let verb_a = cue_a.text(&articles[a.article_idx].body).to_lowercase();
            let verb_b = cue_b.text(&articles[b.article_idx].body).to_lowercase();
            let (Some(class_a), Some(class_b)) =
                (report_verb_class(&verb_a), report_verb_class(&verb_b))
            else {
                continue;
            };
            let charged = |class: &str, verb: &str| {
                matches!(class, "doubting" | "concessive") || verb.starts_with("insist")
            };
            let shift = (class_a == "neutral" && charged(class_b, &verb_b))
                || (class_b == "neutral" && charged(class_a, &verb_a));
            // The verbs must report one statement, not two on one matter.
            let one_statement = alignment.agreement >= SAME_STATEMENT_SIMILARITY
                && shared_content(
                    articles,
                    a.article_idx,
                    statement_a.content,
                    b.article_idx,
                    statement_b.content,
                ) >= MIN_CLAIM_ANCHORS - 1;
            let shift = shift && one_statement;
            if !shift
                || !seen_shifts.insert((
                    a.article_idx,
                    b.article_idx,
                    verb_a.clone(),
                    verb_b.clone(),
                ))
            {
                continue;
            }
            let mut d = divergence(
                DivergenceType::ReportingVerbShift,
                0.4,
                format!(
                    "{} reports {name_a}'s statement with \u{201c}{verb_a}\u{201d} ({class_a}); {} with \u{201c}{verb_b}\u{201d} ({class_b}).",
                    label(a.article_idx),
                    label(b.article_idx)
                ),
                vec![side(a.article_idx, cue_a), side(b.article_idx, cue_b)],
            );
            d.confidence = 0.6;
            d
        } else {
            let attributed = |kind: StatementKind| kind != StatementKind::Narration;
            if alignment.agreement < SAME_CLAIM_SIMILARITY
                || !attributed(statement_a.kind)
                || !attributed(statement_b.kind)
                || !reads_as_person(name_a, &articles[a.article_idx].body)
                || !reads_as_person(name_b, &articles[b.article_idx].body)
                || !speaker_named_explicitly(statement_a, &articles[a.article_idx].body)
                || !speaker_named_explicitly(statement_b, &articles[b.article_idx].body)
                || !asserts(&articles[a.article_idx].body, statement_a)
                || !asserts(&articles[b.article_idx].body, statement_b)
                || shared_content(
                    articles,
                    a.article_idx,
                    statement_a.content,
                    b.article_idx,
                    statement_b.content,
                ) < MIN_CLAIM_ANCHORS
            {
                continue;
            }
            let mut d = divergence(
                DivergenceType::Misattribution,
                0.6,
                format!(
                    "{} gives this claim to {name_a}; {} gives what reads as the same claim to {name_b}.",
                    label(a.article_idx),
                    label(b.article_idx)
                ),
                vec![
                    side(a.article_idx, statement_a.content),
                    side(b.article_idx, statement_b.content),
                ],
            );
            d.confidence = 0.45;
            d
        };
        divergence.alignment_idx = Some(alignment_idx);
        found.push(divergence);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> SentenceView {
        let all = Range::new(0, text.len());
        sentence_view(text, all, &quotation_marks(text))
    }

    #[test]
    fn years_are_not_figures() {
        assert!(is_year("2012"));
        assert!(!is_year("2,012"));
        assert!(!is_year("3000"));
        assert!(!is_year("120"));
    }

    #[test]
    fn rounding_is_not_a_mismatch_but_other_values_are() {
        assert!(rounded(43e6, 43_885_310.0));
        assert!(rounded(13.6e6, 13_625_777.0));
        assert!(rounded(36.0, 35.7));
        assert!(!rounded(300e6, 350e6));
        assert!(!rounded(50_000.0, 55_000.0));
    }

    #[test]
    fn a_figure_converted_in_parentheses_is_not_compared() {
        let conversions = |text: &str| -> Vec<bool> {
            let sentence = view(text);
            numbers(text, &sentence.tokens)
                .iter()
                .map(|m| is_conversion(text, &sentence, m))
                .collect()
        };
        assert_eq!(
            conversions("a 110 billion euro ($158 billion) bailout"),
            [false, true]
        );
        // "58km" is no number token; the converted "36 miles" still is one.
        assert_eq!(conversions("about 58km (36 miles) south-west"), [true]);
        assert_eq!(
            conversions("diamonds valued at 85 million euros ($108 million)"),
            [false, true]
        );
        assert_eq!(conversions("the plan (worth $5 billion) passed"), [false]);
        // A measure in another unit.
        assert_eq!(
            conversions("Qeshm, located 1,150 kilometers (700 miles) southeast of Tehran"),
            [false, true]
        );
        assert_eq!(conversions("the team (12 players) left"), [false]);
    }

    #[test]
    fn names_meet_their_demonyms() {
        let a = view("Ukrainians and Europeans had not been involved in the talks.");
        let b = view("Ukraine will be part of any talks.");
        let shared_anchors = shared(&context(&a, 6, 6), &context(&b, 3, 3));
        assert_eq!(shared_anchors, 2);
    }

    #[test]
    fn part_needs_a_verb_to_be_a_predicate() {
        let a = view("Part of the conversation focused on the talks.");
        let b = view("Ukraine will be part of any talks.");
        assert_eq!(predicate_group(&a.tokens, 0), None);
        assert_eq!(predicate_group(&b.tokens, 3), Some("take_part"));
    }

    /// Hedging findings between one sentence hedged and one the other
    /// outlet writes.
    fn hedging_between(hedged: &str, firm: &str) -> usize {
        let articles: Vec<Article> = [hedged, firm]
            .iter()
            .enumerate()
            .map(|(k, body)| Article {
                id: format!("a{k}"),
                body: body.to_string(),
                ..Article::default()
            })
            .collect();
        let views: Vec<ArticleView> = [hedged, firm]
            .iter()
            .enumerate()
            .map(|(k, body)| ArticleView {
                article_idx: k,
                sentences: vec![view(body)],
                values: values(body),
            })
            .collect();
        hedging_shifts(&articles, &views[0], &views[1]).len()
    }

    /// Number mismatches between two articles of one sentence each.
    fn two_articles(a: &str, b: &str) -> (Vec<Article>, Vec<ArticleView>) {
        let articles: Vec<Article> = [a, b]
            .iter()
            .enumerate()
            .map(|(k, body)| Article {
                id: format!("a{k}"),
                body: body.to_string(),
                ..Article::default()
            })
            .collect();
        let views: Vec<ArticleView> = [a, b]
            .iter()
            .enumerate()
            .map(|(k, body)| ArticleView {
                article_idx: k,
                sentences: crate::segment::segment(body)
                    .sentences
                    .iter()
                    .map(|s| sentence_view(body, s.range, &quotation_marks(body)))
                    .collect(),
                values: values(body),
            })
            .collect();
        (articles, views)
    }

    fn texts(articles: &[Article], found: &[Divergence]) -> Vec<String> {
        found
            .iter()
            .map(|d| {
                d.spans
                    .iter()
                    .map(|e| e.range.text(&articles[e.article_idx].body))
                    .collect::<Vec<_>>()
                    .join(" / ")
            })
            .collect()
    }

    fn contradictions_between(a: &str, b: &str) -> Vec<String> {
        let (articles, views) = two_articles(a, b);
        texts(&articles, &contradictions(&articles, &views[0], &views[1]))
    }

    /// Number mismatches between `a` and `b`, each followed by a sentence
    /// with a figure both give (which shows they report the same facts).
    fn mismatches_between(a: &str, b: &str) -> Vec<String> {
        const SHARED: &str = "\nThe report ran to 47 pages.";
        mismatches_alone(&format!("{a}{SHARED}"), &format!("{b}{SHARED}"))
    }

    fn mismatches_alone(a: &str, b: &str) -> Vec<String> {
        let (articles, views) = two_articles(a, b);
        texts(
            &articles,
            &number_mismatches(&articles, &views[0], &views[1]),
        )
    }

    #[test]
    fn figures_of_articles_that_agree_on_no_other_figure_are_no_mismatch() {
        let thursday = "The quake struck twelve miles east of Cloverdale, officials said.";
        let sunday = "The 4.4 quake struck 13 miles east of Cloverdale, officials said.";
        assert_eq!(mismatches_alone(thursday, sunday), Vec::<String>::new());
        let thursday = "The 4.4 quake struck twelve miles east of Cloverdale, officials said.";
        assert_eq!(mismatches_alone(thursday, sunday), ["twelve / 13"]);
    }

    #[test]
    fn what_the_next_figures_count_is_not_what_a_figure_counts() {
        // A net rating and a winning margin, both in points with percentages
        // after them: two quantities.
        assert_eq!(
            mismatches_alone(
                "In the Monmouth poll Clinton had a net negative rating of -11 points (40 percent positive to 51 percent negative) and Trump is at -30 points (30 percent to 60 percent).",
                "In Arizona Clinton beat Sanders by 18 points (58 percent to 40 percent), and Trump beat Cruz by 22 points (47 to 25)."
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_figure_among_listed_values_needs_what_it_counts() {
        // Prices of two models against a third: not one figure.
        assert_eq!(mismatches_between(
            "The new MacBook Pro line from Apple starts at $1,199 for the 13-inch option. The 15-inch MacBook Pro from Apple starts at $1,799, and both ship today.",
            "The new MacBook Pro line from Apple starts at $2,199 for the 2.3 GHz quad-core version."
        ), Vec::<String>::new());
        // Listed too, but both name the same retreat right after the sum.
        assert_eq!(
            mismatches_between(
                "Jackson spent $5,687.75 on Martha's Vineyard Holistic Retreat and $2,000 on furs, prosecutors said.",
                "Prosecutors said Jackson spent $5,587.75 on a vacation at Martha's Vineyard Holistic Retreat."
            ),
            ["5,687.75 / 5,587.75"]
        );
    }

    #[test]
    fn parts_and_loose_mentions_are_not_other_values() {
        let total = "The Indian navy says it has arrested 23 Somali and Yemeni pirates who tried to storm a ship in the Gulf of Aden.";
        // The two parts add up to the total.
        assert_eq!(
            mismatches_between(
                "Indian commandos boarded the larger pirate boat in the Gulf of Aden, seizing 12 Somali and 11 Yemeni pirates, the navy said.",
                total
            ),
            Vec::<String>::new()
        );
        // A part that adds up to something else is still a second value.
        assert_eq!(
            mismatches_between(
                "Indian commandos boarded the larger pirate boat in the Gulf of Aden, seizing 12 Somali and 14 Yemeni pirates, the navy said.",
                total
            ),
            ["12 / 23"]
        );
        // Decimals dropped before one multiplier: one figure.
        let exact = "Analysts say the $13.9 billion acquisition of Electronic Data Systems by Hewlett-Packard is a good move.";
        assert_eq!(
            mismatches_between(
                "Hurd believes the $13 billion acquisition of Electronic Data Systems by Hewlett-Packard will help.",
                exact
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            mismatches_between(
                "Hurd believes the $12 billion acquisition of Electronic Data Systems by Hewlett-Packard will help.",
                exact
            ),
            ["12 billion / 13.9 billion"]
        );
    }

    #[test]
    fn figures_of_another_years_occasion_are_no_mismatch() {
        let earlier = "In June 2012, a 3.0 quake struck near The Geysers. The quake was felt in Cobb. It was approximately twenty-six miles from Santa Rosa.";
        let now = "In March 2013, a 4.6 quake struck near The Geysers. It was centered about 20 miles from Santa Rosa.";
        assert_eq!(mismatches_between(earlier, now), Vec::<String>::new());
        let same_year = "In March 2013, a 3.0 quake struck near The Geysers. The quake was felt in Cobb. It was approximately twenty-six miles from Santa Rosa.";
        assert_eq!(mismatches_between(same_year, now), ["twenty-six / 20"]);
    }

    #[test]
    fn dimensions_differing_in_every_factor_are_two_things() {
        let older = "The 15-inch model offers a 1,440 x 900 display, the company said.";
        let newer = "The new model has a 15-inch display of 2880 x 1800 pixels, the company said.";
        assert_eq!(mismatches_between(older, newer), Vec::<String>::new());
        let one_factor = "The 15-inch model offers a 1,440 x 960 display, the company said.";
        assert_eq!(mismatches_between(older, one_factor), ["900 / 960"]);
    }

    #[test]
    fn the_ends_of_a_range_are_no_other_value() {
        let single =
            "Boston offered Teixeira an eight-year deal worth $184 million, the team said.";
        for range in [
            "The offers for Teixeira were in the $140 million to $160 million range, the team said.",
            "Baltimore offered Teixeira a deal worth between $140 million and $150 million, the team said.",
        ] {
            assert_eq!(mismatches_between(range, single), Vec::<String>::new());
        }
        assert_eq!(
            mismatches_between(
                "Boston offered Teixeira an eight-year deal worth $140 million, the team said.",
                single
            ),
            ["140 million / 184 million"]
        );
    }

    #[test]
    fn a_weekday_in_common_is_no_shared_name() {
        let hedged =
            "Trump will reportedly be delivering a speech on Monday at Saint Anselm College.";
        assert_eq!(
            hedging_between(
                hedged,
                "Clinton will deliver a speech at a gym in Cleveland on Monday."
            ),
            0
        );
        assert_eq!(
            hedging_between(
                hedged,
                "Trump will deliver a speech at Saint Anselm College on Monday."
            ),
            1
        );
    }

    #[test]
    fn a_hedged_claim_needs_the_same_predicate_stated_firmly() {
        let hedged = "Gigante allegedly ran the Genovese family from his cell in Springfield.";
        assert_eq!(
            hedging_between(
                hedged,
                "Gigante ran the Genovese family from his cell in Springfield for years."
            ),
            1
        );
        // Same people and places, another claim: he died there.
        assert_eq!(
            hedging_between(
                hedged,
                "Gigante, boss of the Genovese family, died in his cell in Springfield."
            ),
            0
        );
        // Hedged elsewhere in the sentence: not firm.
        assert_eq!(
            hedging_between(hedged, "Gigante ran the Genovese family from his cell in Springfield and may have ordered killings."),
            0
        );
    }

    #[test]
    fn a_claim_put_on_its_subject_is_no_hedge() {
        let firm = "Jeffs assaulted Texas girls at the ranch.";
        assert_eq!(
            hedging_between("Jeffs was accused of assaulting Texas girls.", firm),
            1
        );
        for attributed in [
            "The tape is what it alleged was assaulting Texas girls.",
            "Prosecutors accused him of assaulting Texas girls.",
        ] {
            assert_eq!(hedging_between(attributed, firm), 0, "{attributed}");
        }
        // A firm side that a finding frames is the finding's claim.
        assert_eq!(
            hedging_between(
                "Jeffs was accused of assaulting Texas girls.",
                "A report found Jeffs assaulted Texas girls at the ranch."
            ),
            0
        );
    }

    #[test]
    fn a_state_not_yet_reached_is_no_contradiction_of_a_later_day() {
        let found = |days: [&str; 2]| -> Vec<String> {
            let (mut articles, views) = two_articles(
                "Trump has yet to endorse Ryan in his primary, his aides said on Wednesday.",
                "Trump endorsed Ryan in his primary on Friday, his aides said.",
            );
            for (article, day) in articles.iter_mut().zip(days) {
                article.published = Some(day.to_string());
            }
            texts(&articles, &contradictions(&articles, &views[0], &views[1]))
        };
        assert_eq!(found(["2016-08-03", "2016-08-05"]), Vec::<String>::new());
        assert_eq!(found(["2016-08-05", "2016-08-05"]).len(), 1);
    }

    /// A refusal named by its noun negates as the verb does: both accounts
    /// say Trump would not endorse Ryan.
    #[test]
    fn a_refusal_is_a_negation() {
        let refused = "On Monday, Trump refused to endorse Ryan in his primary, his aides said.";
        assert_eq!(
            contradictions_between(
                "Trump's refusal to endorse Ryan in his primary was widely viewed as payback, his aides said.",
                refused,
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            contradictions_between(
                "Trump endorsed Ryan in his primary on Monday, his aides said.",
                refused
            )
            .len(),
            1
        );
    }

    #[test]
    fn claims_of_other_years_do_not_contradict() {
        let denied = "Felt denied his role in the affair repeatedly and stayed at the FBI until his retirement in 1973.";
        assert_eq!(
            contradictions_between(
                "It was in 2005 that his family revealed it. Felt, then ill, admitted his role in the affair.",
                denied
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            contradictions_between(
                "It was in 1973 that reporters asked him. Felt, then at the FBI, admitted his role in the affair.",
                denied
            ),
            ["FBI, admitted his role / Felt denied his role"]
        );
    }

    #[test]
    fn negation_before_a_predicate() {
        let a = view("Ukrainians had not been involved in the talks.");
        assert!(negates(&a.tokens, 4));
        let b = view("moving forward without any representation from Ukraine");
        assert!(negates(&b.tokens, 4));
    }
}
