//! Alignment on the sample corpus: the pairs that `tests/data/seed_gold.json`
//! says the two outlets share must be aligned, at claim or topic level, and
//! a topic-level alignment carries no word-level divergence.

use parallax::ingest::load;
use parallax::model::{AlignmentLevel, Report, StatementRef};
use serde_json::Value;

use crate::{corpus, data};

/// The corpus, compared as `parallax compare corpus` does.
fn corpus_report() -> Report {
    let (articles, errors) = load(&[corpus().display().to_string()]);
    parallax::compare(articles, errors)
}

/// The statement of `article_id` whose content overlaps most the first
/// occurrence of `contains` in the body. Statements are found by their
/// text, never by id, so the test holds while extraction changes.
fn statement_with(report: &Report, article_id: &str, contains: &str) -> StatementRef {
    let article_idx = report
        .articles
        .iter()
        .position(|a| a.id == article_id)
        .unwrap_or_else(|| panic!("no article {article_id}"));
    let body = &report.articles[article_idx].body;
    let start = body.find(contains).expect("gold text in the body");
    let needle = parallax::model::Range::new(start, start + contains.len());
    let statements = &report.extractions[article_idx].statements;
    let (statement_idx, overlap) = statements
        .iter()
        .enumerate()
        .map(|(idx, statement)| (idx, statement.content.overlap(&needle)))
        .max_by_key(|&(idx, overlap)| (overlap, std::cmp::Reverse(idx)))
        .expect("statements in the article");
    assert!(overlap > 0, "no statement holds {contains:?}");
    StatementRef {
        article_idx,
        statement_idx,
    }
}

/// The gold statements as (id such as "A9", article id, text it contains).
fn gold_statements(gold: &Value) -> Vec<(String, String, String)> {
    gold["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let field = |key: &str| s[key].as_str().unwrap().to_string();
            (field("id"), field("article"), field("contains"))
        })
        .collect()
}

#[test]
fn seed_gold_pairs_are_aligned() {
    let gold: Value =
        serde_json::from_str(&std::fs::read_to_string(data("seed_gold.json")).unwrap()).unwrap();
    let report = corpus_report();
    assert_eq!(report.events.len(), 1);
    let event = &report.events[0].event;
    let statements = gold_statements(&gold);
    let find = |gold_id: &str| {
        let (_, article, contains) = statements.iter().find(|(id, _, _)| id == gold_id).unwrap();
        statement_with(&report, article, contains)
    };
    let mut missing = Vec::new();
    for pair in gold["alignments"].as_array().unwrap() {
        let (a, b) = (
            pair["pair"][0].as_str().unwrap(),
            pair["pair"][1].as_str().unwrap(),
        );
        let (ref_a, ref_b) = (find(a), find(b));
        let aligned = event.alignments.iter().any(|alignment| {
            alignment.statements.contains(&ref_a) && alignment.statements.contains(&ref_b)
        });
        if !aligned {
            missing.push(format!("{a}-{b}"));
        }
    }
    assert_eq!(missing, Vec::<String>::new(), "gold pairs not aligned");
}

#[test]
fn topic_level_alignments_carry_no_divergence() {
    let report = corpus_report();
    let scored = &report.events[0];
    let topic_idxs: Vec<usize> = scored
        .event
        .alignments
        .iter()
        .enumerate()
        .filter(|(_, a)| a.level == AlignmentLevel::Topic)
        .map(|(idx, _)| idx)
        .collect();
    assert!(!topic_idxs.is_empty());
    let on_topic: Vec<&str> = scored
        .divergences
        .iter()
        .filter(|d| d.alignment_idx.is_some_and(|idx| topic_idxs.contains(&idx)))
        .map(|d| d.kind.as_str())
        .collect();
    assert_eq!(on_topic, Vec::<&str>::new());
}
