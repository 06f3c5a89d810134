//! Extract: statements, speakers, framing and cited sources of one article.
//!
//! Takes an article and its segments; gives its statements (direct quotes,
//! reported speech, mixed ones, and the outlet's own narration), each with a
//! cue, a content span and a speaker mention resolved to a name within the
//! article, plus the framing words in the outlet's voice and the sources it
//! cites. `canonicalize` then gives every speaker one name across articles.
//!
//! Attribution is a cascade of rules over tokens, no parser: a cue word
//! ("said", "told", "according to", ...) with a speaker phrase before or after
//! it, and content that is the quotation next to it, the clause after it
//! ("that ..."), or the clause before it ("..., Rubio said").

mod attribution;
mod cites;
pub mod names;
pub mod quotes;
pub mod speakers;
pub mod tokens;
pub(crate) mod topics;

use crate::model::{Article, Extraction, Range, Segments, Speaker, Statement, StatementKind};
pub use names::{canonicalize, NameRegistry};

/// A statement before ids and topics are given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub kind: StatementKind,
    pub speaker: Speaker,
    pub cue: Option<Range>,
    pub content: Range,
}

/// Extracts the statements, framing and cites of one article.
pub fn extract(article: &Article, segments: &Segments) -> Extraction {
    let body = &article.body;
    let quotes = quotes::find(body, &segments.paragraphs);
    let doc = attribution::Doc::new(body, segments, &quotes);
    let found = attribution::statements(&doc);
    let statements = number(body, without_overlaps(found));
    let framing = crate::framing::find(body, &quotes);
    let cites = cites::find(&doc, article.outlet.as_deref());
    Extraction {
        statements,
        framing,
        cites,
    }
}

/// The statements in body order, none overlapping another in content:
/// where rules disagree (a cue inside another statement's content, as in
/// "senators say they agree on a \"framework\""), the statement that
/// starts first (then the longer) keeps its words, so that no word of the
/// article is reported twice. Found by fuzzing (`tests/data/fuzz/`).
fn without_overlaps(mut found: Vec<Found>) -> Vec<Found> {
    found.sort_by_key(|statement| {
        let content = statement.content;
        (content.start, std::cmp::Reverse(content.end))
    });
    let mut claimed_until = 0;
    found.retain(|statement| {
        let keep = statement.content.start >= claimed_until;
        if keep {
            claimed_until = statement.content.end;
        }
        keep
    });
    found
}

/// Gives statements their ids (`s1`, `s2`, ... in body order) and topics.
fn number(body: &str, found: Vec<Found>) -> Vec<Statement> {
    let terms = topics::ArticleTerms::new(body);
    found
        .into_iter()
        .enumerate()
        .map(|(idx, statement)| Statement {
            id: format!("s{}", idx + 1),
            kind: statement.kind,
            topics: terms.topics(statement.content),
            speaker: speakers::without_non_speaker(statement.speaker),
            cue: statement.cue,
            content: statement.content,
        })
        .collect()
}
