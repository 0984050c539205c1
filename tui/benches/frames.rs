//! The terminal browser's speed: cold start to first frame, and keystroke to next frame while
//! typing a query, on the default bundle and on a bundle of all of sessions 79–80. Frames are
//! drawn to ratatui's `TestBackend` at 120×40 (the terminal's own output time is not counted).
//!
//! `cargo bench -p resolex-tui --bench frames`

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use resolex_core::bundle::Bundle;
use resolex_tui::browser::app::App;
use resolex_tui::browser::{keys, view};
use std::time::Instant;

fn percentile(v: &[f64], p: f64) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * v.len() as f64).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

fn measure(name: &str, load: &dyn Fn() -> Bundle) {
    let theme = view::Theme::new(true);
    let mut cold = Vec::new();
    for _ in 0..10 {
        let t = Instant::now();
        let app = App::new(load());
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
        terminal.draw(|f| view::draw(f, &app, &theme)).unwrap();
        cold.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let mut app = App::new(load());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    let mut keystroke = Vec::new();
    for _ in 0..3 {
        app.query.clear();
        for c in "INTERPOL cooperation 国际刑警 \"police cooperation\"".chars() {
            let t = Instant::now();
            let event = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            app.update(keys::action(&app, &event));
            terminal.draw(|f| view::draw(f, &app, &theme)).unwrap();
            keystroke.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    println!(
        "| {name} | {:.1} | {:.1} | {:.2} | {:.2} |",
        percentile(&cold, 50.0),
        percentile(&cold, 95.0),
        percentile(&keystroke, 50.0),
        percentile(&keystroke, 95.0)
    );
}

fn main() {
    println!("| bundle | cold start to first frame p50 ms | p95 ms | keystroke to frame p50 ms | p95 ms |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    measure("default (embedded)", &|| Bundle::from_static(resolex_tui::cli::DEFAULT_BUNDLE).unwrap());
    let path = resolex_bench_bundle();
    let bytes = std::fs::read(&path).unwrap();
    measure("sessions 79–80, six languages (from memory)", &|| Bundle::from_vec(bytes.clone()).unwrap());
}

/// The sessions 79–80 bundle, built once into `target/` by `resolex build`.
fn resolex_bench_bundle() -> std::path::PathBuf {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_owned();
    let out = root.join("target/sessions-79-80.rlx");
    if !out.exists() {
        let dir = root.join("target/unxml");
        if !dir.join("data_extract").exists() {
            std::fs::create_dir_all(&dir).unwrap();
            let archive = root.join("../shared/unxml/ga-79-80-akn.tar.xz");
            let ok = std::process::Command::new("tar").arg("-xJf").arg(&archive).arg("-C").arg(&dir).status().unwrap();
            assert!(ok.success());
        }
        let files = resolex_core_files(&dir);
        let contents: Vec<(String, Vec<u8>)> =
            files.iter().map(|f| (f.display().to_string(), std::fs::read(f).unwrap())).collect();
        let input = contents.iter().map(|(n, b)| (n.as_str(), b.as_slice()));
        let corpus = resolex_core::Corpus::from_files_with(input, resolex_core::Duplicates::Skip).unwrap();
        std::fs::write(&out, resolex_core::bundle::write(&corpus).unwrap()).unwrap();
    }
    out
}

fn resolex_core_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml" || x == "json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
