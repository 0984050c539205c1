//! `resolex refs`: the reference graph, each instrument with who cites it.

use super::Outcome;
use super::output::json as print_json;
use resolex_core::Corpus;

#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    json: bool,
}

pub fn run(corpus: &Corpus, args: &Args) -> Result<Outcome, String> {
    let graph = corpus.graph();
    if args.json {
        return print_json(&graph);
    }
    for edge in &graph {
        let mark = if edge.in_corpus { "●" } else { "○" };
        out!("{mark} {:<24} {:<18} cited {} times", edge.target, edge.kind, edge.cited_by.len());
        for c in &edge.cited_by {
            out!("    {} ({}) {}", c.doc, c.lang, c.para.as_ref().map_or("(document)".to_owned(), ToString::to_string));
        }
    }
    Ok(Outcome::Found)
}
