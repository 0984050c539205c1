//! The series comparison, natively: `diff::compare` of A/RES/77/20 → 79/136 (≈ 60 paragraphs
//! each) in each of the six languages of the default corpus, median and p95 of many runs, beside
//! a baseline measured in the same run: a plain diff of the same paragraph texts as lines
//! (`similar`, Myers), which knows nothing of words, rewording or moves.
//!
//! `cargo bench -p resolex-core --bench diff`

use resolex_core::DocId;
use std::time::Instant;

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

fn main() {
    let corpus = resolex_core::default_corpus::load();
    let (a, b) = (DocId("A/RES/77/20".into()), DocId("A/RES/79/136".into()));
    let runs = 200;
    println!(
        "| language | paragraphs | compare p50 | compare p95 | words of both (analyzer) p50 | line diff p50 | ratio to line diff |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for before in corpus.versions(&a) {
        let Some(after) = corpus.find(&b, Some(before.lang.as_str())) else { continue };
        let lines = |d: &resolex_core::Document| d.paragraphs.iter().map(|p| p.text.clone()).collect::<Vec<_>>();
        let (old, new) = (lines(before), lines(after));
        let (mut compare, mut baseline, mut analysis) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs {
            let t = Instant::now();
            std::hint::black_box(resolex_core::diff::compare(before, after));
            compare.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            std::hint::black_box(similar::capture_diff_slices(similar::Algorithm::Myers, &old, &new));
            baseline.push(t.elapsed().as_secs_f64() * 1e3);
            let t = Instant::now();
            for p in before.paragraphs.iter().chain(&after.paragraphs) {
                std::hint::black_box(resolex_core::analyze::terms(&p.text));
            }
            analysis.push(t.elapsed().as_secs_f64() * 1e3);
        }
        let (c50, c95, l50) =
            (percentile(&mut compare, 50.0), percentile(&mut compare, 95.0), percentile(&mut baseline, 50.0));
        let a50 = percentile(&mut analysis, 50.0);
        println!(
            "| {} | {} → {} | {c50:.2} ms | {c95:.2} ms | {a50:.2} ms | {l50:.3} ms | {:.0}× |",
            before.lang,
            before.paragraphs.len(),
            after.paragraphs.len(),
            c50 / l50
        );
    }
}
