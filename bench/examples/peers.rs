//! The native half of the side-by-side comparison (`bench/peers/run.sh`): Resolex's core and
//! tantivy on the same paragraphs and the same query set (`bench/peers/queries.json`): index
//! build time, index bytes, per-query latency, and tantivy's recall and precision against the
//! scan oracle that `bench/peers/prepare.mjs` wrote. Writes `target/peers/CORPUS/native.json`.
//!
//! Run: `cargo run --release -p resolex-bench --example peers -- default|sessions`

use resolex_bench::peers::Tantivy;
use resolex_bench::{default_corpus, median, texts, time_us};
use resolex_core::Corpus;
use resolex_core::bundle::{self, Bundle};
use serde::Deserialize;
use serde_json::json;
use std::collections::{HashMap, HashSet};
use std::path::Path;

#[derive(Deserialize)]
struct Query {
    class: String,
    text: String,
}

#[derive(Deserialize)]
struct QuerySet {
    queries: Vec<Query>,
}

const RUNS: usize = 21;

fn main() {
    let name = std::env::args().nth(1).unwrap_or_else(|| "default".into());
    let root = resolex_tests::workspace_root();
    let out = root.join("target/peers").join(&name);
    let set: QuerySet = read_json(&root.join("bench/peers/queries.json"));
    let corpus = match name.as_str() {
        "default" => default_corpus(),
        // The bundle the browser half loads (made by `resolex build --skip-duplicates`), so that
        // both halves read the very same paragraphs.
        "sessions" => {
            let bundle = Bundle::open(&root.join("target/peers/sessions.rlx"));
            bundle.and_then(|b| b.corpus()).expect("target/peers/sessions.rlx and its parts (run.sh builds them)")
        }
        other => panic!("unknown corpus {other}: default or sessions"),
    };
    let builds = if name == "default" { 9 } else { 1 };
    let report = json!({
        "paragraphs": texts(&corpus).len(),
        "resolex": resolex(&corpus, &set.queries, builds),
        "tantivy": tantivy(&corpus, &set.queries, builds, &read_json(&out.join("oracle.json"))),
    });
    std::fs::write(out.join("native.json"), serde_json::to_string_pretty(&report).expect("json")).expect("write");
    println!("{name}: native measured");
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The query as Resolex's syntax writes it, as the browser's adapter does
/// (`bench/peers/pages/resolex.js`): phrases quoted, a misspelt word as typed (Resolex corrects
/// a word that matches nothing by itself; `~` would force the wider match).
fn resolex_syntax(q: &Query) -> String {
    match q.class.as_str() {
        "phrase" => format!("\"{}\"", q.text),
        _ => q.text.clone(),
    }
}

/// Build (index and write the bundle) `builds` times; then every query `RUNS` times, with its
/// best 10 hits in full as the explorer gets them (the same calls: the matches once, then the
/// hits with their text, snippet and the highlights in it, then the facets), rank only (every
/// match in order), and the count with the best 10 (what tantivy's line measures).
fn resolex(corpus: &Corpus, queries: &[Query], builds: usize) -> serde_json::Value {
    let mut bytes = Vec::new();
    let build = time_us(builds, || bytes = bundle::write(corpus).expect("write the bundle"));
    let bundle_bytes = bytes.len();
    let bundle = Bundle::from_vec(bytes).expect("load the bundle");
    let per_query: Vec<_> = queries
        .iter()
        .map(|q| {
            let text = resolex_syntax(q);
            let full = time_us(RUNS, || drop(std::hint::black_box(resolex_bench::as_the_explorer(&bundle, &text, 10))));
            let rank = time_us(RUNS, || drop(std::hint::black_box(resolex_core::search::rank(&bundle, &text))));
            let top = time_us(RUNS, || drop(std::hint::black_box(resolex_core::search::top(&bundle, &text, 10))));
            json!({
                "query": q.text, "class": q.class,
                "full_us": median(&full), "rank_us": median(&rank), "top_us": median(&top),
            })
        })
        .collect();
    json!({
        "build_s": median(&build) / 1e6,
        "bundle_bytes": bundle_bytes,
        "index_bytes": resolex_bench::index_bytes(&bundle),
        "queries": per_query,
    })
}

/// Build `builds` times; every query `RUNS` times (count and top 10); recall and precision of
/// all its matches against the oracle.
fn tantivy(
    corpus: &Corpus,
    queries: &[Query],
    builds: usize,
    oracle: &HashMap<String, Vec<String>>,
) -> serde_json::Value {
    let texts = texts(corpus);
    let keys: Vec<String> = corpus
        .docs
        .iter()
        .flat_map(|d| d.paragraphs.iter().map(move |p| format!("{}|{}|{}", d.doc.0, d.lang.0, p.id)))
        .collect();
    let mut engine = None;
    let build = time_us(builds, || engine = Some(Tantivy::build(&texts)));
    let engine = engine.expect("built");
    let per_query: Vec<_> = queries
        .iter()
        .map(|q| {
            let parsed = engine.parse(&q.class, &q.text);
            let times = time_us(RUNS, || {
                std::hint::black_box(engine.top(parsed.as_ref()));
            });
            let found: Vec<&str> = engine.all(parsed.as_ref()).into_iter().map(|i| keys[i].as_str()).collect();
            let relevant: HashSet<&str> = oracle.get(&q.text).into_iter().flatten().map(String::as_str).collect();
            let hit = found.iter().filter(|k| relevant.contains(*k)).count();
            json!({
                "query": q.text, "class": q.class, "us": median(&times),
                "paragraphs": { "found": found.len(), "relevant": relevant.len(), "hit": hit },
            })
        })
        .collect();
    json!({ "build_s": median(&build) / 1e6, "index_bytes": engine.size(), "queries": per_query })
}
