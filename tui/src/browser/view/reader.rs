//! The reader: a document with its structure — metadata header, preambular paragraphs with
//! their lead in italics, numbered operative paragraphs, indented subparagraphs, footnotes —
//! and, below, the selected paragraph in every language or the paragraphs that cite it.

use super::wrap::{marked, wrap};
use super::{Theme, scroll_to};
use crate::browser::app::{App, Link, Reader};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use resolex_core::display::inert;
use resolex_core::model::{Document, ParaKind, Paragraph as Para};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(r) = &app.reader else { return };
    let panel = r.langs || r.cited_by;
    let [doc_area, panel_area] = if panel {
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area)
    } else {
        [area, Rect::default()]
    };
    draw_document(frame, doc_area, r, theme);
    if r.langs {
        draw_languages(frame, panel_area, app, r, theme);
    } else if r.cited_by {
        draw_cited_by(frame, panel_area, app, r, theme);
    }
}

fn draw_document(frame: &mut Frame, area: Rect, r: &Reader, theme: &Theme) {
    let width = area.width as usize;
    let d = &r.document;
    let mut lines = header(d, theme, width);
    let mut selected = (0, 0);
    for (i, p) in d.paragraphs.iter().enumerate() {
        let start = lines.len();
        let link = if i == r.para { r.link } else { None };
        let mut para = paragraph(p, &d.lang, width, theme, link);
        if i == r.para {
            para = para.into_iter().map(|l| l.style(theme.selected)).collect();
            para.extend(link_line(r, theme));
        }
        lines.extend(para);
        if i == r.para {
            selected = (start, lines.len());
        }
        lines.push(Line::raw(""));
    }
    let top = scroll_to(selected.0, selected.1, area.height as usize, lines.len());
    frame.render_widget(Paragraph::new(lines).scroll((top as u16, 0)), area);
}

fn header(d: &Document, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let title = d.meta.title.clone().unwrap_or_else(|| d.doc.0.clone());
    let mut lines = wrap(&[(title, theme.title)], width, Span::raw(""), 0);
    let m = &d.meta;
    let mut facts = vec![d.doc.0.clone(), d.lang.0.clone()];
    facts.extend(m.date.clone());
    facts.extend(m.agenda_item.as_ref().map(|a| format!("agenda item {a}")));
    facts.extend(m.meeting.map(|n| format!("plenary meeting {n}")));
    facts.extend(m.draft.as_ref().map(|x| format!("draft {x}")));
    facts.extend(m.vote.as_ref().map(ToString::to_string));
    lines.extend(wrap(&[(facts.join(" · "), theme.dim)], width, Span::raw(""), 0));
    lines.push(Line::raw(""));
    lines
}

/// The lines of one paragraph, styled by kind, lead and references.
pub fn paragraph(
    p: &Para,
    lang: &resolex_core::Lang,
    width: usize,
    theme: &Theme,
    link: Option<usize>,
) -> Vec<Line<'static>> {
    let depth = p.id.depth();
    let label = p.num.as_deref().map(|n| n.rsplit(' ').next().unwrap_or(n).to_owned());
    let (first, indent) = match p.kind {
        ParaKind::Operative => (format!("{:<5}", format!("{}.", label.unwrap_or_default())), 5),
        ParaKind::Subparagraph => {
            let pad = 5 + 5 * (depth - 1).min(3);
            (format!("{}{:<5}", " ".repeat(pad), label.unwrap_or_default()), pad + 5)
        }
        ParaKind::Preambular => ("     ".to_owned(), 5),
        ParaKind::Footnote => (format!("{:<5}", format!("[{}]", label.unwrap_or_default())), 5),
        ParaKind::ListItem => ("  •  ".to_owned(), 5),
        ParaKind::Article => (format!("Art. {} ", label.unwrap_or_default()), 2),
        ParaKind::Heading | ParaKind::Body => (String::new(), 0),
    };
    let base = if p.kind == ParaKind::Heading { theme.title } else { Style::default() };
    let mut marks: Vec<([usize; 2], Style)> = Vec::new();
    if let Some(lead) = p.lead.as_deref().filter(|l| p.text.starts_with(l)) {
        marks.push(([0, lead.len()], theme.lead));
    }
    for (k, r) in p.refs.iter().enumerate() {
        let style = if link == Some(k) { theme.link_selected } else { theme.link };
        marks.push((r.span, style));
    }
    let mut lines = wrap(&marked(&p.text, base, &marks), width, Span::styled(first, theme.dim), indent);
    if lang.is_rtl() {
        lines = lines.into_iter().map(|l| l.alignment(Alignment::Right)).collect();
    }
    lines
}

/// Under the selected paragraph: its footnotes and the selected link's target.
fn link_line(r: &Reader, theme: &Theme) -> Vec<Line<'static>> {
    let links = r.links();
    if links.is_empty() {
        return Vec::new();
    }
    let mut spans = vec![Span::styled("     → ", theme.dim)];
    for (k, l) in links.iter().enumerate() {
        let name = match l {
            Link::Ref(x) => x.target.clone(),
            Link::Note(n) => format!("footnote {n}"),
        };
        let style = if r.link == Some(k) { theme.link_selected } else { theme.link };
        spans.push(Span::styled(inert(&name).into_owned(), style));
        spans.push(Span::raw("  "));
    }
    vec![Line::from(spans)]
}

fn draw_languages(frame: &mut Frame, area: Rect, app: &App, r: &Reader, theme: &Theme) {
    let Some(p) = r.document.paragraphs.get(r.para) else { return };
    let width = area.width.saturating_sub(2) as usize;
    let mut lines = Vec::new();
    for (entry, view) in resolex_core::reading::translations(&app.bundle, &r.document.doc, p.id.as_str()) {
        let tag = Span::styled(format!("{:<5}", format!("[{}]", entry.lang)), theme.title);
        let mut para = wrap(&[(view.text.to_owned(), Style::default())], width, tag, 5);
        if entry.lang.is_rtl() {
            para = para.into_iter().map(|l| l.alignment(Alignment::Right)).collect();
        }
        lines.extend(para);
    }
    let title = format!(" {} in every language — l to close ", p.id);
    frame.render_widget(Paragraph::new(lines).block(Block::bordered().title(title)), area);
}

fn draw_cited_by(frame: &mut Frame, area: Rect, app: &App, r: &Reader, theme: &Theme) {
    let citing = resolex_core::reading::cited_by(&app.bundle, &r.document.doc);
    let mut lines = Vec::new();
    for p in citing.iter().take(area.height as usize) {
        let doc = &app.bundle.docs()[p.doc];
        let cite = resolex_core::cite::citation_of(&doc.doc, p.kind, p.id, p.num);
        lines.push(Line::from(vec![
            Span::styled(inert(&cite).into_owned(), theme.title),
            Span::styled(format!("  [{}]", doc.lang), theme.dim),
        ]));
    }
    if lines.is_empty() {
        lines.push(Line::from(Span::styled("no paragraph in this corpus cites it", theme.dim)));
    }
    let title = format!(" cited by ({}) — c to close ", citing.len());
    frame.render_widget(Paragraph::new(lines).block(Block::bordered().title(title)), area);
}
