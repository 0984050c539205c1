//! What each query of `bench/peers/queries.json` fetches from a bundle built `--apart` up to its
//! first results (the best LIMIT hits with their text, no facets: what the widget shows, and what
//! the explorer shows first), as the page would: the head, then rounds of parts, by kind (stored
//! bytes, what a static host sends; the parts are deflated already).
//!
//! `cargo run --release -p resolex-bench --example lazy -- HEAD.rlx [LIMIT]`; with
//! `SIZES=page,block,shard` (KB) the bundle is first written again with those part sizes (into
//! `target/lazy/`), to weigh bytes per query against the number of files.

use resolex_core::bundle::{Bundle, Pending};
use std::collections::BTreeMap;
use std::path::Path;

fn main() {
    let mut head = std::env::args().nth(1).expect("usage: lazy HEAD.rlx [LIMIT]");
    let limit: usize = std::env::args().nth(2).and_then(|l| l.parse().ok()).unwrap_or(10);
    if let Ok(sizes) = std::env::var("SIZES") {
        head = rewrite(&head, &sizes);
    }
    let dir = resolex_core::bundle::parts_dir(Path::new(&head));
    let head_bytes = std::fs::read(&head).expect("the head reads");
    let set: serde_json::Value = serde_json::from_slice(
        &std::fs::read(resolex_tests::workspace_root().join("bench/peers/queries.json")).unwrap(),
    )
    .unwrap();
    let mut opens: Vec<f64> = (0..21)
        .map(|_| {
            let start = std::time::Instant::now();
            Bundle::open(Path::new(&head)).expect("the bundle opens");
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    opens.sort_by(f64::total_cmp);
    println!("head: {} bytes; Bundle::open median {:.2} ms (21 runs)", head_bytes.len(), opens[10]);
    println!("{:<34} {:>6} {:>8}  by kind (KB)", "query", "rounds", "KB");
    let mut totals = Vec::new();
    for q in set["queries"].as_array().unwrap() {
        let text = q["text"].as_str().unwrap();
        let query = match q["class"].as_str() {
            Some("phrase") => format!("\"{text}\""),
            Some("typo") => format!("{text}~"),
            _ => text.to_owned(),
        };
        let bundle = Bundle::from_vec(head_bytes.clone()).expect("the head loads");
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        let mut rounds = 0;
        loop {
            let results = resolex_core::search::hits(&bundle, &query, limit);
            for h in &results.hits {
                let _ = bundle.doc_of(h.ord).and_then(|d| bundle.title(d));
            }
            match bundle.settle() {
                Ok(()) => break,
                Err(Pending::Fault(e)) => panic!("{e}"),
                Err(Pending::Missing(parts)) => {
                    rounds += 1;
                    for i in parts {
                        let entry = bundle.parts()[i];
                        let bytes = std::fs::read(dir.join(entry.file_name(i))).unwrap();
                        bundle.supply(i, &bytes).unwrap();
                        *by.entry(entry.kind.name()).or_default() += bytes.len();
                    }
                }
            }
        }
        let total: usize = by.values().sum();
        totals.push(total);
        let kinds: Vec<String> = by.iter().map(|(k, n)| format!("{k} {}", n / 1024)).collect();
        println!("{:<34} {rounds:>6} {:>8}  {}", query, total / 1024, kinds.join(", "));
    }
    totals.sort_unstable();
    println!(
        "parts per query, median {} KB, max {} KB",
        totals[totals.len() / 2] / 1024,
        totals[totals.len() - 1] / 1024
    );
}

/// The bundle at `head` written again with part sizes `page,block,shard` (KB); its new head.
fn rewrite(head: &str, sizes: &str) -> String {
    let kb: Vec<usize> =
        sizes.split(',').map(|n| n.trim().parse::<usize>().expect("SIZES=page,block,shard") << 10).collect();
    let sizes = resolex_core::bundle::Sizes { page: kb[0], block: kb[1], shard: kb[2], ..Default::default() };
    let corpus = Bundle::open(Path::new(head)).and_then(|b| b.corpus()).expect("the bundle reads");
    let written = resolex_core::bundle::write_parts(&corpus, sizes).expect("the bundle writes");
    let out = resolex_tests::target_dir().join("lazy/bundle.rlx");
    let dir = resolex_core::bundle::parts_dir(&out);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (head_bytes, parts) = written.apart();
    for (name, bytes) in parts {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    std::fs::write(&out, head_bytes).unwrap();
    println!("{sizes:?}: {} files", written.parts.len() + 1);
    out.to_string_lossy().into_owned()
}
