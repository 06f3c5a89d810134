//! Speakers: the people an article names, and which of them a mention means.
//!
//! Takes an article's tokens; gives a table of people (full name as written
//! without titles, surname, role such as "US Secretary of State", gender when
//! a title or pronoun shows it) and resolves a speaker phrase ("Rubio",
//! "the secretary of state", "a member of the Russian delegation, Yuri
//! Ushakov", "European officials") to a person or a group name. Pronouns are
//! resolved by the caller, which knows the order of statements.

use super::tokens::{Kind, Token};
use crate::model::{Range, Speaker};
use crate::text::lexicon::{is_stopword, lexicon_lines, lexicon_set};
use crate::text::word_classes::{
    flags, AUXILIARY, CONJUNCTION, CUE, DETERMINER, GROUP, PREPOSITION, PRONOUN, RELATIVE,
    SUBORDINATOR, TITLE, WEEKDAY_OR_MONTH,
};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Unknown,
    Male,
    Female,
}

/// A person named in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// Full name without titles or possessive: "Marco Rubio".
    pub name: String,
    /// Lower-case last word of the name: "rubio".
    pub surname: String,
    pub role: Option<String>,
    pub gender: Gender,
    /// Byte offset of the first mention.
    pub first_seen: usize,
}

/// What a speaker phrase resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Resolved {
    pub name: Option<String>,
    pub role: Option<String>,
    /// Index into `People::persons` when the speaker is a known person.
    pub person: Option<usize>,
}

impl Resolved {
    /// A phrase that names no one person: a group, a role, an agent ("the
    /// officials", "lawyer for Mrs. Clinton"), as written.
    fn group(body: &str, phrase: &[Token]) -> Resolved {
        Resolved {
            name: Some(group_name(body, phrase)),
            role: None,
            person: None,
        }
    }
}

/// The people of one article.
#[derive(Debug, Clone, Default)]
pub struct People {
    pub persons: Vec<Person>,
}

const NOT_NAME: u32 =
    DETERMINER | PREPOSITION | CONJUNCTION | PRONOUN | AUXILIARY | SUBORDINATOR | RELATIVE;

const PARTICLES: [&str; 10] = [
    "bin", "de", "van", "von", "al", "da", "del", "la", "le", "di",
];

/// True for a capitalised word that may be part of a name.
/// The speaker without its name when the name is a place, a page label or
/// another word that cannot speak ("California" from "Pelosi, Democrat of
/// California, said"; "R-Calif"; "43-year-old"; "CORRECTION"). The mention
/// stays, so the statement still shows where its speaker is named.
pub fn without_non_speaker(mut speaker: Speaker) -> Speaker {
    if speaker.name.as_deref().is_some_and(is_not_a_speaker) {
        speaker.name = None;
        speaker.role = None;
    }
    speaker
}

/// Whether a name is a place, a page label, a party-state tag, an age, a
/// number word, a contraction, a time or a share: never a speaker.
pub fn is_not_a_speaker(name: &str) -> bool {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let set = SET
        .get_or_init(|| lexicon_lines(include_str!("../../lexicons/not_speakers.txt")).collect());
    let lower = crate::text::normalise(name.trim_end_matches('.'));
    let party_tag = matches!(lower.as_bytes(), [b'r' | b'd' | b'i', b'-', ..]);
    let contraction = lower.contains('\'') && !lower.ends_with("'s") && !lower.contains(' ');
    set.contains(lower.as_str())
        || party_tag
        || contraction
        || lower.contains("-year-old")
        || crate::text::numbers::number_word_value(&lower).is_some()
        || names_a_time_or_share(&lower)
}

