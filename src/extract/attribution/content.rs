//! Content: where the words of a statement begin and end.
//!
//! Takes a cue and the tokens its speaker phrase occupies; gives the
//! content span: the adjacent quotation (with a second part or following
//! quoted sentences), the clause after the cue ("that C"), the clause
//! before it ("C, Rubio said"), or the whole sentence around "he said",
//! trimmed of trailers such as ", according to ..." and final punctuation.

use super::*;

/// Content of the statement whose cue is `c` and whose speaker and cue
/// occupy tokens `[start, end)`.
pub(super) fn content_for(
    doc: &Doc,
    sentence: &Sent,
    c: usize,
    start: usize,
    end: usize,
) -> Option<Range> {
    let before_idx = start.checked_sub(1).filter(|&i| i >= sentence.first);
    if let Some(quote) = quote_ending_the_sentence_before(doc, sentence, start, end) {
        return Some(quote);
    }
    if let Some(quote) = before_idx.and_then(|i| quote_before(doc, i)) {
        let quote = extend_with_following_quote(doc, sentence, end, quote);
        return Some(extend_with_next_sentences(doc, sentence, quote));
    }
    let after_start = skip_object(doc, sentence, c, end);
    if let Some(quote) = quote_after(doc, sentence, after_start) {
        return Some(extend_with_next_sentences(doc, sentence, quote));
    }
    if let Some(quote) = block_quote_after_colon(doc, sentence, after_start) {
        return Some(quote);
    }
    content_in_prose(doc, sentence, start, end, after_start)
}

/// `"... NOW!" Trump said on Twitter.`: the sentence split after `!"`,
/// so a sentence that is only "Trump said ..." takes the quotation that
/// ended the sentence before it, in the same paragraph.
pub(super) fn quote_ending_the_sentence_before(
    doc: &Doc,
    sentence: &Sent,
    start: usize,
    end: usize,
) -> Option<Range> {
    if start != sentence.first || sentence.first == 0 {
        return None;
    }
    let previous = sentence.first - 1;
    let same_paragraph = doc.paragraphs[sentence.paragraph_idx]
        .range
        .contains(&doc.tokens[previous].range);
    let tail_words = count_words(doc, end, sentence.end);
    let opens_clause = doc.lower_is(end, "that");
    if !same_paragraph || tail_words > 6 || opens_clause || doc.tokens[previous].kind != Kind::Quote
    {
        return None;
    }
    doc.quote_ending_at(previous)
        .filter(|&quote| !is_title_like(doc, quote))
}

/// `Rubio declared:` ending a paragraph, and the next paragraph a
/// quotation: that quotation is what was declared.
pub(super) fn block_quote_after_colon(
    doc: &Doc,
    sentence: &Sent,
    after_start: usize,
) -> Option<Range> {
    let paragraph = doc.paragraphs[sentence.paragraph_idx].range;
    let ends_paragraph = sentence.range.end == paragraph.end;
    let colon_last = sentence.end > sentence.first
        && doc.tokens[sentence.end - 1].kind == Kind::Colon
        && after_start >= sentence.end - 1;
    if !(ends_paragraph && colon_last) {
        return None;
    }
    let paragraph = doc.paragraphs.get(sentence.paragraph_idx + 1)?;
    let next = paragraph.range;
    let position = doc.quotes.partition_point(|q| q.start < next.start);
    let quoted = doc
        .quotes
        .get(position)
        .filter(|q| q.start == next.start)
        .copied();
    // "Trump lashed out on Twitter, saying:" and the tweet as a paragraph
    // of its own, with no quotation marks: a short paragraph of prose with
    // no marks in it is what was said.
    quoted.or_else(|| {
        let text = next.text(doc.body);
        let marks = text.contains(['"', '\u{201c}', '\u{201d}']);
        let short = text.split_whitespace().count() <= MAX_BLOCK_QUOTE_WORDS;
        (paragraph.is_prose && short && !marks).then(|| {
            let end = next.start + text.trim_end().len();
            Range::new(next.start, end)
        })
    })
}

/// Words a paragraph quoted without marks after "saying:" may hold.
const MAX_BLOCK_QUOTE_WORDS: usize = 80;

