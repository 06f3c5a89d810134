//! Render: the contract's JSON, and HTML pages that are safe and self-contained.

use crate::corpus;
use parallax::ingest::load;
use parallax::model::{
    Alignment, Article, Divergence, DivergenceType, Event, Evidence, Extraction, Framing, Range,
    Report, ScoredEvent, Speaker, Statement, StatementKind, StatementRef,
};
use parallax::render::{extract_line, format_score, report_json, write};
use serde_json::Value;

/// The byte range of `needle` in `body`, after the first `after`.
fn find(body: &str, after: &str, needle: &str) -> Range {
    let from = body.find(after).expect("anchor in body");
    let start = from + body[from..].find(needle).expect("needle in body");
    Range::new(start, start + needle.len())
}

fn statement(
    id: &str,
    kind: StatementKind,
    name: &str,
    mention: Range,
    cue: Option<Range>,
    content: Range,
) -> Statement {
    Statement {
        id: id.to_string(),
        kind,
        speaker: Speaker {
            name: Some(name.to_string()),
            mention: Some(mention),
            role: None,
        },
        cue,
        content,
        topics: vec!["talks".to_string()],
    }
}

/// The two corpus articles with hand-made statements, one alignment, a
/// misattribution and an omission: every kind of span the report holds.
fn sample_report() -> Report {
    let (articles, errors) = load(&[corpus().display().to_string()]);
    assert_eq!((articles.len(), errors.len()), (2, 0));
    let (nyt, unn) = (&articles[0].body, &articles[1].body);
    let rubio = statement(
        "s1",
        StatementKind::Indirect,
        "Marco Rubio",
        find(nyt, "deal, Rubio", "Rubio"),
        Some(find(nyt, "deal, Rubio", "said")),
        find(
            nyt,
            "This week's",
            "This week's talks in Riyadh were intended as a first step",
        ),
    );
    let bruce = statement(
        "s1",
        StatementKind::Direct,
        "Tammy Bruce",
        find(unn, "spokeswoman", "Tammy Bruce"),
        Some(find(unn, "Ukraine, said", "said")),
        find(
            unn,
            "“determine",
            "determine whether the Russians are serious and on the same page",
        ),
    );
    let only_unn = statement(
        "s2",
        StatementKind::Direct,
        "Tammy Bruce",
        find(unn, "Bruce said.", "Bruce"),
        Some(find(unn, "Bruce said.", "said")),
        find(unn, "“I don't", "I don't think people should see this"),
    );
    let outrage = Framing {
        range: find(unn, "European outrage", "outrage"),
        category: "loaded",
    };
    let extractions = vec![
        Extraction {
            statements: vec![rubio],
            framing: vec![],
            cites: vec!["The New York Times".to_string()],
        },
        Extraction {
            statements: vec![bruce.clone(), only_unn.clone()],
            framing: vec![outrage],
            cites: vec!["Bloomberg".to_string()],
        },
    ];
    let misattribution = Divergence {
        kind: DivergenceType::Misattribution,
        severity: 0.71234,
        confidence: 0.45,
        explanation: "The same claim is given to Marco Rubio and to Tammy Bruce.".to_string(),
        spans: vec![
            Evidence {
                article_idx: 0,
                range: extractions[0].statements[0].speaker.mention.unwrap(),
            },
            Evidence {
                article_idx: 1,
                range: bruce.speaker.mention.unwrap(),
            },
        ],
        alignment_idx: Some(0),
    };
    let omission = Divergence {
        kind: DivergenceType::Omission,
        severity: 0.5,
        confidence: 0.6,
        explanation: "Only UNN carries Bruce's remark about the details.".to_string(),
        spans: vec![Evidence {
            article_idx: 1,
            range: only_unn.content,
        }],
        alignment_idx: None,
    };
    let event = Event {
        label: "US-Russia talks in Riyadh".to_string(),
        articles: vec![0, 1],
        alignments: vec![Alignment {
            topic: "talks".to_string(),
            agreement: 0.4,
            level: Default::default(),
            statements: vec![
                StatementRef {
                    article_idx: 0,
                    statement_idx: 0,
                },
                StatementRef {
                    article_idx: 1,
                    statement_idx: 0,
                },
            ],
        }],
        only_in: vec![StatementRef {
            article_idx: 1,
            statement_idx: 1,
        }],
        related: Vec::new(),
        copies: Vec::new(),
    };
    Report {
        articles,
        extractions,
        events: vec![ScoredEvent {
            event,
            divergences: vec![misattribution, omission],
        }],
        errors: vec![],
    }
}

