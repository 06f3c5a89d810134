//! Run: what the commands need besides the pipelines in `lib.rs`.
//!
//! Each command's config (inputs, output folder or writer), the observer
//! that hears about progress and unreadable inputs, the summary of what was
//! read, and the steps the pipelines share: the first pass of a streaming
//! `compare` (read, extract, park in the spill), reading articles back, one
//! event compared on its own, a chunk's extract lines, one article for
//! `diff`, a claim given on the command line.

use crate::extract::NameRegistry;
use crate::model::{Article, DivergenceType, InputError};
use crate::{extract_each, ingest, render};
use rayon::prelude::*;
use std::path::PathBuf;

/// What `parallax compare` needs.
#[derive(Debug, Clone)]
pub struct CompareConfig {
    pub inputs: Vec<String>,
    pub out_dir: PathBuf,
    /// Divergences below this confidence are left off the pages (the data keep them).
    pub min_confidence: f64,
    /// `report.json`, or JSONL files for batch runs.
    pub format: render::DataFormat,
}

/// What `parallax extract` needs.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    pub inputs: Vec<String>,
    /// Print each article's body (`article.text`) as well.
    pub with_text: bool,
    /// Articles read, extracted and written at a time.
    pub chunk_size: usize,
}

/// How much a run read: every input record is an article or an error, so
/// `n_read` = `n_articles` + input errors; `n_errors` also counts articles
/// whose extraction failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    /// Articles and unreadable inputs (files, lines, array elements).
    pub n_read: usize,
    pub n_articles: usize,
    pub n_errors: usize,
}

impl Summary {
    /// Articles that went through the whole run.
    pub fn n_processed(&self) -> usize {
        self.n_read - self.n_errors
    }
}

/// Hears what a run does as it goes, e.g. to show progress.
pub trait Observer {
    /// `n_articles` have been read (and, for `extract`, written) so far.
    fn progress(&mut self, n_articles: usize) {
        let _ = n_articles;
    }
    /// An input could not be read.
    fn input_error(&mut self, error: &InputError) {
        let _ = error;
    }
}

/// An observer that ignores everything.
pub struct Quiet;

impl Observer for Quiet {}

/// Sets the number of worker threads for the whole process (0 = one per CPU).
/// Call it once, before any run.
pub fn set_threads(n_threads: usize) -> anyhow::Result<()> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n_threads)
        .build_global()?;
    Ok(())
}

/// Articles read and extracted at a time in the first pass of a streaming `compare`.
pub(crate) const COMPARE_CHUNK_ARTICLES: usize = 1024;
/// Events aligned, scored and written at a time.
pub(crate) const COMPARE_CHUNK_EVENTS: usize = 256;

/// What the first pass of a streaming `compare` keeps.
pub(crate) struct FirstPass {
    pub(crate) summary: Summary,
    /// Where each article sits in the spill file, in run order.
    pub(crate) records: Vec<ingest::SpillRecord>,
    pub(crate) features: crate::align::EventFeatures,
    pub(crate) names: NameRegistry,
    pub(crate) input_errors: Vec<InputError>,
    pub(crate) extraction_errors: Vec<InputError>,
}

pub(crate) fn first_pass(
    config: &CompareConfig,
    spill: &mut ingest::Spill,
    observer: &mut dyn Observer,
) -> anyhow::Result<FirstPass> {
    let mut pass = FirstPass {
        summary: Summary::default(),
        records: Vec::new(),
        features: crate::align::EventFeatures::default(),
        names: NameRegistry::default(),
        input_errors: Vec::new(),
        extraction_errors: Vec::new(),
    };
    for chunk in ingest::stream(&config.inputs, COMPARE_CHUNK_ARTICLES) {
        let (articles, errors) = split(chunk);
        for error in &errors {
            observer.input_error(error);
        }
        let ((extractions, failed), ()) =
            rayon::join(|| extract_each(&articles), || pass.features.add(&articles));
        pass.names.observe(&extractions);
        for (article, extraction) in articles.iter().zip(&extractions) {
            pass.records.push(spill.append(article, extraction)?);
        }
        pass.summary.n_read += articles.len() + errors.len();
        pass.summary.n_articles += articles.len();
        pass.summary.n_errors += errors.len();
        pass.input_errors.extend(errors);
        pass.extraction_errors.extend(failed);
        observer.progress(pass.summary.n_articles);
    }
    // Articles whose extraction failed are reported after the inputs.
    for error in &pass.extraction_errors {
        observer.input_error(error);
    }
    Ok(pass)
}

