//! Shared data types: what the stages hand to one another.
//!
//! Every stage takes and returns these types; no stage reaches into another's
//! internals. Spans are UTF-8 byte offsets into `Article::body`, which is kept
//! byte for byte as read (see `../shared/spec/output-format.md`).

use serde::Serialize;

/// One input article, with its body exactly as read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Article {
    pub id: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// Where it came from: a path, `path:line` for JSONL, or `stdin:line`.
    pub source: String,
    /// The body text; every reported offset indexes into it.
    pub body: String,
    /// True when the body is not the file's bytes (HTML), so `extract` prints it.
    pub body_is_derived: bool,
    /// Lines of the input file before the body (a front-matter block), so
    /// that positions can be given in the file's own lines; 0 otherwise.
    pub lines_before_body: usize,
}

/// An input that could not be read, kept so that nothing is silently dropped.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct InputError {
    pub source: String,
    pub message: String,
}

/// A half-open byte range `[start, end)` into an article body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

impl Range {
    pub fn new(start: usize, end: usize) -> Range {
        debug_assert!(start <= end);
        Range { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn text<'a>(&self, body: &'a str) -> &'a str {
        &body[self.start..self.end]
    }

    pub fn overlap(&self, other: &Range) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    pub fn contains(&self, other: &Range) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The contract's span object: `{"text", "start", "end"}`.
    pub fn span(&self, body: &str) -> Span {
        Span {
            text: self.text(body).to_string(),
            start: self.start,
            end: self.end,
        }
    }
}

/// A span as written in the output: the text and its byte offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

// ---------------------------------------------------------------- segment

/// A paragraph: a run of non-blank lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range,
    /// False for lines that are not prose: captions, a lone "Details",
    /// a headline with no closing punctuation. They never become statements.
    pub is_prose: bool,
}

/// A sentence within a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range,
    pub paragraph_idx: usize,
}

/// The structure of one article body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segments {
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
}

// ---------------------------------------------------------------- extract

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// The content is a quotation.
    Direct,
    /// Reported speech.
    Indirect,
    /// Reported speech embedding a quoted fragment.
    Mixed,
    /// A sentence in the outlet's own voice.
    Narration,
}

impl StatementKind {
    /// The contract's name of the kind.
    pub fn as_str(&self) -> &'static str {
        match self {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
            StatementKind::Mixed => "mixed",
            StatementKind::Narration => "narration",
        }
    }
}

/// Who a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Speaker {
    /// Canonical name across the whole run ("Marco Rubio"), or a group or
    /// institution as written ("the Kremlin"); `None` when unresolved.
    pub name: Option<String>,
    /// Where this statement's text names the speaker (pronouns and titles included).
    pub mention: Option<Range>,
    /// A title or role seen with the name ("US Secretary of State").
    pub role: Option<String>,
}

/// One attributed statement, or a sentence of narration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// `s1`, `s2`, ... in body order; unique within the article.
    pub id: String,
    pub kind: StatementKind,
    pub speaker: Speaker,
    pub cue: Option<Range>,
    pub content: Range,
    /// Key terms of the event that the statement is about.
    pub topics: Vec<String>,
}

/// An evaluative word or phrase in the outlet's own voice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framing {
    pub range: Range,
    /// `loaded`, `hedge`, `intensifier`, `report_verb`.
    pub category: &'static str,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extraction {
    pub statements: Vec<Statement>,
    pub framing: Vec<Framing>,
    /// Sources the article cites: "The New York Times", "Bloomberg".
    pub cites: Vec<String>,
}

// ---------------------------------------------------------------- align and score

/// A statement named by its article (index into the run's articles) and its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StatementRef {
    pub article_idx: usize,
    pub statement_idx: usize,
}

/// How closely the statements of an alignment correspond.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AlignmentLevel {
    /// The same claim, worded alike: the words are compared for divergences.
    #[default]
    Claim,
    /// The same topic, worded differently (a paraphrase, or a related point
    /// on the same matter): no word-level comparison is made.
    Topic,
}

impl AlignmentLevel {
    /// The name written in report.json: `claim` or `topic`.
    pub fn as_str(&self) -> &'static str {
        match self {
            AlignmentLevel::Claim => "claim",
            AlignmentLevel::Topic => "topic",
        }
    }
}

/// Statements from different articles that report the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    pub topic: String,
    /// How far the aligned statements agree, in [0, 1]; for a topic-level
    /// alignment, the (weaker) topic similarity itself.
    pub agreement: f64,
    /// At most one statement per article, in article order. A statement is
    /// in at most one claim-level alignment, but may also be in topic-level
    /// alignments (each holding two statements), e.g. when one outlet's
    /// sentence covers what another says in two.
    pub statements: Vec<StatementRef>,
    pub level: AlignmentLevel,
}