/// A phrase about a time or a share, which the relative-clause and
/// subject rules can pick up ("the weekend, which ...", "several hours
/// earlier", "the 1.3 percent growth"): its last word is a time word, or it
/// gives a percentage that is not a share of people ("55 percent of
/// Republican primary voters" do say things, in polls).
fn names_a_time_or_share(lower: &str) -> bool {
    let last = lower.rsplit(' ').next().unwrap_or(lower);
    matches!(
        last,
        "week"
            | "weeks"
            | "weekend"
            | "month"
            | "months"
            | "year"
            | "years"
            | "day"
            | "days"
            | "earlier"
            | "later"
            | "ago"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
            | "today"
            | "yesterday"
            | "tonight"
    ) || (lower.split(' ').any(|w| w == "percent") && !lower.contains("percent of "))
}

/// Whether a name of the registry is an organisation's or a place's
/// ("New York Times", "Air Force One", "Guantanamo Bay"): it can resolve
/// "the Times", but never the "he" or "she" of the next sentence.
pub fn names_no_person(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    crate::extract::names::is_organisation_head(&last)
}

pub fn is_name_word(body: &str, token: &Token) -> bool {
    let text = token.text(body);
    // A middle initial ("John A. Boehner", "Elijah E. Cummings") even when
    // the letter alone is also a word ("A", "I").
    let is_initial =
        text.len() == 2 && text.ends_with('.') && text.as_bytes()[0].is_ascii_uppercase();
    token.is_word()
        && token.is_capitalized
        && (is_initial || !token.has(NOT_NAME | WEEKDAY_OR_MONTH | CUE))
        && !text.starts_with(|c: char| c.is_ascii_digit())
}

fn is_particle(body: &str, token: &Token) -> bool {
    token.is_word() && PARTICLES.contains(&token.text(body))
}

/// Maximal runs of name words (token index ranges), particles allowed inside.
pub fn name_runs(body: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_name_word(body, &tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() && !tokens[end - 1].is_possessive {
            if is_name_word(body, &tokens[end]) {
                end += 1;
            } else if is_particle(body, &tokens[end])
                && tokens.get(end + 1).is_some_and(|t| is_name_word(body, t))
            {
                end += 2;
            } else {
                break;
            }
        }
        runs.push((start, end));
        i = end;
    }
    runs
}

/// Strips leading title words ("Secretary", "State", "Sen.") off a run,
/// keeping at least one word. Returns the index where the name starts.
pub fn strip_titles(tokens: &[Token], (start, end): (usize, usize)) -> usize {
    // The name follows the last title word ("Oversight Chairman Jason
    // Chaffetz"), unless a title word ends the run ("Martin Luther King").
    if let Some(last_title) = (start..end - 1).rev().find(|&i| tokens[i].has(TITLE)) {
        if !tokens[end - 1].has(TITLE) {
            return last_title + 1;
        }
    }
    let mut name_start = start;
    while name_start + 1 < end && tokens[name_start].has(TITLE) {
        name_start += 1;
    }
    name_start
}

