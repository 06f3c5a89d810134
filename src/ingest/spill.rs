//! Spill: articles and their extractions parked on disk during a streaming
//! `compare`, so that memory holds only what clustering needs.
//!
//! Takes articles with extractions (names as each article gives them); gives
//! them back by the offset `append` returned, from any thread. The file is a
//! private, temporary one in the output folder, in a compact binary form of
//! our own (lengths as LEB128 varints, strings as UTF-8 bytes), deleted when
//! the `Spill` is dropped.

use crate::model::{Article, Extraction, Framing, Range, Speaker, Statement, StatementKind};
use anyhow::Context;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

/// Where a record sits in the spill file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpillRecord {
    pub offset: u64,
    pub len: u32,
}

/// A temporary file of (article, extraction) records.
pub struct Spill {
    path: PathBuf,
    writer: Option<BufWriter<File>>,
    reader: Option<File>,
    written: u64,
}

impl Spill {
    /// Creates `.parallax-spill-PID` in `dir`, creating `dir` when needed.
    pub fn create(dir: &Path) -> anyhow::Result<Spill> {
        fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let path = dir.join(format!(".parallax-spill-{}", std::process::id()));
        let file =
            File::create(&path).with_context(|| format!("cannot create {}", path.display()))?;
        Ok(Spill {
            path,
            writer: Some(BufWriter::with_capacity(1 << 20, file)),
            reader: None,
            written: 0,
        })
    }

    /// Appends one article with its extraction; gives where it went.
    pub fn append(
        &mut self,
        article: &Article,
        extraction: &Extraction,
    ) -> anyhow::Result<SpillRecord> {
        let bytes = encode(article, extraction);
        let writer = self.writer.as_mut().expect("append before finish_writing");
        writer
            .write_all(&bytes)
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        let record = SpillRecord {
            offset: self.written,
            len: u32::try_from(bytes.len()).context("an article over 4 GB")?,
        };
        self.written += bytes.len() as u64;
        Ok(record)
    }

    /// Ends writing; records can be read from then on.
    pub fn finish_writing(&mut self) -> anyhow::Result<()> {
        if let Some(mut writer) = self.writer.take() {
            writer
                .flush()
                .with_context(|| format!("cannot write {}", self.path.display()))?;
        }
        let file = File::open(&self.path)
            .with_context(|| format!("cannot read {}", self.path.display()))?;
        self.reader = Some(file);
        Ok(())
    }

    /// The article and extraction of a record.
    pub fn read(&self, record: SpillRecord) -> anyhow::Result<(Article, Extraction)> {
        let file = self.reader.as_ref().expect("read before finish_writing");
        let mut bytes = vec![0u8; record.len as usize];
        file.read_exact_at(&mut bytes, record.offset)
            .with_context(|| format!("cannot read {}", self.path.display()))?;
        decode(&bytes).with_context(|| format!("{} is damaged", self.path.display()))
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        self.writer = None;
        self.reader = None;
        let _ = fs::remove_file(&self.path);
    }
}

// ---------------------------------------------------------------- encoding

fn encode(article: &Article, extraction: &Extraction) -> Vec<u8> {
    let mut out = Vec::with_capacity(article.body.len() + 256);
    let out = &mut out;
    string(out, &article.id);
    optional_string(out, article.outlet.as_deref());
    optional_string(out, article.title.as_deref());
    optional_string(out, article.published.as_deref());
    optional_string(out, article.url.as_deref());
    string(out, &article.source);
    string(out, &article.body);
    varint(out, u64::from(article.body_is_derived));
    varint(out, article.lines_before_body as u64);
    varint(out, extraction.statements.len() as u64);
    for statement in &extraction.statements {
        string(out, &statement.id);
        varint(out, statement_kind_code(statement.kind));
        optional_string(out, statement.speaker.name.as_deref());
        optional_range(out, statement.speaker.mention);
        optional_string(out, statement.speaker.role.as_deref());
        optional_range(out, statement.cue);
        range(out, statement.content);
        varint(out, statement.topics.len() as u64);
        for topic in &statement.topics {
            string(out, topic);
        }
    }
    varint(out, extraction.framing.len() as u64);
    for framing in &extraction.framing {
        range(out, framing.range);
        string(out, framing.category);
    }
    varint(out, extraction.cites.len() as u64);
    for cite in &extraction.cites {
        string(out, cite);
    }
    std::mem::take(out)
}

fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn string(out: &mut Vec<u8>, value: &str) {
    varint(out, value.len() as u64);
    out.extend_from_slice(value.as_bytes());
}

/// 0 for none, else the length plus one.
fn optional_string(out: &mut Vec<u8>, value: Option<&str>) {
    match value {
        None => varint(out, 0),
        Some(value) => {
            varint(out, value.len() as u64 + 1);
            out.extend_from_slice(value.as_bytes());
        }
    }
}

fn range(out: &mut Vec<u8>, range: Range) {
    varint(out, range.start as u64);
    varint(out, (range.end - range.start) as u64);
}

