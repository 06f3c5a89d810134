//! Phrases: the speaker phrase of a cue, and whom it means.
//!
//! Takes token positions around a cue; gives the speaker phrase (a name, a
//! title or role, a pronoun, a group, with appositions and relative clauses
//! on either side) and resolves it to a speaker, using the article's people
//! and the running context for pronouns, "who", documents and bare titles.

use super::*;

/// A speaker phrase ending right before token `hi`: "Rubio", "the secretary
/// of state", "Tammy Bruce, a State Department spokeswoman,", "Dmitriev,
/// who also traveled to Riyadh,".
pub(super) fn phrase_backward(doc: &Doc, lo: usize, hi: usize) -> Option<Phrase> {
    if hi <= lo {
        return None;
    }
    if doc.tokens[hi - 1].kind != Kind::Comma {
        let (start, end) = noun_phrase_backward(doc, lo, hi)?;
        return Some(Phrase::plain(start, end));
    }
    let comma = hi - 1;
    // "NAME, an aside, said": the name before the first comma of the aside.
    let mut open = comma;
    for _ in 0..3 {
        open = (lo..open)
            .rev()
            .find(|&i| !doc.tokens[i].is_word() && !doc.in_quote[i])?;
        if doc.tokens[open].kind != Kind::Comma || open + 1 >= comma {
            break;
        }
        let first = &doc.tokens[open + 1];
        let is_aside = is_party_affiliation(doc, open + 1)
            || first.has(RELATIVE)
            || !first.is_capitalized && !first.has(PRONOUN)
            || first.has(DETERMINER) && !first.has(PRONOUN);
        if !is_aside {
            break;
        }
        if let Some((start, end)) = noun_phrase_backward(doc, lo, open) {
            let names_someone = (start..end).any(|i| {
                is_name_word(doc.body, &doc.tokens[i]) || doc.tokens[i].has(PRONOUN | GROUP | TITLE)
            });
            if names_someone {
                return Some(Phrase {
                    start,
                    end: comma,
                    core_start: start,
                    core_end: end,
                });
            }
        }
    }
    // "an aside, NAME, said": the name between the last two commas.
    let open = (lo..comma).rev().find(|&i| !doc.tokens[i].is_word())?;
    if doc.tokens[open].kind != Kind::Comma || open + 1 >= comma {
        return None;
    }
    let (start, end) = noun_phrase_backward(doc, open + 1, comma)?;
    if start != open + 1 || !(start..end).any(|i| is_name_word(doc.body, &doc.tokens[i])) {
        return None;
    }
    let mention_start = apposition_start(doc, lo, open).unwrap_or(start);
    Some(Phrase {
        start: mention_start,
        end,
        core_start: start,
        core_end: end,
    })
}

/// "a member of the Russian delegation, NAME": where the apposition starts.
pub(super) fn apposition_start(doc: &Doc, lo: usize, comma: usize) -> Option<usize> {
    let start = (lo..comma)
        .rev()
        .find(|&i| !doc.tokens[i].is_word())
        .map_or(lo, |i| i + 1);
    let first = doc.tokens.get(start)?;
    let is_indefinite = matches!(doc.text(start).to_ascii_lowercase().as_str(), "a" | "an");
    (start < comma
        && first.is_word()
        && is_indefinite
        && doc.tokens[start..comma]
            .iter()
            .any(|t| t.has(TITLE | GROUP)))
    .then_some(start)
}