/// Content that is not a quotation beside the cue: the clause after it,
/// the clause before it, or the whole sentence around "he said".
pub(super) fn content_in_prose(
    doc: &Doc,
    sentence: &Sent,
    start: usize,
    end: usize,
    after_start: usize,
) -> Option<Range> {
    let before_idx = start.checked_sub(1).filter(|&i| i >= sentence.first);
    let after_words = count_words(doc, after_start, sentence.end);
    let opens_clause = doc.lower_is(after_start, "that") || doc.lower_is(after_start, "to");
    let comma_before =
        before_idx.is_some_and(|i| doc.tokens[i].kind == Kind::Comma) && start > sentence.first + 1;
    if opens_clause {
        return content_after(doc, sentence, after_start);
    }
    let trailer_follows =
        doc.tokens.get(end).is_some_and(|t| t.kind == Kind::Comma) && is_trailer(doc, end + 1);
    if comma_before && trailer_follows {
        return content_before(doc, sentence, before_idx?);
    }
    // "..., Trump said at an event in Colorado that C": the clause after
    // wins over the one before.
    let that_soon = (after_start..sentence.end.min(after_start + 10))
        .take_while(|&i| doc.tokens[i].kind == Kind::Word)
        .find(|&i| doc.lower_is(i, "that") && !doc.in_quote[i]);
    if let Some(that) = that_soon {
        return content_after(doc, sentence, that);
    }
    if comma_before {
        let next = doc.tokens.get(after_start);
        let trails = after_words == 0
            || next.is_some_and(|t| {
                t.has(PREPOSITION | WEEKDAY_OR_MONTH)
                    || t.kind != Kind::Word && t.kind != Kind::Comma
            })
            || after_words <= 2;
        if next.is_some_and(|t| t.kind == Kind::Comma)
            && after_words >= 3
            && !is_trailer(doc, after_start + 1)
        {
            return middle_content(doc, sentence);
        }
        if trails || next.is_some_and(|t| t.kind == Kind::Comma) {
            return content_before(doc, sentence, before_idx?);
        }
    }
    if after_words < 2 {
        return None;
    }
    let opens_with_preposition = doc.tokens[after_start].has(PREPOSITION)
        || doc.tokens[after_start].has(WEEKDAY_OR_MONTH)
        || doc.tokens[after_start].kind != Kind::Word;
    if !opens_with_preposition {
        return content_after(doc, sentence, after_start);
    }
    // "said in a statement that C", "boasted during the debate, “Q”".
    let limit = sentence.end.min(after_start + 12);
    let opener = (after_start..limit).find(|&i| {
        !doc.in_quote[i] && doc.lower_is(i, "that")
            || doc.tokens[i].kind == Kind::Quote && doc.quote_starting_at(i).is_some()
    });
    match opener {
        // A quotation that opens a longer clause ("said "budget reforms"
        // and unpaid taxes would pay for it") is part of that clause.
        // A quotation that is a whole sentence ("What curfew?") is not.
        Some(i) if doc.tokens[i].kind == Kind::Quote => {
            let quote = doc.quote_starting_at(i)?;
            match quote_after(doc, sentence, i) {
                Some(quote) => Some(quote),
                None if ends_sentence(doc, quote) => Some(quote),
                None => content_after(doc, sentence, i),
            }
        }
        Some(i) => content_after(doc, sentence, i),
        None => content_after(doc, sentence, after_start),
    }
}

/// "The talks, he said, were a first step." → the whole sentence.
pub(super) fn middle_content(doc: &Doc, sentence: &Sent) -> Option<Range> {
    let end = trim_end(doc, sentence.first, sentence.end)?;
    Some(Range::new(doc.tokens[sentence.first].range.start, end))
}

