//! Attribution: the rule cascade that finds who said what in one article.
//!
//! Takes the body, its segments and quotation ranges; gives `Found`
//! statements. Per sentence, the first cue that yields a speaker wins:
//! "According to S, C" / "C, according to S"; then a cue verb with its
//! speaker phrase before ("Rubio said") or after ("said Rubio"), and content
//! that is the adjacent quotation, the clause after ("that ..."), or the
//! clause before ("C, Rubio said"). Quotations left over take the previous
//! speaker (floating quotes); other prose sentences become narration.

use super::lexicon::{
    AUXILIARY, BELIEF, CONJUNCTION, CUE, DETERMINER, EVIDENCE, GROUP, INTENT, OBJECT_PRONOUN,
    PREPOSITION, PRONOUN, RELATIVE, SUBORDINATOR, TITLE, WEEKDAY_OR_MONTH,
};
use super::speakers::{expand_title, is_name_word, Gender, People};
use super::tokens::{tokenize, Kind, Token};
use super::Found;
use crate::model::{Paragraph, Range, Segments, Speaker, StatementKind};

/// A sentence with the index range of its tokens.
#[derive(Debug, Clone, Copy)]
pub struct Sent {
    pub range: Range,
    pub first: usize,
    pub end: usize,
    pub paragraph_idx: usize,
}

/// An article prepared for the rules: tokens, sentences, quotes, people.
pub struct Doc<'a> {
    pub body: &'a str,
    pub tokens: Vec<Token>,
    pub in_quote: Vec<bool>,
    pub sentences: Vec<Sent>,
    pub paragraphs: &'a [Paragraph],
    pub quotes: &'a [Range],
    pub people: People,
}

impl<'a> Doc<'a> {
    pub fn new(body: &'a str, segments: &'a Segments, quotes: &'a [Range]) -> Doc<'a> {
        let mut tokens = Vec::with_capacity(body.len() / 5);
        let mut sentences = Vec::with_capacity(segments.sentences.len());
        for sentence in &segments.sentences {
            let first = tokens.len();
            tokenize(body, sentence.range, &mut tokens);
            sentences.push(Sent {
                range: sentence.range,
                first,
                end: tokens.len(),
                paragraph_idx: sentence.paragraph_idx,
            });
        }
        let in_quote = quote_flags(&tokens, quotes);
        let people = People::collect(body, &tokens, sentences.iter().map(|s| (s.first, s.end)));
        Doc {
            body,
            tokens,
            in_quote,
            sentences,
            paragraphs: &segments.paragraphs,
            quotes,
            people,
        }
    }

    fn text(&self, idx: usize) -> &'a str {
        self.tokens[idx].range.text(self.body)
    }

    fn lower_is(&self, idx: usize, word: &str) -> bool {
        self.tokens
            .get(idx)
            .is_some_and(|t| t.is_word() && t.range.text(self.body).eq_ignore_ascii_case(word))
    }

    /// The quotation that ends exactly where token `idx` ends.
    fn quote_ending_at(&self, idx: usize) -> Option<Range> {
        let end = self.tokens[idx].range.end;
        let pos = self.quotes.partition_point(|q| q.end < end);
        self.quotes.get(pos).filter(|q| q.end == end).copied()
    }

    /// The quotation that starts exactly where token `idx` starts.
    fn quote_starting_at(&self, idx: usize) -> Option<Range> {
        let start = self.tokens[idx].range.start;
        let pos = self.quotes.partition_point(|q| q.start < start);
        self.quotes.get(pos).filter(|q| q.start == start).copied()
    }
}

/// Marks the tokens that lie inside a quotation (marks included).
fn quote_flags(tokens: &[Token], quotes: &[Range]) -> Vec<bool> {
    let mut flags = vec![false; tokens.len()];
    let mut q = 0;
    for (flag, token) in flags.iter_mut().zip(tokens) {
        while q < quotes.len() && quotes[q].end <= token.range.start {
            q += 1;
        }
        *flag = q < quotes.len() && quotes[q].contains(&token.range);
    }
    flags
}

/// A speaker phrase: the tokens that name the speaker for this statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Phrase {
    /// The mention as reported (apposition included).
    start: usize,
    end: usize,
    /// The core noun phrase to resolve (the name in "Yuri Ushakov, a member").
    core_start: usize,
    core_end: usize,
}

impl Phrase {
    /// A mention that is all core: tokens `[start, end)`.
    fn plain(start: usize, end: usize) -> Phrase {
        Phrase {
            start,
            end,
            core_start: start,
            core_end: end,
        }
    }
}

/// Someone recently mentioned, for resolving pronouns.
#[derive(Debug, Clone)]
struct Recent {
    name: String,
    role: Option<String>,
    gender: Gender,
    is_person: bool,
}

/// The running state of one article's pass: who spoke or was named last.
#[derive(Default)]
struct Context {
    recent: Vec<Recent>,
    last_speaker: Option<(Speaker, usize)>,
}

impl Context {
    fn remember(&mut self, recent: Recent) {
        self.recent.retain(|r| r.name != recent.name);
        self.recent.push(recent);
    }

    fn pronoun(&self, word: &str) -> Option<&Recent> {
        let want = match word.to_ascii_lowercase().as_str() {
            "he" | "him" | "his" => Some(Gender::Male),
            "she" | "her" => Some(Gender::Female),
            "they" | "it" | "them" => None,
            _ => return None,
        };
        self.recent.iter().rev().find(|r| match want {
            Some(gender) => r.is_person && (r.gender == gender || r.gender == Gender::Unknown),
            None => !r.is_person,
        })
    }
}

