//! The sample corpus against the hand-made expectations of the two seed
//! articles (`tests/data/seed_gold.json`): every statement found with its
//! speaker and kind, no line that is not prose turned into a statement, the
//! cited sources found, speaker aliases resolved, and every span exact.

use crate::{corpus, data};
use parallax::model::{Report, Statement};
use serde_json::Value;

fn gold() -> Value {
    let text = std::fs::read_to_string(data("seed_gold.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn report() -> Report {
    let (articles, errors) = parallax::ingest::load(&[corpus().display().to_string()]);
    assert!(errors.is_empty(), "{errors:?}");
    parallax::compare(articles, errors)
}

fn article_idx(report: &Report, id: &str) -> usize {
    report.articles.iter().position(|a| a.id == id).expect(id)
}

/// The statement of `article` whose content holds `contains`.
fn statement_with<'a>(report: &'a Report, article: &str, contains: &str) -> Option<&'a Statement> {
    let idx = article_idx(report, article);
    let body = &report.articles[idx].body;
    report.extractions[idx]
        .statements
        .iter()
        .find(|s| s.content.text(body).contains(contains))
}

#[test]
fn every_gold_statement_is_found_with_its_speaker_and_kind() {
    let report = report();
    let mut wrong = Vec::new();
    for expected in gold()["statements"].as_array().unwrap() {
        let article = expected["article"].as_str().unwrap();
        let contains = expected["contains"].as_str().unwrap();
        let found = statement_with(&report, article, contains)
            .map(|s| (s.kind.as_str(), s.speaker.name.as_deref().unwrap_or("-")));
        let wanted = (
            expected["kind"].as_str().unwrap(),
            expected["speaker"].as_str().unwrap(),
        );
        if found != Some(wanted) {
            wrong.push(format!(
                "{}: want {wanted:?}, got {found:?}",
                expected["id"]
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn lines_that_are_not_prose_never_become_statements() {
    let report = report();
    for (id, expected) in gold()["articles"].as_object().unwrap() {
        let idx = article_idx(&report, id);
        let body = &report.articles[idx].body;
        for line in expected["not_prose"].as_array().unwrap() {
            let line = line.as_str().unwrap();
            let start = body.find(line).expect("not-prose line in body");
            let range = parallax::model::Range::new(start, start + line.len());
            let overlapping: Vec<&str> = report.extractions[idx]
                .statements
                .iter()
                .filter(|s| s.content.overlap(&range) > 0)
                .map(|s| s.content.text(body))
                .collect();
            assert!(overlapping.is_empty(), "{line:?} became {overlapping:?}");
        }
    }
}

#[test]
fn cited_sources_are_found_and_the_outlet_is_not_one() {
    let report = report();
    for (id, expected) in gold()["articles"].as_object().unwrap() {
        let idx = article_idx(&report, id);
        let wanted: Vec<&str> = expected["cited_sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(report.extractions[idx].cites, wanted, "{id}");
        assert_eq!(
            report.articles[idx].outlet.as_deref(),
            expected["publisher"].as_str(),
            "{id}"
        );
    }
}

#[test]
fn speaker_roles_come_from_titles_and_appositions() {
    let report = report();
    let role_of = |article: &str, contains: &str| {
        statement_with(&report, article, contains)
            .and_then(|s| s.speaker.role.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        role_of("000_38e313115e04f0bc", "most of the discussions centered"),
        "US Secretary of State"
    );
    assert_eq!(
        role_of("001_3d0f0b47cbf9b892", "I don't think people"),
        "U.S. State Department spokeswoman"
    );
    assert_eq!(
        role_of("001_3d0f0b47cbf9b892", "This is what competent leadership"),
        "Trump adviser"
    );
}

#[test]
fn mentions_resolve_titles_appositions_and_pronouns() {
    let report = report();
    let mention_of = |article: &str, contains: &str| {
        let idx = article_idx(&report, article);
        let body = &report.articles[idx].body;
        statement_with(&report, article, contains)
            .and_then(|s| s.speaker.mention)
            .map(|m| m.text(body).to_string())
            .unwrap_or_default()
    };
    let a = "000_38e313115e04f0bc";
    let b = "001_3d0f0b47cbf9b892";
    assert_eq!(
        mention_of(a, "the US would not lift sanctions"),
        "The secretary of state"
    );
    assert_eq!(mention_of(a, "a failure in embassy talks"), "He");
    assert_eq!(
        mention_of(b, "The main thing is to start"),
        "a member of the Russian delegation, Yuri Ushakov"
    );
    assert_eq!(mention_of(b, "The meeting will focus"), "he");
}

#[test]
fn every_span_lies_on_character_boundaries_of_the_body() {
    let report = report();
    for (article, extraction) in report.articles.iter().zip(&report.extractions) {
        let body = &article.body;
        for statement in &extraction.statements {
            let ranges = [
                Some(statement.content),
                statement.cue,
                statement.speaker.mention,
            ];
            for range in ranges.into_iter().flatten() {
                assert!(body.get(range.start..range.end).is_some(), "{range:?}");
            }
        }
        for framing in &extraction.framing {
            assert!(body.get(framing.range.start..framing.range.end).is_some());
        }
    }
}

/// `body[start..end] == text` for a span object of `report.json`.
fn assert_exact(body: &str, span: &Value) {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    assert_eq!(&body[start..end], span["text"].as_str().unwrap(), "{span}");
}

fn assert_keys(value: &Value, keys: &[&str]) {
    for key in keys {
        assert!(value.get(key).is_some(), "missing {key} in {value}");
    }
}

#[test]
fn report_json_from_the_corpus_holds_the_contract_with_exact_spans() {
    let report = report();
    let json: Value = serde_json::from_str(&parallax::render::report_json(&report)).unwrap();
    assert_keys(
        &json,
        &[
            "format_version",
            "articles",
            "statements",
            "framing",
            "events",
            "errors",
        ],
    );
    let body_of = |id: &str| &report.articles[article_idx(&report, id)].body;
    for article in json["articles"].as_array().unwrap() {
        assert_keys(
            article,
            &["id", "outlet", "title", "published", "source", "cites"],
        );
        let id = article["id"].as_str().unwrap();
        for statement in json["statements"][id].as_array().unwrap() {
            assert_keys(
                statement,
                &["id", "kind", "speaker", "cue", "content", "topics"],
            );
            assert_keys(&statement["speaker"], &["name", "mention"]);
            assert_exact(body_of(id), &statement["content"]);
            for span in [&statement["cue"], &statement["speaker"]["mention"]] {
                if !span.is_null() {
                    assert_exact(body_of(id), span);
                }
            }
        }
        for framing in json["framing"][id].as_array().unwrap() {
            assert_keys(framing, &["text", "start", "end", "category"]);
            assert_exact(body_of(id), framing);
        }
    }
    let events = json["events"].as_array().unwrap();
    assert_eq!(events.len(), 1, "the two samples are one event");
    for event in events {
        assert_keys(
            event,
            &[
                "id",
                "label",
                "articles",
                "alignments",
                "divergences",
                "only_in",
            ],
        );
        for alignment in event["alignments"].as_array().unwrap() {
            assert_keys(
                alignment,
                &["id", "topic", "agreement", "statements", "divergences"],
            );
            let agreement = alignment["agreement"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&agreement));
        }
        for divergence in event["divergences"].as_array().unwrap() {
            assert_keys(
                divergence,
                &["id", "type", "severity", "explanation", "spans"],
            );
            for span in divergence["spans"].as_array().unwrap() {
                assert_exact(body_of(span["article"].as_str().unwrap()), span);
            }
        }
    }
}

#[test]
fn event_page_shows_speakers_with_their_roles() {
    let dir = tempfile::tempdir().unwrap();
    parallax::render::write(dir.path(), &report(), &Default::default()).unwrap();
    let page = std::fs::read_to_string(dir.path().join("event-e1.html")).unwrap();
    assert!(page.contains(
        "<span class=\"cell-speaker\">Marco Rubio</span><span class=\"cell-role\">, US Secretary of State</span>"
    ));
    // Who is quoted: Tammy Bruce speaks twice in UNN, both times in quotation
    // marks, and not at all in the other outlet.
    let bruce = page
        .find("<td class=\"meta\"><span class=\"cell-speaker\">Tammy Bruce")
        .unwrap();
    let row = &page[bruce..bruce + page[bruce..].find("</tr>").unwrap()];
    assert!(
        row.contains("<span class=\"empty\">not heard</span></td><td>2 · 2 quoted</td>"),
        "{row}"
    );
}
