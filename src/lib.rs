//! parallax: compare how news outlets report the same event.
//!
//! The pipeline, one module per stage:
//! `ingest` (files → articles) → `segment` (body → paragraphs and sentences)
//! → `extract` (who said what, framing, cites) → `align` (events and aligned
//! statements across outlets) → `score` (divergences) → `render` (JSON, HTML).
//! Only `ingest` and `render` touch the file system; the middle is pure.
//! Below the stages, `text` holds the word-level utilities they share
//! (tokens, stems, stopwords, number words, lexicon loading).
//!
//! Each command's pipeline is here, from the inputs read to the output
//! written: `run_compare` (`compare` with every article in memory, giving a
//! `Report`, or `compare_streaming` for batch runs: bounded memory, JSONL
//! and pages written event by event), `run_extract` (streams chunk by
//! chunk), `run_diff` (two articles as one event) and `run_check` (claims
//! against articles). `run` holds the commands' configs, the observer that
//! reports progress, and the steps these pipelines share.

pub mod align;
pub mod check;
pub mod distributed;
pub mod extract;
pub mod framing;
pub mod ingest;
pub mod language;
pub mod model;
pub mod render;
pub mod run;
pub mod score;
pub mod segment;
pub mod text;

use extract::NameRegistry;
use model::{Article, Extraction, InputError, Report, ScoredEvent};
use rayon::prelude::*;
use run::{CheckConfig, ClaimSource, CompareConfig, DiffConfig, ExtractConfig, Observer, Summary};
use std::io::Write;

/// Extracts every article in parallel, then gives speakers canonical names
/// across the whole set. Output order follows input order. An article whose
/// extraction fails keeps an empty extraction and gets an error.
pub fn extract_all(articles: &[Article]) -> (Vec<Extraction>, Vec<InputError>) {
    let (mut extractions, errors) = extract_each(articles);
    extract::canonicalize(&mut extractions);
    (extractions, errors)
}

/// Extracts every article in parallel, names as each article gives them.
/// A failure inside one article (a bug, never an expected outcome) is
/// contained: that article gets an empty extraction and an error, and a
/// batch of millions goes on.
pub fn extract_each(articles: &[Article]) -> (Vec<Extraction>, Vec<InputError>) {
    let results: Vec<Result<Extraction, InputError>> =
        articles.par_iter().map(extract_contained).collect();
    let mut errors = Vec::new();
    let extractions = results
        .into_iter()
        .map(|result| {
            result.unwrap_or_else(|error| {
                errors.push(error);
                Extraction::default()
            })
        })
        .collect();
    (extractions, errors)
}

fn extract_contained(article: &Article) -> Result<Extraction, InputError> {
    // Rules written for English would make garbage of another language.
    if language::unsupported_language(&article.body).is_some() {
        return Ok(Extraction::default());
    }
    let run = || extract::extract(article, &segment::segment(&article.body));
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).map_err(|panic| {
        let detail = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        InputError {
            source: article.source.clone(),
            message: format!("extraction failed on article {}: {detail}", article.id),
        }
    })
}

/// The whole `compare` pipeline over articles already read.
pub fn compare(articles: Vec<Article>, mut errors: Vec<InputError>) -> Report {
    let (extractions, extraction_errors) = extract_all(&articles);
    errors.extend(extraction_errors);
    let events = align::events(&articles, &extractions);
    let events = score::score(&articles, &extractions, events);
    Report {
        articles,
        extractions,
        events,
        errors,
    }
}

