//! HTML pages: the article's main text without the page's furniture, and
//! its metadata. Each case is a small page written for these tests and the
//! exact text expected (paragraphs separated by a blank line).

use crate::{data, gzip, write_file};
use parallax::ingest::{article_from_html, load, HtmlArticle};

/// A page whose body is `body`, with no metadata.
fn page(body: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>")
}

fn check(body: &str, expected: &str) {
    let article = article_from_html(&page(body)).unwrap();
    assert_eq!(article.text, expected, "\n{}", article.text);
}

/// Two paragraphs of prose that make the article in the small cases.
const STORY: &str = "<p>The harbour bridge will close for six weeks from Monday while engineers \
    replace its worn cables, the council said.</p>\
    <p>Ferries will run every twenty minutes during the closure, and buses will take \
    the long road around the bay.</p>";

const STORY_TEXT: &str = "The harbour bridge will close for six weeks from Monday while \
    engineers replace its worn cables, the council said.\n\nFerries will run every twenty \
    minutes during the closure, and buses will take the long road around the bay.";

#[test]
fn news_page_gives_the_story_without_its_furniture_and_its_metadata() {
    let html = std::fs::read_to_string(data("html/news_page.html")).unwrap();
    let article = article_from_html(&html).unwrap();
    assert_eq!(
        article,
        HtmlArticle {
            text: "The harbour bridge will close for six weeks from Monday while engineers \
                   replace its worn suspension cables, the city council said.\n\n\
                   “We have no choice: the cables are older than anyone working on them,” said \
                   Mayor Lena Ortiz, who called the work overdue.\n\n\
                   Ferries will run every twenty minutes during the closure, and buses will \
                   take the long road around the bay.\n\n\
                   Shops near the bridge fear a quiet spring.\n\n\
                   What drivers should know\n\n\
                   The council expects queues on the coast road at peak hours and advises \
                   drivers to leave early."
                .to_string(),
            title: Some("Harbour bridge will close for six weeks".to_string()),
            published: Some("2025-03-04".to_string()),
            outlet: Some("The Coastal Courier".to_string()),
            url: Some("https://courier.example/news/bridge-repairs".to_string()),
        }
    );
}

#[test]
fn metadata_falls_back_to_og_tags_then_title() {
    let head = "<meta property=\"og:title\" content=\"Bridge  closes\">\
        <meta property=\"og:site_name\" content=\"Courier\">\
        <meta property=\"og:url\" content=\"https://c.example/b\">\
        <meta property=\"article:published_time\" content=\"2025-03-04T08:00:00Z\">";
    let html =
        format!("<html><head><title>Page title</title>{head}</head><body>{STORY}</body></html>");
    let article = article_from_html(&html).unwrap();
    assert_eq!(
        (
            article.title,
            article.outlet,
            article.url,
            article.published
        ),
        (
            Some("Bridge closes".to_string()),
            Some("Courier".to_string()),
            Some("https://c.example/b".to_string()),
            Some("2025-03-04T08:00:00Z".to_string())
        )
    );
    let bare = article_from_html(&page(STORY)).unwrap();
    assert_eq!((bare.title.as_deref(), bare.url), (Some("T"), None));
}

#[test]
fn json_ld_in_an_array_names_the_publisher_when_there_is_no_site_name() {
    let json_ld = r#"[{"@type": "Organization", "name": "Not this"},
        {"@type": ["NewsArticle"], "headline": "Bridge closes", "url": "https://c.example/b",
         "datePublished": "2025-03-04", "publisher": "Courier"}]"#;
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{json_ld}</script></head>\
         <body>{STORY}</body></html>"
    );
    let article = article_from_html(&html).unwrap();
    assert_eq!(
        (
            article.title,
            article.outlet,
            article.url,
            article.published
        ),
        (
            Some("Bridge closes".to_string()),
            Some("Courier".to_string()),
            Some("https://c.example/b".to_string()),
            Some("2025-03-04".to_string())
        )
    );
}

