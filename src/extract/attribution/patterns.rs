//! Cue patterns: the rules that recognise one kind of attribution each.
//!
//! Takes a prepared article and one sentence; each rule gives a statement
//! or nothing: transcript labels ("PENCE: ..."), quotations signed with a
//! dash, "According to S, C", "In a CNN poll, C", possessive noun cues
//! ("Trump's claim that C"), participles ("..., saying C"), and the general
//! cue verb with its speaker phrase before or after it.

use super::*;

/// "PENCE: Well, look ..." or "Sonya Herridge ― “...”": a paragraph that
/// opens with a name and a colon or dash is that person's words.
pub(super) fn labelled(doc: &Doc, sentence: &Sent, context: &mut Context) -> Option<Found> {
    let paragraph = doc.paragraphs[sentence.paragraph_idx].range;
    let starts_line =
        sentence.range.start == paragraph.start || doc.body[..sentence.range.start].ends_with('\n');
    if !starts_line {
        return None;
    }
    let line_end = doc.body[sentence.range.start..paragraph.end]
        .find('\n')
        .map_or(paragraph.end, |i| sentence.range.start + i);
    let first = if doc.tokens.get(sentence.first)?.kind == Kind::Quote {
        sentence.first + 1
    } else {
        sentence.first
    };
    let limit = sentence.end.min(first + 6);
    let mark = (first..limit).find(|&i| !is_name_word(doc.body, &doc.tokens[i]))?;
    let is_label = mark > first
        && match doc.tokens[mark].kind {
            Kind::Colon => true,
            Kind::Dash => doc
                .tokens
                .get(mark + 1)
                .is_some_and(|t| t.kind == Kind::Quote),
            _ => false,
        };
    if !is_label {
        return None;
    }
    // A colon label must name someone the article knows ("PENCE:"), not a
    // heading such as "Correction:".
    let surname = doc.text(mark - 1);
    let is_caps_label = surname.len() >= 3 && surname.bytes().all(|b| b.is_ascii_uppercase());
    if doc.tokens[mark].kind == Kind::Colon
        && doc
            .people
            .by_surname(surname, 0, crate::extract::speakers::Gender::Unknown)
            .is_none()
        && !is_caps_label
    {
        return None;
    }
    let content_start = doc.tokens.get(mark + 1)?.range.start;
    if content_start >= line_end {
        return None;
    }
    let content = Range::new(content_start, line_end);
    let phrase = Phrase::plain(first, mark);
    Some(attributed(
        doc,
        phrase,
        doc.tokens[mark].range,
        content,
        sentence,
        context,
    ))
}

/// `“Q”― Pamela Padilla`: a quotation signed with a dash and a name.
pub(super) fn signed_quote(doc: &Doc, sentence: &Sent, context: &mut Context) -> Option<Found> {
    let dash = (sentence.first + 1..sentence.end)
        .rev()
        .find(|&i| doc.tokens[i].kind == Kind::Dash)?;
    let name_end = (dash + 1..sentence.end)
        .find(|&i| !is_name_word(doc.body, &doc.tokens[i]))
        .unwrap_or(sentence.end);
    let rest_is_name = name_end > dash + 1
        && name_end - dash <= 5
        && doc.tokens[name_end..sentence.end]
            .iter()
            .all(|t| t.kind == Kind::Terminal);
    if !rest_is_name || doc.tokens[dash - 1].kind != Kind::Quote {
        return None;
    }
    let content = doc.quote_ending_at(dash - 1)?;
    let phrase = Phrase::plain(dash + 1, name_end);
    Some(attributed(
        doc,
        phrase,
        doc.tokens[dash].range,
        content,
        sentence,
        context,
    ))
}

