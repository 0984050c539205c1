//! Query latency, bundle size and build time of Resolex on the default corpus and on all of
//! sessions 79–80, against a plain scan of the same texts and tantivy on the same paragraphs.
//!
//! `cargo bench -p resolex-bench --bench search` — prints Markdown tables for BENCHMARKS.md
//! (`RESOLEX_BENCH_DEFAULT_ONLY=1` stops after the default corpus).

use resolex_bench::peers::{Scan, Tantivy};
use resolex_bench::{QUERIES, brotli_len, median, peak_rss_mb, percentile, texts, time_us};
use resolex_core::Corpus;
use resolex_core::bundle::{self, Bundle};
use resolex_core::search;
use std::time::Instant;

const RUNS: usize = 15;

fn main() {
    println!(
        "# machine: {} cores; {RUNS} runs per query\n",
        std::thread::available_parallelism().map_or(0, usize::from)
    );
    let default = resolex_bench::default_corpus();
    report("default corpus", &default, 3);
    if std::env::var_os("RESOLEX_BENCH_DEFAULT_ONLY").is_some() {
        return;
    }
    let t = Instant::now();
    let sessions = resolex_bench::sessions_79_80();
    let ingest = t.elapsed().as_secs_f64();
    println!("sessions 79–80 ingest: {ingest:.2} s\n");
    report("sessions 79–80, six languages", &sessions, 1);
}

fn report(name: &str, corpus: &Corpus, builds: usize) {
    let mut build_s = Vec::new();
    let mut bytes = Vec::new();
    for _ in 0..builds {
        let t = Instant::now();
        bytes = bundle::write(corpus).expect("bundle");
        build_s.push(t.elapsed().as_secs_f64());
    }
    let peak = peak_rss_mb();
    let t = Instant::now();
    let loaded = Bundle::from_vec(bytes.clone()).expect("load");
    let load_ms = t.elapsed().as_secs_f64() * 1e3;
    let texts = texts(corpus);
    let paragraphs = texts.len();
    println!("## {name}: {} document versions, {paragraphs} paragraphs\n", corpus.docs.len());
    println!(
        "build {:.2} s (median of {builds}), load {load_ms:.1} ms, peak RSS so far {peak:.0} MB\n",
        median(&build_s)
    );

    let t = Instant::now();
    let tantivy = Tantivy::build(&texts);
    let tantivy_build = t.elapsed().as_secs_f64();
    let scan = Scan::new(&texts);

    let (mut ours, mut ranked, mut theirs, mut scans) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    println!(
        "| query | Resolex hits | Resolex µs (10 hits with snippets, highlights, facets) | Resolex rank only µs | tantivy µs (count + top 10) | scan µs |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: |");
    for q in QUERIES {
        let hits = search::search(&loaded, q, 10).total;
        let full = time_us(RUNS, || drop(std::hint::black_box(search::search(&loaded, q, 10))));
        let rank = time_us(RUNS, || {
            let ranked = search::rank(&loaded, q);
            std::hint::black_box(ranked.ords().take(10).count());
        });
        let peer = time_us(RUNS, || {
            std::hint::black_box(tantivy.search(q));
        });
        let scanned = time_us(RUNS.min(5), || drop(std::hint::black_box(scan.search(q))));
        println!(
            "| `{q}` | {hits} | {:.0} | {:.0} | {:.0} | {:.0} |",
            median(&full),
            median(&rank),
            median(&peer),
            median(&scanned)
        );
        ours.extend(full);
        ranked.extend(rank);
        theirs.extend(peer);
        scans.extend(scanned);
    }
    println!();
    println!("| engine | p50 µs | p95 µs | p50 vs Resolex |\n| --- | ---: | ---: | ---: |");
    let p50 = median(&ours);
    let engines =
        [("Resolex, full hits", &ours), ("Resolex, rank only", &ranked), ("tantivy", &theirs), ("plain scan", &scans)];
    for (engine, v) in engines {
        println!("| {engine} | {:.0} | {:.0} | {:.2}× |", median(v), percentile(v, 95.0), median(v) / p50);
    }
    println!();

    let text_bytes: Vec<u8> = texts.iter().flat_map(|t| t.bytes().chain(std::iter::once(b'\n'))).collect();
    let quality = resolex_bench::brotli_quality(bytes.len());
    let floor = brotli_len(&text_bytes, quality);
    let bundle_br = brotli_len(&bytes, quality);
    let index_part = resolex_bench::index_bytes(&loaded);
    let tantivy_size = tantivy.size();
    println!("| size (brotli quality {quality}) | bytes | vs floor |\n| --- | ---: | ---: |");
    println!("| paragraph texts, raw | {} | {:.2}× |", text_bytes.len(), text_bytes.len() as f64 / floor as f64);
    println!("| paragraph texts, brotli (the floor) | {floor} | 1.00× |");
    println!("| bundle, raw | {} | {:.2}× |", bytes.len(), bytes.len() as f64 / floor as f64);
    println!("| bundle, brotli | {bundle_br} | {:.2}× |", bundle_br as f64 / floor as f64);
    println!(
        "| Resolex index part (terms, postings, stems, ids), raw | {index_part} | {:.2}× tantivy |",
        index_part as f64 / tantivy_size as f64
    );
    println!("| tantivy index (positions, not stored), raw | {tantivy_size} | build {tantivy_build:.2} s |");
    println!();
}
