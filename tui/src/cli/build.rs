//! `resolex build PATH… -o FILE`: ingest files and folders into a bundle.

use super::Outcome;
use resolex_core::bundle::{self, Sizes, Written};
use resolex_core::{Document, Duplicates};
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

/// What a build reads: the embedded default corpus, or files settled into a plan.
enum Input {
    Default(Vec<Document>),
    Files(Vec<PathBuf>, resolex_core::corpus::Plan),
}

pub fn run(args: &Args, duplicates: Duplicates) -> Result<Outcome, String> {
    if args.compact {
        return compact(args, duplicates);
    }
    let apart = args.apart.then(|| bundle::parts_dir(&args.output));
    let partial = apart.as_ref().map(|dir| fresh(&dir.with_extension("parts.partial"))).transpose()?;
    // The files are parsed once before any is indexed, so the corpus's size is known first.
    let input = if args.default_corpus {
        Input::Default(resolex_core::default_corpus::load().docs)
    } else {
        let files = super::files(&args.paths)?;
        let plan = super::stream::settle(&files, duplicates)?;
        Input::Files(files, plan)
    };
    let text = match &input {
        Input::Default(docs) => docs.iter().map(Document::text_len).sum(),
        Input::Files(_, plan) => plan.text_len(),
    };
    let sizes = Sizes::default().for_text(text);
    let mut writer = match &partial {
        Some(dir) => bundle::Writer::apart(sizes, dir),
        None => bundle::Writer::new(sizes),
    };
    let (mut versions, mut paragraphs) = (0, 0);
    let mut add = |d: Document| {
        versions += 1;
        paragraphs += d.paragraphs.len();
        writer.add(&d).map_err(|e| e.to_string())
    };
    let files = match input {
        Input::Default(docs) => {
            let step = super::progress::Step::start(&format!("indexing {} documents", docs.len()), 0, false);
            docs.into_iter().try_for_each(&mut add)?;
            step.finish();
            resolex_core::default_corpus::FILES.len()
        }
        Input::Files(files, plan) => {
            let step = super::progress::Step::start(&format!("indexing {} documents", plan.len()), 0, false);
            super::stream::documents(&files, &plan, &mut add)?;
            step.finish();
            files.len()
        }
    };
    let written = writer.finish().map_err(|e| e.to_string())?;
    let (bytes, parts) = match (&apart, &partial) {
        (Some(dir), Some(partial)) => {
            let (n, packs) = (written.head.parts.len(), written.head.packs.len());
            (
                publish_apart(&written, partial, &args.output)?,
                format!(" and {n} parts in {packs} files in {}", dir.display()),
            )
        }
        _ => (write_file(&args.output, &written.inline())?, String::new()),
    };
    out!(
        "read {} files: {} document versions, {paragraphs} paragraphs; wrote {}{parts} ({bytes} bytes)",
        files,
        versions,
        args.output.display(),
    );
    Ok(Outcome::Found)
}

/// `--compact`: the documents alone, stored by language, so the corpus is read whole first
/// (a small corpus: the layout is for those).
fn compact(args: &Args, duplicates: Duplicates) -> Result<Outcome, String> {
    let (files, corpus) = if args.default_corpus {
        (resolex_core::default_corpus::FILES.len(), resolex_core::default_corpus::load())
    } else {
        let files = super::files(&args.paths)?;
        let corpus = super::ingest(&files, duplicates, true)?;
        (files.len(), corpus)
    };
    let paragraphs: usize = corpus.docs.iter().map(|d| d.paragraphs.len()).sum();
    let compact = bundle::write_compact(&corpus).map_err(|e| e.to_string())?;
    let bytes = write_file(&args.output, &compact)?;
    out!(
        "read {files} files: {} document versions, {paragraphs} paragraphs; wrote {} in the compact layout, indexed when opened ({bytes} bytes)",
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

/// `dir`, made empty.
fn fresh(dir: &Path) -> Result<PathBuf, String> {
    let fail = |e: std::io::Error| format!("{}: {e}", dir.display());
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(fail)?;
    }
    std::fs::create_dir_all(dir).map_err(fail)?;
    Ok(dir.to_owned())
}

/// The parts written into `parts` take the place of the directory beside `head_path` (an old
/// one is replaced only once the new one is whole), then the head, which names them.
fn publish_apart(written: &Written, parts: &Path, head_path: &Path) -> Result<usize, String> {
    let dir = bundle::parts_dir(head_path);
    let fail = |p: &Path, e: std::io::Error| format!("{}: {e}", p.display());
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| fail(&dir, e))?;
    }
    std::fs::rename(parts, &dir).map_err(|e| fail(&dir, e))?;
    Ok(write_file(head_path, &written.apart().0)? + written.parts_len())
}