/// Checks that a span object's text is `body[start..end]`.
fn check_span(body: &str, span: &Value) {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    assert_eq!(
        span["text"].as_str().unwrap(),
        &body[start..end],
        "span {span}"
    );
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn report_json_holds_every_contract_field() {
    let report = sample_report();
    let json: Value = serde_json::from_str(&report_json(&report)).unwrap();
    let mut top = keys(&json);
    top.sort_unstable();
    assert_eq!(
        top,
        [
            "articles",
            "errors",
            "events",
            "format_version",
            "framing",
            "statements"
        ]
    );
    assert_eq!(json["format_version"], 1);
    let article = &json["articles"][0];
    for key in ["id", "outlet", "title", "published", "source", "cites"] {
        assert!(article.get(key).is_some(), "article field {key}");
    }
    assert_eq!(article["outlet"], Value::Null);
    assert_eq!(article["cites"], serde_json::json!(["The New York Times"]));
    let statement = &json["statements"]["001_3d0f0b47cbf9b892"][0];
    assert_eq!(
        keys(statement),
        ["content", "cue", "id", "kind", "speaker", "topics"]
    );
    assert_eq!(statement["kind"], "direct");
    assert_eq!(statement["speaker"]["name"], "Tammy Bruce");
    assert_eq!(
        json["framing"]["001_3d0f0b47cbf9b892"][0]["category"],
        "loaded"
    );
    let event = &json["events"][0];
    assert_eq!(event["id"], "e1");
    assert_eq!(
        event["articles"],
        serde_json::json!(["000_38e313115e04f0bc", "001_3d0f0b47cbf9b892"])
    );
    let alignment = &event["alignments"][0];
    assert_eq!(
        (&alignment["id"], &alignment["agreement"]),
        (&"a1".into(), &0.4.into())
    );
    assert_eq!(
        alignment["statements"][1],
        serde_json::json!({"article": "001_3d0f0b47cbf9b892", "statement": "s1"})
    );
    assert_eq!(alignment["divergences"], serde_json::json!(["d1"]));
    let divergence = &event["divergences"][0];
    assert_eq!(
        (&divergence["type"], &divergence["severity"]),
        (&"misattribution".into(), &0.712.into())
    );
    assert_eq!(event["divergences"][1]["id"], "d2");
    assert_eq!(
        event["only_in"],
        serde_json::json!([{"article": "001_3d0f0b47cbf9b892", "statement": "s2"}])
    );
    assert_eq!(json["errors"], serde_json::json!([]));
}

#[test]
fn every_span_in_report_json_is_its_body_text() {
    let report = sample_report();
    let json: Value = serde_json::from_str(&report_json(&report)).unwrap();
    let body_of = |id: &str| {
        &report
            .articles
            .iter()
            .find(|article| article.id == id)
            .unwrap()
            .body
    };
    let mut n_spans = 0;
    for article in &report.articles {
        let body = &article.body;
        for statement in json["statements"][&article.id].as_array().unwrap() {
            for span in [
                &statement["content"],
                &statement["cue"],
                &statement["speaker"]["mention"],
            ] {
                check_span(body, span);
                n_spans += 1;
            }
        }
        for framing in json["framing"][&article.id].as_array().unwrap() {
            check_span(body, framing);
            n_spans += 1;
        }
    }
    for divergence in json["events"][0]["divergences"].as_array().unwrap() {
        for span in divergence["spans"].as_array().unwrap() {
            check_span(body_of(span["article"].as_str().unwrap()), span);
            n_spans += 1;
        }
    }
    assert_eq!(n_spans, 13);
}

#[test]
fn extract_line_escapes_control_characters_quotes_and_backslashes() {
    let article = Article {
        id: "tricky \"id\"".to_string(),
        source: "stdin:1".to_string(),
        body: "Tab\there, \\back\\, \"quoted\", bell \u{7}, nul \u{0}, line\r\nbreak, «non-ASCII» é 日本".to_string(),
        ..Article::default()
    };
    let line = extract_line(&article, &Extraction::default(), true);
    assert!(!line.contains('\n'));
    assert!(
        line.contains("\\u0007") && line.contains("\\u0000") && line.contains("«non-ASCII» é 日本")
    );
    let json: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(json["article"]["text"].as_str().unwrap(), article.body);
    assert_eq!(json["article"]["id"], "tricky \"id\"");
    assert_eq!(json["statements"], serde_json::json!([]));
    let without_text: Value =
        serde_json::from_str(&extract_line(&article, &Extraction::default(), false)).unwrap();
    assert_eq!(without_text["article"].get("text"), None);
}

#[test]
fn extract_line_carries_statements_and_framing_with_valid_spans() {
    let report = sample_report();
    let line = extract_line(&report.articles[1], &report.extractions[1], false);
    let json: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(json["article"]["cites"], serde_json::json!(["Bloomberg"]));
    assert_eq!(json["statements"].as_array().unwrap().len(), 2);
    check_span(&report.articles[1].body, &json["statements"][1]["content"]);
    assert_eq!(json["framing"][0]["text"], "outrage");
    check_span(&report.articles[1].body, &json["framing"][0]);
}

#[test]
fn scores_are_clamped_and_rounded_to_three_decimals() {
    let printed: Vec<String> = [0.12345, 0.5, 1.0, 1.7, -0.0, f64::NAN, 0.9996]
        .into_iter()
        .map(format_score)
        .collect();
    assert_eq!(printed, ["0.123", "0.5", "1", "1", "0", "0", "1"]);
}

#[test]
fn write_gives_report_index_and_one_page_per_event() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &sample_report(), &Default::default()).unwrap();
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["event-e1.html", "index.html", "report.json"]);
    let index = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(index.contains(r#"<span class="badge t-misattribution">misattribution × 1</span>"#));
    assert!(index.contains(r#"<a href="event-e1.html">e1</a> US-Russia talks in Riyadh"#));
}

#[test]
fn index_rows_carry_sort_values_and_search_text() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &sample_report(), &Default::default()).unwrap();
    let index = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(index.contains(
        "<thead><tr><th data-sort=\"text\">Event</th><th data-sort=\"text\">Date</th><th>Outlets</th>\
         <th data-sort=\"number\">Articles</th><th>Aligned / only here</th><th data-sort=\"number\">Findings</th>\
         <th data-sort=\"number\">Agreement</th></tr></thead>"
    ));
    let row = &index[index.find("<tr data-search=").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert_eq!(
        row,
        "<tr data-search=\"us-russia talks in riyadh 000_38e313115e04f0bc unn marco rubio tammy bruce\">\n\
         <td data-value=\"US-Russia talks in Riyadh\"><a href=\"event-e1.html\">e1</a> US-Russia talks in Riyadh</td>\n\
         <td>2025-02-18</td>\n\
         <td>000_38e313115e04f0bc, UNN</td>\n\
         <td>2</td>\n\
         <td>1 / 1</td>\n\
         <td data-value=\"2\"><strong>2</strong> <span class=\"badge t-misattribution\">misattribution × 1</span>\
         <span class=\"badge t-omission\">omission × 1</span></td>\n\
         <td data-value=\"0.4\">0.4 <span class=\"bar\" aria-hidden=\"true\"><span style=\"width: calc(0.4 * 100%)\"></span></span></td>\n"
    );
    assert!(index.contains("<form id=\"search-form\" class=\"controls\" role=\"search\" hidden>"));
}

#[test]
fn event_page_marks_word_differences_framing_and_divergences() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &sample_report(), &Default::default()).unwrap();
    let page = std::fs::read_to_string(dir.path().join("event-e1.html")).unwrap();
    // "serious" is in both contents; "Riyadh" only in the first, "Russians" only in the second.
    assert!(
        page.contains(r#"<span class="del">Riyadh</span>"#),
        "removed words marked"
    );
    assert!(
        page.contains(r#"<span class="ins">Russians</span>"#),
        "added words marked"
    );
    assert!(
        page.contains(r#"<span class="frame frame-loaded">outrage</span>"#),
        "framing marked"
    );
    assert!(
        page.contains(r#"<span class="ev t-misattribution">Tammy Bruce</span>"#),
        "evidence marked"
    );
    assert!(page.contains("The same claim is given to Marco Rubio and to Tammy Bruce."));
    assert!(page.contains("severity 0.712"));
    assert!(
        page.contains("I don&#x27;t think people should see this"),
        "only_in statement listed"
    );
}

#[test]
fn html_escapes_article_text_and_loads_nothing_from_outside() {
    let article = Article {
        id: "x<y".to_string(),
        outlet: Some("<b>Outlet</b>".to_string()),
        title: Some("A & B".to_string()),
        source: "inline".to_string(),
        body: "Before <script>alert(\"pwned\")</script> after.".to_string(),
        ..Article::default()
    };
    let report = parallax::compare(vec![article], vec![]);
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), &report, &Default::default()).unwrap();
    for name in ["index.html", "event-e1.html"] {
        let page = std::fs::read_to_string(dir.path().join(name)).unwrap();
        let lower = page.to_lowercase();
        // The one script is the page's own, at the end of the body.
        assert_eq!(lower.matches("<script").count(), 1, "{name}");
        let script_start = lower.find("<script>").unwrap();
        assert!(lower[script_start..].starts_with("<script>// parallax report pages"));
        assert!(lower[script_start..].ends_with("</script>\n</body>\n</html>"));
        assert!(!lower.contains("<b>outlet"), "{name} has unescaped markup");
        for external in [
            "http:", "https:", "src=", "<link", "@import", "url(", "<img",
        ] {
            assert!(!lower.contains(external), "{name} refers to {external}");
        }
        assert!(page.contains(
            "content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\""
        ));
    }
    let event_page = std::fs::read_to_string(dir.path().join("event-e1.html")).unwrap();
    assert!(
        event_page.contains("Before &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; after.")
    );
    assert!(event_page.contains("&lt;b&gt;Outlet&lt;/b&gt;"));
}

/// The event page of `report`, written by `write`.
fn event_page_of(report: &Report) -> String {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), report, &Default::default()).unwrap();
    std::fs::read_to_string(dir.path().join("event-e1.html")).unwrap()
}

