//! A hostile corpus through every CLI command and output format: documents (and a file name)
//! full of terminal escape sequences, C1 controls and bidi overrides must never reach the
//! terminal as such — not on stdout, not on stderr — and JSON must still give back the exact
//! text. The same corpus (`tests/hostile/`) goes through the terminal browser under tmux
//! (`tui.rs`) and the web explorer in Chromium (`www/tests/hostile.test.mjs`).

use resolex_tests::{resolex, workspace_root};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The committed hostile corpus, plus a copy of one file under a name that holds escapes.
fn corpus(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let committed = workspace_root().join("tests/hostile");
    let names =
        ["hostile.en.txt", "hostile.fr.html", "hostile.es.md", "hostile-series-89.en.txt", "hostile-series-90.en.txt"];
    let mut files: Vec<PathBuf> = names
        .iter()
        .map(|f| {
            let to = dir.join(f);
            std::fs::copy(committed.join(f), &to).unwrap();
            to
        })
        .collect();
    let named = dir.join("evil\u{1b}]0;NAMED\u{7}\u{1b}[2J.en.md");
    std::fs::write(&named, "# A page\n\nIts name is the attack.\n").unwrap();
    files.push(named);
    files
}

/// Every character a terminal could act on, other than the line break.
fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn check_inert(what: &str, stream: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: {stream} is not UTF-8: {e}"));
    if let Some((i, c)) = text.char_indices().find(|&(_, c)| is_dangerous(c)) {
        let before: String = text[..i].chars().rev().take(30).collect::<Vec<_>>().into_iter().rev().collect();
        let around = format!("{before}{}", text[i..].chars().take(30).collect::<String>());
        panic!("{what}: {stream} holds U+{:04X} near {around:?}", c as u32);
    }
}

fn run(args: &[&str], what: &str) -> Output {
    let out = resolex().args(args).output().unwrap();
    check_inert(what, "stdout", &out.stdout);
    check_inert(what, "stderr", &out.stderr);
    out
}

#[test]
fn no_command_lets_an_escape_reach_the_terminal_and_json_keeps_the_exact_text() {
    let dir = std::env::temp_dir().join(format!("resolex-hostile-cli-{}", std::process::id()));
    let files = corpus(&dir);
    let paths: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    let bundle = dir.join("hostile.rlx");
    let mut build = vec!["build"];
    build.extend(&paths);
    build.extend(["-o", bundle.to_str().unwrap()]);
    assert!(run(&build, "build").status.success());
    let b = bundle.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["docs"],
        vec!["docs", "--json"],
        vec!["show", "hostile"],
        vec!["show", "hostile", "--lang", "fr"],
        vec!["show", "hostile", "--lang", "es", "--json"],
        vec!["show", "hostile#p3"],
        vec!["search", "PWNED"],
        vec!["search", "PWNED", "--json"],
        vec!["search", "desrever red rouge"],
        vec!["search", "\u{1b}]0;QUERY\u{7}\u{9b}2J", "--json"],
        vec!["search", "\u{1b}]0;QUERY\u{7}\u{9b}2J"],
        vec!["refs"],
        vec!["refs", "--json"],
        vec!["lexicon"],
        vec!["lexicon", "pw", "--json"],
        vec!["export", "--format", "json"],
        vec!["export", "--format", "akn"],
        vec!["export", "--format", "markdown"],
        vec!["diff", "A/RES/89/1", "A/RES/90/1"],
        vec!["diff", "A/RES/89/1", "A/RES/90/1", "--all", "--json"],
        vec!["series", "A/RES/90/1"],
        vec!["series", "A/RES/90/1", "--json"],
        vec!["show", "\u{1b}]0;NOSUCH\u{7}"],
        vec!["\u{1b}]0;NOSUCHCOMMAND\u{7}"],
    ];
    for args in &commands {
        let mut with_bundle = vec!["--bundle", b];
        with_bundle.extend(args);
        run(&with_bundle, &format!("resolex {args:?}"));
        // The same commands over the files read in memory.
        let mut with_corpus = Vec::new();
        for p in &paths {
            with_corpus.extend(["--corpus", p]);
        }
        with_corpus.extend(args);
        run(&with_corpus, &format!("resolex --corpus … {args:?}"));
    }
    let missing = dir.join("no\u{1b}]0;SUCH\u{7}.rlx");
    let out = run(&["--bundle", missing.to_str().unwrap(), "docs"], "a missing bundle named with escapes");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("␛]0;SUCH␇"), "the error names the file, made visible");

    // JSON is escaped, not replaced: the text comes back exactly as the file gave it.
    let out = run(&["--bundle", b, "show", "hostile", "--lang", "en", "--json"], "show --json");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = v["paragraphs"].as_array().unwrap().iter().map(|p| p["text"].as_str().unwrap()).collect();
    let source = std::fs::read_to_string(&files[0]).unwrap();
    let escapes = texts.iter().find(|t| t.contains("end-of-escapes")).expect("the paragraph of escapes");
    assert!(source.contains(escapes), "JSON lost or changed characters: {escapes:?}");
    assert!(escapes.contains("\u{1b}]0;PWNED\u{7}") && escapes.contains('\u{9b}') && escapes.contains('\u{202e}'));

    // Plain text shows them as visible symbols.
    let out = run(&["--bundle", b, "show", "hostile", "--lang", "en"], "show");
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("␛]0;PWNED␇") && shown.contains("␛[2J") && shown.contains('\u{fffd}'), "{shown}");
    let _ = std::fs::remove_dir_all(&dir);
}
