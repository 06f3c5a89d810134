//! Python bindings: takes JSON text of article objects from the Python
//! wrapper (`parallax/__init__.py`); gives JSON text of the contract's
//! objects, which the wrapper turns into dicts. The work runs with the GIL
//! released, on every core, exactly as the command line runs it.
//!
//! Below them, the pieces the Spark job (`parallax/spark.py`) runs in its
//! executors: reading JSONL lines, an article's terms and speaker names,
//! records and similarities for event clustering, the merging inside one
//! group, canonical names and the comparison of one event. They take and
//! give plain tuples and lists, so that floats cross exactly.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use std::collections::HashMap;

use parallax::align::distributed::{self, ArticleRecord, TermStats};
use parallax::ingest;
use parallax::model::{Article, InputError};

/// Articles from a JSON array of article objects; a bad element is an
/// error naming it (`articles#2: invalid article: missing field text`).
fn articles(articles_json: &str) -> PyResult<(Vec<Article>, Vec<InputError>)> {
    let (articles, errors) = ingest::from_json(articles_json.as_bytes(), "articles");
    Ok((articles, errors))
}

fn raise_first(errors: &[InputError]) -> PyResult<()> {
    match errors.first() {
        Some(error) => Err(PyValueError::new_err(format!(
            "{}: {}",
            error.source, error.message
        ))),
        None => Ok(()),
    }
}

/// One contract extract object per article, as a JSON array.
#[pyfunction]
fn extract(py: Python<'_>, articles_json: &str, with_text: bool) -> PyResult<String> {
    let (articles, errors) = articles(articles_json)?;
    raise_first(&errors)?;
    let lines = py.detach(|| {
        let (extractions, failed) = parallax::extract_all(&articles);
        let lines: Vec<String> = articles
            .iter()
            .zip(&extractions)
            .map(|(article, extraction)| {
                parallax::render::extract_line(article, extraction, with_text)
            })
            .collect();
        (lines, failed)
    });
    raise_first(&lines.1)?;
    Ok(format!("[{}]", lines.0.join(",")))
}

/// The contract's report for the articles, as JSON; elements that cannot
/// be read are listed in its `errors`.
#[pyfunction]
fn compare(py: Python<'_>, articles_json: &str) -> PyResult<String> {
    let (articles, errors) = articles(articles_json)?;
    Ok(py.detach(|| {
        let report = parallax::compare(articles, errors);
        parallax::render::report_json(&report)
    }))
}

// ---------------------------------------------------------------- pieces for the Spark job
//
// Articles travel between the job's stages as tuples of their fields:
// (id, outlet, title, published, url, source, text, text_is_derived).

type ArticleRow = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    bool,
);

fn from_row(row: ArticleRow) -> Article {
    let (id, outlet, title, published, url, source, body, body_is_derived) = row;
    Article {
        id,
        outlet,
        title,
        published,
        url,
        source,
        body,
        body_is_derived,
        lines_before_body: 0,
    }
}

fn to_row(article: Article) -> ArticleRow {
    (
        article.id,
        article.outlet,
        article.title,
        article.published,
        article.url,
        article.source,
        article.body,
        article.body_is_derived,
    )
}

/// A record as a tuple: (day, outlet, stem ids, stem weights, entity ids,
/// entity weights).
type RecordRow = (
    Option<i64>,
    Option<String>,
    Vec<u32>,
    Vec<f64>,
    Vec<u32>,
    Vec<f64>,
);

fn record_from_row(row: RecordRow) -> ArticleRecord {
    let (day, outlet, stem_ids, stem_weights, entity_ids, entity_weights) = row;
    ArticleRecord {
        day,
        outlet,
        stems: stem_ids.into_iter().zip(stem_weights).collect(),
        entities: entity_ids.into_iter().zip(entity_weights).collect(),
    }
}

/// The label and stem a run gives the lines of a JSONL file, or `None`.
#[pyfunction]
fn jsonl_names(path: &str) -> Option<(String, String)> {
    ingest::jsonl_names(path)
}

