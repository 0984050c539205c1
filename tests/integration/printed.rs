//! The text reader against the UN's own XML: every resolution of sessions 79–80 and the series
//! before 79/136 (75/10, 77/20), in all six languages, printed as plain text the way the UN prints it (`resolex_tests::printed`), must
//! read into the same document as the XML itself — the same symbol and title, the same
//! paragraph ids and kinds, the same words. Printed with emphasis marked (`*…*`), the leads
//! must agree too. The share of versions read exactly, per language, is written to
//! `target/printed-report.md` with the first difference of every other version; with
//! `RESOLEX_PRINTED_DIR` set, the printed texts are written there too.

use resolex_core::ingest::{Source, read};
use resolex_core::{Document, fold};
use resolex_tests::printed::{Style, print};
use std::collections::BTreeMap;
use std::fmt::Write;
use unicode_normalization::UnicodeNormalization;

fn document(name: &str, bytes: &[u8]) -> Result<Document, String> {
    match read(name, bytes) {
        Ok(Source::Document(d)) => Ok(*d),
        Ok(Source::Metadata(_)) => Err("read as metadata".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// Text compared after folding: compatibility forms, typographic variants, case, and white space
/// (a page break in Chinese joins without a space, the XML may keep one).
fn folded(s: &str) -> String {
    fold::typographic(s).nfkc().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// The first way `text` (read from print) differs from `xml` (read from the XML), if any.
fn difference(xml: &Document, text: &Document, leads: bool) -> Option<String> {
    if xml.doc != text.doc {
        return Some(format!("symbol {} read as {}", xml.doc, text.doc));
    }
    if xml.meta.title.as_deref().map(folded) != text.meta.title.as_deref().map(folded) {
        return Some(format!("title {:?} read as {:?}", xml.meta.title, text.meta.title));
    }
    for (i, (a, b)) in xml.paragraphs.iter().zip(&text.paragraphs).enumerate() {
        if a.id != b.id || a.kind != b.kind {
            return Some(format!("#{i}: {} ({:?}) read as {} ({:?})", a.id, a.kind, b.id, b.kind));
        }
        let (fa, fb) = (folded(&a.text), folded(&b.text));
        if fa != fb {
            let (wa, wb) = around_difference(&fa, &fb);
            return Some(format!("{}: text …{wa:?}… read as …{wb:?}… (folded)", a.id));
        }
        if leads && a.lead.as_deref().map(folded) != b.lead.as_deref().map(folded) {
            return Some(format!("{}: lead {:?} read as {:?}", a.id, a.lead, b.lead));
        }
    }
    (xml.paragraphs.len() != text.paragraphs.len()).then(|| {
        let extra = xml.paragraphs.get(text.paragraphs.len()).or(text.paragraphs.get(xml.paragraphs.len()));
        format!(
            "{} paragraphs read as {} (first unmatched: {})",
            xml.paragraphs.len(),
            text.paragraphs.len(),
            extra.map_or(String::new(), |p| p.id.to_string())
        )
    })
}

/// Both texts from a little before their first difference.
fn around_difference(a: &str, b: &str) -> (String, String) {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let first = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let start = first.saturating_sub(30);
    let window = |t: &[char]| t[start.min(t.len())..(first + 50).min(t.len())].iter().collect();
    (window(&a), window(&b))
}

/// The first header field (adoption date, session, agenda item, draft, meeting) that `text`
/// reads differently from `xml`, if any.
fn header_difference(xml: &Document, text: &Document) -> Option<String> {
    let (a, b) = (&xml.meta, &text.meta);
    let fields = [
        ("date", a.date.clone(), b.date.clone()),
        ("session", a.session.map(|n| n.to_string()), b.session.map(|n| n.to_string())),
        ("agenda item", a.agenda_item.as_deref().map(folded), b.agenda_item.as_deref().map(folded)),
        ("draft", a.draft.as_deref().map(folded), b.draft.as_deref().map(folded)),
        ("meeting", a.meeting.map(|n| n.to_string()), b.meeting.map(|n| n.to_string())),
    ];
    fields.into_iter().find(|(_, x, t)| x != t).map(|(name, x, t)| format!("{name} {x:?} read as {t:?}"))
}

#[derive(Default)]
struct Tally {
    versions: usize,
    exact: usize,
    misses: Vec<String>,
    /// Versions whose header fields all agree (plain form only).
    header: usize,
    header_misses: Vec<String>,
}

#[test]
fn the_text_reader_reads_every_printed_resolution_as_the_xml_reader_does() {
    // Sessions 79–80, and the series before 79/136 (75/10, 77/20) from the default corpus.
    let mut files = resolex_tests::files_under(resolex_tests::unxml_dir(), &["xml"]);
    files.extend(resolex_tests::files_under(&resolex_tests::workspace_root().join("core/corpus"), &["xml"]));
    let mut tallies: BTreeMap<(String, &str), Tally> = BTreeMap::new();
    for f in &files {
        let name = f.display().to_string();
        let bytes = std::fs::read(f).unwrap();
        let xml = document(&name, &bytes).unwrap();
        if xml.lang.as_str() == "de" {
            continue;
        }
        let src = String::from_utf8(bytes).unwrap();
        let stem = f.file_stem().unwrap().to_string_lossy();
        for (style, form) in [
            (Style { emphasis: false, page_breaks: true }, "plain"),
            (Style { emphasis: true, page_breaks: true }, "marked"),
        ] {
            let printed = print(&src, style).unwrap();
            if let Some(dir) = std::env::var_os("RESOLEX_PRINTED_DIR") {
                let _ = std::fs::write(std::path::Path::new(&dir).join(format!("{stem}.{form}.txt")), &printed);
            }
            let tally = tallies.entry((xml.lang.to_string(), form)).or_default();
            tally.versions += 1;
            let read = document(&format!("{stem}.txt"), printed.as_bytes());
            if let Ok(text) = &read {
                match header_difference(&xml, text) {
                    None => tally.header += 1,
                    Some(why) => tally.header_misses.push(format!("- {} {stem}: {why}", xml.doc)),
                }
            }
            let miss = match read {
                Ok(text) => difference(&xml, &text, form == "marked"),
                Err(e) => Some(e),
            };
            match miss {
                None => tally.exact += 1,
                Some(why) => tally.misses.push(format!("- {} {stem}: {why}", xml.doc)),
            }
        }
    }
    let mut report = String::from("# Plain text printed from the UN's XML, read back (GA sessions 79–80)\n\n");
    let _ = writeln!(
        report,
        "| language | form | versions | read exactly | header read exactly |\n|---|---|---:|---:|---:|"
    );
    let share = |n: usize, of: usize| 100.0 * n as f64 / of as f64;
    for ((lang, form), t) in &tallies {
        let (exact, header) = (share(t.exact, t.versions), share(t.header, t.versions));
        let _ = writeln!(
            report,
            "| {lang} | {form} | {} | {} ({exact:.2}%) | {} ({header:.2}%) |",
            t.versions, t.exact, t.header
        );
    }
    for ((lang, form), t) in &tallies {
        let _ = writeln!(report, "\n## {lang}, {form}: {} differ\n\n{}", t.misses.len(), t.misses.join("\n"));
        if *form == "plain" {
            let _ =
                writeln!(report, "\n### header: {} differ\n\n{}", t.header_misses.len(), t.header_misses.join("\n"));
        }
    }
    let path = resolex_tests::target_dir().join("printed-report.md");
    std::fs::write(&path, &report).unwrap();
    let short: Vec<String> = report.lines().take(16).map(str::to_owned).collect();
    println!("{}", short.join("\n"));
    // The goal is 99.5% in every language, and plain text meets it. Measured: plain
    // 99.66–100%, marked 98.80–99.83% (the XML's leads that the print does not mark as such),
    // header 97.60–99.83%; docs/decisions.md names the resolutions that still differ and why.
    // These floors keep what is reached.
    for ((lang, form), t) in &tallies {
        let floor = if *form == "plain" { 995 } else { 980 };
        assert!(t.versions >= 500, "{lang}: only {} versions", t.versions);
        assert!(
            t.header * 1000 >= t.versions * 970,
            "{lang}: the header of {} of {} versions read as the XML's; see {}",
            t.header,
            t.versions,
            path.display()
        );
        assert!(
            t.exact * 1000 >= t.versions * floor,
            "{lang} ({form}): {} of {} versions read exactly; see {}",
            t.exact,
            t.versions,
            path.display()
        );
    }
}