fn optional_range(out: &mut Vec<u8>, value: Option<Range>) {
    varint(out, u64::from(value.is_some()));
    if let Some(value) = value {
        range(out, value);
    }
}

fn statement_kind_code(kind: StatementKind) -> u64 {
    match kind {
        StatementKind::Direct => 0,
        StatementKind::Indirect => 1,
        StatementKind::Mixed => 2,
        StatementKind::Narration => 3,
    }
}

// ---------------------------------------------------------------- decoding

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn varint(&mut self) -> anyhow::Result<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self.bytes.get(self.at).context("record ends early")?;
            self.at += 1;
            value |= u64::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return Ok(value);
            }
        }
        anyhow::bail!("varint too long")
    }

    fn usize(&mut self) -> anyhow::Result<usize> {
        Ok(usize::try_from(self.varint()?)?)
    }

    fn bytes(&mut self, len: usize) -> anyhow::Result<String> {
        let end = self.at.checked_add(len).context("record ends early")?;
        let slice = self.bytes.get(self.at..end).context("record ends early")?;
        self.at = end;
        Ok(std::str::from_utf8(slice)?.to_string())
    }

    fn string(&mut self) -> anyhow::Result<String> {
        let len = self.usize()?;
        self.bytes(len)
    }

    fn optional_string(&mut self) -> anyhow::Result<Option<String>> {
        match self.usize()? {
            0 => Ok(None),
            len => Ok(Some(self.bytes(len - 1)?)),
        }
    }

    fn range(&mut self) -> anyhow::Result<Range> {
        let start = self.usize()?;
        let len = self.usize()?;
        Ok(Range::new(start, start + len))
    }

    fn optional_range(&mut self) -> anyhow::Result<Option<Range>> {
        match self.varint()? {
            0 => Ok(None),
            _ => Ok(Some(self.range()?)),
        }
    }
}

fn decode(bytes: &[u8]) -> anyhow::Result<(Article, Extraction)> {
    let mut reader = Reader { bytes, at: 0 };
    let article = Article {
        id: reader.string()?,
        outlet: reader.optional_string()?,
        title: reader.optional_string()?,
        published: reader.optional_string()?,
        url: reader.optional_string()?,
        source: reader.string()?,
        body: reader.string()?,
        body_is_derived: reader.varint()? != 0,
        lines_before_body: reader.usize()?,
    };
    let n_statements = reader.usize()?;
    let mut statements = Vec::with_capacity(n_statements);
    for _ in 0..n_statements {
        let id = reader.string()?;
        let kind = match reader.varint()? {
            0 => StatementKind::Direct,
            1 => StatementKind::Indirect,
            2 => StatementKind::Mixed,
            _ => StatementKind::Narration,
        };
        let speaker = Speaker {
            name: reader.optional_string()?,
            mention: reader.optional_range()?,
            role: reader.optional_string()?,
        };
        let cue = reader.optional_range()?;
        let content = reader.range()?;
        let n_topics = reader.usize()?;
        let topics = (0..n_topics)
            .map(|_| reader.string())
            .collect::<anyhow::Result<Vec<String>>>()?;
        statements.push(Statement {
            id,
            kind,
            speaker,
            cue,
            content,
            topics,
        });
    }
    let n_framing = reader.usize()?;
    let mut framing = Vec::with_capacity(n_framing);
    for _ in 0..n_framing {
        let range = reader.range()?;
        let category = reader.string()?;
        framing.push(Framing {
            range,
            category: crate::framing::category_named(&category)
                .context("unknown framing category")?,
        });
    }
    let n_cites = reader.usize()?;
    let cites = (0..n_cites)
        .map(|_| reader.string())
        .collect::<anyhow::Result<Vec<String>>>()?;
    Ok((
        article,
        Extraction {
            statements,
            framing,
            cites,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_and_extraction_come_back_whole() {
        let body = "Smith said: \u{201c}We will win.\u{201d} Critics called it reckless.";
        let article = Article {
            id: "a1".to_string(),
            outlet: Some("Outlet".to_string()),
            title: None,
            published: Some("2016-03-01".to_string()),
            url: None,
            source: "in.jsonl:1".to_string(),
            body: body.to_string(),
            body_is_derived: true,
            lines_before_body: 3,
        };
        let extraction = crate::extract::extract(&article, &crate::segment::segment(body));
        assert!(!extraction.statements.is_empty());
        let dir = tempfile::tempdir().unwrap();
        let mut spill = Spill::create(dir.path()).unwrap();
        let first = spill.append(&article, &extraction).unwrap();
        let second = spill.append(&article, &Extraction::default()).unwrap();
        spill.finish_writing().unwrap();
        assert_eq!(
            spill.read(second).unwrap(),
            (article.clone(), Extraction::default())
        );
        assert_eq!(spill.read(first).unwrap(), (article, extraction));
        drop(spill);
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