/// The noun phrase ending right before `hi`, as a token range.
pub(super) fn noun_phrase_backward(doc: &Doc, lo: usize, hi: usize) -> Option<(usize, usize)> {
    let hi = skip_parenthetical(doc, lo, hi);
    let mut s = hi;
    while s > lo {
        let i = s - 1;
        let token = &doc.tokens[i];
        if !token.is_word() || doc.in_quote[i] {
            break;
        }
        if token.has(PRONOUN | OBJECT_PRONOUN | RELATIVE) && !token.has(DETERMINER)
            || doc.lower_is(i, "who")
        {
            if s == hi {
                s -= 1;
            }
            break;
        }
        if doc.lower_is(i, "that") || doc.lower_is(i, "what") {
            break;
        }
        let is_and_between_names = doc.lower_is(i, "and")
            && i > lo
            && is_name_word(doc.body, &doc.tokens[i - 1])
            && s < hi;
        if token.has(SUBORDINATOR | CONJUNCTION) && !token.has(DETERMINER) && !is_and_between_names
        {
            break;
        }
        if token.has(CUE) && !token.is_capitalized && !token.has(GROUP | TITLE) {
            break;
        }
        if token.has(DETERMINER) {
            s -= 1;
            let inside =
                i > lo && doc.tokens[i - 1].has(PREPOSITION) && !doc.tokens[i - 1].is_capitalized;
            let joined = i > lo + 1
                && doc.lower_is(i - 1, "and")
                && is_name_word(doc.body, &doc.tokens[i - 2]);
            if joined {
                s -= 1;
                continue;
            }
            if !inside {
                break;
            }
            continue;
        }
        if token.has(PREPOSITION) {
            // "spokesman for the group", "an aide to Mr. Ryan".
            let bridges = !token.is_capitalized
                && i > lo
                && doc.tokens[i - 1].is_word()
                && (matches!(doc.text(i), "of" | "for")
                    || doc.text(i) == "to" && crate::extract::speakers::is_agent(doc.text(i - 1)));
            if !bridges {
                break;
            }
        }
        if token.has(AUXILIARY) && !token.has(TITLE | GROUP) || token.has(WEEKDAY_OR_MONTH) {
            break;
        }
        if hi - s >= 9 {
            break;
        }
        s -= 1;
    }
    while s < hi && doc.tokens[s].has(PREPOSITION) && !doc.tokens[s].has(DETERMINER) {
        s += 1;
    }
    (s < hi && is_speaker_like(doc, s, hi)).then_some((s, hi))
}

/// "Jason Chaffetz (R-Utah) said": the phrase ends before the brackets.
pub(super) fn skip_parenthetical(doc: &Doc, lo: usize, hi: usize) -> usize {
    if hi <= lo || doc.text(hi - 1) != ")" {
        return hi;
    }
    (lo..hi - 1)
        .rev()
        .take(8)
        .find(|&i| doc.text(i) == "(")
        .filter(|&i| i > lo)
        .unwrap_or(hi)
}

/// "R-Ky.", "D-N.Y.": a party and state after a lawmaker's name.
pub(super) fn is_party_affiliation(doc: &Doc, i: usize) -> bool {
    let text = doc.text(i);
    let bytes = text.as_bytes();
    bytes.len() >= 3 && matches!(bytes[0], b'R' | b'D' | b'I') && bytes[1] == b'-'
}

/// A phrase can speak when it holds a name, a pronoun, or ends in a title
/// or group noun, or is led by a determiner ("The bank", "Several members").
pub(super) fn is_speaker_like(doc: &Doc, start: usize, end: usize) -> bool {
    let tokens = &doc.tokens[start..end];
    let head = &tokens[tokens.len() - 1];
    if head.is_possessive || head.has(PREPOSITION | CONJUNCTION | SUBORDINATOR) {
        return false;
    }
    // A possessive name ("keep America's allies") modifies the phrase; it
    // does not make it someone.
    let has_name = tokens.iter().enumerate().any(|(k, t)| {
        is_name_word(doc.body, t) && !t.is_possessive
            || t.has(PRONOUN | RELATIVE)
            || doc.lower_is(start + k, "who")
    });
    let led_by_determiner = tokens[0].has(DETERMINER) && tokens.len() >= 2;
    has_name || head.has(GROUP | TITLE) || led_by_determiner
}

/// A speaker phrase right after an inverted cue: "said Rubio", "said U.S.
/// State Department spokeswoman Tammy Bruce", "said the secretary of state".
pub(super) fn phrase_forward(doc: &Doc, start: usize, hi: usize) -> Option<Phrase> {
    let mut e = start;
    while e < hi {
        let token = &doc.tokens[e];
        if !token.is_word() || doc.in_quote[e] {
            break;
        }
        if token.has(PRONOUN) && e == start {
            e += 1;
            break;
        }
        let bridge = !token.is_capitalized && matches!(doc.text(e), "of" | "for") && e > start;
        let fits = token.is_capitalized
            && !token.has(PREPOSITION | SUBORDINATOR | CONJUNCTION | WEEKDAY_OR_MONTH)
            || token.has(TITLE | GROUP)
            || token.has(DETERMINER) && !token.has(PRONOUN)
            || bridge;
        if !fits || e - start >= 10 {
            break;
        }
        e += 1;
    }
    // "said the 46-year-old.": a determiner and a few plain words that run
    // to the end of the clause.
    if e > start && doc.tokens[e - 1].has(DETERMINER) && !doc.tokens[e - 1].has(PRONOUN) {
        let words_end = (e..hi.min(e + 3))
            .find(|&i| !doc.tokens[i].is_word() || doc.in_quote[i])
            .unwrap_or(hi);
        let ends_clause = doc
            .tokens
            .get(words_end)
            .is_some_and(|t| matches!(t.kind, Kind::Comma | Kind::Terminal));
        if words_end > e && ends_clause {
            e = words_end;
        }
    }
    while e > start
        && (doc.tokens[e - 1].has(PREPOSITION | DETERMINER) && !doc.tokens[e - 1].has(PRONOUN))
    {
        e -= 1;
    }
    (e > start && is_speaker_like(doc, start, e)).then_some(Phrase::plain(start, e))
}

