//! Native timing of the web explorer's per-keystroke workload: every prefix of every query of
//! the fixed set: its matches, its 20 hits as snippets (what the page's search time measures)
//! and its facets — the same calls the explorer makes in wasm. `HITS=1` leaves the facets out;
//! `BUNDLE=file` times that bundle instead of the default corpus (sessions 79–80, say, as
//! `www/bench/sessions.mjs` types into the page).
//! Run: cargo run --release -p resolex-bench --example keystrokes

use resolex_bench::{QUERIES, time_us};
use resolex_tests::measure::percentile;

fn main() {
    let bundle = match std::env::var_os("BUNDLE") {
        Some(path) => {
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let bundle =
                resolex_core::bundle::Bundle::from_vec(bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            &*Box::leak(Box::new(bundle))
        }
        None => resolex_tests::default_bundle(),
    };
    // `PROFILE=query`: search it in a loop, for a profiler.
    if let Ok(q) = std::env::var("PROFILE") {
        for _ in 0..2000 {
            keystroke(bundle, &q);
        }
        return;
    }
    for q in ["i", "in", "coperation~", "ال", "الإنتر", "cybercrime OR terr", "c", "co"] {
        split(bundle, q);
    }
    let mut all = Vec::new();
    let mut worst: Vec<(f64, String)> = Vec::new();
    for q in QUERIES {
        let chars: Vec<char> = q.chars().collect();
        for n in 1..=chars.len() {
            let typed: String = chars[..n].iter().collect();
            let t = time_us(5, || keystroke(bundle, &typed));
            let m = resolex_tests::measure::median(&t);
            all.push(m);
            worst.push((m, typed));
        }
    }
    worst.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!(
        "keystrokes {}: median {:.0} µs, p95 {:.0} µs",
        all.len(),
        resolex_tests::measure::median(&all),
        percentile(&all, 95.0)
    );
    let shown = std::env::var("WORST").ok().and_then(|n| n.parse().ok()).unwrap_or(12);
    for (t, q) in worst.iter().take(shown) {
        println!("{t:>8.0} µs  {q}  ({})", parts(bundle, q));
    }
}

/// What the explorer computes for one keystroke: the matches once, its hits, then its facets.
fn keystroke(bundle: &resolex_core::bundle::Bundle, q: &str) {
    use resolex_core::search::{facets_of, hits_of, matches};
    let found = matches(bundle, q);
    std::hint::black_box(hits_of(bundle, q, &found, 20));
    if std::env::var_os("HITS").is_none() {
        std::hint::black_box(facets_of(bundle, &found));
    }
}

/// Where a keystroke's time goes: its matches, its hits, its facets (medians of 5 runs).
fn parts(bundle: &resolex_core::bundle::Bundle, q: &str) -> String {
    use resolex_core::search::{facets_of, hits_of, matches};
    let median = |f: &mut dyn FnMut()| resolex_tests::measure::median(&time_us(5, f));
    let found = matches(bundle, q);
    let m = median(&mut || drop(std::hint::black_box(matches(bundle, q))));
    let h = median(&mut || drop(std::hint::black_box(hits_of(bundle, q, &found, 20))));
    let f = median(&mut || drop(std::hint::black_box(facets_of(bundle, &found))));
    format!("matches {m:.0}, hits {h:.0}, facets {f:.0} µs; {} matches", found.scored.len())
}

/// Where the time of one query goes: ranking alone, and with twenty hits drawn in full.
fn split(bundle: &resolex_core::bundle::Bundle, q: &str) {
    let r = time_us(5, || {
        std::hint::black_box(resolex_core::search::rank(bundle, q));
    });
    let s = time_us(5, || keystroke(bundle, q));
    let n = resolex_core::search::rank(bundle, q).scored.len();
    println!(
        "{q:>24}: rank {:.0} µs, keystroke {:.0} µs, {n} matches",
        resolex_tests::measure::median(&r),
        resolex_tests::measure::median(&s)
    );
}