/// JSONL lines `(line, label, stem, line_no)` read as a run reads them:
/// for each, `(article row, None)` or `(None, (source, message))`.
#[pyfunction]
#[allow(clippy::type_complexity)] // the tuples are the Python side's rows
fn read_jsonl_lines(
    py: Python<'_>,
    lines: Vec<(Bound<'_, PyBytes>, String, String, usize)>,
) -> Vec<(Option<ArticleRow>, Option<(String, String)>)> {
    let lines: Vec<(Vec<u8>, String, String, usize)> = lines
        .into_iter()
        .map(|(line, label, stem, line_no)| (line.as_bytes().to_vec(), label, stem, line_no))
        .collect();
    py.detach(|| {
        lines
            .into_iter()
            .map(|(line, label, stem, line_no)| {
                match ingest::from_json_line(&line, &label, &stem, line_no) {
                    Ok(article) => (Some(to_row(article)), None),
                    Err(error) => (None, Some((error.source, error.message))),
                }
            })
            .collect()
    })
}

/// An `errors.jsonl` line (no line break) for an input that could not be read.
#[pyfunction]
fn error_line(source: String, message: String) -> String {
    let report = parallax::model::Report {
        articles: Vec::new(),
        extractions: Vec::new(),
        events: Vec::new(),
        errors: vec![InputError { source, message }],
    };
    parallax::render::errors_jsonl(&report)
        .trim_end()
        .to_string()
}

/// Ids made unique as a run makes them (`id~2`, ... in the given order).
#[pyfunction]
fn unique_ids(ids: Vec<String>) -> Vec<String> {
    ingest::unique_ids(ids)
}

/// For each article: its stem terms, entity terms, day number, and the
/// speaker names its extraction gives (before names are made canonical).
#[pyfunction]
#[allow(clippy::type_complexity)] // the tuples are the Python side's rows
fn article_features(
    py: Python<'_>,
    articles: Vec<ArticleRow>,
) -> Vec<(Vec<String>, Vec<String>, Option<i64>, Vec<String>)> {
    let articles: Vec<Article> = articles.into_iter().map(from_row).collect();
    py.detach(|| {
        let (extractions, _) = parallax::extract_each(&articles);
        articles
            .iter()
            .zip(&extractions)
            .map(|(article, extraction)| {
                let (stems, entities) = distributed::article_terms(article);
                let day = article
                    .published
                    .as_deref()
                    .and_then(distributed::day_number);
                let names = extraction
                    .statements
                    .iter()
                    .filter_map(|statement| statement.speaker.name.clone())
                    .collect();
                (stems, entities, day, names)
            })
            .collect()
    })
}

/// Records from `(day, outlet, stems, entities, stem stats, entity stats)`,
/// where stats are `(term, id, document frequency)` of the article's terms.
#[pyfunction]
#[allow(clippy::type_complexity)] // the tuples are the Python side's rows
fn article_records(
    py: Python<'_>,
    rows: Vec<(
        Option<i64>,
        Option<String>,
        Vec<String>,
        Vec<String>,
        Vec<(String, u32, u32)>,
        Vec<(String, u32, u32)>,
    )>,
    n_documents: usize,
) -> Vec<RecordRow> {
    let stats = |terms: Vec<(String, u32, u32)>| -> Vec<TermStats> {
        terms
            .into_iter()
            .map(|(term, id, document_frequency)| TermStats {
                term,
                id,
                document_frequency,
            })
            .collect()
    };
    py.detach(|| {
        rows.into_iter()
            .map(|(day, outlet, stems, entities, stem_stats, entity_stats)| {
                let (stem_stats, entity_stats) = (stats(stem_stats), stats(entity_stats));
                let record = distributed::article_record(
                    day,
                    outlet.as_deref(),
                    (&stems, &entities),
                    (&stem_stats, &entity_stats),
                    n_documents,
                );
                let (stem_ids, stem_weights) = record.stems.into_iter().unzip();
                let (entity_ids, entity_weights) = record.entities.into_iter().unzip();
                (
                    record.day,
                    record.outlet,
                    stem_ids,
                    stem_weights,
                    entity_ids,
                    entity_weights,
                )
            })
            .collect()
    })
}

/// The similarity of each pair of records.
#[pyfunction]
fn similarities(py: Python<'_>, pairs: Vec<(RecordRow, RecordRow)>) -> Vec<f64> {
    py.detach(|| {
        pairs
            .into_iter()
            .map(|(a, b)| distributed::similarity(&record_from_row(a), &record_from_row(b)))
            .collect()
    })
}

/// The events of one connected group: records in run order, edges
/// `(similarity, i, j)` indexing them; groups of indexes.
#[pyfunction]
fn average_link(
    py: Python<'_>,
    records: Vec<RecordRow>,
    edges: Vec<(f64, usize, usize)>,
) -> Vec<Vec<usize>> {
    let records: Vec<ArticleRecord> = records.into_iter().map(record_from_row).collect();
    py.detach(|| distributed::average_link(&records, &edges))
}

/// The clustering constants the job's posting rule uses; the first is the
/// least similarity of an edge.
#[pyfunction]
fn clustering_constants() -> (f64, u32, u32, i64, usize) {
    (
        distributed::EDGE_THRESHOLD,
        distributed::MAX_CANDIDATE_DF,
        distributed::MIN_SHARED_TERMS,
        distributed::WINDOW_DAYS,
        distributed::MAX_CANDIDATES,
    )
}

/// Canonical names of a run, built once from every speaker name in run order.
#[pyclass(frozen)]
struct CanonicalNames {
    forms: HashMap<String, String>,
}

#[pymethods]
impl CanonicalNames {
    #[new]
    fn new(py: Python<'_>, names: Vec<String>) -> CanonicalNames {
        let forms = py.detach(|| {
            parallax::distributed::canonical_names(names.iter().map(String::as_str))
                .into_iter()
                .collect()
        });
        CanonicalNames { forms }
    }

    /// The canonical form of each name that has one.
    fn forms(&self) -> HashMap<String, String> {
        self.forms.clone()
    }

    /// Canonical names from `forms()` (as sent to executors).
    #[staticmethod]
    fn from_forms(forms: HashMap<String, String>) -> CanonicalNames {
        CanonicalNames { forms }
    }
}

/// One event compared: `(events.jsonl line with ids from 1, number of
/// alignments, number of divergences, articles.jsonl lines, errors as
/// (index among the articles, message))`.
#[pyfunction]
#[allow(clippy::type_complexity)] // the tuple is the Python side's row
fn compare_event(
    py: Python<'_>,
    articles: Vec<ArticleRow>,
    names: &CanonicalNames,
) -> (String, usize, usize, Vec<String>, Vec<(usize, String)>) {
    let articles: Vec<Article> = articles.into_iter().map(from_row).collect();
    let forms = &names.forms;
    let output = py.detach(|| parallax::distributed::compare_event(articles, forms));
    (
        output.event_line,
        output.n_alignments,
        output.n_divergences,
        output.article_lines,
        output.errors,
    )
}

/// An event line from `compare_event` renumbered to its place in the run.
#[pyfunction]
fn renumber_event(
    line: &str,
    event: usize,
    first_alignment: usize,
    first_divergence: usize,
) -> String {
    let numbers = parallax::distributed::EventNumbers {
        event,
        first_alignment,
        first_divergence,
    };
    parallax::distributed::renumber_event_line(line, numbers)
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add_function(wrap_pyfunction!(compare, module)?)?;
    module.add_function(wrap_pyfunction!(jsonl_names, module)?)?;
    module.add_function(wrap_pyfunction!(read_jsonl_lines, module)?)?;
    module.add_function(wrap_pyfunction!(unique_ids, module)?)?;
    module.add_function(wrap_pyfunction!(error_line, module)?)?;
    module.add_function(wrap_pyfunction!(article_features, module)?)?;
    module.add_function(wrap_pyfunction!(article_records, module)?)?;
    module.add_function(wrap_pyfunction!(similarities, module)?)?;
    module.add_function(wrap_pyfunction!(average_link, module)?)?;
    module.add_function(wrap_pyfunction!(clustering_constants, module)?)?;
    module.add_function(wrap_pyfunction!(compare_event, module)?)?;
    module.add_function(wrap_pyfunction!(renumber_event, module)?)?;
    module.add_class::<CanonicalNames>()?;
    Ok(())
}
