//! `resolex lexicon [PREFIX]`: the terms of the lexicon with their document frequency.

use super::Outcome;
use super::output::json as print_json;
use resolex_core::bundle::Bundle;
use serde_json::json;

#[derive(clap::Args)]
pub struct Args {
    /// Only terms that start with this (normalized like the text).
    prefix: Option<String>,
    /// At most this many terms, most frequent first (0: all, in lexicon order).
    #[arg(long, default_value_t = 0)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

pub fn run(bundle: &Bundle, args: &Args) -> Result<Outcome, String> {
    let mut terms = bundle.lexicon(args.prefix.as_deref().unwrap_or(""));
    bundle.settle().map_err(|e| e.to_string())?;
    if args.limit > 0 {
        terms.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        terms.truncate(args.limit);
    }
    if args.json {
        let rows: Vec<_> = terms.iter().map(|(t, df)| json!({"term": t, "df": df})).collect();
        print_json(&rows)?;
    } else {
        for (t, df) in &terms {
            out!("{df:>7}  {t}");
        }
    }
    Ok(if terms.is_empty() { Outcome::NotFound("no such terms".into()) } else { Outcome::Found })
}
