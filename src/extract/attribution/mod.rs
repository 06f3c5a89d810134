//! Attribution: the rule cascade that finds who said what in one article.
//!
//! Takes the body, its segments and quotation ranges; gives `Found`
//! statements. Sentence by sentence, every cue is tried (`patterns`): a
//! transcript label, a signed quotation, "According to S, C", a cue verb
//! with its speaker phrase before ("Rubio said") or after ("said Rubio")
//! (`phrases`), a participle, a possessive noun cue; its content is the
//! adjacent quotation, the clause after ("that ..."), or the clause before
//! ("C, Rubio said") (`content`). Quotations left over take the previous
//! speaker (floating quotes); other prose sentences become narration. This
//! module holds the driver, the prepared article (`Doc`) and the running
//! context that resolves pronouns.

mod content;
mod patterns;
mod phrases;
#[cfg(test)]
mod tests;

use content::*;
use patterns::*;
use phrases::*;

use super::speakers::{
    expand_title, is_name_word, is_not_a_speaker, names_no_person, Gender, People,
};
use super::tokens::{tokenize, Kind, Token};
use super::Found;
use crate::model::{Paragraph, Range, Segments, Speaker, StatementKind};
use crate::text::word_classes::{
    AUXILIARY, BELIEF, CONJUNCTION, CUE, DETERMINER, EVIDENCE, GROUP, INTENT, OBJECT_PRONOUN,
    PREPOSITION, PRONOUN, RELATIVE, SUBORDINATOR, TITLE, WEEKDAY_OR_MONTH,
};

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

/// Where a sentence's own words begin: past a page label and its colon
/// ("Updated: Rick Santorum on Sunday ...", "CORRECTION: ..."), so that the
/// label is never taken for the subject.
fn after_page_label(body: &str, tokens: &[Token], first: usize) -> usize {
    let colon = |i: usize| tokens.get(i).is_some_and(|t| t.range.text(body) == ":");
    let label_end = (first + 1..=first + 2).find(|&i| colon(i));
    match label_end {
        Some(end)
            if end + 1 < tokens.len()
                && crate::extract::speakers::is_not_a_speaker(
                    &body[tokens[first].range.start..tokens[end - 1].range.end],
                ) =>
        {
            end + 1
        }
        _ => first,
    }
}

