//! Word wrapping of styled text by display width: spaces are break points, and a line may
//! also break between any two double-width (CJK) characters or inside a word too long for it.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use resolex_core::display::safe;
use unicode_width::UnicodeWidthChar;

/// Wraps `segments` into lines of at most `width` columns, each after `indent` spaces (the
/// first line after `first` instead, e.g. a paragraph number).
pub fn wrap(segments: &[(String, Style)], width: usize, first: Span<'static>, indent: usize) -> Vec<Line<'static>> {
    let chars: Vec<(char, Style)> =
        segments.iter().flat_map(|(s, style)| s.chars().map(move |c| (safe(c), *style))).collect();
    let room = width.saturating_sub(indent).max(8);
    let mut lines = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let end = line_end(&chars[start..], room) + start;
        let mut shown = end;
        while shown > start && chars[shown - 1].0 == ' ' {
            shown -= 1;
        }
        let mut spans = vec![if lines.is_empty() { first.clone() } else { Span::raw(" ".repeat(indent)) }];
        spans.extend(group(&chars[start..shown]));
        lines.push(Line::from(spans));
        start = end;
        while start < chars.len() && chars[start].0 == ' ' {
            start += 1;
        }
    }
    if lines.is_empty() {
        lines.push(Line::from(first));
    }
    lines
}

/// How many characters of `chars` fit in `room` columns, breaking after a space if one fits.
fn line_end(chars: &[(char, Style)], room: usize) -> usize {
    let mut used = 0;
    let mut last_break = None;
    for (i, (c, _)) in chars.iter().enumerate() {
        let w = c.width().unwrap_or(0);
        if used + w > room {
            return last_break.filter(|&b| b > 0).unwrap_or(i.max(1));
        }
        used += w;
        if *c == ' ' || w == 2 {
            last_break = Some(i + 1);
        }
    }
    chars.len()
}

/// Runs of one style as spans.
fn group(chars: &[(char, Style)]) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = chars.first().map(|c| c.1).unwrap_or_default();
    for &(c, s) in chars {
        if s != style && !text.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut text), style));
        }
        style = s;
        text.push(c);
    }
    if !text.is_empty() {
        spans.push(Span::styled(text, style));
    }
    spans
}

/// `text` cut into styled segments: the byte ranges in `marks` get their style, the rest `base`.
pub fn marked(text: &str, base: Style, marks: &[([usize; 2], Style)]) -> Vec<(String, Style)> {
    let mut marks: Vec<&([usize; 2], Style)> =
        marks.iter().filter(|(r, _)| r[0] < r[1] && text.get(r[0]..r[1]).is_some()).collect();
    marks.sort_by_key(|(r, _)| r[0]);
    let mut out = Vec::new();
    let mut at = 0;
    for ([s, e], style) in marks {
        if *s < at {
            continue;
        }
        out.push((text[at..*s].to_owned(), base));
        out.push((text[*s..*e].to_owned(), *style));
        at = *e;
    }
    out.push((text[at..].to_owned(), base));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    #[test]
    fn wraps_at_spaces_and_between_ideographs() {
        let plain = Style::default();
        let lines = wrap(&[("Encourages increased cooperation between".into(), plain)], 20, Span::raw("21. "), 4);
        assert_eq!(texts(&lines), ["21. Encourages", "    increased", "    cooperation", "    between"]);
        let zh = wrap(&[("鼓励联合国和国际刑警组织加强合作".into(), plain)], 12, Span::raw(""), 0);
        assert!(zh.iter().all(|l| l.width() <= 12), "{:?}", texts(&zh));
        assert_eq!(texts(&zh).concat(), "鼓励联合国和国际刑警组织加强合作");
    }
}