/// The text of tokens `[start, end)` without a final possessive "'s".
pub fn name_text(body: &str, tokens: &[Token], start: usize, end: usize) -> String {
    let text = &body[tokens[start].range.start..tokens[end - 1].range.end];
    let text = text
        .strip_suffix('.')
        .filter(|t| !t.ends_with(|c: char| c.is_uppercase()) || t.len() > 3)
        .unwrap_or(text);
    let text = text
        .strip_suffix("'s")
        .or_else(|| text.strip_suffix("’s"))
        .unwrap_or(text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn surname_of(name: &str) -> String {
    let mut words: Vec<&str> = name.split(' ').collect();
    while words.len() > 1
        && matches!(
            words.last().map(|w| w.trim_end_matches('.').to_ascii_lowercase()),
            Some(ref w) if matches!(w.as_str(), "jr" | "sr" | "ii" | "iii" | "iv")
        )
    {
        words.pop();
    }
    words.last().unwrap_or(&"").to_lowercase()
}

impl People {
    /// Collects every person named with at least two name words.
    /// `sentences` gives each sentence's token index range: names never
    /// run across a sentence (or a caption line) boundary.
    pub fn collect(
        body: &str,
        tokens: &[Token],
        sentences: impl Iterator<Item = (usize, usize)>,
    ) -> People {
        let mut people = People::default();
        let runs = sentences.flat_map(|(first, end)| {
            name_runs(body, &tokens[first..end])
                .into_iter()
                .map(move |(s, e)| (first + s, first + e))
        });
        for run in runs.collect::<Vec<_>>() {
            let name_start = strip_titles(tokens, run);
            let last = &tokens[run.1 - 1];
            let is_titled = name_start > run.0 || role_before(body, tokens, name_start).is_some();
            // "the former Pennsylvania senator": one word between a title
            // and a lower-case office qualifies the office, no one's name.
            let qualifies_office = run.1 - name_start < 2
                && !last.is_possessive
                && tokens
                    .get(run.1)
                    .is_some_and(|t| t.is_word() && !t.is_capitalized && t.has(TITLE));
            if run.1 - name_start < 2 && !is_titled || last.has(GROUP | TITLE) || qualifies_office {
                continue;
            }
            let name = name_text(body, tokens, name_start, run.1);
            let role = role_before(body, tokens, name_start)
                .or_else(|| apposition_after(body, tokens, run.1))
                .or_else(|| apposition_before(body, tokens, run.0));
            let gender = match gender_of(body, tokens, run.0, role.as_deref()) {
                Gender::Unknown => first_name_gender(&name),
                known => known,
            };
            people.add(name, role, gender, tokens[run.0].range.start);
        }
        people.drop_leading_words();
        people
    }

    /// Drops a "person" that is another person's full name after a
    /// capitalised word opening a sentence or a quotation ("Meet Melania
    /// Trump" beside "Melania Trump"): the first word is no part of a name
    /// when the rest is a name the article gives on its own, and it is no
    /// first name that the list of first names knows.
    /// So is a function word or a participle before another person's
    /// surname ("Neither Clinton nor Trump", "Injecting Clinton into the
    /// race" beside "Hillary Clinton").
    fn drop_leading_words(&mut self) {
        let names: HashSet<String> = self.persons.iter().map(|p| p.name.clone()).collect();
        let full_names: Vec<(String, String)> = self
            .persons
            .iter()
            .filter(|p| p.name.contains(' '))
            .map(|p| (p.name.clone(), p.surname.clone()))
            .collect();
        self.persons.retain(|p| {
            let Some((first, rest)) = p.name.split_once(' ') else {
                return true;
            };
            if first_name_gender(&p.name) != Gender::Unknown || first.ends_with('.') {
                return true;
            }
            let lower = first.to_lowercase();
            let not_a_name_word = is_stopword(&lower)
                || flags(&lower) & (NOT_NAME & !PRONOUN) != 0
                || lower.ends_with("ing");
            let another_has_surname = full_names
                .iter()
                .any(|(name, surname)| *name != p.name && *surname == p.surname);
            !(rest.contains(' ') && names.contains(rest)
                || !rest.contains(' ') && not_a_name_word && another_has_surname)
        });
    }

    fn add(&mut self, name: String, role: Option<String>, gender: Gender, position: usize) {
        let surname = surname_of(&name);
        let is_one_word = !name.contains(' ');
        // "Mr. Christie" and "Gov. Chris Christie" are one person: a titled
        // surname joins the full name, and a full name upgrades a surname.
        let same = self.persons.iter_mut().find(|p| {
            p.name == name || p.surname == surname && (is_one_word || !p.name.contains(' '))
        });
        if let Some(person) = same {
            if !is_one_word && !person.name.contains(' ') {
                person.name = name;
            }
            if person.role.is_none() {
                person.role = role;
            }
            if person.gender == Gender::Unknown {
                person.gender = gender;
            }
            return;
        }
        self.persons.push(Person {
            name,
            surname,
            role,
            gender,
            first_seen: position,
        });
    }

    /// The person with this surname mentioned last before `position`
    /// (or first after it when none is before).
    /// A known `gender` (from "Mrs." or "Mr." before the surname) skips the
    /// people of the other: "Mrs. Clinton" after "President Bill Clinton" is
    /// still Hillary Clinton.
    pub fn by_surname(&self, surname: &str, position: usize, gender: Gender) -> Option<usize> {
        let surname = surname.to_lowercase();
        let pick = |exact: bool| {
            let matches = self
                .persons
                .iter()
                .enumerate()
                .filter(|(_, p)| p.surname == surname)
                .filter(|(_, p)| {
                    gender == Gender::Unknown
                        || p.gender == gender
                        || !exact && p.gender == Gender::Unknown
                });
            let before = matches
                .clone()
                .filter(|(_, p)| p.first_seen <= position)
                .max_by_key(|(_, p)| p.first_seen);
            before
                .or_else(|| matches.min_by_key(|(_, p)| p.first_seen))
                .map(|(i, _)| i)
        };
        // "Mr. LaRue" after his daughter Leslie LaRue (a first name of
        // either gender) is the LaRue known to be a man.
        pick(true).or_else(|| pick(false))
    }

    /// The person whose role holds every title word of `phrase`
    /// ("the secretary of state" → "US Secretary of State").
    pub fn by_role(&self, body: &str, tokens: &[Token]) -> Option<usize> {
        let words: Vec<String> = tokens
            .iter()
            .filter(|t| t.is_word() && t.has(TITLE) && !t.has(DETERMINER))
            .map(|t| expand_title(t.text(body)))
            .collect();
        if words.is_empty() {
            return None;
        }
        // The person whose role holds every word with the fewest other
        // words: "the president" is the President, not the Vice President.
        let mut best: Option<(usize, usize)> = None;
        let mut tied = false;
        for (idx, person) in self.persons.iter().enumerate() {
            let Some(role) = &person.role else { continue };
            let role_words: Vec<String> = role
                .split(|c: char| !c.is_alphanumeric() && c != '.')
                .filter(|w| !w.is_empty())
                .map(expand_title)
                .collect();
            if !words.iter().all(|w| role_words.contains(w)) {
                continue;
            }
            let extra = role_words.len() - words.len().min(role_words.len());
            match best {
                Some((_, best_extra)) if extra > best_extra => {}
                Some((_, best_extra)) if extra == best_extra => tied = true,
                _ => {
                    best = Some((idx, extra));
                    tied = false;
                }
            }
        }
        if tied {
            return None;
        }
        best.map(|(idx, _)| idx)
    }

    /// Resolves a speaker phrase (token indexes `[start, end)`) that is not a
    /// pronoun: a name, a surname, a title or role, or a group.
    pub fn resolve(&self, body: &str, tokens: &[Token], start: usize, end: usize) -> Resolved {
        let end = (start + 1..end)
            .find(|&i| tokens[i].text(body) == "and")
            .unwrap_or(end);
        let phrase = &tokens[start..end];
        let mut runs = name_runs(body, phrase);
        // "a lawyer for Mrs. Clinton": the lawyer speaks, not Mrs. Clinton;
        // "David Kendall, a lawyer for Mrs. Clinton" is David Kendall.
        if let Some(&(run_start, _)) = runs.last() {
            if speaks_for_another(body, phrase, run_start) {
                runs.pop();
                if runs.is_empty() {
                    return Resolved::group(body, phrase);
                }
            }
        }
        if let Some(&(run_start, run_end)) = runs.last() {
            let name_start = strip_titles(phrase, (run_start, run_end));
            let last = &phrase[run_end - 1];
            let is_title_only = last.has(TITLE) && run_end - name_start == 1 && !last.has(GROUP);
            // "the Fox News host", "Federal prosecutors", "Legal scholars":
            // the name only qualifies the noun that ends the phrase; the
            // phrase names a role or a group, not Fox News (nor "Federal").
            let lower_after = run_end < phrase.len()
                && phrase[run_end..]
                    .iter()
                    .all(|t| t.is_word() && !t.is_capitalized && !t.has(PRONOUN));
            // "reality TV star": a plain word before the name too, so the
            // name sits inside a common noun phrase.
            let modifier_before = run_start > 0 && {
                let word = &phrase[run_start - 1];
                let text = word.text(body);
                word.is_word()
                    && !word.is_capitalized
                    && !word.has(DETERMINER | PREPOSITION | TITLE)
                    && !text.ends_with("ing")
                    && !text.ends_with("ed")
            };
            let qualifies_a_noun =
                lower_after && (is_head_noun(body, &phrase[phrase.len() - 1]) || modifier_before);
            // "Critics of Chick-fil-A", "supporters of Mr. Obama": the
            // name is what a group is of, not who speaks.
            let object_of_group = run_start >= 2
                && phrase[run_start - 1].text(body) == "of"
                && is_head_noun(body, &phrase[run_start - 2])
                && !phrase[run_start - 2].has(TITLE);
            if object_of_group {
                return Resolved::group(body, phrase);
            }
            if !is_title_only && !last.has(GROUP) && !qualifies_a_noun {
                return self.resolve_name(body, phrase, (run_start, name_start, run_end));
            }
        }
        // "Democratic lawmakers", "a senior administration official": a
        // group noun heads the phrase (before any "of"), so its words are
        // not one known person's role ("the Democratic governor").
        let before_of = phrase
            .iter()
            .position(|t| matches!(t.text(body), "of" | "for" | "at" | "with" | "from"))
            .unwrap_or(phrase.len());
        let headed_by_group = phrase[..before_of]
            .iter()
            .rev()
            .find(|t| t.is_word())
            .is_some_and(|t| t.has(GROUP) && !t.has(TITLE));
        if headed_by_group {
            return Resolved::group(body, phrase);
        }
        if let Some(idx) = self.by_role(body, phrase) {
            let person = &self.persons[idx];
            return Resolved {
                name: Some(person.name.clone()),
                role: person.role.clone(),
                person: Some(idx),
            };
        }
        Resolved::group(body, phrase)
    }

    fn resolve_name(
        &self,
        body: &str,
        phrase: &[Token],
        (run_start, name_start, run_end): (usize, usize, usize),
    ) -> Resolved {
        let name = name_text(body, phrase, name_start, run_end);
        let position = phrase[name_start].range.start;
        let role_here = role_before(body, phrase, name_start);
        let surname = surname_of(&name);
        let person = self
            .persons
            .iter()
            .position(|p| p.name == name)
            .or_else(|| {
                let honorific = phrase[run_start..name_start]
                    .iter()
                    .map(|t| honorific_gender(t.text(body)))
                    .find(|&g| g != Gender::Unknown)
                    .unwrap_or(Gender::Unknown);
                self.by_surname(&surname, position, honorific)
            });
        match person {
            Some(idx) if self.persons[idx].name.ends_with(&name) || run_end - name_start == 1 => {
                let person = &self.persons[idx];
                Resolved {
                    name: Some(person.name.clone()),
                    role: role_here.or_else(|| person.role.clone()),
                    person: Some(idx),
                }
            }
            _ => Resolved {
                name: Some(name),
                role: role_here,
                person: None,
            },
        }
    }
}

/// Whether the last word of a speaker phrase can be the noun it is about:
/// a title or group word ("host", "officials"), or a plural noun
/// ("prosecutors", "scholars", "attacks"), not a verb or an adverb that a
/// loose phrase ran on into ("Akin rebuffed", "Mr. LePage nevertheless").
fn is_head_noun(body: &str, token: &Token) -> bool {
    let word = token.text(body).to_lowercase();
    token.has(TITLE | GROUP)
        || word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("'s")
            && !word.ends_with("’s")
            && !matches!(
                word.as_str(),
                "says"
                    | "claims"
                    | "does"
                    | "always"
                    | "perhaps"
                    | "thus"
                    | "towards"
                    | "afterwards"
            )
}

/// Whether the name starting at `run_start` follows an agent and "for" or
/// "to" ("a lawyer for", "an aide to"): the one named is spoken for, not
/// speaking (`lexicons/agents.txt`).
fn speaks_for_another(body: &str, phrase: &[Token], run_start: usize) -> bool {
    run_start >= 2
        && matches!(phrase[run_start - 1].text(body), "for" | "to")
        && is_agent(phrase[run_start - 2].text(body))
}

/// A word for someone who speaks for another ("lawyer", "aide").
pub(crate) fn is_agent(word: &str) -> bool {
    static AGENTS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    AGENTS
        .get_or_init(|| lexicon_set(include_str!("../../lexicons/agents.txt")))
        .contains(word.to_lowercase().as_str())
}

/// A title word in lower case with abbreviations spelt out ("Gov." →
/// "governor"), so that "the governor" finds "Gov. Mike Pence".
pub(crate) fn expand_title(word: &str) -> String {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    let expanded = match lower.as_str() {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "pres" => "president",
        "gen" => "general",
        "sec" | "secy" => "secretary",
        "atty" => "attorney",
        "lt" => "lieutenant",
        "col" => "colonel",
        "capt" => "captain",
        "adm" => "admiral",
        "dr" => "doctor",
        "prof" => "professor",
        _ => return lower,
    };
    expanded.to_string()
}

/// A group or institution named by a phrase: the phrase without a leading
/// determiner ("the Kremlin" → "Kremlin", "European officials").
fn group_name(body: &str, phrase: &[Token]) -> String {
    let first = phrase.iter().position(|t| !t.has(DETERMINER)).unwrap_or(0);
    let words = &phrase[first..];
    if words.is_empty() {
        return String::new();
    }
    body[words[0].range.start..words[words.len() - 1].range.end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Title words and capitalised words right before a name: "US Secretary of
/// State" before "Marco Rubio", "U.S. State Department spokeswoman" before
/// "Tammy Bruce". `None` unless the words hold a title.
fn role_before(body: &str, tokens: &[Token], name_start: usize) -> Option<String> {
    let mut start = name_start;
    while start > 0 {
        let token = &tokens[start - 1];
        if !token.is_word() {
            break;
        }
        if token.is_possessive {
            start -= 1;
            break;
        }
        let is_part = token.has(TITLE) || is_name_word(body, token);
        let is_bridge = !token.is_capitalized && matches!(token.text(body), "of" | "for" | "the");
        if !(is_part || is_bridge) {
            break;
        }
        start -= 1;
    }
    while start < name_start && !tokens[start].is_capitalized && !tokens[start].has(TITLE) {
        start += 1;
    }
    let words = &tokens[start..name_start];
    let has_title = words.iter().any(|t| t.has(TITLE));
    (has_title && !words.is_empty()).then(|| span_text(body, words))
}

/// "Tammy Bruce, a State Department spokeswoman," → the apposition.
fn apposition_after(body: &str, tokens: &[Token], run_end: usize) -> Option<String> {
    if tokens.get(run_end)?.kind != Kind::Comma {
        return None;
    }
    let first = tokens.get(run_end + 1)?;
    if !(first.has(DETERMINER) && matches!(first.text(body), "a" | "an" | "the")) {
        return None;
    }
    let end = (run_end + 2..tokens.len().min(run_end + 12))
        .find(|&i| tokens[i].kind != Kind::Word || tokens[i].has(RELATIVE))?;
    if tokens[end].kind != Kind::Comma && tokens[end].kind != Kind::Terminal {
        return None;
    }
    let words = &tokens[run_end + 2..end];
    let has_title = words.iter().any(|t| t.has(TITLE | GROUP));
    (has_title && !words.is_empty()).then(|| span_text(body, words))
}

/// "a member of the Russian delegation, Yuri Ushakov" → the apposition.
fn apposition_before(body: &str, tokens: &[Token], run_start: usize) -> Option<String> {
    if run_start < 3 || tokens[run_start - 1].kind != Kind::Comma {
        return None;
    }
    let end = run_start - 1;
    let start = (end.saturating_sub(10)..end)
        .rev()
        .find(|&i| tokens[i].kind != Kind::Word)
        .map_or(end.saturating_sub(10), |i| i + 1);
    let first = &tokens[start];
    if !(first.has(DETERMINER) && matches!(first.text(body).to_lowercase().as_str(), "a" | "an")) {
        return None;
    }
    let words = &tokens[start + 1..end];
    let has_title = words.iter().any(|t| t.has(TITLE | GROUP));
    (has_title && !words.is_empty()).then(|| span_text(body, words))
}

/// Whether a name starts with a given name of `lexicons/first_names.txt`
/// ("Craig Zadan", not "Academy Awards" or "Indian ISPs").
pub(crate) fn has_known_first_name(name: &str) -> bool {
    first_name_gender(name) != Gender::Unknown
}

/// The gender a person's first name usually signals (`lexicons/first_names.txt`).
fn first_name_gender(name: &str) -> Gender {
    static NAMES: OnceLock<HashMap<&'static str, Gender>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for line in lexicon_lines(include_str!("../../lexicons/first_names.txt")) {
            let mut parts = line.split_whitespace();
            let gender = match parts.next() {
                Some("f") => Gender::Female,
                _ => Gender::Male,
            };
            names.extend(parts.map(|name| (name, gender)));
        }
        names
    });
    let first = name.split(' ').next().unwrap_or("").to_lowercase();
    names
        .get(first.as_str())
        .copied()
        .unwrap_or(Gender::Unknown)
}

/// The gender an honorific says: "Mrs.", "Ms.", "Miss" or "Mr.".
fn honorific_gender(word: &str) -> Gender {
    match word.trim_end_matches('.').to_ascii_lowercase().as_str() {
        "mrs" | "ms" | "miss" => Gender::Female,
        "mr" => Gender::Male,
        _ => Gender::Unknown,
    }
}

fn gender_of(body: &str, tokens: &[Token], run_start: usize, role: Option<&str>) -> Gender {
    let mut words: Vec<String> = role
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    if run_start > 0 {
        words.push(
            tokens[run_start]
                .text(body)
                .trim_end_matches('.')
                .to_lowercase(),
        );
    }
    let genders: Vec<Gender> = words.iter().map(|word| word_gender(word)).collect();
    if genders.contains(&Gender::Female) {
        Gender::Female
    } else if genders.contains(&Gender::Male) {
        Gender::Male
    } else {
        Gender::Unknown
    }
}

/// The gender an honorific or a gendered role word gives ("Mrs", "spokesman").
fn word_gender(word: &str) -> Gender {
    const FEMALE_ROLES: [&str; 6] = [
        "spokeswoman",
        "chairwoman",
        "congresswoman",
        "queen",
        "princess",
        "lady",
    ];
    const MALE_ROLES: [&str; 7] = [
        "spokesman",
        "chairman",
        "congressman",
        "king",
        "prince",
        "sir",
        "lord",
    ];
    match honorific_gender(word) {
        Gender::Unknown if FEMALE_ROLES.contains(&word) => Gender::Female,
        Gender::Unknown if MALE_ROLES.contains(&word) => Gender::Male,
        gender => gender,
    }
}

/// The body text from the first to the last token, whitespace collapsed.
pub fn span_text(body: &str, tokens: &[Token]) -> String {
    let range = Range::new(tokens[0].range.start, tokens[tokens.len() - 1].range.end);
    range
        .text(body)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::is_not_a_speaker;

    #[test]
    fn times_and_shares_are_not_speakers() {
        let never = [
            "weekend",
            "Several hours earlier",
            "the 1.3 percent growth",
            "week ago",
        ];
        let people = ["Barry Rand", "Tim Ryan", "Weekley", "55 percent of voters"];
        assert_eq!(
            never.iter().filter(|n| is_not_a_speaker(n)).count(),
            never.len()
        );
        assert!(people.iter().all(|n| !is_not_a_speaker(n)));
    }
}
