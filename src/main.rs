//! The `parallax` command line: takes arguments; runs `compare` or `extract`
//! from the library and maps the result to an exit status (0 every input
//! read, 1 some inputs not read, 2 usage error or nothing read).

use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use parallax::model::DivergenceType;
use parallax::model::InputError;
use parallax::render::DataFormat;
use parallax::run::{
    self, CheckConfig, ClaimSource, CompareConfig, DiffConfig, ExtractConfig, Observer, Summary,
};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// mimalloc instead of the system allocator: `compare` spent about a quarter
/// of its time in glibc's malloc and free (perf, 10,000 articles); see
/// BENCHMARKS.md, "Scale at the end of 2026-11-30".
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const EXAMPLES: &str = "\
Examples:
  parallax compare corpus/ --out reports      compare every article in corpus/
  parallax extract articles.jsonl.gz > out.jsonl
  cat articles.jsonl | parallax --threads 4 extract -

Exit status: 0 when every input was read, 1 when some were not (they are
listed on stderr and in report.json), 2 on a usage error or when nothing
could be read.";

#[derive(Parser)]
#[command(name = "parallax", version, about, after_help = EXAMPLES)]
struct Cli {
    /// Worker threads (default: one per CPU)
    #[arg(long, global = true, value_name = "N")]
    threads: Option<usize>,
    /// No progress and no account line on stderr (inputs that cannot be read are still named)
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare how the articles report the same events: writes report.json,
    /// index.html and one page per event into the output folder
    #[command(
        after_help = "Example:\n  parallax compare corpus/ extra.jsonl --out reports\n  then open reports/index.html"
    )]
    Compare {
        /// Files (.txt .md .json .jsonl .html, optionally .gz), folders, or - for JSONL on stdin
        #[arg(value_name = "INPUT", default_value = "corpus")]
        inputs: Vec<String>,
        /// Output folder
        #[arg(long, value_name = "DIR", default_value = "reports")]
        out: PathBuf,
        /// Leave divergences below this confidence (0 to 1) off the pages; the data keep them all
        #[arg(long, value_name = "X", default_value_t = 0.0, value_parser = confidence)]
        min_confidence: f64,
        /// json: report.json; jsonl: events.jsonl, articles.jsonl and errors.jsonl (batch
        /// runs); md: report.json and summary.md (the main findings in plain words)
        #[arg(long, value_name = "FORMAT", default_value = "json", value_parser = ["json", "jsonl", "md"])]
        format: String,
    },
    /// Compare two articles of one story (your copy and the wire) and print
    /// what differs, most severe first; exit 1 when something does
    #[command(after_help = DIFF_HELP)]
    Diff {
        /// Your copy (A) and the story to check it against (B): files of any
        /// form compare reads, or - for one JSON article line on stdin
        #[arg(value_name = "FILE", num_args = 2, required = true)]
        inputs: Vec<String>,
        /// text: one block per finding; json: the contract's divergence objects
        #[arg(long, value_name = "FORMAT", default_value = "text", value_parser = ["text", "json"])]
        format: String,
        /// Colour the differing words: auto (on a terminal), always, never
        #[arg(long, value_name = "WHEN", default_value = "auto", value_parser = ["auto", "always", "never"])]
        color: String,
        /// Leave out findings below this confidence (0 to 1)
        #[arg(long, value_name = "X", default_value_t = 0.0, value_parser = confidence)]
        min_confidence: f64,
        /// Leave out findings below this severity (0 to 1)
        #[arg(long, value_name = "X", default_value_t = 0.0, value_parser = confidence)]
        min_severity: f64,
        /// Only these types, comma-separated (e.g. quote_altered,number_mismatch)
        #[arg(long, value_name = "TYPES", value_delimiter = ',', value_parser = divergence_type)]
        only: Vec<DivergenceType>,
    },
    /// Print one JSON line per article: its statements, speakers and framing
    #[command(
        after_help = "Example:\n  parallax extract articles.jsonl --with-text > extract.jsonl"
    )]
    Extract {
        /// Files (.txt .md .json .jsonl .html, optionally .gz), folders, or - for JSONL on stdin
        #[arg(value_name = "INPUT", default_value = "corpus")]
        inputs: Vec<String>,
        /// Include each article's body as article.text
        #[arg(long)]
        with_text: bool,
    },
    /// Check claims against the articles: one JSON line per (claim, article)
    /// with the stance (agree, disagree, discuss, unrelated), a score and the
    /// sentences that show it
    #[command(
        after_help = "Examples:\n  parallax check --claim \"Ukraine will be part of any talks\" corpus/\n  parallax check --claims claims.jsonl articles.jsonl > stances.jsonl"
    )]
    Check {
        /// Files (.txt .md .json .jsonl .html, optionally .gz), folders, or - for JSONL on stdin
        #[arg(value_name = "INPUT", default_value = "corpus")]
        inputs: Vec<String>,
        /// The claim to check
        #[arg(
            long,
            value_name = "TEXT",
            required_unless_present = "claims",
            conflicts_with = "claims"
        )]
        claim: Option<String>,
        /// A JSONL file of claims: {"id", "claim", "articles"} a line
        #[arg(long, value_name = "FILE")]
        claims: Option<PathBuf>,
        /// Add each pair's feature values and the article's bag of words (for
        /// scripts/train_stance.py)
        #[arg(long)]
        with_features: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(error) = run::set_threads(cli.threads.unwrap_or(0)) {
        eprintln!("parallax: {error}");
        return ExitCode::from(2);
    }
    let mut observer = StderrObserver::new(cli.quiet);
    let verb = match cli.command {
        Command::Compare { .. } => "compared",
        Command::Extract { .. } => "extracted",
        Command::Diff { .. } => "compared",
        Command::Check { .. } => "checked",
    };
    let result = match cli.command {
        Command::Compare {
            inputs,
            out,
            min_confidence,
            format,
        } => parallax::run_compare(
            &CompareConfig {
                inputs,
                out_dir: out,
                min_confidence,
                format: match format.as_str() {
                    "jsonl" => DataFormat::Jsonl,
                    "md" => DataFormat::Markdown,
                    _ => DataFormat::Json,
                },
            },
            &mut observer,
        ),
        Command::Diff {
            inputs,
            format,
            color,
            min_confidence,
            min_severity,
            only,
        } => {
            let config = DiffConfig {
                inputs: [inputs[0].clone(), inputs[1].clone()],
                json: format == "json",
                color: color == "always" || color == "auto" && std::io::stdout().is_terminal(),
                min_confidence,
                min_severity,
                only,
            };
            return diff_status(parallax::run_diff(&config, &mut std::io::stdout().lock()));
        }
        Command::Extract { inputs, with_text } => {
            let config = ExtractConfig {
                inputs,
                with_text,
                chunk_size: 1024,
            };
            let mut stdout = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout());
            parallax::run_extract(&config, &mut stdout, &mut observer)
        }
        Command::Check {
            inputs,
            claim,
            claims,
            with_features,
        } => {
            let claims = match (claim, claims) {
                (Some(text), _) => ClaimSource::Text(text),
                (None, Some(path)) => ClaimSource::File(path),
                (None, None) => unreachable!("clap requires --claim or --claims"),
            };
            let config = CheckConfig {
                inputs,
                claims,
                with_features,
            };
            let mut stdout = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout());
            parallax::run_check(&config, &mut stdout, &mut observer)
        }
    };
    observer.finish(result.as_ref().ok(), verb);
    exit_status(result)
}

