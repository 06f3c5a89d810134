//! Unit tests of the rule cascade: one sentence or paragraph each, with
//! the exact statements expected.

use super::*;
use crate::extract::quotes;
use crate::segment::segment;

/// The statements of `body` other than narration, one line each:
/// `speaker name | cue | content`.
fn check(body: &str, expected: &[&str]) {
    let segments = segment(body);
    let quotes = quotes::find(body, &segments.paragraphs);
    let doc = Doc::new(body, &segments, &quotes);
    let mut found = statements(&doc);
    found.sort_by_key(|statement| statement.content.start);
    let got: Vec<String> = found
        .iter()
        .filter(|s| s.kind != StatementKind::Narration)
        .map(|s| {
            format!(
                "{} | {} | {}",
                s.speaker.name.as_deref().unwrap_or("-"),
                s.cue.map_or("-", |cue| cue.text(body)),
                s.content.text(body)
            )
        })
        .collect();
    assert_eq!(got, expected, "\n{}", got.join("\n"));
}

#[test]
fn second_quote_after_short_narration_joins() {
    check(
        "“It’s finished,” Melanie Austin said. “In my head, anyway.”",
        &["Melanie Austin | said | “It’s finished,” Melanie Austin said. “In my head, anyway.”"],
    );
}

#[test]
fn quotation_opening_a_longer_clause_is_part_of_it() {
    check(
        "Trump said \"budget reforms\" and the collection of unpaid taxes would pay for them.",
        &["Trump | said | \"budget reforms\" and the collection of unpaid taxes would pay for them"],
    );
}

#[test]
fn comma_inside_a_closing_quote_ends_the_content_before_but() {
    check(
        "Demonstrators said they seek “justice for Terrence,” but pledged to remain civil.",
        &["Demonstrators | said | they seek “justice for Terrence,”"],
    );
}

#[test]
fn quoted_transcript_paragraphs_take_their_labels() {
    check(
        "Partial transcript as follows:\n\n\"WALLACE: Why would he do that?\n\n\"PENCE: Well, it is like “Shark Tank.”\"",
        &[
            "WALLACE | : | Why would he do that?",
            "PENCE | : | Well, it is like “Shark Tank.”\"",
        ],
    );
}

#[test]
fn programme_title_after_the_cue_is_not_a_second_part() {
    check(
        "“She just made it up,” Trump said of the claim during a call to ABC’s “This Week.”",
        &["Trump | said | “She just made it up,”"],
    );
}

#[test]
fn comma_inside_a_closing_quote_ends_the_content_before_adding() {
    check(
        "Cruz said that there is “only one strong conservative,” adding that it was time.",
        &[
            "Cruz | said | that there is “only one strong conservative,”",
            "Cruz | adding | that it was time",
        ],
    );
}

#[test]
fn colon_at_a_paragraph_end_introduces_the_next_quotation() {
    check(
        "Rubio declared:\n\n“This is a first step.”",
        &["Rubio | declared | “This is a first step.”"],
    );
}

#[test]
fn cue_sentence_after_a_quote_ending_in_an_exclamation() {
    check(
        "“We need it NOW!” Trump said on Twitter.",
        &["Trump | said | “We need it NOW!”"],
    );
}

#[test]
fn determiner_and_plain_words_after_an_inverted_cue() {
    check(
        "“He is an amazing leader,” said the 46-year-old.",
        &["46-year-old | said | “He is an amazing leader,”"],
    );
}

#[test]
fn subordinate_clause_ends_the_content() {
    check(
        "While Ramos said that journalists cannot take sides, he appears uneasy.",
        &["Ramos | said | that journalists cannot take sides"],
    );
}

#[test]
fn cue_after_and_takes_the_sentence_subject() {
    check(
        "McConnell was quick to embrace the mogul and said this week that Trump is competitive.",
        &["McConnell | said | that Trump is competitive"],
    );
}

#[test]
fn a_poll_named_at_the_start_is_the_source() {
    check(
        "In a CNN poll released Monday, Clinton held a 24-point lead.",
        &["CNN poll | In | Clinton held a 24-point lead"],
    );
}