/// Every statement of the article, in no particular order.
pub fn statements(doc: &Doc) -> Vec<Found> {
    let mut context = Context::default();
    let mut found: Vec<Found> = Vec::new();
    let mut claimed_until = 0;
    let mut sentence_idx = 0;
    for (paragraph_idx, paragraph) in doc.paragraphs.iter().enumerate() {
        let first = sentence_idx;
        while sentence_idx < doc.sentences.len()
            && doc.sentences[sentence_idx].paragraph_idx == paragraph_idx
        {
            sentence_idx += 1;
        }
        let sentences = &doc.sentences[first..sentence_idx];
        if paragraph_idx == 0 {
            if let Some(statement) = headline(doc, sentences, &mut context) {
                claimed_until = statement.content.end;
                found.push(statement);
                continue;
            }
        }
        if !paragraph.is_prose {
            // "Chris Christie Says He Would ...": a title-case headline
            // still attributes, though it is no sentence of prose.
            let headline_claim = sentences
                .first()
                .filter(|sentence| is_title_case_headline(doc, sentence))
                .map(|sentence| attribute(doc, sentence, &mut context))
                .unwrap_or_default();
            found.extend(headline_claim);
            continue;
        }
        let start = found.len();
        for sentence in sentences {
            remember_subject(doc, sentence, &mut context);
            if sentence.range.end <= claimed_until {
                continue;
            }
            for statement in attribute(doc, sentence, &mut context) {
                claimed_until = claimed_until.max(statement.content.end);
                found.push(statement);
            }
        }
        let claimed: Vec<Range> = found[start..].iter().map(|s| s.content).collect();
        leftovers(
            doc,
            sentences,
            &claimed,
            &mut claimed_until,
            &mut context,
            &mut found,
        );
    }
    found
}

/// Floating quotes and narration: sentences no attribution claimed.
fn leftovers(
    doc: &Doc,
    sentences: &[Sent],
    claimed: &[Range],
    claimed_until: &mut usize,
    context: &mut Context,
    found: &mut Vec<Found>,
) {
    for sentence in sentences {
        let overlaps = |range: &Range| range.overlap(&sentence.range) > 0;
        if claimed.iter().any(overlaps) || found.iter().rev().take(3).any(|f| overlaps(&f.content))
        {
            continue;
        }
        if let Some(statement) = floating_quote(doc, sentence, context) {
            *claimed_until = (*claimed_until).max(statement.content.end);
            found.push(statement);
            continue;
        }
        found.push(Found {
            kind: StatementKind::Narration,
            speaker: Speaker::default(),
            cue: None,
            content: sentence.range,
        });
    }
}

/// A sentence that is (mostly) a quotation with no cue of its own takes the
/// speaker of the statement before it, within two paragraphs.
fn floating_quote(doc: &Doc, sentence: &Sent, context: &Context) -> Option<Found> {
    let (speaker, paragraph_idx) = context.last_speaker.as_ref()?;
    if sentence.paragraph_idx > paragraph_idx + 2 {
        return None;
    }
    let quote = doc
        .quotes
        .iter()
        .find(|q| q.overlap(&sentence.range) * 10 >= sentence.range.len() * 6)?;
    Some(Found {
        kind: StatementKind::Direct,
        speaker: Speaker {
            name: speaker.name.clone(),
            mention: None,
            role: speaker.role.clone(),
        },
        cue: None,
        content: *quote,
    })
}

/// A headline such as "Rubio: talks a first step" (first paragraph only).
fn headline(doc: &Doc, sentences: &[Sent], context: &mut Context) -> Option<Found> {
    let sentence = sentences.first()?;
    let colon = (sentence.first..sentence.end.min(sentence.first + 6))
        .find(|&i| doc.tokens[i].kind == Kind::Colon)?;
    if colon == sentence.first
        || !(sentence.first..colon).all(|i| is_name_word(doc.body, &doc.tokens[i]))
    {
        return None;
    }
    let last = sentences.last()?;
    let content_end = trim_end(doc, colon + 1, last.end)?;
    let content = Range::new(doc.tokens[colon + 1].range.start, content_end);
    let phrase = Phrase::plain(sentence.first, colon);
    let speaker = resolve(doc, phrase, context);
    Some(finish(
        doc,
        speaker,
        Some(doc.tokens[colon].range),
        content,
        sentence,
        context,
    ))
}

/// Notes a name at the start of a sentence (its subject) for pronouns.
fn remember_subject(doc: &Doc, sentence: &Sent, context: &mut Context) {
    let mut i = sentence.first;
    while i < sentence.end && doc.tokens[i].is_word() && !is_name_word(doc.body, &doc.tokens[i]) {
        if i - sentence.first > 3 {
            return;
        }
        i += 1;
    }
    let start = i;
    while i < sentence.end && is_name_word(doc.body, &doc.tokens[i]) && !doc.tokens[i].is_possessive
    {
        i += 1;
    }
    if i == start || doc.tokens.get(i).is_some_and(|t| t.is_possessive) {
        return;
    }
    let resolved = doc.people.resolve(doc.body, &doc.tokens, start, i);
    if let (Some(name), Some(person)) = (resolved.name, resolved.person) {
        let gender = doc.people.persons[person].gender;
        context.remember(Recent {
            name,
            role: resolved.role,
            gender,
            is_person: true,
        });
    }
}

