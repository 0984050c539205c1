//! SPEC §7: the ground truth of the default corpus, checked field by field.

use resolex_core::{Corpus, DocId, Document, ParaId, ParaKind, default_corpus};
use std::collections::BTreeSet;

fn corpus() -> Corpus {
    default_corpus::load()
}

fn doc<'a>(c: &'a Corpus, id: &str, lang: &str) -> &'a Document {
    c.find(&DocId(id.into()), Some(lang)).unwrap_or_else(|| panic!("{id} ({lang}) missing"))
}

fn count(d: &Document, kind: ParaKind) -> usize {
    d.paragraphs.iter().filter(|p| p.kind == kind).count()
}

fn ids_of(d: &Document, kind: ParaKind) -> Vec<String> {
    d.paragraphs.iter().filter(|p| p.kind == kind).map(|p| p.id.to_string()).collect()
}

fn all_targets(d: &Document) -> BTreeSet<String> {
    d.all_refs().map(|(_, r)| r.target.clone()).collect()
}

fn para_targets(d: &Document) -> BTreeSet<String> {
    d.paragraphs.iter().flat_map(|p| p.refs.iter().map(|r| r.target.clone())).collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn resolution_79_136_in_six_languages_has_the_spec_counts() {
    let c = corpus();
    for lang in ["en", "fr", "es", "ru", "ar", "zh"] {
        let d = doc(&c, "A/RES/79/136", lang);
        assert_eq!(count(d, ParaKind::Preambular), 29, "{lang} preambular");
        assert_eq!(count(d, ParaKind::Operative), 25, "{lang} operative");
        assert_eq!(ids_of(d, ParaKind::Subparagraph), ["op21.a", "op21.b", "op21.c", "op21.d", "op21.e"], "{lang}");
        assert_eq!(count(d, ParaKind::Footnote), 9, "{lang} footnotes");
        assert_eq!(d.paragraphs.len(), 29 + 25 + 5 + 9, "{lang}: nothing else");
    }
}

#[test]
fn resolution_79_136_metadata() {
    let c = corpus();
    for lang in ["en", "fr", "es", "ru", "ar", "zh"] {
        let m = &doc(&c, "A/RES/79/136", lang).meta;
        assert_eq!(m.date.as_deref(), Some("2024-12-06"), "{lang}");
        assert_eq!(m.meeting, Some(48), "{lang}");
        assert_eq!(m.session, Some(79), "{lang}");
        // The sub-item's letter is printed in the language's script: (ذ) in Arabic.
        let agenda = if lang == "ar" { "125 (ذ)" } else { "125 (y)" };
        assert_eq!(m.agenda_item.as_deref(), Some(agenda), "{lang}");
        assert_eq!(m.draft.as_deref(), Some("A/79/L.17"), "{lang}");
        assert_eq!(
            m.vote.as_ref().map(|v| &v.kind),
            Some(&resolex_core::model::VoteKind::WithoutVote),
            "{lang}: data_extract attached"
        );
    }
}

#[test]
fn page_breaks_are_rejoined_in_79_136() {
    let c = corpus();
    let d = doc(&c, "A/RES/79/136", "en");
    let joined = [
        ("pp5", "entrusted with the mandate of ensuring"),
        ("pp12", "and support for the development of national police"),
        ("op12", "readily available INTERPOL capabilities, including"),
        ("op18", "upon request and based on national needs"),
        ("op22", "national central bureaux of Member States that are also"),
    ];
    for (id, words) in joined {
        let p = d.paragraph(&ParaId::parse(id).unwrap()).unwrap();
        assert!(p.text.contains(words), "{id} was not rejoined: {}", p.text);
    }
}

#[test]
fn references_of_79_136() {
    let c = corpus();
    let expected = set(&[
        "A/RES/51/1",
        "A/RES/71/19",
        "A/RES/73/11",
        "A/RES/75/10",
        "A/RES/77/20",
        "A/RES/73/187",
        "A/RES/74/247",
        "A/RES/75/282",
        "A/RES/60/288",
        "A/RES/72/284",
        "A/RES/70/1",
        "A/RES/72/1",
        "E/RES/2019/19",
        "E/RES/2019/20",
        "A/DEC/60/519",
        "A/79/L.17",
        "A/60/88",
        "A/60/88/Corr.2",
        "A/CONF.192/15",
        "GA-2022-90-RES-01",
        "UNTS/1996/1200",
        "UNTS/2085/1232",
    ]);
    assert_eq!(all_targets(doc(&c, "A/RES/79/136", "en")), expected);
}

#[test]
fn reference_spans_point_at_their_text() {
    let c = corpus();
    for d in &c.docs {
        for p in &d.paragraphs {
            for r in &p.refs {
                let printed = p
                    .text
                    .get(r.span[0]..r.span[1])
                    .unwrap_or_else(|| panic!("{} {}: bad span {:?}", d.doc, p.id, r.span));
                assert!(!printed.is_empty(), "{} {}: empty span for {}", d.doc, p.id, r.target);
                let digits_of = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
                let t = digits_of(&r.target);
                let shown = digits_of(printed);
                assert!(
                    t.contains(&shown) || shown.contains(&t),
                    "{} {}: {printed:?} is not {}",
                    d.doc,
                    p.id,
                    r.target
                );
            }
        }
    }
}

#[test]
fn resolution_71_19() {
    let c = corpus();
    let d = doc(&c, "A/RES/71/19", "zh");
    assert_eq!(count(d, ParaKind::Preambular), 13);
    assert_eq!(count(d, ParaKind::Operative), 6);
    assert_eq!(ids_of(d, ParaKind::Subparagraph), ["op3.a", "op3.b", "op3.c", "op3.d", "op3.e"]);
    assert_eq!(count(d, ParaKind::Footnote), 3);
    assert_eq!(d.paragraphs.len(), 13 + 6 + 5 + 3);
    let m = &d.meta;
    assert_eq!((m.date.as_deref(), m.meeting, m.session), (Some("2016-11-21"), Some(48), Some(71)));
    assert_eq!(m.agenda_item.as_deref(), Some("126"));
    assert_eq!(m.draft.as_deref(), Some("A/71/L.17 and Add.1"));
    // SPEC §7 lists the three resolutions; footnote 1 also cites the 1997 agreement's
    // Treaty Series volume, as it does in 79/136.
    assert_eq!(para_targets(d), set(&["A/RES/51/1", "A/RES/70/1", "A/RES/60/288", "UNTS/1996/1200"]));
    let leads: Vec<_> = d.paragraphs.iter().take(3).map(|p| p.lead.clone().unwrap_or_default()).collect();
    assert_eq!(leads, ["回顾", "又回顾", "还回顾"]);
    assert_eq!(d.paragraph(&ParaId::operative(1)).unwrap().lead.as_deref(), Some("呼吁"));
}

#[test]
fn interpol_page_in_french() {
    let c = corpus();
    let d = doc(&c, "interpol-un-resolutions", "fr");
    assert_eq!(
        para_targets(d),
        set(&[
            "A/RES/71/19",
            "A/RES/73/11",
            "A/RES/72/1",
            "S/RES/2396(2017)",
            "S/RES/2322(2016)",
            "S/RES/2331(2016)",
            "S/RES/2178(2014)"
        ])
    );
    assert_eq!(count(d, ParaKind::ListItem), 4, "the four • bullets");
    let graph = c.graph();
    let edge = graph.iter().find(|e| e.target == "A/RES/71/19").unwrap();
    assert!(edge.in_corpus, "71/19 is held, so the page's reference can be followed");
}

#[test]
fn interpol_press_release_drops_what_is_not_content() {
    let c = corpus();
    let d = doc(&c, "interpol-ga-2025-marrakech", "en");
    assert_eq!(d.meta.date.as_deref(), Some("2025-11-27"));
    for p in &d.paragraphs {
        assert!(!p.text.contains(".jpeg"), "image name kept: {}", p.text);
        assert_ne!(p.text.trim(), "/", "lone slash kept");
    }
    let source =
        std::fs::read_to_string(resolex_tests::workspace_root().join("core/corpus/interpol-ga-2025-marrakech.en.txt"))
            .unwrap();
    let images = source.lines().filter(|l| l.to_ascii_lowercase().ends_with(".jpeg")).count();
    assert_eq!(images, 11, "the source has eleven image names");
    let words_kept = d.paragraphs.iter().map(|p| p.text.as_str()).collect::<String>();
    assert!(words_kept.contains("The 94th General Assembly will be held in Hong Kong, China."));
}
