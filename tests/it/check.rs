//! `parallax check`: stances with evidence spans, claims files, exit statuses.

use crate::write_file;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .unwrap()
}

const ARTICLES: &str = r#"{"id": "firm", "text": "Ukraine will be part of the peace talks in Riyadh, officials confirmed."}
{"id": "denied", "text": "Ukraine will not be part of the peace talks."}
{"id": "hoax", "text": "Officials debunked the report that Ukraine will be part of the talks as a hoax."}
{"id": "hedged", "text": "Ukraine may reportedly be part of the peace talks, sources say."}
{"id": "parks", "text": "The city council approved a new budget for parks and libraries."}
"#;

fn articles_file(dir: &Path) -> String {
    write_file(dir, "articles.jsonl", ARTICLES.as_bytes())
}

/// `(claim, article, stance, evidence texts)` of each output line, after
/// checking that every evidence span is the body's bytes at its offsets.
fn stances(stdout: &[u8]) -> Vec<(String, String, String, Vec<String>)> {
    let bodies: Vec<(String, String)> = ARTICLES
        .lines()
        .map(|line| {
            let article: Value = serde_json::from_str(line).unwrap();
            let text = article["text"].as_str().unwrap().to_string();
            (article["id"].as_str().unwrap().to_string(), text)
        })
        .collect();
    let text = String::from_utf8(stdout.to_vec()).unwrap();
    text.lines()
        .map(|line| {
            let line: Value = serde_json::from_str(line).unwrap();
            let article = line["article"].as_str().unwrap().to_string();
            let body = &bodies.iter().find(|(id, _)| *id == article).unwrap().1;
            let score = line["score"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&score));
            let evidence = line["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|span| {
                    let (start, end) = (
                        span["start"].as_u64().unwrap(),
                        span["end"].as_u64().unwrap(),
                    );
                    let text = span["text"].as_str().unwrap();
                    assert_eq!(&body[start as usize..end as usize], text);
                    text.to_string()
                })
                .collect();
            (
                line["claim"].as_str().unwrap().to_string(),
                article,
                line["stance"].as_str().unwrap().to_string(),
                evidence,
            )
        })
        .collect()
}

fn line(
    claim: &str,
    article: &str,
    stance: &str,
    evidence: &[&str],
) -> (String, String, String, Vec<String>) {
    (
        claim.to_string(),
        article.to_string(),
        stance.to_string(),
        evidence.iter().map(|text| text.to_string()).collect(),
    )
}

#[test]
fn one_claim_against_every_article_gives_each_stance_with_its_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles_file(dir.path());
    let output = parallax(&[
        "check",
        "--claim",
        "Ukraine will be part of any talks",
        &articles,
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stances(&output.stdout),
        vec![
            line("claim", "firm", "agree", &["Ukraine will be part of the peace talks in Riyadh, officials confirmed."]),
            line("claim", "denied", "disagree", &["Ukraine will not be part of the peace talks."]),
            line("claim", "hoax", "disagree", &["Officials debunked the report that Ukraine will be part of the talks as a hoax."]),
            line("claim", "hedged", "discuss", &["Ukraine may reportedly be part of the peace talks, sources say."]),
            line("claim", "parks", "unrelated", &[]),
        ]
    );
}

#[test]
fn a_claims_file_restricts_each_claim_to_its_articles_in_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles_file(dir.path());
    let claims = write_file(
        dir.path(),
        "claims.jsonl",
        br#"{"id": "talks", "claim": "Ukraine will be part of any talks", "articles": ["hedged", "denied"]}
{"id": "meteor", "claim": "A meteorite landed in Nicaragua"}
"#,
    );
    let output = parallax(&["check", "--claims", &claims, &articles]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stances(&output.stdout),
        vec![
            line(
                "talks",
                "hedged",
                "discuss",
                &["Ukraine may reportedly be part of the peace talks, sources say."]
            ),
            line(
                "talks",
                "denied",
                "disagree",
                &["Ukraine will not be part of the peace talks."]
            ),
            line("meteor", "firm", "unrelated", &[]),
            line("meteor", "denied", "unrelated", &[]),
            line("meteor", "hoax", "unrelated", &[]),
            line("meteor", "hedged", "unrelated", &[]),
            line("meteor", "parks", "unrelated", &[]),
        ]
    );
}

#[test]
fn the_output_is_the_same_whatever_the_thread_count() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles_file(dir.path());
    let claim = "Ukraine will be part of any talks";
    let one = parallax(&["--threads", "1", "check", "--claim", claim, &articles]);
    let three = parallax(&["--threads", "3", "check", "--claim", claim, &articles]);
    assert_eq!(one.stdout, three.stdout);
    assert!(!one.stdout.is_empty());
}

#[test]
fn unreadable_inputs_and_unknown_article_ids_are_reported_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles_file(dir.path());
    let bad = write_file(dir.path(), "bad.txt", b"caf\xe9");
    let claims = write_file(
        dir.path(),
        "claims.jsonl",
        b"{\"id\": \"talks\", \"claim\": \"Ukraine will be part of any talks\", \"articles\": [\"denied\", \"gone\"]}\nnot json\n",
    );
    let output = parallax(&["check", "--claims", &claims, &articles, &bad]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    // The run ends with its account line (its time varies).
    let (stderr, account) = stderr
        .trim_end()
        .rsplit_once('\n')
        .map(|(before, last)| (format!("{before}\n"), last.to_string()))
        .unwrap();
    assert!(
        account.starts_with("parallax: 8 read, 5 checked, 3 rejected in "),
        "{account}"
    );
    assert_eq!(
        stderr,
        format!(
            "parallax: {bad}: invalid utf-8 at byte 3\n\
             parallax: {claims}:2: invalid json: expected ident at line 1 column 2\n\
             parallax: claim talks: no article has the id gone\n"
        )
    );
    assert_eq!(
        stances(&output.stdout),
        vec![line(
            "talks",
            "denied",
            "disagree",
            &["Ukraine will not be part of the peace talks."]
        )]
    );
}

#[test]
fn usage_errors_exit_2_with_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles_file(dir.path());
    let missing = dir.path().join("missing.jsonl").display().to_string();
    for args in [
        vec!["check", articles.as_str()],
        vec![
            "check",
            "--claim",
            "x",
            "--claims",
            missing.as_str(),
            articles.as_str(),
        ],
        vec!["check", "--claims", missing.as_str(), articles.as_str()],
    ] {
        let output = parallax(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}
