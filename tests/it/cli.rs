//! The `parallax` command line: exit statuses, errors, determinism.

use crate::{corpus, write_file};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .unwrap()
}

fn parallax_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

/// A folder with the two corpus articles, plus the given extra files.
fn inputs_with(dir: &Path, extra: &[(&str, &[u8])]) -> String {
    let inputs = dir.join("in");
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        write_file(&inputs, &name, &std::fs::read(&path).unwrap());
    }
    for (name, bytes) in extra {
        write_file(&inputs, name, bytes);
    }
    inputs.display().to_string()
}

/// Stderr without the time in its closing account line
/// (`parallax: 3 read, 2 compared, 1 rejected in 0.1 s` → `... rejected`).
fn stderr_without_time(output: &Output) -> String {
    let stderr = String::from_utf8(output.stderr.clone()).unwrap();
    let (before, last) = stderr
        .trim_end()
        .rsplit_once('\n')
        .unwrap_or(("", stderr.trim_end()));
    let last = last
        .rsplit_once(" in ")
        .map_or(last, |(account, _)| account);
    if before.is_empty() {
        format!("{last}\n")
    } else {
        format!("{before}\n{last}\n")
    }
}

fn compare(inputs: &str, out: &Path, threads: &str) -> (Output, String) {
    let out_arg = out.display().to_string();
    let output = parallax(&["--threads", threads, "compare", inputs, "--out", &out_arg]);
    let report = std::fs::read_to_string(out.join("report.json")).unwrap_or_default();
    (output, report)
}

#[test]
fn compare_with_an_unreadable_file_writes_the_report_lists_it_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = inputs_with(dir.path(), &[("zz-bad.txt", b"caf\xe9")]);
    let (output, report) = compare(&inputs, &dir.path().join("out"), "2");
    assert_eq!(output.status.code(), Some(1));
    let bad = format!("{inputs}/zz-bad.txt");
    assert_eq!(
        stderr_without_time(&output),
        format!(
            "parallax: {bad}: invalid utf-8 at byte 3\n\
             parallax: 3 read, 2 compared, 1 rejected\n"
        )
    );
    let report: Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["articles"].as_array().unwrap().len(), 2);
    assert_eq!(
        report["errors"],
        serde_json::json!([{"source": bad, "message": "invalid utf-8 at byte 3"}])
    );
    assert!(dir.path().join("out/index.html").exists());
    assert!(dir.path().join("out/event-e1.html").exists());
}

#[test]
fn compare_with_every_input_read_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let (output, report) = compare(&inputs_with(dir.path(), &[]), &dir.path().join("out"), "1");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr_without_time(&output),
        "parallax: 2 read, 2 compared, 0 rejected\n"
    );
    assert!(report.starts_with("{\n  \"format_version\": 1,"));
}

