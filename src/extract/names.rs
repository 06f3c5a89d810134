//! Names: one canonical name per person across a whole run.
//!
//! Takes the extractions of many articles; rewrites each speaker name to its
//! canonical form. Full names that share a surname and a compatible first
//! name are one person ("Marco Rubio", "Marco A. Rubio"); surnames a letter
//! apart with the same first initial are one person spelt two ways
//! ("Steve Witkoff" / "Steve Whitkoff", Jaro-Winkler ≥ 0.9); a bare surname
//! takes the full name when exactly one person in the run has it. Names that
//! end in an organisation's head word ("Cato Institute", "White House") are
//! left as written: "Institute" said alone is not the Cato Institute. Two people
//! sharing a surname stay apart when their first names differ. The registry
//! can be fed chunk by chunk (streaming); a canonical name, once given, never
//! changes, so earlier output stays valid.

use crate::model::Extraction;
use crate::text::lexicon::lexicon_lines;
use crate::text::word_classes::{flags, GROUP};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

/// How many times as often as any other holder a person must be named for
/// a bare surname to mean them.
const DOMINANCE: usize = 3;
/// Jaro-Winkler similarity above which two surnames are one name misspelt.
const SURNAME_SIMILARITY: f64 = 0.9;

#[derive(Debug, Clone, Default)]
struct Cluster {
    /// Full names seen, with how often.
    spellings: BTreeMap<String, usize>,
    canonical: Option<String>,
}

/// Canonical names known so far in a run.
#[derive(Debug, Clone, Default)]
pub struct NameRegistry {
    clusters: Vec<Cluster>,
    /// Lower-case surname → clusters holding it.
    by_surname: BTreeMap<String, Vec<usize>>,
    /// (first letter, length in chars) → surnames, so that a misspelt
    /// surname is compared only with surnames that could be one edit away.
    by_shape: BTreeMap<(char, usize), Vec<String>>,
}

fn shape(surname: &str) -> (char, usize) {
    (
        surname.chars().next().unwrap_or(' '),
        surname.chars().count(),
    )
}

/// Canonicalizes every speaker name of a whole set of extractions at once.
pub fn canonicalize(extractions: &mut [Extraction]) {
    let mut registry = NameRegistry::default();
    registry.observe(extractions);
    registry.apply(extractions);
}

/// Splits a name into (lower-case first name, lower-case surname), a
/// suffix such as "Jr." kept with the surname ("trump jr"); `None` for
/// one-word names.
fn parts(name: &str) -> Option<(String, String)> {
    let mut words: Vec<&str> = name.split(' ').collect();
    let mut suffix = String::new();
    while words.len() > 2 {
        let last = words
            .last()
            .map(|w| w.trim_end_matches('.').to_ascii_lowercase());
        match last.as_deref() {
            Some(word @ ("jr" | "sr" | "ii" | "iii" | "iv")) => {
                suffix = format!(" {word}{suffix}");
                words.pop();
            }
            _ => break,
        }
    }
    if words.len() < 2
        || !words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
    {
        return None;
    }
    let last = words[words.len() - 1].to_lowercase();
    if is_organisation_head(&last) {
        return None;
    }
    // "Donald Trump Jr." is another person than "Donald Trump": the suffix
    // stays part of the surname key.
    Some((words[0].to_lowercase(), format!("{last}{suffix}")))
}

/// The last word of an organisation's name ("Institute", "House",
/// "Committee"): such a name is no first name and surname, and its last
/// word alone names no one in particular.
pub(crate) fn is_organisation_head(lower_word: &str) -> bool {
    static HEADS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let heads = HEADS.get_or_init(|| {
        lexicon_lines(include_str!("../../lexicons/organisation_heads.txt")).collect()
    });
    flags(lower_word) & GROUP != 0 || heads.contains(lower_word)
}

/// Two first names that can be one person's: the same, an initial of the
/// other, or a full name and its short form ("timothy" / "tim", "richard" /
/// "dick": `lexicons/nicknames.txt`).
fn first_names_agree(a: &str, b: &str) -> bool {
    let a = a.trim_end_matches('.');
    let b = b.trim_end_matches('.');
    a == b
        || (a.len() == 1 || b.len() == 1) && a.chars().next() == b.chars().next()
        || full_names(a).any(|full| full_names(b).any(|other| other == full))
}

