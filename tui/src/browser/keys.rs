//! Keys and mouse to actions: vim keys and arrows, PageUp/PageDown, g/G, the wheel.

use super::app::{Action, App, View};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEventKind};

/// The action an input event asks for in the app's current state.
pub fn action(app: &App, event: &Event) -> Action {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(app, key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Action::Down,
            MouseEventKind::ScrollUp => Action::Up,
            _ => Action::None,
        },
        _ => Action::None,
    }
}

fn key_action(app: &App, key: &KeyEvent) -> Action {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c' | 'q') => Action::Quit,
            KeyCode::Char('d') => Action::PageDown,
            KeyCode::Char('u') => Action::PageUp,
            _ => Action::None,
        };
    }
    if app.editing && app.view == View::Search && !app.help {
        return match key.code {
            KeyCode::Char(c) => Action::Input(c),
            KeyCode::Backspace => Action::DeleteChar,
            KeyCode::Esc | KeyCode::Enter | KeyCode::Tab => Action::Escape,
            KeyCode::Down => Action::Down,
            _ => Action::None,
        };
    }
    match key.code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('?') => Action::Help,
        KeyCode::Esc => Action::Escape,
        KeyCode::Char('/') => Action::FocusQuery,
        KeyCode::Char('j') | KeyCode::Down => Action::Down,
        KeyCode::Char('k') | KeyCode::Up => Action::Up,
        KeyCode::PageDown | KeyCode::Char(' ') => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::Top,
        KeyCode::Char('G') | KeyCode::End => Action::Bottom,
        KeyCode::Enter => Action::Enter,
        KeyCode::Backspace | KeyCode::Char('b') => Action::Back,
        KeyCode::Tab => Action::NextLink,
        KeyCode::BackTab => Action::PrevLink,
        KeyCode::Char('l') => Action::ToggleLangs,
        KeyCode::Char('c') => Action::ToggleCitedBy,
        KeyCode::Char('y') => Action::Copy,
        KeyCode::Char('1') => Action::Show(View::Search),
        KeyCode::Char('2') => Action::Show(View::Reader),
        KeyCode::Char('3') => Action::Show(View::Lexicon),
        KeyCode::Char('4') => Action::Show(View::Docs),
        KeyCode::Char('f') if app.view == View::Docs => Action::NextLangFilter,
        _ => Action::None,
    }
}

/// Every key, for the help view: (keys, what they do).
pub const HELP: &[(&str, &str)] = &[
    ("/", "search (type; results update as you type)"),
    ("Enter", "open the hit · follow the selected reference · search the term"),
    ("Tab / Shift-Tab", "select the next / previous reference or footnote"),
    ("Backspace, b", "go back"),
    ("j k, ↓ ↑, wheel", "move"),
    ("PageDown PageUp, Space", "move by a page"),
    ("g G, Home End", "first / last"),
    ("l", "the paragraph in every language"),
    ("c", "who cites this document"),
    ("y", "copy the citation (OSC 52)"),
    ("1 2 3 4", "search · reader · lexicon · documents"),
    ("f", "documents: filter by language"),
    ("Esc", "leave the search box · close help"),
    ("?", "this help"),
    ("q, Ctrl-C", "quit"),
];
