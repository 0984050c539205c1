//! The scale corpus: a stand-in for the whole General Assembly collection (≈ 11,400 versions,
//! sessions 74–80) until more sessions are at hand — the bundle of sessions 79–80 replicated
//! COPIES times (default 7: ≈ 24,600 versions) under renamed symbols (`A/RES/79/136` →
//! `A/RES/179/136`, `A/RES/279/136`, …; references within a copy renamed alike, so its graph
//! holds), written with `--apart`'s layout under `target/scale/`. It prints the build's time; run
//! it under `/usr/bin/time -v` for its peak memory, then measure queries with the `lazy` example.
//!
//! `cargo run --release -p resolex-bench --example scale -- target/peers/sessions.rlx [COPIES]`

use resolex_core::bundle::{Bundle, Sizes, Writer};
use resolex_core::{DocId, Document};
use std::path::Path;

fn main() {
    let source = std::env::args().nth(1).expect("usage: scale SESSIONS.rlx [COPIES]");
    let copies: u32 = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(7);
    let out = resolex_tests::target_dir().join("scale/corpus.rlx");
    let dir = resolex_core::bundle::parts_dir(&out);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("target/scale/ is writable");
    // The copies are read, renamed and indexed one document at a time, and each part goes to
    // its file as soon as it is stored: the build holds the index, never the scale corpus.
    let start = std::time::Instant::now();
    let mut writer = Writer::apart(Sizes::default(), &dir);
    let (mut versions, mut paragraphs) = (0, 0);
    for k in 0..copies {
        let base = Bundle::open(Path::new(&source)).expect("the sessions bundle opens");
        for block in base.into_documents() {
            for d in block.expect("the sessions bundle reads") {
                let doc = renamed(&d, k * 100);
                versions += 1;
                paragraphs += doc.paragraphs.len();
                writer.add(&doc).expect("the scale corpus writes");
            }
        }
    }
    let written = writer.finish().expect("the scale corpus writes");
    let built = start.elapsed();
    let head = written.apart().0;
    let bytes = head.len() + written.parts_len();
    std::fs::write(&out, head).expect("the head writes");
    println!(
        "{} versions, {paragraphs} paragraphs: indexed and written in {:.1} s; {} bytes, {} parts in {} files ({})",
        versions,
        built.as_secs_f64(),
        bytes,
        written.head.parts.len(),
        written.head.packs.len() + 1,
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
