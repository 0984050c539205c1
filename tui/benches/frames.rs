//! The terminal browser's speed: cold start to first frame, and keystroke to next frame while
//! typing a query, on the default bundle and on a bundle of all of sessions 79–80. Frames are
//! drawn to ratatui's `TestBackend` at 120×40 (the terminal's own output time is not counted).
//!
//! `cargo bench -p resolex-tui --bench frames`

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use resolex_core::bundle::Bundle;
use resolex_tests::measure::percentile;
use resolex_tui::browser::app::App;
use resolex_tui::browser::{keys, view};
use std::time::Instant;

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

/// The sessions 79–80 bundle, built once into `target/`.
fn resolex_bench_bundle() -> std::path::PathBuf {
    let out = resolex_tests::workspace_root().join("target/sessions-79-80.rlx");
    if !out.exists() {
        let bytes = resolex_core::bundle::write(&resolex_tests::sessions_corpus()).unwrap();
        std::fs::write(&out, bytes).unwrap();
    }
    out
}
