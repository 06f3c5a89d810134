//! Terminal output of `parallax diff`: takes the two articles and the
//! findings between them; gives the text an editor reads in a shell (one
//! block per finding, most severe first, the differing words marked) or
//! one JSON document of the contract's divergence objects for scripts.
//!
//! Marks: with colour, the first input's evidence in red and the second's
//! in green; without, `[-words-]` and `{+words+}` as `git diff
//! --word-diff` writes them. Positions are `line:column` (1-based, column
//! in characters) in each input file as given, or in the article's text
//! for JSON input.

use serde_json::json;

use crate::model::{Article, Divergence, Evidence, Range};

const RED: &str = "\x1b[1;31m";
const GREEN: &str = "\x1b[1;32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";
/// Bytes of context shown around the evidence on each side.
const CONTEXT_BYTES: usize = 80;

/// One side of a diff as the terminal shows it.
pub struct DiffSide<'a> {
    pub article: &'a Article,
    /// How the user named the input (`copy.txt`, `-`).
    pub name: &'a str,
}

/// The findings as text blocks, most severe first, numbered from 1.
pub fn diff_text(sides: &[DiffSide; 2], divergences: &[&Divergence], color: bool) -> String {
    let mut out = String::new();
    for (n, divergence) in divergences.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let header = format!(
            "{}. {} (severity {:.2}, confidence {:.2})",
            n + 1,
            divergence.kind.as_str(),
            divergence.severity,
            divergence.confidence
        );
        if color {
            out.push_str(&format!("{BOLD}{header}{RESET}\n"));
        } else {
            out.push_str(&header);
            out.push('\n');
        }
        out.push_str(&format!("   {}\n", divergence.explanation));
        for (side_idx, side) in sides.iter().enumerate() {
            let evidence: Vec<Range> = divergence
                .spans
                .iter()
                .filter(|e| e.article_idx == side_idx)
                .map(|e: &Evidence| e.range)
                .collect();
            if evidence.is_empty() {
                continue;
            }
            let (line, column) = position(side, evidence[0].start);
            let marker = if side_idx == 0 { "---" } else { "+++" };
            out.push_str(&format!("   {marker} {}:{line}:{column}\n", side.name));
            out.push_str(&format!(
                "   {}\n",
                marked(&side.article.body, &evidence, side_idx, color)
            ));
        }
    }
    out
}

/// The findings as one JSON document: the two articles and the contract's
/// divergence objects (with `confidence`), ids `d1`... in the order shown.
pub fn diff_json(sides: &[DiffSide; 2], divergences: &[&Divergence]) -> String {
    let article = |side: &DiffSide| json!({"id": side.article.id, "input": side.name, "outlet": side.article.outlet});
    let objects: Vec<serde_json::Value> = divergences
        .iter()
        .enumerate()
        .map(|(n, d)| {
            let spans: Vec<serde_json::Value> = d
                .spans
                .iter()
                .map(|e| {
                    let body = &sides[e.article_idx].article.body;
                    json!({
                        "article": sides[e.article_idx].article.id,
                        "text": e.range.text(body),
                        "start": e.range.start,
                        "end": e.range.end,
                    })
                })
                .collect();
            json!({
                "id": format!("d{}", n + 1),
                "type": d.kind.as_str(),
                "severity": round3(d.severity),
                "confidence": round3(d.confidence),
                "explanation": d.explanation,
                "spans": spans,
            })
        })
        .collect();
    let document = json!({
        "a": article(&sides[0]),
        "b": article(&sides[1]),
        "divergences": objects,
    });
    let mut text = serde_json::to_string_pretty(&document).expect("JSON values always serialize");
    text.push('\n');
    text
}

fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// `(line, column)` of body offset `at`, counted in the input file (its
/// front matter included, `Article::lines_before_body`).
fn position(side: &DiffSide, at: usize) -> (usize, usize) {
    let before = &side.article.body[..at];
    let line = side.article.lines_before_body + before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// The line around the evidence, cut to `CONTEXT_BYTES` on each side, with
/// every evidence range of that line marked.
fn marked(body: &str, evidence: &[Range], side_idx: usize, color: bool) -> String {
    let first = evidence[0];
    let line_start = body[..first.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = body[first.end..]
        .find('\n')
        .map_or(body.len(), |i| first.end + i);
    let shown: Vec<Range> = evidence
        .iter()
        .copied()
        .filter(|r| r.start >= line_start && r.end <= line_end)
        .collect();
    let last_end = shown.iter().map(|r| r.end).max().unwrap_or(first.end);
    let start = body.floor_char_boundary(first.start.saturating_sub(CONTEXT_BYTES).max(line_start));
    let end = body.ceil_char_boundary((last_end + CONTEXT_BYTES).min(line_end));
    let (open, close) = match (color, side_idx) {
        (true, 0) => (RED, RESET),
        (true, _) => (GREEN, RESET),
        (false, 0) => ("[-", "-]"),
        (false, _) => ("{+", "+}"),
    };
    let mut out = String::new();
    if start > line_start {
        out.push('\u{2026}');
    }
    let mut at = start;
    for range in &shown {
        if range.start < at {
            continue;
        }
        out.push_str(&body[at..range.start]);
        out.push_str(open);
        out.push_str(range.text(body));
        out.push_str(close);
        at = range.end;
    }
    out.push_str(&body[at.min(end)..end]);
    if end < line_end {
        out.push('\u{2026}');
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_the_lines_before_the_body() {
        // The body after a three-line front matter ("---", "outlet: X", "---").
        let article = Article {
            body: "First line.\nSecond line here.".to_string(),
            lines_before_body: 3,
            ..Article::default()
        };
        let side = DiffSide {
            article: &article,
            name: "a.txt",
        };
        assert_eq!(position(&side, 0), (4, 1));
        assert_eq!(position(&side, 19), (5, 8));
    }

    #[test]
    fn evidence_is_marked_without_colour() {
        let body = "Officials said 300 people died.";
        let marked_a = marked(body, &[Range::new(15, 18)], 0, false);
        assert_eq!(marked_a, "Officials said [-300-] people died.");
        let marked_b = marked(body, &[Range::new(15, 18)], 1, false);
        assert_eq!(marked_b, "Officials said {+300+} people died.");
    }
}
