//! Quotations in translation: a speaker introduced with a foreign
//! nationality in their role ("German Chancellor Angela Merkel") is quoted
//! in English from another language, and two outlets that rewrite each
//! other quote one remark in two translations ("We will continue with
//! that" / "We will continue with it"). Their wordings differ by
//! translator, so a `quote_altered` between them says nothing about the
//! outlets; between near copies of one wire story it still does.
//!
//! Takes one event's divergences; drops the altered quotations of speakers
//! quoted in translation: serving officials introduced with a nationality
//! from `lexicons/score_foreign_nationalities.txt`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::copied;
use crate::model::{Divergence, DivergenceType, Event, Extraction, Range};
use crate::text::lexicon::lexicon_set;
use crate::text::tokens::tokenize;

fn is_foreign_nationality(norm: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon_set(include_str!(
            "../../lexicons/score_foreign_nationalities.txt"
        ))
    })
    .contains(norm)
}

/// Drops the `quote_altered` findings between outlets that rewrite each
/// other where every quoted side is a speaker quoted in translation.
pub(super) fn drop_translation_variants(
    extractions: &[Extraction],
    event: &Event,
    divergences: &mut Vec<Divergence>,
) {
    let translated = translated_speakers(extractions, event);
    if translated.is_empty() {
        return;
    }
    divergences.retain(|d| {
        if d.kind != DivergenceType::QuoteAltered {
            return true;
        }
        let sides: BTreeSet<usize> = d.spans.iter().map(|e| e.article_idx).collect();
        let rewritten = sides
            .iter()
            .all(|&x| sides.iter().all(|&y| x == y || !copied(event, x, y)));
        // Every side whose speaker is known is quoted in translation (a
        // quotation the extractor left without a speaker may be one too).
        let speakers: Vec<Option<&str>> = d
            .spans
            .iter()
            .map(|e| speaker_at(&extractions[e.article_idx], e.range))
            .collect();
        let in_translation = speakers.iter().any(Option::is_some)
            && speakers
                .iter()
                .flatten()
                .all(|name| translated.contains(name));
        !(rewritten && in_translation)
    });
}

/// Canonical names of the event's speakers whose role, in any article,
/// carries a foreign nationality ("German Chancellor", "Greek prime
/// minister").
fn translated_speakers<'e>(extractions: &'e [Extraction], event: &Event) -> BTreeSet<&'e str> {
    event
        .articles
        .iter()
        .flat_map(|&idx| &extractions[idx].statements)
        .filter(|s| {
            s.speaker.role.as_deref().is_some_and(|role| {
                let words = tokenize(role, Range::new(0, role.len()));
                words.iter().any(|t| is_foreign_nationality(&t.norm))
                    && !words.iter().any(|t| t.norm == "former")
            })
        })
        .filter_map(|s| s.speaker.name.as_deref())
        .collect()
}

/// The speaker of the statement whose content holds `range`.
fn speaker_at(extraction: &Extraction, range: Range) -> Option<&str> {
    extraction
        .statements
        .iter()
        .find(|s| s.content.overlap(&range) > 0)
        .and_then(|s| s.speaker.name.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Speaker, Statement, StatementKind};

    /// Whether one outlet's altered quotation survives between two outlets
    /// that quote a speaker with `role`; `copies` when they are near copies.
    fn kept(role: &str, copies: bool) -> bool {
        let quote = |start: usize| Statement {
            id: "s1".to_string(),
            kind: StatementKind::Direct,
            speaker: Speaker {
                name: Some("Angela Merkel".to_string()),
                mention: None,
                role: Some(role.to_string()),
            },
            cue: None,
            content: Range::new(start, start + 40),
            topics: Vec::new(),
        };
        let extractions = vec![
            Extraction {
                statements: vec![quote(10)],
                ..Extraction::default()
            },
            Extraction {
                statements: vec![quote(20)],
                ..Extraction::default()
            },
        ];
        let event = Event {
            label: String::new(),
            articles: vec![0, 1],
            alignments: Vec::new(),
            only_in: Vec::new(),
            related: Vec::new(),
            copies: if copies { vec![(0, 1)] } else { Vec::new() },
        };
        let side = |article_idx: usize, start: usize| Evidence {
            article_idx,
            range: Range::new(start, start + 4),
        };
        let mut found = vec![super::super::divergence(
            DivergenceType::QuoteAltered,
            0.5,
            "with that / with it".to_string(),
            vec![side(0, 30), side(1, 40)],
        )];
        drop_translation_variants(&extractions, &event, &mut found);
        !found.is_empty()
    }

    #[test]
    fn serving_foreign_officials_are_quoted_in_translation() {
        assert!(!kept("German Chancellor", false));
        assert!(!kept("Greek prime minister", false));
        // Between near copies of one wire story a changed word is an edit.
        assert!(kept("German Chancellor", true));
        assert!(kept("Chancellor", false));
        assert!(kept("Former Mexican President", false));
        assert!(kept("Senator", false));
    }
}
