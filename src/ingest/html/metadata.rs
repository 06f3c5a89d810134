//! Metadata: takes a parsed page, gives the title, date, outlet and address
//! its JSON-LD, meta tags, `<title>` and canonical link state.

use super::HtmlArticle;
use scraper::{Html, Node};

/// Title, date, outlet and address from the page's metadata: the title and
/// date from JSON-LD first (a headline carries no " - Site name" suffix),
/// then `og:`/`article:` meta tags, then `<title>`; the outlet from
/// `og:site_name` first (a syndicated story's JSON-LD names the wire as
/// publisher, but the outlet is the site that ran it); the address from the
/// canonical link, then `og:url`, then JSON-LD.
pub(super) fn metadata(document: &Html) -> HtmlArticle {
    let mut meta = Meta::default();
    for node in document.tree.root().descendants() {
        let Node::Element(element) = node.value() else {
            continue;
        };
        match element.name() {
            "meta" => meta.read_meta_tag(element),
            "link" if has_rel(element, "canonical") => {
                set_once(&mut meta.canonical, element.attr("href"))
            }
            "title" if meta.html_title.is_none() => {
                let text: String = node
                    .children()
                    .filter_map(|child| child.value().as_text().map(|t| t.to_string()))
                    .collect();
                set_once(&mut meta.html_title, Some(&text));
            }
            "script" if element.attr("type") == Some("application/ld+json") => {
                let json: String = node
                    .children()
                    .filter_map(|child| child.value().as_text().map(|t| t.to_string()))
                    .collect();
                meta.read_json_ld(&json);
            }
            _ => {}
        }
    }
    HtmlArticle {
        text: String::new(),
        title: meta.ld_title.or(meta.og_title).or(meta.html_title),
        published: meta.ld_published.or(meta.og_published),
        outlet: meta.og_outlet.or(meta.ld_outlet),
        url: meta.canonical.or(meta.og_url).or(meta.ld_url),
    }
}

#[derive(Default)]
struct Meta {
    ld_title: Option<String>,
    ld_published: Option<String>,
    ld_outlet: Option<String>,
    ld_url: Option<String>,
    og_title: Option<String>,
    og_published: Option<String>,
    og_outlet: Option<String>,
    og_url: Option<String>,
    html_title: Option<String>,
    canonical: Option<String>,
}

impl Meta {
    fn read_meta_tag(&mut self, element: &scraper::node::Element) {
        let key = element
            .attr("property")
            .or_else(|| element.attr("name"))
            .or_else(|| element.attr("itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let content = element.attr("content");
        match key.as_str() {
            "og:title" => set_once(&mut self.og_title, content),
            "og:site_name" => set_once(&mut self.og_outlet, content),
            "og:url" => set_once(&mut self.og_url, content),
            "article:published_time" | "datepublished" | "og:published_time" => {
                set_once(&mut self.og_published, content)
            }
            _ => {}
        }
    }

    /// Reads the first article object of a JSON-LD script (an object, an
    /// array, or a `@graph`); scripts that are not valid JSON are ignored.
    fn read_json_ld(&mut self, json: &str) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(json.trim()) else {
            return;
        };
        let mut stack = vec![&value];
        while let Some(value) = stack.pop() {
            match value {
                serde_json::Value::Array(items) => stack.extend(items.iter().rev()),
                serde_json::Value::Object(object) => {
                    if let Some(graph) = object.get("@graph") {
                        stack.push(graph);
                    }
                    if is_article_type(object.get("@type")) && self.ld_title.is_none() {
                        self.read_ld_article(object);
                    }
                }
                _ => {}
            }
        }
    }

    fn read_ld_article(&mut self, object: &serde_json::Map<String, serde_json::Value>) {
        let text = |key: &str| object.get(key).and_then(|v| v.as_str());
        set_once(&mut self.ld_title, text("headline").or(text("name")));
        set_once(&mut self.ld_published, text("datePublished"));
        set_once(&mut self.ld_url, text("url"));
        let publisher = object.get("publisher");
        let outlet = publisher.and_then(|p| p.get("name").and_then(|n| n.as_str()).or(p.as_str()));
        set_once(&mut self.ld_outlet, outlet);
    }
}

fn is_article_type(kind: Option<&serde_json::Value>) -> bool {
    let is_article = |name: &str| name.ends_with("Article") || name == "BlogPosting";
    match kind {
        Some(serde_json::Value::String(name)) => is_article(name),
        Some(serde_json::Value::Array(names)) => names
            .iter()
            .any(|name| name.as_str().is_some_and(is_article)),
        _ => false,
    }
}

fn has_rel(element: &scraper::node::Element, rel: &str) -> bool {
    element.attr("rel").is_some_and(|value| {
        value
            .split_ascii_whitespace()
            .any(|r| r.eq_ignore_ascii_case(rel))
    })
}

/// Sets a field the first time a non-empty value is seen, white space collapsed.
fn set_once(field: &mut Option<String>, value: Option<&str>) {
    if field.is_some() {
        return;
    }
    let Some(value) = value else { return };
    let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if !value.is_empty() {
        *field = Some(value);
    }
}
