//! The lexicon view: every term with the number of paragraphs that hold it.

use super::{Theme, scroll_to};
use crate::browser::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use resolex_core::display::inert;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let height = area.height.saturating_sub(2) as usize;
    let top = scroll_to(app.lex, app.lex + 1, height, app.lexicon.len());
    let lines: Vec<Line> = app
        .lexicon
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(i, (term, df))| {
            let line =
                Line::from(vec![Span::styled(format!("{df:>8}  "), theme.dim), Span::raw(inert(term).into_owned())]);
            if i == app.lex { line.style(theme.selected) } else { line }
        })
        .collect();
    let title = format!(" Lexicon: {} terms — Enter searches the term ", app.lexicon.len());
    frame.render_widget(Paragraph::new(lines).block(Block::bordered().title(title)), area);
}