#[test]
fn invalid_json_ld_is_ignored() {
    let html = format!(
        "<html><head><script type=\"application/ld+json\">{{not json</script></head>\
         <body>{STORY}</body></html>"
    );
    let article = article_from_html(&html).unwrap();
    assert_eq!((article.text.as_str(), article.title), (STORY_TEXT, None));
}

#[test]
fn navigation_share_buttons_bylines_and_captions_are_left_out() {
    check(
        &format!(
            "<nav><a href=\"/\">Home</a></nav><div class=\"byline\">By Ann Reporter</div>\
             <div class=\"social-share\"><a href=\"#\">Share</a></div>\
             <figure><img src=\"x.jpg\"><figcaption>The bridge at dawn.</figcaption></figure>\
             <p class=\"image-caption\">Engineers at work on the bridge on Tuesday morning.</p>\
             {STORY}"
        ),
        STORY_TEXT,
    );
}

#[test]
fn ads_and_ad_labels_inside_the_story_are_left_out() {
    check(
        "<div><p>The harbour bridge will close for six weeks from Monday while engineers \
         replace its worn cables, the council said.</p>\
         <div class=\"adContainer\">Buy a boat today, best prices on the whole coast guaranteed.</div>\
         <p>Advertisement</p><p>Story continues below advertisement</p>\
         <p>Ferries will run every twenty minutes during the closure, and buses will take \
         the long road around the bay.</p></div>",
        STORY_TEXT,
    );
}

#[test]
fn related_stories_and_comments_beside_the_story_are_left_out() {
    check(
        &format!(
            "<div class=\"content\"><div class=\"text\">{STORY}</div>\
             <div class=\"more\"><h3>More news</h3><ul>\
             <li><a href=\"/a\">Council approves the budget for bridge works in a late vote</a></li>\
             <li><a href=\"/b\">Ferry operator adds two boats for the spring season</a></li>\
             </ul></div>\
             <div id=\"comments\"><p>Great news, about time they fixed that old bridge, I drive it daily.</p></div></div>"
        ),
        STORY_TEXT,
    );
}

#[test]
fn teasers_with_summaries_beside_the_story_are_left_out() {
    let teaser = "<div class=\"teaser\"><h4><a href=\"/x\">Another story entirely</a></h4>\
        <p>A summary of another story that sits beside the article on the page.</p></div>";
    check(
        &format!(
            "<div><div><div><div class=\"body\">{STORY}</div></div></div>\
             <div><div><div>{teaser}{teaser}</div></div></div></div>"
        ),
        STORY_TEXT,
    );
}

#[test]
fn a_story_cut_into_sections_by_pictures_is_joined() {
    check(
        "<section><div class=\"post-section\"><p>The harbour bridge will close for six weeks \
         from Monday while engineers replace its worn cables, the council said.</p></div></section>\
         <section><div class=\"gallery\"><img src=\"a.jpg\"></div></section>\
         <section><div class=\"post-section\"><p>Ferries will run every twenty minutes during \
         the closure, and buses will take the long road around the bay.</p></div></section>",
        STORY_TEXT,
    );
}

#[test]
fn a_pop_up_card_inside_a_paragraph_is_cut_out_of_it() {
    check(
        "<p>The harbour bridge will close for six weeks from Monday while engineers replace \
         its worn cables, the <span class=\"tooltip\"><a href=\"/c\">Council page</a> \
         <a href=\"/d\">More</a></span>council said.</p>\
         <p>Ferries will run every twenty minutes during the closure, and buses will take \
         the long road around the bay.</p>",
        STORY_TEXT,
    );
}

#[test]
fn a_span_wrapping_the_paragraphs_is_not_cut_for_its_class() {
    check(
        &format!("<div><span class=\"wrapper_meta_field sidebar_text\">{STORY}</span></div>"),
        STORY_TEXT,
    );
}