#[test]
fn title_case_headline_with_says() {
    check(
        "Chris Christie Says He Would Issue A Quarantine\n\nThe governor spoke.",
        &["Chris Christie | Says | He Would Issue A Quarantine"],
    );
}

#[test]
fn chanting_after_a_comma_is_a_participle_cue() {
    check(
        "Protesters marched through the streets, chanting \"Hands up, don't shoot.\"",
        &["Protesters | chanting | \"Hands up, don't shoot.\""],
    );
}

#[test]
fn whole_sentence_quotation_after_the_cue_stays_whole() {
    check(
        "Protesters chanted \"What curfew?\" and kept going until 2 a.m.",
        &["Protesters | chanted | \"What curfew?\""],
    );
}

#[test]
fn and_with_an_adverb_before_a_second_cue_ends_the_content() {
    check(
        "Lakeisha Scott urges her husband to get out and repeatedly says, \"Don't you do it.\"",
        &[
            "Lakeisha Scott | urges | her husband to get out",
            "Lakeisha Scott | says | \"Don't you do it.\"",
        ],
    );
}

#[test]
fn possessive_name_does_not_make_a_speaker() {
    check(
        "Rubio ended the call by pledging to keep America's allies informed and calling for unity.",
        &[],
    );
}

#[test]
fn a_name_after_the_verb_is_not_the_subject_for_pronouns() {
    check(
        "He said Mr. Trump could win.",
        &["- | said | Mr. Trump could win"],
    );
}

/// "a lawyer for Mrs. Clinton" speaks for her: the lawyer is the speaker,
/// or the lawyer's name when the phrase gives it.
#[test]
fn an_agent_for_someone_is_the_speaker() {
    check(
        "Hillary Clinton ran for president. But a lawyer for Mrs. Clinton said there was no need to turn over the server.",
        &["lawyer for Mrs. Clinton | said | there was no need to turn over the server"],
    );
    check(
        "Hillary Clinton ran for president. David Kendall, a lawyer for Mrs. Clinton, said there was no need to turn over the server.",
        &["David Kendall | said | there was no need to turn over the server"],
    );
    check(
        "Paul Ryan spoke on Monday. An aide to Mr. Ryan said the plan would be released on Friday.",
        &["aide to Mr. Ryan | said | the plan would be released on Friday"],
    );
}

#[test]
fn a_statement_is_its_issuers_not_the_last_speakers() {
    check(
        "“We will appeal,” Senator Dana Whitcomb said. Later, the county’s \
         treasurer, Marta Oyelaran, issued a statement saying the audit was closed.",
        &[
            "Dana Whitcomb | said | “We will appeal,”",
            "Marta Oyelaran | saying | the audit was closed",
        ],
    );
}

#[test]
fn a_letter_to_someone_is_not_theirs() {
    check(
        "“I will sign it,” Governor Ellis Bramwell said. More than forty \
         teachers have sent Bramwell a letter saying his plan hurts rural \
         schools. “Your plan fails our children,” says the letter.",
        &[
            "Ellis Bramwell | said | “I will sign it,”",
            "letter | saying | his plan hurts rural schools",
            "letter | says | “Your plan fails our children,”",
        ],
    );
}

#[test]
fn the_statement_from_names_its_author() {
    check(
        "Mayor Lina Ostrova spoke first. “We are disappointed,” said the \
         statement from the union’s lawyer, Peter Kavanagh.",
        &["Peter Kavanagh | said | “We are disappointed,”"],
    );
}

#[test]
fn a_group_is_not_the_person_whose_role_shares_its_words() {
    check(
        "Marisol Ortega, the Democratic governor of Nevada, backs the deal. \
         Democratic lawmakers said the deal was unfair.",
        &["Democratic lawmakers | said | the deal was unfair"],
    );
}

#[test]
fn a_pronoun_skips_a_newspaper_and_a_place() {
    check(
        "Senator Carla Benedetti spoke after the Lakeside Times reported the vote. \
         “We lost,” she said. Governor Tom Aldana later flew to Wheeler Bay. \
         “It was close,” he said.",
        &[
            "Lakeside Times | reported | the vote",
            "Carla Benedetti | said | “We lost,”",
            "Tom Aldana | said | “It was close,”",
        ],
    );
}

