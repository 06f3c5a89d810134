//! HTML pages: takes a page's markup, gives its article's main text and
//! metadata.
//!
//! The text is what a reader would call the article: navigation, ads, share
//! buttons, related stories, captions, bylines and comments are left out, and
//! paragraphs are separated by a blank line, as the rest of parallax expects.
//! The page is parsed with `scraper` (html5ever, so broken markup is repaired
//! the way browsers repair it), cut into text blocks, and the element whose
//! blocks read most like article prose, net of link lists and furniture, is
//! taken as the article (`main_text.rs`). Metadata comes from `og:`
//! and `article:` meta tags, JSON-LD `NewsArticle` objects, `<title>` and the
//! canonical link.

mod blocks;
mod main_text;
mod metadata;

use scraper::Html;

/// What a page gives: the article's text and what its metadata says.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HtmlArticle {
    /// The main text, paragraphs separated by a blank line.
    pub text: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// The article in an HTML page, or why there is none.
pub fn article_from_html(html: &str) -> Result<HtmlArticle, String> {
    // The HTML parser's work grows with the square of the nesting depth
    // (a page 100,000 levels deep would take minutes): refuse such pages.
    if nesting_estimate(html) > MAX_NESTING {
        return Err(format!(
            "html nested too deeply (over {MAX_NESTING} levels)"
        ));
    }
    let document = Html::parse_document(html);
    let blocks = blocks::text_blocks(&document);
    let text = main_text::main_text(&document, &blocks);
    if text.is_empty() {
        return Err("no article text found in the html page".to_string());
    }
    let mut article = metadata::metadata(&document);
    article.text = text;
    Ok(article)
}

/// The deepest nesting parallax parses: 20,000 levels take about 1.5 s.
const MAX_NESTING: usize = 20_000;

/// How deep the page's elements nest, estimated from its tags without
/// parsing: opening tags less closing ones, void and self-closed elements
/// aside. Unclosed `<p>` or `<li>` make it an overestimate.
fn nesting_estimate(html: &str) -> usize {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut max_depth = 0;
    for at in memchr::memchr_iter(b'<', bytes) {
        match bytes.get(at + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = bytes[at + 1..]
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .map_or(bytes.len(), |n| at + 1 + n);
                let name = html[at + 1..name_end].to_ascii_lowercase();
                let tag_end = memchr::memchr(b'>', &bytes[name_end..]).map(|n| name_end + n);
                let self_closed = tag_end.is_some_and(|end| bytes[end - 1] == b'/');
                if !self_closed && !VOID_TAGS.contains(&name.as_str()) {
                    depth += 1;
                    max_depth = max_depth.max(depth);
                }
            }
            _ => {}
        }
    }
    max_depth
}

/// Elements that never have content, so never nest.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

#[cfg(test)]
mod tests {
    use super::nesting_estimate;

    #[test]
    fn nesting_is_estimated_from_tags_leaving_out_void_and_self_closed_ones() {
        let cases = [
            ("<div><p>a</p><p>b</p></div>", 2),
            ("<div><br><img src=x><hr/><span/></div>", 1),
            ("<div><div><div></div></div></div><!-- <div> --><div>", 3),
            ("a < b and c <3", 0),
            ("<p>one<p>two<p>three", 3),
        ];
        for (html, expected) in cases {
            assert_eq!(nesting_estimate(html), expected, "{html}");
        }
    }
}
