//! `resolex build PATH… -o FILE`: ingest files and folders into a bundle.

use super::Outcome;
use resolex_core::Duplicates;
use std::io::Write;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Files and folders to read (.txt, .md/.markdown, .html/.htm/.xhtml, AKN .xml/.akn,
    /// data_extract .json/.jsonl).
    #[arg(required_unless_present = "default_corpus")]
    paths: Vec<PathBuf>,
    /// Write the embedded default corpus (the one `resolex` opens with no --bundle) instead.
    #[arg(long, conflicts_with = "paths")]
    default_corpus: bool,
    /// Where to write the bundle.
    #[arg(short, long, default_value = "corpus.rlx")]
    output: PathBuf,
}

pub fn run(args: &Args, duplicates: Duplicates) -> Result<Outcome, String> {
    let (files, corpus) = if args.default_corpus {
        (resolex_core::default_corpus::FILES.len(), resolex_core::default_corpus::load())
    } else {
        let files = super::files(&args.paths)?;
        let corpus = super::ingest(&files, duplicates, true)?;
        (files.len(), corpus)
    };
    eprint!("resolex: indexing {} documents…", corpus.docs.len());
    let bytes = resolex_core::bundle::write(&corpus).map_err(|e| e.to_string())?;
    eprintln!(" done");
    // Write beside the target and rename, so a failure never leaves a partial bundle.
    let tmp = args.output.with_extension("rlx.partial");
    let written = std::fs::File::create(&tmp).and_then(|mut f| f.write_all(&bytes).and_then(|()| f.sync_all()));
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, &args.output)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{}: {e}", args.output.display()));
    }
    let paragraphs: usize = corpus.docs.iter().map(|d| d.paragraphs.len()).sum();
    out!(
        "read {} files: {} document versions, {paragraphs} paragraphs; wrote {} ({} bytes)",
        files,
        corpus.docs.len(),
        args.output.display(),
        bytes.len()
    );
    Ok(Outcome::Found)
}