#[test]
fn a_capitalised_word_before_a_plural_noun_names_the_group() {
    check(
        "Federal prosecutors said the case was strong.",
        &["Federal prosecutors | said | the case was strong"],
    );
}

#[test]
fn a_place_ending_an_aside_gives_way_to_the_name_before_it() {
    check(
        "Representative Dana Whitcomb, Republican of Ohio, said the bill was dead. \
         Mr. Whitcomb, speaking at a rally in Dayton, Ohio, called the vote “a farce.”",
        &[
            "Dana Whitcomb | said | the bill was dead",
            "Dana Whitcomb | called | the vote “a farce.”",
        ],
    );
}

#[test]
fn a_middle_initial_and_an_opening_plus_stay_out_of_the_way() {
    check(
        "Speaker Dana A. Whitcomb said the vote would wait. Plus Whitcomb \
         is naming a new clerk, aides said. “We are ready,” Whitcomb said.",
        &[
            "Dana A. Whitcomb | said | the vote would wait",
            "aides | said | Plus Whitcomb is naming a new clerk",
            "Dana A. Whitcomb | said | “We are ready,”",
        ],
    );
}

#[test]
fn a_pronoun_nothing_before_explains_takes_the_name_in_its_sentence() {
    check(
        "As the official, Laura Benning, appeared before the panel, she said she had done nothing wrong.",
        &["Laura Benning | said | she had done nothing wrong"],
    );
}

#[test]
fn continued_with_a_possessive_or_a_preposition_says_nothing() {
    check(
        "Mr. Dalton continued his refusal to resign on Tuesday. \
         “We will win,” Mr. Dalton continued.",
        &["Dalton | continued | “We will win,”"],
    );
}

#[test]
fn an_opening_word_before_a_known_name_is_not_part_of_it() {
    check(
        "An angry Dana Whitcomb lashed out at Tom Aldana on Twitter, calling him \
         “a fraud.” Posters all over town show “Meet Dana Whitcomb” in red. \
         Whitcomb said the posters were fake.",
        &[
            "Dana Whitcomb | calling | him “a fraud.”",
            "Dana Whitcomb | said | the posters were fake",
        ],
    );
}

#[test]
fn a_function_word_or_participle_before_a_surname_is_not_a_first_name() {
    check(
        "Senator Dana Whitcomb spoke first. Neither Whitcomb nor Aldana was at the hearing. \
         Whitcomb said the posters were fake.",
        &["Dana Whitcomb | said | the posters were fake"],
    );
}

#[test]
fn a_name_inside_a_common_noun_phrase_is_not_the_speaker() {
    check(
        "Critics of Dana Whitcomb said the plan was reckless. \
         A reality TV star said the plan was fine.",
        &[
            "Critics of Dana Whitcomb | said | the plan was reckless",
            "reality TV star | said | the plan was fine",
        ],
    );
}

#[test]
fn coordinated_speech_participles_are_two_statements() {
    check(
        "Chief executive Ann Moore issued a statement calling the report \"misleading\" and claiming \"the union has not changed its position.\"",
        &[
            "Ann Moore | calling | the report \"misleading\"",
            "Ann Moore | claiming | \"the union has not changed its position.\"",
        ],
    );
    // An evaluative participle stays inside the statement it follows.
    check(
        "Ann Moore issued a statement saying the union had not changed and praising its members.",
        &["Ann Moore | saying | the union had not changed and praising its members"],
    );
}

#[test]
fn a_name_that_a_thing_is_about_does_not_speak() {
    check(
        "As the brawl over Medicare continued and threatened to become the focus of the race, the Obama campaign said that the plan “would end Medicare as we know it.”",
        &["Obama campaign | said | that the plan “would end Medicare as we know it.”"],
    );
    // After a verb, the name is its object's speaker as before.
    check(
        "Senators vented about Sanders vowing to fight on.",
        &["Sanders | vowing | to fight on"],
    );
}

#[test]
fn a_quotation_after_a_colon_is_the_subjects() {
    check(
        "Mayor Dana Whitcomb and Tom Aldana clashed on Thursday. \
         Whitcomb shot back, in reference to Aldana's record: \"As my rival very well knows, the numbers do not lie.\"",
        &["Dana Whitcomb | : | \"As my rival very well knows, the numbers do not lie.\""],
    );
}