/// Articles and extractions read back from the spill, names canonical.
pub(crate) fn read_back(
    spill: &ingest::Spill,
    names: &NameRegistry,
    records: &[ingest::SpillRecord],
) -> anyhow::Result<(Vec<Article>, Vec<crate::model::Extraction>)> {
    let pairs = records
        .par_iter()
        .map(|&record| {
            let (article, mut extraction) = spill.read(record)?;
            names.apply_observed(&mut extraction);
            Ok((article, extraction))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(pairs.into_iter().unzip())
}

/// One event of a streaming `compare`, aligned and scored over its own articles.
pub(crate) fn compare_event(
    spill: &ingest::Spill,
    names: &NameRegistry,
    records: &[ingest::SpillRecord],
    group: &[usize],
) -> anyhow::Result<render::EventOutput> {
    let mut articles = Vec::with_capacity(group.len());
    let mut extractions = Vec::with_capacity(group.len());
    for &article_idx in group {
        let (article, mut extraction) = spill.read(records[article_idx])?;
        names.apply_observed(&mut extraction);
        articles.push(article);
        extractions.push(extraction);
    }
    let event = crate::align::one_event(&articles, &extractions, (0..group.len()).collect());
    let scored = crate::score::score(&articles, &extractions, vec![event])
        .pop()
        .expect("one event in, one event out");
    Ok(render::EventOutput {
        report: crate::model::Report {
            articles,
            extractions,
            events: Vec::new(),
            errors: Vec::new(),
        },
        scored,
        run_article_idxs: group.to_vec(),
    })
}

pub(crate) fn split(chunk: Vec<Result<Article, InputError>>) -> (Vec<Article>, Vec<InputError>) {
    let mut articles = Vec::with_capacity(chunk.len());
    let mut errors = Vec::new();
    for record in chunk {
        match record {
            Ok(article) => articles.push(article),
            Err(error) => errors.push(error),
        }
    }
    (articles, errors)
}

/// The extract lines of a chunk, each ending with a line break, and the
/// articles whose extraction failed.
pub(crate) fn extract_lines(
    articles: &[Article],
    names: &mut NameRegistry,
    with_text: bool,
) -> (Vec<u8>, Vec<InputError>) {
    let (mut extractions, failed) = extract_each(articles);
    names.observe(&extractions);
    names.apply(&mut extractions);
    // Lines are written a few dozen to a buffer, each buffer by one thread.
    const LINES_PER_PART: usize = 64;
    let parts: Vec<Vec<u8>> = articles
        .par_chunks(LINES_PER_PART)
        .zip(extractions.par_chunks(LINES_PER_PART))
        .map(|(articles, extractions)| {
            let mut part = Vec::new();
            for (article, extraction) in articles.iter().zip(extractions) {
                render::write_extract_line(&mut part, article, extraction, with_text)
                    .expect("writing to memory cannot fail");
                part.push(b'\n');
            }
            part
        })
        .collect();
    (parts.concat(), failed)
}

/// What `parallax diff` needs.
#[derive(Debug, Clone)]
pub struct DiffConfig {
    /// The two inputs: the editor's copy (A) and the wire story (B).
    pub inputs: [String; 2],
    /// One JSON document instead of text blocks.
    pub json: bool,
    /// Mark the differing words with colour rather than `[-…-]{+…+}`.
    pub color: bool,
    pub min_confidence: f64,
    pub min_severity: f64,
    /// Only these types; all when empty.
    pub only: Vec<DivergenceType>,
}

/// The one article of an input; an error when it holds none, several, or
/// cannot be read.
pub(crate) fn one_article(input: &str) -> anyhow::Result<Article> {
    let (mut articles, errors) = ingest::load(&[input.to_string()]);
    if let Some(error) = errors.first() {
        anyhow::bail!("{}: {}", error.source, error.message);
    }
    match articles.len() {
        1 => Ok(articles.remove(0)),
        0 => anyhow::bail!("{input}: no article could be read"),
        n => anyhow::bail!("{input}: holds {n} articles; diff compares one article with one"),
    }
}

/// Where `parallax check` takes its claims from.
#[derive(Debug, Clone)]
pub enum ClaimSource {
    /// One claim given on the command line (its id is `claim`).
    Text(String),
    /// A JSONL file of `{"id", "claim", "articles"}` lines.
    File(PathBuf),
}

/// What `parallax check` needs.
#[derive(Debug, Clone)]
pub struct CheckConfig {
    pub inputs: Vec<String>,
    pub claims: ClaimSource,
    /// Add each pair's feature values to its line (for training scripts).
    pub with_features: bool,
}

/// Claims checked, and their lines written, at a time.
pub(crate) const CHECK_CHUNK_CLAIMS: usize = 64;

pub(crate) fn single_claim(text: &str) -> crate::model::Claim {
    crate::model::Claim {
        id: "claim".to_string(),
        text: text.to_string(),
        articles: None,
    }
}
