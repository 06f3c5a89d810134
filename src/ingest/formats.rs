//! Input formats: turns one file (or standard input) into articles.
//!
//! Takes a path; gives its articles and errors: `.txt`/`.md` with optional
//! front matter, `.json` (an object or an array), `.jsonl` (one object a
//! line, read lazily), `.html`/`.htm` pages (their main text, see `html`),
//! each optionally gzip-compressed. A JSON article may carry its page as
//! `"html"` instead of `"text"`.

use super::decode::decode;
use super::html::article_from_html;
use crate::model::{Article, InputError};
use flate2::read::MultiGzDecoder;
use serde::Deserialize;
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Large buffers: batch runs read gigabytes of JSONL.
const BUFFER_SIZE: usize = 1 << 20;

/// What a file holds, from its extension (after an optional `.gz`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`, `.md`: one article, optional front matter.
    Text,
    /// `.json`: one article object or an array of them.
    Json,
    /// `.jsonl`: one article object a line.
    JsonLines,
    /// `.html`, `.htm`: one page, its main text is the body.
    Html,
}

impl Format {
    /// The format named by a path's extension, if it is one parallax reads.
    pub fn of(path: &Path) -> Option<Format> {
        FileName::of(path).map(|name| name.format)
    }
}

/// A file name split into what matters: format, compression and stem.
struct FileName {
    format: Format,
    gz: bool,
    /// The name without its extensions: the default article id.
    stem: String,
}

impl FileName {
    fn of(path: &Path) -> Option<FileName> {
        let name = path.file_name()?.to_string_lossy();
        let lower = name.to_ascii_lowercase();
        let gz = lower.ends_with(".gz");
        let name = if gz {
            &name[..name.len() - 3]
        } else {
            &name[..]
        };
        let (stem, extension) = name.rsplit_once('.')?;
        let format = match extension.to_ascii_lowercase().as_str() {
            "txt" | "md" => Format::Text,
            "json" => Format::Json,
            "jsonl" => Format::JsonLines,
            "html" | "htm" => Format::Html,
            _ => return None,
        };
        let stem = if stem.is_empty() { name } else { stem };
        Some(FileName {
            format,
            gz,
            stem: stem.to_string(),
        })
    }
}

/// A file opened for reading: JSONL is read lazily, the rest at once.
pub enum Opened {
    Lines(JsonLines),
    Records(Vec<Record>),
}

/// One input read: an article or an error, or an HTML page whose text is
/// still to be taken (`Record::finish`, on any thread: parsing is most of
/// the work of reading a page, so a chunk's pages are parsed in parallel).
pub enum Record {
    Done(Result<Article, InputError>),
    Page(Page),
}

impl Record {
    /// The article or error, parsing the page if there is one.
    pub fn finish(self) -> Result<Article, InputError> {
        match self {
            Record::Done(record) => record,
            Record::Page(page) => page.article(),
        }
    }
}

/// An HTML page read but not yet parsed, with the article its fields make
/// (id, source, and what a JSON record said).
pub struct Page {
    html: PageHtml,
    article: Article,
}

enum PageHtml {
    /// An `.html` file's bytes, not yet decoded.
    Bytes(Vec<u8>),
    /// The `html` field of a JSON article.
    Text(String),
}

impl Page {
    /// The page's article: its main text is the body (so `extract` prints
    /// it); its metadata fills the fields the record left empty.
    fn article(self) -> Result<Article, InputError> {
        let mut article = self.article;
        let source = &article.source;
        let html = match self.html {
            PageHtml::Bytes(bytes) => {
                decode(bytes)
                    .map_err(|message| input_error(source, &message))?
                    .0
            }
            PageHtml::Text(html) => html,
        };
        let page = article_from_html(&html).map_err(|message| input_error(source, &message))?;
        article.body = page.text;
        article.body_is_derived = true;
        fill_missing(&mut article.title, page.title);
        fill_missing(&mut article.published, page.published);
        fill_missing(&mut article.outlet, page.outlet);
        fill_missing(&mut article.url, page.url);
        Ok(article)
    }
}