const DIFF_HELP: &str = "\
Example:
  parallax diff copy.txt wire.txt || echo \"check before publishing\"

Exit status: 0 when no finding passes the thresholds, 1 when some do,
2 on a usage error or an input that cannot be read.";

/// Exit status like `diff`: 0 nothing found, 1 findings, 2 trouble.
fn diff_status(result: anyhow::Result<usize>) -> ExitCode {
    match result {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(error) if is_broken_pipe(&error) => ExitCode::from(1),
        Err(error) => {
            eprintln!("parallax: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// A divergence type by its contract name.
fn divergence_type(name: &str) -> Result<DivergenceType, String> {
    DivergenceType::ALL
        .iter()
        .copied()
        .find(|kind| kind.as_str() == name)
        .ok_or_else(|| {
            let names: Vec<&str> = DivergenceType::ALL.iter().map(|k| k.as_str()).collect();
            format!("unknown type {name}; the types are {}", names.join(", "))
        })
}

/// A confidence threshold: a number in [0, 1].
fn confidence(text: &str) -> Result<f64, String> {
    let value: f64 = text.parse().map_err(|_| format!("not a number: {text}"))?;
    if (0.0..=1.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("{value} is not between 0 and 1"))
    }
}

fn exit_status(result: anyhow::Result<Summary>) -> ExitCode {
    match result {
        Ok(summary) if summary.n_articles == 0 => {
            eprintln!("parallax: no article could be read");
            ExitCode::from(2)
        }
        Ok(summary) if summary.n_errors > 0 => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("parallax: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that stopped reading (`parallax extract | head`) is not an error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    let io_error = error.downcast_ref::<std::io::Error>();
    io_error.is_some_and(|io_error| io_error.kind() == std::io::ErrorKind::BrokenPipe)
}

/// Prints unreadable inputs on stderr and, on a terminal, a progress line
/// (`indicatif`: articles so far and the rate), cleared at the end.
struct StderrObserver {
    /// `--quiet`: no progress, no account line.
    quiet: bool,
    started: Instant,
    /// Only on a terminal, and not with `--quiet`.
    bar: Option<ProgressBar>,
}

impl StderrObserver {
    fn new(quiet: bool) -> StderrObserver {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(2));
            let style =
                ProgressStyle::with_template("{spinner} {human_pos} articles, {msg}, {elapsed}")
                    .expect("the progress template is valid");
            bar.set_style(style);
            bar
        });
        StderrObserver {
            quiet,
            started: Instant::now(),
            bar,
        }
    }

    /// Clears the progress line and gives the account of the run, e.g.
    /// `parallax: 212 read, 210 compared, 2 rejected in 0.4 s`.
    fn finish(&mut self, summary: Option<&Summary>, verb: &str) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        if let Some(summary) = summary.filter(|_| !self.quiet) {
            eprintln!(
                "parallax: {} read, {} {verb}, {} rejected in {:.1} s",
                summary.n_read,
                summary.n_processed(),
                summary.n_errors,
                self.started.elapsed().as_secs_f64()
            );
        }
        let _ = std::io::stderr().flush();
    }
}

impl Observer for StderrObserver {
    fn progress(&mut self, n_articles: usize) {
        if let Some(bar) = &self.bar {
            let rate = n_articles as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!("{rate:.0}/s"));
            bar.set_position(n_articles as u64);
        }
    }

    fn input_error(&mut self, error: &InputError) {
        let print = || eprintln!("parallax: {}: {}", error.source, error.message);
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }
}
