//! Phrases across footnote markers (SPEC §4: a phrase is its words in a row across punctuation
//! and footnote markers), against a scan that shares no code with the analyzer: the texts are
//! split into words by hand here, markers read as spaces, as `bench/peers/oracle.mjs` does.
//!
//! Phrases are sampled around every marker of the corpus, grouped by the form it is printed in
//! (bare, after or before `,` `;` `.` `:` or a closing quote, in parentheses as the UN's Arabic
//! prints them), so that each form stays covered; on the default corpus and on sessions 79–80.

use resolex_core::bundle::Bundle;
use resolex_core::search;
use resolex_tests::Rng;
use std::collections::{BTreeMap, BTreeSet};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Characters footnote markers are printed with, as the readers store them.
fn is_marker(c: char) -> bool {
    matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹' | '⁽' | '⁾' | '⁺' | '⁻')
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Latin, Greek and Cyrillic letters lose their marks (SPEC §4); other scripts keep them.
fn loses_marks(c: char) -> bool {
    matches!(c as u32, 0x41..=0x24F | 0x1E00..=0x1EFF | 0x370..=0x3FF | 0x1F00..=0x1FFF | 0x400..=0x52F)
}

/// The words of `text` with the char offset where each starts: markers become spaces, then
/// NFKC, lower case and marks removed; a word is a run of letters, digits and marks, which a
/// `.` or `:` between two letters, or a `.` `,` or `;` between two digits, does not break
/// (Unicode word boundaries keep `e.g` and `1,000` whole).
fn words(text: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = text.chars().map(|c| if is_marker(c) { ' ' } else { c }).collect();
    let alnum = |i: usize| chars.get(i).is_some_and(|&c| c.is_alphanumeric() || is_combining_mark(c));
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, &c) in chars.iter().enumerate() {
        let joins = i > 0 && alnum(i - 1) && alnum(i + 1) && {
            let (a, b) = (chars[i - 1], chars[i + 1]);
            (matches!(c, '.' | ':' | '·') && a.is_alphabetic() && b.is_alphabetic())
                || (matches!(c, '.' | ',' | ';') && a.is_numeric() && b.is_numeric())
        };
        if alnum(i) || joins {
            current.get_or_insert_with(|| (i, String::new())).1.push(c);
        } else if let Some(w) = current.take() {
            out.push(w);
        }
    }
    out.extend(current);
    out.into_iter().map(|(at, w)| (at, fold(&w))).collect()
}

fn fold(word: &str) -> String {
    let lower: String = word.nfkc().flat_map(char::to_lowercase).collect();
    let mut out = String::new();
    let mut strips = false;
    for c in lower.nfd() {
        if is_combining_mark(c) && strips {
            continue;
        }
        if !is_combining_mark(c) {
            strips = loses_marks(c);
        }
        out.push(c);
    }
    out.nfc().collect()
}

/// How a marker is printed: what stands before and after it.
fn form(text: &[char], start: usize, end: usize) -> String {
    let class = |c: Option<&char>| match c {
        Some(c) if c.is_alphanumeric() => "word".to_owned(),
        Some(c) if c.is_whitespace() => "space".to_owned(),
        Some(&c) => c.to_string(),
        None => "end".to_owned(),
    };
    let paren = if text[start] == '⁽' { "(…)" } else { "" };
    format!("{} ·{paren}· {}", class(start.checked_sub(1).and_then(|i| text.get(i))), class(text.get(end)))
}

