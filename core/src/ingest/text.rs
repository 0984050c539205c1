//! Lines of a `.txt` or `.md` file: one marked line each, with its Markdown line markers
//! (heading level, bullet) read off and its inline markup resolved.

use super::inline::{self, Marked};

#[derive(Debug, Clone)]
pub struct TextLine {
    pub marked: Marked,
    /// 1-based line number in the file, for messages.
    pub line: usize,
    /// `#`, `##`, … heading level.
    pub heading: Option<u8>,
    /// A bullet (`-`, `*`, `•`) and how far it was indented.
    pub bullet: Option<usize>,
    /// A blank line came before this one.
    pub after_blank: bool,
    /// The line opened with a backslash escape: its start is text, not a number or a marker.
    pub literal: bool,
    /// An article of a declaration (HTML `<article>`): its number and heading.
    pub article: Option<(u32, Option<String>)>,
}

/// Splits a text into marked lines, dropping blank ones.
pub fn lines(src: &str) -> Vec<TextLine> {
    let mut out = Vec::new();
    let mut after_blank = true;
    let mut carried = None;
    for (i, raw) in src.lines().enumerate() {
        if raw.trim().is_empty() || thematic_break(raw) {
            after_blank = true;
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        let mut body = raw.trim();
        let literal = body.starts_with('\\')
            && body[1..].starts_with(|c: char| {
                c.is_ascii_punctuation() || c.is_numeric() || crate::fold::superscript_digit(c).is_some()
            });
        if literal && !body[1..].starts_with(|c: char| c.is_ascii_punctuation()) {
            body = &body[1..];
        }
        let heading = if literal { None } else { heading_level(body) };
        if let Some(level) = heading {
            body = body[level as usize..].trim_start();
        }
        let bullet = bullet_len(body).filter(|_| !literal).map(|len| {
            body = body[len..].trim_start();
            indent
        });
        let mut marked = inline::parse_after(body, &mut carried);
        marked.trim();
        if !marked.text.is_empty() {
            out.push(TextLine { marked, line: i + 1, heading, bullet, after_blank, literal, article: None });
        }
        after_blank = false;
    }
    out
}

/// A Markdown thematic break (`* * *`, `---`, `___`): a separator between groups of
/// paragraphs, as the UN prints one (80/131 es), not a paragraph.
fn thematic_break(s: &str) -> bool {
    let marks: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && ['*', '-', '_'].iter().any(|m| marks.iter().all(|c| c == m))
}

fn heading_level(s: &str) -> Option<u8> {
    let level = s.bytes().take_while(|&b| b == b'#').count();
    ((1..=6).contains(&level) && s[level..].starts_with(' ')).then_some(level as u8)
}

fn bullet_len(s: &str) -> Option<usize> {
    let marker = ["-", "*", "+", "•", "·", "▪"].iter().find(|b| s.starts_with(**b))?;
    s[marker.len()..].starts_with(char::is_whitespace).then_some(marker.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_read_off() {
        let ls = lines("## 2016年\n\n  - (b) 国际\n•    Be the hub\n*Calls for* x");
        assert_eq!(ls[0].heading, Some(2));
        assert_eq!(ls[0].marked.text, "2016年");
        assert_eq!(ls[1].bullet, Some(2));
        assert_eq!(ls[1].marked.text, "(b) 国际");
        assert_eq!(ls[2].marked.text, "Be the hub");
        assert_eq!(ls[3].bullet, None);
        assert_eq!(ls[3].marked.text, "Calls for x");
    }

    #[test]
    fn a_thematic_break_is_no_line() {
        let ls = lines("Recalling,\n\n* * *\n\n---\n\nNoting,\n\n-- x");
        let texts: Vec<&str> = ls.iter().map(|l| l.marked.text.as_str()).collect();
        assert_eq!(texts, ["Recalling,", "Noting,", "-- x"]);
    }
}
