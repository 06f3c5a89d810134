//! HTML pages: takes a page's markup, gives its article's main text and
//! metadata.
//!
//! The text is what a reader would call the article: navigation, ads, share
//! buttons, related stories, captions, bylines and comments are left out, and
//! paragraphs are separated by a blank line, as the rest of parallax expects.
//! The page is parsed with `scraper` (html5ever, so broken markup is repaired
//! the way browsers repair it), cut into text blocks, and the element whose
//! blocks read most like article prose, net of link lists and furniture, is
//! taken as the article (see `choose_container`). Metadata comes from `og:`
//! and `article:` meta tags, JSON-LD `NewsArticle` objects, `<title>` and the
//! canonical link.

use crate::segment::lexicon_lines;
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::{Html, Node};
use std::collections::HashSet;
use std::sync::OnceLock;

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
    let blocks = text_blocks(&document);
    let text = main_text(&document, &blocks);
    if text.is_empty() {
        return Err("no article text found in the html page".to_string());
    }
    let mut article = metadata(&document);
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

// ---------------------------------------------------------------- blocks

/// A run of text that a browser would show as one block: a paragraph, a
/// heading, a list item, the direct text of a `div`.
#[derive(Debug)]
struct Block {
    text: String,
    /// Characters of the text inside links.
    link_chars: usize,
    /// The innermost block-level element holding the text.
    owner: NodeId,
    /// A heading (`h1`..`h6`).
    is_heading: bool,
}

impl Block {
    fn n_chars(&self) -> usize {
        self.text.chars().count()
    }

    fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.n_chars().max(1) as f64
    }

    /// Reads like a paragraph of prose: long enough, or a full sentence, and
    /// not mostly links.
    fn is_prose(&self) -> bool {
        let n_chars = self.n_chars();
        let ends_sentence = self
            .text
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?', ':']);
        self.link_density() < 0.35 && (n_chars >= 80 || (ends_sentence && n_chars >= 30))
    }

    /// A list of links (menus, related stories, tags).
    fn is_link_list(&self) -> bool {
        self.link_density() > 0.6
    }
}

/// The page's text blocks in document order, with the elements a reader
/// does not see, or sees as furniture, marked (`Blocks::flagged`).
struct Blocks {
    blocks: Vec<Block>,
    /// Elements whose class or id names furniture (`lexicons/html_boilerplate_classes.txt`).
    flagged: FxHashSet<NodeId>,
    /// Elements the page marks as the article's body (`is_marked_body`).
    marked_bodies: FxHashSet<NodeId>,
}

/// Cuts the page's body into text blocks. The walk is iterative so that a
/// page nested thousands of levels deep cannot overflow the stack.
fn text_blocks(document: &Html) -> Blocks {
    let mut walker = Walker::default();
    let mut skip_until: Option<NodeId> = None;
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip_until.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => walker.push_text(&text[..]),
                    Node::Element(element) => {
                        let name = element.name();
                        if is_hidden(element) || SKIPPED_TAGS.contains(&name) {
                            skip_until = Some(node.id());
                            continue;
                        }
                        if FURNITURE_TAGS.contains(&name) {
                            walker.flagged.insert(node.id());
                        } else if is_furniture(element) {
                            // Furniture inside a paragraph (a byline, a
                            // pop-up card) is cut out of the text.
                            if !BLOCK_TAGS.contains(&name) && !holds_blocks(node) {
                                skip_until = Some(node.id());
                                continue;
                            }
                            walker.flagged.insert(node.id());
                        }
                        if is_marked_body(element) {
                            walker.marked_bodies.insert(node.id());
                        }
                        walker.open(node, name);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skip_until == Some(node.id()) {
                    skip_until = None;
                    continue;
                }
                if skip_until.is_some() {
                    continue;
                }
                if let Node::Element(element) = node.value() {
                    walker.close(element.name());
                }
            }
        }
    }
    walker.flush();
    Blocks {
        blocks: walker.blocks,
        flagged: walker.flagged,
        marked_bodies: walker.marked_bodies,
    }
}

/// Elements whose content is never article text.
const SKIPPED_TAGS: &[&str] = &[
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "button",
    "iframe",
    "figure",
    "figcaption",
    "select",
    "option",
    "input",
    "textarea",
    "canvas",
    "video",
    "audio",
    "object",
    "embed",
    "dialog",
    "menu",
    "label",
];

/// Elements that are furniture, but that a page left unclosed may wrap the
/// whole article in: set aside like a furniture class, not skipped.
const FURNITURE_TAGS: &[&str] = &["nav", "footer", "aside", "header"];

/// Elements that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Builds blocks while walking the tree.
#[derive(Default)]
struct Walker {
    blocks: Vec<Block>,
    flagged: FxHashSet<NodeId>,
    marked_bodies: FxHashSet<NodeId>,
    /// The open block-level elements, innermost last.
    owners: Vec<(NodeId, bool)>,
    text: String,
    link_chars: usize,
    /// Open `<a>` elements.
    link_depth: usize,
    /// Open `<pre>` elements: their white space is kept.
    pre_depth: usize,
    pending_space: bool,
}