/// Skips the listener of "told", "asked", "warned", ... up to "that", a
/// colon or a quotation; returns where the content begins.
pub(super) fn skip_object(doc: &Doc, sentence: &Sent, c: usize, end: usize) -> usize {
    let mut i = end;
    // "Fox warned Peña Nieto would be viewed like “a traitor”": a name and
    // then a modal is the subject of what was said, no listener.
    let warned = matches!(
        doc.text(c).to_ascii_lowercase().as_str(),
        "warned" | "warns"
    );
    let name_end = super::name_run_end(doc, end, sentence.end);
    let clause_follows = warned
        && name_end > end
        && doc
            .tokens
            .get(name_end)
            .is_some_and(|t| t.has(AUXILIARY) && !t.is_capitalized);
    if takes_object(doc, c) && !clause_follows {
        let limit = sentence.end.min(end + 8);
        let is_listener_title = |j: usize| {
            doc.quote_starting_at(j)
                .is_some_and(|quote| is_title_like(doc, quote))
        };
        let mut j = end;
        while j < limit {
            if doc.tokens[j].kind == Kind::Quote && is_listener_title(j) {
                let quote_end = doc.quote_starting_at(j).map_or(j + 1, |q| q.end);
                j = doc.tokens.partition_point(|t| t.range.start < quote_end);
                continue;
            }
            if doc.lower_is(j, "that")
                || matches!(doc.tokens[j].kind, Kind::Colon | Kind::Quote | Kind::Comma)
            {
                i = j;
                break;
            }
            j += 1;
        }
    }
    while i < sentence.end && matches!(doc.tokens[i].kind, Kind::Colon | Kind::Comma) {
        i += 1;
    }
    i
}

/// Verbs whose next phrase is the listener, not the speaker ("told Y").
pub(super) fn takes_object(doc: &Doc, c: usize) -> bool {
    let verb = doc.text(c).to_ascii_lowercase();
    matches!(
        verb.as_str(),
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "asked"
            | "asks"
            | "warned"
            | "warns"
            | "assured"
            | "reassured"
            | "informed"
            | "reminded"
            | "urged"
            | "promised"
            | "advised"
            | "praised"
            | "criticized"
            | "accused"
            | "blamed"
            | "thanked"
    )
}

/// The quotation right before the speaker and cue: `"Q," said S` or `"Q", S said`.
pub(super) fn quote_before(doc: &Doc, idx: usize) -> Option<Range> {
    let token = &doc.tokens[idx];
    let quote = if token.kind == Kind::Quote {
        doc.quote_ending_at(idx)
    } else if token.kind == Kind::Comma && idx > 0 && doc.tokens[idx - 1].kind == Kind::Quote {
        doc.quote_ending_at(idx - 1)
    } else {
        None
    };
    quote.filter(|&quote| !is_title_like(doc, quote))
}

/// The quotation starting where the content begins (`S said: "Q"`), when
/// it runs to the end of the sentence.
pub(super) fn quote_after(doc: &Doc, sentence: &Sent, at: usize) -> Option<Range> {
    if at >= sentence.end || doc.tokens[at].kind != Kind::Quote {
        return None;
    }
    let quote = doc.quote_starting_at(at)?;
    if is_title_like(doc, quote) {
        return None;
    }
    let rest = (sentence.first..sentence.end)
        .filter(|&i| doc.tokens[i].range.start >= quote.end)
        .filter(|&i| doc.tokens[i].is_word())
        .count();
    (rest <= 2).then_some(quote)
}

/// A short quotation in title case (“Fox News Sunday”, "Face the Nation")
/// names a programme or a work; it is not anyone's words.
pub(super) fn is_title_like(doc: &Doc, quote: Range) -> bool {
    let first = doc.tokens.partition_point(|t| t.range.start < quote.start);
    let words: Vec<&Token> = doc.tokens[first..]
        .iter()
        .take_while(|t| t.range.end <= quote.end)
        .filter(|t| t.is_word())
        .collect();
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|t| t.is_capitalized || t.has(PREPOSITION | DETERMINER | CONJUNCTION))
        && words[0].is_capitalized
        && !words.iter().any(|t| t.has(PRONOUN))
}

/// `"Q1," he said, "Q2."`: the content runs on to the second quotation.
pub(super) fn extend_with_following_quote(
    doc: &Doc,
    sentence: &Sent,
    end: usize,
    quote: Range,
) -> Range {
    let Some(at) = (end..sentence.end).find(|&i| doc.tokens[i].kind == Kind::Quote) else {
        return quote;
    };
    // The second part follows the attribution closely, with no other cue
    // or clause in between ("..., adding later, “Q2”" is a new statement).
    let between = &doc.tokens[end..at];
    let words = between.iter().filter(|t| t.is_word()).count();
    let breaks = between.iter().enumerate().any(|(k, t)| {
        let i = end + k;
        t.is_word()
            && !t.is_capitalized
            && (is_speech_participle(doc, i) || t.has(CUE) && !doc.text(i).ends_with("ing"))
            || doc.lower_is(i, "and")
            || doc.lower_is(i, "while")
            || doc.lower_is(i, "as")
    });
    match doc.quote_starting_at(at) {
        Some(next) if words <= 8 && !breaks && !is_title_like(doc, next) => {
            Range::new(quote.start, next.end)
        }
        _ => quote,
    }
}