/// Tries every cue of one sentence in order: "According to S, C"; then
/// each cue verb; a participle after a comma ("..., saying C") takes the
/// sentence's speaker; then a trailing "..., according to S".
fn attribute(doc: &Doc, sentence: &Sent, context: &mut Context) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    if let Some(statement) = labelled(doc, sentence, context) {
        return vec![statement];
    }
    if let Some(statement) = signed_quote(doc, sentence, context) {
        return vec![statement];
    }
    if doc.lower_is(sentence.first, "according") {
        found.extend(according_to(doc, sentence, sentence.first, context));
    }
    found.extend(in_a_source(doc, sentence, context));
    let mut used_until = sentence.first;
    for c in sentence.first..sentence.end {
        let token = &doc.tokens[c];
        if c < used_until
            || !token.is_word()
            || !token.has(CUE)
            || doc.in_quote[c]
            || !is_verb_position(doc, sentence, c)
        {
            continue;
        }
        let statement = if is_participle_after_comma(doc, sentence, c)
            || is_gerund_after_preposition(doc, sentence, c)
            || !found.is_empty() && is_coordinated_cue(doc, sentence, c)
        {
            // "for saying ..." after a sentence-initial capital ("Part of the
            // call focused on explaining ...") must find someone to speak.
            let subject_must_name = !is_participle_after_comma(doc, sentence, c)
                && is_gerund_after_preposition(doc, sentence, c);
            participle(doc, sentence, c, &found, subject_must_name, context)
        } else {
            cue_verb(doc, sentence, c, context)
        };
        if let Some(statement) = statement {
            used_until = c + 1;
            if !found.iter().any(|f| f.content == statement.content) {
                found.push(statement);
            }
        }
    }
    for i in sentence.first + 1..sentence.end {
        if found
            .iter()
            .any(|f| f.content.contains(&doc.tokens[i].range))
        {
            continue;
        }
        if let Some(statement) = possessive_claim(doc, sentence, i, context) {
            found.push(statement);
        }
    }
    if found.is_empty() {
        let according = (sentence.first + 1..sentence.end).find(|&i| {
            doc.lower_is(i, "according") && doc.lower_is(i + 1, "to") && !doc.in_quote[i]
        });
        if let Some(at) = according {
            found.extend(according_to(doc, sentence, at, context));
        }
    }
    found
}

/// "PENCE: Well, look ..." or "Sonya Herridge ― “...”": a paragraph that
/// opens with a name and a colon or dash is that person's words.
fn labelled(doc: &Doc, sentence: &Sent, context: &mut Context) -> Option<Found> {
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
        && doc.people.by_surname(surname, 0).is_none()
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
    let speaker = resolve(doc, phrase, context);
    Some(finish(
        doc,
        speaker,
        Some(doc.tokens[mark].range),
        content,
        sentence,
        context,
    ))
}

/// `“Q”― Pamela Padilla`: a quotation signed with a dash and a name.
fn signed_quote(doc: &Doc, sentence: &Sent, context: &mut Context) -> Option<Found> {
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
    let speaker = resolve(doc, phrase, context);
    Some(finish(
        doc,
        speaker,
        Some(doc.tokens[dash].range),
        content,
        sentence,
        context,
    ))
}

