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
        // A parenthesis inside the aside ("Rep. Stephen Fincher (R-Tenn.)")
        // is passed over whole.
        let mut k = open;
        open = loop {
            k = (lo..k)
                .rev()
                .find(|&i| !doc.tokens[i].is_word() && !doc.in_quote[i])?;
            let opening = skip_parenthetical(doc, lo, k + 1);
            if opening == k + 1 {
                break k;
            }
            k = opening;
        };
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
            clause_subject(doc, phrase.core_start)
                .or_else(|| context.pronoun(doc.text(phrase.core_start)).cloned())
                .or_else(|| earlier_in_sentence(doc, phrase.core_start))
                .or_else(|| introduced_before(doc, phrase.core_start))
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
                name: Some(recent.name),
                role: recent.role,
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
/// person just mentioned: "the statement" (its author, see
/// `document_author`), "the senator" (the last person whose role says
/// senator).
pub(super) fn recent_author(doc: &Doc, phrase: Phrase, context: &Context) -> Option<Recent> {
    let words = &doc.tokens[phrase.core_start..phrase.core_end];
    if words.iter().any(|t| is_name_word(doc.body, t)) {
        return None;
    }
    let head = doc.text(phrase.core_end - 1).to_ascii_lowercase();
    if let Some(kind) = document_kind(&head) {
        return match document_author(doc, phrase, &head, context) {
            Author::Person(recent) => Some(recent),
            Author::NotAPerson => None,
            // A statement or a tweet is mostly its author's, named just
            // before; a letter or a memo is as often about its addressee
            // ("a letter to Ryan"), so it is left unresolved.
            Author::Unknown => match kind {
                Document::Own => context.recent.iter().rev().find(|r| r.is_person).cloned(),
                Document::Addressed => None,
            },
        };
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
        .cloned()
}

/// "A month ago, when Mr. Bush released his own tax returns, he said": a
/// "he" or "she" right after a clause that opens with a subordinator and
/// has a person as its subject is that person, whoever the article named
/// before the sentence. The person must be of the pronoun's gender (or of
/// none the article tells) and the only one the clause names.
fn clause_subject(doc: &Doc, pronoun: usize) -> Option<Recent> {
    let gender = subject_pronoun_gender(doc.text(pronoun))?;
    let sentence = doc.sentences[sentence_at(doc, pronoun)?];
    let comma = pronoun.checked_sub(1)?;
    if comma <= sentence.first || doc.tokens[comma].kind != Kind::Comma {
        return None;
    }
    // The clause opens the sentence, or follows its opening phrase ("A
    // month ago, when ..."), and says when or why: "that" opens what
    // someone says ("certainty that Dr. Benjamin had ...").
    let opener = (sentence.first..comma).rev().find(|&k| {
        doc.tokens[k].has(SUBORDINATOR)
            && !doc.in_quote[k]
            && !doc.lower_is(k, "that")
            && (k == sentence.first || doc.tokens[k - 1].kind == Kind::Comma)
    })?;
    let start = opener + 1;
    if start >= comma
        || !is_name_word(doc.body, &doc.tokens[start]) && !doc.tokens[start].has(TITLE)
    {
        return None;
    }
    // Only titles before the name ("when Gov. Bush"), not "As governor of
    // Arkansas", where the name is what the office is of.
    let name_start = (start..comma).find(|&k| is_name_word(doc.body, &doc.tokens[k]))?;
    if (start..name_start).any(|k| !doc.tokens[k].has(TITLE)) {
        return None;
    }
    let end = name_run_end(doc, name_start, comma);
    // A verb right after the name ("when Mr. Bush released").
    let is_verb = end < comma && is_verb_after_name(doc, end);
    let others = (end..comma).any(|k| is_name_word(doc.body, &doc.tokens[k]) && !doc.in_quote[k]);
    if !is_verb || others {
        return None;
    }
    match person_named(doc, name_start, end) {
        Author::Person(recent)
            if recent.is_person
                && (recent.gender == gender || recent.gender == Gender::Unknown) =>
        {
            Some(recent)
        }
        _ => None,
    }
}

/// "As the official, Lois Lerner, appeared ..., she told": a "he" or
/// "she" that nothing before the sentence explains is the nearest person
/// of that gender named earlier in its own sentence.
fn earlier_in_sentence(doc: &Doc, pronoun: usize) -> Option<Recent> {
    let gender = subject_pronoun_gender(doc.text(pronoun))?;
    let sentence = doc.sentences[sentence_at(doc, pronoun)?];
    let mut end = pronoun;
    while end > sentence.first {
        if !is_name_word(doc.body, &doc.tokens[end - 1]) || doc.in_quote[end - 1] {
            end -= 1;
            continue;
        }
        let mut start = end;
        while start > sentence.first && is_name_word(doc.body, &doc.tokens[start - 1]) {
            start -= 1;
        }
        if let Author::Person(recent) = person_named(doc, start, end) {
            if recent.gender == gender && recent.is_person {
                return Some(recent);
            }
        }
        end = start;
    }
    None
}

/// The gender "he" or "she" names; `None` for other words.
fn subject_pronoun_gender(word: &str) -> Option<Gender> {
    match word.to_ascii_lowercase().as_str() {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// "he" or "she" with no one remembered for it (the person was named only
/// inside a dateline or a fronted phrase: "WASHINGTON — In one of her final
/// appearances, Hillary Rodham Clinton defended ..."): the person of that
/// gender the article introduced before the pronoun, if it is the only
/// person named there who may be of that gender.
fn introduced_before(doc: &Doc, pronoun: usize) -> Option<Recent> {
    let gender = subject_pronoun_gender(doc.text(pronoun))?;
    let position = doc.tokens[pronoun].range.start;
    // Someone whose gender the article does not tell may be meant too.
    let mut candidates = doc.people.persons.iter().filter(|p| {
        p.first_seen < position
            && p.name.contains(' ')
            && (p.gender == gender || p.gender == Gender::Unknown)
    });
    let person = candidates.next()?;
    (candidates.next().is_none() && person.gender == gender).then(|| Recent {
        name: person.name.clone(),
        role: person.role.clone(),
        gender,
        is_person: true,
    })
}

/// What a document speaker is: one its author issues in their own name
/// ("a statement", "a tweet") or one addressed to someone ("a letter").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Document {
    Own,
    Addressed,
}

fn document_kind(head: &str) -> Option<Document> {
    match head {
        "statement" | "tweet" | "post" | "email" | "e-mail" | "release" => Some(Document::Own),
        "letter" | "memo" => Some(Document::Addressed),
        _ => None,
    }
}

/// Who wrote a document, or whom a name means, as the article says it.
#[derive(Debug)]
pub(super) enum Author {
    /// A person of the article ("Ms. Zimmer issued a statement").
    Person(Recent),
    /// Someone who is not one person ("the St. Louis group fired off the
    /// statement", "companies ... sent a letter").
    NotAPerson,
    /// The article does not say near the phrase.
    Unknown,
}

/// Verbs whose subject writes the document that is their object.
fn issues_document(word: &str) -> bool {
    matches!(
        word,
        "issued"
            | "issues"
            | "released"
            | "releases"
            | "sent"
            | "sends"
            | "signed"
            | "wrote"
            | "writes"
            | "posted"
            | "posts"
            | "published"
            | "tweeted"
            | "emailed"
            | "e-mailed"
            | "circulated"
            | "drafted"
            | "put"
            | "fired"
    )
}

/// Words a document phrase may follow its issuing verb by: "issued a
/// formal statement", "sent Ryan, R-Wis., a letter", "fired off to the
/// NAACP the statement".
const MAX_VERB_GAP: usize = 8;
/// Sentences searched back for where a "the letter" was first issued.
const MAX_SENTENCES_BACK: usize = 6;

/// The author of the document `phrase` names (head word `head`): the
/// subject of an issuing verb just before it in its sentence ("Barry Rand
/// issued a formal statement"); the name after "from" or "by" ("the
/// statement from Grimm's attorney, William McGinley"); or, for "the
/// letter", where the article first issued that letter a few sentences
/// before. The last person mentioned is often someone else: the addressee
/// ("has sent Ryan a letter"), or the previous speaker.
fn document_author(doc: &Doc, phrase: Phrase, head: &str, context: &Context) -> Author {
    let Some(sentence_idx) = sentence_at(doc, phrase.core_start) else {
        return Author::Unknown;
    };
    let sentence = doc.sentences[sentence_idx];
    let here = issuer_before(doc, sentence.first, phrase.start, context)
        .or_else(|| issuer_after(doc, phrase.core_end, sentence.end));
    if let Some(author) = here {
        return author;
    }
    let definite = doc.tokens[phrase.core_start].has(DETERMINER)
        && !doc.lower_is(phrase.core_start, "a")
        && !doc.lower_is(phrase.core_start, "an");
    if !definite {
        return Author::Unknown;
    }
    for earlier in doc.sentences[sentence_idx.saturating_sub(MAX_SENTENCES_BACK)..sentence_idx]
        .iter()
        .rev()
    {
        for k in earlier.first..earlier.end {
            if doc.in_quote[k] || !doc.lower_is(k, head) {
                continue;
            }
            let found = issuer_before(doc, earlier.first, k, context)
                .or_else(|| issuer_after(doc, k + 1, earlier.end));
            if let Some(author) = found {
                return author;
            }
        }
    }
    Author::Unknown
}

/// "NAME issued (…) DOCUMENT", the document starting at token `hi`.
fn issuer_before(doc: &Doc, lo: usize, hi: usize, context: &Context) -> Option<Author> {
    let verb = (lo.max(hi.saturating_sub(MAX_VERB_GAP))..hi)
        .rev()
        .find(|&i| !doc.in_quote[i] && issues_document(&doc.text(i).to_ascii_lowercase()))?;
    if (verb + 1..hi).any(|i| doc.tokens[i].kind == Kind::Terminal || doc.in_quote[i]) {
        return None;
    }
    let mut end = verb;
    while end > lo
        && matches!(
            doc.text(end - 1).to_ascii_lowercase().as_str(),
            "has" | "have" | "had" | "also" | "later" | "then" | "quickly" | "jointly" | "just"
        )
    {
        end -= 1;
    }
    let by_phrase =
        phrase_backward(doc, lo, end).map(|subject| person_or_not(doc, subject, context));
    if let Some(Author::Person(recent)) = by_phrase {
        return Some(Author::Person(recent));
    }
    // A subject with long asides ("Cathi Herrod, president of the Center
    // for Arizona Policy, an architect of the bill, issued"): the first
    // name of the clause, if a person's.
    Some(first_person(doc, lo, end).unwrap_or(Author::NotAPerson))
}

/// The first run of name words in `lo..hi`, followed by a comma, if it is
/// a person of the article.
fn first_person(doc: &Doc, lo: usize, hi: usize) -> Option<Author> {
    let start = (lo..hi).find(|&k| is_name_word(doc.body, &doc.tokens[k]) && !doc.in_quote[k])?;
    let stop = name_run_end(doc, start, hi);
    // Only a name the aside follows ("Cathi Herrod, president of ..."),
    // not one that qualifies a noun ("the St. Louis group").
    if doc.tokens.get(stop).is_none_or(|t| t.kind != Kind::Comma) {
        return None;
    }
    match person_named(doc, start, stop) {
        author @ Author::Person(_) => Some(author),
        _ => None,
    }
}

/// Where a run of name words starting at `start` ends (before `hi`): at
/// the first word that is no name word, or after one in the possessive.
pub(super) fn name_run_end(doc: &Doc, start: usize, hi: usize) -> usize {
    let mut end = start;
    while end < hi && is_name_word(doc.body, &doc.tokens[end]) && !doc.tokens[end].is_possessive {
        end += 1;
    }
    end
}

/// The index of the sentence that holds token `token`.
fn sentence_at(doc: &Doc, token: usize) -> Option<usize> {
    doc.sentences
        .iter()
        .position(|s| s.first <= token && token < s.end)
}

/// The person of the article that tokens `start..end` name, if any.
pub(super) fn person_named(doc: &Doc, start: usize, end: usize) -> Author {
    let resolved = doc.people.resolve(doc.body, &doc.tokens, start, end);
    match (resolved.name, resolved.person) {
        (Some(name), Some(person)) => Author::Person(Recent {
            is_person: !names_no_person(&name),
            name,
            role: resolved.role,
            gender: doc.people.persons[person].gender,
        }),
        _ => Author::NotAPerson,
    }
}

/// "DOCUMENT from NAME", "DOCUMENT signed by NAME", from token `lo`.
fn issuer_after(doc: &Doc, lo: usize, hi: usize) -> Option<Author> {
    // "from", or a participle and at most two words before "by" or
    // "from" ("released Tuesday by the faculty").
    let preposition = |k: usize| k < hi && (doc.lower_is(k, "from") || doc.lower_is(k, "by"));
    let participle = lo < hi
        && (doc.lower_is(lo, "written") || issues_document(&doc.text(lo).to_ascii_lowercase()));
    let i = if preposition(lo) {
        lo
    } else if participle {
        (lo + 1..(lo + 4).min(hi)).find(|&k| preposition(k))?
    } else {
        return None;
    };
    // The first name not in the possessive: "from Grimm's attorney,
    // William McGinley" is McGinley's.
    let end = hi.min(i + MAX_VERB_GAP);
    let start = (i + 1..end).find(|&k| {
        is_name_word(doc.body, &doc.tokens[k])
            && !doc.tokens[k].is_possessive
            && !doc.tokens.get(k + 1).is_some_and(|t| t.is_possessive)
    })?;
    Some(person_named(doc, start, name_run_end(doc, start, end)))
}

/// The issuing verb's subject as a person of the article, through a
/// pronoun ("she issued a statement") when it is one.
fn person_or_not(doc: &Doc, subject: Phrase, context: &Context) -> Author {
    let core = &doc.tokens[subject.core_start];
    if subject.core_end - subject.core_start == 1 && core.has(PRONOUN) {
        return match context.pronoun(doc.text(subject.core_start)) {
            Some(recent) if recent.is_person => Author::Person(recent.clone()),
            _ => Author::NotAPerson,
        };
    }
    person_named(doc, subject.core_start, subject.core_end)
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
    let name = resolved.name?;
    Some(Recent {
        name: name.clone(),
        role: resolved.role,
        gender: Gender::Unknown,
        is_person: resolved.person.is_some() && !names_no_person(&name),
    })
}
