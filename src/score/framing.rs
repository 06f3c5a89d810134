//! Framing across outlets: one referent described with different
//! evaluative words in each outlet's own voice.
//!
//! Takes the articles of one event; gives `loaded_language` divergences
//! of two kinds, each with every side's words as evidence:
//! - contested terms: two outlets name one referent with different
//!   variants of a contested term ("illegal immigrants" / "undocumented
//!   immigrants"; `lexicons/score_contested.txt`);
//! - reactions: two outlets describe the same party's reaction with
//!   different words ("European officials were unsure" / "European outrage",
//!   "European leaders were shocked"; `lexicons/score_reactions.txt`), the
//!   party read from the names next to the word.
//!
//! Only the outlet's own voice counts: words outside quotation marks and
//! outside what it reports others as saying ("Advocates say undocumented
//! immigrants ..." is the advocates' word, not the outlet's).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::OnceLock;

use super::lexicon::{is_claim_noun, report_verb_class};
use super::{article_label, copied, divergence, quotation_marks};
use crate::model::{
    Article, Divergence, DivergenceType, Event, Evidence, Extraction, Range, Statement,
    StatementKind,
};
use crate::text::lexicon::{is_stopword, lexicon_lines, lexicon_set};
use crate::text::tokens::{tokenize, Token};

/// Letters of a name compared across outlets ("europ" for Europe, European).
const NAME_PREFIX: usize = 5;
/// Words before a reaction word searched for the party reacting.
const PARTY_WINDOW: usize = 3;

/// Every contested-term and reaction contrast in one event.
pub(super) fn cross_framing(
    articles: &[Article],
    extractions: &[Extraction],
    event: &Event,
) -> Vec<Divergence> {
    let voices: Vec<Voice> = event
        .articles
        .iter()
        .map(|&idx| voice(&articles[idx], idx, &extractions[idx].statements))
        .collect();
    let mut found = Vec::new();
    for (k, x) in voices.iter().enumerate() {
        for y in &voices[k + 1..] {
            if copied(event, x.article_idx, y.article_idx) {
                continue;
            }
            found.extend(contested(articles, x, y));
            found.extend(reactions(articles, x, y));
        }
    }
    found
}

/// An article's words outside quotation marks and outside the content of
/// its reported (indirect or mixed) statements.
struct Voice {
    article_idx: usize,
    tokens: Vec<Token>,
    /// The first letters of every capitalised word of the body, quoted or
    /// not: the names the article mentions anywhere.
    names: HashSet<String>,
}

fn voice(article: &Article, article_idx: usize, statements: &[Statement]) -> Voice {
    let body = &article.body;
    let mut others = quotation_marks(body);
    others.extend(
        statements
            .iter()
            .filter(|s| matches!(s.kind, StatementKind::Indirect | StatementKind::Mixed))
            .filter(|s| reported_speech(body, s))
            .map(|s| s.content),
    );
    let all = tokenize(body, Range::new(0, body.len()));
    others.extend(claimed_clauses(body, &all));
    let names = all
        .iter()
        .filter(|t| t.capitalised)
        .map(|t| name_key(&t.norm))
        .collect();
    let tokens = all
        .into_iter()
        .filter(|t| !others.iter().any(|q| q.contains(&t.range)))
        .collect();
    Voice {
        article_idx,
        tokens,
        names,
    }
}

/// How names are compared across outlets: their first letters.
fn name_key(norm: &str) -> String {
    norm.chars().take(NAME_PREFIX).collect()
}

/// Clauses a noun or a reporting verb presents as someone's claim
/// ("Republicans used the charge that Obamacare raided Medicare"; "praised
/// Saddam Hussein ... and declared that torture works", where extraction
/// found no speaker): from the "that" to the end of the sentence or clause
/// (`.`, `?`, `!`, `;`).
fn claimed_clauses(body: &str, tokens: &[Token]) -> Vec<Range> {
    tokens
        .windows(2)
        .filter(|pair| {
            (is_claim_noun(&pair[0].norm) || report_verb_class(&pair[0].norm).is_some())
                && pair[1].norm == "that"
        })
        .map(|pair| {
            let start = pair[1].range.end;
            let end = body[start..]
                .find(['.', '?', '!', ';'])
                .map_or(body.len(), |k| start + k);
            Range::new(start, end)
        })
        .collect()
}

