//! Times, for queries given after a bundle file (default queries when none are given), `N` runs
//! each: `rank` (every match, in order), `top` (the count and the best 10), what the explorer computes (the matches, the best 10
//! hits as snippets, the facets), and of that the hits and the facets alone. `ONLY=rank`, `ONLY=top`,
//! `ONLY=explorer`, `ONLY=hits` or `ONLY=facets` times only those, for a profiler.
use resolex_core::search::{facets_of, hits_of, matches, rank, top};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a bundle file");
    let b = resolex_core::bundle::Bundle::from_vec(std::fs::read(path).unwrap()).unwrap();
    let given: Vec<String> = std::env::args().skip(2).collect();
    let defaults = ["INTERPOL", "INTERPOL ", "cooperation ", "cites:71/19", "国际刑警"];
    let queries: Vec<&str> =
        if given.is_empty() { defaults.to_vec() } else { given.iter().map(String::as_str).collect() };
    let n: u32 = std::env::var("N").ok().and_then(|n| n.parse().ok()).unwrap_or(500);
    let only = std::env::var("ONLY").unwrap_or_default();
    // Microseconds a run of `f`, if `what` is to be timed.
    let time = |what: &str, mut f: Box<dyn FnMut() + '_>| -> Option<f64> {
        if !only.is_empty() && only != what {
            return None;
        }
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        Some(t.elapsed().as_secs_f64() * 1e6 / f64::from(n))
    };
    let shown = |us: Option<f64>| us.map_or("-".to_owned(), |us| format!("{us:.0} µs"));
    for q in queries {
        let ranked = time("rank", Box::new(|| drop(std::hint::black_box(rank(&b, q)))));
        let top10 = time("top", Box::new(|| drop(std::hint::black_box(top(&b, q, 10)))));
        let explorer =
            time("explorer", Box::new(|| drop(std::hint::black_box(resolex_bench::as_the_explorer(&b, q, 10)))));
        let found = matches(&b, q);
        let hits = time("hits", Box::new(|| drop(std::hint::black_box(hits_of(&b, q, &found, 10)))));
        let facets = time("facets", Box::new(|| drop(std::hint::black_box(facets_of(&b, &found)))));
        println!(
            "{q:?}: rank {}, top 10 {}, as the explorer (best 10, facets) {}: hits {}, facets {} ({} matches)",
            shown(ranked),
            shown(top10),
            shown(explorer),
            shown(hits),
            shown(facets),
            found.scored.len()
        );
    }
}