/// `compare` with memory bounded by the largest event plus a compact record
/// per article, writing the JSONL data and the pages. A first pass reads
/// and extracts the inputs chunk by chunk, parks each article with its
/// extraction in a temporary file in `out_dir`, and keeps what clustering
/// needs (`EventFeatures`) and the speaker names (`NameRegistry`). Then the
/// events are formed, `articles.jsonl` is written with names canonical over
/// the run, and the events are aligned, scored and written a batch at a
/// time, each batch in parallel and written in event order. Gives the same
/// bytes as the whole-run path (`compare` then `render::write`).
pub fn compare_streaming(
    config: &run::CompareConfig,
    observer: &mut dyn run::Observer,
) -> anyhow::Result<run::Summary> {
    let mut spill = ingest::Spill::create(&config.out_dir)?;
    let first = run::first_pass(config, &mut spill, observer)?;
    let mut summary = first.summary;
    if summary.n_articles == 0 {
        return Ok(summary);
    }
    spill.finish_writing()?;
    let groups = first.features.groups();
    drop(first.features);
    let mut writer = render::JsonlWriter::create(&config.out_dir, config.min_confidence)?;
    for records in first.records.chunks(run::COMPARE_CHUNK_ARTICLES) {
        let (articles, extractions) = run::read_back(&spill, &first.names, records)?;
        writer.articles(&articles, &extractions)?;
    }
    for batch in groups.chunks(run::COMPARE_CHUNK_EVENTS) {
        let outputs = batch
            .par_iter()
            .map(|group| run::compare_event(&spill, &first.names, &first.records, group))
            .collect::<anyhow::Result<Vec<_>>>()?;
        writer.events(&outputs)?;
    }
    let mut errors = first.input_errors;
    errors.extend(first.extraction_errors);
    summary.n_errors = errors.len();
    writer.finish(&errors)?;
    Ok(summary)
}

/// The whole `diff` pipeline: two articles the user says tell one story,
/// compared as one event whatever their similarity. Gives their extractions
/// (names canonical across the two) and the scored event.
pub fn diff(articles: &[Article]) -> (Vec<Extraction>, ScoredEvent, Vec<InputError>) {
    let (extractions, errors) = extract_all(articles);
    let event = align::one_event(articles, &extractions, (0..articles.len()).collect());
    let scored = score::score(articles, &extractions, vec![event])
        .pop()
        .expect("one event in, one event out");
    (extractions, scored, errors)
}

// Each command end to end: inputs read, the pipeline above, output written.

/// Reads every input, compares the articles and writes the report into
/// `out_dir`. Writes nothing when no article could be read. JSONL output
/// is streamed (`compare_streaming`); `report.json` is built whole.
pub fn run_compare(config: &CompareConfig, observer: &mut dyn Observer) -> anyhow::Result<Summary> {
    if config.format == render::DataFormat::Jsonl {
        return compare_streaming(config, observer);
    }
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for chunk in ingest::stream(&config.inputs, 1024) {
        for record in chunk {
            match record {
                Ok(article) => articles.push(article),
                Err(error) => {
                    observer.input_error(&error);
                    errors.push(error);
                }
            }
        }
        observer.progress(articles.len());
    }
    let mut summary = Summary {
        n_read: articles.len() + errors.len(),
        n_articles: articles.len(),
        n_errors: errors.len(),
    };
    if !articles.is_empty() {
        let report = compare(articles, errors);
        // Articles whose extraction failed are reported after the inputs.
        for error in &report.errors[summary.n_errors..] {
            observer.input_error(error);
        }
        summary.n_errors = report.errors.len();
        let options = render::WriteOptions {
            format: config.format,
            min_confidence: config.min_confidence,
        };
        render::write(&config.out_dir, &report, &options)?;
    }
    Ok(summary)
}

/// Reads the inputs chunk by chunk and writes one JSON line per article to
/// `out`, in input order. Three things overlap: reading the next chunk,
/// extracting this one on every core, and writing the one before.
pub fn run_extract(
    config: &ExtractConfig,
    out: &mut (dyn Write + Send),
    observer: &mut dyn Observer,
) -> anyhow::Result<Summary> {
    let mut chunks = ingest::stream(&config.inputs, config.chunk_size);
    let mut summary = Summary::default();
    // Canonical names hold across the whole run, not just one chunk.
    let mut names = NameRegistry::default();
    let mut pending: Vec<u8> = Vec::new();
    let mut next = chunks.next();
    while let Some(chunk) = next {
        let (articles, errors) = run::split(chunk);
        let previous = std::mem::take(&mut pending);
        let (((lines, failed), following), written) = rayon::join(
            || {
                rayon::join(
                    || run::extract_lines(&articles, &mut names, config.with_text),
                    || chunks.next(),
                )
            },
            || out.write_all(&previous),
        );
        written?;
        for error in errors.iter().chain(&failed) {
            observer.input_error(error);
        }
        summary.n_read += articles.len() + errors.len();
        summary.n_articles += articles.len();
        summary.n_errors += errors.len() + failed.len();
        observer.progress(summary.n_articles);
        pending = lines;
        next = following;
    }
    out.write_all(&pending)?;
    out.flush()?;
    Ok(summary)
}

