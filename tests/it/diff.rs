//! `parallax diff A B`: the editor's check in a terminal. Exact output on a
//! rewrite with one edit of each kind, on the two sample articles and on
//! quotations framed by narration, colour off; exit statuses like `diff`; the JSON form.

use serde_json::Value;
use std::process::{Command, Output};

/// Runs `parallax` from the repository root, so paths in the output are
/// the relative ones given here.
fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap()
}

/// What `parallax diff A B --color never` prints, with `--only TYPES`
/// when `only` is not empty.
fn diff_text(a: &str, b: &str, only: &str) -> String {
    let mut args = vec!["diff", a, b, "--color", "never"];
    if !only.is_empty() {
        args.extend(["--only", only]);
    }
    String::from_utf8(parallax(&args).stdout).unwrap()
}

/// `diff_text` of the fixture pair `tests/data/diff/NAME-a.txt` and
/// `NAME-b.txt`.
fn diff_pair(name: &str, only: &str) -> String {
    diff_text(
        &format!("tests/data/diff/{name}-a.txt"),
        &format!("tests/data/diff/{name}-b.txt"),
        only,
    )
}

fn expected(name: &str) -> String {
    std::fs::read_to_string(crate::data(name)).unwrap()
}

const COPY: &str = "tests/data/diff/copy.txt";
const WIRE: &str = "tests/data/diff/wire.txt";

