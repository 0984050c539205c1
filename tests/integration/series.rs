//! The series comparison against oracles that share no code with it: applying a comparison to
//! the earlier version must give the later one exactly (every consecutive pair of the series
//! 71/19 → 75/10 → 77/20 → 79/136 in every language, and 200 pairs of sessions 79–80
//! resolutions picked by a fixed seed); translations change together, so the six languages
//! must class each aligned pair alike; a version against itself is unchanged; swapping the
//! sides swaps added and removed.

use resolex_core::diff::{self, Change};
use resolex_core::model::{DocId, Document};
use resolex_core::{Corpus, series};
use resolex_tests::Rng;
use std::collections::{BTreeMap, BTreeSet};

/// The default corpus: it holds the series (71/19 in Chinese; 75/10, 77/20, 79/136 in six languages).
fn series_corpus() -> Corpus {
    resolex_core::default_corpus::load()
}

fn texts(d: &Document) -> Vec<String> {
    d.paragraphs.iter().map(|p| p.text.clone()).collect()
}

fn reconstructs(before: &Document, after: &Document) {
    let c = diff::compare(before, after);
    let rebuilt = c.apply(before).unwrap_or_else(|e| panic!("{} → {} ({}): {e}", before.doc, after.doc, after.lang));
    assert_eq!(rebuilt, texts(after), "{} → {} ({})", before.doc, after.doc, after.lang);
    let ids: Vec<String> = c.rows.iter().filter_map(|r| r.after.as_ref()).map(|s| s.para.clone()).collect();
    let expected: Vec<String> = after.paragraphs.iter().map(|p| p.id.to_string()).collect();
    assert_eq!(ids, expected, "every later paragraph once, in order");
}

#[test]
fn the_series_is_found_and_each_step_rebuilds_the_later_version_in_every_language() {
    let corpus = series_corpus();
    let s = series::series(corpus.docs.as_slice(), &DocId("A/RES/79/136".into()));
    let names: Vec<&str> = s.iter().map(DocId::as_str).collect();
    assert_eq!(names, ["A/RES/71/19", "A/RES/75/10", "A/RES/77/20", "A/RES/79/136"]);
    assert_eq!(
        series::previous(corpus.docs.as_slice(), &DocId("A/RES/79/136".into())),
        Some(DocId("A/RES/77/20".into()))
    );
    let mut steps = 0;
    for pair in s.windows(2) {
        for before in corpus.versions(&pair[0]) {
            if let Some(after) = corpus.find(&pair[1], Some(before.lang.as_str())) {
                reconstructs(before, after);
                steps += 1;
            }
        }
    }
    assert_eq!(steps, 1 + 6 + 6, "71/19 in Chinese only; 75/10 → 77/20 → 79/136 in six languages");
}

#[test]
fn two_hundred_pairs_of_sessions_79_80_rebuild_exactly() {
    let bundle = resolex_tests::unxml_bundle();
    let mut by_lang: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in bundle.docs().iter().enumerate() {
        by_lang.entry(e.lang.0.clone()).or_default().push(i);
    }
    let langs: Vec<&Vec<usize>> = by_lang.values().filter(|v| v.len() > 1).collect();
    let mut rng = Rng::new(2024);
    for _ in 0..200 {
        let docs = langs[rng.below(langs.len())];
        let (a, b) = (docs[rng.below(docs.len())], docs[rng.below(docs.len())]);
        reconstructs(&bundle.document(a).unwrap(), &bundle.document(b).unwrap());
    }
}

/// Whether a pair kept a paragraph (in order or moved), added one or removed one.
fn structure(c: Change) -> &'static str {
    match c {
        Change::Added => "added",
        Change::Removed => "removed",
        Change::Unchanged | Change::Reworded | Change::Moved => "kept",
    }
}

/// A pair by its paragraph ids (earlier, later).
type PairKey = (Option<String>, Option<String>);

/// The share of keys on which every language gives the same value, and the keys where not.
fn agreement<V: Ord + std::fmt::Debug>(
    by_key: &BTreeMap<PairKey, BTreeMap<String, V>>,
    langs: usize,
) -> (f64, Vec<String>) {
    let differ: Vec<String> = by_key
        .iter()
        .filter(|(_, by_lang)| by_lang.len() < langs || by_lang.values().collect::<BTreeSet<_>>().len() > 1)
        .map(|(key, by_lang)| format!("  {key:?}: {by_lang:?}"))
        .collect();
    (1.0 - differ.len() as f64 / by_key.len() as f64, differ)
}

