//! `resolex docs`: the documents with their counts by kind.

use super::Outcome;
use super::output::json as print_json;
use resolex_core::Corpus;
use serde_json::json;

#[derive(clap::Args, Default)]
pub struct Args {
    /// Print JSON (SPEC §5) instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn run(corpus: &Corpus, args: &Args) -> Result<Outcome, String> {
    if args.json {
        let rows: Vec<_> = corpus
            .docs
            .iter()
            .map(|d| {
                let counts: serde_json::Map<String, serde_json::Value> =
                    d.counts().into_iter().map(|(k, n)| (k.name().to_owned(), n.into())).collect();
                json!({
                    "doc": d.doc, "lang": d.lang, "title": d.meta.title, "date": d.meta.date, "kind": d.kind,
                    "source": d.source, "paragraphs": d.paragraphs.len(), "counts": counts,
                })
            })
            .collect();
        return print_json(&rows);
    }
    for d in &corpus.docs {
        let counts: Vec<String> = d.counts().into_iter().map(|(k, n)| format!("{n} {k}")).collect();
        out!(
            "{:<28} {:<3} {:<10} {}",
            d.doc,
            d.lang,
            d.meta.date.as_deref().unwrap_or("-"),
            d.meta.title.as_deref().unwrap_or("")
        );
        out!("{:<28}     {}", "", counts.join(", "));
    }
    Ok(Outcome::Found)
}
