//! `summary.md`: takes a report; gives, per event, its outlets and the
//! findings a reader should see first, in plain words (the same ones the
//! event page puts at its top), for a terminal, an issue tracker or an
//! email. Article text is quoted inside the explanations only; Markdown
//! control characters in it are escaped.

use super::{event_file, event_ids, headline};
use crate::model::Report;

/// The whole summary, one section per event with at least one finding.
pub fn summary_markdown(report: &Report) -> String {
    let mut out = String::from("# parallax summary\n\n");
    out.push_str(&format!(
        "{} articles, {} events, {} inputs not read.\n",
        report.articles.len(),
        report.events.len(),
        report.errors.len()
    ));
    let ids = event_ids(report);
    for (event_idx, scored) in report.events.iter().enumerate() {
        let shown = headline(scored);
        if shown.is_empty() {
            continue;
        }
        let outlets: Vec<String> = scored
            .event
            .articles
            .iter()
            .map(|&idx| {
                let article = &report.articles[idx];
                article.outlet.clone().unwrap_or_else(|| article.id.clone())
            })
            .collect();
        out.push_str(&format!(
            "\n## e{}: {}\n\n{} · {} findings · [page]({})\n\n",
            event_idx + 1,
            escape(&scored.event.label),
            escape(&outlets.join(", ")),
            scored.divergences.len(),
            event_file(event_idx)
        ));
        for idx in shown {
            let divergence = &scored.divergences[idx];
            out.push_str(&format!(
                "- **{}** (d{}, confidence {:.2}): {}\n",
                divergence.kind.as_str(),
                ids[event_idx].first_divergence + idx,
                divergence.confidence,
                escape(&divergence.explanation)
            ));
        }
    }
    out
}

/// Text with the characters Markdown reads as markup escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_article_text_is_escaped() {
        assert_eq!(
            escape("a *b* [c](d) <script>"),
            "a \\*b\\* \\[c\\](d) \\<script\\>"
        );
    }
}
