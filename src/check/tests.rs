//! Unit tests of `check`: the model file, and the stance and evidence of
//! small cases written for these tests.

use super::*;

#[test]
fn the_model_file_weighs_only_known_features() {
    let unknown = linear::unknown_names(include_str!("../../models/stance.json"));
    assert_eq!(unknown, Vec::<String>::new());
}

fn article(id: &str, body: &str) -> Article {
    Article {
        id: id.to_string(),
        source: format!("{id}.txt"),
        body: body.to_string(),
        ..Article::default()
    }
}

/// Checks `claim` against each body alone; `expected` gives, per body, the
/// stance and the evidence texts.
fn check_each(claim: &str, cases: &[(&str, &str, &[&str])]) {
    for (body, stance, evidence) in cases {
        let articles = vec![article("a", body)];
        let (extractions, _) = crate::extract_all(&articles);
        let claims = vec![Claim {
            id: "c".to_string(),
            text: claim.to_string(),
            articles: None,
        }];
        let lines = check(&claims, &articles, &extractions);
        assert_eq!(lines.len(), 1);
        let found: Vec<&str> = lines[0].evidence.iter().map(|r| r.text(body)).collect();
        assert_eq!(
            (lines[0].stance.as_str(), found),
            (*stance, evidence.to_vec()),
            "{body}"
        );
    }
}

#[test]
fn a_headline_that_restates_the_claim_agrees() {
    let body = "Ukraine will be part of the peace talks in Riyadh, officials confirmed.";
    check_each(
        "Ukraine will be part of any talks",
        &[(body, "agree", &[body])],
    );
}

#[test]
fn a_negated_predicate_disagrees() {
    let body = "Ukraine will not be part of the peace talks.";
    check_each(
        "Ukraine will be part of any talks",
        &[(body, "disagree", &[body])],
    );
}

#[test]
fn a_refuting_cue_disagrees() {
    let body = "Officials debunked the report that Ukraine will be part of the talks as a hoax.";
    check_each(
        "Ukraine will be part of any talks",
        &[(body, "disagree", &[body])],
    );
}

#[test]
fn a_hedged_report_discusses() {
    let body = "Ukraine may reportedly be part of the peace talks, sources say.";
    check_each(
        "Ukraine will be part of any talks",
        &[(body, "discuss", &[body])],
    );
}

#[test]
fn an_article_on_something_else_is_unrelated_with_no_evidence() {
    let body = "The city council approved a new budget for parks and libraries.";
    check_each(
        "Ukraine will be part of any talks",
        &[(body, "unrelated", &[])],
    );
}

/// Articles `a0`, `a1`, ... with `bodies`, and their extractions.
fn articles_from(bodies: &[&str]) -> (Vec<Article>, Vec<crate::model::Extraction>) {
    let articles: Vec<Article> = bodies
        .iter()
        .enumerate()
        .map(|(idx, body)| article(&format!("a{idx}"), body))
        .collect();
    let (extractions, _) = crate::extract_all(&articles);
    (articles, extractions)
}

/// `sim_neighbours` of each article when `claim` is checked against all.
fn neighbour_similarities(claim: &str, bodies: &[&str]) -> Vec<f64> {
    let (articles, extractions) = articles_from(bodies);
    let claims = vec![Claim {
        id: "c".to_string(),
        text: claim.to_string(),
        articles: None,
    }];
    let feature = features::index("sim_neighbours");
    check(&claims, &articles, &extractions)
        .iter()
        .map(|line| line.features[feature])
        .collect()
}

#[test]
fn an_article_on_another_matter_has_few_close_neighbours() {
    let similarities = neighbour_similarities(
        "We don't need libraries",
        &[
            "Public libraries lend books and give children a quiet place to read.",
            "Libraries lend books, and children read there after school.",
            "Without libraries, children who cannot buy books have nothing to read.",
            "We don't need another stadium; the team plays well enough downtown.",
        ],
    );
    let off_topic = similarities[3];
    assert!(
        similarities[..3].iter().all(|&s| s > off_topic),
        "{similarities:?}"
    );
}

#[test]
fn the_bag_of_words_holds_the_first_words_once_in_lower_case_with_marks() {
    assert_eq!(
        features::bag_of_words("No! No, I don't agree. Really?"),
        ["!", "?", "agree", "don't", "i", "no", "really"]
    );
    // Only the first `BAG_WORDS` words, and a mark only among them.
    let long = format!("{} Why?", "word ".repeat(features::BAG_WORDS));
    assert_eq!(features::bag_of_words(&long), ["word"]);
    assert_eq!(features::bag_of_words(""), Vec::<String>::new());
}

#[test]
fn the_model_file_weighs_words_for_every_stance() {
    let model = linear::parse(include_str!("../../models/stance.json"));
    assert!(model.n_words() > 0);
}

#[test]
fn an_article_checked_by_two_claims_is_closest_to_the_coverage_of_its_own() {
    let bodies = [
        "Public libraries lend books and give children a quiet place to read.",
        "Libraries lend books, and children read there after school.",
        "Without libraries, children who cannot buy books have nothing to read.",
        "The new stadium will seat forty thousand fans when the team plays downtown.",
        "Fans say the stadium downtown is too small for the team and its games.",
        "A bigger stadium would bring more fans downtown on game nights.",
    ];
    let (articles, extractions) = articles_from(&bodies);
    let ids = |idxs: &[usize]| Some(idxs.iter().map(|idx| format!("a{idx}")).collect());
    // Both claims check a3, a stadium article; only the second's coverage is about stadiums.
    let claims = vec![
        Claim {
            id: "libraries".to_string(),
            text: "We don't need libraries".to_string(),
            articles: ids(&[0, 1, 2, 3]),
        },
        Claim {
            id: "stadium".to_string(),
            text: "The city needs a new stadium".to_string(),
            articles: ids(&[3, 4, 5, 0]),
        },
    ];
    let lines = check(&claims, &articles, &extractions);
    let value = |claim_idx: usize, article_idx: usize, name: &str| {
        let line = lines
            .iter()
            .find(|line| line.claim_idx == claim_idx && line.article_idx == article_idx)
            .expect("a line for the pair");
        line.features[features::index(name)]
    };
    assert_eq!(value(0, 3, "claim_best_neighbours"), 0.0);
    assert_eq!(value(1, 3, "claim_best_neighbours"), 1.0);
    assert!(value(1, 3, "claim_margin_neighbours") > 0.0);
    assert_eq!(value(0, 0, "claim_best_neighbours"), 1.0);
    assert_eq!(value(1, 0, "claim_best_neighbours"), 0.0);
    // An article only one claim checks is that claim's best, with no margin.
    assert_eq!(value(0, 1, "claim_best_neighbours"), 1.0);
    assert_eq!(value(0, 1, "claim_margin_neighbours"), 0.0);
}
