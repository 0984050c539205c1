//! Shared parts of the Resolex benchmarks: the corpora, the fixed query set, statistics,
//! brotli sizes, peak memory, and the peers Resolex is measured against (a plain scan of the
//! texts, and tantivy indexing the same paragraphs).

pub mod peers;

use resolex_core::Corpus;
use std::time::Instant;

/// What the explorer computes for a query: its matches once, its best `limit` hits as
/// snippets, then its facets (the calls `www/` makes through the wasm crate).
pub fn as_the_explorer(
    bundle: &resolex_core::bundle::Bundle,
    text: &str,
    limit: usize,
) -> (resolex_core::search::Results, resolex_core::search::Facets) {
    use resolex_core::search::{facets_of, hits_of, matches};
    let found = matches(bundle, text);
    (hits_of(bundle, text, &found, limit), facets_of(bundle, &found))
}

/// The default corpus.
pub fn default_corpus() -> Corpus {
    resolex_core::default_corpus::load()
}

pub use resolex_tests::measure::{median, peak_rss_mb, percentile};
pub use resolex_tests::sessions_corpus as sessions_79_80;

/// The fixed mixed query set: words, phrases, prefixes, typos, filters, OR, exclusions,
/// Chinese, Arabic, Russian, French, Spanish.
pub const QUERIES: &[&str] = &[
    "INTERPOL",
    "cooperation",
    "\"international police cooperation\"",
    "\"transnational organized crime\"",
    "terror*",
    "cooperat",
    "intrpol~",
    "coperation~",
    "crime lang:en",
    "cooperation kind:operative",
    "cybercrime OR terrorism",
    "cooperation -police",
    "encourages lead:encourages",
    "cites:71/19",
    "国际刑警",
    "合作",
    "\"跨国有组织犯罪\"",
    "الإنتربول",
    "التعاون الدولي",
    "сотрудничество",
    "\"организованной преступности\"",
    "coopération policière",
    "cooperación internacional",
    "human rights year:2024",
    "climate change",
    "women peace security",
    "sustainable development",
    "\"Member States\"",
    "resolution 71/19",
    "Secretary-General report",
];

/// Runs `f` `runs` times; its durations in microseconds.
pub fn time_us(runs: usize, mut f: impl FnMut()) -> Vec<f64> {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1e6
        })
        .collect()
}

/// The brotli quality used for `len` bytes: 11 (what a static host precompresses with) up to
/// 20 MB, 9 above, where 11 would take many minutes. Floor and bundle use the same.
pub fn brotli_quality(len: usize) -> i32 {
    if len <= 20_000_000 { 11 } else { 9 }
}

/// Size of `bytes` after brotli at `quality` (window 2²⁴).
pub fn brotli_len(bytes: &[u8], quality: i32) -> usize {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality, lgwin: 24, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("compress in memory");
    out.len()
}

/// Every paragraph text of a corpus, in order.
pub fn texts(corpus: &Corpus) -> Vec<&str> {
    corpus.docs.iter().flat_map(|d| d.paragraphs.iter().map(|p| p.text.as_str())).collect()
}

/// Bytes of the bundle parts that make the index (the terms and stems maps and their postings,
/// as stored; not the texts, documents and outline): what compares with an index that stores no
/// text.
pub fn index_bytes(b: &resolex_core::bundle::Bundle) -> usize {
    use resolex_core::bundle::PartKind::{Postings, StemPostings, Stems, Terms};
    [Terms, Stems, Postings, StemPostings].into_iter().map(|k| b.kind_len(k).0).sum()
}
