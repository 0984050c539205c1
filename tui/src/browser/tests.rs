//! The browser without a terminal: keys → actions → state, and `TestBackend` frames of each
//! view at 80×24 and 120×40 as insta snapshots (Chinese and Arabic included).

use super::app::{Action, App, View};
use super::keys;
use super::view::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Modifier;
use resolex_core::bundle::Bundle;
use resolex_core::diff::Change;

fn bundle() -> Bundle {
    Bundle::from_static(crate::cli::DEFAULT_BUNDLE).expect("the default bundle loads")
}

fn press(app: &mut App, code: KeyCode) {
    let event = Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    let action = keys::action(app, &event);
    app.update(action);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

fn frame(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| view::draw(f, app, &Theme::new(false))).unwrap();
    terminal.backend().to_string()
}

#[test]
fn typing_searches_and_enter_opens_the_hit_in_the_reader() {
    let mut app = App::new(bundle());
    assert!(app.editing);
    type_text(&mut app, "\"police cooperation\"");
    assert!(app.results.total > 0);
    let first = app.results.hits[0].clone();
    press(&mut app, KeyCode::Enter); // leave the box
    assert!(!app.editing);
    press(&mut app, KeyCode::Enter); // open the hit
    assert_eq!(app.view, View::Reader);
    let r = app.reader.as_ref().unwrap();
    assert_eq!(r.document.doc.as_str(), first.doc);
    assert_eq!(r.document.paragraphs[r.para].id.as_str(), first.para);
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.view, View::Search);
}

#[test]
fn a_misspelt_word_is_corrected_and_the_search_view_says_so() {
    let mut app = App::new(bundle());
    type_text(&mut app, "terorism");
    assert!(app.results.total > 0);
    let screen = frame(&app, 100, 30);
    let count = screen.find(&format!("{} hits", app.results.total)).expect("the hit count is drawn");
    let note = screen.find("no match for “terorism”; showing results for terrorism").expect("the note is drawn");
    assert!(note > count, "the note comes under the count:\n{screen}");
}

#[test]
fn tab_selects_a_reference_enter_follows_it_backspace_returns() {
    let mut app = App::new(bundle());
    let d = app.bundle.find_doc(&resolex_core::DocId("A/RES/79/136".into()), Some("en")).unwrap();
    app.open(d, Some("pp1")); // "Recalling its resolution 51/1 … 71/19 …"
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let r = app.reader.as_ref().unwrap();
    let links = r.links();
    let target = match &links[r.link.unwrap()] {
        super::app::Link::Ref(x) => x.target.clone(),
        super::app::Link::Note(_) => panic!("a reference first"),
    };
    assert_eq!(target, "A/RES/71/19");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.reader.as_ref().unwrap().document.doc.as_str(), "A/RES/71/19");
    press(&mut app, KeyCode::Backspace);
    let r = app.reader.as_ref().unwrap();
    assert_eq!((r.document.doc.as_str(), r.document.paragraphs[r.para].id.as_str()), ("A/RES/79/136", "pp1"));
}

#[test]
fn a_reference_outside_the_corpus_shows_its_symbol_and_address() {
    let mut app = App::new(bundle());
    let d = app.bundle.find_doc(&resolex_core::DocId("A/RES/79/136".into()), Some("en")).unwrap();
    app.open(d, Some("pp1")); // cites 51/1, not in the corpus
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    let status = app.status.clone().unwrap();
    assert!(status.contains("A/RES/51/1") && status.contains("https://undocs.org/A/RES/51/1"), "{status}");
    assert_eq!(app.reader.as_ref().unwrap().document.doc.as_str(), "A/RES/79/136");
}

#[test]
fn keys_move_copy_switch_views_and_quit() {
    let mut app = App::new(bundle());
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('4'));
    assert_eq!(app.view, View::Docs);
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.doc_sel, app.visible_docs().len() - 1);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.doc_sel, 0);
    press(&mut app, KeyCode::Char('f'));
    assert!(app.doc_lang.is_some());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Reader);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('y'));
    let cite = app.copy.clone().unwrap();
    assert!(cite.contains(app.reader.as_ref().unwrap().document.doc.as_str()), "{cite}");
    press(&mut app, KeyCode::Char('?'));
    assert!(app.help);
    press(&mut app, KeyCode::Esc);
    assert!(!app.help);
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    app.update(keys::action(&app, &ctrl_c));
    assert!(app.quit);
}

#[test]
fn every_key_of_the_table_does_its_action_and_the_help_and_hint_line_name_only_table_keys() {
    let mut app = App::new(bundle());
    app.editing = false;
    for b in keys::KEYS {
        app.view = b.only_in.unwrap_or(View::Search);
        let modifiers = if b.ctrl { KeyModifiers::CONTROL } else { KeyModifiers::NONE };
        for &code in b.codes {
            let action = keys::action(&app, &Event::Key(KeyEvent::new(code, modifiers)));
            assert_eq!(action, b.action, "{code:?} (ctrl: {}) is shadowed by another binding", b.ctrl);
        }
    }
    // Typing in the box: keys type, and the table's keys do not act.
    app.view = View::Search;
    app.editing = true;
    assert_eq!(
        keys::action(&app, &Event::Key(KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE))),
        Action::Input('q')
    );
    let help: Vec<(&str, &str)> = keys::help().collect();
    assert!(help.iter().all(|(k, d)| !k.is_empty() && !d.is_empty()));
    for part in keys::hint_line().split(" · ") {
        let key = part.split(' ').next().unwrap();
        assert!(help.iter().any(|(k, _)| k.split([',', ' ']).any(|x| x == key)), "hint {key:?} is not in the help");
    }
}