/// The full given names `name` is, or is a short form of.
fn full_names(name: &str) -> impl Iterator<Item = &'static str> + '_ {
    static FORMS: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let forms = FORMS.get_or_init(|| {
        lexicon_lines(include_str!("../../lexicons/nicknames.txt"))
            .map(|line| line.split_whitespace().collect())
            .collect()
    });
    forms
        .iter()
        .filter(move |line| line.contains(&name))
        .map(|line| line[0])
}

impl NameRegistry {
    /// Registers the full names spoken in `extractions`.
    pub fn observe(&mut self, extractions: &[Extraction]) {
        for extraction in extractions {
            for statement in &extraction.statements {
                if let Some(name) = &statement.speaker.name {
                    self.add(name);
                }
            }
        }
    }

    fn add(&mut self, name: &str) {
        let Some((first, surname)) = parts(name) else {
            return;
        };
        let idx = self.find(&first, &surname).unwrap_or_else(|| {
            self.clusters.push(Cluster::default());
            self.clusters.len() - 1
        });
        *self.clusters[idx]
            .spellings
            .entry(name.to_string())
            .or_default() += 1;
        if !self.by_surname.contains_key(&surname) {
            self.by_shape
                .entry(shape(&surname))
                .or_default()
                .push(surname.clone());
        }
        let holders = self.by_surname.entry(surname).or_default();
        if !holders.contains(&idx) {
            holders.push(idx);
        }
    }

    /// The cluster of a person with this first name and surname, allowing a
    /// misspelt surname.
    fn find(&self, first: &str, surname: &str) -> Option<usize> {
        let agrees = |idx: &usize| {
            self.clusters[*idx]
                .spellings
                .keys()
                .filter_map(|name| parts(name))
                .any(|(f, _)| first_names_agree(&f, first))
        };
        if let Some(idx) = self
            .by_surname
            .get(surname)
            .and_then(|c| c.iter().copied().find(agrees))
        {
            return Some(idx);
        }
        let (first_letter, length) = shape(surname);
        (length.saturating_sub(1)..=length + 1)
            .filter_map(|len| self.by_shape.get(&(first_letter, len)))
            .flatten()
            .filter(|other| strsim::jaro_winkler(other, surname) >= SURNAME_SIMILARITY)
            .flat_map(|other| self.by_surname[other].iter().copied())
            .find(|idx| {
                self.clusters[*idx]
                    .spellings
                    .keys()
                    .filter_map(|name| parts(name))
                    .any(|(f, _)| f == first)
            })
    }

    /// The canonical form of `name`, fixing the cluster's name on first use.
    pub fn canonical(&mut self, name: &str) -> Option<String> {
        let idx = match parts(name) {
            Some((first, surname)) => self.find(&first, &surname)?,
            None => {
                let holders = self.by_surname.get(&name.to_lowercase())?;
                self.dominant(holders)?
            }
        };
        let cluster = &mut self.clusters[idx];
        let canonical = cluster
            .canonical
            .get_or_insert_with(|| most_common(&cluster.spellings));
        Some(canonical.clone())
    }

    /// The one holder of a bare surname, or the holder named at least
    /// `DOMINANCE` times as often as every other ("Obama" is Barack Obama in
    /// a run that names Michelle Obama once); `None` when none stands out.
    fn dominant(&self, holders: &[usize]) -> Option<usize> {
        let mentions = |idx: usize| self.clusters[idx].spellings.values().sum::<usize>();
        let mut counted: Vec<(usize, usize)> =
            holders.iter().map(|&idx| (mentions(idx), idx)).collect();
        counted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        match counted.as_slice() {
            [(_, only)] => Some(*only),
            [(first, idx), (second, _), ..] if *first >= DOMINANCE * *second => Some(*idx),
            _ => None,
        }
    }

