//! Tests of the whole align + score path on hand-made articles and
//! statements (byte ranges located in the fixture text).

use super::*;
use crate::model::Speaker;

/// A statement written as text: kind, canonical speaker, mention, cue, content.
type StatementSpec<'a> = (
    StatementKind,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
);

/// The occurrence of `needle` nearest to `near`.
fn locate(body: &str, needle: &str, near: usize) -> Range {
    let start = body
        .match_indices(needle)
        .map(|(at, _)| at)
        .min_by_key(|at| at.abs_diff(near))
        .unwrap_or_else(|| panic!("{needle:?} not in fixture"));
    Range::new(start, start + needle.len())
}

fn statements(body: &str, specs: &[StatementSpec]) -> Extraction {
    let statements = specs
        .iter()
        .enumerate()
        .map(|(idx, (kind, name, mention, cue, content))| {
            let content = locate(body, content, 0);
            Statement {
                id: format!("s{}", idx + 1),
                kind: *kind,
                speaker: Speaker {
                    name: name.map(str::to_string),
                    mention: mention.map(|m| locate(body, m, content.start)),
                    role: None,
                },
                cue: cue.map(|c| locate(body, c, content.start)),
                content,
                topics: Vec::new(),
            }
        })
        .collect();
    Extraction {
        statements,
        ..Extraction::default()
    }
}

fn article(id: &str, outlet: &str, body: &str) -> Article {
    Article {
        id: id.to_string(),
        outlet: Some(outlet.to_string()),
        title: Some("Valley dam project gets funding".to_string()),
        published: Some("2016-05-01".to_string()),
        body: body.to_string(),
        ..Article::default()
    }
}

/// Two articles ("a" from WIRE, "b" from REWRITE) with their statements,
/// through align and score.
fn align_and_score(
    (body_a, specs_a): (&str, &[StatementSpec]),
    (body_b, specs_b): (&str, &[StatementSpec]),
) -> (Vec<Article>, Vec<ScoredEvent>) {
    let articles = vec![
        article("a", "WIRE", body_a),
        article("b", "REWRITE", body_b),
    ];
    let extractions = vec![statements(body_a, specs_a), statements(body_b, specs_b)];
    let events = crate::align::events(&articles, &extractions);
    let scored = score(&articles, &extractions, events);
    (articles, scored)
}

