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

/// Resolutions with annexes (a declaration, a convention of articles, several annexes), in
/// parts, and in sections numbered anew, from the UN's XML: their Markdown and Akoma Ntoso
/// exports read back to the same paragraphs.
#[test]
fn round_trips_of_annexes_parts_and_sections_lose_nothing() {
    let dir = resolex_tests::unxml_dir();
    let files = [
        "79session/English/A_RES_79_1-2416433E.xml",
        "79session/French/A_RES_79_93-2423550F.xml",
        "80session/English/A_RES_80_162-2520856E.xml",
        "80session/Chinese/A_RES_80_162-2520856C.xml",
        "80session/Arabic/A_RES_80_244AC-2521251A.xml",
        "80session/Russian/A_RES_80_117-2520712R.xml",
        "79session/English/A_RES_79_258-2424700E.xml",
    ];
    for file in files {
        let path = dir.join(file);
        let d = reread(&path.display().to_string(), &std::fs::read_to_string(&path).unwrap());
        let scoped = |p: &resolex_core::Paragraph| p.id.scope().is_some() || p.id.section().is_some();
        assert!(d.paragraphs.iter().any(scoped), "{file} has annexes, parts or sections");
        let name = format!("{}.{}", d.doc.as_str().replace(['/', ' '], "-"), d.lang);
        assert_same_paragraphs(&d, &reread(&format!("{name}.md"), &to_markdown(&d)), "Markdown");
        assert_same_paragraphs(&d, &reread(&format!("{name}.xml"), &to_akn(&d)), "AKN");
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
