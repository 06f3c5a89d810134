//! Ingest: every input form, and every way an input can fail to be read.

use crate::{data, gzip, write_file};
use parallax::ingest::{load, stream};
use parallax::model::{Article, InputError};

fn load_one(path: &str) -> Article {
    let (articles, errors) = load(&[path.to_string()]);
    assert_eq!(errors, vec![]);
    assert_eq!(articles.len(), 1);
    articles.into_iter().next().unwrap()
}

fn ids(articles: &[Article]) -> Vec<&str> {
    articles.iter().map(|article| article.id.as_str()).collect()
}

fn error(source: &str, message: &str) -> InputError {
    InputError {
        source: source.to_string(),
        message: message.to_string(),
    }
}

#[test]
fn front_matter_gives_fields_and_the_rest_is_the_body_byte_for_byte() {
    let path = data("ingest/front_matter.md");
    let article = load_one(&path);
    assert_eq!(
        article,
        Article {
            id: "rubio-nyt".to_string(),
            outlet: Some("NYT".to_string()),
            title: Some("Rubio: talks a first step".to_string()),
            published: Some("2025-02-18".to_string()),
            url: Some("https://example.com/a".to_string()),
            source: path,
            body: "Rubio said the talks were \"a first step\".\r\n\nSecond paragraph.\n"
                .to_string(),
            body_is_derived: false,
            lines_before_body: 8,
        }
    );
}

#[test]
fn leading_bom_is_removed_before_front_matter() {
    let article = load_one(&data("ingest/bom.txt"));
    assert_eq!(article.id, "bom");
    assert_eq!(article.outlet.as_deref(), Some("UNN"));
    assert_eq!(article.body, "Body after a BOM.\n");
}

#[test]
fn text_without_front_matter_is_all_body() {
    let article = load_one(&data("ingest/plain.txt"));
    assert_eq!(article.id, "plain");
    assert_eq!(article.title, None);
    assert_eq!(
        article.body,
        "Just a body, no front matter.\n---\nnot: front matter\n"
    );
}

#[test]
fn unclosed_front_matter_is_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), "open.txt", b"---\ntitle: x\nno closing line\n");
    assert_eq!(load_one(&path).body, "---\ntitle: x\nno closing line\n");
}

#[test]
fn gzip_files_are_read_and_id_drops_every_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        dir.path(),
        "a/b/page.txt.gz",
        &gzip(b"---\nurl: u\n---\nZipped."),
    );
    let article = load_one(&path);
    assert_eq!(
        (article.id.as_str(), article.body.as_str()),
        ("page", "Zipped.")
    );
    assert_eq!(article.url.as_deref(), Some("u"));
}

#[test]
fn json_array_reads_each_element_and_reports_the_bad_one() {
    let path = data("ingest/array.json");
    let (articles, errors) = load(std::slice::from_ref(&path));
    assert_eq!(ids(&articles), ["a1", "42", "array-4"]);
    assert_eq!(articles[0].body, "One \"quoted\" line.\nNext line.");
    assert_eq!(articles[0].url, None);
    assert_eq!(articles[0].source, format!("{path}#1"));
    assert_eq!(
        errors,
        vec![error(
            &format!("{path}#2"),
            "invalid article: missing field `text` (or `html`)"
        )]
    );
}

#[test]
fn json_single_object_takes_the_file_name_as_default_id() {
    let article = load_one(&data("ingest/single.json"));
    assert_eq!(
        (article.id.as_str(), article.body.as_str()),
        ("single", "A single object.")
    );
}

#[test]
fn jsonl_bad_lines_are_reported_with_their_line_number() {
    let path = data("ingest/lines.jsonl");
    let (articles, errors) = load(std::slice::from_ref(&path));
    assert_eq!(ids(&articles), ["j1", "j3"]);
    assert_eq!(articles[0].source, format!("{path}:1"));
    assert_eq!(articles[1].source, format!("{path}:4"));
    assert_eq!(articles[0].outlet.as_deref(), Some("Reuters"));
    assert_eq!(
        errors,
        vec![
            error(
                &format!("{path}:2"),
                "invalid json: expected value at column 22"
            ),
            error(
                &format!("{path}:5"),
                "invalid article: missing field `text` (or `html`)"
            ),
        ]
    );
}