#[test]
fn the_six_languages_class_the_pairs_alike() {
    let corpus = series_corpus();
    for (a, b) in [("A/RES/75/10", "A/RES/77/20"), ("A/RES/77/20", "A/RES/79/136")] {
        // (earlier paragraph, later paragraph) → the class each language gives the pair.
        let mut classes: BTreeMap<PairKey, BTreeMap<String, Change>> = BTreeMap::new();
        let mut langs = BTreeSet::new();
        for before in corpus.versions(&DocId(a.into())) {
            let Some(after) = corpus.find(&DocId(b.into()), Some(before.lang.as_str())) else { continue };
            langs.insert(before.lang.0.clone());
            for row in diff::compare(before, after).rows {
                let key = (row.before.map(|s| s.para), row.after.map(|s| s.para));
                classes.entry(key).or_default().insert(before.lang.0.clone(), row.change);
            }
        }
        assert_eq!(langs.len(), 6, "{a} → {b}");
        // Where the readers give a paragraph different ids in different languages (the UN's XML
        // differs: Arabic 77/20 writes op17's subparagraphs as plain paragraphs), pairs cannot be
        // matched across languages: those are named, and left out of the measure.
        let shared = |doc: &str| -> BTreeSet<String> {
            let mut sets = corpus
                .versions(&DocId(doc.into()))
                .map(|d| d.paragraphs.iter().map(|p| p.id.to_string()).collect::<BTreeSet<_>>());
            let first = sets.next().unwrap_or_default();
            sets.fold(first, |acc, s| acc.intersection(&s).cloned().collect())
        };
        let (ids_a, ids_b) = (shared(a), shared(b));
        let (comparable, ingest): (BTreeMap<_, _>, BTreeMap<_, _>) = classes.into_iter().partition(|((x, y), _)| {
            x.as_ref().is_none_or(|x| ids_a.contains(x)) && y.as_ref().is_none_or(|y| ids_b.contains(y))
        });
        println!("{a} → {b}: ids not held in every language, left out: {:?}", ingest.keys().collect::<Vec<_>>());
        let classes = comparable;
        let structural: BTreeMap<_, BTreeMap<String, &str>> = classes
            .iter()
            .map(|(k, by_lang)| (k.clone(), by_lang.iter().map(|(l, c)| (l.clone(), structure(*c))).collect()))
            .collect();
        let (kept, kept_differ) = agreement(&structural, langs.len());
        let (worded, worded_differ) = agreement(&classes, langs.len());
        println!(
            "{a} → {b}: {} pairs; added / removed / kept agree in {:.1}%, every class in {:.1}%\n\
             where added / removed / kept differ:\n{}\nwhere only reworded / unchanged differ:\n{}",
            classes.len(),
            kept * 100.0,
            worded * 100.0,
            kept_differ.join("\n"),
            worded_differ.iter().filter(|d| !kept_differ.contains(d)).cloned().collect::<Vec<_>>().join("\n")
        );
        assert!(kept >= 0.95, "{a} → {b}: added / removed / kept agree in {:.1}% only", kept * 100.0);
        // Translators revise a language's wording on its own (Russian op10 of 77/20 says
        // высказывается за where 75/10 said рекомендует; English is unchanged), so reworded and
        // unchanged agree less: 64.4% and 81.4% when measured. A floor below that catches a
        // comparison that calls spelling, markers or numbering a change of wording.
        assert!(worded >= 0.6, "{a} → {b}: every class agrees in {:.1}% only", worded * 100.0);
    }
}

#[test]
fn a_version_against_itself_is_unchanged_and_swapping_sides_swaps_added_and_removed() {
    let corpus = series_corpus();
    for d in &corpus.docs {
        let same = diff::compare(d, d);
        assert!(same.rows.iter().all(|r| r.change == Change::Unchanged), "{} ({})", d.doc, d.lang);
        assert_eq!(same.summary.unchanged, d.paragraphs.len());
    }
    for before in corpus.versions(&DocId("A/RES/77/20".into())) {
        let after = corpus.find(&DocId("A/RES/79/136".into()), Some(before.lang.as_str())).unwrap();
        let (forth, back) = (diff::compare(before, after).summary, diff::compare(after, before).summary);
        assert_eq!((forth.added, forth.removed), (back.removed, back.added), "{}", before.lang);
        assert_eq!(forth.reworded + forth.moved + forth.unchanged, back.reworded + back.moved + back.unchanged);
        assert!(forth.added > 0 && forth.reworded > 0, "{}: {forth}", before.lang);
    }
}
