//! The query engine against a plain scan of the paragraph texts (SPEC §4's oracle): quoted
//! phrases return exactly the paragraphs that contain them, in every language; Chinese
//! substrings of 2–6 ideographs likewise; single words at least every paragraph that holds
//! them; filters only remove hits. On the default corpus and on all of sessions 79–80.

use resolex_core::analyze::{self, is_cjk};
use resolex_core::bundle::Bundle;
use resolex_core::search::{self, exec::Tier};
use resolex_tests::Rng;
use std::collections::BTreeSet;

/// Every paragraph's text and terms, read straight from the bundle's texts.
struct Scan {
    texts: Vec<String>,
    terms: Vec<Vec<String>>,
}

impl Scan {
    fn new(bundle: &Bundle) -> Scan {
        let texts: Vec<String> =
            (0..bundle.catalog.paragraphs).map(|o| bundle.paragraph(o).expect("paragraph").text.to_owned()).collect();
        let terms = texts.iter().map(|t| analyze::terms(t)).collect();
        Scan { texts, terms }
    }

    /// Paragraphs whose terms hold `phrase` as a contiguous run.
    fn phrase(&self, phrase: &[String]) -> BTreeSet<u32> {
        (0..self.terms.len() as u32)
            .filter(|&o| self.terms[o as usize].windows(phrase.len()).any(|w| w == phrase))
            .collect()
    }

    fn substring(&self, s: &str) -> BTreeSet<u32> {
        (0..self.texts.len() as u32).filter(|&o| self.texts[o as usize].contains(s)).collect()
    }
}

fn hits(bundle: &Bundle, query: &str) -> BTreeSet<u32> {
    search::rank(bundle, query).ords().collect()
}

/// Random phrases of 1–4 words from paragraphs without ideographs.
fn phrases(scan: &Scan, rng: &mut Rng, n: usize) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    while out.len() < n {
        let o = rng.below(scan.texts.len());
        let text = &scan.texts[o];
        if text.chars().any(is_cjk) {
            continue;
        }
        let tokens = analyze::tokens(text);
        if tokens.is_empty() {
            continue;
        }
        let len = 1 + rng.below(4.min(tokens.len()));
        let start = rng.below(tokens.len() - len + 1);
        let run = &tokens[start..start + len];
        let typed: Vec<&str> = run.iter().map(|t| &text[t.span.0..t.span.1]).collect();
        out.push((typed.join(" "), run.iter().map(|t| t.term.clone()).collect()));
    }
    out
}

/// Random runs of 2–6 ideographs.
fn ideograph_runs(scan: &Scan, rng: &mut Rng, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    for _ in 0..n * 1000 {
        if out.len() == n {
            break;
        }
        let chars: Vec<char> = scan.texts[rng.below(scan.texts.len())].chars().collect();
        let len = 2 + rng.below(5);
        if chars.len() < len {
            continue;
        }
        let start = rng.below(chars.len() - len + 1);
        let run: String = chars[start..start + len].iter().collect();
        if run.chars().all(is_cjk) {
            out.push(run);
        }
    }
    out
}

fn check_phrases(bundle: &Bundle, n: usize, seed: u64) {
    let scan = Scan::new(bundle);
    let mut rng = Rng::new(seed);
    let mut langs = BTreeSet::new();
    for (typed, terms) in phrases(&scan, &mut rng, n) {
        let expected = scan.phrase(&terms);
        assert!(!expected.is_empty(), "{typed:?} was sampled from the texts");
        assert_eq!(hits(bundle, &format!("\"{typed}\"")), expected, "phrase {typed:?}");
        if terms.len() == 1 {
            let found = hits(bundle, &format!("{typed} "));
            assert!(found.is_superset(&expected), "word {typed:?} misses {:?}", expected.difference(&found));
        }
        for o in expected.iter().take(1) {
            langs.insert(bundle.docs()[bundle.outline(*o).unwrap().0].lang.0.clone());
        }
    }
    assert!(langs.len() >= 2, "phrases came from {langs:?} only");
    let ideographs = ideograph_runs(&scan, &mut rng, n / 2);
    assert!(ideographs.len() >= n / 4, "too few Chinese runs sampled: {}", ideographs.len());
    for run in ideographs {
        assert_eq!(hits(bundle, &run), scan.substring(&run), "Chinese substring {run}");
        assert_eq!(hits(bundle, &format!("\"{run}\"")), scan.substring(&run), "quoted Chinese {run}");
    }
}

#[test]
fn phrases_words_and_chinese_substrings_match_a_plain_scan_of_the_default_corpus() {
    check_phrases(resolex_tests::default_bundle(), 300, 7);
}

#[test]
fn phrases_words_and_chinese_substrings_match_a_plain_scan_of_sessions_79_80() {
    check_phrases(resolex_tests::unxml_bundle(), 300, 79);
}

#[test]
fn filters_only_remove_hits() {
    let bundle = resolex_tests::default_bundle();
    for q in ["cooperation", "INTERPOL", "crime*", "国际", "resolution"] {
        let all = hits(bundle, &format!("{q} "));
        assert!(!all.is_empty(), "{q}");
        for f in ["lang:fr", "lang:en", "kind:operative", "doc:79/136", "cites:71/19", "year:2024", "lead:encourages"] {
            let some = hits(bundle, &format!("{q} {f} "));
            assert!(some.is_subset(&all), "{q} {f} added hits");
        }
    }
    let fr = search::search(bundle, "cooperation lang:fr ", usize::MAX);
    assert!(fr.total > 0 && fr.hits.iter().all(|h| h.lang == "fr"));
    let ops = search::search(bundle, "INTERPOL kind:operative ", usize::MAX);
    assert!(ops.total > 0 && ops.hits.iter().all(|h| h.kind == "operative"));
}

