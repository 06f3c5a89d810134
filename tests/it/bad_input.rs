//! Bad input: each kind gets a clear error or is read, and the rest of the
//! run goes on; nothing crashes, hangs or is dropped silently.

use crate::write_file;
use parallax::ingest::load;
use parallax::model::{Article, InputError, Range};
use std::time::{Duration, Instant};

fn error(source: &str, message: &str) -> InputError {
    InputError {
        source: source.to_string(),
        message: message.to_string(),
    }
}

/// Loads one file written into a fresh folder: its articles and errors.
fn load_bytes(name: &str, bytes: &[u8]) -> (Vec<Article>, Vec<InputError>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_file(dir.path(), name, bytes);
    let (articles, errors) = load(std::slice::from_ref(&path));
    (articles, errors, path)
}

fn article(body: &str) -> Article {
    Article {
        id: "a".to_string(),
        source: "a.txt".to_string(),
        body: body.to_string(),
        ..Article::default()
    }
}

/// The statements of one article as `kind | speaker | content`, after
/// checking that every span is a slice of the body.
fn statements(body: &str) -> Vec<String> {
    let articles = [article(body)];
    let (extractions, errors) = parallax::extract_all(&articles);
    assert_eq!(errors, vec![]);
    let check = |range: Range| {
        assert!(body.get(range.start..range.end).is_some(), "{range:?}");
    };
    let extraction = &extractions[0];
    for statement in &extraction.statements {
        check(statement.content);
        statement.cue.into_iter().for_each(check);
        statement.speaker.mention.into_iter().for_each(check);
    }
    extraction
        .framing
        .iter()
        .for_each(|framing| check(framing.range));
    extraction
        .statements
        .iter()
        .map(|s| {
            format!(
                "{} | {} | {}",
                s.kind.as_str(),
                s.speaker.name.as_deref().unwrap_or("-"),
                s.content.text(body)
            )
        })
        .collect()
}

#[test]
fn invalid_utf8_is_an_error_naming_the_byte_offset() {
    let (articles, errors, path) = load_bytes("latin1.txt", b"Caf\xe9 owners said so.");
    assert_eq!(articles, vec![]);
    assert_eq!(errors, vec![error(&path, "invalid utf-8 at byte 3")]);
    let (_, errors, path) = load_bytes("page.html", b"<p>Caf\xe9</p>");
    assert_eq!(errors, vec![error(&path, "invalid utf-8 at byte 6")]);
    // The offset counts the file's bytes, a byte-order mark included.
    let (_, errors, path) = load_bytes("marked.txt", b"\xef\xbb\xbfCaf\xe9");
    assert_eq!(errors, vec![error(&path, "invalid utf-8 at byte 6")]);
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let text = "Rubio said the talks went well.\n";
    let little: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for bytes in [little, big] {
        let (articles, errors, _) = load_bytes("wide.txt", &bytes);
        assert_eq!(errors, vec![]);
        assert_eq!(
            (articles[0].body.as_str(), articles[0].body_is_derived),
            (text, true)
        );
    }
    let (_, errors, path) = load_bytes("odd.txt", &[0xff, 0xfe, b'a']);
    assert_eq!(
        errors,
        vec![error(&path, "invalid utf-16: odd number of bytes")]
    );
}

#[test]
fn crlf_and_cr_line_ends_give_the_same_statements_as_lf() {
    let lf = "“We will not lift sanctions,” Rubio said.\n\nThe talks ended late.\n\n\
              “It went well,” Lavrov told reporters.\n";
    let expected = statements(lf);
    assert_eq!(
        expected,
        [
            "direct | Rubio | “We will not lift sanctions,”",
            "narration | - | The talks ended late.",
            "direct | Lavrov | “It went well,”"
        ]
    );
    assert_eq!(statements(&lf.replace('\n', "\r\n")), expected);
    assert_eq!(statements(&lf.replace('\n', "\r")), expected);
}

#[test]
fn empty_and_white_space_only_files_are_errors() {
    for bytes in [&b""[..], b"  \n\t\r\n", b"---\ntitle: x\n---\n\n"] {
        let (articles, errors, path) = load_bytes("empty.txt", bytes);
        assert_eq!(articles, vec![]);
        assert_eq!(errors, vec![error(&path, "empty article: no text")]);
    }
    let (_, errors, path) = load_bytes("blank.jsonl", b"{\"text\":\"  \"}\n");
    assert_eq!(
        errors,
        vec![error(&format!("{path}:1"), "empty article: no text")]
    );
}

#[test]
fn binary_files_are_errors() {
    let (_, errors, path) = load_bytes("image.txt", b"PNG\0\0\0\x01");
    assert_eq!(
        errors,
        vec![error(&path, "binary file: nul byte at byte 3")]
    );
    let (_, errors, path) = load_bytes("blob.html", b"\x89PNG\r\n\x1a\n");
    assert_eq!(errors, vec![error(&path, "invalid utf-8 at byte 0")]);
}