/// Runs align and score on two articles; compares each divergence as its
/// type and evidence texts (sorted by article, then offset).
fn check(
    (body_a, specs_a): (&str, &[StatementSpec]),
    (body_b, specs_b): (&str, &[StatementSpec]),
    expected: &[(&str, &[&str])],
) -> Vec<ScoredEvent> {
    let (articles, scored) = align_and_score((body_a, specs_a), (body_b, specs_b));
    assert_eq!(scored.len(), 1, "both articles form one event");
    let found: Vec<(String, Vec<String>)> = scored[0]
        .divergences
        .iter()
        .map(|d| (d.kind.as_str().to_string(), evidence_texts(&articles, d)))
        .collect();
    let expected: Vec<(String, Vec<String>)> = expected
        .iter()
        .map(|(kind, texts)| {
            (
                kind.to_string(),
                texts.iter().map(|t| t.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(found, expected);
    scored
}

const ORIGINAL: &str = "The agency will spend 300 million dollars on the dam, officials said.

\u{201c}We will finish the dam by June and we are proud of the crews,\u{201d} said Maria Lopez, the project director.

Lopez said the project will create jobs for the valley.

\u{201c}The budget is sound,\u{201d} John Peters said.

The council would review the plan next week.

Critics said the contractor failed to meet deadlines.

\u{201c}We thank the governor,\u{201d} Lopez said.
";

const REWRITE: &str = "The agency will spend 350 million dollars on the dam, officials said.

\u{201c}We will finish the dam by June and we are happy with the crews,\u{201d} said Maria Lopes, the project director.

Lopes said the project will not create jobs for the valley.

\u{201c}The budget is sound,\u{201d} Anna Berg said.

The council might review the plan next week.

Critics claimed the contractor failed to meet deadlines.
";

use StatementKind::{Direct, Indirect, Mixed, Narration};

fn original_statements() -> Vec<StatementSpec<'static>> {
    vec![
        (
            Indirect,
            None,
            Some("officials"),
            Some("said"),
            "The agency will spend 300 million dollars on the dam",
        ),
        (
            Direct,
            Some("Maria Lopez"),
            Some("Maria Lopez"),
            Some("said"),
            "We will finish the dam by June and we are proud of the crews,",
        ),
        (
            Indirect,
            Some("Maria Lopez"),
            Some("Lopez"),
            Some("said"),
            "the project will create jobs for the valley",
        ),
        (
            Direct,
            Some("John Peters"),
            Some("John Peters"),
            Some("said"),
            "The budget is sound,",
        ),
        (
            Narration,
            None,
            None,
            None,
            "The council would review the plan next week.",
        ),
        (
            Indirect,
            None,
            Some("Critics"),
            Some("said"),
            "the contractor failed to meet deadlines",
        ),
        (
            Direct,
            Some("Maria Lopez"),
            Some("Lopez"),
            Some("said"),
            "We thank the governor,",
        ),
    ]
}

fn rewrite_statements() -> Vec<StatementSpec<'static>> {
    vec![
        (
            Indirect,
            None,
            Some("officials"),
            Some("said"),
            "The agency will spend 350 million dollars on the dam",
        ),
        (
            Direct,
            Some("Maria Lopes"),
            Some("Maria Lopes"),
            Some("said"),
            "We will finish the dam by June and we are happy with the crews,",
        ),
        (
            Indirect,
            Some("Maria Lopes"),
            Some("Lopes"),
            Some("said"),
            "the project will not create jobs for the valley",
        ),
        (
            Direct,
            Some("Anna Berg"),
            Some("Anna Berg"),
            Some("said"),
            "The budget is sound,",
        ),
        (
            Narration,
            None,
            None,
            None,
            "The council might review the plan next week.",
        ),
        (
            Indirect,
            None,
            Some("Critics"),
            Some("claimed"),
            "the contractor failed to meet deadlines",
        ),
    ]
}

#[test]
fn rewrite_with_one_edit_of_each_type() {
    let original = original_statements();
    let rewrite = rewrite_statements();
    check(
        (ORIGINAL, &original),
        (REWRITE, &rewrite),
        &[
            ("number_mismatch", &["300 million", "350 million"]),
            ("quote_altered", &["proud of", "happy with"]),
            (
                "name_variant",
                &["Lopez", "Lopez", "Lopez", "Lopes", "Lopes"],
            ),
            ("negation_flip", &["will", "not"]),
            ("misattribution", &["John Peters", "Anna Berg"]),
            ("hedging_shift", &["would", "might"]),
            ("reporting_verb_shift", &["said", "claimed"]),
            ("omission", &["We thank the governor,"]),
        ],
    );
}

#[test]
fn identical_articles_have_no_divergence_and_no_only_in() {
    let original = original_statements();
    let scored = check((ORIGINAL, &original), (ORIGINAL, &original), &[]);
    assert!(scored[0].event.only_in.is_empty());
    assert_eq!(scored[0].event.alignments.len(), original.len());
    assert!(scored[0]
        .event
        .alignments
        .iter()
        .all(|a| a.agreement == 1.0));
}

/// A quotation in curly marks that runs past the sentence (the frame the
/// pair checks read) is quoted up to the frame's end, and one that began
/// before the frame is quoted from its start.
#[test]
fn a_quotation_longer_than_its_sentence_is_quoted_to_the_frame_edge() {
    let body = "She said it could be \u{201c}used to attack us. Why would we help? Enough.\u{201d} Then she left.";
    let extraction = statements(
        body,
        &[(
            StatementKind::Mixed,
            Some("She"),
            Some("She"),
            Some("said"),
            "it could be \u{201c}used to attack us",
        )],
    );
    let statement = &extraction.statements[0];
    let texts = |frame: Range| -> Vec<&str> {
        quoted_ranges(body, statement, frame, false)
            .into_iter()
            .map(|r| r.text(body))
            .collect()
    };
    let first = locate(body, "She said it could be \u{201c}used to attack us.", 0);
    assert_eq!(texts(first), vec!["used to attack us."]);
    let middle = locate(body, "Enough.\u{201d} Then", 0);
    assert_eq!(texts(middle), vec!["Enough."]);
}

/// The title of a show in quotation marks is not a quotation; a short
/// remark in lower case is.
#[test]
fn titles_in_quotation_marks_are_not_quoted_words() {
    let body = "\u{201c}It is wrong,\u{201d} he said on the program \u{201c}This Week,\u{201d} calling it \u{201c}a disgrace.\u{201d}";
    let extraction = statements(
        body,
        &[(
            StatementKind::Direct,
            Some("He"),
            Some("he"),
            Some("said"),
            "\u{201c}It is wrong,\u{201d}",
        )],
    );
    let quoted: Vec<&str> = quoted_ranges(
        body,
        &extraction.statements[0],
        Range::new(0, body.len()),
        false,
    )
    .into_iter()
    .map(|r| r.text(body))
    .collect();
    assert_eq!(quoted, vec!["It is wrong,", "a disgrace."]);
}

/// Words an editor put into a quotation, in parentheses or brackets, are
/// not the speaker's words changed; a word the speaker said differently is.
#[test]
fn an_editors_insertion_in_a_quotation_is_no_change() {
    const PLAIN: &str = "The court heard the case on Tuesday. \u{201c}Then you say that these \
        supervisors have too much discretion over pay,\u{201d} Justice Kennedy said.";
    const INSERTED: &str = "The court heard the case on Tuesday. \u{201c}Then you say that these \
        (local) supervisors have too much discretion over pay,\u{201d} Justice Kennedy said.";
    const CHANGED: &str = "The court heard the case on Tuesday. \u{201c}Then you say that these \
        regional supervisors have too much discretion over pay,\u{201d} Justice Kennedy said.";
    let spec = |content: &'static str| -> Vec<StatementSpec<'static>> {
        vec![(
            Direct,
            Some("Anthony Kennedy"),
            Some("Kennedy"),
            Some("said"),
            content,
        )]
    };
    let plain = spec("Then you say that these supervisors have too much discretion over pay,");
    let inserted =
        spec("Then you say that these (local) supervisors have too much discretion over pay,");
    let changed =
        spec("Then you say that these regional supervisors have too much discretion over pay,");
    check((PLAIN, &plain), (INSERTED, &inserted), &[]);
    check(
        (PLAIN, &plain),
        (CHANGED, &changed),
        &[("quote_altered", &["supervisors", "regional"])],
    );
    // Two editors' insertions, each with its own spelling of a name.
    const ONE: &str = "Trump spoke on Tuesday. \u{201c}Now it looks like (Libyan strongman \
        Muammar) al-Qaddafi is going to beat the United States,\u{201d} Trump said.";
    const OTHER: &str = "Trump spoke on Tuesday. \u{201c}Now it looks like (Libyan strongman \
        Moammar) Gadhafi is going to beat the United States,\u{201d} Trump said.";
    let trump = |content: &'static str| -> Vec<StatementSpec<'static>> {
        vec![(
            Direct,
            Some("Donald Trump"),
            Some("Trump"),
            Some("said"),
            content,
        )]
    };
    check(
        (
            ONE,
            &trump("Now it looks like (Libyan strongman Muammar) al-Qaddafi is going to beat the United States,"),
        ),
        (
            OTHER,
            &trump("Now it looks like (Libyan strongman Moammar) Gadhafi is going to beat the United States,"),
        ),
        &[],
    );
}

/// A figure one side lists beside another ("500 for the steel model, 5000
/// for the gold model") is not changed because the other side gives only
/// one of them: the steel price against the gold one is no mismatch.
#[test]
fn a_figure_the_other_side_also_lists_is_no_mismatch() {
    const LISTED: &str =
        "Prices: will you pay 500 for the steel model, 5000 for the gold model, the maker asked.";
    const ONE: &str = "Prices: will you pay 5,000 for the gold model, the maker asked.";
    let spec = |content: &'static str| -> Vec<StatementSpec<'static>> {
        vec![(
            Indirect,
            Some("maker"),
            Some("the maker"),
            Some("asked"),
            content,
        )]
    };
    check(
        (
            LISTED,
            &spec("Prices: will you pay 500 for the steel model, 5000 for the gold model,"),
        ),
        (ONE, &spec("Prices: will you pay 5,000 for the gold model,")),
        &[],
    );
}

/// A quotation whose speaker one side names and the other leaves to be
/// inferred from the quotations around it: the extractor's guess is no
/// outlet's claim, so no misattribution.
#[test]
fn an_inferred_speaker_is_no_misattribution() {
    const NAMED: &str = "\u{201c}The budget is sound and the crews are ready for the summer,\u{201d} John Peters said.\n";
    const FLOATING: &str =
        "\u{201c}The budget is sound and the crews are ready for the summer.\u{201d}\n";
    let spec =
        |name: &'static str,
         mention: Option<&'static str>,
         cue: Option<&'static str>,
         content: &'static str| { vec![(Direct, Some(name), mention, cue, content)] };
    check(
        (
            NAMED,
            &spec(
                "John Peters",
                Some("John Peters"),
                Some("said"),
                "\u{201c}The budget is sound and the crews are ready for the summer,\u{201d}",
            ),
        ),
        (
            FLOATING,
            &spec(
                "Anna Berg",
                None,
                None,
                "\u{201c}The budget is sound and the crews are ready for the summer.\u{201d}",
            ),
        ),
        &[],
    );
}

/// Two outlets that rewrite their own sentences quote one remark: words
/// that differ after the shared stretch are a changed quotation ("a nuclear
/// bomb" / "nuclear arms"), while a dropped "of" or a spoken repetition
/// ("we will not, we will not") is how a remark is transcribed.
#[test]
fn quotations_differ_in_their_last_words_not_in_transcription() {
    const A: &str = "Netanyahu warned the world about Iran on Tuesday in a video posted online by his office.\nThe prime minister has pressed Washington for months to set firm limits on enrichment.\n\u{201c}Every day that passes, Iran gets closer and closer to a nuclear bomb,\u{201d} Netanyahu said.\n\u{201c}We will not, we will not wait for a couple of weeks,\u{201d} Netanyahu said.\n";
    const B: &str = "In a clip the campaign aired, the Israeli leader spoke of the danger he sees from Tehran.\nRepublicans have seized on the remarks to attack the record of the administration.\n\u{201c}Every day that passes, Iran gets closer and closer to nuclear arms,\u{201d} Netanyahu says.\n\u{201c}We will not wait for a couple weeks,\u{201d} Netanyahu says.\n";
    let quote = |content: &'static str, cue: &'static str| {
        (
            Direct,
            Some("Netanyahu"),
            Some("Netanyahu"),
            Some(cue),
            content,
        )
    };
    let narration = |content: &'static str| (Narration, None, None, None, content);
    check(
        (
            A,
            &[
                narration("Netanyahu warned the world about Iran on Tuesday in a video posted online by his office."),
                narration("The prime minister has pressed Washington for months to set firm limits on enrichment."),
                quote("\u{201c}Every day that passes, Iran gets closer and closer to a nuclear bomb,\u{201d}", "said"),
                quote("\u{201c}We will not, we will not wait for a couple of weeks,\u{201d}", "said"),
            ],
        ),
        (
            B,
            &[
                narration("In a clip the campaign aired, the Israeli leader spoke of the danger he sees from Tehran."),
                narration("Republicans have seized on the remarks to attack the record of the administration."),
                quote("\u{201c}Every day that passes, Iran gets closer and closer to nuclear arms,\u{201d}", "says"),
                quote("\u{201c}We will not wait for a couple weeks,\u{201d}", "says"),
            ],
        ),
        &[
            (
                "omission",
                &["Netanyahu warned the world about Iran on Tuesday in a video posted online by his office."],
            ),
            (
                "omission",
                &["The prime minister has pressed Washington for months to set firm limits on enrichment."],
            ),
            ("quote_altered", &["bomb", "arms"]),
        ],
    );
}

/// Words cut from a quotation but given beside it in other words are no
/// cut ("is “not going to be solved overnight”" / "won't “be solved
/// overnight”"); without the negation beside it, they are.
#[test]
fn a_cut_given_beside_the_quotation_in_other_words_is_no_cut() {
    const LONG: &str = "Harris lowered expectations for a quick fix on the border during a visit to Guatemala on Monday.\nThe vice president met the country's leader for two hours.\nShe said the crisis is \u{201c}not going to be solved overnight.\u{201d}\n";
    const BESIDE: &str = "On a trip abroad, the vice president asked for patience from voters at home.\nAides said more visits to the region would follow this summer.\nShe said the crisis won't \u{201c}be solved overnight.\u{201d}\n";
    const CUT: &str = "On a trip abroad, the vice president asked for patience from voters at home.\nAides said more visits to the region would follow this summer.\nShe said the crisis will \u{201c}be solved overnight.\u{201d}\n";
    let specs = |body: &'static str| -> Vec<StatementSpec<'static>> {
        let lines: Vec<&'static str> = body.lines().collect();
        let quote = lines[2].trim_start_matches("She said ");
        vec![
            (Narration, None, None, None, lines[0]),
            (Narration, None, None, None, lines[1]),
            (
                Indirect,
                Some("Kamala Harris"),
                Some("She"),
                Some("said"),
                quote,
            ),
        ]
    };
    let omissions: Vec<(&str, &[&str])> = vec![
        ("omission", &["Harris lowered expectations for a quick fix on the border during a visit to Guatemala on Monday."]),
        ("omission", &["The vice president met the country's leader for two hours."]),
    ];
    check((LONG, &specs(LONG)), (BESIDE, &specs(BESIDE)), &omissions);
    let mut with_cut = omissions.clone();
    with_cut.push(("quote_truncated", &["not going to", "be solved overnight"]));
    check((LONG, &specs(LONG)), (CUT, &specs(CUT)), &with_cut);
}

/// Between outlets that rewrite, when both report someone as saying it, a
/// modal or "believed" in what was said is the speaker's hedge; a hedge on
/// the reporting itself ("reportedly wrote") is the outlet's.
#[test]
fn a_speakers_own_hedge_is_not_the_outlets() {
    const A: &str = "Senate leaders met for two hours on Thursday without a deal on the debt limit.\nThe Treasury has warned that it could run out of cash by the middle of October.\nMcConnell said Republicans will oppose the bill in the Senate next week.\nCheney wrote on Facebook that the vote was a test of loyalty to the Constitution.\n";
    const B: &str = "A deal on borrowing stayed out of reach as lawmakers left the Capitol for the weekend.\nDemocrats accused their rivals of playing politics with the credit of the country.\nMcConnell said he believed Republicans would oppose the bill in the Senate next week.\nCheney reportedly wrote on Facebook that the vote was a test of loyalty to the Constitution.\n";
    let specs = |body: &'static str| -> Vec<StatementSpec<'static>> {
        let lines: Vec<&'static str> = body.lines().collect();
        vec![
            (Narration, None, None, None, lines[0]),
            (Narration, None, None, None, lines[1]),
            (
                Indirect,
                Some("Mitch McConnell"),
                Some("McConnell"),
                Some("said"),
                lines[2].trim_start_matches("McConnell said "),
            ),
            (
                Indirect,
                Some("Liz Cheney"),
                Some("Cheney"),
                Some("wrote"),
                lines[3].split("Facebook that ").nth(1).unwrap(),
            ),
        ]
    };
    let (articles, found) = align_and_score((A, &specs(A)), (B, &specs(B)));
    assert!(
        found[0].event.copies.is_empty(),
        "the two rewrite each other"
    );
    let hedging: Vec<Vec<String>> = found[0]
        .divergences
        .iter()
        .filter(|d| d.kind == DivergenceType::HedgingShift)
        .map(|d| evidence_texts(&articles, d))
        .collect();
    assert_eq!(hedging, [["wrote", "reportedly"]]);
}

/// A quotation one outlet gives in full and another in two pieces, the
/// second in a sentence of its own, leaving out only a filler ("frankly"):
/// nothing of substance is left out. Without the second piece, the
/// sentence is.
#[test]
fn a_filler_dropped_beside_a_sentence_quoted_in_full_is_no_cut() {
    const QUOTE: &str = "\u{201c}Her remark was highly inappropriate for a sitting judge, frankly,\u{201d} Carter said. \u{201c}It is a disgrace to the court and she should apologize.\u{201d}";
    const PIECE: &str = "her remark was \u{201c}highly inappropriate for a sitting judge.\u{201d}";
    let long_body = format!("The senator criticised the judge on Tuesday.\n{QUOTE}\n");
    let pieces_body = format!("The senator criticised the judge on Tuesday.\nHe said {PIECE}\n\u{201c}It is a disgrace to the court and she should apologize,\u{201d} he added.\n");
    let one_piece_body = format!("The senator criticised the judge on Tuesday.\nHe said {PIECE}\nHis office gave no more details.\n");
    let opening = (
        Narration,
        None,
        None,
        None,
        "The senator criticised the judge on Tuesday.",
    );
    let long: Vec<StatementSpec> = vec![
        opening,
        (
            Direct,
            Some("Tom Carter"),
            Some("Carter"),
            Some("said"),
            QUOTE,
        ),
    ];
    let piece = (Mixed, Some("Tom Carter"), Some("He"), Some("said"), PIECE);
    let pieces: Vec<StatementSpec> = vec![
        opening,
        piece,
        (
            Direct,
            Some("Tom Carter"),
            Some("he"),
            Some("added"),
            "\u{201c}It is a disgrace to the court and she should apologize,\u{201d}",
        ),
    ];
    check((&long_body, &long), (&pieces_body, &pieces), &[]);
    let one_piece: Vec<StatementSpec> = vec![
        opening,
        piece,
        (
            Narration,
            None,
            None,
            None,
            "His office gave no more details.",
        ),
    ];
    check(
        (&long_body, &long),
        (&one_piece_body, &one_piece),
        &[(
            "omission",
            &[
                "Her remark was",
                "frankly",
                "It is a disgrace to the court and she should apologize",
                "highly inappropriate for a sitting judge",
            ],
        )],
    );
}

/// A word a speaker opens a sentence with ("So", "Well") that one outlet's
/// transcript keeps and another's drops, between outlets that write their
/// own sentences, is no change of the quotation; the same word dropped
/// inside a sentence is.
#[test]
fn a_dropped_sentence_opener_is_no_altered_quotation() {
    const A: [&str; 2] = [
        "Protesters followed the senator into a hallway in Phoenix on Sunday.",
        "Video of the encounter spread quickly among his critics online.",
    ];
    const B: [&str; 2] = [
        "Activists confronted the Arizona lawmaker at the airport this weekend.",
        "His office declined to identify the group behind the protest.",
    ];
    const WITH_SO: &str = "\u{201c}It happens to everybody. So it is part of the process,\u{201d}";
    const WITHOUT: &str = "\u{201c}It happens to everybody. It is part of the process,\u{201d}";
    const MID: &str = "\u{201c}It happens to everybody. It is so part of the process,\u{201d}";
    let article = |lines: [&'static str; 2], quote: &'static str| {
        let body = format!("{}\n{}\n{quote} Carter said.\n", lines[0], lines[1]);
        let specs: Vec<StatementSpec<'static>> = vec![
            (Narration, None, None, None, lines[0]),
            (Narration, None, None, None, lines[1]),
            (
                Direct,
                Some("Tom Carter"),
                Some("Carter"),
                Some("said"),
                quote,
            ),
        ];
        (body, specs)
    };
    let (a, b, mid) = (article(A, WITH_SO), article(B, WITHOUT), article(A, MID));
    let omissions: Vec<(&str, &[&str])> = vec![("omission", &A[..1]), ("omission", &B[..1])];
    check((&a.0, &a.1), (&b.0, &b.1), &omissions);
    check(
        (&mid.0, &mid.1),
        (&b.0, &b.1),
        &[
            omissions[0],
            ("quote_altered", &["so", "part"]),
            omissions[1],
        ],
    );
}

/// Words one outlet quotes beyond another that the other gives in a
/// shorter quotation of its own ("With all due respect, that is just a
/// bunch of malarkey" / "That is a bunch of malarkey") are not cut; with
/// no such quotation, they are.
#[test]
fn a_sentence_quoted_shorter_elsewhere_is_no_cut() {
    const LONG_QUOTE: &str = "\u{201c}With all due respect, that is just a bunch of malarkey. Not a single thing he said is accurate,\u{201d}";
    const SHORT_QUOTE: &str = "\u{201c}Not a single thing he said is accurate,\u{201d}";
    const SHORTER: &str = "\u{201c}That is a bunch of malarkey.\u{201d}";
    let long_body = format!("The vice president interrupted his rival often during the debate in Kentucky.\n{LONG_QUOTE} Biden said.\n");
    let shorter_body = format!("Viewers saw a tense exchange over foreign policy and taxes on Thursday night.\nBiden responded: {SHORTER}\n{SHORT_QUOTE} Biden said.\n");
    let cut_body = format!("Viewers saw a tense exchange over foreign policy and taxes on Thursday night.\nThe moderator moved on to questions about the economy.\n{SHORT_QUOTE} Biden said.\n");
    let quote = |content: &'static str| {
        (
            Direct,
            Some("Joe Biden"),
            Some("Biden"),
            Some("said"),
            content,
        )
    };
    let long: Vec<StatementSpec> = vec![
        (
            Narration,
            None,
            None,
            None,
            "The vice president interrupted his rival often during the debate in Kentucky.",
        ),
        quote(LONG_QUOTE),
    ];
    let opening = (
        Narration,
        None,
        None,
        None,
        "Viewers saw a tense exchange over foreign policy and taxes on Thursday night.",
    );
    let shorter: Vec<StatementSpec> = vec![
        opening,
        (
            Direct,
            Some("Joe Biden"),
            Some("Biden"),
            Some("responded"),
            SHORTER,
        ),
        quote(SHORT_QUOTE),
    ];
    let cut: Vec<StatementSpec> = vec![
        opening,
        (
            Narration,
            None,
            None,
            None,
            "The moderator moved on to questions about the economy.",
        ),
        quote(SHORT_QUOTE),
    ];
    let found = |body: &str, specs: &[StatementSpec]| -> Vec<String> {
        let (_, scored) = align_and_score((&long_body, &long), (body, specs));
        scored
            .iter()
            .flat_map(|e| &e.divergences)
            .map(|d| format!("{:?}: {}", d.kind, d.explanation))
            // Findings about the quotations, not the narration.
            .filter(|d| d.contains("quote"))
            .collect()
    };
    assert_eq!(found(&shorter_body, &shorter), Vec::<String>::new());
    assert_eq!(
        found(&cut_body, &cut),
        ["Omission: REWRITE (b) leaves out part of what WIRE (a) quotes from Joe Biden: \u{201c}With all due respect, that is just a bunch of malarkey\u{201d}."]
    );
}

/// Between outlets that write their own sentences, "insisted" against
/// "said" is a shift only where the verbs report one claim: the words after
/// them share a content word.
#[test]
fn a_reporting_verb_shift_needs_one_claim_after_the_verbs() {
    const A: [&str; 2] = [
        "The former aide died on Saturday at a hospital in Biloxi, his family said.",
        "Although LaRue denied he was the source, Woodward insisted the source was one person.",
    ];
    const OTHER_CLAIM: &str =
        "LaRue denied that he was the source, and Woodward said he will not reveal the name until the source dies.";
    const ONE_CLAIM: &str =
        "LaRue denied that he was the source, and Woodward said the source was one person.";
    const B_FIRST: &str =
        "Relatives confirmed the death of the Nixon campaign official in Mississippi this weekend.";
    let specs = |lines: [&'static str; 2], content: &'static str, cue: &'static str| {
        let body = format!("{}\n{}\n", lines[0], lines[1]);
        // The statements aligned are LaRue's; the verbs diffed are
        // Woodward's, later in the same sentences.
        let denied = if lines[1].contains("denied that") {
            "that he was the source"
        } else {
            "he was the source"
        };
        let specs: Vec<StatementSpec<'static>> = vec![
            (Narration, None, None, None, lines[0]),
            (
                Indirect,
                Some("Fred LaRue"),
                Some("LaRue"),
                Some("denied"),
                denied,
            ),
            (
                Indirect,
                Some("Bob Woodward"),
                Some("Woodward"),
                Some(cue),
                content,
            ),
        ];
        (body, specs)
    };
    let a = specs(A, "the source was one person", "insisted");
    let other = specs(
        [B_FIRST, OTHER_CLAIM],
        "he will not reveal the name until the source dies",
        "said",
    );
    let one = specs([B_FIRST, ONE_CLAIM], "the source was one person", "said");
    let shifts = |b: &(String, Vec<StatementSpec<'static>>)| -> Vec<String> {
        let (_, scored) = align_and_score((&a.0, &a.1), (&b.0, &b.1));
        scored
            .iter()
            .flat_map(|e| &e.divergences)
            .filter(|d| d.kind == DivergenceType::ReportingVerbShift)
            .map(|d| d.explanation.clone())
            .collect()
    };
    assert_eq!(shifts(&other), Vec::<String>::new());
    assert_eq!(
        shifts(&one),
        ["WIRE (a) reports the words with \u{201c}insisted\u{201d} (assertive), REWRITE (b) with \u{201c}said\u{201d} (neutral)."]
    );
}

