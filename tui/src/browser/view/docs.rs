//! The documents view: every document version with its date and counts; `f` filters by language.

use super::{Theme, scroll_to};
use crate::browser::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use resolex_core::display::inert;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let visible = app.visible_docs();
    let height = area.height.saturating_sub(2) as usize;
    let top = scroll_to(app.doc_sel, app.doc_sel + 1, height, visible.len());
    let docs = app.bundle.docs();
    let lines: Vec<Line> = visible
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(i, &d)| {
            let e = &docs[d];
            let counts: Vec<String> = e.counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
            let line = Line::from(vec![
                Span::styled(format!("{:<22} ", inert(e.doc.as_str())), theme.title),
                Span::raw(format!("{:<3} {:<10} ", e.lang, e.date.as_deref().unwrap_or("-"))),
                Span::styled(format!("{:<4} ", e.count), theme.dim),
                Span::raw(inert(&app.bundle.title(d).unwrap_or_default()).into_owned()),
                Span::styled(format!("  ({})", counts.join(", ")), theme.dim),
            ]);
            if i == app.doc_sel { line.style(theme.selected) } else { line }
        })
        .collect();
    let filter = app.doc_lang.as_deref().map_or("all languages".to_owned(), |l| format!("language {l}"));
    let title = format!(" Documents: {} ({filter}) — f filters, Enter opens ", visible.len());
    frame.render_widget(Paragraph::new(lines).block(Block::bordered().title(title)), area);
}
