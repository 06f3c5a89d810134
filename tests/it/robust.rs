//! Robustness: extraction never panics, every span it reports is a valid
//! slice of the body and statements do not overlap, whatever mix of
//! quotation marks, names, cue words, line breaks and multi-byte characters
//! the text holds.

use parallax::model::{Article, Range};
use proptest::prelude::*;

/// Pieces that exercise the tricky paths: unpaired and mixed quotation
/// marks, two-apostrophe quotes, labels, dashes, abbreviations, cues.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "''",
    "‘",
    "’",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ",",
    ".",
    ":",
    "―",
    "—",
    "(",
    ")",
    "Rubio",
    "Marco",
    "Sen.",
    "U.S.",
    "J.D.",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "who",
    "that",
    "the",
    "secretary of state",
    "Bruce",
    "Ushakov",
    "ü",
    "日本",
    "'s",
    "R-Ky.",
    "saying",
    "added",
    "PENCE:",
    "claim",
    "Mr.",
    "3,000",
    "2-3",
    "?",
];

fn check_range(body: &str, range: Range) {
    assert!(
        range.start <= range.end && range.end <= body.len(),
        "{range:?}"
    );
    assert!(
        body.get(range.start..range.end).is_some(),
        "{range:?} not on char boundaries"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn extraction_never_panics_and_spans_are_slices(
        picks in proptest::collection::vec(0..PIECES.len(), 0..120)
    ) {
        let body: String = picks.iter().map(|&i| PIECES[i]).collect();
        let article = Article {
            id: "fuzz".to_string(),
            source: "fuzz.txt".to_string(),
            body: body.clone(),
            ..Article::default()
        };
        let report = parallax::compare(vec![article.clone(), article], Vec::new());
        for extraction in &report.extractions {
            for pair in extraction.statements.windows(2) {
                prop_assert_eq!(pair[0].content.overlap(&pair[1].content), 0, "{:?}", body);
            }
            for statement in &extraction.statements {
                check_range(&body, statement.content);
                statement.cue.into_iter().for_each(|r| check_range(&body, r));
                statement.speaker.mention.into_iter().for_each(|r| check_range(&body, r));
            }
            for framing in &extraction.framing {
                check_range(&body, framing.range);
            }
        }
        for event in &report.events {
            prop_assert!(event.divergences.is_empty(), "identical copies diverge: {body:?}");
        }
    }
}

/// Pieces of HTML: tags that open and close (or not), furniture, metadata,
/// entities and the text pieces above.
const HTML_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"article-body\">",
    "<div class=\"share\">",
    "</div>",
    "<nav>",
    "</nav>",
    "<article>",
    "</article>",
    "<br>",
    "<a href=\"x\">",
    "</a>",
    "<script>var x = 1;</script>",
    "<!-- c -->",
    "<title>",
    "</title>",
    "<meta property=\"og:site_name\" content=\"Wire\">",
    "&amp;",
    "&#8220;",
    "&nbsp;",
    "<",
    ">",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// HTML of any shape: reading never panics; a page with an article
    /// gives a body whose statements are slices of it, and identical pages
    /// never diverge.
    #[test]
    fn html_reading_never_panics_and_spans_are_slices(
        picks in proptest::collection::vec(0..(HTML_PIECES.len() + PIECES.len()), 0..150)
    ) {
        let html: String = picks
            .iter()
            .map(|&i| if i < HTML_PIECES.len() { HTML_PIECES[i] } else { PIECES[i - HTML_PIECES.len()] })
            .collect();
        let Ok(page) = parallax::ingest::article_from_html(&html) else {
            return Ok(());
        };
        let article = Article {
            id: "page".to_string(),
            source: "page.html".to_string(),
            body: page.text.clone(),
            body_is_derived: true,
            ..Article::default()
        };
        let report = parallax::compare(vec![article.clone(), article], Vec::new());
        for extraction in &report.extractions {
            for statement in &extraction.statements {
                check_range(&page.text, statement.content);
            }
        }
        for event in &report.events {
            prop_assert!(event.divergences.is_empty(), "identical pages diverge: {html:?}");
        }
    }
}