/// Opens one file and reads it, or starts reading it when it is JSONL.
pub fn open(path: &Path) -> Opened {
    let source = path.display().to_string();
    let Some(name) = FileName::of(path) else {
        let message = if path.exists() {
            "unknown input format (expected .txt, .md, .json, .jsonl or .html, optionally .gz)"
        } else {
            "no such file or directory"
        };
        return Opened::Records(vec![Record::Done(Err(input_error(&source, message)))]);
    };
    let record = match name.format {
        Format::JsonLines => match open_reader(path, name.gz) {
            Ok(reader) => return Opened::Lines(JsonLines::new(reader, source, name.stem)),
            Err(error) => Err(io_error(&source, &error)),
        },
        Format::Json => match read_bytes(path, name.gz) {
            Ok(bytes) => return Opened::Records(json_articles(&bytes, &source, &name.stem)),
            Err(error) => Err(io_error(&source, &error)),
        },
        Format::Text => read_bytes(path, name.gz)
            .map_err(|error| io_error(&source, &error))
            .and_then(|bytes| text_article(bytes, source, &name.stem)),
        Format::Html => match read_bytes(path, name.gz) {
            Ok(bytes) => {
                let article = Article {
                    id: name.stem,
                    source,
                    ..Article::default()
                };
                let html = PageHtml::Bytes(bytes);
                return Opened::Records(vec![Record::Page(Page { html, article })]);
            }
            Err(error) => Err(io_error(&source, &error)),
        },
    };
    Opened::Records(vec![Record::Done(record)])
}

fn open_reader(path: &Path, gz: bool) -> io::Result<Box<dyn BufRead + Send>> {
    let file = File::open(path)?;
    Ok(if gz {
        Box::new(BufReader::with_capacity(
            BUFFER_SIZE,
            MultiGzDecoder::new(file),
        ))
    } else {
        Box::new(BufReader::with_capacity(BUFFER_SIZE, file))
    })
}

fn read_bytes(path: &Path, gz: bool) -> io::Result<Vec<u8>> {
    let mut file = File::open(path)?;
    let size = file.metadata().map(|meta| meta.len() as usize).unwrap_or(0);
    let mut bytes = Vec::with_capacity(if gz { size * 4 } else { size + 1 });
    if gz {
        MultiGzDecoder::new(file)
            .read_to_end(&mut bytes)
            .map_err(|error| {
                io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("invalid gzip data: {error}"),
                )
            })?;
    } else {
        file.read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

// ---------------------------------------------------------------- text

/// A `.txt`/`.md` file: optional front matter, then the body byte for byte
/// (UTF-16 with a byte-order mark is decoded first).
fn text_article(bytes: Vec<u8>, source: String, stem: &str) -> Result<Article, InputError> {
    let (mut text, body_is_derived) =
        decode(bytes).map_err(|message| input_error(&source, &message))?;
    let mut article = Article {
        id: stem.to_string(),
        source,
        body_is_derived,
        ..Article::default()
    };
    if let Some((fields, body_start)) = front_matter(&text) {
        for (key, value) in fields {
            set_field(&mut article, key, value);
        }
        article.lines_before_body = text[..body_start].matches('\n').count();
        text.drain(..body_start);
    }
    if text.trim().is_empty() {
        return Err(input_error(&article.source, EMPTY_ARTICLE));
    }
    article.body = text;
    Ok(article)
}

const EMPTY_ARTICLE: &str = "empty article: no text";

/// The `key: value` pairs between a first line `---` and the next `---`
/// line, and where the body starts; `None` when the text has no such block
/// (a line in it that is not `key: value` means it is not front matter).
fn front_matter(text: &str) -> Option<(Vec<(&str, &str)>, usize)> {
    let mut lines = LinesWithEnds { text, pos: 0 };
    let (first, _) = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    for (line, end) in lines {
        let line = line.trim();
        if line == "---" {
            return Some((fields, end));
        }
        if line.is_empty() {
            continue;
        }
        let (key, value) = line.split_once(':')?;
        let key = key.trim();
        if key.is_empty()
            || !key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        {
            return None;
        }
        fields.push((key, unquote(value.trim())));
    }
    None
}

/// Lines of a text, each with the byte offset just past its line break.
struct LinesWithEnds<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Iterator for LinesWithEnds<'a> {
    type Item = (&'a str, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let end = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        self.pos += end;
        Some((&rest[..end], self.pos))
    }
}

