//! Bad input gets a clear error naming the file (and line where known), never a panic.

use resolex_core::IngestError;
use resolex_core::ingest::{Source, read};

fn error(name: &str, bytes: &[u8]) -> IngestError {
    match read(name, bytes) {
        Err(e) => e,
        Ok(_) => panic!("{name} should not ingest"),
    }
}

#[test]
fn empty_file() {
    let e = error("empty.txt", b"");
    assert_eq!(e.to_string(), "empty.txt: the file is empty");
    assert!(matches!(error("blank.md", b" \n\n\t\n"), IngestError::Empty { .. }));
}

#[test]
fn binary_file() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert!(error("image.txt", png).to_string().starts_with("image.txt:3: this is a binary file"));
}

#[test]
fn invalid_utf8_names_the_line() {
    let e = error("latin1.txt", b"The General Assembly,\n\nRecalling its r\xe9solution\n");
    assert_eq!(e.to_string(), "latin1.txt:3: invalid UTF-8 at byte 38; save the file as UTF-8");
}

#[test]
fn malformed_xml_names_the_line() {
    let e = error("broken.xml", b"<akomaNtoso>\n<statement>\n<preamble>\n</statement>\n");
    let message = e.to_string();
    assert!(message.starts_with("broken.xml:4: malformed XML"), "{message}");
    let e = error("other.xml", b"<html><body/></html>");
    assert!(e.to_string().contains("not an Akoma Ntoso document"), "{e}");
}

#[test]
fn a_100_mb_file_is_refused_without_reading_it_all() {
    let big = vec![b'a'; 100 << 20];
    let e = error("huge.txt", &big);
    assert!(e.to_string().starts_with("huge.txt: the file is 104857600 bytes, more than the limit"), "{e}");
}

#[test]
fn unsupported_extension() {
    assert!(error("scan.pdf", b"%PDF-1.7").to_string().contains("unsupported file type \"pdf\""));
}

#[test]
fn text_with_no_structure_is_a_plain_page() {
    let Ok(Source::Document(d)) = read("note.txt", b"just some words without any structure") else {
        panic!("should ingest")
    };
    assert_eq!(d.paragraphs.len(), 1);
    assert_eq!(d.kind, resolex_core::DocKind::Page);
}

#[test]
fn hostile_text_is_kept_as_inert_text() {
    let text =
        "Title\n\nA \x1b[2J\x1b]0;pwned\x07 \u{202e}reversed <img src=x onerror=alert(1)> [x](javascript:alert(1))\n";
    let Ok(Source::Document(d)) = read("hostile.en.txt", text.as_bytes()) else { panic!("should ingest") };
    let body = &d.paragraphs[1].text;
    assert!(body.contains("\x1b[2J") && body.contains("<img src=x onerror=alert(1)>"), "kept as text: {body:?}");
}

#[test]
fn deeply_nested_xml_does_not_overflow() {
    let mut xml = String::from("<akomaNtoso><statement><mainBody>");
    xml.push_str(&"<p>".repeat(2000));
    xml.push_str(&"</p>".repeat(2000));
    xml.push_str("</mainBody></statement></akomaNtoso>");
    // roxmltree caps the depth; a crash (stack overflow) would fail this test.
    let outcome = read("deep.xml", xml.as_bytes());
    assert!(matches!(outcome, Ok(_) | Err(IngestError::Xml { .. } | IngestError::Empty { .. })), "{outcome:?}");
}

#[test]
fn duplicate_document_language_names_both_files() {
    let a = ("one.en.txt", b"Same words here.".as_slice());
    let b = ("one.en.md", b"Same words again.".as_slice());
    let e = resolex_core::Corpus::from_files([a, b]).unwrap_err();
    assert_eq!(e.to_string(), "one in language en is given twice: by one.en.txt and by one.en.md");
}

/// The UN's own folder holds one mislabeled file: `A_RES_79_304-2510827R.xml` is the Russian
/// text of 79/309, which `A_RES_79_309-2510829R.xml` also gives.
#[test]
fn duplicate_versions_fail_or_keep_the_file_named_for_the_symbol() {
    use resolex_core::{Corpus, Duplicates, Error};
    let dir = resolex_tests::unxml_dir().join("79session/Russian");
    let named = dir.join("A_RES_79_309-2510829R.xml");
    let mislabeled = dir.join("A_RES_79_304-2510827R.xml");
    let files: Vec<(String, Vec<u8>)> =
        [&mislabeled, &named].iter().map(|p| (p.display().to_string(), std::fs::read(p).unwrap())).collect();
    let input = || files.iter().map(|(n, b)| (n.as_str(), b.as_slice()));
    match Corpus::from_files(input()) {
        Err(Error::Duplicate { doc, lang, first, second }) => {
            assert_eq!((doc.as_str(), lang.as_str()), ("A/RES/79/309", "ru"));
            let both = [first, second];
            assert!(both.contains(&files[0].0) && both.contains(&files[1].0), "{both:?}");
        }
        other => panic!("expected a duplicate error, got {other:?}"),
    }
    let corpus = Corpus::from_files_with(input(), Duplicates::Skip).unwrap();
    assert_eq!(corpus.docs.len(), 1);
    assert_eq!(corpus.docs[0].source, files[1].0, "keeps the file named for its symbol");
    assert_eq!(corpus.skipped.len(), 1);
}
