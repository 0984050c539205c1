//! Times `rank` for a few queries on a bundle file given as the argument (or the default).
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("a bundle file");
    let b = resolex_core::bundle::Bundle::from_vec(std::fs::read(path).unwrap()).unwrap();
    for q in ["INTERPOL", "INTERPOL ", "cooperation ", "cites:71/19", "国际刑警"] {
        let t = Instant::now();
        for _ in 0..500 {
            std::hint::black_box(resolex_core::search::rank(&b, q));
        }
        println!("{q:?}: rank {:.0} µs", t.elapsed().as_secs_f64() * 1e6 / 500.0);
    }
}