/// A near copy of a speech quoted over several sentences of one paragraph,
/// its straight mark opened at the paragraph's start and never closed there
/// (the next paragraph opens its own): a word changed in a middle sentence,
/// which extraction made a sentence of narration, is a changed quotation,
/// as in the sentence that carries the mark.
#[test]
fn a_word_changed_inside_a_quoted_paragraph_is_an_altered_quotation() {
    let body = |word: &str| {
        format!(
            "Governor Ann Kasson spoke to supporters in Dayton on Tuesday night.\n\n\
             \"See, what I learned as a girl is that the spirit does not rest in a big politician. \
             You hired us to do the {word}. Our spirit is in us.\n\n\
             \"We will carry this state in March,\" she said.\n"
        )
    };
    let (original, rewrite) = (body("job"), body("task"));
    let specs: Vec<StatementSpec> = vec![
        (
            Narration,
            None,
            None,
            None,
            "Governor Ann Kasson spoke to supporters in Dayton on Tuesday night.",
        ),
        (
            Narration,
            None,
            None,
            None,
            "\"See, what I learned as a girl is that the spirit does not rest in a big politician.",
        ),
        (Narration, None, None, None, "You hired us to do the"),
        (Narration, None, None, None, "Our spirit is in us."),
        (
            Direct,
            Some("Ann Kasson"),
            Some("she"),
            Some("said"),
            "\"We will carry this state in March,\"",
        ),
    ];
    let with = |word: &'static str| -> Vec<StatementSpec> {
        let mut specs = specs.clone();
        specs[2].4 = if word == "job" {
            "You hired us to do the job."
        } else {
            "You hired us to do the task."
        };
        specs
    };
    check(
        (&original, &with("job")),
        (&rewrite, &with("task")),
        &[("quote_altered", &["job", "task"])],
    );
}