/// "Trump’s claim that C", "his argument that C": a noun cue whose
/// possessor is the speaker.
pub(super) fn possessive_claim(
    doc: &Doc,
    sentence: &Sent,
    i: usize,
    context: &mut Context,
) -> Option<Found> {
    const NOUNS: [&str; 18] = [
        "claim",
        "claims",
        "assertion",
        "argument",
        "contention",
        "insistence",
        "suggestion",
        "view",
        "belief",
        "promise",
        "pledge",
        "warning",
        "statement",
        "allegation",
        "accusation",
        "prediction",
        "vow",
        "charge",
    ];
    // Cheapest test first: this runs on every word.
    if i + 1 >= sentence.end || !doc.lower_is(i + 1, "that") || doc.in_quote[i] {
        return None;
    }
    if !NOUNS.iter().any(|noun| doc.lower_is(i, noun)) {
        return None;
    }
    let owner = &doc.tokens[i - 1];
    let is_pronoun = ["his", "her", "their"]
        .iter()
        .any(|p| doc.lower_is(i - 1, p));
    let start = if is_pronoun {
        i - 1
    } else if owner.is_possessive && is_name_word(doc.body, owner) {
        let mut start = i - 1;
        while start > sentence.first && is_name_word(doc.body, &doc.tokens[start - 1]) {
            start -= 1;
        }
        start
    } else {
        return None;
    };
    let content = content_after(doc, sentence, i + 1)?;
    let phrase = Phrase::plain(start, i);
    let speaker = if is_pronoun {
        let recent = context
            .pronoun(if doc.lower_is(i - 1, "her") {
                "she"
            } else if doc.lower_is(i - 1, "his") {
                "he"
            } else {
                "they"
            })
            .cloned();
        Speaker {
            name: recent.as_ref().map(|r| r.name.clone()),
            role: recent.and_then(|r| r.role),
            mention: Some(doc.tokens[i - 1].range),
        }
    } else {
        let mut speaker = resolve(doc, phrase, context);
        speaker.name = speaker
            .name
            .map(|n| n.trim_end_matches("'s").trim_end_matches("’s").to_string());
        speaker
    };
    Some(finish(
        doc,
        speaker,
        Some(doc.tokens[i].range),
        content,
        sentence,
        context,
    ))
}

/// "..., saying C", "..., adding that C".
/// "She urges him to stop and repeatedly says, “Q”": a cue joined by
/// "and" to an earlier one shares its speaker; so does a speech
/// participle ("calling the article “misleading” and claiming “Q”"), not
/// an evaluative one ("and praising ...").
pub(super) fn is_coordinated_cue(doc: &Doc, sentence: &Sent, c: usize) -> bool {
    let mut before = c - 1;
    if before > sentence.first && doc.text(before).ends_with("ly") {
        before -= 1;
    }
    before > sentence.first
        && doc.lower_is(before, "and")
        && (!doc.text(c).ends_with("ing") || is_speech_participle(doc, c))
}

pub(super) fn is_participle_after_comma(doc: &Doc, sentence: &Sent, c: usize) -> bool {
    c > sentence.first + 1
        && (doc.tokens[c - 1].kind == Kind::Comma || ends_quote_with_comma(doc, c - 1))
        && is_speech_participle(doc, c)
}

/// "for saying that C", "after saying C": a gerund whose speaker is the
/// subject of the sentence.
pub(super) fn is_gerund_after_preposition(doc: &Doc, sentence: &Sent, c: usize) -> bool {
    c > sentence.first + 1
        && doc.tokens[c - 1].has(PREPOSITION)
        && !doc.tokens[c - 1].is_capitalized
        && is_speech_participle(doc, c)
}

/// Participles that report speech ("saying", "adding"); evaluative ones
/// such as "praising" stay inside the statement they follow.
pub(super) fn is_speech_participle(doc: &Doc, i: usize) -> bool {
    const PARTICIPLES: [&str; 31] = [
        "saying",
        "singing",
        "chanting",
        "shouting",
        "yelling",
        "tweeting",
        "joking",
        "quipping",
        "replying",
        "complaining",
        "adding",
        "noting",
        "arguing",
        "insisting",
        "claiming",
        "warning",
        "explaining",
        "stressing",
        "telling",
        "asking",
        "calling",
        "suggesting",
        "writing",
        "declaring",
        "acknowledging",
        "urging",
        "vowing",
        "promising",
        "predicting",
        "accusing",
        "describing",
    ];
    PARTICIPLES.iter().any(|word| doc.lower_is(i, word))
}

