//! Argument parsing and dispatch. Exit codes: 0 success, 1 nothing found, 2 bad input (the
//! message on stderr names the file, line or reference and what is wrong).

#[macro_use]
mod output;
mod build;
mod diff;
mod docs;
mod export;
mod lexicon;
mod progress;
mod refs;
mod search;
mod series;
mod show;
mod stream;

use clap::{Parser, Subcommand};
use resolex_core::bundle::Bundle;
use resolex_core::{Corpus, Duplicates};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The default bundle, built from `core/corpus/` by `build.rs`.
pub static DEFAULT_BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default.rlx"));

#[derive(Parser)]
#[command(name = "resolex", version, about = "Read, search and cite United Nations resolutions.")]
struct Cli {
    /// Use this bundle (made by `resolex build`) instead of the embedded default.
    #[arg(long, global = true, value_name = "FILE", conflicts_with = "corpus")]
    bundle: Option<PathBuf>,
    /// Read these files and folders instead of a bundle (indexed in memory).
    #[arg(long = "corpus", global = true, value_name = "PATH")]
    corpus: Vec<PathBuf>,
    /// When two files give the same document in the same language, keep the one named for
    /// its symbol (else the first) and warn, instead of stopping with an error.
    #[arg(long, global = true)]
    skip_duplicates: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest files and folders into a bundle.
    Build(build::Args),
    /// Search: hits, best first.
    Search(search::Args),
    /// The documents with their counts by kind.
    Docs(docs::Args),
    /// A document (A/RES/79/136) or a paragraph (A/RES/79/136#op21.b).
    Show(show::Args),
    /// The reference graph: each instrument cited, and who cites it.
    Refs(refs::Args),
    /// Terms of the lexicon with their document frequency.
    Lexicon(lexicon::Args),
    /// Export a document as JSON, Akoma Ntoso XML or Markdown.
    Export(export::Args),
    /// How the wording changed between two resolutions, paragraph by paragraph.
    Diff(diff::Args),
    /// The series of a resolution: the earlier ones it recalls under the same title.
    Series(series::Args),
}

/// What a subcommand reports back: found something, found nothing, or bad input.
pub enum Outcome {
    Found,
    NotFound(String),
}

pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version go out as clap writes them; errors quote what was typed, made inert.
        Err(e) if !e.use_stderr() => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprint!("{}", resolex_core::display::inert_lines(&e.render().to_string()));
            return ExitCode::from(2);
        }
    };
    let duplicates = if cli.skip_duplicates { Duplicates::Skip } else { Duplicates::Fail };
    let result = match &cli.command {
        Some(Command::Build(a)) => build::run(a, duplicates),
        None => open(&cli, duplicates).and_then(|bundle| {
            crate::browser::run(bundle).map_err(|e| format!("terminal: {e}"))?;
            Ok(Outcome::Found)
        }),
        command => open(&cli, duplicates).and_then(|bundle| dispatch(command.as_ref(), &bundle)),
    };
    match result {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NotFound(what)) => {
            output::warn(&what);
            ExitCode::from(1)
        }
        Err(message) => {
            output::warn(&message);
            ExitCode::from(2)
        }
    }
}

fn dispatch(command: Option<&Command>, bundle: &Bundle) -> Result<Outcome, String> {
    let corpus = || bundle.corpus().map_err(|e| e.to_string());
    match command {
        Some(Command::Search(a)) => search::run(bundle, a),
        Some(Command::Lexicon(a)) => lexicon::run(bundle, a),
        Some(Command::Docs(a)) => docs::run(&corpus()?, a),
        Some(Command::Show(a)) => show::run(&corpus()?, a),
        Some(Command::Refs(a)) => refs::run(&corpus()?, a),
        Some(Command::Export(a)) => export::run(&corpus()?, a),
        Some(Command::Diff(a)) => diff::run(&corpus()?, a),
        Some(Command::Series(a)) => series::run(&corpus()?, a),
        Some(Command::Build(_)) => unreachable!("handled before a bundle is opened"),
        None => unreachable!("the browser owns its bundle; handled in run"),
    }
}

/// The bundle to work on: `--bundle FILE`, the files of `--corpus` indexed in memory, or the
/// embedded default.
fn open(cli: &Cli, duplicates: Duplicates) -> Result<Bundle, String> {
    if let Some(path) = &cli.bundle {
        return Bundle::open(path).map_err(|e| format!("{}: {e}", path.display()));
    }
    if cli.corpus.is_empty() {
        return Bundle::from_static(DEFAULT_BUNDLE).map_err(|e| format!("the embedded bundle: {e}"));
    }
    let corpus = ingest(&files(&cli.corpus)?, duplicates, false)?;
    let bytes = resolex_core::bundle::write(&corpus).map_err(|e| e.to_string())?;
    Bundle::from_vec(bytes).map_err(|e| e.to_string())
}

/// Every readable file under `paths`, in a stable order.
fn files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for p in paths {
        collect(p, &mut files)?;
    }
    Ok(files)
}

/// Reads `files` into a corpus; with `progress`, reports on stderr as it goes.
fn ingest(files: &[PathBuf], duplicates: Duplicates, progress: bool) -> Result<Corpus, String> {
    let mut contents: Vec<(String, Vec<u8>)> = Vec::with_capacity(files.len());
    let mut step = progress::Step::start("reading files", files.len() as u64, !progress);
    for f in files {
        contents.push((f.display().to_string(), std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?));
        step.tick();
    }
    step.finish();
    let step = progress::Step::start(&format!("parsing {} files", files.len()), 0, !progress);
    let input = contents.iter().map(|(n, b)| (n.as_str(), b.as_slice()));
    let corpus = Corpus::from_files_with(input, duplicates).map_err(|e| e.to_string())?;
    step.finish();
    for skipped in &corpus.skipped {
        output::warn(&format!("warning: {skipped}; skipped the second"));
    }
    Ok(corpus)
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if !meta.is_dir() {
        out.push(path.to_owned());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| format!("{}: {e}", path.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for e in entries {
        let readable = e.file_name().and_then(|n| n.to_str()).and_then(resolex_core::ingest::Format::of).is_some();
        if e.is_dir() || readable {
            collect(&e, out)?;
        }
    }
    Ok(())
}