/// A near copy in which a quoted question put to a speaker (no reporting
/// verb, so no statement of it) has a word dropped: the sentences no
/// claim row compared are paired by their words and compared too.
#[test]
fn a_quotation_extraction_left_out_is_compared_between_copies() {
    let body = |phrase: &str| {
        format!(
            "Senator Ruth Alder appeared on the late show on Friday.\n\n\
             She was asked by the host, \u{201c}And you know, for {phrase} time, I was tired of \
             hearing about the budget, has it not moved?\u{201d}\n\n\
             Alder answered that the budget had moved a great deal since spring.\n"
        )
    };
    let (original, rewrite) = (body("a long"), body("a"));
    let specs: Vec<StatementSpec> = vec![
        (
            Narration,
            None,
            None,
            None,
            "Senator Ruth Alder appeared on the late show on Friday.",
        ),
        (
            Indirect,
            Some("Ruth Alder"),
            Some("Alder"),
            Some("answered"),
            "the budget had moved a great deal since spring",
        ),
    ];
    check(
        (&original, &specs),
        (&rewrite, &specs),
        &[("quote_altered", &["long", "time"])],
    );
}

/// Two outlets that write their own sentences but quote one remark word
/// for word, each giving it to another named person: the row of the two
/// quotations is compared word by word, and who says them is still read.
#[test]
fn a_quotation_in_a_claim_row_given_to_two_people_is_a_misattribution() {
    const QUOTE: &str = "\u{201c}The bridge will carry ten thousand cars a day,\u{201d}";
    let a = format!(
        "Officials in Ohio opened the new bridge on Monday after two years of work.\n{QUOTE} said Tom Hardy, the state engineer.\n"
    );
    let b = format!(
        "Drivers lined up early as the long-awaited river crossing finally opened.\n{QUOTE} said Mary Quinn, the county mayor.\n"
    );
    let specs_a: Vec<StatementSpec> = vec![
        (
            Narration,
            None,
            None,
            None,
            "Officials in Ohio opened the new bridge on Monday after two years of work.",
        ),
        (
            Direct,
            Some("Tom Hardy"),
            Some("Tom Hardy"),
            Some("said"),
            QUOTE,
        ),
    ];
    let specs_b: Vec<StatementSpec> = vec![
        (
            Narration,
            None,
            None,
            None,
            "Drivers lined up early as the long-awaited river crossing finally opened.",
        ),
        (
            Direct,
            Some("Mary Quinn"),
            Some("Mary Quinn"),
            Some("said"),
            QUOTE,
        ),
    ];
    check(
        (&a, &specs_a),
        (&b, &specs_b),
        &[
            ("omission", &[specs_a[0].4]),
            (
                "misattribution",
                &[
                    "The bridge will carry ten thousand cars a day",
                    "The bridge will carry ten thousand cars a day",
                ],
            ),
        ],
    );
}