#[test]
fn a_100_mb_article_is_read_whole() {
    let paragraph = "Rubio said the talks were \"a first step\" toward peace.\n\n";
    let body = paragraph.repeat(100_000_000 / paragraph.len());
    let (articles, errors, _) = load_bytes("huge.txt", body.as_bytes());
    assert_eq!(errors, vec![]);
    assert_eq!(articles[0].body.len(), body.len());
    assert!(body.len() > 99_000_000);
}

#[test]
fn a_1_mb_sentence_without_punctuation_is_extracted_in_reasonable_time() {
    let words = [
        "the", "minister", "said", "talks", "were", "going", "well", "Rubio",
    ];
    let body: String = (0..200_000)
        .map(|i| words[i * 7 % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    assert!(body.len() > 1_000_000);
    let started = Instant::now();
    let found = statements(&body);
    // Generous for a debug build; a release build takes about 0.05 s.
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    assert!(found.len() <= 1, "{}", found.len());
}

#[test]
fn nested_and_unpaired_quotation_marks_stay_inside_their_paragraph() {
    let body = "“He told me ‘they said “no” twice’ before noon,” Rubio said.\n\n\
                An unpaired “mark opens here and never closes.\n\n\
                Lavrov said \"talks will go on.\"\n\n\
                ” ’ \" ‘ “\n";
    assert_eq!(
        statements(body),
        [
            "direct | Rubio | “He told me ‘they said “no” twice’ before noon,”",
            "narration | - | An unpaired “mark opens here and never closes.",
            "direct | Lavrov | \"talks will go on.\""
        ]
    );
}

#[test]
fn zero_width_right_to_left_characters_and_emoji_keep_spans_on_char_boundaries() {
    let body = "“We\u{200b} will\u{200d} go 🇺🇸🤝🇷🇺 on,”\u{200b} Rubio\u{200b} said.\n\n\
                \u{202e}“Talks ended \u{200f}بسلام,” Lavrov told reporters 😀.\n";
    let found = statements(body);
    assert_eq!(
        found,
        [
            "direct | Rubio | “We\u{200b} will\u{200d} go 🇺🇸🤝🇷🇺 on,”",
            "direct | Lavrov | “Talks ended \u{200f}بسلام,”"
        ]
    );
}

#[test]
fn jsonl_bad_lines_are_errors_naming_the_line_and_good_lines_are_used() {
    let lines = b"{\"id\":\"a\",\"text\":\"One.\"}\n\
        {\"id\":\"b\",\"text\":\n\
        {\"id\":\"c\",\"title\":\"no text\"}\n\
        {\"id\":\"a\",\"text\":\"Two.\"}\n\
        \xff\xfe\n";
    let (articles, errors, path) = load_bytes("mixed.jsonl", lines);
    let ids: Vec<(&str, &str)> = articles
        .iter()
        .map(|a| (a.id.as_str(), a.body.as_str()))
        .collect();
    assert_eq!(ids, [("a", "One."), ("a~2", "Two.")]);
    assert_eq!(
        errors,
        vec![
            error(
                &format!("{path}:2"),
                "invalid json: EOF while parsing a value at column 0"
            ),
            error(
                &format!("{path}:3"),
                "invalid article: missing field `text` (or `html`)"
            ),
            error(
                &format!("{path}:5"),
                "invalid json: expected value at column 1"
            ),
        ]
    );
}

#[test]
fn unreadable_files_and_links_that_cannot_be_followed_are_errors_and_the_folder_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write_file(root, "good.txt", b"Rubio said the talks went well.");
    std::fs::create_dir(root.join("sub")).unwrap();
    let link =
        |target: &str, name: &str| std::os::unix::fs::symlink(target, root.join(name)).unwrap();
    link("..", "sub/up");
    link("loop.txt", "loop.txt");
    link("missing.txt", "gone.txt");
    // Reading a process's memory at offset 0 fails, even for root.
    link("/proc/self/mem", "mem.txt");
    let (articles, errors) = load(&[root.display().to_string()]);
    assert_eq!(articles.len(), 1);
    let at = |name: &str| root.join(name).display().to_string();
    assert_eq!(
        errors,
        vec![
            error(
                &at("gone.txt"),
                "broken symbolic link: its target does not exist"
            ),
            error(
                &at("loop.txt"),
                "cannot follow symbolic link: too many levels of symbolic links"
            ),
            error(&at("mem.txt"), "input/output error"),
        ]
    );
}

#[test]
fn a_non_english_article_is_read_but_gives_no_statements() {
    let french = "« Nous ne céderons pas », a déclaré le ministre devant les journalistes. \
                  Les négociations reprendront lundi à Paris, a-t-il ajouté, selon Le Monde.";
    let chinese = "外交部长说：“我们不会让步。”这是一场胜利，政府发言人玛丽亚在北京对记者说。";
    assert_eq!(statements(french), Vec::<String>::new());
    assert_eq!(statements(chinese), Vec::<String>::new());
    let english = "“We will not yield,” the minister told reporters. \
                   Talks will resume on Monday in Paris, he added, according to Le Monde.";
    assert_eq!(
        statements(english)[0],
        "direct | minister | “We will not yield,”"
    );
    assert_eq!(
        parallax::language::unsupported_language(french),
        Some("unsupported language: 0 of the first 24 words are common english words".to_string())
    );
}
