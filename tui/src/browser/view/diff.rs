//! The comparison view: a resolution beside its predecessor, paragraph by paragraph, each pair
//! with its mark (`+` added, `-` removed, `~` reworded, `>` moved), the citations of both
//! sides, and its words: added ones underlined, removed ones struck through (and in green and
//! red where there is colour). Unchanged paragraphs take one line.

use super::wrap::wrap;
use super::{Theme, scroll_to};
use crate::browser::app::App;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use resolex_core::diff::{Change, Edit, Row};
use resolex_core::display::inert;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(d) = &app.diff else { return };
    let c = &d.comparison;
    let title = format!(
        " {} → {} ({}) — {} — n N change, b back ",
        inert(&c.before.doc),
        inert(&c.after.doc),
        c.after.lang,
        c.summary
    );
    let block = Block::bordered().title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let height = inner.height as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected = (0, 0);
    // Only the rows near the selected one are laid out: each takes at least one line.
    let first = d.row.saturating_sub(height);
    for (i, row) in c.rows.iter().enumerate().skip(first).take(2 * height + 1) {
        let start = lines.len();
        lines.extend(draw_row(row, width, theme));
        if i == d.row {
            for l in &mut lines[start..] {
                *l = l.clone().style(theme.selected);
            }
            selected = (start, lines.len());
        }
    }
    let top = scroll_to(selected.0, selected.1, height, lines.len());
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), inner);
}

fn draw_row(row: &Row, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let cites: Vec<String> =
        [&row.before, &row.after].into_iter().flatten().map(|s| inert(&s.cite).into_owned()).collect();
    let head = Span::styled(format!("{} {}", row.change.mark(), cites.join(" → ")), theme.title);
    let words: Vec<(String, Style)> = row
        .words
        .iter()
        .map(|e| match (e, row.change) {
            (Edit::Insert(t), _) => (t.clone(), theme.added),
            (Edit::Delete(t), _) => (t.clone(), theme.removed),
            (Edit::Keep(t), Change::Unchanged) => (t.clone(), theme.dim),
            (Edit::Keep(t), _) => (t.clone(), Style::default()),
        })
        .collect();
    let mut lines = vec![Line::from(head)];
    let body = wrap(&words, width, Span::raw("  "), 2);
    let shown = if row.change == Change::Unchanged { 1 } else { body.len() };
    lines.extend(body.into_iter().take(shown));
    lines
}