/// `"Q1," he said. "Q2."`: quotations that follow in the same paragraph,
/// each a sentence of its own, continue the speaker's quote.
pub(super) fn extend_with_next_sentences(doc: &Doc, sentence: &Sent, content: Range) -> Range {
    let mut end = content.end;
    let position = doc
        .sentences
        .partition_point(|s| s.range.start < sentence.range.start);
    for next in &doc.sentences[position + 1..] {
        if next.paragraph_idx != sentence.paragraph_idx {
            break;
        }
        if next.range.end <= end {
            continue;
        }
        let first = next.first;
        let is_quote_start = doc.tokens.get(first).is_some_and(|t| t.kind == Kind::Quote)
            && doc.quote_starting_at(first).is_some();
        let continues = next.range.start < end;
        if !(is_quote_start || continues) {
            break;
        }
        let quote = doc
            .quotes
            .iter()
            .find(|q| q.overlap(&next.range) > 0 && q.end > end);
        // A quotation followed by an attribution of its own ("“Q2,” she
        // said.") is a statement of its own, however short the tail.
        let attributed = |q: &Range| {
            (next.first..next.end).any(|i| {
                let token = &doc.tokens[i];
                token.range.start >= q.end && token.is_word() && token.has(CUE)
            })
        };
        match quote {
            Some(q) if q.overlap(&next.range) * 10 >= next.range.len() * 8 && !attributed(q) => {
                end = q.end
            }
            _ => break,
        }
    }
    Range::new(content.start, end)
}

/// Content from token `from` to the end of the sentence, stopping before a
/// trailer such as ", according to ..." and the final punctuation.
pub(super) fn content_after(doc: &Doc, sentence: &Sent, from: usize) -> Option<Range> {
    if from >= sentence.end {
        return None;
    }
    let mut end = sentence.end;
    // "While Ramos said that C, he ...": the reported clause ends with the
    // subordinate clause that holds it.
    if opens_with_subordinate_clause(doc, sentence) {
        if let Some(comma) =
            (from..sentence.end).find(|&i| doc.tokens[i].kind == Kind::Comma && !doc.in_quote[i])
        {
            end = comma;
        }
    }
    for i in from + 1..end {
        if doc.tokens[i].kind == Kind::Comma
            && !doc.in_quote[i]
            && (is_trailer(doc, i + 1) || is_clause_break(doc, i + 1))
        {
            end = i;
            break;
        }
        // “justice for Terrence,” but pledged ...: the comma inside the
        // closing quotation ends the content as one outside would.
        if ends_quote_with_comma(doc, i)
            && (is_clause_break(doc, i + 1)
                || is_trailer(doc, i + 1)
                || doc.lower_is(i + 1, "when"))
        {
            end = i + 1;
            break;
        }
        // "... and said C2", "... and repeatedly says C2": a second
        // statement begins.
        if !doc.in_quote[i] && doc.lower_is(i, "and") && cue_follows_and(doc, i) {
            end = i;
            break;
        }
        if doc.tokens[i].kind == Kind::Semicolon && !doc.in_quote[i] {
            end = i;
            break;
        }
    }
    let start = doc.tokens[from].range.start;
    let content_end = trim_end(doc, from, end)?;
    // A quotation that starts inside the content is kept whole; quotations
    // are sorted and apart, so only the last one starting inside can run on.
    let last_inside = doc.quotes.partition_point(|q| q.start < content_end);
    let content_end = last_inside
        .checked_sub(1)
        .map(|idx| doc.quotes[idx])
        .filter(|q| q.start >= start && q.end > content_end)
        .map_or(content_end, |q| q.end.min(sentence.range.end.max(q.end)));
    (content_end > start).then(|| Range::new(start, content_end))
}

