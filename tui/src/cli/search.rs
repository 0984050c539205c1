//! `resolex search QUERY`: hits, best first (SPEC §4, §5).

use super::{Outcome, print_json};
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
    let mut results = search::search(bundle, &input, args.limit);
    input.trim_end().clone_into(&mut results.query);
    for note in &results.notes {
        eprintln!("resolex: note: {note}");
    }
    if args.json {
        print_json(&results)?;
    } else {
        for h in &results.hits {
            out!("{}  [{}]  {:.2}", h.cite, h.lang, h.score);
            out!("    {}", super::inert(&emphasise(&h.text, h.snippet_span, &h.highlights)));
        }
        out!("{} of {} hits", results.hits.len(), results.total);
    }
    Ok(if results.total == 0 { Outcome::NotFound(format!("no hits for {:?}", results.query)) } else { Outcome::Found })
}

/// The snippet with its matches in `[brackets]`.
fn emphasise(text: &str, span: [usize; 2], highlights: &[[usize; 2]]) -> String {
    let mut out = String::new();
    let mut at = span[0];
    if at > 0 {
        out.push('…');
    }
    for h in highlights.iter().filter(|h| h[0] >= span[0] && h[1] <= span[1]) {
        out.push_str(&text[at..h[0]]);
        out.push('[');
        out.push_str(&text[h[0]..h[1]]);
        out.push(']');
        at = h[1];
    }
    out.push_str(&text[at..span[1]]);
    if span[1] < text.len() {
        out.push('…');
    }
    out
}