impl Walker {
    fn open(&mut self, node: NodeRef<Node>, name: &str) {
        match name {
            "a" => self.link_depth += 1,
            "br" => self.line_break(),
            _ if BLOCK_TAGS.contains(&name) => {
                self.flush();
                let is_heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
                self.owners.push((node.id(), is_heading));
                if name == "pre" {
                    self.pre_depth += 1;
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "a" => self.link_depth = self.link_depth.saturating_sub(1),
            _ if BLOCK_TAGS.contains(&name) => {
                self.flush();
                self.owners.pop();
                if name == "pre" {
                    self.pre_depth = self.pre_depth.saturating_sub(1);
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: &str) {
        let in_link = self.link_depth > 0;
        if self.pre_depth > 0 {
            self.text.push_str(text);
            if in_link {
                self.link_chars += text.chars().count();
            }
            return;
        }
        for word in text.split(is_html_space) {
            if word.is_empty() {
                self.pending_space = true;
                continue;
            }
            if self.pending_space && !self.text.is_empty() && !self.text.ends_with('\n') {
                self.text.push(' ');
            }
            self.pending_space = true;
            self.text.push_str(word);
            if in_link {
                self.link_chars += word.chars().count();
            }
        }
        // The last piece was not followed by white space.
        self.pending_space = text.ends_with(is_html_space);
    }

    /// `<br>`: a line break; two in a row end a paragraph.
    fn line_break(&mut self) {
        if self.text.ends_with('\n') {
            self.flush();
        } else if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.pending_space = false;
    }

    fn flush(&mut self) {
        let text = self.text.trim();
        if let (false, Some(&(owner, is_heading))) = (text.is_empty(), self.owners.last()) {
            let text = text.lines().map(str::trim).collect::<Vec<_>>().join("\n");
            self.blocks.push(Block {
                text,
                link_chars: self.link_chars,
                owner,
                is_heading,
            });
        }
        self.text.clear();
        self.link_chars = 0;
        self.pending_space = false;
    }
}

/// HTML's white space (not the no-break space, which is text).
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c')
}

fn is_hidden(element: &scraper::node::Element) -> bool {
    if element.attr("hidden").is_some() || element.attr("aria-hidden") == Some("true") {
        return true;
    }
    let style = element.attr("style").unwrap_or("");
    let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
    let style = style.to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// An element whose class or id says it is furniture; `html`, `body`,
/// `main` and `article` never are (templates put any class on them).
fn is_furniture(element: &scraper::node::Element) -> bool {
    if matches!(element.name(), "html" | "body" | "main" | "article") {
        return false;
    }
    let words = furniture_words();
    let names = element.attr("class").into_iter().chain(element.id());
    names
        .flat_map(name_words)
        .any(|word| words.contains(word.as_str()))
}

/// True when an element holds block-level elements: a `span` wrapping
/// paragraphs is a container, not an inline piece of furniture.
fn holds_blocks(node: NodeRef<Node>) -> bool {
    node.descendants().any(|descendant| {
        descendant
            .value()
            .as_element()
            .is_some_and(|element| BLOCK_TAGS.contains(&element.name()))
    })
}

/// An element the page marks as the article's body: schema.org's
/// `itemprop="articleBody"`, or a class such as `article-body`.
fn is_marked_body(element: &scraper::node::Element) -> bool {
    if element.attr("itemprop") == Some("articleBody") {
        return true;
    }
    let Some(class) = element.attr("class") else {
        return false;
    };
    class.split_ascii_whitespace().any(|name| {
        let words = name_words(name);
        words.windows(2).any(|pair| {
            matches!(pair[0].as_str(), "article" | "story" | "entry" | "post")
                && matches!(pair[1].as_str(), "body" | "content" | "text")
        })
    })
}

/// The words of a class or id: cut at `-`, `_`, white space and a lower-case
/// letter followed by an upper-case one (`articleBody`), in lower case.
fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in name.chars() {
        let boundary = !c.is_alphanumeric() || (previous_lower && c.is_uppercase());
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        previous_lower = c.is_lowercase();
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn furniture_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon_lines(include_str!("../../lexicons/html_boilerplate_classes.txt")).collect()
    })
}

fn furniture_lines() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon_lines(include_str!("../../lexicons/html_boilerplate_lines.txt")).collect()
    })
}

// ---------------------------------------------------------------- main text

/// A link list counts against the element holding it this many times its
/// length: menus and lists of related stories sit beside the article, not
/// in it.
const LINK_LIST_WEIGHT: f64 = 1.0;

/// A block counts for its owner and the owner's parent in full, and for
/// each element further up this much less: the article is the element that
/// holds most prose near at hand, not the page that also holds teasers.
const DECAY: f64 = 0.85;

/// Prose inside an element the page marks as the article's body counts
/// this much more for it.
const MARKED_BODY_BONUS: f64 = 1.5;

