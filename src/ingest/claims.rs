//! Claims for `parallax check`: a JSONL file of `{"id", "claim", "articles"}`.
//!
//! Takes the file's path; gives the claims in file order, and an
//! `InputError` (`path:line`) for every line that is not a claim. `id` may
//! be a string or a number (missing: `claim-LINE`); `articles`, when given,
//! lists the article ids the claim is checked against.

use crate::model::{Claim, InputError};
use anyhow::Context;
use serde_json::Value;
use std::path::Path;

/// Reads a claims file; an unreadable file (missing, not UTF-8) is an error
/// of the whole run, a bad line only of that line.
pub fn load_claims(path: &Path) -> anyhow::Result<(Vec<Claim>, Vec<InputError>)> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read claims file {}", path.display()))?;
    let mut claims = Vec::new();
    let mut errors = Vec::new();
    for (line_idx, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let line_number = line_idx + 1;
        match parse_claim(line, line_number) {
            Ok(claim) => claims.push(claim),
            Err(message) => errors.push(InputError {
                source: format!("{}:{line_number}", path.display()),
                message,
            }),
        }
    }
    Ok((claims, errors))
}

fn parse_claim(line: &str, line_number: usize) -> Result<Claim, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid json: {e}"))?;
    let text = value["claim"]
        .as_str()
        .ok_or("invalid claim: missing field `claim`")?
        .to_string();
    let id = id_text(&value["id"]).unwrap_or_else(|| format!("claim-{line_number}"));
    let articles = match &value["articles"] {
        Value::Null => None,
        Value::Array(ids) => Some(
            ids.iter()
                .map(|id| id_text(id).ok_or("invalid claim: an article id is not a string"))
                .collect::<Result<Vec<_>, _>>()?,
        ),
        _ => return Err("invalid claim: `articles` is not a list".to_string()),
    };
    Ok(Claim { id, text, articles })
}

/// A string id, or a number taken as text.
fn id_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_article_lists() {
        let claim = parse_claim(
            r#"{"id": 7, "claim": "It rained", "articles": ["a", 3]}"#,
            1,
        );
        assert_eq!(
            claim,
            Ok(Claim {
                id: "7".to_string(),
                text: "It rained".to_string(),
                articles: Some(vec!["a".to_string(), "3".to_string()]),
            })
        );
        let claim = parse_claim(r#"{"claim": "It rained"}"#, 4).unwrap();
        assert_eq!((claim.id.as_str(), claim.articles), ("claim-4", None));
        assert_eq!(
            parse_claim(r#"{"id": "x"}"#, 1),
            Err("invalid claim: missing field `claim`".to_string())
        );
    }
}