/// Words after a comma that end a clause of content: "according to",
/// "as reported by", "citing", "writes", "adding".
pub(super) fn is_trailer(doc: &Doc, i: usize) -> bool {
    doc.lower_is(i, "according")
        || doc.lower_is(i, "as")
            && (doc.lower_is(i + 1, "reported") || doc.lower_is(i + 1, "noted"))
        || i < doc.tokens.len() && is_speech_participle(doc, i)
        || doc.lower_is(i, "citing")
        || doc.lower_is(i, "writes")
        || doc.lower_is(i, "wrote")
        || doc.lower_is(i, "reports")
}

/// True when a cue follows the "and" at token `i`, perhaps after an
/// adverb: "and said", "and repeatedly says", "and claiming" (a speech
/// participle; "and praising" stays inside the content).
pub(super) fn cue_follows_and(doc: &Doc, i: usize) -> bool {
    let has_adverb =
        doc.tokens.get(i + 1).is_some_and(|t| t.is_word()) && doc.text(i + 1).ends_with("ly");
    let verb = if has_adverb { i + 2 } else { i + 1 };
    doc.tokens.get(verb).is_some_and(|t| {
        t.has(CUE) && (!t.text(doc.body).ends_with("ing") || is_speech_participle(doc, verb))
    })
}

/// True when the quotation closes with a sentence's end: `?"`, `!"`, `."`.
pub(super) fn ends_sentence(doc: &Doc, quote: Range) -> bool {
    let inner = doc.body[quote.start..quote.end].trim_end_matches(['"', '”', '\'']);
    inner.ends_with(['.', '?', '!'])
}

/// True when token `i` closes a quotation whose last word has a comma.
pub(super) fn ends_quote_with_comma(doc: &Doc, i: usize) -> bool {
    doc.tokens[i].kind == Kind::Quote
        && doc.tokens[i - 1].kind == Kind::Comma
        && doc.quote_ending_at(i).is_some()
}

/// "While ...", "Although ...", "Because ...", "Asked whether ...": the
/// sentence opens with a subordinate clause, which a comma closes.
pub(super) fn opens_with_subordinate_clause(doc: &Doc, sentence: &Sent) -> bool {
    [
        "while", "although", "though", "because", "if", "whereas", "since", "asked",
    ]
    .iter()
    .any(|word| doc.lower_is(sentence.first, word))
}

/// Words after a comma that start a clause outside the reported content:
/// "but", "though", "which", ...
pub(super) fn is_clause_break(doc: &Doc, i: usize) -> bool {
    // "He said Grassley, though, would ...": set off by commas, "though"
    // is an aside inside the clause, not a new one.
    let aside = doc.tokens.get(i + 1).is_some_and(|t| t.kind == Kind::Comma);
    !aside
        && [
            "but", "though", "although", "while", "whereas", "which", "even", "yet",
        ]
        .iter()
        .any(|word| doc.lower_is(i, word))
}

/// Content from the sentence start to the comma at `comma` (exclusive),
/// widened to a quotation that began in an earlier sentence.
pub(super) fn content_before(doc: &Doc, sentence: &Sent, comma: usize) -> Option<Range> {
    if comma <= sentence.first {
        return None;
    }
    let mut start = doc.tokens[sentence.first].range.start;
    let end = doc.tokens[comma - 1].range.end;
    if doc.in_quote[sentence.first] {
        if let Some(quote) = doc
            .quotes
            .iter()
            .find(|q| q.contains(&doc.tokens[sentence.first].range))
        {
            start = quote.start;
        }
    }
    let end = if doc.tokens[comma].kind == Kind::Quote {
        doc.tokens[comma].range.end
    } else {
        end
    };
    (end > start).then(|| Range::new(start, end))
}

/// The end of the last token in `[from, end)` that is not final punctuation.
pub(super) fn trim_end(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let mut last = end;
    while last > from {
        let token = &doc.tokens[last - 1];
        let is_trailing = matches!(
            token.kind,
            Kind::Terminal | Kind::Comma | Kind::Colon | Kind::Dash
        ) || token.kind == Kind::Quote && !doc.in_quote[last - 1];
        if !is_trailing || token.kind == Kind::Quote && doc.in_quote[last - 1] {
            break;
        }
        last -= 1;
    }
    (last > from).then(|| doc.tokens[last - 1].range.end)
}

pub(super) fn count_words(doc: &Doc, from: usize, end: usize) -> usize {
    doc.tokens[from.min(end)..end]
        .iter()
        .filter(|t| t.is_word())
        .count()
}