/// A participle cue's statement: the speaker is the sentence's earlier
/// speaker, or the phrase that opens the sentence.
pub(super) fn participle(
    doc: &Doc,
    sentence: &Sent,
    c: usize,
    found: &[Found],
    subject_must_name: bool,
    context: &mut Context,
) -> Option<Found> {
    let content_start = skip_object(doc, sentence, c, c + 1);
    let content = match quote_after(doc, sentence, content_start)
        .or_else(|| block_quote_after_colon(doc, sentence, content_start))
    {
        Some(quote) => quote,
        None => content_after(doc, sentence, content_start)?,
    };
    let speaker = match found.last() {
        Some(previous) => previous.speaker.clone(),
        None => {
            // "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton
            // tried to expand on it, saying ...": after an opening phrase
            // of place or time, its subject.
            let opening = subject_after_opening(doc, sentence).filter(|&(start, end)| {
                end < c && matches!(person_named(doc, start, end), Author::Person(_))
            });
            let (start, end) = match opening
                .or_else(|| phrase_forward(doc, sentence.first, c).map(|p| (p.start, p.end)))
            {
                Some(found) => found,
                None => match first_person_run(doc, sentence.first, c) {
                    // "An angry Trump lashed out at Cruz on Twitter,
                    // calling ...": the person the clause opens with, not
                    // the last noun before the comma.
                    Some(run) => run,
                    None => {
                        let end = noun_phrase_end(doc, sentence.first, c)?;
                        noun_phrase_backward(doc, sentence.first, end)?
                    }
                },
            };
            // A sentence-initial capital proves nothing ("Part of the
            // call focused on explaining ..."): the subject must name someone.
            let names_someone = (start..end).any(|i| {
                let t = &doc.tokens[i];
                t.has(PRONOUN | GROUP | TITLE) || i > sentence.first && is_name_word(doc.body, t)
            });
            if subject_must_name && !names_someone {
                return None;
            }
            resolve(doc, Phrase::plain(start, end), context)
        }
    };
    let speaker = match speaker.name {
        None => subject_before(doc, sentence.first, c).map_or(speaker, |(start, end)| {
            resolve(doc, Phrase::plain(start, end), context)
        }),
        Some(_) => speaker,
    };
    Some(finish(
        doc,
        speaker,
        Some(doc.tokens[c].range),
        content,
        sentence,
        context,
    ))
}

/// The last name in `lo..hi` that a verb follows, so the subject of a
/// clause ("It came after Boehner publicly chided Obama ..., accusing";
/// "Asked whether ..., Mr. Santorum did not back down, saying"): the word
/// after it an auxiliary, an adverb in -ly or a past form in -ed.
fn subject_before(doc: &Doc, lo: usize, hi: usize) -> Option<(usize, usize)> {
    let mut best = None;
    let mut i = lo;
    while i < hi {
        if !is_name_word(doc.body, &doc.tokens[i]) || doc.in_quote[i] {
            i += 1;
            continue;
        }
        let end = name_run_end(doc, i, hi);
        let next = end.max(i + 1);
        if next < hi && is_verb_after_name(doc, next) && !doc.tokens[next - 1].is_possessive {
            best = Some((i, next));
        }
        i = next;
    }
    best
}

/// Whether token `k`, right after a name, reads as its verb: an auxiliary,
/// a past form in -ed or an adverb in -ly ("Boehner publicly chided",
/// "when Mr. Bush released"), not a preposition, conjunction or determiner.
pub(super) fn is_verb_after_name(doc: &Doc, k: usize) -> bool {
    let token = &doc.tokens[k];
    let text = doc.text(k);
    token.is_word()
        && !token.is_capitalized
        && !token.has(PREPOSITION | CONJUNCTION | DETERMINER)
        && (token.has(AUXILIARY) || text.ends_with("ly") || text.ends_with("ed"))
}

/// Words an opening name may follow and still be the subject ("An angry
/// Trump", "But Mr. Reid").
const MAX_SUBJECT_OFFSET: usize = 3;

/// The first run of name words in `lo..hi`, when it opens the clause (at
/// most `MAX_SUBJECT_OFFSET` words in) and is a person of the article.
fn first_person_run(doc: &Doc, lo: usize, hi: usize) -> Option<(usize, usize)> {
    let start = (lo..hi).find(|&i| is_name_word(doc.body, &doc.tokens[i]) && !doc.in_quote[i])?;
    if start - lo > MAX_SUBJECT_OFFSET
        || (lo..start).any(|i| {
            let token = &doc.tokens[i];
            let opens_a_clause = token.has(SUBORDINATOR)
                || token.has(CONJUNCTION)
                    && !matches!(
                        doc.text(i).to_ascii_lowercase().as_str(),
                        "but" | "and" | "so" | "yet"
                    );
            !token.is_word() || token.has(PREPOSITION) || opens_a_clause
        })
    {
        return None;
    }
    let end = name_run_end(doc, start, hi);
    let resolved = doc.people.resolve(doc.body, &doc.tokens, start, end);
    resolved.person.map(|_| (start, end))
}

