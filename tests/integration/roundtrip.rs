//! Export → ingest: Markdown and Akoma Ntoso give back every paragraph with every character.

use resolex_core::export::{to_akn, to_json, to_markdown};
use resolex_core::ingest::{Source, read};
use resolex_core::{Document, default_corpus};

fn reread(name: &str, text: &str) -> Document {
    match read(name, text.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{text}")) {
        Source::Document(d) => *d,
        Source::Metadata(_) => unreachable!("a document was exported"),
    }
}

fn assert_same_paragraphs(original: &Document, back: &Document, how: &str) {
    let pairs = |d: &Document| d.paragraphs.iter().map(|p| (p.id.to_string(), p.text.clone())).collect::<Vec<_>>();
    assert_eq!(pairs(original), pairs(back), "{how} round trip of {} ({})", original.doc, original.lang);
}

#[test]
fn markdown_round_trip_loses_nothing() {
    for d in &default_corpus::load().docs {
        let name = format!("{}.{}.md", d.doc.as_str().replace('/', "-"), d.lang);
        let back = reread(&name, &to_markdown(d));
        assert_same_paragraphs(d, &back, "Markdown");
        assert_eq!(back.meta.date, d.meta.date);
    }
}

#[test]
fn akn_round_trip_of_resolutions_loses_nothing() {
    for d in default_corpus::load().docs.iter().filter(|d| d.kind == resolex_core::DocKind::Resolution) {
        let back = reread(&format!("{}.{}.xml", d.doc.as_str().replace('/', "-"), d.lang), &to_akn(d));
        assert_same_paragraphs(d, &back, "AKN");
        assert_eq!((&back.doc, &back.lang, &back.meta.title), (&d.doc, &d.lang, &d.meta.title));
        let leads = |x: &Document| x.paragraphs.iter().map(|p| p.lead.clone()).collect::<Vec<_>>();
        assert_eq!(leads(&back), leads(d), "leads survive AKN");
    }
}

#[test]
fn json_export_deserializes_to_the_same_document() {
    for d in &default_corpus::load().docs {
        let value = to_json(d);
        let paragraphs: Vec<resolex_core::Paragraph> = serde_json::from_value(value["paragraphs"].clone()).unwrap();
        assert_eq!(&paragraphs, &d.paragraphs);
    }
}

#[test]
fn markup_in_text_survives_markdown() {
    let hostile = "The General Assembly,\n\nRecalling *its* [51/1](#) \\<sup>2</sup> <script>alert(1)</script> a\\b,\n\n1. *Decides* to act;\n";
    let d = reread("hostile.en.md", hostile);
    let back = reread("back.en.md", &to_markdown(&d));
    assert_same_paragraphs(&d, &back, "Markdown");
    assert!(d.paragraphs[0].text.contains("<script>alert(1)</script>"), "script kept as text");
}