#[test]
fn a_pronoun_with_no_one_remembered_takes_the_one_person_of_its_gender() {
    check(
        "WASHINGTON — On one of her final trips, Senator Mary Whitcomb visited the base. \
         “I take responsibility,” she said.",
        &["Mary Whitcomb | said | “I take responsibility,”"],
    );
    // Someone of unknown gender named there too, neither the subject: no
    // guess.
    check(
        "WASHINGTON — On one of her final trips, the base hosted Senator Mary Whitcomb and \
         Dale Aldana. “I take responsibility,” she said.",
        &["- | said | “I take responsibility,”"],
    );
    // The subject of the sentence is the one remembered.
    check(
        "WASHINGTON — On one of her final trips, Senator Mary Whitcomb visited Dale Aldana. \
         “I take responsibility,” she said.",
        &["Mary Whitcomb | said | “I take responsibility,”"],
    );
}

#[test]
fn a_participle_takes_the_subject_of_its_clause() {
    check(
        "It came after Whitcomb publicly chided Aldana on Friday for the delay, \
         accusing the mayor of having \"wasted another week.\"",
        &["Whitcomb | accusing | the mayor of having \"wasted another week.\""],
    );
    // The statement before it in the sentence names no one either.
    check(
        "Asked whether he was suggesting that Aldana lacked sympathy, Whitcomb did not back down, \
         saying, “I think the record is bad.”",
        &[
            "- | suggesting | that Aldana lacked sympathy",
            "Whitcomb | saying | “I think the record is bad.”",
        ],
    );
}

#[test]
fn a_page_label_before_a_colon_is_not_the_subject() {
    check(
        "Updated: Dana Whitcomb on Sunday tried to clarify her remark, \
         saying the remark was about the budget.",
        &["Dana Whitcomb | saying | the remark was about the budget"],
    );
    check(
        "UPDATE: City spokesman Eric Alvarez said the bridge would reopen.",
        &["Eric Alvarez | said | the bridge would reopen"],
    );
}

#[test]
fn a_title_case_headline_names_a_speaker_only_where_headlines_do() {
    check(
        "Teen Dies In Crash, Leaves Heartbreaking Note Declaring There Is No Way Out",
        &[],
    );
    check(
        "Budget Cannot Pass, Whitcomb Says",
        &["Whitcomb | Says | Budget Cannot Pass"],
    );
    check(
        "A Neighbour Says The Council Ignored His Letters",
        &["Neighbour | Says | The Council Ignored His Letters"],
    );
}

#[test]
fn though_set_off_by_commas_stays_inside_the_content() {
    check(
        "Tom Braley said Grassley, though, would likely become chairman if Republicans take the Senate.",
        &["Tom Braley | said | Grassley, though, would likely become chairman if Republicans take the Senate"],
    );
    check(
        "Tom Braley said he would run, though the race would be hard.",
        &["Tom Braley | said | he would run"],
    );
}

#[test]
fn a_verb_that_is_also_a_noun_after_a_quotation() {
    check(
        "“I am not ashamed to admit I am a Christian,” claims Perry.",
        &["Perry | claims | “I am not ashamed to admit I am a Christian,”"],
    );
    check(
        "“We will rebuild the bridge,” vows Mayor Ann Dahl.",
        &["Ann Dahl | vows | “We will rebuild the bridge,”"],
    );
    // A noun stays a noun: no speaker is made of what follows it.
    check("Voter fraud claims Democrats made were false.", &[]);
}

#[test]
fn a_second_quotation_with_its_own_attribution_is_its_own_statement() {
    check(
        "“Some people feel it will come at once,” she said. “If he gets in, things will really explode,” she said.",
        &[
            "- | said | “Some people feel it will come at once,”",
            "- | said | “If he gets in, things will really explode,”",
        ],
    );
}

