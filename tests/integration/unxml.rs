//! The real-world set: every General Assembly resolution of sessions 79 and 80 in the UN's AKN
//! XML. Every file must ingest; the language versions of a resolution must get the same
//! paragraph ids, with the UN's own structure as the oracle. The report of which resolutions
//! agree, and why the others do not, is written to `target/unxml-report.md`.

use resolex_core::ingest::{Source, read};
use resolex_core::{DocId, Document};
use std::collections::BTreeMap;
use std::fmt::Write;

fn ids(d: &Document) -> Vec<String> {
    d.paragraphs.iter().map(|p| p.id.to_string()).collect()
}

/// Why two id sequences differ, in a line.
fn difference(reference: &[String], other: &[String]) -> String {
    let first = reference.iter().zip(other).position(|(a, b)| a != b);
    match first {
        Some(i) => format!("first difference at #{i}: {} vs {}", reference[i], other[i]),
        None => format!("{} vs {} paragraphs", reference.len(), other.len()),
    }
}

/// The shape of the XML file of `d`, whatever a reader makes of it: how many blocks
/// (`container`, `paragraph`, `point`, `item`, headings, notes) its preambles and bodies hold (of
/// every part and annex), how many of them are numbered (`<num>`), and the paragraph numbers written in digits.
/// Where two versions' shapes differ, the UN's XML itself is marked up differently.
fn shape_of_xml(d: &Document) -> (usize, usize, Vec<u32>) {
    const BLOCKS: [&str; 8] =
        ["container", "paragraph", "point", "item", "crossHeading", "subheading", "heading", "authorialNote"];
    let src = std::fs::read_to_string(&d.source).unwrap_or_default();
    let options = roxmltree::ParsingOptions { allow_dtd: false, ..Default::default() };
    let Ok(xml) = roxmltree::Document::parse_with_options(&src, options) else { return (0, 0, Vec::new()) };
    let nodes: Vec<roxmltree::Node> = xml
        .descendants()
        .filter(|c| c.has_tag_name("preamble") || c.has_tag_name("mainBody"))
        .flat_map(|part| part.descendants())
        .collect();
    let blocks = nodes.iter().filter(|n| BLOCKS.contains(&n.tag_name().name())).count();
    let nums: Vec<String> = nodes
        .iter()
        .filter(|n| n.has_tag_name("num"))
        .map(|n| n.descendants().filter(roxmltree::Node::is_text).filter_map(|t| t.text()).collect::<String>())
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .collect();
    // The numbers as written in ASCII digits (`1.`, `1 -`): a number skipped or given twice.
    let numbers = nums.iter().filter_map(|t| t.trim().trim_end_matches(['.', '-', ' ']).parse().ok()).collect();
    (blocks, nums.len(), numbers)
}

#[test]
fn sessions_79_and_80_ingest_and_language_versions_agree() {
    let dir = resolex_tests::unxml_dir();
    let files = resolex_tests::files_under(dir, &["xml"]);
    assert!(files.len() >= 3500, "found {} XML files", files.len());
    let mut by_doc: BTreeMap<DocId, Vec<Document>> = BTreeMap::new();
    let mut errors = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        match read(&f.display().to_string(), &bytes) {
            Ok(Source::Document(d)) => by_doc.entry(d.doc.clone()).or_default().push(*d),
            Ok(Source::Metadata(_)) => errors.push(format!("{}: read as metadata", f.display())),
            Err(e) => errors.push(e.to_string()),
        }
    }
    assert!(errors.is_empty(), "{} files failed:\n{}", errors.len(), errors.join("\n"));

    let mut report = String::new();
    let mut agree = 0;
    let mut disagree = Vec::new();
    // Resolutions where some language's XML has another shape than the reference's (blocks,
    // numbered items): the UN's markup differs, not only the reading.
    let mut by_markup = 0;
    for (doc, versions) in &by_doc {
        let reference = versions.iter().find(|d| d.lang.as_str() == "en").unwrap_or(&versions[0]);
        let ref_ids = ids(reference);
        let ref_shape = shape_of_xml(reference);
        let mut markup_differs = false;
        let odd: Vec<String> = versions
            .iter()
            .filter(|d| d.lang.as_str() != "de" && ids(d) != ref_ids)
            .map(|d| {
                let shape = shape_of_xml(d);
                markup_differs |= shape != ref_shape;
                let markup = if shape == ref_shape {
                    String::new()
                } else {
                    let numbers = if shape.2 == ref_shape.2 { "" } else { ", and other paragraph numbers" };
                    format!(
                        "; its XML has {} blocks, {} numbered{numbers}; {}'s {} and {}",
                        shape.0, shape.1, reference.lang, ref_shape.0, ref_shape.1
                    )
                };
                format!("{} ({}{markup})", d.lang, difference(&ref_ids, &ids(d)))
            })
            .collect();
        if odd.is_empty() {
            agree += 1;
        } else {
            by_markup += usize::from(markup_differs);
            disagree.push(format!("- {doc}: {}", odd.join("; ")));
        }
    }
    let total = by_doc.len();
    let _ = writeln!(report, "# Paragraph ids across language versions, GA sessions 79–80\n");
    let _ = writeln!(
        report,
        "{} files, {total} resolutions: {agree} agree in all their languages, {} do not. In {by_markup} of \
         those, a language's XML has another count of blocks (`container`, `paragraph`, `point`, \
         `item`, headings) or of numbered ones (`<num>`), or other paragraph numbers, than the \
         reference version's: the UN's own markup differs there. The others have the same counts and are where a reader may be at \
         fault.\n",
        files.len(),
        disagree.len()
    );
    let _ = writeln!(report, "{}", disagree.join("\n"));
    let path = resolex_tests::target_dir().join("unxml-report.md");
    std::fs::write(&path, &report).unwrap();
    println!("{report}");
    assert!(total >= 570, "expected every resolution of both sessions, found {total}");
    // Measured: 540 of 601 (89.9%; 546 before annexes and parts were read, which brought seven
    // resolutions whose annexes the six XML files mark up differently; 537 before every body of
    // the statement, preamble lists item by item and Chinese one-line section titles were read;
    // 527 before Chinese ㈣ and Arabic ’4‘ items, doubled letters and (l) after (k) were read;
    // 520 before Arabic subparagraphs numbered as paragraphs were); the report names each of
    // the others and why.
    assert!(
        agree * 1000 >= total * 895,
        "only {agree} of {total} resolutions agree across languages; see {}",
        path.display()
    );
    // Where the six XML files have the same shape, a disagreement may be the readers' fault: 3
    // such resolutions are known (each named in the report); no more may appear.
    let same_shape = disagree.len() - by_markup;
    assert!(same_shape <= 3, "{same_shape} resolutions disagree with XML of the same shape; see {}", path.display());
}