/// "Trump’s claim that C", "his argument that C": a noun cue whose
/// possessor is the speaker.
fn possessive_claim(doc: &Doc, sentence: &Sent, i: usize, context: &mut Context) -> Option<Found> {
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
/// "and" to an earlier one shares its speaker.
fn is_coordinated_cue(doc: &Doc, sentence: &Sent, c: usize) -> bool {
    let mut before = c - 1;
    if before > sentence.first && doc.text(before).ends_with("ly") {
        before -= 1;
    }
    before > sentence.first && doc.lower_is(before, "and") && !doc.text(c).ends_with("ing")
}

fn is_participle_after_comma(doc: &Doc, sentence: &Sent, c: usize) -> bool {
    c > sentence.first + 1
        && (doc.tokens[c - 1].kind == Kind::Comma || ends_quote_with_comma(doc, c - 1))
        && is_speech_participle(doc, c)
}

/// "for saying that C", "after saying C": a gerund whose speaker is the
/// subject of the sentence.
fn is_gerund_after_preposition(doc: &Doc, sentence: &Sent, c: usize) -> bool {
    c > sentence.first + 1
        && doc.tokens[c - 1].has(PREPOSITION)
        && !doc.tokens[c - 1].is_capitalized
        && is_speech_participle(doc, c)
}

/// Participles that report speech ("saying", "adding"); evaluative ones
/// such as "praising" stay inside the statement they follow.
fn is_speech_participle(doc: &Doc, i: usize) -> bool {
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
fn participle(
    doc: &Doc,
    sentence: &Sent,
    c: usize,
    found: &[Found],
    subject_must_name: bool,
    context: &mut Context,
) -> Option<Found> {
    let content_start = skip_object(doc, sentence, c, c + 1);
    let content = match quote_after(doc, sentence, content_start) {
        Some(quote) => quote,
        None => content_after(doc, sentence, content_start)?,
    };
    let speaker = match found.last() {
        Some(previous) => previous.speaker.clone(),
        None => {
            let (start, end) = match phrase_forward(doc, sentence.first, c) {
                Some(p) => (p.start, p.end),
                None => {
                    let end = noun_phrase_end(doc, sentence.first, c)?;
                    noun_phrase_backward(doc, sentence.first, end)?
                }
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
            let phrase = Phrase::plain(start, end);
            resolve(doc, phrase, context)
        }
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

/// The end of a subject phrase opening a sentence ("The bank", "He"),
/// past a leading prepositional phrase ("In his speech the senator").
fn noun_phrase_end(doc: &Doc, start: usize, limit: usize) -> Option<usize> {
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
fn is_verb_position(doc: &Doc, sentence: &Sent, c: usize) -> bool {
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
        || doc.lower_is(c - 1, "to")
        || doc.lower_is(c - 1, "of"))
}

/// "Chris Christie Says He Would Issue A Quarantine": a headline in title
/// case (the first paragraph, most words capitalised), where a capitalised
/// verb is still a verb.
fn is_title_case_headline(doc: &Doc, sentence: &Sent) -> bool {
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
fn in_a_source(doc: &Doc, sentence: &Sent, context: &mut Context) -> Option<Found> {
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
fn according_to(doc: &Doc, sentence: &Sent, at: usize, context: &mut Context) -> Option<Found> {
    if !doc.lower_is(at + 1, "to") {
        return None;
    }
    let np_start = at + 2;
    let np_end = (np_start..sentence.end)
        .find(|&i| !doc.tokens[i].is_word() || doc.in_quote[i])
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
    let speaker = resolve(doc, phrase, context);
    Some(finish(doc, speaker, Some(cue), content, sentence, context))
}

/// A cue verb at token `c`: find its speaker phrase, then its content.
fn cue_verb(doc: &Doc, sentence: &Sent, c: usize, context: &mut Context) -> Option<Found> {
    let mut lead = c;
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
    let before = phrase_backward(doc, sentence.first, lead).or_else(|| {
        // "McConnell was quick to embrace him and said that C".
        let after_and = lead > sentence.first + 1 && doc.lower_is(lead - 1, "and");
        let end = after_and.then(|| noun_phrase_end(doc, sentence.first, lead - 1))??;
        let (start, end) = noun_phrase_backward(doc, sentence.first, end)?;
        (start == sentence.first).then_some(Phrase::plain(start, end))
    });
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
    if flags & CUE & !EVIDENCE & !(BELIEF | INTENT) == 0
        && flags & INTENT != 0
        && !doc.lower_is(c + 1, "to")
        && !wants
    {
        return None;
    }
    let construction_start = phrase.start.min(lead);
    let construction_end = phrase.end.max(c + 1);
    let content = content_for(doc, sentence, c, construction_start, construction_end)?;
    let speaker = resolve(doc, phrase, context);
    Some(finish(
        doc,
        speaker,
        Some(doc.tokens[c].range),
        content,
        sentence,
        context,
    ))
}

fn is_form_of_be(doc: &Doc, i: usize) -> bool {
    let word = doc.text(i).to_ascii_lowercase();
    matches!(
        word.as_str(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "'s" | "’s"
    )
}

/// Words between a speaker and the cue that do not end the phrase:
/// auxiliaries and adverbs ("has also said", "later told").
fn is_skippable(doc: &Doc, idx: usize) -> bool {
    let token = &doc.tokens[idx];
    token.is_word()
        && !token.is_capitalized
        && (token.has(AUXILIARY) && !token.has(PRONOUN)
            || doc.text(idx).ends_with("ly") && !token.has(GROUP | TITLE))
}

fn phrase_has(doc: &Doc, phrase: Phrase, flag: u32) -> bool {
    doc.tokens[phrase.core_start..phrase.core_end]
        .iter()
        .any(|t| t.has(flag))
}

/// Content of the statement whose cue is `c` and whose speaker and cue
/// occupy tokens `[start, end)`.
fn content_for(doc: &Doc, sentence: &Sent, c: usize, start: usize, end: usize) -> Option<Range> {
    let before_idx = start.checked_sub(1).filter(|&i| i >= sentence.first);
    if let Some(quote) = quote_ending_the_sentence_before(doc, sentence, start, end) {
        return Some(quote);
    }
    if let Some(quote) = before_idx.and_then(|i| quote_before(doc, i)) {
        let quote = extend_with_following_quote(doc, sentence, end, quote);
        return Some(extend_with_next_sentences(doc, sentence, quote));
    }
    let after_start = skip_object(doc, sentence, c, end);
    if let Some(quote) = quote_after(doc, sentence, after_start) {
        return Some(extend_with_next_sentences(doc, sentence, quote));
    }
    if let Some(quote) = block_quote_after_colon(doc, sentence, after_start) {
        return Some(quote);
    }
    content_in_prose(doc, sentence, start, end, after_start)
}

/// `"... NOW!" Trump said on Twitter.`: the sentence split after `!"`,
/// so a sentence that is only "Trump said ..." takes the quotation that
/// ended the sentence before it, in the same paragraph.
fn quote_ending_the_sentence_before(
    doc: &Doc,
    sentence: &Sent,
    start: usize,
    end: usize,
) -> Option<Range> {
    if start != sentence.first || sentence.first == 0 {
        return None;
    }
    let previous = sentence.first - 1;
    let same_paragraph = doc.paragraphs[sentence.paragraph_idx]
        .range
        .contains(&doc.tokens[previous].range);
    let tail_words = count_words(doc, end, sentence.end);
    let opens_clause = doc.lower_is(end, "that");
    if !same_paragraph || tail_words > 6 || opens_clause || doc.tokens[previous].kind != Kind::Quote
    {
        return None;
    }
    doc.quote_ending_at(previous)
        .filter(|&quote| !is_title_like(doc, quote))
}

/// `Rubio declared:` ending a paragraph, and the next paragraph a
/// quotation: that quotation is what was declared.
fn block_quote_after_colon(doc: &Doc, sentence: &Sent, after_start: usize) -> Option<Range> {
    let paragraph = doc.paragraphs[sentence.paragraph_idx].range;
    let ends_paragraph = sentence.range.end == paragraph.end;
    let colon_last = sentence.end > sentence.first
        && doc.tokens[sentence.end - 1].kind == Kind::Colon
        && after_start >= sentence.end - 1;
    if !(ends_paragraph && colon_last) {
        return None;
    }
    let next = doc.paragraphs.get(sentence.paragraph_idx + 1)?.range;
    let position = doc.quotes.partition_point(|q| q.start < next.start);
    doc.quotes
        .get(position)
        .filter(|q| q.start == next.start)
        .copied()
}

/// Content that is not a quotation beside the cue: the clause after it,
/// the clause before it, or the whole sentence around "he said".
fn content_in_prose(
    doc: &Doc,
    sentence: &Sent,
    start: usize,
    end: usize,
    after_start: usize,
) -> Option<Range> {
    let before_idx = start.checked_sub(1).filter(|&i| i >= sentence.first);
    let after_words = count_words(doc, after_start, sentence.end);
    let opens_clause = doc.lower_is(after_start, "that") || doc.lower_is(after_start, "to");
    let comma_before =
        before_idx.is_some_and(|i| doc.tokens[i].kind == Kind::Comma) && start > sentence.first + 1;
    if opens_clause {
        return content_after(doc, sentence, after_start);
    }
    let trailer_follows =
        doc.tokens.get(end).is_some_and(|t| t.kind == Kind::Comma) && is_trailer(doc, end + 1);
    if comma_before && trailer_follows {
        return content_before(doc, sentence, before_idx?);
    }
    // "..., Trump said at an event in Colorado that C": the clause after
    // wins over the one before.
    let that_soon = (after_start..sentence.end.min(after_start + 10))
        .take_while(|&i| doc.tokens[i].kind == Kind::Word)
        .find(|&i| doc.lower_is(i, "that") && !doc.in_quote[i]);
    if let Some(that) = that_soon {
        return content_after(doc, sentence, that);
    }
    if comma_before {
        let next = doc.tokens.get(after_start);
        let trails = after_words == 0
            || next.is_some_and(|t| {
                t.has(PREPOSITION | WEEKDAY_OR_MONTH)
                    || t.kind != Kind::Word && t.kind != Kind::Comma
            })
            || after_words <= 2;
        if next.is_some_and(|t| t.kind == Kind::Comma)
            && after_words >= 3
            && !is_trailer(doc, after_start + 1)
        {
            return middle_content(doc, sentence);
        }
        if trails || next.is_some_and(|t| t.kind == Kind::Comma) {
            return content_before(doc, sentence, before_idx?);
        }
    }
    if after_words < 2 {
        return None;
    }
    let opens_with_preposition = doc.tokens[after_start].has(PREPOSITION)
        || doc.tokens[after_start].has(WEEKDAY_OR_MONTH)
        || doc.tokens[after_start].kind != Kind::Word;
    if !opens_with_preposition {
        return content_after(doc, sentence, after_start);
    }
    // "said in a statement that C", "boasted during the debate, “Q”".
    let limit = sentence.end.min(after_start + 12);
    let opener = (after_start..limit).find(|&i| {
        !doc.in_quote[i] && doc.lower_is(i, "that")
            || doc.tokens[i].kind == Kind::Quote && doc.quote_starting_at(i).is_some()
    });
    match opener {
        // A quotation that opens a longer clause ("said "budget reforms"
        // and unpaid taxes would pay for it") is part of that clause.
        // A quotation that is a whole sentence ("What curfew?") is not.
        Some(i) if doc.tokens[i].kind == Kind::Quote => {
            let quote = doc.quote_starting_at(i)?;
            match quote_after(doc, sentence, i) {
                Some(quote) => Some(quote),
                None if ends_sentence(doc, quote) => Some(quote),
                None => content_after(doc, sentence, i),
            }
        }
        Some(i) => content_after(doc, sentence, i),
        None => content_after(doc, sentence, after_start),
    }
}

/// "The talks, he said, were a first step." → the whole sentence.
fn middle_content(doc: &Doc, sentence: &Sent) -> Option<Range> {
    let end = trim_end(doc, sentence.first, sentence.end)?;
    Some(Range::new(doc.tokens[sentence.first].range.start, end))
}

/// Skips the listener of "told", "asked", "warned", ... up to "that", a
/// colon or a quotation; returns where the content begins.
fn skip_object(doc: &Doc, sentence: &Sent, c: usize, end: usize) -> usize {
    let mut i = end;
    if takes_object(doc, c) {
        let limit = sentence.end.min(end + 8);
        let is_listener_title = |j: usize| {
            doc.quote_starting_at(j)
                .is_some_and(|quote| is_title_like(doc, quote))
        };
        let mut j = end;
        while j < limit {
            if doc.tokens[j].kind == Kind::Quote && is_listener_title(j) {
                let quote_end = doc.quote_starting_at(j).map_or(j + 1, |q| q.end);
                j = doc.tokens.partition_point(|t| t.range.start < quote_end);
                continue;
            }
            if doc.lower_is(j, "that")
                || matches!(doc.tokens[j].kind, Kind::Colon | Kind::Quote | Kind::Comma)
            {
                i = j;
                break;
            }
            j += 1;
        }
    }
    while i < sentence.end && matches!(doc.tokens[i].kind, Kind::Colon | Kind::Comma) {
        i += 1;
    }
    i
}

/// Verbs whose next phrase is the listener, not the speaker ("told Y").
fn takes_object(doc: &Doc, c: usize) -> bool {
    let verb = doc.text(c).to_ascii_lowercase();
    matches!(
        verb.as_str(),
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "asked"
            | "asks"
            | "warned"
            | "warns"
            | "assured"
            | "reassured"
            | "informed"
            | "reminded"
            | "urged"
            | "promised"
            | "advised"
            | "praised"
            | "criticized"
            | "accused"
            | "blamed"
            | "thanked"
    )
}

/// The quotation right before the speaker and cue: `"Q," said S` or `"Q", S said`.
fn quote_before(doc: &Doc, idx: usize) -> Option<Range> {
    let token = &doc.tokens[idx];
    let quote = if token.kind == Kind::Quote {
        doc.quote_ending_at(idx)
    } else if token.kind == Kind::Comma && idx > 0 && doc.tokens[idx - 1].kind == Kind::Quote {
        doc.quote_ending_at(idx - 1)
    } else {
        None
    };
    quote.filter(|&quote| !is_title_like(doc, quote))
}

/// The quotation starting where the content begins (`S said: "Q"`), when
/// it runs to the end of the sentence.
fn quote_after(doc: &Doc, sentence: &Sent, at: usize) -> Option<Range> {
    if at >= sentence.end || doc.tokens[at].kind != Kind::Quote {
        return None;
    }
    let quote = doc.quote_starting_at(at)?;
    if is_title_like(doc, quote) {
        return None;
    }
    let rest = (sentence.first..sentence.end)
        .filter(|&i| doc.tokens[i].range.start >= quote.end)
        .filter(|&i| doc.tokens[i].is_word())
        .count();
    (rest <= 2).then_some(quote)
}

/// A short quotation in title case (“Fox News Sunday”, "Face the Nation")
/// names a programme or a work; it is not anyone's words.
fn is_title_like(doc: &Doc, quote: Range) -> bool {
    let first = doc.tokens.partition_point(|t| t.range.start < quote.start);
    let words: Vec<&Token> = doc.tokens[first..]
        .iter()
        .take_while(|t| t.range.end <= quote.end)
        .filter(|t| t.is_word())
        .collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|t| t.is_capitalized || t.has(PREPOSITION | DETERMINER | CONJUNCTION))
        && words[0].is_capitalized
        && !words.iter().any(|t| t.has(PRONOUN))
}

/// `"Q1," he said, "Q2."`: the content runs on to the second quotation.
fn extend_with_following_quote(doc: &Doc, sentence: &Sent, end: usize, quote: Range) -> Range {
    let Some(at) = (end..sentence.end).find(|&i| doc.tokens[i].kind == Kind::Quote) else {
        return quote;
    };
    // The second part follows the attribution closely, with no other cue
    // or clause in between ("..., adding later, “Q2”" is a new statement).
    let between = &doc.tokens[end..at];
    let words = between.iter().filter(|t| t.is_word()).count();
    let breaks = between.iter().enumerate().any(|(k, t)| {
        let i = end + k;
        t.is_word()
            && !t.is_capitalized
            && (is_speech_participle(doc, i) || t.has(CUE) && !doc.text(i).ends_with("ing"))
            || doc.lower_is(i, "and")
            || doc.lower_is(i, "while")
            || doc.lower_is(i, "as")
    });
    match doc.quote_starting_at(at) {
        Some(next) if words <= 8 && !breaks && !is_title_like(doc, next) => {
            Range::new(quote.start, next.end)
        }
        _ => quote,
    }
}

/// `"Q1," he said. "Q2."`: quotations that follow in the same paragraph,
/// each a sentence of its own, continue the speaker's quote.
fn extend_with_next_sentences(doc: &Doc, sentence: &Sent, content: Range) -> Range {
    Range::new(
        content.start,
        next_sentence_quotes_end(doc, sentence, content),
    )
}

/// Where the quotations continuing `content` in the next sentences end.
fn next_sentence_quotes_end(doc: &Doc, sentence: &Sent, content: Range) -> usize {
    let mut end = content.end;
    let position = doc
        .sentences
        .partition_point(|s| s.range.start < sentence.range.start);
    for next in &doc.sentences[position + 1..] {
        if next.paragraph_idx != sentence.paragraph_idx {
            break;
        }
        if next.range.end <= end {
            continue;
        }
        let first = next.first;
        let is_quote_start = doc.tokens.get(first).is_some_and(|t| t.kind == Kind::Quote)
            && doc.quote_starting_at(first).is_some();
        let continues = next.range.start < end;
        if !(is_quote_start || continues) {
            break;
        }
        let quote = doc
            .quotes
            .iter()
            .find(|q| q.overlap(&next.range) > 0 && q.end > end);
        match quote {
            Some(q) if q.overlap(&next.range) * 10 >= next.range.len() * 8 => end = q.end,
            _ => break,
        }
    }
    end
}

/// Content from token `from` to the end of the sentence, stopping before a
/// trailer such as ", according to ..." and the final punctuation.
fn content_after(doc: &Doc, sentence: &Sent, from: usize) -> Option<Range> {
    if from >= sentence.end {
        return None;
    }
    let mut end = sentence.end;
    // "While Ramos said that C, he ...": the reported clause ends with the
    // subordinate clause that holds it.
    if opens_with_subordinate_clause(doc, sentence) {
        if let Some(comma) =
            (from..sentence.end).find(|&i| doc.tokens[i].kind == Kind::Comma && !doc.in_quote[i])
        {
            end = comma;
        }
    }
    for i in from + 1..sentence.end {
        if doc.tokens[i].kind == Kind::Comma
            && !doc.in_quote[i]
            && (is_trailer(doc, i + 1) || is_clause_break(doc, i + 1))
        {
            end = i;
            break;
        }
        // “justice for Terrence,” but pledged ...: the comma inside the
        // closing quotation ends the content as one outside would.
        if ends_quote_with_comma(doc, i)
            && (is_clause_break(doc, i + 1)
                || is_trailer(doc, i + 1)
                || doc.lower_is(i + 1, "when"))
        {
            end = i + 1;
            break;
        }
        // "... and said C2", "... and repeatedly says C2": a second
        // statement begins.
        if !doc.in_quote[i] && doc.lower_is(i, "and") && cue_follows_and(doc, i) {
            end = i;
            break;
        }
        if doc.tokens[i].kind == Kind::Semicolon && !doc.in_quote[i] {
            end = i;
            break;
        }
    }
    let start = doc.tokens[from].range.start;
    let content_end = trim_end(doc, from, end)?;
    // A quotation that starts inside the content is kept whole; quotations
    // are sorted and apart, so only the last one starting inside can run on.
    let last_inside = doc.quotes.partition_point(|q| q.start < content_end);
    let content_end = last_inside
        .checked_sub(1)
        .map(|idx| doc.quotes[idx])
        .filter(|q| q.start >= start && q.end > content_end)
        .map_or(content_end, |q| q.end.min(sentence.range.end.max(q.end)));
    (content_end > start).then(|| Range::new(start, content_end))
}

/// Words after a comma that end a clause of content: "according to",
/// "as reported by", "citing", "writes", "adding".
fn is_trailer(doc: &Doc, i: usize) -> bool {
    doc.lower_is(i, "according")
        || doc.lower_is(i, "as")
            && (doc.lower_is(i + 1, "reported") || doc.lower_is(i + 1, "noted"))
        || i < doc.tokens.len() && is_speech_participle(doc, i)
        || doc.lower_is(i, "citing")
        || doc.lower_is(i, "writes")
        || doc.lower_is(i, "wrote")
        || doc.lower_is(i, "reports")
}

/// True when a cue (not a participle) follows the "and" at token `i`,
/// perhaps after an adverb: "and said", "and repeatedly says".
fn cue_follows_and(doc: &Doc, i: usize) -> bool {
    let has_adverb =
        doc.tokens.get(i + 1).is_some_and(|t| t.is_word()) && doc.text(i + 1).ends_with("ly");
    let verb = if has_adverb { i + 2 } else { i + 1 };
    doc.tokens
        .get(verb)
        .is_some_and(|t| t.has(CUE) && !t.text(doc.body).ends_with("ing"))
}

/// True when the quotation closes with a sentence's end: `?"`, `!"`, `."`.
fn ends_sentence(doc: &Doc, quote: Range) -> bool {
    let inner = doc.body[quote.start..quote.end].trim_end_matches(['"', '”', '\'']);
    inner.ends_with(['.', '?', '!'])
}

/// True when token `i` closes a quotation whose last word has a comma.
fn ends_quote_with_comma(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == Kind::Quote
        && doc.tokens[i - 1].kind == Kind::Comma
        && doc.quote_ending_at(i).is_some()
}

/// "While ...", "Although ...", "Because ...": the sentence opens with a
/// subordinate clause, which a comma closes.
fn opens_with_subordinate_clause(doc: &Doc, sentence: &Sent) -> bool {
    [
        "while", "although", "though", "because", "if", "whereas", "since",
    ]
    .iter()
    .any(|word| doc.lower_is(sentence.first, word))
}

/// Words after a comma that start a clause outside the reported content:
/// "but", "though", "which", ...
fn is_clause_break(doc: &Doc, i: usize) -> bool {
    [
        "but", "though", "although", "while", "whereas", "which", "even", "yet",
    ]
    .iter()
    .any(|word| doc.lower_is(i, word))
}

/// Content from the sentence start to the comma at `comma` (exclusive),
/// widened to a quotation that began in an earlier sentence.
fn content_before(doc: &Doc, sentence: &Sent, comma: usize) -> Option<Range> {
    if comma <= sentence.first {
        return None;
    }
    let mut start = doc.tokens[sentence.first].range.start;
    let end = doc.tokens[comma - 1].range.end;
    if doc.in_quote[sentence.first] {
        if let Some(quote) = doc
            .quotes
            .iter()
            .find(|q| q.contains(&doc.tokens[sentence.first].range))
        {
            start = quote.start;
        }
    }
    let end = if doc.tokens[comma].kind == Kind::Quote {
        doc.tokens[comma].range.end
    } else {
        end
    };
    (end > start).then(|| Range::new(start, end))
}

/// The end of the last token in `[from, end)` that is not final punctuation.
fn trim_end(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let mut last = end;
    while last > from {
        let token = &doc.tokens[last - 1];
        let is_trailing = matches!(
            token.kind,
            Kind::Terminal | Kind::Comma | Kind::Colon | Kind::Dash
        ) || token.kind == Kind::Quote && !doc.in_quote[last - 1];
        if !is_trailing || token.kind == Kind::Quote && doc.in_quote[last - 1] {
            break;
        }
        last -= 1;
    }
    (last > from).then(|| doc.tokens[last - 1].range.end)
}

fn count_words(doc: &Doc, from: usize, end: usize) -> usize {
    doc.tokens[from.min(end)..end]
        .iter()
        .filter(|t| t.is_word())
        .count()
}

/// A speaker phrase ending right before token `hi`: "Rubio", "the secretary
/// of state", "Tammy Bruce, a State Department spokeswoman,", "Dmitriev,
/// who also traveled to Riyadh,".
fn phrase_backward(doc: &Doc, lo: usize, hi: usize) -> Option<Phrase> {
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
fn apposition_start(doc: &Doc, lo: usize, comma: usize) -> Option<usize> {
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
fn noun_phrase_backward(doc: &Doc, lo: usize, hi: usize) -> Option<(usize, usize)> {
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
            let bridges = !token.is_capitalized
                && matches!(doc.text(i), "of" | "for")
                && i > lo
                && doc.tokens[i - 1].is_word();
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
fn skip_parenthetical(doc: &Doc, lo: usize, hi: usize) -> usize {
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
fn is_party_affiliation(doc: &Doc, i: usize) -> bool {
    let text = doc.text(i);
    let bytes = text.as_bytes();
    bytes.len() >= 3 && matches!(bytes[0], b'R' | b'D' | b'I') && bytes[1] == b'-'
}

/// A phrase can speak when it holds a name, a pronoun, or ends in a title
/// or group noun, or is led by a determiner ("The bank", "Several members").
fn is_speaker_like(doc: &Doc, start: usize, end: usize) -> bool {
    let tokens = &doc.tokens[start..end];
    let head = &tokens[tokens.len() - 1];
    if head.is_possessive || head.has(PREPOSITION | CONJUNCTION | SUBORDINATOR) {
        return false;
    }
    let has_name = tokens.iter().enumerate().any(|(k, t)| {
        is_name_word(doc.body, t) || t.has(PRONOUN | RELATIVE) || doc.lower_is(start + k, "who")
    });
    let led_by_determiner = tokens[0].has(DETERMINER) && tokens.len() >= 2;
    has_name || head.has(GROUP | TITLE) || led_by_determiner
}

/// A speaker phrase right after an inverted cue: "said Rubio", "said U.S.
/// State Department spokeswoman Tammy Bruce", "said the secretary of state".
fn phrase_forward(doc: &Doc, start: usize, hi: usize) -> Option<Phrase> {
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
fn resolve(doc: &Doc, phrase: Phrase, context: &Context) -> Speaker {
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
fn recent_author<'c>(doc: &Doc, phrase: Phrase, context: &'c Context) -> Option<&'c Recent> {
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
fn antecedent(doc: &Doc, who: usize, context: &Context) -> Option<Recent> {
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

/// Builds the statement, and remembers its speaker for later pronouns and
/// floating quotes.
fn finish(
    doc: &Doc,
    speaker: Speaker,
    cue: Option<Range>,
    content: Range,
    sentence: &Sent,
    context: &mut Context,
) -> Found {
    let kind = kind_of(doc, content);
    if let Some(name) = &speaker.name {
        let person = doc.people.persons.iter().find(|p| &p.name == name);
        let is_person = person.is_some()
            || name.split(' ').count() >= 2
                && name
                    .split(' ')
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        let pronoun_gender = speaker
            .mention
            .map(|m| m.text(doc.body).to_ascii_lowercase())
            .and_then(|m| match m.as_str() {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            });
        context.remember(Recent {
            name: name.clone(),
            role: speaker.role.clone(),
            gender: pronoun_gender
                .or(person.map(|p| p.gender))
                .unwrap_or(Gender::Unknown),
            is_person,
        });
        if is_person {
            context.last_speaker = Some((speaker.clone(), sentence.paragraph_idx));
        }
    }
    Found {
        kind,
        speaker,
        cue,
        content,
    }
}

/// Direct when the content is one quotation (or quotations joined by the
/// attribution), mixed when it holds a quoted fragment, else indirect.
fn kind_of(doc: &Doc, content: Range) -> StatementKind {
    let inside: Vec<&Range> = doc
        .quotes
        .iter()
        .filter(|q| q.overlap(&content) > 0)
        .collect();
    match inside.as_slice() {
        [] => StatementKind::Indirect,
        [first, ..]
            if first.start == content.start
                && inside.last().is_some_and(|l| l.end == content.end) =>
        {
            StatementKind::Direct
        }
        _ => StatementKind::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes;
    use crate::segment::segment;

    /// The statements of `body` other than narration, one line each:
    /// `speaker name | cue | content`.
    fn check(body: &str, expected: &[&str]) {
        let segments = segment(body);
        let quotes = quotes::find(body, &segments.paragraphs);
        let doc = Doc::new(body, &segments, &quotes);
        let mut found = statements(&doc);
        found.sort_by_key(|statement| statement.content.start);
        let got: Vec<String> = found
            .iter()
            .filter(|s| s.kind != StatementKind::Narration)
            .map(|s| {
                format!(
                    "{} | {} | {}",
                    s.speaker.name.as_deref().unwrap_or("-"),
                    s.cue.map_or("-", |cue| cue.text(body)),
                    s.content.text(body)
                )
            })
            .collect();
        assert_eq!(got, expected, "\n{}", got.join("\n"));
    }

    #[test]
    fn second_quote_after_short_narration_joins() {
        check(
            "“It’s finished,” Melanie Austin said. “In my head, anyway.”",
            &["Melanie Austin | said | “It’s finished,” Melanie Austin said. “In my head, anyway.”"],
        );
    }

    #[test]
    fn quotation_opening_a_longer_clause_is_part_of_it() {
        check(
            "Trump said \"budget reforms\" and the collection of unpaid taxes would pay for them.",
            &["Trump | said | \"budget reforms\" and the collection of unpaid taxes would pay for them"],
        );
    }

    #[test]
    fn comma_inside_a_closing_quote_ends_the_content_before_but() {
        check(
            "Demonstrators said they seek “justice for Terrence,” but pledged to remain civil.",
            &["Demonstrators | said | they seek “justice for Terrence,”"],
        );
    }

    #[test]
    fn quoted_transcript_paragraphs_take_their_labels() {
        check(
            "Partial transcript as follows:\n\n\"WALLACE: Why would he do that?\n\n\"PENCE: Well, it is like “Shark Tank.”\"",
            &[
                "WALLACE | : | Why would he do that?",
                "PENCE | : | Well, it is like “Shark Tank.”\"",
            ],
        );
    }

    #[test]
    fn programme_title_after_the_cue_is_not_a_second_part() {
        check(
            "“She just made it up,” Trump said of the claim during a call to ABC’s “This Week.”",
            &["Trump | said | “She just made it up,”"],
        );
    }

    #[test]
    fn comma_inside_a_closing_quote_ends_the_content_before_adding() {
        check(
            "Cruz said that there is “only one strong conservative,” adding that it was time.",
            &[
                "Cruz | said | that there is “only one strong conservative,”",
                "Cruz | adding | that it was time",
            ],
        );
    }

    #[test]
    fn colon_at_a_paragraph_end_introduces_the_next_quotation() {
        check(
            "Rubio declared:\n\n“This is a first step.”",
            &["Rubio | declared | “This is a first step.”"],
        );
    }

    #[test]
    fn cue_sentence_after_a_quote_ending_in_an_exclamation() {
        check(
            "“We need it NOW!” Trump said on Twitter.",
            &["Trump | said | “We need it NOW!”"],
        );
    }

    #[test]
    fn determiner_and_plain_words_after_an_inverted_cue() {
        check(
            "“He is an amazing leader,” said the 46-year-old.",
            &["46-year-old | said | “He is an amazing leader,”"],
        );
    }

    #[test]
    fn subordinate_clause_ends_the_content() {
        check(
            "While Ramos said that journalists cannot take sides, he appears uneasy.",
            &["Ramos | said | that journalists cannot take sides"],
        );
    }

    #[test]
    fn cue_after_and_takes_the_sentence_subject() {
        check(
            "McConnell was quick to embrace the mogul and said this week that Trump is competitive.",
            &["McConnell | said | that Trump is competitive"],
        );
    }

    #[test]
    fn a_poll_named_at_the_start_is_the_source() {
        check(
            "In a CNN poll released Monday, Clinton held a 24-point lead.",
            &["CNN | In | Clinton held a 24-point lead"],
        );
    }

    #[test]
    fn title_case_headline_with_says() {
        check(
            "Chris Christie Says He Would Issue A Quarantine\n\nThe governor spoke.",
            &["Chris Christie | Says | He Would Issue A Quarantine"],
        );
    }

    #[test]
    fn chanting_after_a_comma_is_a_participle_cue() {
        check(
            "Protesters marched through the streets, chanting \"Hands up, don't shoot.\"",
            &["Protesters | chanting | \"Hands up, don't shoot.\""],
        );
    }

    #[test]
    fn whole_sentence_quotation_after_the_cue_stays_whole() {
        check(
            "Protesters chanted \"What curfew?\" and kept going until 2 a.m.",
            &["Protesters | chanted | \"What curfew?\""],
        );
    }

    #[test]
    fn and_with_an_adverb_before_a_second_cue_ends_the_content() {
        check(
            "Lakeisha Scott urges her husband to get out and repeatedly says, \"Don't you do it.\"",
            &[
                "Lakeisha Scott | urges | her husband to get out",
                "Lakeisha Scott | says | \"Don't you do it.\"",
            ],
        );
    }
}