/// "The former Vermont senator": a place between a title and an office
/// qualifies the office and is no one the next "he" can mean; "Former
/// Vermont governor Tom Alder" opens with Tom Alder.
#[test]
fn a_place_qualifying_an_office_is_not_a_person() {
    check(
        "Mark Dunmore spoke in Ohio on Sunday.\n\n\
         The former Vermont senator has a young son, and he said that doctors often fail such families.\n\n\
         Former Vermont governor Tom Alder was more cautious. “We are not ready for that,” he said.",
        &[
            "Mark Dunmore | said | that doctors often fail such families",
            "Tom Alder | said | “We are not ready for that,”",
        ],
    );
}

/// "A Dunmore campaign aide, though, said": a name before an office
/// qualifies it; the aide is not Dunmore, and the next "he" is still the
/// last person the article made a subject. "Former secretary of State
/// Jane Alder" opens with Jane Alder.
#[test]
fn a_name_qualifying_an_office_is_not_the_subject() {
    check(
        "Paul Reston toured the plant on Monday. Mark Dunmore was not there.\n\n\
         Reston shook hands with the workers. \
         A Dunmore campaign aide, though, said the plant would close anyway.\n\n\
         In the afternoon, Reston also toured a school. Warming to the theme, he said the city had lost its way.\n\n\
         Former secretary of State Jane Alder was not impressed. “We have heard all of this before,” she said.",
        &[
            "Dunmore campaign aide | said | the plant would close anyway",
            "Paul Reston | said | the city had lost its way",
            "Jane Alder | said | “We have heard all of this before,”",
        ],
    );
}

/// "DAYTON — In one of her last speeches as mayor, Ellen Voss on Monday
/// defended ...": the subject after an opening phrase (and a dateline) is
/// the one the next "she" means.
#[test]
fn the_subject_after_an_opening_phrase_is_remembered() {
    check(
        "Voss Defends Her Record Before Leaving Office\n\n\
         DAYTON — In one of her last speeches as mayor, Ellen Voss on Monday defended the budget.\n\n\
         “I take responsibility for every line of it,” she said, reading a statement.",
        &["Ellen Voss | said | “I take responsibility for every line of it,”"],
    );
}

/// "A month ago, when Mr. Dale released his returns, he said": the person
/// who does the clause's act is the "he" right after it, whoever was
/// named before; "certainty that Dr. Moss had ..., he said" is not such a
/// clause.
#[test]
fn a_pronoun_after_a_clause_takes_its_subject() {
    check(
        "Paul Reston released his tax returns on Monday.\n\n\
         A month ago, when Mr. Dale released his own returns, he said: “I paid a higher rate than anyone.”",
        &["Dale | said | “I paid a higher rate than anyone.”"],
    );
    check(
        "Paul Reston praised the doctor on Monday.\n\n\
         Expressing certainty that Dr. Moss had offers elsewhere, he said the doctor had chosen to stay.",
        &[
            "Paul Reston | praised | the doctor on Monday",
            "Paul Reston | said | the doctor had chosen to stay",
        ],
    );
}

/// "Mr. Dunmore" after his daughter Leslie Dunmore (a first name of either
/// gender) is the Dunmore known to be a man; a first name the list knows
/// ("Heidi") tells a woman from her husband.
#[test]
fn an_honorific_picks_the_person_known_to_be_of_its_gender() {
    check(
        "Frank Dunmore founded the firm in 1970. He is survived by his daughter Leslie Dunmore.\n\n\
         In an interview last year, Mr. Dunmore said the firm had saved his life.",
        &[
            "Frank Dunmore | said | the firm had saved his life",
        ],
    );
    check(
        "Ted Wexler spoke on Monday. Heidi Wexler spoke on Tuesday.\n\n\
         Mr. Wexler said the campaign would go on.",
        &["Ted Wexler | said | the campaign would go on"],
    );
}

/// "NAME leaned into him and said, “...”": a person who opens the sentence
/// with a verb speaks through the verb joined by "and"; an aside with a
/// party tag in parentheses ("Rep. Stephen Fincher (R-Tenn.)") is still an
/// aside.
#[test]
fn coordinated_cue_and_parenthesis_in_an_aside() {
    check(
        "Michael Grimm was angry.\n\nGrimm leaned into him and said, “Let me be clear to you.”",
        &["Michael Grimm | said | “Let me be clear to you.”"],
    );
    check(
        "The aide resigned.\n\nElizabeth Lauten, an aide to Rep. Stephen Fincher (R-Tenn.), \
         said that the two teenagers should show a little class.",
        &["Elizabeth Lauten | said | that the two teenagers should show a little class"],
    );
}

