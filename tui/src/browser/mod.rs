//! The terminal browser: search as you type, read with structure, follow references, see a
//! paragraph in every language, copy citations. `app` holds the state, `keys` maps input to
//! actions, `view` draws; this module runs the loop on a real terminal.

pub mod app;
pub mod keys;
pub mod view;

#[cfg(test)]
mod tests;

use app::App;
use base64::Engine;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use resolex_core::bundle::Bundle;
use std::io::{self, Write};

/// Runs the browser until the user quits; the terminal is restored on every exit: a normal
/// one, an error (set-up failing half-way included) and a panic (`ratatui::try_init` installs
/// the hook).
pub fn run(bundle: Bundle) -> io::Result<()> {
    let restore = Restore;
    let mut terminal = ratatui::try_init()?;
    execute!(io::stdout(), EnableMouseCapture)?;
    let result = event_loop(&mut terminal, App::new(bundle));
    drop(restore);
    result
}

/// Puts the terminal back as the browser found it when dropped, whatever part of the set-up
/// was done (undoing a step that was not done is harmless).
struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        let _ = ratatui::try_restore();
    }
}

fn event_loop(terminal: &mut ratatui::DefaultTerminal, mut app: App) -> io::Result<()> {
    let theme = view::Theme::from_env();
    while !app.quit {
        terminal.draw(|frame| view::draw(frame, &app, &theme))?;
        if let Some(text) = app.copy.take() {
            copy(&text)?;
        }
        let event = event::read()?;
        app.update(keys::action(&app, &event));
    }
    Ok(())
}

/// Puts `text` on the clipboard with OSC 52, which most terminals (and tmux with
/// `set-clipboard on`) honour; where they do not, the status line shows the citation.
fn copy(text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = io::stdout();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