#[test]
fn a_rewrite_with_one_edit_of_each_kind() {
    let output = parallax(&["diff", COPY, WIRE, "--color", "never"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        expected("diff/expected.txt")
    );
}

#[test]
fn differences_in_other_words_between_the_sample_articles() {
    let output = parallax(&[
        "diff",
        "corpus/000_38e313115e04f0bc.txt",
        "corpus/001_3d0f0b47cbf9b892.txt",
        "--color",
        "never",
        "--only",
        "contradiction,loaded_language,misattribution",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        expected("diff/expected-corpus.txt")
    );
}

/// Quotations compared as quotations: words the outlet's own narration
/// lacks around a quoted phrase are not a changed quote ("refused to say
/// the words “budget fraud”" / "say the two words 'budget fraud'"); words
/// one outlet quotes in a sentence of its own are not cut from its quote;
/// a quotation of several sentences counts as quoted to its end.
#[test]
fn narration_around_quotes_and_quotes_split_in_two_are_not_findings() {
    let output = parallax(&[
        "diff",
        "tests/data/diff/quoted-a.txt",
        "tests/data/diff/quoted-b.txt",
        "--color",
        "never",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        expected("diff/expected-quoted.txt")
    );
}

/// A quotation of three words is compared when the same person says it
/// and the other outlet's quotation holds it word for word: cut before
/// "but", it is a truncation ("Nurses should rest." / "Nurses should rest,
/// but if ...").
#[test]
fn a_short_quotation_cut_before_but_is_truncated() {
    let output = parallax(&[
        "diff",
        "tests/data/diff/short-a.txt",
        "tests/data/diff/short-b.txt",
        "--color",
        "never",
        "--only",
        "quote_truncated",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        expected("diff/expected-short.txt")
    );
}

/// A quotation that opens as a sentence of its own ("“This committee is
/// left with no choice ...”") where the other outlet's quotation of the same
/// sentence starts earlier has lost the sentence's opening: a truncation.
/// When what it lacks is a whole sentence before it, that is an omission.
#[test]
fn a_quotation_missing_its_sentence_opening_is_truncated() {
    let run = |longer: &str| diff_text(longer, "tests/data/diff/opening-b.txt", "quote_truncated");
    assert_eq!(
        run("tests/data/diff/opening-a.txt"),
        expected("diff/expected-opening.txt")
    );
    assert_eq!(run("tests/data/diff/opening-c.txt"), "");
}

/// Wording that the other article also carries word for word is not an
/// altered quotation, however the two quotations line up: a remark quoted
/// after another one ("It's not about you. ... It's about some empty
/// promise"), a different remark whose words the other outlet quotes
/// elsewhere ("there are ground units advancing"), and a changed word
/// whose other wording the same article quotes too ("the risk that this
/// economy will" beside "the risk that the economy would").
/// A copy that misspells a name once ("Halvorson's") while spelling it
/// right elsewhere: the slip is a `name_variant` at that place, though
/// both articles use the right spelling.
#[test]
fn a_name_misspelt_once_in_a_copy_is_a_name_variant() {
    assert_eq!(
        diff_pair("slip", "name_variant"),
        expected("diff/expected-slip.txt")
    );
}

/// Edits to a near copy that rules made for outlets' own sentences must
/// not hide: a quoted phrase the copy also repeats unchanged elsewhere
/// ("as we know it"), a capitalised word changed inside a quotation ("the
/// Great Depression"), a negation before an abbreviated title ("Ms.
/// Lund is not running against Mr. Berg, who plans ..."), a quotation
/// whose two content words were both changed (still the same statement: it
/// sits between the same neighbours and keeps most words in order), a
/// verb changed where the quotation after it was cut, a quotation given
/// to another person where the copy also cut its second part, "says" put
/// as "claims" after a quotation (a noun elsewhere), a word swapped
/// beside an ellipsis ("I want a…" / "I wish a…"), and a negation after an
/// abbreviated title later in the sentence ("a message for Mr. Berg: the
/// islands won't pay").
#[test]
fn edits_to_a_copy_are_found_where_outlets_would_differ() {
    assert_eq!(
        diff_pair("copyedit", ""),
        expected("diff/expected-copyedit.txt")
    );
}

/// Figures changed in a copy: next to an open interval ("over $300"), into
/// a value the sentence also gives ("$250,000 to $300,000" / "$300,000 to
/// $300,000"), and a count of dozens ("two-dozen" / "three-dozen").
#[test]
fn figures_changed_in_a_copy_are_number_mismatches() {
    assert_eq!(
        diff_pair("figures", "number_mismatch"),
        expected("diff/expected-figures.txt")
    );
}

/// A short rewrite that cut one of its three statements is still a near
/// copy (all but one statement kept nearly word for word), so its changed
/// figure is compared word by word; two outlets that only tell their
/// points alike are not (see `narration_around_quotes_...`).
#[test]
fn a_short_copy_missing_one_statement_is_compared_word_by_word() {
    assert_eq!(diff_pair("brief", ""), expected("diff/expected-brief.txt"));
}

/// A quotation opened with a straight mark and cut with "..." before it
/// closes (as excerpts are): in a near copy its words are still quoted
/// words, so a changed one is an altered quotation.
#[test]
fn a_quotation_left_open_in_a_copy_is_compared() {
    assert_eq!(diff_pair("cut", ""), expected("diff/expected-cut.txt"));
}

/// One sentence a line, a quotation opened on one line and closed with a
/// straight mark on the next ("... ordered them to stop.\""): in a near
/// copy the closing line's words are quoted words.
#[test]
fn a_quotation_closed_on_a_later_line_of_a_copy_is_compared() {
    assert_eq!(diff_pair("lines", ""), expected("diff/expected-lines.txt"));
}

/// Two apostrophes as quotation marks (''Q,'' she said. ''Q2.''), as some
/// newspaper archives write them: the verb between the two quotations is
/// the outlet's, so changing it is a reporting-verb shift, not an altered
/// quotation.
#[test]
fn doubled_apostrophes_are_quotation_marks() {
    assert_eq!(diff_pair("marks", ""), expected("diff/expected-marks.txt"));
}

#[test]
fn words_the_other_article_also_carries_are_not_altered() {
    for (a, b) in [
        ("again-a", "again-b"),
        ("twice-a", "twice-b"),
        ("gap-a", "gap-b"),
    ] {
        let output = parallax(&[
            "diff",
            &format!("tests/data/diff/{a}.txt"),
            &format!("tests/data/diff/{b}.txt"),
            "--only",
            "quote_altered",
        ]);
        assert_eq!(String::from_utf8(output.stdout).unwrap(), "", "{a} / {b}");
    }
}

/// A contraction written out ("It’s not" / "it is not") is the same
/// wording, though stems match "It’s" with "it" and leave "is" between
/// matched words; a word added next to it is still a changed quotation.
#[test]
fn a_contraction_written_out_is_not_an_altered_quotation() {
    let altered = |b: &str| {
        diff_text(
            "tests/data/diff/contraction-a.txt",
            &format!("tests/data/diff/contraction-{b}.txt"),
            "quote_altered",
        )
    };
    assert_eq!(altered("b"), "");
    let text = altered("c");
    assert_eq!(text.matches("quote_altered").count(), 1, "{text}");
    assert!(text.contains("“spend less” against “a little”"), "{text}");
}

/// One claim given to two people is a misattribution only when both
/// outlets say the person asserted it: "expressed disbelief that C" does
/// not give C to the one who doubts it.
#[test]
fn a_claim_doubted_by_one_and_stated_by_another_is_not_misattributed() {
    let misattributions = |a: &str| {
        diff_text(a, "tests/data/diff/doubt-b.txt", "misattribution")
            .matches("misattribution")
            .count()
    };
    assert_eq!(misattributions("tests/data/diff/doubt-a.txt"), 0);
    assert_eq!(misattributions("tests/data/diff/said-a.txt"), 1);
}

/// A sentence one outlet leaves out of a quotation but gives a line
/// earlier in other words ("bigger by a million dollars" / "bigger by
/// millions") is no omission; the changed words are still reported.
#[test]
fn a_quoted_sentence_given_earlier_in_other_words_is_not_left_out() {
    let text = diff_pair("earlier", "");
    assert!(!text.contains("leaves out part"), "{text}");
    assert!(text.starts_with("1. quote_altered"), "{text}");
}

/// Two look-alike names in one claim, each absent from the other article,
/// are a contradiction of fact ("a 2019 rally in Norwalk" / "the 2019
/// rally in Norfolk"); a longer form of one name ("Norwalkville") is
/// another place nearby, not a conflict.
#[test]
fn look_alike_names_in_one_claim_contradict() {
    let run = |b: &str| diff_text("tests/data/diff/place-a.txt", b, "");
    assert_eq!(
        run("tests/data/diff/place-b.txt"),
        expected("diff/expected-place.txt")
    );
    assert_eq!(run("tests/data/diff/place-c.txt"), "");
}

/// A claim the speaker answers ("rejected reports that C") is shown with
/// the words that say so, so that C does not read as the speaker's own;
/// "said in a report that C" is the speaker's claim.
#[test]
fn an_answered_claim_is_shown_with_its_cue_phrase() {
    let run = |a: &str| diff_text(a, "tests/data/diff/answer-b.txt", "");
    assert_eq!(
        run("tests/data/diff/answer-a.txt"),
        expected("diff/expected-answer.txt")
    );
    let own = run("tests/data/diff/answer-c.txt");
    assert!(
        own.contains("carries this statement from Dana Whitfield; the other"),
        "{own}"
    );
}

#[test]
fn identical_copies_print_nothing_and_exit_0() {
    let output = parallax(&["diff", WIRE, WIRE]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
}

#[test]
fn thresholds_and_types_filter_the_findings() {
    let output = parallax(&[
        "diff",
        COPY,
        WIRE,
        "--color",
        "never",
        "--only",
        "number_mismatch",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("1. number_mismatch (severity 0.56, confidence 0.90)\n"));
    assert!(!text.contains("\n2. "));
    let output = parallax(&["diff", COPY, WIRE, "--min-severity", "0.95"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stdout.is_empty());
}

#[test]
fn colour_marks_the_words_when_asked() {
    let output = parallax(&[
        "diff",
        COPY,
        WIRE,
        "--color",
        "always",
        "--only",
        "number_mismatch",
    ]);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("spend \u{1b}[1;31m350 million\u{1b}[0m dollars"));
    assert!(text.contains("spend \u{1b}[1;32m300 million\u{1b}[0m dollars"));
}

#[test]
fn json_holds_the_contract_divergences_with_confidence() {
    let output = parallax(&["diff", COPY, WIRE, "--format", "json"]);
    assert_eq!(output.status.code(), Some(1));
    let document: Value = serde_json::from_slice(&output.stdout).unwrap();
    let divergences = document["divergences"].as_array().unwrap();
    let types: Vec<&str> = divergences
        .iter()
        .map(|d| d["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "negation_flip",
            "misattribution",
            "reporting_verb_shift",
            "quote_truncated",
            "quote_altered",
            "number_mismatch",
            "hedging_shift",
            "omission",
            "name_variant"
        ]
    );
    for divergence in divergences {
        assert!((0.0..=1.0).contains(&divergence["confidence"].as_f64().unwrap()));
    }
    assert_eq!(document["a"]["id"], "copy");
    assert_eq!(divergences[5]["spans"][0]["text"], "350 million");
}

#[test]
fn usage_errors_and_unreadable_inputs_exit_2() {
    let output = parallax(&["diff", COPY, "tests/data/diff/missing.txt"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("tests/data/diff/missing.txt"), "{stderr}");
    let output = parallax(&["diff", COPY, WIRE, "--only", "typo"]);
    assert_eq!(output.status.code(), Some(2));
    let output = parallax(&["diff", COPY]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn an_input_with_several_articles_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let two = dir.path().join("two.jsonl");
    std::fs::write(&two, "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n").unwrap();
    let output = parallax(&["diff", COPY, two.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("holds 2 articles"), "{stderr}");
}

/// In a headline every word is capitalised, so a changed word there is no
/// sign of a name: "Alleged Recording" / "Alleged Audio" gives the words
/// to no one.
#[test]
fn a_changed_word_in_a_title_case_headline_is_no_misattribution() {
    let text = diff_pair("headline", "misattribution");
    assert_eq!(text, "");
}

/// A figure the article also writes, before another noun, is given there:
/// "23 pirates (12 Somali and 11 Yemeni)" against "23 Somali pirates" is
/// no mismatch of 12 and 23.
#[test]
fn a_figure_written_anywhere_in_the_article_is_given() {
    let text = diff_pair("pirates", "number_mismatch");
    assert_eq!(text, "");
}

/// Distances from two places are two figures ("13 miles east of
/// Cloverdale" / "26 miles north of Santa Rosa"); from one place they
/// are one figure given two ways ("13" / "16 miles east of Cloverdale").
#[test]
fn distances_from_two_places_are_no_mismatch() {
    let run = |b: &str| diff_text("tests/data/diff/quake-a.txt", b, "number_mismatch");
    assert_eq!(run("tests/data/diff/quake-b.txt"), "");
    assert!(run("tests/data/diff/quake-c.txt")
        .starts_with("1. number_mismatch (severity 0.60, confidence 0.70)\n   quake-a gives “13” where quake-c gives “16”"));
}

/// A hedge is a word that softens the claim, read in its statement: a modal
/// with its negation written on ("couldn't" / "could not"), a court date
/// ("will appear in court" / "are due in court") and a belief put two ways
/// ("he believes ... died" / "is believed to have died") and one modal for
/// another ("couldn't" / "may not") are no shift; "appear to be" for "are"
/// is.
#[test]
fn hedges_are_read_in_their_statement() {
    assert_eq!(diff_pair("hedge", "hedging_shift"), "");
    let text = diff_text(
        "tests/data/diff/hedge-b.txt",
        "tests/data/diff/hedge-c.txt",
        "hedging_shift",
    );
    assert_eq!(text.matches("hedging_shift").count(), 1, "{text}");
    assert!(
        text.contains("hedges with “appear to be” where hedge-b has “are”"),
        "{text}"
    );
}

/// A word that names what happened in hard news ("a fire gutted the
/// store") is not loaded; one that judges ("slammed" for "criticised") is.
#[test]
fn loaded_words_judge_rather_than_name_what_happened() {
    let text = diff_pair("loaded", "loaded_language");
    assert_eq!(text.matches("loaded_language").count(), 1, "{text}");
    assert!(
        text.contains("uses the loaded “slammed” where loaded-b has “criticised”"),
        "{text}"
    );
}

/// A denial states nothing firmly: "could have been the source" against
/// "denied that he was the source" is a negation, not a hedge.
#[test]
fn a_denial_is_not_the_firm_side_of_a_hedge() {
    let text = diff_pair("deny", "");
    assert!(text.starts_with("1. negation_flip"), "{text}");
    assert!(!text.contains("hedging_shift"), "{text}");
}

/// "Are reported to be" is as second-hand as "reportedly": no shift between
/// the two, a shift against the same words stated flatly.
#[test]
fn reported_to_be_is_a_hedge() {
    assert_eq!(diff_pair("second-hand", "hedging_shift"), "");
    let text = diff_text(
        "tests/data/diff/second-hand-b.txt",
        "tests/data/diff/second-hand-c.txt",
        "hedging_shift",
    );
    assert!(
        text.contains(
            "second-hand-b hedges with “reported to be” where second-hand-c has only “Somali”"
        ),
        "{text}"
    );
}

/// Between outlets that rewrite, a hedge shifts only against the same claim
/// stated in the other outlet's own voice: "allegedly shot" against "shot
/// ..., according to police" puts both on a source, and against "a shooting
/// killed a man" the hedged words say what the other does not (who fired);
/// against "shot and killed a man" it is a shift.
#[test]
fn a_hedge_needs_the_same_claim_in_the_outlets_own_voice() {
    let run = |b: &str| {
        diff_text(
            "tests/data/diff/shooting-a.txt",
            &format!("tests/data/diff/shooting-{b}.txt"),
            "hedging_shift",
        )
    };
    assert_eq!(run("b"), "");
    assert_eq!(run("d"), "");
    let text = run("c");
    assert_eq!(text.matches("hedging_shift").count(), 1, "{text}");
    assert!(
        text.contains("shooting-a hedges with “allegedly” where shooting-c has only “shot”"),
        "{text}"
    );
}