#[test]
fn speakers_chart_has_a_labelled_bar_per_speaker_and_outlet_with_its_words() {
    let page = event_page_of(&sample_report());
    assert!(page.contains(
        "<svg role=\"img\" aria-labelledby=\"speakers-title speakers-desc\" viewBox=\"0 0 480 132\">\n\
         <title id=\"speakers-title\">Words each outlet gives each speaker</title>"
    ));
    // Tammy Bruce: 11 + 7 words in UNN, the longest bar; Marco Rubio: 11
    // words in the unnamed outlet (shown by its id), 11/18 of it.
    let bars: Vec<&str> = page
        .split("<g class=\"speaker-bar\">")
        .skip(1)
        .map(|bar| &bar[..bar.find("</g>").unwrap()])
        .collect();
    assert_eq!(
        bars,
        [
            "<title>000_38e313115e04f0bc: 0 words from Tammy Bruce in 0 statements</title>\
             <text x=\"144\" y=\"31\" text-anchor=\"end\">000_38e313115e04f…</text>\
             <rect class=\"c0\" x=\"150\" y=\"20\" width=\"0\" height=\"14\"></rect>\
             <text x=\"156\" y=\"31\">0 words</text>",
            "<title>UNN: 18 words from Tammy Bruce in 2 statements</title>\
             <text x=\"144\" y=\"49\" text-anchor=\"end\">UNN</text>\
             <rect class=\"c1\" x=\"150\" y=\"38\" width=\"240\" height=\"14\"></rect>\
             <text x=\"396\" y=\"49\">18 words</text>",
            "<title>000_38e313115e04f0bc: 11 words from Marco Rubio in 1 statement</title>\
             <text x=\"144\" y=\"97\" text-anchor=\"end\">000_38e313115e04f…</text>\
             <rect class=\"c0\" x=\"150\" y=\"86\" width=\"146\" height=\"14\"></rect>\
             <text x=\"302\" y=\"97\">11 words</text>",
            "<title>UNN: 0 words from Marco Rubio in 0 statements</title>\
             <text x=\"144\" y=\"115\" text-anchor=\"end\">UNN</text>\
             <rect class=\"c1\" x=\"150\" y=\"104\" width=\"0\" height=\"14\"></rect>\
             <text x=\"156\" y=\"115\">0 words</text>",
        ]
    );
    assert!(page.contains("<text class=\"name\" x=\"0\" y=\"14\">Tammy Bruce</text>"));
    assert!(page.contains("<text class=\"name\" x=\"0\" y=\"80\">Marco Rubio</text>"));
}