/// Whether a statement gives what someone said, by a reporting verb as its
/// cue ("Campaign aides say ...", "Romney has said ..."): its words are the
/// speaker's. Other cues ("found itself defending", "are hoping for",
/// "according to") leave the words the outlet's own.
fn reported_speech(body: &str, statement: &Statement) -> bool {
    statement.cue.is_some_and(|cue| {
        tokenize(body, cue)
            .iter()
            .any(|t| report_verb_class(&t.norm).is_some())
    })
}

// ---------------------------------------------------------------- contested terms

/// One side's phrases, each a word sequence.
type Variant = Vec<Vec<&'static str>>;

/// Each line of the contested-terms list: its variants.
fn contested_terms() -> &'static Vec<Vec<Variant>> {
    static TERMS: OnceLock<Vec<Vec<Variant>>> = OnceLock::new();
    TERMS.get_or_init(|| {
        lexicon_lines(include_str!("../../lexicons/score_contested.txt"))
            .map(|line| {
                line.split('|')
                    .map(|variant| {
                        variant
                            .split(',')
                            .map(|phrase| phrase.split_whitespace().collect())
                            .collect()
                    })
                    .collect()
            })
            .collect()
    })
}

/// Where each variant of line `line` occurs in a voice: variant → ranges.
/// A use qualified by a name right before it ("the Castro regime", "the
/// Chinese government") is of that name's referent: it counts only when
/// the other article, `other`, mentions the name too (it may call it
/// otherwise: "the Assad regime" / "the Syrian government, ... Assad").
fn variant_uses(voice: &Voice, variants: &[Variant], other: &Voice) -> BTreeMap<usize, Vec<Range>> {
    let mut uses: BTreeMap<usize, Vec<Range>> = BTreeMap::new();
    let phrases = variants
        .iter()
        .enumerate()
        .flat_map(|(variant_idx, phrases)| phrases.iter().map(move |words| (variant_idx, words)));
    for (variant_idx, words) in phrases {
        for start in 0..voice.tokens.len() {
            let window = &voice.tokens[start..];
            if window.len() >= words.len()
                && words.iter().zip(window).all(|(w, t)| t.norm == *w)
                && window[words.len() - 1].range.end - window[0].range.start < 80
                && !in_a_name(voice, start + words.len())
                && qualifier(voice, start).is_none_or(|name| other.names.contains(&name))
            {
                uses.entry(variant_idx).or_default().push(Range::new(
                    window[0].range.start,
                    window[words.len() - 1].range.end,
                ));
            }
        }
    }
    // Phrases of one variant that overlap ("domestic spying", "spying
    // programs") are one use.
    for ranges in uses.values_mut() {
        ranges.sort();
        let mut merged: Vec<Range> = Vec::with_capacity(ranges.len());
        for &range in ranges.iter() {
            match merged.last_mut() {
                Some(last) if range.start < last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        *ranges = merged;
    }
    uses
}

/// Whether a phrase whose last token is `end - 1` runs on into a
/// capitalised word right after it: part of a name ("the Pro-Life Action
/// League") or of a title-case line, not the outlet's word for the referent.
fn in_a_name(voice: &Voice, end: usize) -> bool {
    voice.tokens.get(end).is_some_and(|next| {
        next.capitalised && next.range.start <= voice.tokens[end - 1].range.end + 1
    })
}

/// The name right before token `start` ("Castro" in "the Castro regime"),
/// as `name_key` gives it; `None` when the word before is no name.
fn qualifier(voice: &Voice, start: usize) -> Option<String> {
    let before = &voice.tokens[start.checked_sub(1)?];
    (before.capitalised
        && !is_stopword(&before.norm)
        && voice.tokens[start].range.start <= before.range.end + 1)
        .then(|| name_key(&before.norm))
}

fn first_key(uses: &BTreeMap<usize, Vec<Range>>) -> usize {
    *uses.keys().next().expect("a variant used")
}

/// Contested-term contrasts between two outlets: each uses a variant the
/// other never does, or one uses a variant the other never does while the
/// other names the referent only in its own way (both may say "Islamic
/// center", but only one also says "mosque near Ground Zero").
fn contested(articles: &[Article], x: &Voice, y: &Voice) -> Vec<Divergence> {
    let mut found = Vec::new();
    for variants in contested_terms() {
        let (uses_x, uses_y) = (variant_uses(x, variants, y), variant_uses(y, variants, x));
        let only_x: Vec<usize> = uses_x
            .keys()
            .filter(|v| !uses_y.contains_key(v))
            .copied()
            .collect();
        let only_y: Vec<usize> = uses_y
            .keys()
            .filter(|v| !uses_x.contains_key(v))
            .copied()
            .collect();
        let (x, y, uses_x, uses_y, vx, vy, one_sided) = match (only_x.first(), only_y.first()) {
            (Some(&vx), Some(&vy)) => (x, y, &uses_x, &uses_y, vx, vy, false),
            (Some(&vx), None) if !uses_y.is_empty() => {
                (x, y, &uses_x, &uses_y, vx, first_key(&uses_y), true)
            }
            (None, Some(&vy)) if !uses_x.is_empty() => {
                (y, x, &uses_y, &uses_x, vy, first_key(&uses_x), true)
            }
            _ => continue,
        };
        let spans: Vec<Evidence> = uses_x[&vx]
            .iter()
            .map(|&range| Evidence {
                article_idx: x.article_idx,
                range,
            })
            .chain(uses_y[&vy].iter().map(|&range| Evidence {
                article_idx: y.article_idx,
                range,
            }))
            .collect();
        let words =
            |voice: &Voice, range: Range| range.text(&articles[voice.article_idx].body).to_string();
        let (label_x, label_y) = (
            article_label(&articles[x.article_idx]),
            article_label(&articles[y.article_idx]),
        );
        let (said_x, said_y) = (words(x, uses_x[&vx][0]), words(y, uses_y[&vy][0]));
        let what = if one_sided {
            format!(
                "{label_x} says \u{201c}{said_x}\u{201d}, which {label_y} never does; it says \u{201c}{said_y}\u{201d}: contested names for one referent."
            )
        } else {
            format!(
                "{label_x} says \u{201c}{said_x}\u{201d} where {label_y} says \u{201c}{said_y}\u{201d}: contested names for one referent."
            )
        };
        let mut d = divergence(DivergenceType::LoadedLanguage, 0.5, what, spans);
        d.confidence = if one_sided { 0.7 } else { 0.8 };
        found.push(d);
    }
    found
}

// ---------------------------------------------------------------- reactions

fn is_reaction(norm: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| lexicon_set(include_str!("../../lexicons/score_reactions.txt")))
        .contains(norm)
}

/// Reaction words of a voice by the parties named next to them: party
/// (first letters of a capitalised word) → (word, range) pairs.
fn reactions_by_party(voice: &Voice) -> BTreeMap<String, Vec<(String, Range)>> {
    let mut by_party: BTreeMap<String, Vec<(String, Range)>> = BTreeMap::new();
    let tokens = &voice.tokens;
    for (i, token) in tokens.iter().enumerate() {
        if !is_reaction(&token.norm) || causes_a_reaction(tokens, i) {
            continue;
        }
        // The party reacting is named just before the word ("European
        // officials were unsure", "European outrage"), not across a
        // conjunction ("Ryan and the frustrated base").
        let lo = i.saturating_sub(PARTY_WINDOW);
        let parties: BTreeSet<String> = (lo..i)
            .filter(|&k| tokens[k].capitalised && near(tokens, k, i))
            .filter(|&k| {
                !tokens[k + 1..i]
                    .iter()
                    .any(|t| matches!(t.norm.as_str(), "and" | "or" | "but"))
            })
            .map(|k| name_key(&tokens[k].norm))
            .collect();
        for party in parties {
            by_party
                .entry(party)
                .or_default()
                .push((token.norm.clone(), token.range));
        }
    }
    by_party
}

/// Whether the reaction word at `i` is a verb with its object ("Ryan
/// stunned Republicans", "the ruling outraged the families"): the name
/// before it caused the reaction, it did not react.
fn causes_a_reaction(tokens: &[Token], i: usize) -> bool {
    tokens[i].norm.ends_with("ed")
        && tokens.get(i + 1).is_some_and(|next| {
            near(tokens, i, i + 1)
                && (next.capitalised
                    || matches!(
                        next.norm.as_str(),
                        "the" | "his" | "her" | "their" | "its" | "him" | "them" | "us" | "many"
                    ))
        })
}

/// Tokens `k` and `i` sit in one stretch of text (no more than a few
/// bytes of spaces and punctuation between neighbours), not across a
/// quotation that was left out of the voice.
fn near(tokens: &[Token], k: usize, i: usize) -> bool {
    let (a, b) = (k.min(i), k.max(i));
    tokens[b].range.start - tokens[a].range.end < 40 * (b - a)
}

fn reactions(articles: &[Article], x: &Voice, y: &Voice) -> Vec<Divergence> {
    let (in_x, in_y) = (reactions_by_party(x), reactions_by_party(y));
    let mut found = Vec::new();
    let mut used: HashSet<Range> = HashSet::new();
    for (party, words_x) in &in_x {
        let Some(words_y) = in_y.get(party) else {
            continue;
        };
        let set_x: BTreeSet<&str> = words_x.iter().map(|(w, _)| w.as_str()).collect();
        let set_y: BTreeSet<&str> = words_y.iter().map(|(w, _)| w.as_str()).collect();
        if !set_x.is_disjoint(&set_y)
            || words_x.iter().chain(words_y).any(|(_, r)| used.contains(r))
        {
            continue;
        }
        used.extend(words_x.iter().chain(words_y).map(|(_, r)| *r));
        let spans: Vec<Evidence> = words_x
            .iter()
            .map(|(_, range)| Evidence {
                article_idx: x.article_idx,
                range: *range,
            })
            .chain(words_y.iter().map(|(_, range)| Evidence {
                article_idx: y.article_idx,
                range: *range,
            }))
            .collect();
        let list = |set: &BTreeSet<&str>| {
            set.iter()
                .map(|w| format!("\u{201c}{w}\u{201d}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut d = divergence(
            DivergenceType::LoadedLanguage,
            0.4,
            format!(
                "{} describes the reaction with {}; {} with {}.",
                article_label(&articles[x.article_idx]),
                list(&set_x),
                article_label(&articles[y.article_idx]),
                list(&set_y),
            ),
            spans,
        );
        d.confidence = 0.55;
        found.push(d);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn voice_of(text: &str) -> Voice {
        voice(
            &Article {
                body: text.to_string(),
                ..Article::default()
            },
            0,
            &[],
        )
    }

    #[test]
    fn reaction_words_by_the_party_next_to_them() {
        let voice = voice_of(
            "European officials were unsure how to read it. After European outrage, talks went on.",
        );
        let parties = reactions_by_party(&voice);
        let words: Vec<&str> = parties["europ"].iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["unsure", "outrage"]);
    }

    /// The name before a reaction verb with an object caused the reaction;
    /// a name across "and" is another party.
    #[test]
    fn causes_and_neighbours_are_not_the_party_reacting() {
        for text in [
            "Ryan stunned Republicans by withholding his endorsement.",
            "The rift between Ryan and the frustrated base goes on.",
        ] {
            assert!(reactions_by_party(&voice_of(text)).is_empty(), "{text}");
        }
        let voice = voice_of("European leaders were stunned by the plan.");
        assert_eq!(reactions_by_party(&voice)["europ"][0].0, "stunned");
    }

    #[test]
    fn quoted_words_are_not_the_outlets_voice() {
        let voice = voice_of("He said \u{201c}Europeans are shocked\u{201d} today.");
        assert!(reactions_by_party(&voice).is_empty());
    }

    /// Each text's contested-term contrasts with the other, as
    /// (explanation, evidence texts).
    fn contrasts(x: &str, y: &str) -> Vec<(String, Vec<String>)> {
        let articles: Vec<Article> = [x, y]
            .iter()
            .enumerate()
            .map(|(k, text)| Article {
                id: format!("a{k}"),
                body: text.to_string(),
                ..Article::default()
            })
            .collect();
        let voice_x = voice(&articles[0], 0, &[]);
        let voice_y = voice(&articles[1], 1, &[]);
        contested(&articles, &voice_x, &voice_y)
            .into_iter()
            .map(|d| {
                let texts = super::super::evidence_texts(&articles, &d);
                (d.explanation, texts)
            })
            .collect()
    }

    #[test]
    fn a_contested_name_one_outlet_adds_to_the_neutral_one() {
        let found = contrasts(
            "Reid broke with Obama over the proposed mosque near Ground Zero, saying the Islamic center should move.",
            "Reid said the Islamic center should be built elsewhere.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, ["mosque near Ground Zero", "Islamic center"]);
        assert!(found[0].0.contains("which a1 never does"), "{}", found[0].0);
    }

    /// A contested name qualified by a name the other article never
    /// mentions is of another referent; one the other mentions may be the
    /// same one named otherwise.
    #[test]
    fn a_qualified_name_needs_its_referent_in_the_other_article() {
        let castro = "Rubio denounced the Castro regime after the debate in Miami.";
        let chinese = "Kasich said the Chinese government was wrong after the debate in Miami.";
        assert_eq!(contrasts(castro, chinese).len(), 0);
        let syrian = "Kasich said the Syrian government of Assad was wrong.";
        let assad = "Rubio denounced the Assad regime in Syria.";
        assert_eq!(contrasts(assad, syrian).len(), 1);
    }

    #[test]
    fn newspaper_double_apostrophes_are_quotation_marks() {
        let voice = voice_of("Kasich said ''the Chinese are shocked'' by it. Europe is calm.");
        let words: Vec<&str> = voice.tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            words,
            ["kasich", "said", "by", "it", "europe", "is", "calm"]
        );
    }

    #[test]
    fn each_outlet_naming_surveillance_its_own_way_is_a_contrast() {
        let found = contrasts(
            "Lawmakers learned of the domestic spying programs in 2009.",
            "Lawmakers were briefed on the two intelligence-gathering programs.",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].1,
            [
                "domestic spying programs",
                "intelligence-gathering programs"
            ]
        );
    }

    /// The words of `text` left in its voice beside one indirect statement
    /// cued by `cue` and running from `content` to the first full stop.
    fn voice_beside(text: &str, cue: &str, content: &str) -> Vec<String> {
        let cue_start = text.find(cue).unwrap();
        let start = text.find(content).unwrap();
        let reported = Statement {
            id: "s1".to_string(),
            kind: StatementKind::Indirect,
            speaker: Default::default(),
            cue: Some(Range::new(cue_start, cue_start + cue.len())),
            content: Range::new(start, text.find('.').unwrap()),
            topics: Vec::new(),
        };
        let article = Article {
            body: text.to_string(),
            ..Article::default()
        };
        let voice = voice(&article, 0, &[reported]);
        voice.tokens.into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn what_others_are_reported_saying_is_not_the_outlets_voice() {
        let said = "Advocates say undocumented immigrants deserve a path. The bill failed.";
        assert_eq!(
            voice_beside(said, "say", "undocumented"),
            ["advocates", "say", "the", "bill", "failed"]
        );
        // A cue that is no reporting verb leaves the words the outlet's.
        let hoped = "Advocates are hoping for a plan for undocumented immigrants. It failed.";
        assert_eq!(
            voice_beside(hoped, "hoping", "a plan").len(),
            tokenize(hoped, Range::new(0, hoped.len())).len()
        );
    }

    #[test]
    fn a_clause_presented_as_a_claim_is_not_the_outlets_voice() {
        let words = |text: &str| -> Vec<String> {
            voice_of(text).tokens.into_iter().map(|t| t.norm).collect()
        };
        assert_eq!(
            words("Republicans used the charge that Obamacare raided Medicare. It stuck."),
            [
                "republicans",
                "used",
                "the",
                "charge",
                "that",
                "it",
                "stuck"
            ]
        );
        // "that" after another noun is no claim.
        assert_eq!(words("The law that Obamacare replaced was older.").len(), 7);
        assert_eq!(
            words("He praised Hussein and declared that torture works; it stuck."),
            ["he", "praised", "hussein", "and", "declared", "that", "it", "stuck"]
        );
    }

    #[test]
    fn a_term_inside_a_name_is_not_the_outlets_word() {
        assert!(contrasts(
            "Protesters from the Pro-Life Action League gathered outside.",
            "Anti-abortion groups gathered outside the court."
        )
        .is_empty());
        assert_eq!(
            contrasts(
                "Pro-life groups gathered outside.",
                "Anti-abortion groups gathered outside the court."
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_same_names_on_both_sides_are_no_contrast() {
        let both = "The mosque near Ground Zero, an Islamic center, divides the city.";
        assert!(contrasts(both, both).is_empty());
        assert!(contrasts(
            "The Islamic center opens.",
            "The Islamic center opens late."
        )
        .is_empty());
    }
}
