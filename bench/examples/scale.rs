//! The scale corpus: a stand-in for the whole General Assembly collection (≈ 11,400 versions,
//! sessions 74–80) until more sessions are at hand — the bundle of sessions 79–80 replicated
//! COPIES times (default 7: ≈ 24,600 versions) under renamed symbols (`A/RES/79/136` →
//! `A/RES/179/136`, `A/RES/279/136`, …; references within a copy renamed alike, so its graph
//! holds), written with `--apart`'s layout under `target/scale/`. It prints the build's time; run
//! it under `/usr/bin/time -v` for its peak memory, then measure queries with the `lazy` example.
//!
//! `cargo run --release -p resolex-bench --example scale -- target/peers/sessions.rlx [COPIES]`

use resolex_core::bundle::{Bundle, Sizes};
use resolex_core::corpus::Corpus;
use resolex_core::{DocId, Document};
use std::path::Path;

fn main() {
    let source = std::env::args().nth(1).expect("usage: scale SESSIONS.rlx [COPIES]");
    let copies: u32 = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(7);
    let base = Bundle::open(Path::new(&source)).and_then(|b| b.corpus()).expect("the sessions bundle reads");
    let mut docs = Vec::with_capacity(base.docs.len() * copies as usize);
    for k in 0..copies {
        docs.extend(base.docs.iter().map(|d| renamed(d, k * 100)));
    }
    let corpus = Corpus { docs, skipped: Vec::new() };
    let paragraphs: usize = corpus.docs.iter().map(|d| d.paragraphs.len()).sum();
    drop(base);
    let start = std::time::Instant::now();
    let written = resolex_core::bundle::write_parts(&corpus, Sizes::default()).expect("the scale corpus writes");
    let built = start.elapsed();
    let out = resolex_tests::target_dir().join("scale/corpus.rlx");
    let dir = resolex_core::bundle::parts_dir(&out);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("target/scale/ is writable");
    let (head, parts) = written.apart();
    let mut bytes = head.len();
    for (name, part) in parts {
        bytes += part.len();
        std::fs::write(dir.join(name), part).expect("a part writes");
    }
    std::fs::write(&out, head).expect("the head writes");
    println!(
        "{} versions, {paragraphs} paragraphs: indexed and written in {:.1} s; {} bytes in {} files ({})",
        corpus.docs.len(),
        built.as_secs_f64(),
        bytes,
        written.parts.len() + 1,
        out.display()
    );
}

/// `doc` with its session numbers raised by `by` in its symbol and in every reference to a
/// resolution of sessions 79–80.
fn renamed(doc: &Document, by: u32) -> Document {
    let mut d = doc.clone();
    if by == 0 {
        return d;
    }
    let rename = |s: &str| {
        let mut out = s.to_owned();
        for session in [79, 80] {
            out = out.replace(&format!("/{session}/"), &format!("/{}/", session + by));
        }
        out
    };
    d.doc = DocId(rename(d.doc.as_str()));
    for p in &mut d.paragraphs {
        for r in &mut p.refs {
            r.target = rename(&r.target);
        }
    }
    d
}
