//! Ingest of every General Assembly resolution of sessions 79 and 80 (the UN's AKN XML):
//! files/s, MB/s and peak memory, with XML parsing alone as the baseline of the same run.
//!
//! `cargo bench -p resolex-core --bench ingest` (unpacks `../shared/unxml` into `target/`).

use std::path::{Path, PathBuf};
use std::time::Instant;

fn unpack() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned();
    let dir = root.join("target/unxml");
    if !dir.join("data_extract").exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let archive = root.join("../shared/unxml/ga-79-80-akn.tar.xz");
        let ok = std::process::Command::new("tar").arg("-xJf").arg(&archive).arg("-C").arg(&dir).status().unwrap();
        assert!(ok.success(), "could not unpack {}", archive.display());
    }
    dir
}

fn xml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            xml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
}

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut files = Vec::new();
    xml_files(&unpack(), &mut files);
    files.sort();
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
    let (p, i) = (median(parse_only), median(ingest));
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
