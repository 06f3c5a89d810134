//! The speakers chart: takes an event; gives, for each named speaker, the
//! words each outlet gives them (the words of the statements attributed to
//! them, quoted or reported), laid out as the bars of an inline SVG chart
//! that `templates/speakers.html` draws. Every bar carries its outlet and
//! its count as text, so colour is never the only label.

use super::article_label;
use crate::model::{Report, ScoredEvent};
use crate::render::json::span_text;
use std::collections::BTreeMap;

/// Speakers drawn, at most; the table below the chart lists them all.
pub const MAX_CHART_SPEAKERS: usize = 12;
/// Width of the chart's coordinate space (it scales to its container).
const WIDTH: usize = 480;
/// Where bars start: outlet names are right-aligned before it.
const BAR_X: usize = 150;
/// The length of the longest bar.
const BAR_MAX: usize = 240;
const NAME_HEIGHT: usize = 20;
const BAR_STEP: usize = 18;
const GROUP_GAP: usize = 10;
/// Outlet names longer than this are cut (the full name is in the tooltip).
const MAX_LABEL_CHARS: usize = 18;

/// The chart: coordinates are in SVG user units.
#[derive(Debug, PartialEq)]
pub struct SpeakerChart {
    pub width: usize,
    pub height: usize,
    pub groups: Vec<SpeakerGroup>,
    /// Speakers left out of the chart (beyond `MAX_CHART_SPEAKERS`).
    pub n_left_out: usize,
}

/// One speaker: their name on a line, then one bar per outlet.
#[derive(Debug, PartialEq)]
pub struct SpeakerGroup {
    pub name: String,
    /// Baseline of the name.
    pub name_y: usize,
    pub bars: Vec<Bar>,
}

#[derive(Debug, PartialEq)]
pub struct Bar {
    /// The outlet's label as drawn, and in full for the tooltip.
    pub label: String,
    pub outlet: String,
    pub words: usize,
    pub statements: usize,
    /// Top of the bar, and the baseline of its texts.
    pub y: usize,
    pub text_y: usize,
    pub width: usize,
    /// Where the outlet is written (right-aligned), before the bar.
    pub label_x: usize,
    /// Where the bar starts.
    pub x: usize,
    /// Where the count is written, after the bar.
    pub count_x: usize,
    /// The outlet's colour: `c0`.. `c5`, by column.
    pub colour: usize,
}

/// Words and statements per outlet (event column) for one speaker.
type Tally = Vec<(usize, usize)>;

/// The chart of an event's named speakers, those given most words first.
pub fn speaker_chart(report: &Report, scored: &ScoredEvent) -> SpeakerChart {
    let outlets: Vec<String> = scored
        .event
        .articles
        .iter()
        .map(|&article_idx| article_label(&report.articles[article_idx]))
        .collect();
    layout(&outlets, speaker_words(report, scored))
}

/// Every named speaker with, per column, the words and the number of the
/// statements attributed to them; most words first, ties by name.
pub fn speaker_words(report: &Report, scored: &ScoredEvent) -> Vec<(String, Tally)> {
    let articles = &scored.event.articles;
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    for (column, &article_idx) in articles.iter().enumerate() {
        let body = &report.articles[article_idx].body;
        for statement in &report.extractions[article_idx].statements {
            let Some(name) = &statement.speaker.name else {
                continue;
            };
            let counts = tally
                .entry(name.clone())
                .or_insert_with(|| vec![(0, 0); articles.len()]);
            counts[column].0 += count_words(span_text(body, statement.content));
            counts[column].1 += 1;
        }
    }
    let mut speakers: Vec<(String, Tally)> = tally.into_iter().collect();
    let total = |tally: &Tally| tally.iter().map(|c| c.0).sum::<usize>();
    speakers.sort_by(|a, b| total(&b.1).cmp(&total(&a.1)).then_with(|| a.0.cmp(&b.0)));
    speakers
}

/// Words as a reader counts them: whitespace-separated runs holding a
/// letter or a digit.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count()
}

/// Places the bars: bar lengths are proportional to words, the longest
/// `BAR_MAX`, and a bar of at least one word is at least one unit long.
fn layout(outlets: &[String], speakers: Vec<(String, Tally)>) -> SpeakerChart {
    let n_left_out = speakers.len().saturating_sub(MAX_CHART_SPEAKERS);
    let shown = &speakers[..speakers.len() - n_left_out];
    let most = shown
        .iter()
        .flat_map(|(_, tally)| tally.iter().map(|c| c.0))
        .max()
        .unwrap_or(0)
        .max(1);
    let mut y = 0;
    let mut groups = Vec::with_capacity(shown.len());
    for (name, tally) in shown {
        let name_y = y + NAME_HEIGHT - 6;
        y += NAME_HEIGHT;
        let bars = tally.iter().zip(outlets).enumerate().map(
            |(column, (&(words, statements), outlet))| {
                let width = if words == 0 {
                    0
                } else {
                    (words * BAR_MAX / most).max(1)
                };
                let bar = Bar {
                    label: cut_label(outlet),
                    outlet: outlet.clone(),
                    words,
                    statements,
                    y,
                    text_y: y + 11,
                    width,
                    label_x: BAR_X - 6,
                    x: BAR_X,
                    count_x: BAR_X + width + 6,
                    colour: column % 6,
                };
                y += BAR_STEP;
                bar
            },
        );
        let bars = bars.collect();
        groups.push(SpeakerGroup {
            name: name.clone(),
            name_y,
            bars,
        });
        y += GROUP_GAP;
    }
    SpeakerChart {
        width: WIDTH,
        height: y.max(1),
        groups,
        n_left_out,
    }
}

fn cut_label(label: &str) -> String {
    if label.chars().count() <= MAX_LABEL_CHARS {
        return label.to_string();
    }
    let cut: String = label.chars().take(MAX_LABEL_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_with_a_letter_or_digit() {
        let counted: Vec<usize> = ["", "a b", "“We will,” — he said 25 %", "  one\ntwo\tthree "]
            .into_iter()
            .map(count_words)
            .collect();
        assert_eq!(counted, [0, 2, 5, 3]);
    }

    #[test]
    fn bars_scale_to_the_longest_and_stack_under_each_name() {
        let outlets = [
            "UNN".to_string(),
            "A very long outlet name indeed".to_string(),
        ];
        let speakers = vec![
            ("Tammy Bruce".to_string(), vec![(40, 2), (10, 1)]),
            ("Marco Rubio".to_string(), vec![(0, 0), (1, 1)]),
        ];
        let chart = layout(&outlets, speakers);
        let bars: Vec<(&str, usize, usize, usize)> = chart
            .groups
            .iter()
            .flat_map(|group| &group.bars)
            .map(|bar| (bar.label.as_str(), bar.words, bar.y, bar.width))
            .collect();
        assert_eq!(
            bars,
            [
                ("UNN", 40, 20, 240),
                ("A very long outle…", 10, 38, 60),
                ("UNN", 0, 86, 0),
                ("A very long outle…", 1, 104, 6),
            ]
        );
        assert_eq!(
            (chart.groups[1].name_y, chart.height, chart.n_left_out),
            (80, 132, 0)
        );
    }
}
