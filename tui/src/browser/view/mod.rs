//! Drawing the browser: a tab line, the current view, and a status line; help on top.

mod diff;
mod docs;
mod lexicon;
mod reader;
mod search;
pub mod wrap;

use super::app::{App, View};
use super::keys;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// Styles, with colour or (under `NO_COLOR`) with bold, italic, underline and reverse only.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub title: Style,
    pub dim: Style,
    pub selected: Style,
    pub hit: Style,
    pub lead: Style,
    pub link: Style,
    pub link_selected: Style,
    pub tab: Style,
    /// Words a comparison found added (underlined) and removed (struck through), so the change
    /// shows without colour too.
    pub added: Style,
    pub removed: Style,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        if !color {
            return Theme {
                title: bold,
                dim: Style::default(),
                selected: Style::default().add_modifier(Modifier::REVERSED),
                hit: bold.add_modifier(Modifier::UNDERLINED),
                lead: Style::default().add_modifier(Modifier::ITALIC),
                link: Style::default().add_modifier(Modifier::UNDERLINED),
                link_selected: Style::default().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED),
                tab: bold.add_modifier(Modifier::REVERSED),
                added: bold.add_modifier(Modifier::UNDERLINED),
                removed: Style::default().add_modifier(Modifier::CROSSED_OUT),
            };
        }
        Theme {
            title: bold.fg(Color::Cyan),
            dim: Style::default().fg(Color::DarkGray),
            selected: Style::default().bg(Color::Rgb(40, 44, 60)),
            hit: bold.fg(Color::Yellow),
            lead: Style::default().add_modifier(Modifier::ITALIC).fg(Color::LightBlue),
            link: Style::default().add_modifier(Modifier::UNDERLINED).fg(Color::Green),
            link_selected: Style::default().add_modifier(Modifier::REVERSED).fg(Color::Green),
            tab: bold.fg(Color::Black).bg(Color::Cyan),
            added: bold.add_modifier(Modifier::UNDERLINED).fg(Color::Green),
            removed: Style::default().add_modifier(Modifier::CROSSED_OUT).fg(Color::Red),
        }
    }

    /// Colour unless the `NO_COLOR` environment variable is set to anything non-empty.
    pub fn from_env() -> Theme {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let [tabs, main, status] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(1), Constraint::Length(1)]).areas(frame.area());
    draw_tabs(frame, tabs, app, theme);
    match app.view {
        View::Search => search::draw(frame, main, app, theme),
        View::Reader => reader::draw(frame, main, app, theme),
        View::Lexicon => lexicon::draw(frame, main, app, theme),
        View::Docs => docs::draw(frame, main, app, theme),
        View::Diff => diff::draw(frame, main, app, theme),
    }
    let line = match &app.status {
        Some(s) => Line::from(Span::styled(resolex_core::display::inert(s).into_owned(), theme.title)),
        None => Line::from(Span::styled(keys::hint_line(), theme.dim)),
    };
    frame.render_widget(Paragraph::new(line), status);
    if app.help {
        draw_help(frame, theme);
    }
}

fn draw_tabs(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let mut spans = vec![Span::styled(" Resolex ", theme.title)];
    for (view, name) in [
        (View::Search, "1 Search"),
        (View::Reader, "2 Reader"),
        (View::Lexicon, "3 Lexicon"),
        (View::Docs, "4 Documents"),
    ] {
        let style = if app.view == view { theme.tab } else { Style::default() };
        spans.push(Span::raw(" "));
        spans.push(Span::styled(format!(" {name} "), style));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_help(frame: &mut Frame, theme: &Theme) {
    let area = frame.area();
    let width = area.width.min(76);
    let lines: Vec<Line> = keys::help()
        .map(|(keys, what)| Line::from(vec![Span::styled(format!(" {keys:<24}"), theme.title), Span::raw(what)]))
        .collect();
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(Block::bordered().title(" Keys — Esc or ? to close ")), popup);
}

/// The first row to show so that rows `start..end` are visible in `height` rows.
pub fn scroll_to(start: usize, end: usize, height: usize, total: usize) -> usize {
    let max = total.saturating_sub(height);
    let top =
        if end - start >= height { start } else { end.saturating_sub(height).max(start.saturating_sub(height / 3)) };
    top.min(max).min(start)
}