/// Reads the two inputs (one article each), compares them as one event and
/// writes the findings that pass the thresholds to `out`, most severe
/// first. Gives how many were written; an input that cannot be read, or
/// that holds other than one article, is an error naming it.
pub fn run_diff(config: &DiffConfig, out: &mut dyn Write) -> anyhow::Result<usize> {
    let mut articles = Vec::with_capacity(2);
    for input in &config.inputs {
        articles.push(run::one_article(input)?);
    }
    let (_, scored, errors) = diff(&articles);
    if let Some(error) = errors.first() {
        anyhow::bail!("{}: {}", error.source, error.message);
    }
    let mut shown: Vec<&crate::model::Divergence> = scored
        .divergences
        .iter()
        .filter(|d| d.confidence >= config.min_confidence && d.severity >= config.min_severity)
        .filter(|d| config.only.is_empty() || config.only.contains(&d.kind))
        .collect();
    shown.sort_by(|a, b| {
        b.severity
            .total_cmp(&a.severity)
            .then(b.confidence.total_cmp(&a.confidence))
            .then(a.spans.cmp(&b.spans))
            .then(a.kind.cmp(&b.kind))
    });
    let sides = [0, 1].map(|idx| render::DiffSide {
        article: &articles[idx],
        name: &config.inputs[idx],
    });
    let text = if config.json {
        render::diff_json(&sides, &shown)
    } else {
        render::diff_text(&sides, &shown, config.color)
    };
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(shown.len())
}

/// Reads the claims and the articles, checks every claim against its
/// articles and writes one JSON line per (claim, article) pair to `out`, in
/// claim order, chunk by chunk as they are checked. A claim file that
/// cannot be read at all is an error; a bad line, an unreadable article or
/// an article id no article has is reported and counted.
pub fn run_check(
    config: &CheckConfig,
    out: &mut (dyn Write + Send),
    observer: &mut dyn Observer,
) -> anyhow::Result<Summary> {
    let (claims, claim_errors) = match &config.claims {
        ClaimSource::Text(text) => (vec![run::single_claim(text)], Vec::new()),
        ClaimSource::File(path) => ingest::load_claims(path)?,
    };
    let (articles, mut errors) = ingest::load(&config.inputs);
    errors.extend(claim_errors);
    let (extractions, failed) = extract_all(&articles);
    errors.extend(failed);
    for (claim_idx, id) in crate::check::unknown_articles(&claims, &articles) {
        errors.push(InputError {
            source: format!("claim {}", claims[claim_idx].id),
            message: format!("no article has the id {id}"),
        });
    }
    for error in &errors {
        observer.input_error(error);
    }
    let summary = Summary {
        n_read: articles.len() + errors.len(),
        n_articles: articles.len(),
        n_errors: errors.len(),
    };
    if articles.is_empty() {
        return Ok(summary);
    }
    let prepared = crate::check::Prepared::new(&claims, &articles, &extractions);
    let features = config.with_features.then(crate::check::feature_names);
    for first in (0..prepared.n_claims()).step_by(run::CHECK_CHUNK_CLAIMS) {
        let last = (first + run::CHECK_CHUNK_CLAIMS).min(prepared.n_claims());
        let lines: Vec<String> = (first..last)
            .into_par_iter()
            .map(|claim_idx| {
                let mut text = String::new();
                for line in prepared.check_claim(claim_idx) {
                    let article = &articles[line.article_idx];
                    text.push_str(&render::stance_line(
                        &line,
                        &claims[claim_idx],
                        article,
                        features,
                    ));
                    text.push('\n');
                }
                text
            })
            .collect();
        for text in &lines {
            out.write_all(text.as_bytes())?;
        }
    }
    out.flush()?;
    Ok(summary)
}