/// A phrase of 2–4 words around each sampled marker: (the typed query, its folded words, form).
fn samples(texts: &[String], rng: &mut Rng, per_form: usize) -> Vec<(String, Vec<String>, String)> {
    let mut by_form: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
    for (o, text) in texts.iter().enumerate() {
        if text.chars().any(is_ideograph) {
            continue;
        }
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if is_marker(chars[i]) {
                let start = i;
                while i < chars.len() && is_marker(chars[i]) {
                    i += 1;
                }
                by_form.entry(form(&chars, start, i)).or_default().push((o, start));
            }
            i += 1;
        }
    }
    let mut out = Vec::new();
    for (form, places) in by_form {
        // Draw until `per_form` phrases are taken (a marker often ends its paragraph: `annex.¹`),
        // within a bound.
        let mut taken = 0;
        for _ in 0..per_form * 20 {
            if taken == per_form.min(places.len()) {
                break;
            }
            let (o, at) = places[rng.below(places.len())];
            let w = words(&texts[o]);
            let after = w.iter().position(|(start, _)| *start > at).unwrap_or(w.len());
            if after == 0 || after == w.len() {
                continue; // the marker begins or ends the paragraph
            }
            let from = after.saturating_sub(1 + rng.below(2));
            let to = (after + 1 + rng.below(2)).min(w.len());
            let phrase: Vec<String> = w[from..to].iter().map(|(_, s)| s.clone()).collect();
            if phrase.iter().all(|s| s.chars().all(char::is_alphabetic)) {
                out.push((phrase.join(" "), phrase, form.clone()));
                taken += 1;
            }
        }
    }
    out
}

fn check(bundle: &Bundle, seed: u64, forms: &[&str]) {
    let texts: Vec<String> =
        (0..bundle.catalog.paragraphs).map(|o| bundle.paragraph(o).expect("paragraph").text.to_owned()).collect();
    let words: Vec<Vec<String>> = texts.iter().map(|t| words(t).into_iter().map(|(_, w)| w).collect()).collect();
    let mut rng = Rng::new(seed);
    let sampled = samples(&texts, &mut rng, 6);
    let mut failures = Vec::new();
    let mut covered = BTreeSet::new();
    for (typed, phrase, form) in &sampled {
        let expected: BTreeSet<u32> = (0..words.len() as u32)
            .filter(|&o| words[o as usize].windows(phrase.len()).any(|w| w == phrase.as_slice()))
            .collect();
        assert!(!expected.is_empty(), "{typed:?} was sampled from the texts");
        let found: BTreeSet<u32> = search::rank(bundle, &format!("\"{typed}\"")).ords().collect();
        if found == expected {
            covered.insert(form.clone());
        } else {
            failures.push(format!(
                "{typed:?} ({form}): missing {:?}, extra {:?}",
                expected.difference(&found).map(|&o| &texts[o as usize]).take(1).collect::<Vec<_>>(),
                found.difference(&expected).map(|&o| &texts[o as usize]).take(1).collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} phrases differ from the scan:\n{}",
        failures.len(),
        sampled.len(),
        failures.join("\n")
    );
    for f in forms {
        assert!(covered.contains(*f), "no phrase sampled across a marker printed as {f:?}; covered: {covered:?}");
    }
}

#[test]
fn phrases_across_every_marker_form_match_a_scan_of_the_default_corpus() {
    // 79/136 (en) pp21 `Persons,⁷ in`, (fr) pp9 `Nations Unies³, notamment`.
    check(resolex_tests::default_bundle(), 16, &["word ·· ,", "word ·· space", ", ·· space"]);
}

#[test]
fn phrases_across_every_marker_form_match_a_scan_of_sessions_79_80() {
    // Markers before `,` `.` `:` `;` and the Arabic comma, after closing quotes, in parentheses.
    let forms = [
        "word ·· ,",
        "word ·· .",
        "word ·· :",
        "word ·· space",
        ", ·· space",
        "; ·· space",
        "” ·· ;",
        "» ·· ,",
        "word ·(…)· space",
        "word ·(…)· ،",
    ];
    check(resolex_tests::unxml_bundle(), 80, &forms);
}

#[test]
fn a_marker_written_as_sup_in_html_or_markdown_is_crossed_like_a_printed_one() {
    let html = "<html lang=\"en\"><body><p>Trafficking in Persons,<sup>7</sup> in which the Assembly</p></body></html>";
    let md = "Trafficking in Persons<sup>7</sup>; in which the Assembly\n";
    let corpus = resolex_core::Corpus::from_files([("a.en.html", html.as_bytes()), ("b.en.md", md.as_bytes())])
        .expect("both read");
    let bundle = Bundle::from_vec(resolex_core::bundle::write(&corpus).expect("write")).expect("load");
    let found = search::search(&bundle, "\"persons in which\"", 10);
    assert_eq!(found.total, 2, "{:?}", found.hits.iter().map(|h| &h.text).collect::<Vec<_>>());
}