fn unquote(value: &str) -> &str {
    let quoted = value.len() >= 2
        && ((value.starts_with('"') && value.ends_with('"'))
            || (value.starts_with('\'') && value.ends_with('\'')));
    if quoted {
        &value[1..value.len() - 1]
    } else {
        value
    }
}

fn set_field(article: &mut Article, key: &str, value: &str) {
    let value = (!value.is_empty()).then(|| value.to_string());
    match key.to_ascii_lowercase().as_str() {
        "id" => {
            if let Some(id) = value {
                article.id = id;
            }
        }
        "outlet" => article.outlet = value,
        "title" => article.title = value,
        "published" => article.published = value,
        "url" => article.url = value,
        _ => {}
    }
}

// ---------------------------------------------------------------- json

/// An article object as found in `.json` and `.jsonl` inputs.
#[derive(Deserialize)]
struct ArticleRecord<'a> {
    #[serde(borrow)]
    id: Option<Id<'a>>,
    #[serde(borrow)]
    outlet: Option<Cow<'a, str>>,
    #[serde(borrow)]
    title: Option<Cow<'a, str>>,
    #[serde(borrow)]
    published: Option<Cow<'a, str>>,
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    text: Option<Cow<'a, str>>,
    /// A page whose main text is the body, when there is no `text`.
    #[serde(borrow)]
    html: Option<Cow<'a, str>>,
}

/// Data sets often number their articles: accept `"id": 12` as well as `"id": "12"`.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id<'a> {
    Text(#[serde(borrow)] Cow<'a, str>),
    Number(serde_json::Number),
}

impl ArticleRecord<'_> {
    /// The article, its body the `text`, or the page of the `html` to parse.
    fn into_record(self, source: String, default_id: impl FnOnce() -> String) -> Record {
        let id = match self.id {
            Some(Id::Text(id)) if !id.is_empty() => id.into_owned(),
            Some(Id::Number(number)) => number.to_string(),
            _ => default_id(),
        };
        let mut article = Article {
            id,
            outlet: self.outlet.map(Cow::into_owned),
            title: self.title.map(Cow::into_owned),
            published: self.published.map(Cow::into_owned),
            url: self.url.map(Cow::into_owned),
            source,
            body: String::new(),
            body_is_derived: false,
            lines_before_body: 0,
        };
        match (self.text, self.html) {
            (Some(text), _) if text.trim().is_empty() => {
                Record::Done(Err(input_error(&article.source, EMPTY_ARTICLE)))
            }
            (Some(text), _) => {
                article.body = text.into_owned();
                Record::Done(Ok(article))
            }
            (None, Some(html)) => Record::Page(Page {
                html: PageHtml::Text(html.into_owned()),
                article,
            }),
            (None, None) => Record::Done(Err(input_error(&article.source, MISSING_TEXT))),
        }
    }
}

const MISSING_TEXT: &str = "invalid article: missing field `text` (or `html`)";

/// The record's own fields win over what the page's metadata says.
fn fill_missing(field: &mut Option<String>, value: Option<String>) {
    if field.is_none() {
        *field = value;
    }
}

/// A `.json` file: one article object, or an array of them (each element
/// read on its own, so one bad element does not lose the others).
pub(super) fn json_articles(bytes: &[u8], source: &str, stem: &str) -> Vec<Record> {
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(value) => value,
        Err(error) => {
            let error = input_error(source, &json_message(&error, true));
            return vec![Record::Done(Err(error))];
        }
    };
    let serde_json::Value::Array(elements) = &value else {
        let record = match ArticleRecord::deserialize(&value) {
            Ok(record) => record.into_record(source.to_string(), || stem.to_string()),
            Err(error) => Record::Done(Err(input_error(source, &json_message(&error, true)))),
        };
        return vec![record];
    };
    let elements = elements.iter().enumerate();
    elements
        .map(|(idx, element)| {
            let source = format!("{source}#{}", idx + 1);
            match ArticleRecord::deserialize(element) {
                Ok(record) => record.into_record(source, || format!("{stem}-{}", idx + 1)),
                Err(error) => Record::Done(Err(input_error(&source, &json_message(&error, false)))),
            }
        })
        .collect()
}