#[test]
fn cites_filter_finds_the_citing_paragraphs_of_the_graph() {
    let bundle = resolex_tests::default_bundle();
    let corpus = bundle.corpus().unwrap();
    let edge = corpus.graph().into_iter().find(|e| e.target == "A/RES/71/19").expect("71/19 is cited");
    let expected: BTreeSet<(String, String, String)> = edge
        .cited_by
        .iter()
        .map(|c| (c.doc.0.clone(), c.lang.0.clone(), c.para.as_ref().unwrap().to_string()))
        .collect();
    let found: BTreeSet<(String, String, String)> =
        search::search(bundle, "cites:71/19", usize::MAX).hits.into_iter().map(|h| (h.doc, h.lang, h.para)).collect();
    assert_eq!(found, expected);
}

#[test]
fn exact_ranks_above_stemmed_above_typo_and_highlights_are_words() {
    let bundle = resolex_tests::default_bundle();
    let r = search::search(bundle, "cooperating lang:en ", usize::MAX);
    assert!(r.total > 0);
    let tiers: Vec<Tier> = r.hits.iter().map(|h| h.tier).collect();
    assert!(tiers.windows(2).all(|w| w[0] <= w[1]), "{tiers:?}");
    assert!(tiers.contains(&Tier::Stem), "cooperation shares cooperating's stem");
    for h in &r.hits {
        for &[s, e] in &h.highlights {
            let word = analyze::normalize(&h.text[s..e]);
            assert!(word.starts_with("cooper"), "highlight {word:?} in {}", h.cite);
        }
    }
    let typo = search::search(bundle, "coperation~ ", 5);
    assert!(typo.total > 0 && typo.hits.iter().all(|h| h.tier == Tier::Typo));
}

#[test]
fn hostile_queries_answer_with_hits_or_a_note() {
    let bundle = resolex_tests::default_bundle();
    let thousand = "cooperation ".repeat(1000);
    let r = search::search(bundle, &thousand, 10);
    assert!(r.total > 0 && !r.notes.is_empty());
    let long = format!("{}~", "a".repeat(200));
    assert_eq!(search::search(bundle, &long, 10).total, 0);
    assert!(!search::search(bundle, "\"police cooperation", 10).notes.is_empty());
    for q in ["", "OR", "-", "*", "~", "\"\"", "- - OR *", "lang:", ":", "\u{202e}\u{0}", "-INTERPOL"] {
        let _ = search::search(bundle, q, 10);
    }
    assert!(search::search(bundle, "-INTERPOL", usize::MAX).hits.iter().all(|h| !h.text.contains("INTERPOL")));
    // Issue 15's pathological queries (their times are in BENCHMARKS.md): 64 typo terms, a
    // 10,000-letter word with and without `~`, every one-letter prefix.
    let typos = ["coperation~", "terorism~", "intrpol~", "sustainible~"].repeat(16).join(" ");
    let r = search::search(bundle, &typos, 10);
    assert!(r.hits.iter().all(|h| h.tier == Tier::Typo), "{:?}", r.notes);
    let word = "a".repeat(10_000);
    for q in [word.clone(), format!("{word}~"), format!("{word}*")] {
        assert_eq!(search::search(bundle, &q, 10).total, 0);
    }
    for c in ('a'..='z').chain(['д', 'ا', '国']) {
        let r = search::search(bundle, &format!("{c}*"), 10);
        assert!(r.hits.iter().all(|h| h.text.to_lowercase().contains(c)), "{c}*");
    }
}

/// Over sessions 79–80 in six languages, the highlights of the best hits of words, prefixes,
/// stems, typos and phrases are those of comparing every word
/// (`highlight::every_word_compared`): in full (`search`), and inside
/// the snippet that the first of them places (`hits`, which looks at a text only from where a
/// word of the query may begin).
#[test]
fn highlights_over_sessions_79_and_80_mark_what_every_word_compared_marks() {
    let bundle = resolex_tests::unxml_bundle();
    let queries = [
        "human rights",
        "cooperation",
        "interp",
        "terorism",
        "\"Member States\"",
        "sustainable development goals",
        "coopération internationale",
        "derechos humanos",
        "сотрудничество",
        "права челов",
        "التعاون الدولي",
        "الإرهاب",
        "可持续发展",
        "\"跨国有组织犯罪\"",
        "国际刑警",
        "合作",
        "秘书长",
        "第79",
        "الإنتربول",
        "حقوق الإنسان",
        "\"الاتجار بالأشخاص\"",
        "Secretary-General",
        "2030",
        "o",
    ];
    let mut compared = 0;
    for q in queries {
        let matched = search::rank(bundle, q).matched;
        let full = search::search(bundle, q, 60);
        let shown = search::hits(bundle, q, 60);
        assert_eq!(full.hits.len(), shown.hits.len(), "{q}");
        for (f, s) in full.hits.iter().zip(&shown.hits) {
            let want = search::highlight::every_word_compared(&f.text, &f.lang, &matched);
            assert_eq!(f.highlights, want, "{q}: {}", f.cite);
            let span = search::highlight::snippet(&f.text, &want);
            let inside: Vec<[usize; 2]> = want.iter().copied().filter(|h| h[0] >= span[0] && h[1] <= span[1]).collect();
            assert_eq!((s.snippet_span, &s.highlights), (span, &inside), "{q}: {}", s.cite);
            compared += usize::from(!want.is_empty());
        }
    }
    assert!(compared > 800, "{compared} hits with highlights");
}
