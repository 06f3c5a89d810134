//! Fuzz harnesses: take arbitrary bytes, run them through one stage of
//! parallax, and panic when an invariant breaks, so that libFuzzer keeps the
//! input as a crash.
//!
//! One function per fuzz target (`fuzz_targets/*.rs`); the integration test
//! `tests/it/fuzz_regressions.rs` includes this file too and replays every
//! crash kept in `tests/data/fuzz/<target>/` through the same function.
//!
//! The invariants, checked on every article any harness gets:
//! - ingest accounts for every input: one file gives exactly one article or
//!   error (a `.json` array one per element, `.jsonl` one per non-blank line);
//!   an article's body is never blank, and ids are unique;
//! - a `.txt`/`.md` body read as UTF-8 is the file's text byte for byte,
//!   after its front matter;
//! - paragraphs and sentences are in order, do not overlap, lie on character
//!   boundaries, and every sentence lies inside its paragraph;
//! - every statement, cue, speaker mention and framing range lies on
//!   character boundaries, its span's `text` is `body[start..end]`, and
//!   statements of one article do not overlap in content.

use flate2::write::GzEncoder;
use flate2::Compression;
use parallax::model::{Article, Range};
use std::cell::RefCell;
use std::collections::HashSet;
use std::io::Write;

/// `.txt` and `.md` files, with or without front matter, UTF-8 or UTF-16.
/// The first byte chooses the extension (bit 0) and how the file is stored
/// (`Storage`, the rest); the other bytes are the file.
pub fn ingest_text(data: &[u8]) {
    let Some((&selector, content)) = data.split_first() else {
        return;
    };
    let extension = if selector & 1 == 0 { "txt" } else { "md" };
    let storage = Storage::from_selector(selector >> 1);
    let (articles, errors) = ingest_file(extension, storage, content);
    assert_eq!(articles.len() + errors.len(), 1, "one file, one record");
    check_articles(&articles);
    for article in &articles {
        if storage != Storage::RawGz && !article.body_is_derived {
            let text = content.strip_prefix(b"\xef\xbb\xbf").unwrap_or(content);
            assert!(
                text.ends_with(article.body.as_bytes()),
                "the body is not the file's text after its front matter"
            );
        }
    }
}

/// `.json` (bit 0 of the first byte clear) and `.jsonl` files, articles
/// with `text` or with `html`; the rest of the first byte chooses the
/// storage, the other bytes are the file.
pub fn ingest_json(data: &[u8]) {
    let Some((&selector, content)) = data.split_first() else {
        return;
    };
    let json_lines = selector & 1 == 1;
    let extension = if json_lines { "jsonl" } else { "json" };
    let storage = Storage::from_selector(selector >> 1);
    let (articles, errors) = ingest_file(extension, storage, content);
    let n_records = articles.len() + errors.len();
    if storage != Storage::RawGz {
        let expected = if json_lines {
            let lines = content.split(|&b| b == b'\n');
            lines
                .filter(|line| !line.iter().all(u8::is_ascii_whitespace))
                .count()
        } else {
            json_array_len(content).unwrap_or(1)
        };
        assert_eq!(n_records, expected, "records lost or invented");
    }
    check_articles(&articles);
}

/// HTML pages: bit 0 of the first byte set reads the rest as an `.html`
/// file (bit 1: gzip-compressed), clear gives it (as UTF-8, invalid bytes
/// replaced) to `article_from_html` directly.
pub fn html(data: &[u8]) {
    let Some((&selector, content)) = data.split_first() else {
        return;
    };
    if selector & 1 == 1 {
        let storage = Storage::from_selector((selector >> 1) & 1);
        let (articles, errors) = ingest_file("html", storage, content);
        assert_eq!(articles.len() + errors.len(), 1, "one page, one record");
        check_articles(&articles);
        return;
    }
    let html = String::from_utf8_lossy(content);
    if let Ok(page) = parallax::ingest::article_from_html(&html) {
        assert!(!page.text.trim().is_empty(), "a page's article is blank");
        check_body(&page.text);
    }
}

/// Segment and extract on an arbitrary body (as UTF-8, invalid bytes
/// replaced).
pub fn extract(data: &[u8]) {
    check_body(&String::from_utf8_lossy(data));
}

/// How a fuzzed file is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Storage {
    /// As it is.
    Plain,
    /// Gzip-compressed by the harness, named `.gz`: valid gzip of the input.
    Gz,
    /// As it is but named `.gz`: (mostly) broken gzip.
    RawGz,
}

