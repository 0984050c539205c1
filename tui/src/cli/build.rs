//! `resolex build PATH… -o FILE`: ingest files and folders into a bundle.

use super::Outcome;
use resolex_core::Duplicates;
use resolex_core::bundle::{self, Sizes, Written};
use std::io::Write;
use std::path::{Path, PathBuf};

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
    /// Write the head alone to the output and each part as a file of its own in a directory
    /// beside it (`corpus.rlx` → `corpus.parts/`): what a static host serves to the explorer,
    /// which then fetches only the parts a query needs.
    #[arg(long, conflicts_with = "compact")]
    apart: bool,
    /// Write the documents alone, in one small file: every reader (the explorer, the
    /// terminal browser, the CLI) builds the index when it opens it. For small corpora, sent
    /// over the wire or embedded in one page, whose index weighs more than their texts; it
    /// costs an indexing at every opening (about 0.1 s for the default corpus natively).
    #[arg(long)]
    compact: bool,
}

pub fn run(args: &Args, duplicates: Duplicates) -> Result<Outcome, String> {
    let (files, corpus) = if args.default_corpus {
        (resolex_core::default_corpus::FILES.len(), resolex_core::default_corpus::load())
    } else {
        let files = super::files(&args.paths)?;
        let corpus = super::ingest(&files, duplicates, true)?;
        (files.len(), corpus)
    };
    let (bytes, parts) = if args.compact {
        let compact = bundle::write_compact(&corpus).map_err(|e| e.to_string())?;
        (write_file(&args.output, &compact)?, " (compact: the index is built when it is opened)".to_owned())
    } else {
        let step = super::progress::Step::start(&format!("indexing {} documents", corpus.docs.len()), 0, false);
        let written = resolex_core::bundle::write_parts(&corpus, Sizes::default()).map_err(|e| e.to_string())?;
        step.finish();
        if args.apart {
            let dir = bundle::parts_dir(&args.output);
            (write_apart(&written, &args.output)?, format!(" and {} parts in {}", written.parts.len(), dir.display()))
        } else {
            (write_file(&args.output, &written.inline())?, String::new())
        }
    };
    let paragraphs: usize = corpus.docs.iter().map(|d| d.paragraphs.len()).sum();
    out!(
        "read {} files: {} document versions, {paragraphs} paragraphs; wrote {}{parts} ({bytes} bytes)",
        files,
        corpus.docs.len(),
        args.output.display(),
    );
    Ok(Outcome::Found)
}

/// Writes `bytes` beside `path` and renames, so that a failure never leaves a partial file.
fn write_file(path: &Path, bytes: &[u8]) -> Result<usize, String> {
    let tmp = path.with_extension("partial");
    let written = std::fs::File::create(&tmp).and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()));
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(format!("{}: {e}", path.display()));
    }
    Ok(bytes.len())
}

/// The parts into a fresh directory (an old one is replaced only once the new one is whole),
/// then the head, which names them.
fn write_apart(written: &Written, head_path: &Path) -> Result<usize, String> {
    let dir = bundle::parts_dir(head_path);
    let tmp = dir.with_extension("parts.partial");
    let fail = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(|e| fail(&tmp, e))?;
    let (head, parts) = written.apart();
    let mut total = head.len();
    for (name, bytes) in parts {
        std::fs::write(tmp.join(&name), bytes).map_err(|e| fail(&tmp.join(&name), e))?;
        total += bytes.len();
    }
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| fail(&dir, e))?;
    }
    std::fs::rename(&tmp, &dir).map_err(|e| fail(&dir, e))?;
    write_file(head_path, &head)?;
    Ok(total)
}
