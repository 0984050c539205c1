//! Times the parts of one search on the default corpus.
use std::time::Instant;
fn main() {
    let corpus = resolex_bench::default_corpus();
    let texts = resolex_bench::texts(&corpus);
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..10 {
        for x in &texts {
            n += resolex_core::analyze::tokens(x).len();
        }
    }
    let el = t.elapsed().as_secs_f64() / 10.0;
    println!("tokens: {n} in {:.1} ms for {bytes} bytes: {:.2} µs/token", el * 1e3, el * 1e6 / (n as f64 / 10.0));
    let b = resolex_core::bundle::Bundle::from_vec(resolex_core::bundle::write(&corpus).unwrap()).unwrap();
    for q in ["INTERPOL", "cooperation", "国际刑警"] {
        let t = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(resolex_core::search::rank(&b, q));
        }
        let r = t.elapsed().as_secs_f64() * 1e4;
        let t = Instant::now();
        for _ in 0..100 {
            std::hint::black_box(resolex_core::search::search(&b, q, 10));
        }
        let s = t.elapsed().as_secs_f64() * 1e4;
        println!("{q}: rank {r:.0} µs, search {s:.0} µs");
    }
}