#[test]
fn hostile_text_is_drawn_inert() {
    let hostile = "Hostile\n\nThe General Assembly,\n\n1. *Decides* \u{1b}[2J\u{1b}]0;pwned\u{7} \u{1b}]52;c;aGk=\u{7} \u{202e}txet\u{9b}31m end;\n";
    let corpus = resolex_core::Corpus::from_files([("hostile.en.txt", hostile.as_bytes())]).unwrap();
    let bundle = Bundle::from_vec(resolex_core::bundle::write(&corpus).unwrap()).unwrap();
    let mut app = App::new(bundle);
    app.open(0, None);
    let text = frame(&app, 100, 20);
    assert!(text.contains("␛[2J"), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "a control character reached the frame");
    assert!(!text.contains('\u{202e}'));
}

#[test]
fn d_compares_with_the_previous_resolution_and_n_walks_the_changes_marked_without_colour() {
    let mut app = App::new(bundle());
    let d = app.bundle.find_doc(&resolex_core::DocId("A/RES/79/136".into()), Some("en")).unwrap();
    app.open(d, None);
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(app.view, View::Diff);
    let diff = app.diff.as_ref().unwrap();
    assert_eq!(diff.comparison.before.doc, "A/RES/77/20");
    assert_ne!(diff.comparison.rows[diff.row].change, Change::Unchanged, "it opens at the first change");
    let first = diff.row;
    press(&mut app, KeyCode::Char('n'));
    let second = app.diff.as_ref().unwrap().row;
    assert!(second > first);
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.diff.as_ref().unwrap().row, first);
    // Under NO_COLOR (the tests' theme) removed words are struck through, added ones underlined.
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| view::draw(f, &app, &Theme::new(false))).unwrap();
    let cells = terminal.backend().buffer().content();
    assert!(cells.iter().any(|c| c.modifier.contains(Modifier::CROSSED_OUT)), "no removed word is struck through");
    assert!(cells.iter().any(|c| c.modifier.contains(Modifier::UNDERLINED)), "no added word is underlined");
    snapshot("diff_77_20_79_136", &app);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.view, View::Reader, "Enter opens the paragraph");
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.view, View::Diff, "b comes back to the comparison");
}

#[test]
fn hostile_text_in_a_comparison_is_drawn_inert() {
    let earlier = "A/RES/89/1\n\n89/1. Hostile \u{1b}]0;PWNED\u{7} title\n\nThe General Assembly,\n\nRecalling nothing,\n\n1. Decides \u{1b}[2J to stay;\n";
    let later = "A/RES/90/1\n\n90/1. Hostile \u{1b}]0;PWNED\u{7} title\n\nThe General Assembly,\n\nRecalling its resolution 89/1,\n\n1. Decides \u{1b}[2J\u{9b}31m \u{202e}to go;\n";
    let corpus =
        resolex_core::Corpus::from_files([("a.en.txt", earlier.as_bytes()), ("b.en.txt", later.as_bytes())]).unwrap();
    let bundle = Bundle::from_vec(resolex_core::bundle::write(&corpus).unwrap()).unwrap();
    let mut app = App::new(bundle);
    let d = app.bundle.find_doc(&resolex_core::DocId("A/RES/90/1".into()), None).expect("the symbol is read");
    app.open(d, None);
    press(&mut app, KeyCode::Char('d'));
    assert_eq!(app.view, View::Diff, "{:?}", app.status);
    let text = frame(&app, 100, 20);
    assert!(text.contains("␛[2J") && text.contains("A/RES/89/1"), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "a control character reached the frame");
    assert!(!text.contains('\u{202e}'));
}

/// One snapshot per view and size.
fn snapshot(name: &str, app: &App) {
    for (w, h) in [(80, 24), (120, 40)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), frame(app, w, h));
    }
}

#[test]
fn snapshots_of_every_view() {
    let mut app = App::new(bundle());
    snapshot("search_empty", &app);
    type_text(&mut app, "INTERPOL cooperation");
    snapshot("search_interpol", &app);
    app.query.clear();
    type_text(&mut app, "国际刑警组织");
    snapshot("search_chinese", &app);
    let d = app.bundle.find_doc(&resolex_core::DocId("A/RES/79/136".into()), Some("en")).unwrap();
    app.open(d, Some("op21.b"));
    snapshot("reader_79_136_op21b", &app);
    press(&mut app, KeyCode::Char('l'));
    snapshot("reader_languages", &app);
    let ar = app.bundle.find_doc(&resolex_core::DocId("A/RES/79/136".into()), Some("ar")).unwrap();
    app.open(ar, Some("op3"));
    press(&mut app, KeyCode::Char('l'));
    snapshot("reader_arabic", &app);
    press(&mut app, KeyCode::Char('c'));
    snapshot("reader_cited_by", &app);
    press(&mut app, KeyCode::Char('3'));
    snapshot("lexicon", &app);
    press(&mut app, KeyCode::Char('4'));
    snapshot("documents", &app);
    press(&mut app, KeyCode::Char('?'));
    snapshot("help", &app);
}
