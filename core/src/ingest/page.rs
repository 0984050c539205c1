//! Any text that is not a resolution — a web page, a press release — read into headings, body
//! paragraphs and list items. The first line is the title; a dateline becomes the date; image
//! file names and stray punctuation are dropped as not content.

use super::draft::Draft;
use super::meta;
use super::text::TextLine;
use crate::model::{Metadata, ParaId, ParaKind};
use regex::Regex;
use std::sync::LazyLock;

static IMAGE_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[\w .()-]{1,120}\.(?:jpe?g|png|gif|webp|svg|tiff?|bmp)$").unwrap());

/// Reads a page: every line a paragraph, typed by its markers and its shape.
/// `guess_headings` is for plain text, where headings are not marked.
pub fn read(lines: &[TextLine], guess_headings: bool) -> (Metadata, Vec<Draft>) {
    let mut meta = Metadata::default();
    let mut counters = [0u32; 3];
    let mut out: Vec<Draft> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let text = line.marked.text.as_str();
        if !is_content(text) {
            continue;
        }
        if let Some((n, heading)) = &line.article {
            let mut d = Draft::new(ParaId::article(*n), ParaKind::Article, &line.marked);
            d.para.num.clone_from(heading);
            out.push(d);
            continue;
        }
        if meta.date.is_none() && meta::is_date_line(text) {
            meta.date = meta::find_date(text);
            continue;
        }
        let kind = if meta.title.is_none() || line.heading.is_some() || (guess_headings && looks_like_heading(lines, i))
        {
            ParaKind::Heading
        } else if line.bullet.is_some() {
            ParaKind::ListItem
        } else {
            ParaKind::Body
        };
        if kind == ParaKind::Heading && meta.title.is_none() {
            meta.title = Some(text.to_owned());
        }
        let slot = match kind {
            ParaKind::Heading => 0,
            ParaKind::ListItem => 1,
            _ => 2,
        };
        counters[slot] += 1;
        let n = counters[slot];
        let id = [ParaId::heading, ParaId::list_item, ParaId::body][slot](n);
        out.push(Draft::new(id, kind, &line.marked));
    }
    (meta, out)
}

/// Not content: image file names a page's text extraction left behind, and lines with no
/// letter or digit (a lone `/`).
fn is_content(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric) && !IMAGE_NAME.is_match(text)
}

/// A short line without closing punctuation, set off by blank lines and followed by a long
/// paragraph: how a heading looks once a page's markup is gone.
fn looks_like_heading(lines: &[TextLine], i: usize) -> bool {
    let line = &lines[i];
    let text = line.marked.text.as_str();
    let next = lines[i + 1..].iter().find(|l| is_content(&l.marked.text));
    let next_is_long = next.is_some_and(|n| n.after_blank && n.marked.text.chars().count() >= 100);
    let short = text.chars().count() <= 80;
    let closed = text.ends_with(['.', ',', ';', ':', '!', '?', '"', '”', '。']);
    line.after_blank && line.bullet.is_none() && short && !closed && next_is_long
}