impl<'a> Doc<'a> {
    pub fn new(body: &'a str, segments: &'a Segments, quotes: &'a [Range]) -> Doc<'a> {
        let mut tokens = Vec::with_capacity(body.len() / 5);
        let mut sentences = Vec::with_capacity(segments.sentences.len());
        for sentence in &segments.sentences {
            let first = tokens.len();
            tokenize(body, sentence.range, &mut tokens);
            let first = after_page_label(body, &tokens, first);
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
        let end = self.tokens.get(idx)?.range.end;
        let pos = self.quotes.partition_point(|q| q.end < end);
        self.quotes.get(pos).filter(|q| q.end == end).copied()
    }

    /// The quotation that starts exactly where token `idx` starts.
    fn quote_starting_at(&self, idx: usize) -> Option<Range> {
        let start = self.tokens.get(idx)?.range.start;
        let pos = self.quotes.partition_point(|q| q.start < start);
        self.quotes.get(pos).filter(|q| q.start == start).copied()
    }

    /// The quotations that may overlap `range`, found by binary search (the
    /// quotations are sorted and do not overlap one another), so that a
    /// long article is not scanned once per statement.
    fn quotes_overlapping(&self, range: Range) -> &'a [Range] {
        let first = self.quotes.partition_point(|q| q.end <= range.start);
        let end = self.quotes.partition_point(|q| q.start < range.end);
        &self.quotes[first..end.max(first)]
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
        // A name with no lower-case letter is a dateline or an acronym
        // ("DES MOINES", "U.S."), never the "she" of the next sentence.
        let is_person = |r: &Recent| r.is_person && r.name.chars().any(char::is_lowercase);
        self.recent.iter().rev().find(|r| match want {
            Some(gender) => is_person(r) && (r.gender == gender || r.gender == Gender::Unknown),
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
                .map(|sentence| {
                    let mut claims = attribute(doc, sentence, &mut context);
                    claims.retain(|claim| names_its_speaker_plainly(doc, sentence, claim));
                    claims
                })
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
                if continues_saying_nothing(doc, &statement) {
                    continue;
                }
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
        // A sentence that only attributes ("Mr. Manafort asked.") holds a
        // cue of a statement whose words stand elsewhere: it is no narration.
        let holds_cue = found
            .iter()
            .rev()
            .take(8)
            .any(|f| f.cue.is_some_and(|cue| sentence.range.contains(&cue)));
        if claimed.iter().any(overlaps)
            || found.iter().rev().take(3).any(|f| overlaps(&f.content))
            || holds_cue
        {
            continue;
        }
        if let Some(statement) = quote_after_colon(doc, sentence, context) {
            *claimed_until = (*claimed_until).max(statement.content.end);
            found.push(statement);
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

/// "Ryan shot back, in reference to Biden's gaffes: “As the vice president
/// very well knows ...”": a sentence that opens with a person and ends
/// with a quotation after a colon gives the quotation to that person, even
/// when no cue word says so ("shot back", "fired back").
fn quote_after_colon(doc: &Doc, sentence: &Sent, context: &mut Context) -> Option<Found> {
    let (start, end) = sentence_subject(doc, sentence)?;
    if !matches!(person_named(doc, start, end), Author::Person(_)) {
        return None;
    }
    let colon =
        (end..sentence.end).find(|&i| doc.tokens[i].kind == Kind::Colon && !doc.in_quote[i])?;
    // The quotation may open the next paragraph ("The Times reports:").
    let quote = doc.quote_starting_at(colon + 1)?;
    let tail = &doc.body[quote.end.min(sentence.range.end)..sentence.range.end];
    if tail.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(attributed(
        doc,
        Phrase::plain(start, end),
        doc.tokens[colon].range,
        quote,
        sentence,
        context,
    ))
}

/// A sentence that is (mostly) a quotation with no cue of its own takes the
/// speaker of the statement before it, within two paragraphs.
fn floating_quote(doc: &Doc, sentence: &Sent, context: &Context) -> Option<Found> {
    let (speaker, paragraph_idx) = context.last_speaker.as_ref()?;
    if sentence.paragraph_idx > paragraph_idx + 2 {
        return None;
    }
    let quote = doc
        .quotes_overlapping(sentence.range)
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
    Some(attributed(
        doc,
        phrase,
        doc.tokens[colon].range,
        content,
        sentence,
        context,
    ))
}

/// In a title-case headline every word looks like a name, so a speaker
/// counts only where headlines put one: opening the line ("A Man Says
/// ...", "Pelosi: ..."), or before a verb of saying ("..., Clinton Says").
/// "Trans Teen Dies by Suicide, Leaves Tumblr Note: ..." has no speaker
/// "Leaves Tumblr".
fn names_its_speaker_plainly(doc: &Doc, sentence: &Sent, claim: &Found) -> bool {
    const SAYING: [&str; 16] = [
        "says",
        "say",
        "said",
        "tells",
        "told",
        "warns",
        "claims",
        "insists",
        "admits",
        "denies",
        "confirms",
        "announces",
        "suggests",
        "reports",
        "according to",
        ":",
    ];
    let opens_the_line = claim.speaker.mention.is_none_or(|mention| {
        doc.tokens[sentence.first..sentence.end.min(sentence.first + 2)]
            .iter()
            .any(|t| t.range.start == mention.start)
    });
    let saying = claim
        .cue
        .is_some_and(|cue| SAYING.contains(&cue.text(doc.body).to_lowercase().as_str()));
    opens_the_line || saying
}

/// "continued" followed by a possessive or a preposition reports no speech
/// ("continued his refusal to step down", "continued on Tuesday", "continued
/// under Obama"); "continued to insist that ...", "“...,” Ms. O'Neill
/// continued." and "..., Santorum continued, ..." do.
fn continues_saying_nothing(doc: &Doc, statement: &Found) -> bool {
    let Some(cue) = statement.cue else {
        return false;
    };
    let is_continued = matches!(
        cue.text(doc.body).to_ascii_lowercase().as_str(),
        "continued" | "continues" | "continuing"
    );
    // An aside ("..., Santorum continued, suggests ...") is followed by
    // punctuation and still reports speech.
    let parenthetical = doc.body[cue.end..]
        .trim_start()
        .starts_with(|c: char| !c.is_alphanumeric());
    let first_word = statement
        .content
        .text(doc.body)
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let says_nothing = matches!(
        first_word.as_str(),
        "his" | "her" | "its" | "their" | "on" | "in" | "at" | "under" | "through" | "into"
    );
    is_continued && !parenthetical && says_nothing
}

/// "Mr. Santorum, at another appearance in Columbus, Ohio, called ...":
/// the phrase before the cue is the place that ends an aside, so the
/// speaker is the person the sentence opens with.
fn subject_for_place(doc: &Doc, speaker: Speaker, sentence: &Sent) -> Speaker {
    let Some(mention) = speaker.mention else {
        return speaker;
    };
    if !speaker.name.as_deref().is_some_and(is_not_a_speaker) {
        return speaker;
    }
    let Ok(first) = doc
        .tokens
        .binary_search_by_key(&mention.start, |t| t.range.start)
    else {
        return speaker;
    };
    if first <= sentence.first || doc.tokens[first - 1].kind != Kind::Comma {
        return speaker;
    }
    let comma = first - 1;
    // "Harry Reid, Democrat of Nevada, ... has promised": the name before
    // the comma; else the sentence's subject, when an aside follows it
    // ("Mr. Braley, speaking at a fund-raiser in Corpus Christi, Tex., was
    // explaining").
    let mut name_start = comma;
    while name_start > sentence.first
        && is_name_word(doc.body, &doc.tokens[name_start - 1])
        && !doc.tokens[name_start - 1].is_possessive
    {
        name_start -= 1;
    }
    // Not a place or a body the sentence mentions on the way ("in Corpus
    // Christi, Tex.", "Minnesota's Twin Cities", "Budget and Policy
    // Priorities"): the name must not follow a preposition, a conjunction
    // or a possessive.
    let introduced = name_start > sentence.first && {
        let before = &doc.tokens[name_start - 1];
        before.is_possessive || before.has(PREPOSITION | CONJUNCTION)
    };
    if introduced {
        name_start = comma;
    }
    let subject = sentence_subject(doc, sentence)
        .filter(|&(_, end)| end < comma && doc.tokens[end].kind == Kind::Comma);
    let candidates = [(name_start < comma).then_some((name_start, comma)), subject];
    for (start, end) in candidates.into_iter().flatten() {
        if let Author::Person(recent) = person_named(doc, start, end) {
            if recent.is_person {
                return Speaker {
                    name: Some(recent.name),
                    role: recent.role,
                    mention: Some(Range::new(
                        doc.tokens[start].range.start,
                        doc.tokens[end - 1].range.end,
                    )),
                };
            }
        }
    }
    speaker
}

/// The name a sentence opens with, as token positions `[start, end)`:
/// after at most a determiner or a title ("The", "Sen."), and not in the
/// possessive.
fn sentence_subject(doc: &Doc, sentence: &Sent) -> Option<(usize, usize)> {
    let mut i = sentence.first;
    while i < sentence.end
        && doc.tokens[i].is_word()
        && !is_name_word(doc.body, &doc.tokens[i])
        && doc.tokens[i].has(DETERMINER | TITLE)
    {
        if i - sentence.first > 3 {
            return None;
        }
        i += 1;
    }
    let mut start = i;
    let mut end = name_run_end(doc, start, sentence.end);
    // "Former Pennsylvania governor Ed Rendell", "Former secretary of
    // State Clinton": the words before the office qualify it; the name
    // after the office is the subject. With no name after it ("A Romney
    // campaign aide, though, said") the subject is someone the sentence
    // does not name.
    let office = end;
    let mut after = office;
    let mut holds_office = false;
    while after < sentence.end && after < office + 4 && doc.tokens[after].is_word() {
        let token = &doc.tokens[after];
        let lower_title = !token.is_capitalized && token.has(TITLE);
        let of_office = doc.lower_is(after, "of")
            || token.is_capitalized && token.has(TITLE) && doc.lower_is(after - 1, "of");
        if !(lower_title || holds_office && of_office) {
            break;
        }
        holds_office |= lower_title;
        after += 1;
    }
    if end > start && holds_office && !doc.tokens[end - 1].is_possessive {
        let name_end = name_run_end(doc, after, sentence.end);
        if name_end == after {
            return None;
        }
        (start, end) = (after, name_end);
    }
    if end == start || doc.tokens.get(end).is_some_and(|t| t.is_possessive) {
        return None;
    }
    Some((start, end))
}

/// Notes a name at the start of a sentence (its subject) for pronouns.
fn remember_subject(doc: &Doc, sentence: &Sent, context: &mut Context) {
    // Only a name in subject position: after at most a determiner or a
    // title ("The", "Sen."), never after a verb ("He said Mr. Trump ...").
    // Else the name after an opening phrase (a dateline is no person).
    let subjects = sentence_subject(doc, sentence)
        .into_iter()
        .chain(subject_after_opening(doc, sentence));
    for (start, end) in subjects {
        if let Author::Person(recent) = person_named(doc, start, end) {
            context.remember(recent);
            return;
        }
    }
}

/// Tokens an opening phrase may run to before its comma.
const MAX_OPENING_TOKENS: usize = 16;

/// "In one of her final appearances as secretary of state, Hillary Rodham
/// Clinton on Wednesday vigorously defended ...": a sentence that opens
/// with a phrase of time, place or manner (a preposition first) has its
/// subject after one of the phrase's commas ("At an event in Ames, Iowa,
/// on Sunday, Mrs. Clinton tried", the first that fits): a name (titles
/// allowed before it) that a lower-case word follows, neither an office nor
/// a group it would qualify ("Obama administration officials") nor "and"
/// (two subjects).
pub(super) fn subject_after_opening(doc: &Doc, sentence: &Sent) -> Option<(usize, usize)> {
    // A dateline before it ("WASHINGTON — In one of ...") is skipped.
    let dash = (sentence.first..sentence.end.min(sentence.first + 4))
        .find(|&k| doc.tokens[k].kind == Kind::Dash)
        .filter(|&k| {
            (sentence.first..k).all(|j| {
                let text = doc.text(j);
                doc.tokens[j].kind != Kind::Word || !text.chars().any(char::is_lowercase)
            })
        });
    let first = dash.map_or(sentence.first, |k| k + 1);
    if first >= sentence.end || !doc.tokens[first].has(PREPOSITION) {
        return None;
    }
    let last = sentence.end.min(first + MAX_OPENING_TOKENS);
    let commas =
        (first + 1..last).filter(|&k| doc.tokens[k].kind == Kind::Comma && !doc.in_quote[k]);
    for comma in commas {
        let mut start = comma + 1;
        while start < sentence.end
            && doc.tokens[start].has(TITLE)
            && !is_name_word(doc.body, &doc.tokens[start])
        {
            start += 1;
        }
        let end = name_run_end(doc, start, sentence.end);
        let next = doc.tokens.get(end)?;
        let follows = end < sentence.end
            && next.is_word()
            && !next.is_capitalized
            && !next.has(TITLE | GROUP | CONJUNCTION)
            && !doc.in_quote[start];
        if end > start && follows {
            return Some((start, end));
        }
        // The opening phrase goes on past this comma only with a place's
        // state or country ("in Ames, Iowa,") or another phrase of time or
        // place ("on Sunday,"); anything else ("At the time, she said,")
        // ends the search.
        let goes_on =
            doc.tokens[comma + 1].has(PREPOSITION) || end > start && next.kind == Kind::Comma;
        if !goes_on {
            return None;
        }
    }
    None
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
            || !(token.has(CUE) || is_inverted_noun_cue(doc, sentence, c))
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
    // "C, according to S, more than ...": the source of the clause before
    // it, also when a cue later in the sentence ("what it projected") made
    // a statement of its own, as long as the two do not overlap.
    let according = (sentence.first + 1..sentence.end)
        .find(|&i| doc.lower_is(i, "according") && doc.lower_is(i + 1, "to") && !doc.in_quote[i]);
    if let Some(at) = according {
        let before = found
            .iter()
            .all(|f| f.content.start >= doc.tokens[at].range.end);
        if found.is_empty() || before {
            if let Some(statement) = according_to(doc, sentence, at, context) {
                if found
                    .iter()
                    .all(|f| f.content.overlap(&statement.content) == 0)
                {
                    found.push(statement);
                }
            }
        }
    }
    found
}

/// Verbs of saying that are also common nouns ("the claims", "his
/// pledges"), so not cues in general; right after a quotation's closing
/// comma and before a capitalised name (“...,” claims Perry) they can only
/// be verbs. ("vows" is a cue already, as intent; see `cue_verb`.)
fn is_inverted_noun_cue(doc: &Doc, sentence: &Sent, c: usize) -> bool {
    const VERBS: [&str; 3] = ["claims", "promises", "pledges"];
    let after_quote = c >= sentence.first + 2 && content::ends_quote_with_comma(doc, c - 1);
    VERBS.iter().any(|verb| doc.lower_is(c, verb))
        && after_quote
        && doc.tokens.get(c + 1).is_some_and(|t| t.is_capitalized)
}

/// Resolves the speaker phrase and builds the statement whose cue is `cue`.
fn attributed(
    doc: &Doc,
    phrase: Phrase,
    cue: Range,
    content: Range,
    sentence: &Sent,
    context: &mut Context,
) -> Found {
    let speaker = resolve(doc, phrase, context);
    finish(doc, speaker, Some(cue), content, sentence, context)
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
    let speaker = subject_for_place(doc, speaker, sentence);
    if let Some(name) = &speaker.name {
        let person = doc.people.persons.iter().find(|p| &p.name == name);
        let is_named = person.is_some()
            || name.split(' ').count() >= 2
                && name
                    .split(' ')
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        // "The Washington Post" may go on speaking in the next quotation,
        // but it is never the "he" or "she" of the next sentence.
        let is_person = is_named && !names_no_person(name);
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
        if is_named {
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
        .quotes_overlapping(content)
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
