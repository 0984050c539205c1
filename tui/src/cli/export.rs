//! `resolex export --format json|akn|markdown [REF]`: documents in an exchange format.

use super::Outcome;
use resolex_core::corpus::parse_ref;
use resolex_core::{Corpus, Document, export};

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Json,
    Akn,
    Markdown,
}

#[derive(clap::Args)]
pub struct Args {
    #[arg(long, value_enum)]
    format: Format,
    /// One document (all of its languages unless --lang); every document when omitted.
    reference: Option<String>,
    #[arg(long)]
    lang: Option<String>,
}

pub fn run(corpus: &Corpus, args: &Args) -> Result<Outcome, String> {
    let docs: Vec<&Document> = match &args.reference {
        Some(r) => {
            let id = corpus.resolve(parse_ref(r).map_err(|e| e.to_string())?.0);
            corpus.versions(&id).filter(|d| args.lang.as_deref().is_none_or(|l| d.lang.as_str() == l)).collect()
        }
        None => corpus.docs.iter().filter(|d| args.lang.as_deref().is_none_or(|l| d.lang.as_str() == l)).collect(),
    };
    if docs.is_empty() {
        return Ok(Outcome::NotFound("no such document in the corpus".into()));
    }
    match args.format {
        Format::Json => {
            let all: Vec<_> = docs.iter().map(|d| export::to_json(d)).collect();
            return super::output::json(&all);
        }
        Format::Akn => write_all(docs.iter().map(|d| export::to_akn(d)))?,
        Format::Markdown => write_all(docs.iter().map(|d| export::to_markdown(d)))?,
    }
    Ok(Outcome::Found)
}

/// Writes `texts` to stdout one after the other (each ends with its own newline), made inert:
/// a control character in a document shows as its visible symbol in Markdown and XML.
fn write_all(texts: impl Iterator<Item = String>) -> Result<(), String> {
    for text in texts {
        if let Err(e) = super::output::text(&text) {
            return super::output::closed(&e).map(|_| ());
        }
    }
    Ok(())
}
