//! What a bundle is made of: bytes stored and inflated by kind of part, the head, and the
//! brotli floor of its paragraph texts (what no bundle can go below over the wire), and the
//! same corpus in the compact layout.
//!
//! `cargo run --release -p resolex-bench --example sizes -- [BUNDLE]` (default: the default corpus)

use resolex_core::bundle::{Bundle, PartKind};

fn main() {
    let bundle = match std::env::args().nth(1) {
        Some(path) => Bundle::open(std::path::Path::new(&path)).expect("the bundle opens"),
        None => Bundle::from_vec(resolex_core::bundle::write(&resolex_core::default_corpus::load()).unwrap()).unwrap(),
    };
    println!("{:<14} {:>6} {:>12} {:>12}", "kind", "parts", "stored", "inflated");
    println!("{:<14} {:>6} {:>12} {:>12}", "head", 1, bundle.head_len(), "");
    for kind in PartKind::ALL {
        let n = bundle.parts().iter().filter(|p| p.kind == kind).count();
        let (stored, raw) = bundle.kind_len(kind);
        println!("{:<14} {n:>6} {stored:>12} {raw:>12}", kind.name());
    }
    println!("{:<14} {:>6} {:>12}", "total", bundle.parts().len() + 1, bundle.byte_len());
    if std::env::var_os("BY_CODEC").is_some() {
        by_codec(&bundle);
    }
    let corpus = bundle.corpus().expect("every document reads");
    let texts = resolex_bench::texts(&corpus).join("\n");
    let q = resolex_bench::brotli_quality(texts.len());
    let floor = resolex_bench::brotli_len(texts.as_bytes(), q);
    println!("paragraph texts: {} bytes, brotli {q}: {floor} bytes", texts.len());
    let compact = resolex_core::bundle::write_compact(&corpus).expect("the corpus writes");
    let start = std::time::Instant::now();
    Bundle::from_vec(compact.clone()).expect("the compact bundle opens");
    println!(
        "compact layout: {} bytes, {:.2}× the floor; opened (indexed) in {:.0} ms",
        compact.len(),
        compact.len() as f64 / floor as f64,
        start.elapsed().as_secs_f64() * 1e3
    );
}

/// Each kind's parts inflated and compressed again, one part at a time, with brotli (what a
/// host would send for a raw part) and with the compact layout's LZMA instead of deflate.
fn by_codec(bundle: &Bundle) {
    let w =
        resolex_core::bundle::write_parts(&bundle.corpus().unwrap(), resolex_core::bundle::Sizes::default()).unwrap();
    let mut by: std::collections::BTreeMap<&str, (usize, usize, usize)> = std::collections::BTreeMap::new();
    for (e, stored) in w.head.parts.iter().zip(&w.parts) {
        let raw = miniz_oxide::inflate::decompress_to_vec(stored).unwrap();
        let b = by.entry(e.kind.name()).or_default();
        b.0 += stored.len();
        b.1 += resolex_bench::brotli_len(&raw, 11);
        b.2 += resolex_core::bundle::format::compress(PartKind::Documents, &raw).len();
    }
    for (k, (deflate, brotli, lzma)) in by {
        println!("{k:<14} deflate {deflate:>10}  brotli per part {brotli:>10}  LZMA per part {lzma:>10}");
    }
}
