//! Text blocks: takes a parsed page, gives its text cut into blocks (a
//! paragraph, a heading, a list item, the direct text of a `div`), with the
//! elements that are furniture (by tag or by class) and those the page marks
//! as the article's body.

use crate::text::lexicon::lexicon_lines;
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use rustc_hash::FxHashSet;
use scraper::{Html, Node};
use std::collections::HashSet;
use std::sync::OnceLock;

/// A run of text that a browser would show as one block: a paragraph, a
/// heading, a list item, the direct text of a `div`.
#[derive(Debug)]
pub(super) struct Block {
    pub(super) text: String,
    /// Characters of the text inside links.
    pub(super) link_chars: usize,
    /// The innermost block-level element holding the text.
    pub(super) owner: NodeId,
    /// A heading (`h1`..`h6`).
    pub(super) is_heading: bool,
}

impl Block {
    pub(super) fn n_chars(&self) -> usize {
        self.text.chars().count()
    }

    fn link_density(&self) -> f64 {
        self.link_chars as f64 / self.n_chars().max(1) as f64
    }

    /// Reads like a paragraph of prose: long enough, or a full sentence, and
    /// not mostly links.
    pub(super) fn is_prose(&self) -> bool {
        let n_chars = self.n_chars();
        let ends_sentence = self
            .text
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with(['.', '!', '?', ':']);
        self.link_density() < 0.35 && (n_chars >= 80 || (ends_sentence && n_chars >= 30))
    }

    /// A list of links (menus, related stories, tags).
    pub(super) fn is_link_list(&self) -> bool {
        self.link_density() > 0.6
    }
}

/// The page's text blocks in document order, with the elements a reader
/// does not see, or sees as furniture, marked (`Blocks::flagged`).
pub(super) struct Blocks {
    pub(super) blocks: Vec<Block>,
    /// Elements whose class or id names furniture (`lexicons/html_boilerplate_classes.txt`).
    pub(super) flagged: FxHashSet<NodeId>,
    /// Elements the page marks as the article's body (`is_marked_body`).
    pub(super) marked_bodies: FxHashSet<NodeId>,
}

/// Cuts the page's body into text blocks. The walk is iterative so that a
/// page nested thousands of levels deep cannot overflow the stack.
pub(super) fn text_blocks(document: &Html) -> Blocks {
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
    let mut names = element.attr("class").into_iter().chain(element.id());
    names.any(|name| any_name_word(name, |word| words.contains(word)))
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
        let mut previous_is_article = false;
        any_name_word(name, |word| {
            let found = previous_is_article && matches!(word, "body" | "content" | "text");
            previous_is_article = matches!(word, "article" | "story" | "entry" | "post");
            found
        })
    })
}

/// True when `visit` is true for a word of a class or id. Words are cut at
/// `-`, `_`, white space and a lower-case letter followed by an upper-case
/// one (`articleBody`), and given in lower case. No allocation: the
/// lexicons are ASCII, so a word longer than the buffer or with other
/// letters is passed over.
fn any_name_word(name: &str, mut visit: impl FnMut(&str) -> bool) -> bool {
    let mut buffer = [0u8; 24];
    let mut len = 0;
    let mut unusable = false;
    let mut previous_lower = false;
    let mut finish = |len: &mut usize, unusable: &mut bool, buffer: &[u8; 24]| {
        let found =
            *len > 0 && !*unusable && std::str::from_utf8(&buffer[..*len]).is_ok_and(&mut visit);
        *len = 0;
        *unusable = false;
        found
    };
    for c in name.chars() {
        let boundary = !c.is_alphanumeric() || (previous_lower && c.is_uppercase());
        if boundary && (len > 0 || unusable) && finish(&mut len, &mut unusable, &buffer) {
            return true;
        }
        if c.is_alphanumeric() {
            if c.is_ascii() && len < buffer.len() {
                buffer[len] = c.to_ascii_lowercase() as u8;
                len += 1;
            } else {
                unusable = true;
            }
        }
        previous_lower = c.is_lowercase();
    }
    finish(&mut len, &mut unusable, &buffer)
}

fn furniture_words() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon_lines(include_str!(
            "../../../lexicons/html_boilerplate_classes.txt"
        ))
        .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::any_name_word;

    fn name_words(name: &str) -> Vec<String> {
        let mut words = Vec::new();
        any_name_word(name, |word| {
            words.push(word.to_string());
            false
        });
        words
    }

    #[test]
    fn class_names_are_cut_at_dashes_underscores_and_case_changes() {
        let cases: &[(&str, &[&str])] = &[
            ("share-bar", &["share", "bar"]),
            ("articleBody", &["article", "body"]),
            (
                "hs_cos_wrapper_meta_field",
                &["hs", "cos", "wrapper", "meta", "field"],
            ),
            ("AdSlot--top", &["ad", "slot", "top"]),
            ("", &[]),
            ("café-bar", &["bar"]),
            ("a-verylongwordthatnolexiconholds-ad", &["a", "ad"]),
        ];
        for (name, expected) in cases {
            assert_eq!(name_words(name), *expected, "{name}");
        }
    }
}