/// "... lashed out on Twitter, saying:" ending a paragraph, the tweet a
/// paragraph of its own with no quotation marks: the tweet is what was
/// said. A longer paragraph, or one with marks of its own, is not taken.
#[test]
fn an_unmarked_paragraph_after_a_colon_is_what_was_said() {
    check(
        "And Mayor Ellen Voss lashed out on Twitter, saying:\n\n\
         The council has embarrassed all of us with its very dumb vote. Resign!\n\n\
         The council did not answer.",
        &["Ellen Voss | saying | The council has embarrassed all of us with its very dumb vote. Resign!"],
    );
}

/// "She went on to say that ..." says it (a cue after "to" otherwise does
/// not: "wants to say").
#[test]
fn going_on_to_say_is_saying() {
    check(
        "Mayor Ellen Voss spoke on Monday. She went on to say that the council was “coming up short.”",
        &["Ellen Voss | say | that the council was “coming up short.”"],
    );
}

/// "At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton tried to
/// expand on it, saying ...": the subject after an opening phrase of
/// several commas speaks, not the place in it; a parenthetical cue ("At
/// the time, she said, Grayson was ...") ends the opening phrase.
#[test]
fn a_participle_after_an_opening_phrase_of_place_and_time() {
    check(
        "At a campaign event in Ames, Iowa, on Sunday, Mrs. Ellen Voss tried to expand on her remarks, \
         saying that the city should lead.",
        &["Ellen Voss | saying | that the city should lead"],
    );
    check(
        "Rep. Lena Frank spoke on Monday. At the time, she said, Grayson was trying to unseat her.",
        &["Lena Frank | said | Grayson was trying to unseat her"],
    );
}

/// "After the reporter finished, Grimm stormed back, leaned into him and
/// said, “...”": the subject after the opening phrase speaks.
#[test]
fn a_cue_joined_by_and_after_an_opening_phrase() {
    check(
        "Michael Grimm was asked about the inquiry.\n\n\
         After reporter Tom Lisle finished his report, Grimm stormed back, leaned into him and \
         said, “Let me be clear to you.”",
        &["Michael Grimm | said | “Let me be clear to you.”"],
    );
}

/// "C, according to S, more than twice what it projected for ...": the
/// trailing source is C's, though a cue later in the sentence makes a
/// statement of its own.
#[test]
fn according_to_beside_a_later_cue() {
    check(
        "The top earners would gain 19.9 percent, according to the Tax Foundation, \
         more than twice what it projected for the middle class.",
        &[
            "Tax Foundation | according to | The top earners would gain 19.9 percent",
            "- | projected | for the middle class",
        ],
    );
}

/// "..., according to a senior Voss campaign adviser who requested
/// anonymity": the source ends before the relative clause, so its head
/// ("adviser") decides that it is not Voss.
#[test]
fn according_to_a_source_with_a_relative_clause() {
    check(
        "Ellen Voss spoke on Monday.\n\nThe speech was rewritten twice, according to a senior Voss \
         campaign adviser who requested anonymity.",
        &["senior Voss campaign adviser | according to | The speech was rewritten twice"],
    );
}

/// "Fox warned Peña Nieto would be viewed like “a traitor”": a name and a
/// modal after "warned" open what was said; "warned Peña Nieto that ..."
/// still names the listener.
#[test]
fn warned_before_a_clause_without_that() {
    check(
        "Vicente Fox spoke on CNN.\n\nFox warned Peña Nieto would be viewed like “a traitor” if he gave in.",
        &["Vicente Fox | warned | Peña Nieto would be viewed like “a traitor” if he gave in"],
    );
    check(
        "Vicente Fox spoke on CNN.\n\nFox warned Peña Nieto that he would be viewed like “a traitor.”",
        &["Vicente Fox | warned | that he would be viewed like “a traitor.”"],
    );
}
