//! Temporary development harness: extract .txt files to contract JSONL.
use parallax::model::{Article, Range};
use serde_json::json;

fn span(body: &str, r: Option<Range>) -> serde_json::Value {
    match r {
        Some(r) => json!({"text": r.text(body), "start": r.start, "end": r.end}),
        None => serde_json::Value::Null,
    }
}

fn main() {
    let mut articles = Vec::new();
    for path in std::env::args().skip(1) {
        let raw = std::fs::read_to_string(&path).unwrap();
        let (body, outlet) = if let Some(rest) = raw.strip_prefix("---\n") {
            let end = rest.find("\n---\n").unwrap();
            let outlet = rest[..end]
                .lines()
                .find_map(|l| l.strip_prefix("outlet: "))
                .map(String::from);
            (rest[end + 5..].to_string(), outlet)
        } else {
            (raw, None)
        };
        let id = std::path::Path::new(&path)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .to_string();
        articles.push(Article {
            id,
            outlet,
            source: path,
            body,
            ..Default::default()
        });
    }
    let extractions = parallax::extract_all(&articles);
    for (a, x) in articles.iter().zip(&extractions) {
        let b = &a.body;
        let sts: Vec<_> = x.statements.iter().map(|s| json!({
            "id": s.id, "kind": s.kind,
            "speaker": {"name": s.speaker.name, "mention": span(b, s.speaker.mention), "role": s.speaker.role},
            "cue": span(b, s.cue), "content": span(b, Some(s.content)), "topics": s.topics})).collect();
        println!(
            "{}",
            json!({"article": {"id": a.id, "source": a.source, "cites": x.cites}, "statements": sts})
        );
    }
}
