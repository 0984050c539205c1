//! The search view: the query box and the hits, each with its citation, language, the
//! document's title, and a snippet with the matches highlighted.

use super::wrap::{marked, wrap};
use super::{Theme, scroll_to};
use crate::browser::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use resolex_core::display::inert;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let [input, list] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let title = if app.editing { " Search — Enter to browse the hits " } else { " Search — / to type " };
    let cursor = if app.editing { "▏" } else { "" };
    let query = Line::from(vec![Span::raw(inert(&app.query).into_owned()), Span::styled(cursor, theme.title)]);
    frame.render_widget(Paragraph::new(query).block(Block::bordered().title(title)), input);
    if app.query.trim().is_empty() {
        let docs = app.bundle.docs().len();
        let text = format!(
            "Type to search {docs} documents ({} paragraphs). Try INTERPOL, \"police cooperation\", 国际刑警, cites:71/19.",
            app.bundle.catalog.paragraphs
        );
        frame.render_widget(Paragraph::new(Span::styled(text, theme.dim)), list);
        return;
    }
    let width = list.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected = (0, 0);
    let r = &app.results;
    // A hit takes at least three rows, so no more than `height` hits on either side of the
    // selected one can be on screen: only those are laid out, on every frame.
    let height = list.height as usize;
    let first = app.hit.saturating_sub(height);
    if first == 0 {
        lines.push(Line::from(Span::styled(format!("{} hits", r.total), theme.dim)));
        // What the engine did with the query: a misspelt word's corrections, clauses dropped.
        lines.extend(r.notes.iter().map(|n| Line::from(Span::styled(inert(n).into_owned(), theme.dim))));
    }
    for (i, h) in r.hits.iter().enumerate().skip(first).take(2 * height + 1) {
        let start = lines.len();
        let title = app.bundle.find_doc(&resolex_core::DocId(h.doc.clone()), Some(&h.lang));
        let title = title.and_then(|d| app.bundle.title(d)).unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled(inert(&h.cite).into_owned(), theme.title),
            Span::styled(format!("  [{}]  ", h.lang), theme.dim),
            Span::styled(inert(&title).into_owned(), theme.dim),
        ]));
        let marks: Vec<([usize; 2], _)> = h.snippet_marks().into_iter().map(|m| (m, theme.hit)).collect();
        let body = wrap(&marked(h.snippet_text(), ratatui::style::Style::default(), &marks), width, Span::raw("  "), 2);
        lines.extend(body.into_iter().take(3));
        if i == app.hit {
            for l in &mut lines[start..] {
                *l = l.clone().style(theme.selected);
            }
        }
        if i == app.hit {
            selected = (start, lines.len());
        }
        lines.push(Line::raw(""));
    }
    let top = scroll_to(selected.0, selected.1, height, lines.len());
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), list);
}
