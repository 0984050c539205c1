//! The analyzer natively, written down for the wasm one to be compared with: every paragraph
//! of sessions 79–80 (six languages) with its language and its analysis fingerprint
//! (`analyze::fingerprint`), one JSON line each, in `target/analysis/sessions.jsonl`.
//! `www/tests/analysis.test.mjs` runs the widget's wasm over the same texts and requires the
//! same fingerprints (scripts/test.sh runs this first). On the way, the analyzer's fast word
//! segmentation is checked against UAX #29 over each whole text, and every word's fold (what
//! highlighting compares before it normalizes) against its term's. And every word of the
//! sessions' lexicon stems as rust-stemmers' own Snowball stemmers stem it.

use std::io::Write;

#[test]
fn every_paragraph_of_sessions_79_and_80_is_written_with_its_native_fingerprint() {
    let corpus = resolex_tests::sessions_corpus();
    let path = resolex_tests::target_dir().join("analysis/sessions.jsonl");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut langs = std::collections::BTreeMap::<&str, usize>::new();
    let mut prints = std::collections::HashSet::new();
    let mut folder = resolex_core::analyze::Folder::default();
    for doc in &corpus.docs {
        for p in &doc.paragraphs {
            assert_eq!(
                segments_with_words(&p.text),
                whole_text_segments(&p.text),
                "{} {} {}",
                doc.doc.0,
                doc.lang.0,
                p.id
            );
            words_fold_as_their_terms(&p.text, &mut folder);
            let fingerprint = resolex_core::analyze::fingerprint(doc.lang.as_str(), &p.text);
            prints.insert(fingerprint);
            let line = serde_json::json!({ "lang": doc.lang.as_str(), "text": p.text, "fingerprint": fingerprint });
            writeln!(out, "{line}").unwrap();
            *langs.entry(doc.lang.as_str()).or_default() += 1;
        }
    }
    out.flush().unwrap();
    // Every official language, in numbers; and fingerprints that tell paragraphs apart (a
    // constant would pass any comparison).
    for lang in ["ar", "en", "es", "fr", "ru", "zh"] {
        assert!(langs.get(lang).is_some_and(|&n| n > 25_000), "{langs:?}");
    }
    let total: usize = langs.values().sum();
    assert!(prints.len() * 10 > total * 7, "{} fingerprints for {total} paragraphs", prints.len());
}

/// Every word of sessions 79–80's lexicon stems in each language as that language's Snowball
/// stemmer (rust-stemmers, called here directly) stems it: the analyzer runs a stemmer only on
/// words with a letter of its script, and that shortcut must never change a stem.
#[test]
fn every_word_of_sessions_79_and_80_stems_as_snowball_stems_it() {
    use rust_stemmers::{Algorithm, Stemmer};
    let words = resolex_tests::unxml_bundle().lexicon("");
    assert!(words.len() > 100_000, "{} words", words.len());
    let langs = [
        ("en", Algorithm::English),
        ("fr", Algorithm::French),
        ("es", Algorithm::Spanish),
        ("ru", Algorithm::Russian),
        ("ar", Algorithm::Arabic),
        ("de", Algorithm::German),
    ];
    let analyzer = resolex_core::analyze::stemmers();
    for (lang, algorithm) in langs {
        let snowball = Stemmer::create(algorithm);
        for (word, _) in &words {
            let Some(stem) = analyzer.stem(lang, word) else { continue };
            assert_eq!(stem, snowball.stem(word), "{word:?} in {lang}");
        }
    }
}

/// The analyzer's word segments (its text cut at spaces, each run segmented alone) that hold a
/// letter or digit.
fn segments_with_words(text: &str) -> Vec<(usize, &str)> {
    resolex_core::analyze::segments(text).filter(|(_, w)| w.chars().any(char::is_alphanumeric)).collect()
}

/// The oracle: the whole text segmented at once by UAX #29, the segments that hold a letter or
/// digit.
fn whole_text_segments(text: &str) -> Vec<(usize, &str)> {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_word_bound_indices().filter(|(_, w)| w.chars().any(char::is_alphanumeric)).collect()
}

/// Highlighting normalizes only the words whose fold begins like a matched term's; that finds
/// them all only if every word folds as its normalized term does. The word is folded with the
/// cache highlighting uses, kept over the whole corpus; the term afresh.
fn words_fold_as_their_terms(text: &str, folder: &mut resolex_core::analyze::Folder) {
    let (mut word, mut term) = (Vec::new(), Vec::new());
    for t in resolex_core::analyze::tokens(text) {
        folder.fold_prefix(&text[t.span.0..t.span.1], usize::MAX, &mut word);
        resolex_core::analyze::fold_prefix(&t.term, usize::MAX, &mut term);
        assert_eq!(word, term, "{:?} in {text:?}", &text[t.span.0..t.span.1]);
    }
}
