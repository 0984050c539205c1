//! One document, several sources and languages: the same paragraph ids, the same words.

use resolex_core::ingest::{Source, read};
use resolex_core::{DocId, Document, default_corpus, fold};

fn read_doc(name: &str, bytes: &[u8]) -> Document {
    match read(name, bytes).unwrap() {
        Source::Document(d) => *d,
        Source::Metadata(_) => panic!("{name} is not a document"),
    }
}

fn ids(d: &Document) -> Vec<String> {
    d.paragraphs.iter().map(|p| p.id.to_string()).collect()
}

/// Words to compare across sources: typographic variants folded; the seed text's italics
/// around titles are already gone.
fn words(s: &str) -> String {
    fold::typographic(s)
}

#[test]
fn english_79_136_from_seed_text_and_from_un_xml_agree() {
    let seed = read_doc(
        "A-RES-79-136.en.txt",
        &std::fs::read(resolex_tests::workspace_root().join("core/corpus/A-RES-79-136.en.txt")).unwrap(),
    );
    let path = resolex_tests::unxml_dir().join("79session/English/A_RES_79_136-2423454E.xml");
    let xml = read_doc(&path.display().to_string(), &std::fs::read(&path).unwrap());
    assert_eq!(seed.doc, xml.doc);
    assert_eq!(ids(&seed), ids(&xml));
    for (a, b) in seed.paragraphs.iter().zip(&xml.paragraphs) {
        assert_eq!(words(&a.text), words(&b.text), "{}: the words differ", a.id);
        assert_eq!(a.lead, b.lead, "{}: the lead differs (the XML marks it, the seed text does not)", a.id);
        assert_eq!(a.notes, b.notes, "{}: footnote links differ", a.id);
        let targets = |p: &resolex_core::Paragraph| p.refs.iter().map(|r| r.target.clone()).collect::<Vec<_>>();
        assert_eq!(targets(a), targets(b), "{}: references differ", a.id);
    }
}

#[test]
fn six_language_versions_share_paragraph_ids() {
    let c = default_corpus::load();
    let versions: Vec<&Document> = c.versions(&DocId("A/RES/79/136".into())).collect();
    assert_eq!(versions.len(), 6);
    let english = ids(versions.iter().find(|d| d.lang.as_str() == "en").unwrap());
    for d in &versions {
        assert_eq!(ids(d), english, "{} differs from English", d.lang);
    }
}

#[test]
fn every_paragraph_has_text_and_footnotes_are_linked() {
    let c = default_corpus::load();
    for d in c.docs.iter().filter(|d| d.doc.as_str() == "A/RES/79/136") {
        for p in &d.paragraphs {
            assert!(!p.text.trim().is_empty(), "{} {} {} is empty", d.doc, d.lang, p.id);
        }
        let linked: std::collections::BTreeSet<_> = d.paragraphs.iter().flat_map(|p| p.notes.iter().cloned()).collect();
        assert_eq!(linked.len(), 9, "{}: each of the nine footnotes is reachable from its marker", d.lang);
    }
}