/// The article's text: the blocks of the chosen container, less furniture.
fn main_text(document: &Html, blocks: &Blocks) -> String {
    let Some((container, scores)) = choose_container(document, blocks) else {
        return String::new();
    };
    let containers = with_look_alikes(document, container, &scores);
    let mut paragraphs: Vec<&str> = Vec::new();
    for block in &blocks.blocks {
        if !is_inside(document, block.owner, &containers, &blocks.flagged) {
            continue;
        }
        if block.is_link_list() && !block.is_heading
            || is_furniture_line(&block.text)
            || is_markup(&block.text)
        {
            continue;
        }
        paragraphs.extend(block.text.split("\n\n"));
    }
    paragraphs.join("\n\n")
}

/// The element whose blocks score highest: each prose block adds its
/// length to its ancestors, each link list takes its length away; a block
/// under furniture counts for the furniture element and against the
/// elements above it. `None` when the page has no prose at all.
fn choose_container(document: &Html, blocks: &Blocks) -> Option<(NodeId, FxHashMap<NodeId, f64>)> {
    let mut scores: FxHashMap<NodeId, f64> = FxHashMap::default();
    for block in &blocks.blocks {
        let n_chars = block.n_chars() as f64;
        let (prose, against) = if block.is_prose() {
            (n_chars, -n_chars)
        } else if block.is_link_list() {
            (-LINK_LIST_WEIGHT * n_chars, -LINK_LIST_WEIGHT * n_chars)
        } else {
            continue;
        };
        let mut past_furniture = false;
        let mut node = document.tree.get(block.owner);
        let mut weight = 1.0;
        while let Some(current) = node {
            let value = if past_furniture { against } else { prose };
            let bonus = if blocks.marked_bodies.contains(&current.id()) {
                MARKED_BODY_BONUS
            } else {
                1.0
            };
            *scores.entry(current.id()).or_default() += value * weight * bonus;
            past_furniture |= blocks.flagged.contains(&current.id());
            if current.id() != block.owner {
                weight *= DECAY;
            }
            node = current.parent();
        }
    }
    if !blocks.blocks.iter().any(Block::is_prose) {
        return None;
    }
    // The highest score; among equals, the deepest element (the first met
    // going up from a block), found by walking the blocks again.
    let best = scores.values().copied().fold(f64::MIN, f64::max);
    if best <= 0.0 {
        return None;
    }
    let mut chosen: Option<(NodeId, usize)> = None;
    for block in &blocks.blocks {
        let ancestors = document.tree.get(block.owner)?.ancestors().count();
        let mut node = document.tree.get(block.owner);
        let mut depth = ancestors + 1;
        while let Some(current) = node {
            depth -= 1;
            if scores.get(&current.id()) == Some(&best) {
                if chosen.is_none_or(|(_, chosen_depth)| depth > chosen_depth) {
                    chosen = Some((current.id(), depth));
                }
                break;
            }
            node = current.parent();
        }
    }
    chosen.map(|(id, _)| (id, scores))
}

/// The container and the elements that look like it (same tag and class,
/// not around it) and hold more prose than links: an article cut into
/// sections by pictures or ads repeats its container for each section.
fn with_look_alikes(
    document: &Html,
    container: NodeId,
    scores: &FxHashMap<NodeId, f64>,
) -> FxHashSet<NodeId> {
    let mut containers = FxHashSet::default();
    containers.insert(container);
    let Some(node) = document.tree.get(container) else {
        return containers;
    };
    let Some(element) = node.value().as_element() else {
        return containers;
    };
    let Some(class) = element
        .attr("class")
        .filter(|class| !class.trim().is_empty())
    else {
        return containers;
    };
    let around: FxHashSet<NodeId> = node.ancestors().map(|a| a.id()).collect();
    for other in document.tree.root().descendants() {
        let Some(other_element) = other.value().as_element() else {
            continue;
        };
        let looks_alike = other_element.name() == element.name()
            && other_element.attr("class") == Some(class)
            && !around.contains(&other.id());
        if looks_alike && scores.get(&other.id()).is_some_and(|&score| score > 0.0) {
            containers.insert(other.id());
        }
    }
    containers
}

/// True when `owner` is one of the containers or inside one, with no
/// furniture element between them (the container itself may be one).
fn is_inside(
    document: &Html,
    owner: NodeId,
    containers: &FxHashSet<NodeId>,
    flagged: &FxHashSet<NodeId>,
) -> bool {
    let mut node = document.tree.get(owner);
    while let Some(current) = node {
        if containers.contains(&current.id()) {
            return true;
        }
        if flagged.contains(&current.id()) {
            return false;
        }
        node = current.parent();
    }
    false
}

/// Markup shown as text (`&lt;img ...&gt;` in the page): never prose.
fn is_markup(text: &str) -> bool {
    text.starts_with('<') && text.ends_with('>')
}

fn is_furniture_line(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let line = text
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '»' || c == '›')
        .trim()
        .to_lowercase();
    furniture_lines().contains(line.as_str()) || !line.chars().any(char::is_alphanumeric)
}

// ---------------------------------------------------------------- metadata

/// Title, date, outlet and address from the page's metadata; JSON-LD first,
/// then `og:`/`article:` meta tags, then `<title>` and the canonical link.
fn metadata(document: &Html) -> HtmlArticle {
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
        outlet: meta.ld_outlet.or(meta.og_outlet),
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