/// A group of articles about one event, with their statements lined up.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub label: String,
    /// Indexes into the run's articles, ascending.
    pub articles: Vec<usize>,
    pub alignments: Vec<Alignment>,
    /// Statements with no counterpart, claim- or topic-level, in another
    /// article of the event.
    pub only_in: Vec<StatementRef>,
    /// Statements in no row that resemble a statement of another article
    /// by topic similarity alone: neither aligned nor said only here.
    pub related: Vec<StatementRef>,
    /// Pairs of articles `(x, y)`, `x < y`, that are near copies (a wire
    /// story and its rewrite), compared word by word.
    pub copies: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DivergenceType {
    QuoteAltered,
    QuoteTruncated,
    NumberMismatch,
    NegationFlip,
    Misattribution,
    NameVariant,
    HedgingShift,
    ReportingVerbShift,
    LoadedLanguage,
    Omission,
    /// One account asserts what another denies, in other words (opposed
    /// predicates, negation over the same predicate, incompatible facts);
    /// `NegationFlip` stays for copied text with a negation changed.
    Contradiction,
}

impl DivergenceType {
    /// Every type, in the contract's order.
    pub const ALL: [DivergenceType; 11] = [
        DivergenceType::QuoteAltered,
        DivergenceType::QuoteTruncated,
        DivergenceType::NumberMismatch,
        DivergenceType::NegationFlip,
        DivergenceType::Contradiction,
        DivergenceType::Misattribution,
        DivergenceType::NameVariant,
        DivergenceType::HedgingShift,
        DivergenceType::ReportingVerbShift,
        DivergenceType::LoadedLanguage,
        DivergenceType::Omission,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            DivergenceType::QuoteAltered => "quote_altered",
            DivergenceType::QuoteTruncated => "quote_truncated",
            DivergenceType::NumberMismatch => "number_mismatch",
            DivergenceType::NegationFlip => "negation_flip",
            DivergenceType::Misattribution => "misattribution",
            DivergenceType::NameVariant => "name_variant",
            DivergenceType::HedgingShift => "hedging_shift",
            DivergenceType::ReportingVerbShift => "reporting_verb_shift",
            DivergenceType::LoadedLanguage => "loaded_language",
            DivergenceType::Omission => "omission",
            DivergenceType::Contradiction => "contradiction",
        }
    }
}

/// Evidence for a divergence: a byte range in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    pub article_idx: usize,
    pub range: Range,
}

/// One difference found between aligned statements (or an omission).
#[derive(Debug, Clone, PartialEq)]
pub struct Divergence {
    pub kind: DivergenceType,
    pub severity: f64,
    /// How sure parallax is that the finding is real, in [0, 1]: high for a
    /// word-level difference between near copies, lower for differences
    /// read across rewording. Severity says what is at stake; confidence
    /// says how likely it is true.
    pub confidence: f64,
    /// One sentence a person can read.
    pub explanation: String,
    pub spans: Vec<Evidence>,
    /// The alignment (index within its event) this was found on, if any.
    pub alignment_idx: Option<usize>,
}

/// An event with its divergences: what `score` hands to `render`.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoredEvent {
    pub event: Event,
    pub divergences: Vec<Divergence>,
}

/// The whole result of a `compare` run.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub articles: Vec<Article>,
    pub extractions: Vec<Extraction>,
    pub events: Vec<ScoredEvent>,
    pub errors: Vec<InputError>,
}

// ---------------------------------------------------------------- check

/// A claim to check against the coverage (`parallax check`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Claim {
    pub id: String,
    pub text: String,
    /// Ids of the articles to check it against; `None` for every article.
    pub articles: Option<Vec<String>>,
}

/// How an article stands to a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stance {
    /// The article asserts the claim.
    Agree,
    /// The article denies or refutes it.
    Disagree,
    /// The article reports or discusses it without taking a side.
    Discuss,
    /// The article is about something else.
    Unrelated,
}

impl Stance {
    /// Every stance, in the order of the model's classes.
    pub const ALL: [Stance; 4] = [
        Stance::Agree,
        Stance::Disagree,
        Stance::Discuss,
        Stance::Unrelated,
    ];

    /// The name written in `check` lines.
    pub fn as_str(&self) -> &'static str {
        match self {
            Stance::Agree => "agree",
            Stance::Disagree => "disagree",
            Stance::Discuss => "discuss",
            Stance::Unrelated => "unrelated",
        }
    }
}

/// One `check` answer: how one article stands to one claim, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceLine {
    /// Index into the run's claims.
    pub claim_idx: usize,
    /// Index into the run's articles.
    pub article_idx: usize,
    pub stance: Stance,
    /// The model's probability of that stance, in [0, 1].
    pub score: f64,
    /// The sentences that decide the stance, in body order (none when unrelated).
    pub evidence: Vec<Range>,
    /// The feature values the stance was decided from (see `check::FEATURES`).
    pub features: Vec<f64>,
}