#[test]
fn hidden_elements_scripts_and_markup_shown_as_text_are_left_out() {
    check(
        &format!(
            "&lt;img src=\"pixel.gif\"&gt;<div style=\"display: none\">Hidden text that must \
             not show, however long and sentence-like it is.</div>\
             <script>var s = \"script text\";</script><noscript>Enable scripts.</noscript>{STORY}"
        ),
        STORY_TEXT,
    );
}

#[test]
fn line_breaks_and_white_space_are_collapsed_inside_a_paragraph() {
    check(
        "<p>The harbour   bridge\n will <b>close</b> for six weeks from Monday while engineers \
         replace its worn cables,<br>the council said.</p>",
        "The harbour bridge will close for six weeks from Monday while engineers replace its \
         worn cables,\nthe council said.",
    );
}

#[test]
fn a_page_with_no_article_is_an_error() {
    let html = std::fs::read_to_string(data("html/no_article.html")).unwrap();
    assert_eq!(
        article_from_html(&html),
        Err("no article text found in the html page".to_string())
    );
    assert_eq!(
        article_from_html(""),
        Err("no article text found in the html page".to_string())
    );
}

#[test]
fn a_deeply_nested_page_is_read_and_one_nested_too_deeply_is_an_error() {
    let nested =
        |depth: usize| format!("{}{STORY}{}", "<div>".repeat(depth), "</div>".repeat(depth));
    let article = article_from_html(&nested(3_000)).unwrap();
    assert_eq!(article.text, STORY_TEXT);
    assert_eq!(
        article_from_html(&nested(100_000)),
        Err("html nested too deeply (over 20000 levels)".to_string())
    );
}

#[test]
fn html_files_gzipped_or_not_are_read_with_their_metadata_as_derived_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read(data("html/news_page.html")).unwrap();
    let plain = write_file(dir.path(), "bridge.htm", &html);
    let zipped = write_file(dir.path(), "pages/bridge.html.gz", &gzip(&html));
    let (articles, errors) = load(&[plain.clone(), zipped]);
    assert_eq!(errors, vec![]);
    assert_eq!(articles.len(), 2);
    let article = &articles[0];
    assert_eq!(
        (
            article.id.as_str(),
            article.source.as_str(),
            article.body_is_derived
        ),
        ("bridge", plain.as_str(), true)
    );
    assert!(article.body.starts_with("The harbour bridge will close"));
    assert_eq!(article.outlet.as_deref(), Some("The Coastal Courier"));
    assert_eq!(articles[1].body, article.body);
    assert_eq!(articles[1].id, "bridge~2");
}

#[test]
fn jsonl_articles_may_carry_html_and_their_own_fields_win() {
    let dir = tempfile::tempdir().unwrap();
    let page = serde_json::to_string(&page(STORY)).unwrap();
    let lines = format!(
        "{{\"id\":\"p1\",\"title\":\"Own title\",\"html\":{page}}}\n\
         {{\"id\":\"p2\",\"html\":\"<p>menu</p>\"}}\n\
         {{\"id\":\"p3\"}}\n"
    );
    let path = write_file(dir.path(), "pages.jsonl", lines.as_bytes());
    let (articles, errors) = load(std::slice::from_ref(&path));
    assert_eq!(articles.len(), 1);
    assert_eq!(
        (
            articles[0].body.as_str(),
            articles[0].title.as_deref(),
            articles[0].body_is_derived
        ),
        (STORY_TEXT, Some("Own title"), true)
    );
    let messages: Vec<(String, String)> = errors
        .into_iter()
        .map(|error| (error.source, error.message))
        .collect();
    assert_eq!(
        messages,
        [
            (
                format!("{path}:2"),
                "no article text found in the html page".to_string()
            ),
            (
                format!("{path}:3"),
                "invalid article: missing field `text` (or `html`)".to_string()
            ),
        ]
    );
}