/// The end of a subject phrase opening a sentence ("The bank", "He"),
/// past a leading prepositional phrase ("In his speech the senator").
pub(super) fn noun_phrase_end(doc: &Doc, start: usize, limit: usize) -> Option<usize> {
    let first = doc.tokens.get(start)?;
    if first.has(PRONOUN) {
        return Some(start + 1);
    }
    if first.has(CUE) {
        // "Asked whether ..., he said": the sentence opens with a verb.
        return None;
    }
    let end = (start..limit).find(|&i| {
        let t = &doc.tokens[i];
        !t.is_word() || t.has(AUXILIARY | CUE) && !t.is_capitalized
    })?;
    let (np_start, np_end) = noun_phrase_backward(doc, start, end)?;
    (np_end > np_start).then_some(np_end)
}

/// A cue word used as a verb: not after a determiner, "to" or a possessive.
pub(super) fn is_verb_position(doc: &Doc, sentence: &Sent, c: usize) -> bool {
    if doc.tokens[c].is_capitalized && c != sentence.first && !is_title_case_headline(doc, sentence)
    {
        return false;
    }
    if c == sentence.first {
        return false;
    }
    let prev = &doc.tokens[c - 1];
    !(prev.is_possessive
        || prev.has(DETERMINER) && !prev.has(PRONOUN | RELATIVE | SUBORDINATOR)
        || doc.lower_is(c - 1, "to") && going_on_to(doc, c) == c
        || doc.lower_is(c - 1, "of"))
}

/// Where "went on to" or "continued to" before the cue at `c` starts ("She
/// went on to say that ..." says it), or `c` when neither does: "wants to
/// say" and "refused to say" do not say it.
pub(super) fn going_on_to(doc: &Doc, c: usize) -> usize {
    if c < 2 || !doc.lower_is(c - 1, "to") {
        return c;
    }
    let went_on = c >= 3
        && doc.lower_is(c - 2, "on")
        && ["went", "goes", "go", "going"]
            .iter()
            .any(|verb| doc.lower_is(c - 3, verb));
    if went_on {
        return c - 3;
    }
    let continued = ["continued", "continues", "proceeded", "hastened"]
        .iter()
        .any(|verb| doc.lower_is(c - 2, verb));
    if continued {
        c - 2
    } else {
        c
    }
}

/// "Chris Christie Says He Would Issue A Quarantine": a headline in title
/// case (the first paragraph, most words capitalised), where a capitalised
/// verb is still a verb.
pub(super) fn is_title_case_headline(doc: &Doc, sentence: &Sent) -> bool {
    if sentence.paragraph_idx != 0 {
        return false;
    }
    let words: Vec<&Token> = doc.tokens[sentence.first..sentence.end]
        .iter()
        .filter(|t| t.is_word() && t.text(doc.body).len() > 3)
        .collect();
    words.len() >= 3 && words.iter().all(|t| t.is_capitalized)
}

/// "In a CNN poll released Monday, C": a poll, survey or statement named
/// at the start of the sentence is the source of what follows the comma.
pub(super) fn in_a_source(doc: &Doc, sentence: &Sent, context: &mut Context) -> Option<Found> {
    if !doc.lower_is(sentence.first, "in") {
        return None;
    }
    let limit = sentence.end.min(sentence.first + 14);
    let comma = (sentence.first + 1..limit).find(|&i| !doc.tokens[i].is_word())?;
    if doc.tokens[comma].kind != Kind::Comma || comma < sentence.first + 2 {
        return None;
    }
    // Only sources without an author who speaks in the main clause: "In a
    // statement, Perry said ..." and "In his interview, Ryan ..." are
    // Perry's and Ryan's.
    const SOURCES: [&str; 7] = [
        "poll", "polls", "survey", "surveys", "study", "report", "analysis",
    ];
    let head = (sentence.first + 1..comma)
        .rev()
        .find(|&i| SOURCES.iter().any(|word| doc.lower_is(i, word)))?;
    let (start, end) = noun_phrase_backward(doc, sentence.first + 1, head + 1)?;
    let has_owner = (start..end).any(|i| {
        doc.tokens[i].is_possessive
            || ["his", "her", "their", "its"]
                .iter()
                .any(|p| doc.lower_is(i, p))
    });
    if has_owner {
        return None;
    }
    let content = content_after(doc, sentence, comma + 1)?;
    let speaker = resolve(doc, Phrase::plain(start, end), context);
    Some(finish(
        doc,
        speaker,
        Some(doc.tokens[sentence.first].range),
        content,
        sentence,
        context,
    ))
}

