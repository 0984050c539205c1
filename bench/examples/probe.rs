//! Times `rank` (every match, in order) and what the explorer computes (the matches, the best
//! 10 hits as snippets, the facets) for queries given after
//! a bundle file (`N` runs each; default queries when none are given; `ONLY=rank`,
//! `ONLY=explorer` or `ONLY=hits` times little more than that one, for a profiler).
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a bundle file");
    let b = resolex_core::bundle::Bundle::from_vec(std::fs::read(path).unwrap()).unwrap();
    let given: Vec<String> = std::env::args().skip(2).collect();
    let defaults = ["INTERPOL", "INTERPOL ", "cooperation ", "cites:71/19", "国际刑警"];
    let queries: Vec<&str> =
        if given.is_empty() { defaults.to_vec() } else { given.iter().map(String::as_str).collect() };
    let n: u32 = std::env::var("N").ok().and_then(|n| n.parse().ok()).unwrap_or(500);
    let per_run = |t: Instant| t.elapsed().as_secs_f64() * 1e6 / f64::from(n);
    for q in queries {
        let only = std::env::var("ONLY").unwrap_or_default();
        let t = Instant::now();
        for _ in 0..if only == "explorer" || only == "hits" { 0 } else { n } {
            std::hint::black_box(resolex_core::search::rank(&b, q));
        }
        let rank = per_run(t);
        if only == "rank" {
            println!("{q:?}: rank {rank:.0} µs");
            continue;
        }
        let t = Instant::now();
        for _ in 0..if only == "hits" { 0 } else { n } {
            let found = resolex_core::search::matches(&b, q);
            std::hint::black_box(resolex_core::search::hits_of(&b, q, &found, 10));
            std::hint::black_box(resolex_core::search::facets_of(&b, &found));
        }
        let explorer = per_run(t);
        let found = resolex_core::search::matches(&b, q);
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(resolex_core::search::hits_of(&b, q, &found, 10));
        }
        let hits = per_run(t);
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(resolex_core::search::facets_of(&b, &found));
        }
        let facets = per_run(t);
        println!(
            "{q:?}: rank {rank:.0} µs, as the explorer (best 10, facets) {explorer:.0} µs: hits {hits:.0}, facets {facets:.0} ({} matches)",
            found.scored.len()
        );
    }
}
