//! The `resolex` binary: JSON shapes of SPEC §5 and exit codes.

use resolex_tests::resolex;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let out = resolex().args(args).output().unwrap();
    assert!(out.status.success(), "resolex {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn docs_json_lists_the_default_corpus() {
    let docs = json(&["docs", "--json"]);
    let rows = docs.as_array().unwrap();
    assert_eq!(rows.len(), 21, "six versions each of 75/10, 77/20 and 79/136, 71/19, two INTERPOL pages");
    let en = rows.iter().find(|r| r["doc"] == "A/RES/79/136" && r["lang"] == "en").unwrap();
    assert_eq!(en["date"], "2024-12-06");
    assert_eq!(en["paragraphs"], 68);
    assert_eq!(en["counts"]["preambular"], 29);
    assert_eq!(en["counts"]["operative"], 25);
}

#[test]
fn show_a_subparagraph() {
    let v = json(&["show", "A/RES/79/136#op21.b", "--json"]);
    let p = &v["paragraphs"][0];
    assert_eq!(p["para"], "op21.b");
    assert_eq!(p["kind"], "subparagraph");
    assert_eq!(p["num"], "21 (b)");
    assert_eq!(p["cite"], "A/RES/79/136, para. 21 (b)");
    assert!(p["text"].as_str().unwrap().starts_with("INTERPOL databases"));
    let fr = json(&["show", "A/RES/79/136#op21.b", "--lang", "fr", "--json"]);
    assert_eq!(fr["lang"], "fr");
    assert!(fr["paragraphs"][0]["text"].as_str().unwrap().contains("INTERPOL"));
}

#[test]
fn refs_json_joins_both_ways() {
    let v = json(&["refs", "--json"]);
    let edge = v.as_array().unwrap().iter().find(|e| e["target"] == "A/RES/71/19").unwrap();
    assert_eq!(edge["in_corpus"], true);
    assert_eq!(edge["kind"], "ga-resolution");
    let citers: Vec<&str> = edge["cited_by"].as_array().unwrap().iter().map(|c| c["doc"].as_str().unwrap()).collect();
    assert!(citers.contains(&"A/RES/79/136") && citers.contains(&"interpol-un-resolutions"));
}