#[test]
fn event_filters_are_in_the_page_hidden_and_every_item_carries_what_they_read() {
    let page = event_page_of(&sample_report());
    assert!(page.contains(
        "<form id=\"filters\" class=\"controls\" aria-label=\"Filter statements and findings\" hidden>"
    ));
    assert!(page.contains(
        "<label for=\"f-type\">Finding type</label><select id=\"f-type\"><option value=\"\">all types</option>\
         <option value=\"misattribution\">misattribution</option><option value=\"omission\">omission</option></select>"
    ));
    assert!(page.contains(
        "<select id=\"f-speaker\"><option value=\"\">all speakers</option>\
         <option value=\"Marco Rubio\">Marco Rubio</option><option value=\"Tammy Bruce\">Tammy Bruce</option></select>"
    ));
    assert!(page.contains(
        "<input id=\"f-confidence\" type=\"range\" min=\"0\" max=\"1\" step=\"0.05\" value=\"0\">"
    ));
    let filtered: Vec<&str> = page
        .match_indices("data-findings=")
        .map(|(at, _)| {
            let tag_start = page[..at].rfind('<').unwrap();
            &page[tag_start..at + page[at..].find('>').unwrap() + 1]
        })
        .collect();
    assert_eq!(
        filtered,
        [
            "<tr id=\"a1\" class=\"aligned\" data-findings=\"misattribution:0.45\" data-speakers=\"Marco Rubio|Tammy Bruce\">",
            "<div class=\"divergence t-omission only-here\" data-findings=\"omission:0.6\" data-speakers=\"Tammy Bruce\">",
            "<div class=\"divergence finding t-misattribution\" id=\"d1\" data-findings=\"misattribution:0.45\" data-speakers=\"Marco Rubio|Tammy Bruce\">",
            "<div class=\"divergence finding t-omission\" id=\"d2\" data-findings=\"omission:0.6\" data-speakers=\"Tammy Bruce\">",
        ]
    );
    // Without scripts nothing is hidden but the form, whose controls would do nothing.
    assert_eq!(page.matches("hidden>").count(), 1);
    assert!(page.contains("<a class=\"badge t-misattribution\" href=\"#d1\" data-kind=\"misattribution\" data-confidence=\"0.45\">d1 misattribution</a>"));
}

