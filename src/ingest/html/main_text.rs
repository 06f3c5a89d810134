//! The main text: takes the page's blocks, chooses the element that holds
//! the article and gives its text, paragraphs separated by a blank line.

use super::blocks::{Block, Blocks};
use crate::text::lexicon::lexicon_lines;
use ego_tree::NodeId;
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::Html;
use std::collections::HashSet;
use std::sync::OnceLock;

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
pub(super) fn main_text(document: &Html, blocks: &Blocks) -> String {
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

fn furniture_lines() -> &'static HashSet<&'static str> {
    static SET: OnceLock<HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| {
        lexicon_lines(include_str!("../../../lexicons/html_boilerplate_lines.txt")).collect()
    })
}