#[test]
fn exit_codes() {
    let missing = resolex().args(["show", "A/RES/1/1"]).output().unwrap();
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no document A/RES/1/1"));
    let bad = resolex().args(["show", "A/RES/79/136#zz9"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let dir = std::env::temp_dir().join(format!("resolex-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("broken.xml");
    std::fs::write(&file, "<akomaNtoso>\n<statement>\n</akomaNtoso>").unwrap();
    let out = resolex().arg("--corpus").arg(&file).arg("docs").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.xml:3: malformed XML"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_markdown_of_a_resolution() {
    let out = resolex().args(["export", "--format", "markdown", "A/RES/71/19"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("1. *呼吁*"), "{text}");
}

#[test]
fn build_default_corpus_writes_the_embedded_corpus() {
    let out = std::env::temp_dir().join(format!("resolex-default-{}.rlx", std::process::id()));
    let status = resolex_tests::resolex().args(["build", "--default-corpus", "-o"]).arg(&out).output().unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let written = resolex_core::bundle::Bundle::from_vec(std::fs::read(&out).unwrap()).unwrap();
    let _ = std::fs::remove_file(&out);
    let embedded = resolex_tests::default_bundle();
    let versions = |b: &resolex_core::bundle::Bundle| {
        b.docs().iter().map(|e| (e.doc.to_string(), e.lang.to_string(), e.count)).collect::<Vec<_>>()
    };
    assert_eq!(versions(&written), versions(embedded));
    assert_eq!(written.catalog.paragraphs, embedded.catalog.paragraphs);
    // It takes no paths besides.
    let both = resolex_tests::resolex().args(["build", "--default-corpus", "core/corpus"]).output().unwrap();
    assert!(!both.status.success());
}

/// `resolex build` reads each file twice (to settle the corpus, then into the index) and never
/// holds the corpus: its bundle is byte for byte the one the corpus read whole gives, with a
/// duplicate copy skipped in favour of the file named for its symbol and metadata lines attached.
#[test]
fn build_streams_the_bundle_the_corpus_read_whole_gives() {
    let dir = resolex_tests::target_dir().join("cli-test/streamed");
    let _ = std::fs::remove_dir_all(&dir);
    let input = dir.join("corpus");
    std::fs::create_dir_all(&input).unwrap();
    let corpus = resolex_tests::workspace_root().join("core/corpus");
    for e in std::fs::read_dir(&corpus).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), input.join(e.file_name())).unwrap();
    }
    // Read first, but not named for its symbol: the named copy takes its place.
    std::fs::copy(corpus.join("A_RES_79_136-2423454F.xml"), input.join("00-copy.fr.xml")).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(&input)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| resolex_core::ingest::Format::of(n).is_some())
        .collect();
    names.sort();
    let files: Vec<(String, Vec<u8>)> =
        names.iter().map(|n| (input.join(n).display().to_string(), std::fs::read(input.join(n)).unwrap())).collect();
    let whole = resolex_core::Corpus::from_files_with(
        files.iter().map(|(n, b)| (n.as_str(), b.as_slice())),
        resolex_core::Duplicates::Skip,
    )
    .unwrap();
    assert_eq!(whole.skipped.len(), 1);
    assert!(whole.docs.iter().any(|d| d.meta.agenda_item.is_some()), "no metadata line attached");
    let expected = resolex_core::bundle::write(&whole).unwrap();

    let out = dir.join("streamed.rlx");
    let run =
        resolex_tests::resolex().args(["--skip-duplicates", "build"]).arg(&input).arg("-o").arg(&out).output().unwrap();
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(run.status.success(), "{err}");
    assert!(err.contains("00-copy.fr.xml") && err.contains("skipped the second"), "{err}");
    assert!(std::fs::read(&out).unwrap() == expected, "the streamed bundle differs from the whole corpus's");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `resolex build` off a terminal (a log, a pipe): its steps as plain lines, no bar's control
/// sequences; `--apart` writes the head and a directory of parts that open as the same bundle.
#[test]
fn build_reports_its_steps_in_plain_lines_and_writes_parts_apart() {
    let dir = std::env::temp_dir().join(format!("resolex-build-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let head = dir.join("corpus.rlx");
    let corpus = resolex_tests::workspace_root().join("core/corpus");
    let run = resolex_tests::resolex().arg("build").arg(&corpus).args(["--apart", "-o"]).arg(&head).output().unwrap();
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(run.status.success(), "{err}");
    let steps: Vec<&str> = err.lines().filter(|l| !l.contains("warning")).collect();
    assert_eq!(
        steps,
        [
            "resolex: parsing 23 files…",
            "resolex: parsing 23 files: done",
            "resolex: indexing 22 documents…",
            "resolex: indexing 22 documents: done",
        ],
        "{err}"
    );
    assert!(!err.contains('\u{1b}') && !err.contains('\r'), "{err:?}");
    let files = std::fs::read_dir(resolex_core::bundle::parts_dir(&head)).unwrap().count();
    let bundle = resolex_core::bundle::Bundle::open(&head).unwrap();
    let packs: std::collections::BTreeSet<&str> =
        (0..bundle.parts().len()).map(|i| bundle.part_place(i).expect("every part is in a pack").0).collect();
    assert_eq!(files, packs.len());
    bundle.verify().unwrap();
    assert_eq!(bundle.docs().len(), 22);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `resolex build --compact`: one file of documents that the CLI opens (indexing them) and
/// answers from as from the full bundle; it refuses to be apart as well.
#[test]
fn build_compact_writes_documents_that_answer_as_the_full_bundle() {
    let dir = std::env::temp_dir().join(format!("resolex-compact-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (compact, full) = (dir.join("compact.rlx"), dir.join("full.rlx"));
    for (path, extra) in [(&compact, Some("--compact")), (&full, None)] {
        let run =
            resolex_tests::resolex().args(["build", "--default-corpus", "-o"]).arg(path).args(extra).output().unwrap();
        assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    }
    let (c, f) = (std::fs::metadata(&compact).unwrap().len(), std::fs::metadata(&full).unwrap().len());
    assert!(c * 3 < f, "compact {c} bytes, full {f}");
    let search = |bundle: &std::path::Path| {
        let out = resolex_tests::resolex()
            .arg("--bundle")
            .arg(bundle)
            .args(["search", "INTERPOL coop*", "--json", "--limit", "500"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        out.stdout
    };
    assert_eq!(search(&compact), search(&full));
    let both = resolex_tests::resolex()
        .args(["build", "--default-corpus", "--compact", "--apart", "-o"])
        .arg(&compact)
        .output()
        .unwrap();
    assert!(!both.status.success());
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `resolex export | head`: the reader closes the pipe early; the command must end quietly
/// (no panic message, success), for every output format.
#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    for format in ["json", "akn", "markdown"] {
        let mut child = resolex()
            .args(["export", "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The pipe is closed here, long before the ~1 MB export is written.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{format}: {stderr}");
        assert!(out.status.success(), "{format}: {:?} {stderr}", out.status);
    }
}

/// A resolution in parts, whose symbol the UN prints `A/RES/79/93 A-B`: shown by its full
/// symbol, with a paragraph after it, or by the symbol a user types (`A/RES/79/93`).
#[test]
fn a_resolution_in_parts_is_found_by_its_symbol() {
    let file = resolex_tests::unxml_dir().join("79session/English/A_RES_79_93-2423550E.xml");
    let corpus = file.to_str().unwrap();
    for reference in ["A/RES/79/93 A-B", "A/RES/79/93", "A/RES/79/93 A-B#b.pp2", "A/RES/79/93 B#pp2"] {
        let v = json(&["--corpus", corpus, "show", reference, "--json"]);
        assert_eq!(v["doc"], "A/RES/79/93 A-B", "{reference}");
        if reference.ends_with("pp2") {
            assert_eq!(v["paragraphs"].as_array().unwrap().len(), 1, "{reference}");
            assert_eq!(v["paragraphs"][0]["para"], "b.pp2", "{reference}");
            assert_eq!(v["paragraphs"][0]["cite"], "A/RES/79/93 B, preambular para. 2", "{reference}");
        }
    }
    // Part B alone, as the UN cites it: its paragraphs and the notes they cite, no other part's.
    let v = json(&["--corpus", corpus, "show", "A/RES/79/93 B", "--json"]);
    let paras = v["paragraphs"].as_array().unwrap();
    let ids: Vec<&str> = paras.iter().map(|p| p["para"].as_str().unwrap()).collect();
    let (notes, own): (Vec<&str>, Vec<&str>) = ids.iter().partition(|id| id.starts_with("fn"));
    assert!(own.len() > 100 && own.iter().all(|id| id.starts_with("b.")), "{ids:?}");
    let cited: Vec<&str> =
        paras.iter().flat_map(|p| p["notes"].as_array().unwrap()).map(|n| n.as_str().unwrap()).collect();
    assert!(!notes.is_empty() && notes.iter().all(|n| cited.contains(n)), "{notes:?} / {cited:?}");
}