#[test]
fn topic_rows_mark_the_words_of_a_finding_with_evidence_on_both_sides() {
    let mut report = sample_report();
    let (nyt, unn) = (&report.articles[0].body, &report.articles[1].body);
    let evidence = vec![
        Evidence {
            article_idx: 0,
            range: find(nyt, "This week's", "talks in Riyadh"),
        },
        Evidence {
            article_idx: 1,
            range: find(unn, "“determine", "Russians are"),
        },
    ];
    let scored = &mut report.events[0];
    scored.event.alignments[0].level = parallax::model::AlignmentLevel::Topic;
    scored.divergences.push(Divergence {
        kind: DivergenceType::NumberMismatch,
        severity: 0.8,
        confidence: 0.7,
        explanation: "Made up for the test.".to_string(),
        spans: evidence,
        alignment_idx: Some(0),
    });
    let page = event_page_of(&report);

    assert!(page.contains(
        "<div class=\"content\">This week&#x27;s \
         <span class=\"del ev t-number_mismatch\">talks</span><span class=\"ev t-number_mismatch\"> </span>\
         <span class=\"del ev t-number_mismatch\">in</span><span class=\"ev t-number_mismatch\"> </span>\
         <span class=\"del ev t-number_mismatch\">Riyadh</span> were intended as a first step</div>"
    ));
    assert!(page.contains(
        "<div class=\"content\">determine whether the \
         <span class=\"ev t-number_mismatch ins\">Russians</span><span class=\"ev t-number_mismatch\"> </span>\
         <span class=\"ev t-number_mismatch ins\">are</span> serious and on the same page</div>"
    ));
}

