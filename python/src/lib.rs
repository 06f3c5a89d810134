//! Python bindings: takes JSON text of article objects from the Python
//! wrapper (`parallax/__init__.py`); gives JSON text of the contract's
//! objects, which the wrapper turns into dicts. The work runs with the GIL
//! released, on every core, exactly as the command line runs it.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

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

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(extract, module)?)?;
    module.add_function(wrap_pyfunction!(compare, module)?)?;
    Ok(())
}