#[test]
fn gzipped_jsonl_is_read_and_default_ids_name_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        dir.path(),
        "wire.jsonl.gz",
        &gzip(b"{\"text\":\"a\"}\n{\"text\":\"b\"}\n"),
    );
    let (articles, errors) = load(&[path]);
    assert_eq!(errors, vec![]);
    assert_eq!(ids(&articles), ["wire-1", "wire-2"]);
}

#[test]
fn invalid_utf8_missing_and_unknown_files_become_errors_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write_file(dir.path(), "bad.txt", b"abc\xff\xfe");
    let unknown = write_file(dir.path(), "notes.docx", b"x");
    let missing = dir.path().join("missing.txt").display().to_string();
    let broken_gz = write_file(dir.path(), "broken.txt.gz", b"not gzip");
    let good = data("ingest/single.json");
    let inputs = [
        bad.clone(),
        unknown.clone(),
        missing.clone(),
        good,
        broken_gz.clone(),
    ];
    let (articles, errors) = load(&inputs);
    assert_eq!(ids(&articles), ["single"]);
    let expected_unknown =
        "unknown input format (expected .txt, .md, .json, .jsonl or .html, optionally .gz)";
    assert_eq!(
        errors,
        vec![
            error(&bad, "invalid utf-8 at byte 3"),
            error(&unknown, expected_unknown),
            error(&missing, "no such file or directory"),
            error(&broken_gz, "invalid gzip data: unexpected end of file"),
        ]
    );
}

#[test]
fn folders_are_walked_in_bytewise_path_order_skipping_hidden_and_unknown_files() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "b.txt",
        "a/z.txt",
        "a.txt",
        "A.md",
        ".hidden.txt",
        ".git/x.txt",
        "notes.docx",
        "c/d/e.json",
    ] {
        let text = if name.ends_with(".json") {
            "{\"text\":\"j\"}"
        } else {
            "t"
        };
        write_file(dir.path(), name, text.as_bytes());
    }
    let (articles, errors) = load(&[dir.path().display().to_string()]);
    assert_eq!(errors, vec![]);
    let root = dir.path().display().to_string();
    let sources: Vec<String> = articles
        .iter()
        .map(|article| article.source.replace(&root, ""))
        .collect();
    assert_eq!(
        sources,
        ["/A.md", "/a.txt", "/a/z.txt", "/b.txt", "/c/d/e.json"]
    );
}

#[test]
fn duplicate_ids_get_a_numbered_suffix_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(
        dir.path(),
        "dup.jsonl",
        b"{\"id\":\"x\",\"text\":\"1\"}\n{\"id\":\"x\",\"text\":\"2\"}\n{\"id\":\"x~2\",\"text\":\"3\"}\n",
    );
    let (articles, _) = load(&[path]);
    assert_eq!(ids(&articles), ["x", "x~2", "x~2~2"]);
}

#[test]
fn stream_gives_the_same_records_as_load_in_chunks_of_the_given_size() {
    let inputs = [
        data("ingest/lines.jsonl"),
        data("ingest/array.json"),
        data("ingest/bom.txt"),
    ];
    let chunks: Vec<Vec<Result<Article, InputError>>> = stream(&inputs, 3).collect();
    let sizes: Vec<usize> = chunks.iter().map(Vec::len).collect();
    assert_eq!(sizes, [3, 3, 3]);
    let (articles, errors) = load(&inputs);
    let streamed: Vec<_> = chunks.into_iter().flatten().collect();
    let streamed_articles: Vec<Article> = streamed.iter().filter_map(|r| r.clone().ok()).collect();
    let streamed_errors: Vec<InputError> = streamed.into_iter().filter_map(Result::err).collect();
    assert_eq!((streamed_articles, streamed_errors), (articles, errors));
}
