//! `resolex series DOC`: the resolutions of a series, earliest first — the earlier ones the
//! document recalls under the same title — with their dates and languages.

use super::Outcome;
use resolex_core::corpus::parse_ref;
use resolex_core::{Corpus, series};
use serde_json::json;

#[derive(clap::Args)]
pub struct Args {
    /// A resolution (`A/RES/79/136`).
    reference: String,
    #[arg(long)]
    json: bool,
}

pub fn run(corpus: &Corpus, args: &Args) -> Result<Outcome, String> {
    let (id, _) = parse_ref(&args.reference).map_err(|e| e.to_string())?;
    let id = corpus.resolve(id);
    let found = series::series(corpus.docs.as_slice(), &id);
    if found.is_empty() {
        return Ok(Outcome::NotFound(format!("no document {id} in the corpus")));
    }
    let rows: Vec<_> = found
        .iter()
        .map(|d| {
            let versions: Vec<_> = corpus.versions(d).collect();
            let first = versions.first().map(|v| &v.meta);
            json!({
                "doc": d,
                "date": first.and_then(|m| m.date.clone()),
                "title": corpus.find(d, Some("en")).or(versions.first().copied()).and_then(|v| v.meta.title.clone()),
                "langs": versions.iter().map(|v| v.lang.0.clone()).collect::<Vec<_>>(),
            })
        })
        .collect();
    if args.json {
        return super::output::json(&rows);
    }
    for r in &rows {
        let langs: Vec<&str> = r["langs"].as_array().into_iter().flatten().filter_map(|l| l.as_str()).collect();
        out!(
            "{:<16} {:<10} {:<18} {}",
            r["doc"].as_str().unwrap_or(""),
            r["date"].as_str().unwrap_or("-"),
            langs.join(","),
            r["title"].as_str().unwrap_or("")
        );
    }
    Ok(Outcome::Found)
}