/// Resolves a speaker phrase to a speaker (name, mention, role).
pub(super) fn resolve(doc: &Doc, phrase: Phrase, context: &Context) -> Speaker {
    let mention = Some(Range::new(
        doc.tokens[phrase.start].range.start,
        doc.tokens[phrase.end - 1].range.end,
    ));
    let core = &doc.tokens[phrase.core_start];
    if phrase.core_end - phrase.core_start == 1 && core.has(PRONOUN | RELATIVE)
        || doc.lower_is(phrase.core_start, "who")
    {
        let recent = if core.has(RELATIVE) || doc.lower_is(phrase.core_start, "who") {
            antecedent(doc, phrase.core_start, context)
        } else {
            context.pronoun(doc.text(phrase.core_start)).cloned()
        };
        return Speaker {
            name: recent.as_ref().map(|r| r.name.clone()),
            role: recent.and_then(|r| r.role),
            mention,
        };
    }
    let resolved = doc
        .people
        .resolve(doc.body, &doc.tokens, phrase.core_start, phrase.core_end);
    if resolved.person.is_none() {
        if let Some(recent) = recent_author(doc, phrase, context) {
            return Speaker {
                name: Some(recent.name.clone()),
                role: recent.role.clone(),
                mention,
            };
        }
    }
    Speaker {
        name: resolved.name.filter(|n| !n.is_empty()),
        mention,
        role: resolved.role,
    }
}

/// A phrase that names no one the article introduced may still point at a
/// person just mentioned: "the statement" (its author), "the senator" (the
/// last person whose role says senator).
pub(super) fn recent_author<'c>(
    doc: &Doc,
    phrase: Phrase,
    context: &'c Context,
) -> Option<&'c Recent> {
    let words = &doc.tokens[phrase.core_start..phrase.core_end];
    if words.iter().any(|t| is_name_word(doc.body, t)) {
        return None;
    }
    let head = doc.text(phrase.core_end - 1).to_ascii_lowercase();
    let is_document = matches!(
        head.as_str(),
        "statement" | "letter" | "memo" | "tweet" | "post" | "email" | "release"
    );
    if is_document {
        return context.recent.iter().rev().find(|r| r.is_person);
    }
    let titles: Vec<String> = words
        .iter()
        .filter(|t| t.has(TITLE) && !t.has(DETERMINER))
        .map(|t| expand_title(t.text(doc.body)))
        .collect();
    if titles.is_empty() {
        return None;
    }
    context
        .recent
        .iter()
        .rev()
        .filter(|r| r.is_person)
        .find(|r| {
            let role: Vec<String> = r
                .role
                .as_deref()
                .unwrap_or("")
                .split(|c: char| !c.is_alphanumeric() && c != '.')
                .filter(|w| !w.is_empty())
                .map(expand_title)
                .collect();
            titles.iter().all(|t| role.contains(t))
        })
}

/// "Dmitriev, who ..." → the phrase before the comma ahead of "who".
pub(super) fn antecedent(doc: &Doc, who: usize, context: &Context) -> Option<Recent> {
    let comma = who
        .checked_sub(1)
        .filter(|&i| doc.tokens[i].kind == Kind::Comma)?;
    let (start, end) = noun_phrase_backward(doc, comma.saturating_sub(10), comma)?;
    if end - start == 1 && doc.tokens[start].has(PRONOUN) {
        return context.pronoun(doc.text(start)).cloned();
    }
    let resolved = doc.people.resolve(doc.body, &doc.tokens, start, end);
    Some(Recent {
        name: resolved.name?,
        role: resolved.role,
        gender: Gender::Unknown,
        is_person: resolved.person.is_some(),
    })
}
