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
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if app.editing && app.view == View::Search && !app.help && !ctrl {
        return match key.code {
            KeyCode::Char(c) => Action::Input(c),
            KeyCode::Backspace => Action::DeleteChar,
            KeyCode::Esc | KeyCode::Enter | KeyCode::Tab => Action::Escape,
            KeyCode::Down => Action::Down,
            _ => Action::None,
        };
    }
    KEYS.iter()
        .find(|b| b.ctrl == ctrl && b.codes.contains(&key.code) && b.only_in.is_none_or(|v| v == app.view))
        .map_or(Action::None, |b| b.action)
}

/// One binding: the keys (with Ctrl or without), the action, where it applies, and how the help
/// and the hint line name it. The one table that key handling, help and hint line all read.
#[derive(Clone, Copy)]
pub struct Binding {
    pub codes: &'static [KeyCode],
    pub ctrl: bool,
    pub action: Action,
    /// Only in this view (else in every view).
    pub only_in: Option<View>,
    /// The keys as the help lists them; empty for a binding the help lists with another.
    pub keys: &'static str,
    pub does: &'static str,
    /// `(key, word)` for the hint line, for the few bindings it names.
    pub hint: Option<(&'static str, &'static str)>,
}

const fn bind(codes: &'static [KeyCode], action: Action, keys: &'static str, does: &'static str) -> Binding {
    Binding { codes, ctrl: false, action, only_in: None, keys, does, hint: None }
}

const fn hinted(binding: Binding, key: &'static str, word: &'static str) -> Binding {
    Binding { hint: Some((key, word)), ..binding }
}

const fn ctrl(binding: Binding) -> Binding {
    Binding { ctrl: true, ..binding }
}

use KeyCode::{BackTab, Backspace, Char, Down, End, Enter, Esc, Home, PageDown, PageUp, Tab, Up};

/// Every key of the browser outside the search box (where keys type, and Esc, Enter, Tab or ↓
/// leave it).
pub const KEYS: &[Binding] = &[
    hinted(bind(&[Char('/')], Action::FocusQuery, "/", "search (type; results update as you type)"), "/", "search"),
    hinted(
        bind(&[Enter], Action::Enter, "Enter", "open the hit · follow the selected reference · search the term"),
        "Enter",
        "open",
    ),
    hinted(
        bind(&[Tab], Action::NextLink, "Tab / Shift-Tab", "select the next / previous reference or footnote"),
        "Tab",
        "reference",
    ),
    bind(&[BackTab], Action::PrevLink, "", ""),
    hinted(bind(&[Backspace, Char('b')], Action::Back, "Backspace, b", "go back"), "b", "back"),
    bind(&[Char('j'), Down], Action::Down, "j k, ↓ ↑, wheel", "move"),
    bind(&[Char('k'), Up], Action::Up, "", ""),
    bind(&[PageDown, Char(' ')], Action::PageDown, "PgDn PgUp, Space, ^D ^U", "move by a page"),
    bind(&[PageUp], Action::PageUp, "", ""),
    ctrl(bind(&[Char('d')], Action::PageDown, "", "")),
    ctrl(bind(&[Char('u')], Action::PageUp, "", "")),
    bind(&[Char('g'), Home], Action::Top, "g G, Home End", "first / last"),
    bind(&[Char('G'), End], Action::Bottom, "", ""),
    hinted(bind(&[Char('l')], Action::ToggleLangs, "l", "the paragraph in every language"), "l", "languages"),
    hinted(bind(&[Char('c')], Action::ToggleCitedBy, "c", "who cites this document"), "c", "cited by"),
    hinted(bind(&[Char('y')], Action::Copy, "y", "copy the citation (OSC 52)"), "y", "copy"),
    bind(&[Char('1')], Action::Show(View::Search), "1 2 3 4", "search · reader · lexicon · documents"),
    bind(&[Char('2')], Action::Show(View::Reader), "", ""),
    bind(&[Char('3')], Action::Show(View::Lexicon), "", ""),
    bind(&[Char('4')], Action::Show(View::Docs), "", ""),
    Binding {
        only_in: Some(View::Docs),
        ..bind(&[Char('f')], Action::NextLangFilter, "f", "documents: filter by language")
    },
    hinted(
        Binding {
            only_in: Some(View::Reader),
            ..bind(&[Char('d')], Action::Compare, "d", "reader: compare with the previous resolution")
        },
        "d",
        "compare",
    ),
    Binding {
        only_in: Some(View::Diff),
        ..bind(&[Char('n')], Action::NextChange, "n N", "comparison: next / previous change")
    },
    Binding { only_in: Some(View::Diff), ..bind(&[Char('N')], Action::PrevChange, "", "") },
    bind(&[Esc], Action::Escape, "Esc", "leave the search box · close help"),
    hinted(bind(&[Char('?')], Action::Help, "?", "this help"), "?", "help"),
    hinted(bind(&[Char('q')], Action::Quit, "q, Ctrl-C, Ctrl-Q", "quit"), "q", "quit"),
    ctrl(bind(&[Char('c'), Char('q')], Action::Quit, "", "")),
];

/// Every key, for the help view: (keys, what they do).
pub fn help() -> impl Iterator<Item = (&'static str, &'static str)> {
    KEYS.iter().filter(|b| !b.keys.is_empty()).map(|b| (b.keys, b.does))
}

/// The status line's reminder of the main keys: `/ search · Enter open · …`.
pub fn hint_line() -> String {
    let hints: Vec<String> = KEYS.iter().filter_map(|b| b.hint).map(|(key, word)| format!("{key} {word}")).collect();
    hints.join(" · ")
}