/// "According to S, C." and "C, according to S."
pub(super) fn according_to(
    doc: &Doc,
    sentence: &Sent,
    at: usize,
    context: &mut Context,
) -> Option<Found> {
    // "to" must be in the same sentence: a line break between "According"
    // and "to" ends the sentence, and the phrase after would start past
    // its end (found by fuzzing).
    if at + 1 >= sentence.end || !doc.lower_is(at + 1, "to") {
        return None;
    }
    let np_start = at + 2;
    // The source ends before a relative clause ("a senior Donald Trump
    // adviser who requested anonymity"): its head noun decides who it is.
    let np_end = (np_start..sentence.end)
        .find(|&i| {
            !doc.tokens[i].is_word()
                || doc.in_quote[i]
                || i > np_start && (doc.tokens[i].has(RELATIVE) || doc.lower_is(i, "who"))
        })
        .unwrap_or(sentence.end);
    if np_end == np_start || np_end - np_start > 14 {
        return None;
    }
    let cue = Range::new(doc.tokens[at].range.start, doc.tokens[at + 1].range.end);
    let phrase = Phrase::plain(np_start, np_end);
    let content = if at == sentence.first {
        if doc.tokens.get(np_end)?.kind != Kind::Comma {
            return None;
        }
        content_after(doc, sentence, np_end + 1)?
    } else if doc.tokens[at - 1].kind == Kind::Comma {
        content_before(doc, sentence, at - 1)?
    } else {
        return None;
    };
    Some(attributed(doc, phrase, cue, content, sentence, context))
}

/// A cue verb at token `c`: find its speaker phrase, then its content.
pub(super) fn cue_verb(
    doc: &Doc,
    sentence: &Sent,
    c: usize,
    context: &mut Context,
) -> Option<Found> {
    let mut lead = going_on_to(doc, c);
    while lead > sentence.first && is_skippable(doc, lead - 1) {
        lead -= 1;
    }
    // "was expected to", "was charged with": passive, not attribution.
    if !doc.text(c).ends_with("ing") && (lead..c).any(|i| is_form_of_be(doc, i)) {
        return None;
    }
    let inverted =
        lead > sentence.first && matches!(doc.tokens[lead - 1].kind, Kind::Comma | Kind::Quote);
    // "said Rubio" names the speaker after the verb; "praising Trump" and
    // "told Europeans" name the object.
    let after = if takes_object(doc, c) || doc.text(c).ends_with("ing") {
        None
    } else {
        phrase_forward(doc, c + 1, sentence.end)
    };
    // "..., writes UNN citing Bloomberg": the outlet's sourcing formula,
    // recorded as a cite, not a statement.
    let is_sourcing = inverted
        && after.is_some()
        && ["writes", "wrote", "reports", "reported"]
            .iter()
            .any(|verb| doc.lower_is(c, verb));
    if is_sourcing {
        return None;
    }
    let before = phrase_backward(doc, sentence.first, lead)
        .or_else(|| subject_before_and(doc, sentence, lead));
    let before_is_aside = before.is_some_and(|p| p.end == lead - 1 || p.start != p.core_start);
    let phrase = match (inverted, after, before) {
        (true, _, Some(before)) if before_is_aside => before,
        (true, Some(after), _) => after,
        (_, _, Some(before)) => before,
        _ => return None,
    };
    let flags = doc.tokens[c].flags;
    if flags & EVIDENCE != 0 && !phrase_has(doc, phrase, GROUP) {
        return None;
    }
    // "plans to", "intends to"; only "want" also takes a plain object.
    let wants = doc.text(c).to_ascii_lowercase().starts_with("want");
    // After a quotation's closing comma the verb reports the quotation
    // (“We will rebuild it,” vows the mayor).
    let reports_quote = lead == c && c >= sentence.first + 2 && ends_quote_with_comma(doc, c - 1);
    if flags & CUE & !EVIDENCE & !(BELIEF | INTENT) == 0
        && flags & INTENT != 0
        && !doc.lower_is(c + 1, "to")
        && !wants
        && !reports_quote
    {
        return None;
    }
    // "the partisan brawl over Medicare continued and threatened to":
    // the name is what a thing is about, and the thing does not speak.
    if names_what_a_thing_is_about(doc, sentence, phrase) {
        return None;
    }
    let construction_start = phrase.start.min(lead);
    let construction_end = phrase.end.max(c + 1);
    let content = content_for(doc, sentence, c, construction_start, construction_end)?;
    Some(attributed(
        doc,
        phrase,
        doc.tokens[c].range,
        content,
        sentence,
        context,
    ))
}