impl Storage {
    fn from_selector(selector: u8) -> Storage {
        match selector % 3 {
            0 => Storage::Plain,
            1 => Storage::Gz,
            _ => Storage::RawGz,
        }
    }
}

thread_local! {
    /// One folder per thread for the files ingest reads, made once: the
    /// harness runs thousands of times a second.
    static FOLDER: RefCell<Option<tempfile::TempDir>> = const { RefCell::new(None) };
}

/// Writes `content` to a file `article.<extension>[.gz]` and reads it with
/// `ingest::load`, as a run would.
fn ingest_file(
    extension: &str,
    storage: Storage,
    content: &[u8],
) -> (Vec<Article>, Vec<parallax::model::InputError>) {
    FOLDER.with(|folder| {
        let mut folder = folder.borrow_mut();
        let folder = folder.get_or_insert_with(|| tempfile::tempdir().expect("temporary folder"));
        let suffix = if storage == Storage::Plain { "" } else { ".gz" };
        let path = folder.path().join(format!("article.{extension}{suffix}"));
        let bytes = match storage {
            Storage::Gz => {
                let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
                encoder.write_all(content).expect("gzip in memory");
                encoder.finish().expect("gzip in memory")
            }
            Storage::Plain | Storage::RawGz => content.to_vec(),
        };
        std::fs::write(&path, bytes).expect("write the fuzzed file");
        let loaded = parallax::ingest::load(&[path.display().to_string()]);
        std::fs::remove_file(&path).expect("remove the fuzzed file");
        loaded
    })
}

/// The number of elements when `content` is a JSON array.
fn json_array_len(content: &[u8]) -> Option<usize> {
    match serde_json::from_slice::<serde_json::Value>(content) {
        Ok(serde_json::Value::Array(elements)) => Some(elements.len()),
        _ => None,
    }
}

/// Ingest's guarantees on the articles of one run, then each body's.
fn check_articles(articles: &[Article]) {
    let mut ids = HashSet::new();
    for article in articles {
        assert!(!article.body.trim().is_empty(), "blank body");
        assert!(ids.insert(&article.id), "id {:?} repeated", article.id);
        check_body(&article.body);
    }
}

/// Segments and extracts `body` (as an article of its own) and checks every
/// range the two give.
pub fn check_body(body: &str) {
    let segments = parallax::segment::segment(body);
    let mut previous_end = 0;
    for paragraph in &segments.paragraphs {
        check_range(body, paragraph.range);
        assert!(paragraph.range.start >= previous_end, "paragraphs overlap");
        previous_end = paragraph.range.end;
    }
    previous_end = 0;
    for sentence in &segments.sentences {
        check_range(body, sentence.range);
        assert!(sentence.range.start >= previous_end, "sentences overlap");
        previous_end = sentence.range.end;
        let paragraph = segments.paragraphs[sentence.paragraph_idx];
        assert!(
            paragraph.range.contains(&sentence.range),
            "sentence {:?} outside its paragraph {:?}",
            sentence.range,
            paragraph.range
        );
    }
    let article = Article {
        id: "fuzz".to_string(),
        source: "fuzz.txt".to_string(),
        body: body.to_string(),
        ..Article::default()
    };
    let extraction = parallax::extract::extract(&article, &segments);
    let mut previous: Option<Range> = None;
    for statement in &extraction.statements {
        check_range(body, statement.content);
        statement.cue.into_iter().for_each(|r| check_range(body, r));
        let mention = statement.speaker.mention;
        mention.into_iter().for_each(|r| check_range(body, r));
        if let Some(previous) = previous {
            assert_eq!(
                previous.overlap(&statement.content),
                0,
                "statements {previous:?} and {:?} overlap",
                statement.content
            );
        }
        previous = Some(statement.content);
    }
    for framing in &extraction.framing {
        check_range(body, framing.range);
    }
}

/// A range is a slice of `body` and its span says so.
fn check_range(body: &str, range: Range) {
    assert!(range.start <= range.end, "{range:?} backwards");
    let Some(text) = body.get(range.start..range.end) else {
        panic!(
            "{range:?} not on character boundaries of a {}-byte body",
            body.len()
        );
    };
    assert_eq!(
        range.span(body).text,
        text,
        "span text is not body[start..end]"
    );
}
