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
            let (id, _) = parse_ref(r).map_err(|e| e.to_string())?;
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
            println!("{}", serde_json::to_string_pretty(&all).map_err(|e| e.to_string())?);
        }
        Format::Akn => docs.iter().for_each(|d| print!("{}", export::to_akn(d))),
        Format::Markdown => docs.iter().for_each(|d| print!("{}", export::to_markdown(d))),
    }
    Ok(Outcome::Found)
}
