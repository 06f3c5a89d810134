//! The `parallax` command line: takes arguments; runs `compare` or `extract`
//! from the library and maps the result to an exit status (0 every input
//! read, 1 some inputs not read, 2 usage error or nothing read).

use clap::{Parser, Subcommand};
use parallax::model::InputError;
use parallax::run::{
    self, CheckConfig, ClaimSource, CompareConfig, ExtractConfig, Observer, Summary,
};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

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
        /// Add each pair's feature values (for scripts/train_stance.py)
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
    let mut observer = StderrObserver::new();
    let result = match cli.command {
        Command::Compare { inputs, out } => run::run_compare(
            &CompareConfig {
                inputs,
                out_dir: out,
            },
            &mut observer,
        ),
        Command::Extract { inputs, with_text } => {
            let config = ExtractConfig {
                inputs,
                with_text,
                chunk_size: 1024,
            };
            let mut stdout = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout());
            run::run_extract(&config, &mut stdout, &mut observer)
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
            run::run_check(&config, &mut stdout, &mut observer)
        }
    };
    observer.finish();
    exit_status(result)
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

/// Prints unreadable inputs on stderr and, on a terminal, the rate of progress.
struct StderrObserver {
    is_terminal: bool,
    started: Instant,
    last_shown: Option<Instant>,
}

impl StderrObserver {
    fn new() -> StderrObserver {
        StderrObserver {
            is_terminal: std::io::stderr().is_terminal(),
            started: Instant::now(),
            last_shown: None,
        }
    }

    fn clear_line(&mut self) {
        if self.last_shown.is_some() {
            eprint!("\r\x1b[K");
        }
    }

    fn finish(&mut self) {
        self.clear_line();
        let _ = std::io::stderr().flush();
    }
}

impl Observer for StderrObserver {
    fn progress(&mut self, n_articles: usize) {
        let due = self
            .last_shown
            .map_or(self.started.elapsed() >= Duration::from_secs(1), |last| {
                last.elapsed() >= Duration::from_secs(1)
            });
        if !self.is_terminal || !due {
            return;
        }
        let rate = n_articles as f64 / self.started.elapsed().as_secs_f64();
        eprint!("\r\x1b[K{n_articles} articles, {rate:.0}/s");
        self.last_shown = Some(Instant::now());
    }

    fn input_error(&mut self, error: &InputError) {
        self.clear_line();
        eprintln!("parallax: {}: {}", error.source, error.message);
    }
}