#[test]
fn nothing_readable_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write_file(dir.path(), "only/bad.txt", b"\xff");
    let out = dir.path().join("out");
    let (output, _) = compare(bad.as_str(), &out, "1");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.ends_with("parallax: no article could be read\n"),
        "{stderr}"
    );
    assert!(!out.exists());
    let missing = parallax(&["extract", "no/such/file.txt"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn report_is_byte_identical_across_runs_and_thread_counts() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = inputs_with(
        dir.path(),
        &[("c.jsonl", b"{\"id\":\"c\",\"text\":\"Rubio said so.\"}\n")],
    );
    let (_, first) = compare(&inputs, &dir.path().join("one"), "1");
    let (_, second) = compare(&inputs, &dir.path().join("two"), "2");
    let (_, third) = compare(&inputs, &dir.path().join("three"), "2");
    assert!(first.contains("\"c\""));
    assert_eq!(first, second);
    assert_eq!(second, third);
}

#[test]
fn extract_reads_jsonl_from_stdin_and_prints_one_line_per_article() {
    let stdin = b"{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n{\"text\":\"Two.\"}\n";
    let output = parallax_with_stdin(&["extract", "-", "--with-text"], stdin);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let articles: Vec<(&str, &str, &str)> = lines
        .iter()
        .map(|line| {
            let article = &line["article"];
            let field = |key: &str| article[key].as_str().unwrap();
            (field("id"), field("source"), field("text"))
        })
        .collect();
    assert_eq!(
        articles,
        [("a", "stdin:1", "One."), ("stdin-3", "stdin:3", "Two.")]
    );
    assert_eq!(
        stderr_without_time(&output),
        "parallax: stdin:2: invalid json: expected ident at column 2\n\
         parallax: 3 read, 2 extracted, 1 rejected\n"
    );
}

#[test]
fn extract_output_is_the_same_whatever_the_thread_count() {
    let corpus = corpus().display().to_string();
    let one = parallax(&["--threads", "1", "extract", &corpus]);
    let four = parallax(&["--threads", "4", "extract", &corpus]);
    assert_eq!(one.status.code(), Some(0));
    assert_eq!(
        String::from_utf8(one.stdout.clone())
            .unwrap()
            .lines()
            .count(),
        2
    );
    assert_eq!(one.stdout, four.stdout);
}

#[test]
fn help_shows_an_example_for_each_subcommand() {
    for args in [
        &["--help"][..],
        &["compare", "--help"],
        &["extract", "--help"],
    ] {
        let output = parallax(args);
        assert_eq!(output.status.code(), Some(0));
        let help = String::from_utf8(output.stdout).unwrap();
        assert!(help.contains("Example"), "{args:?}: {help}");
    }
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(parallax(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(parallax(&["compare", "--out"]).status.code(), Some(2));
}

/// `--min-confidence` leaves weaker findings off the pages while
/// report.json keeps every one with its confidence; a value outside [0, 1]
/// is a usage error.
#[test]
fn min_confidence_hides_weak_findings_from_pages_only() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let corpus = corpus().display().to_string();
    let output = parallax(&[
        "compare",
        &corpus,
        "--out",
        out.to_str().unwrap(),
        "--min-confidence",
        "0.5",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let confidences: Vec<f64> = report["events"][0]["divergences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["confidence"].as_f64().unwrap())
        .collect();
    assert!(
        confidences.iter().any(|c| *c < 0.5),
        "a weak finding in report.json"
    );
    assert!(confidences.iter().all(|c| (0.0..=1.0).contains(c)));
    let page = std::fs::read_to_string(out.join("event-e1.html")).unwrap();
    assert!(!page.contains("gives what reads as the same claim to Tammy Bruce"));
    assert!(page.contains("describes the reaction with"));
    let output = parallax(&[
        "compare",
        &corpus,
        "--out",
        out.to_str().unwrap(),
        "--min-confidence",
        "1.5",
    ]);
    assert_eq!(output.status.code(), Some(2));
}

/// `--format jsonl` writes the same events as report.json, one a line, and
/// one line per article as `extract` prints it, plus the unreadable inputs.
#[test]
fn jsonl_output_holds_the_report_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = inputs_with(dir.path(), &[("bad.txt", b"not \xff utf-8")]);
    let (json_out, jsonl_out) = (dir.path().join("json"), dir.path().join("jsonl"));
    parallax(&["compare", &inputs, "--out", json_out.to_str().unwrap()]);
    let output = parallax(&[
        "compare",
        &inputs,
        "--out",
        jsonl_out.to_str().unwrap(),
        "--format",
        "jsonl",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let read = |path: std::path::PathBuf| std::fs::read_to_string(path).unwrap();
    let report: Value = serde_json::from_str(&read(json_out.join("report.json"))).unwrap();
    let lines = |name: &str| -> Vec<Value> {
        read(jsonl_out.join(name))
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect()
    };
    assert_eq!(lines("events.jsonl"), *report["events"].as_array().unwrap());
    assert_eq!(lines("errors.jsonl"), *report["errors"].as_array().unwrap());
    let articles = lines("articles.jsonl");
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["article"], report["articles"][0]);
    assert_eq!(
        articles[1]["statements"],
        report["statements"]["001_3d0f0b47cbf9b892"]
    );
    assert!(!jsonl_out.join("report.json").exists());
}

/// The index is paged, 300 events a page, so it opens quickly at any size:
/// 650 unrelated articles make 650 events on three pages that link each
/// other, and every event is listed once.
#[test]
fn index_is_paged_for_large_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    for n in 0..650 {
        jsonl.push_str(&format!(
            "{{\"id\":\"a{n}\",\"text\":\"Mayor Person{n} opened bridge{n} in town{n}, officials{n} said.\"}}\n"
        ));
    }
    let input = dir.path().join("many.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    let out = dir.path().join("out");
    let output = parallax(&[
        "compare",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let page = |name: &str| std::fs::read_to_string(out.join(name)).unwrap();
    let (first, third) = (page("index.html"), page("index-3.html"));
    assert!(!out.join("index-4.html").exists());
    assert!(first.contains("650 articles, 650 events"));
    assert!(first.contains("<a href=\"index-2.html\">2</a>"));
    assert!(third.contains("<a href=\"index.html\">1</a>"));
    // Event rows carry their search text; article rows do not.
    let listed = |html: &str| html.matches("<tr data-search=").count();
    assert_eq!(
        (
            listed(&first),
            listed(&page("index-2.html")),
            listed(&third)
        ),
        (300, 300, 50)
    );
}

/// `--format md` writes summary.md beside report.json: per event, the
/// findings a reader should see first, in plain words.
#[test]
fn markdown_summary_gives_the_main_findings_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let corpus = corpus().display().to_string();
    let output = parallax(&[
        "compare",
        &corpus,
        "--out",
        out.to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(out.join("report.json").exists());
    let summary = std::fs::read_to_string(out.join("summary.md")).unwrap();
    assert!(summary.starts_with("# parallax summary\n\n2 articles, 1 events, 0 inputs not read.\n"));
    assert!(summary
        .contains("\n## e1: Rubio reassures European allies after Riyadh talks with Russia\n"));
    for kind in [
        "contradiction",
        "misattribution",
        "loaded_language",
        "omission",
    ] {
        assert!(
            summary.contains(&format!("- **{kind}** (d")),
            "{kind} missing"
        );
    }
    let page = std::fs::read_to_string(out.join("event-e1.html")).unwrap();
    assert!(page.contains("<h2>What differs</h2>"));
}

/// A folder of good and bad inputs: the two corpus articles, an HTML page,
/// a JSONL file with a good and a bad line, and four files that cannot be
/// read (invalid UTF-8, empty, binary, a page with no article).
fn mixed_inputs(dir: &Path) -> String {
    let page = std::fs::read(crate::data("html/news_page.html")).unwrap();
    let front = std::fs::read(crate::data("html/no_article.html")).unwrap();
    inputs_with(
        dir,
        &[
            ("bad.txt", b"caf\xe9"),
            ("empty.md", b"  \n"),
            ("image.txt", b"PNG\0\0"),
            ("front.html", &front),
            ("page.html", &page),
            (
                "wire.jsonl",
                b"{\"id\":\"w1\",\"text\":\"Rubio said the talks went well.\"}\n{\"id\":\"w2\"}\n",
            ),
        ],
    )
}

#[test]
fn compare_accounts_for_every_input_on_a_mixed_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = mixed_inputs(dir.path());
    let (output, report) = compare(&inputs, &dir.path().join("out"), "2");
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_without_time(&output);
    assert!(
        stderr.ends_with("\nparallax: 9 read, 4 compared, 5 rejected\n"),
        "{stderr}"
    );
    let report: Value = serde_json::from_str(&report).unwrap();
    let ids: Vec<&str> = report["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|article| article["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    assert!(ids.contains(&"page") && ids.contains(&"w1"), "{ids:?}");
    assert_eq!(report["errors"].as_array().unwrap().len(), 5);
}

#[test]
fn extract_accounts_for_every_input_on_a_mixed_corpus() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = mixed_inputs(dir.path());
    let output = parallax(&["extract", &inputs]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 4);
    let stderr = stderr_without_time(&output);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 6, "{stderr}");
    assert_eq!(lines[5], "parallax: 9 read, 4 extracted, 5 rejected");
}

#[test]
fn compare_writes_each_file_under_its_own_name_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let (output, _) = compare(&corpus().display().to_string(), &out, "1");
    assert_eq!(output.status.code(), Some(0));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["event-e1.html", "index.html", "report.json"]);
}

/// `--quiet` silences the account line; inputs that cannot be read are
/// still named on stderr.
#[test]
fn quiet_leaves_only_the_unreadable_inputs_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = inputs_with(dir.path(), &[("bad.txt", b"not \xff utf-8")]);
    let out = dir.path().join("out");
    let output = parallax(&[
        "--quiet",
        "compare",
        &inputs,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("bad.txt: invalid utf-8 at byte 4"),
        "{stderr}"
    );
}

/// A run killed midway leaves the previous report whole: every file is
/// written under a temporary name and renamed into place.
#[test]
fn a_run_killed_midway_leaves_the_previous_report_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let corpus_dir = corpus().display().to_string();
    parallax(&["compare", &corpus_dir, "--out", out.to_str().unwrap()]);
    let before = std::fs::read_to_string(out.join("report.json")).unwrap();
    let mut jsonl = String::new();
    let body = std::fs::read_to_string(corpus().join("001_3d0f0b47cbf9b892.txt")).unwrap();
    for n in 0..400 {
        let article = serde_json::json!({"id": format!("a{n}"), "text": body});
        jsonl.push_str(&format!("{article}\n"));
    }
    let input = dir.path().join("big.jsonl");
    std::fs::write(&input, jsonl).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args([
            "compare",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = child.kill();
    child.wait().unwrap();
    let after = std::fs::read_to_string(out.join("report.json")).unwrap();
    // Either the run was killed (the old report stands) or it finished
    // (a whole new one): never a half-written file.
    let parsed: Value = serde_json::from_str(&after).expect("report.json is whole");
    assert!(after == before || parsed["articles"].as_array().unwrap().len() == 400);
}

/// Article text, titles, outlets, ids and urls are untrusted: on every page
/// and in the summary they are shown as text and run nothing, and no file
/// name is made from them.
#[test]
fn hostile_titles_ids_and_urls_are_shown_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let body = std::fs::read_to_string(corpus().join("001_3d0f0b47cbf9b892.txt")).unwrap();
    let body = body.rsplit("---\n").next().unwrap();
    let hostile = serde_json::json!({
        "id": "\"><img src=x onerror=alert(1)>/../../x",
        "title": "<script>alert(1)</script>",
        "outlet": "<b onmouseover=alert(1)>UNN</b>",
        "url": "javascript:alert(1)",
        "text": format!("{body}\n\n\"><img src=x onerror=alert(1)> said <script>alert(2)</script>."),
    });
    let input = dir.path().join("hostile.jsonl");
    std::fs::write(&input, format!("{hostile}\n")).unwrap();
    let out = dir.path().join("out");
    let corpus_dir = corpus().display().to_string();
    let output = parallax(&[
        "compare",
        &corpus_dir,
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        assert!(
            name == "report.json"
                || name == "summary.md"
                || name.starts_with("index")
                || name.starts_with("event-e"),
            "unexpected file {name}"
        );
        let text = std::fs::read_to_string(out.join(name))
            .unwrap()
            .to_lowercase();
        if name.ends_with(".html") {
            // The page's own script, and no other.
            assert_eq!(text.matches("<script").count(), 1, "{name}");
            assert!(!text.contains("<img"), "{name}");
            assert!(!text.contains("<b onmouseover"), "{name}");
            assert!(!text.contains("href=\"javascript:"), "{name}");
        }
        if name == "summary.md" {
            // Markdown shows `\<` as a literal "<": every one must be escaped.
            let unescaped = text
                .char_indices()
                .any(|(at, c)| c == '<' && !text[..at].ends_with('\\'));
            assert!(!unescaped, "{name}: {text}");
        }
    }
}