/// Reads JSONL lazily, one record a line; blank lines are skipped.
pub struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    /// The path, or `stdin`; sources are `label:LINE`.
    label: String,
    /// Default ids are `stem-LINE`.
    stem: String,
    line_no: usize,
    line: Vec<u8>,
    done: bool,
}

impl JsonLines {
    fn new(reader: Box<dyn BufRead + Send>, label: String, stem: String) -> JsonLines {
        JsonLines {
            reader,
            label,
            stem,
            line_no: 0,
            line: Vec::new(),
            done: false,
        }
    }

    /// JSONL on standard input.
    pub fn stdin() -> JsonLines {
        let reader = Box::new(BufReader::with_capacity(BUFFER_SIZE, io::stdin()));
        JsonLines::new(reader, "stdin".to_string(), "stdin".to_string())
    }

    fn parse_line(&self) -> Record {
        let source = format!("{}:{}", self.label, self.line_no);
        match serde_json::from_slice::<ArticleRecord>(&self.line) {
            Ok(record) => record.into_record(source, || format!("{}-{}", self.stem, self.line_no)),
            Err(error) => Record::Done(Err(input_error(&source, &json_message(&error, false)))),
        }
    }
}

impl Iterator for JsonLines {
    type Item = Record;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.line.clear();
            match self.reader.read_until(b'\n', &mut self.line) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line_no += 1;
                    if !self.line.iter().all(u8::is_ascii_whitespace) {
                        return Some(self.parse_line());
                    }
                }
                Err(error) => {
                    self.done = true;
                    let source = format!("{}:{}", self.label, self.line_no + 1);
                    return Some(Record::Done(Err(io_error(&source, &error))));
                }
            }
        }
        None
    }
}

/// One JSONL line read on its own, exactly as `JsonLines` reads it (source
/// `label:LINE`, default id `stem-LINE`), for engines that split a file
/// themselves (the Spark job).
pub fn json_line(line: &[u8], label: &str, stem: &str, line_no: usize) -> Record {
    let source = format!("{label}:{line_no}");
    match serde_json::from_slice::<ArticleRecord>(line) {
        Ok(record) => record.into_record(source, || format!("{stem}-{line_no}")),
        Err(error) => Record::Done(Err(input_error(&source, &json_message(&error, false)))),
    }
}

/// The label (sources are `label:LINE`) and stem (default ids are
/// `stem-LINE`) a run gives the lines of a JSONL file; `None` when the path
/// does not name a `.jsonl` file.
pub fn jsonl_names(path: &Path) -> Option<(String, String)> {
    let name = FileName::of(path).filter(|name| name.format == Format::JsonLines)?;
    Some((path.display().to_string(), name.stem))
}

/// A serde_json error as a message; for a single line, only the column.
fn json_message(error: &serde_json::Error, with_line: bool) -> String {
    let text = error.to_string();
    let detail = match text.rfind(" at line ") {
        Some(at) if !with_line && error.line() > 0 => {
            format!("{} at column {}", &text[..at], error.column())
        }
        Some(at) if error.line() == 0 => text[..at].to_string(),
        _ => text,
    };
    match error.classify() {
        serde_json::error::Category::Data => format!("invalid article: {detail}"),
        serde_json::error::Category::Io => detail,
        _ => format!("invalid json: {detail}"),
    }
}

// ---------------------------------------------------------------- errors

fn input_error(source: &str, message: &str) -> InputError {
    InputError {
        source: source.to_string(),
        message: message.to_string(),
    }
}

/// An IO error as a lower-case message without the OS error number.
fn io_error(source: &str, error: &io::Error) -> InputError {
    let message = match error.kind() {
        io::ErrorKind::NotFound => "no such file or directory".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => lower_first(&error.to_string()),
    };
    input_error(source, &message)
}

fn lower_first(text: &str) -> String {
    let text = match text.find(" (os error") {
        Some(at) => &text[..at],
        None => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