    /// Rewrites every speaker name of one extraction to its canonical form
    /// without remembering it: for a registry that has observed the whole
    /// run, shared by threads, this gives what `apply` gives.
    pub fn apply_observed(&self, extraction: &mut Extraction) {
        for statement in &mut extraction.statements {
            let Some(name) = &statement.speaker.name else {
                continue;
            };
            let idx = match parts(name) {
                Some((first, surname)) => self.find(&first, &surname),
                None => self
                    .by_surname
                    .get(&name.to_lowercase())
                    .and_then(|holders| self.dominant(holders)),
            };
            if let Some(idx) = idx {
                let cluster = &self.clusters[idx];
                let canonical = cluster
                    .canonical
                    .clone()
                    .unwrap_or_else(|| most_common(&cluster.spellings));
                statement.speaker.name = Some(canonical);
            }
        }
    }

    /// Rewrites every speaker name in `extractions` to its canonical form.
    pub fn apply(&mut self, extractions: &mut [Extraction]) {
        for extraction in extractions.iter_mut() {
            for statement in &mut extraction.statements {
                if let Some(name) = &statement.speaker.name {
                    if let Some(canonical) = self.canonical(name) {
                        statement.speaker.name = Some(canonical);
                    }
                }
            }
        }
    }
}

/// The most frequent spelling; ties go to the longer, then the smaller.
fn most_common(spellings: &BTreeMap<String, usize>) -> String {
    spellings
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(name, _)| name.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(seen: &[&str], asked: &str, expected: Option<&str>) {
        let mut registry = NameRegistry::default();
        for name in seen {
            registry.add(name);
        }
        assert_eq!(registry.canonical(asked).as_deref(), expected);
    }

    #[test]
    fn surname_takes_the_full_name() {
        check(&["Marco Rubio"], "Rubio", Some("Marco Rubio"));
    }

    #[test]
    fn an_organisation_head_alone_is_not_the_organisation() {
        check(&["Cato Institute"], "Institute", None);
        check(&["White House"], "House", None);
        check(&["Cato Institute"], "Cato Institute", None);
    }

    #[test]
    fn misspelt_surname_is_the_same_person() {
        check(
            &["Steve Witkoff", "Steve Witkoff", "Steve Whitkoff"],
            "Steve Whitkoff",
            Some("Steve Witkoff"),
        );
    }

    #[test]
    fn a_short_first_name_is_the_same_person() {
        check(
            &["Richard J. Durbin", "Richard J. Durbin", "Dick Durbin"],
            "Dick Durbin",
            Some("Richard J. Durbin"),
        );
        check(
            &["Timothy Murray", "Tim Murray", "Tim Murray"],
            "Timothy Murray",
            Some("Tim Murray"),
        );
        check(
            &["Hillary Clinton", "Bill Clinton", "William Clinton"],
            "Hillary Clinton",
            Some("Hillary Clinton"),
        );
    }

    #[test]
    fn same_surname_different_first_names_stay_apart() {
        check(
            &["Hillary Clinton", "Bill Clinton"],
            "Bill Clinton",
            Some("Bill Clinton"),
        );
        check(&["Hillary Clinton", "Bill Clinton"], "Clinton", None);
    }

    #[test]
    fn junior_is_another_person() {
        check(
            &["Donald Trump", "Donald Trump Jr."],
            "Donald Trump Jr.",
            Some("Donald Trump Jr."),
        );
        check(
            &["Donald Trump", "Donald Trump Jr."],
            "Donald J. Trump",
            Some("Donald Trump"),
        );
    }

    #[test]
    fn bare_surname_takes_the_person_named_most_often() {
        check(
            &[
                "Barack Obama",
                "Barack Obama",
                "Barack Obama",
                "Michelle Obama",
            ],
            "Obama",
            Some("Barack Obama"),
        );
        check(
            &["Barack Obama", "Barack Obama", "Michelle Obama"],
            "Obama",
            None,
        );
    }

    #[test]
    fn initial_agrees_with_first_name() {
        check(
            &["Marco Rubio", "M. Rubio"],
            "M. Rubio",
            Some("Marco Rubio"),
        );
    }
}