/// The subject of a verb the cue at `lead` is joined to by "and":
/// "McConnell was quick to embrace him and said that C" (the noun phrase
/// the sentence opens with); "Grimm leaned into him and said" (a person of
/// the article with a verb after the name); "After the reporter finished,
/// Grimm stormed back, leaned into him and said" (the subject after an
/// opening phrase).
fn subject_before_and(doc: &Doc, sentence: &Sent, lead: usize) -> Option<Phrase> {
    if lead <= sentence.first + 1 || !doc.lower_is(lead - 1, "and") {
        return None;
    }
    let and = lead - 1;
    let opening_person = || {
        let end = name_run_end(doc, sentence.first, and);
        // The verb itself, not an adverb before it ("Ali famously
        // converted ... and refused to fight").
        let is_verb = end < and && is_verb_after_name(doc, end) && !doc.text(end).ends_with("ly");
        let is_person = end > sentence.first
            && matches!(person_named(doc, sentence.first, end), Author::Person(_));
        (is_verb && is_person).then_some((sentence.first, end))
    };
    // After an opening phrase only before a quotation or a "that" clause:
    // the opening phrase is no content ("On the international front, Obama
    // displayed ... idealism, pragmatism and hope").
    let next = skip_object(doc, sentence, lead, lead + 1);
    let says_after = lead + 1 < sentence.end
        && (doc.lower_is(lead + 1, "that")
            || next < sentence.end && quote_after(doc, sentence, next).is_some());
    let after_opening = || {
        subject_after_opening(doc, sentence).filter(|&(start, end)| {
            says_after && end < and && matches!(person_named(doc, start, end), Author::Person(_))
        })
    };
    // The person only when no noun phrase opens the sentence before a
    // verb: in "Ann Moore issued a statement saying C and praising D" the
    // phrase before "saying" is the statement, and "praising" stays in C.
    let (start, end) = match noun_phrase_end(doc, sentence.first, and) {
        Some(end) => noun_phrase_backward(doc, sentence.first, end)
            .filter(|&(start, _)| start == sentence.first)
            .or_else(after_opening)?,
        None => opening_person().or_else(after_opening)?,
    };
    Some(Phrase::plain(start, end))
}

/// Whether the phrase is a name right after a preposition of topic
/// ("over", "about", "against", "on") that follows a plain singular noun
/// naming no person or group: "brawl over Medicare" (not a verb: "vented
/// about Sanders vowing", "talked about Zika"). Prepositions that tie
/// a person to another ("lawyer for", "aide to", "statement by") are left
/// to the speaker rules.
fn names_what_a_thing_is_about(doc: &Doc, sentence: &Sent, phrase: Phrase) -> bool {
    if phrase.core_start < sentence.first + 2 || !doc.tokens[phrase.core_start].is_capitalized {
        return false;
    }
    let (head, preposition) = (phrase.core_start - 2, phrase.core_start - 1);
    let token = &doc.tokens[head];
    ["over", "about", "against", "on", "between", "around"]
        .iter()
        .any(|word| doc.lower_is(preposition, word))
        && token.is_word()
        && !token.is_capitalized
        && !token.has(TITLE | GROUP | PRONOUN | DETERMINER)
        && !["s", "ed", "ing"]
            .iter()
            .any(|end| doc.text(head).ends_with(end))
}

pub(super) fn is_form_of_be(doc: &Doc, i: usize) -> bool {
    let word = doc.text(i).to_ascii_lowercase();
    matches!(
        word.as_str(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "’s"
    )
}

/// Words between a speaker and the cue that do not end the phrase:
/// auxiliaries and adverbs ("has also said", "later told").
pub(super) fn is_skippable(doc: &Doc, idx: usize) -> bool {
    let token = &doc.tokens[idx];
    token.is_word()
        && !token.is_capitalized
        && (token.has(AUXILIARY) && !token.has(PRONOUN)
            || doc.text(idx).ends_with("ly") && !token.has(GROUP | TITLE))
}

pub(super) fn phrase_has(doc: &Doc, phrase: Phrase, flag: u32) -> bool {
    doc.tokens[phrase.core_start..phrase.core_end]
        .iter()
        .any(|t| t.has(flag))
}
