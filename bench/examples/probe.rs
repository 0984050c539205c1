//! Times `rank` (every match, in order) and `search` (best 10 in full) for queries given after
//! a bundle file (`N` runs each; default queries when none are given; `ONLY=rank` times `rank`
//! alone, for a profiler).
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
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(resolex_core::search::rank(&b, q));
        }
        let rank = per_run(t);
        if std::env::var("ONLY").is_ok_and(|o| o == "rank") {
            println!("{q:?}: rank {rank:.0} µs");
            continue;
        }
        let t = Instant::now();
        for _ in 0..n {
            std::hint::black_box(resolex_core::search::search(&b, q, 10));
        }
        println!("{q:?}: rank {rank:.0} µs, search (best 10) {:.0} µs", per_run(t));
    }
}
