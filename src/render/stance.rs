//! `parallax check` lines: takes a stance line with its claim and article;
//! gives one JSON object `{"claim", "article", "stance", "score",
//! "evidence"}`, evidence as the contract's spans into the article body.

use super::json::{format_score, span_text, string};
use crate::model::{Article, Claim, StanceLine};

/// One `check` line (without the line break); with `features`, the named
/// feature values the stance came from are added, and the article's bag of
/// words (`check::bag_of_words`), for training scripts.
pub fn stance_line(
    line: &StanceLine,
    claim: &Claim,
    article: &Article,
    features: Option<&[String]>,
) -> String {
    let mut out = String::with_capacity(256);
    out.push_str("{\"claim\":");
    string(&mut out, &claim.id);
    out.push_str(",\"article\":");
    string(&mut out, &article.id);
    out.push_str(",\"stance\":\"");
    out.push_str(line.stance.as_str());
    out.push_str("\",\"score\":");
    out.push_str(&format_score(line.score));
    out.push_str(",\"evidence\":[");
    for (idx, range) in line.evidence.iter().enumerate() {
        if idx > 0 {
            out.push(',');
        }
        out.push_str("{\"text\":");
        string(&mut out, span_text(&article.body, *range));
        out.push_str(&format!(
            ",\"start\":{},\"end\":{}}}",
            range.start, range.end
        ));
    }
    out.push(']');
    if let Some(names) = features {
        out.push_str(",\"features\":{");
        let mut first = true;
        for (name, value) in names.iter().zip(&line.features) {
            if *value == 0.0 {
                continue;
            }
            if !first {
                out.push(',');
            }
            first = false;
            string(&mut out, name);
            out.push_str(&format!(":{}", (value * 1e6).round() / 1e6));
        }
        out.push('}');
        out.push_str(",\"words\":[");
        for (idx, word) in crate::check::bag_of_words(&article.body).iter().enumerate() {
            if idx > 0 {
                out.push(',');
            }
            string(&mut out, word);
        }
        out.push(']');
    }
    out.push('}');
    out
}
