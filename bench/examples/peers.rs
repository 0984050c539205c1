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
use std::hint::black_box;
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
    let resolex = Resolex::build(&corpus, builds);
    let tantivy = TantivySide::build(&corpus, builds);
    let times: Vec<Times> = set.queries.iter().map(|q| timed(q, &resolex, &tantivy)).collect();
    let oracle: HashMap<String, Vec<String>> = read_json(&out.join("oracle.json"));
    let report = json!({
        "paragraphs": texts(&corpus).len(),
        "resolex": resolex.report(&set.queries, &times),
        "tantivy": tantivy.report(&set.queries, &times, &oracle),
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

/// One query's four timings, each the median of `RUNS`: Resolex's best 10 in full as the
/// explorer gets them (the matches once, then the hits with their text, snippet and the
/// highlights in it, then the facets), rank only (every match in order), the count with the best
/// 10 (what tantivy's line measures), and tantivy's count and top 10.
struct Times {
    full: f64,
    rank: f64,
    top: f64,
    tantivy: f64,
}

/// Times one query's four lines run by run in turn, the order turning each run, so that a slow
/// spell of the machine falls on all four alike rather than on whichever ran in it (timing one
/// engine over every query, then the other, made the ratios swing from run to run).
fn timed(q: &Query, resolex: &Resolex, tantivy: &TantivySide) -> Times {
    let text = resolex_syntax(q);
    let parsed = tantivy.engine.parse(&q.class, &q.text);
    let bundle = &resolex.bundle;
    let mut lines: [Box<dyn FnMut()>; 4] = [
        Box::new(|| drop(black_box(resolex_bench::as_the_explorer(bundle, &text, 10)))),
        Box::new(|| drop(black_box(resolex_core::search::rank(bundle, &text)))),
        Box::new(|| drop(black_box(resolex_core::search::top(bundle, &text, 10)))),
        Box::new(|| _ = black_box(tantivy.engine.top(parsed.as_ref()))),
    ];
    let mut times: [Vec<f64>; 4] = Default::default();
    for run in 0..RUNS {
        for i in 0..lines.len() {
            let line = (run + i) % lines.len();
            times[line].extend(time_us(1, &mut lines[line]));
        }
    }
    let [full, rank, top, tantivy] = times.map(|t| median(&t));
    Times { full, rank, top, tantivy }
}

/// Resolex's side: the bundle written from the corpus, and how long writing took.
struct Resolex {
    bundle: Bundle,
    build: Vec<f64>,
    bundle_bytes: usize,
}

impl Resolex {
    /// Index and write the bundle `builds` times.
    fn build(corpus: &Corpus, builds: usize) -> Resolex {
        let mut bytes = Vec::new();
        let build = time_us(builds, || bytes = bundle::write(corpus).expect("write the bundle"));
        let bundle_bytes = bytes.len();
        Resolex { bundle: Bundle::from_vec(bytes).expect("load the bundle"), build, bundle_bytes }
    }

    fn report(&self, queries: &[Query], times: &[Times]) -> serde_json::Value {
        let per_query: Vec<_> = queries
            .iter()
            .zip(times)
            .map(|(q, t)| {
                json!({
                    "query": q.text, "class": q.class,
                    "full_us": t.full, "rank_us": t.rank, "top_us": t.top,
                })
            })
            .collect();
        json!({
            "build_s": median(&self.build) / 1e6,
            "bundle_bytes": self.bundle_bytes,
            "index_bytes": resolex_bench::index_bytes(&self.bundle),
            "queries": per_query,
        })
    }
}

/// tantivy's side: the same paragraphs indexed, and each paragraph's key as the oracle names it.
struct TantivySide {
    engine: Tantivy,
    build: Vec<f64>,
    keys: Vec<String>,
}

impl TantivySide {
    /// Build `builds` times.
    fn build(corpus: &Corpus, builds: usize) -> TantivySide {
        let texts = texts(corpus);
        let keys = corpus
            .docs
            .iter()
            .flat_map(|d| d.paragraphs.iter().map(move |p| format!("{}|{}|{}", d.doc.0, d.lang.0, p.id)))
            .collect();
        let mut engine = None;
        let build = time_us(builds, || engine = Some(Tantivy::build(&texts)));
        TantivySide { engine: engine.expect("built"), build, keys }
    }

    /// The timings, and the recall and precision of all of each query's matches against the
    /// oracle.
    fn report(&self, queries: &[Query], times: &[Times], oracle: &HashMap<String, Vec<String>>) -> serde_json::Value {
        let per_query: Vec<_> = queries
            .iter()
            .zip(times)
            .map(|(q, t)| {
                let parsed = self.engine.parse(&q.class, &q.text);
                let found: Vec<&str> =
                    self.engine.all(parsed.as_ref()).into_iter().map(|i| self.keys[i].as_str()).collect();
                let relevant: HashSet<&str> = oracle.get(&q.text).into_iter().flatten().map(String::as_str).collect();
                let hit = found.iter().filter(|k| relevant.contains(*k)).count();
                json!({
                    "query": q.text, "class": q.class, "us": t.tantivy,
                    "paragraphs": { "found": found.len(), "relevant": relevant.len(), "hit": hit },
                })
            })
            .collect();
        json!({ "build_s": median(&self.build) / 1e6, "index_bytes": self.engine.size(), "queries": per_query })
    }
}
