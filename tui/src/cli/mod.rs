//! Argument parsing and dispatch. Exit codes: 0 success, 1 nothing found, 2 bad input (the
//! message on stderr names the file, line or reference and what is wrong).

mod docs;
mod export;
mod refs;
mod show;

use clap::{Parser, Subcommand};
use resolex_core::{Corpus, Duplicates};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "resolex", version, about = "Read, search and cite United Nations resolutions.")]
struct Cli {
    /// Read these files and folders instead of the embedded default corpus.
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
    /// The documents with their counts by kind.
    Docs(docs::Args),
    /// A document (A/RES/79/136) or a paragraph (A/RES/79/136#op21.b).
    Show(show::Args),
    /// The reference graph: each instrument cited, and who cites it.
    Refs(refs::Args),
    /// Export a document as JSON, Akoma Ntoso XML or Markdown.
    Export(export::Args),
}

/// What a subcommand reports back: found something, found nothing, or bad input.
pub enum Outcome {
    Found,
    NotFound(String),
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let duplicates = if cli.skip_duplicates { Duplicates::Skip } else { Duplicates::Fail };
    let corpus = match load(&cli.corpus, duplicates) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("resolex: {message}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Some(Command::Docs(a)) => docs::run(&corpus, &a),
        Some(Command::Show(a)) => show::run(&corpus, &a),
        Some(Command::Refs(a)) => refs::run(&corpus, &a),
        Some(Command::Export(a)) => export::run(&corpus, &a),
        None => docs::run(&corpus, &docs::Args::default()),
    };
    match result {
        Ok(Outcome::Found) => ExitCode::SUCCESS,
        Ok(Outcome::NotFound(what)) => {
            eprintln!("resolex: {what}");
            ExitCode::from(1)
        }
        Err(message) => {
            eprintln!("resolex: {message}");
            ExitCode::from(2)
        }
    }
}

/// The corpus: the embedded default, or the files and folders given.
fn load(paths: &[PathBuf], duplicates: Duplicates) -> Result<Corpus, String> {
    if paths.is_empty() {
        return Ok(resolex_core::default_corpus::load());
    }
    let mut files = Vec::new();
    for p in paths {
        collect(p, &mut files)?;
    }
    let contents: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|f| std::fs::read(&f).map(|b| (f.display().to_string(), b)).map_err(|e| format!("{}: {e}", f.display())))
        .collect::<Result<_, _>>()?;
    let files = contents.iter().map(|(n, b)| (n.as_str(), b.as_slice()));
    let corpus = Corpus::from_files_with(files, duplicates).map_err(|e| e.to_string())?;
    for skipped in &corpus.skipped {
        eprintln!("resolex: warning: {skipped}; skipped the second");
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
        let readable = e
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ["txt", "md", "html", "htm", "xml", "json", "jsonl"].contains(&x));
        if e.is_dir() || readable {
            collect(&e, out)?;
        }
    }
    Ok(())
}

/// Prints JSON to stdout.
fn print_json(value: &impl serde::Serialize) -> Result<Outcome, String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    println!("{text}");
    Ok(Outcome::Found)
}