#[test]
fn framing_panel_shows_words_in_their_sentence_and_contrasts_side_by_side() {
    let mut report = sample_report();
    let (nyt, unn) = (&report.articles[0].body, &report.articles[1].body);
    let spans = vec![
        Evidence {
            article_idx: 0,
            range: find(nyt, "European officials were", "unsure"),
        },
        Evidence {
            article_idx: 1,
            range: find(unn, "European outrage", "outrage"),
        },
    ];
    report.events[0].divergences.push(Divergence {
        kind: DivergenceType::LoadedLanguage,
        severity: 0.4,
        confidence: 0.55,
        explanation: "000 describes the reaction with “unsure”; UNN with “outrage”.".to_string(),
        spans,
        alignment_idx: None,
    });
    let page = event_page_of(&report);
    let contrast = &page[page.find("<tr class=\"contrast\">").unwrap()..];
    let contrast = &contrast[..contrast.find("</tr>").unwrap()];
    assert_eq!(
        contrast,
        "<tr class=\"contrast\"><td class=\"meta\"><a class=\"badge t-loaded_language\" href=\"#d3\">d3 loaded_language</a>\
         <br>000 describes the reaction with “unsure”; UNN with “outrage”.</td>\
         <td><div class=\"context\">European officials were <span class=\"frame frame-loaded\">unsure</span> \
         how to interpret the secretary of state&#x27;s measured assessment, especially as leaders on…</div></td>\
         <td><div class=\"context\">After European <span class=\"frame frame-loaded\">outrage</span> \
         that the U.S. and Russia were moving forward without any representation from Ukraine, the…</div></td>"
    );
    assert!(page.contains(
        "<div class=\"framing-words\"><span class=\"frame frame-loaded\" title=\"loaded\">outrage</span>  </div>"
    ));
}

#[test]
fn report_json_indentation_leaves_strings_with_brackets_and_escapes_intact() {
    let title = "a \"{[,:]}\" \\ b\n日本 []{}";
    let article = Article {
        id: "x".to_string(),
        title: Some(title.to_string()),
        source: "inline".to_string(),
        body: "Body.".to_string(),
        ..Article::default()
    };
    let text = report_json(&parallax::compare(vec![article], vec![]));
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["articles"][0]["title"], title);
    assert!(text.contains("\n      \"cites\": []\n    }"));
}
