//! `resolex search QUERY`: hits, best first (SPEC §4, §5).

use super::Outcome;
use super::output::json as print_json;
use resolex_core::bundle::Bundle;
use resolex_core::search;

#[derive(clap::Args)]
pub struct Args {
    /// The query, in the language of SPEC §4: words, "phrases", -exclusions, prefix*, typo~,
    /// a OR b, and filters such as lang:fr or cites:71/19.
    #[arg(required = true, num_args = 1..)]
    query: Vec<String>,
    /// How many hits to print.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

pub fn run(bundle: &Bundle, args: &Args) -> Result<Outcome, String> {
    // A query typed on the command line is complete: no as-you-type prefix on its last word.
    let input = format!("{} ", args.query.join(" "));
    let mut results = search::checked(bundle, &input, args.limit).map_err(|e| e.to_string())?;
    input.trim_end().clone_into(&mut results.query);
    for note in &results.notes {
        super::output::warn(&format!("note: {note}"));
    }
    if args.json {
        print_json(&results)?;
    } else {
        for h in &results.hits {
            out!("{}  [{}]  {:.2}", h.cite, h.lang, h.score);
            out!("    {}", emphasise(h));
        }
        out!("{} of {} hits", results.hits.len(), results.total);
    }
    Ok(if results.total == 0 { Outcome::NotFound(format!("no hits for {:?}", results.query)) } else { Outcome::Found })
}

/// The snippet with its matches in `[brackets]`.
fn emphasise(h: &search::Hit) -> String {
    let (before, after) = h.snippet_cut();
    let mut out = String::from(if before { "…" } else { "" });
    for (piece, mark) in h.snippet_pieces() {
        if mark {
            out.extend(["[", piece, "]"]);
        } else {
            out.push_str(piece);
        }
    }
    if after {
        out.push('…');
    }
    out
}
