//! Ingest of every General Assembly resolution of sessions 79 and 80 (the UN's AKN XML):
//! files/s, MB/s and peak memory, with XML parsing alone as the baseline of the same run.
//!
//! `cargo bench -p resolex-bench --bench ingest` (unpacks `../shared/unxml` into `target/`).

use resolex_bench::{median, peak_rss_mb};
use std::time::Instant;

fn main() {
    let files = resolex_tests::files_under(resolex_tests::unxml_dir(), &["xml"]);
    let data: Vec<(String, Vec<u8>)> =
        files.iter().map(|f| (f.display().to_string(), std::fs::read(f).unwrap())).collect();
    let bytes: usize = data.iter().map(|(_, b)| b.len()).sum();
    let runs = 3;
    let mut parse_only = Vec::new();
    let mut ingest = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        for (_, b) in &data {
            let text = std::str::from_utf8(b).unwrap();
            std::hint::black_box(roxmltree::Document::parse(text).unwrap().descendants().count());
        }
        parse_only.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let files = data.iter().map(|(n, b)| (n.as_str(), b.as_slice()));
        let corpus = resolex_core::Corpus::from_files_with(files, resolex_core::Duplicates::Skip).unwrap();
        ingest.push(t.elapsed().as_secs_f64());
        std::hint::black_box(corpus.docs.len());
    }
    let (p, i) = (median(&parse_only), median(&ingest));
    let mb = bytes as f64 / 1e6;
    println!("files: {}, {mb:.0} MB, median of {runs} runs", data.len());
    println!("XML parse only (roxmltree): {p:.2} s, {:.0} MB/s", mb / p);
    println!(
        "Resolex ingest (to documents with references): {i:.2} s, {:.0} files/s, {:.0} MB/s, {:.2}x the parse alone",
        data.len() as f64 / i,
        mb / i,
        i / p
    );
    println!("peak memory (VmHWM, all files held in memory): {:.0} MB", peak_rss_mb());
}
