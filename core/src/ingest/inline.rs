//! Inline markup of the seed texts and Markdown: links `[51/1](#)`, emphasis `*Calls for*` and
//! `**回顾**`, `<sup>2</sup>` footnote markers, and a few harmless HTML tags. What is not markup
//! stays as it is, so a `<script>` in a text file is kept as text for the front ends to escape.

use crate::fold::superscript;

/// A line of plain text with what its markup said about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked {
    pub text: String,
    /// Byte ranges of emphasised (italic or bold) runs in `text`.
    pub emphasis: Vec<(usize, usize)>,
    /// Byte ranges of link texts in `text`, with the link's address.
    pub links: Vec<Link>,
}

/// A link's text range and where it pointed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub span: (usize, usize),
    pub href: String,
}

impl Marked {
    /// Appends another marked run, shifting its ranges.
    pub fn push(&mut self, other: &Marked) {
        let shift = self.text.len();
        self.text.push_str(&other.text);
        self.emphasis.extend(other.emphasis.iter().map(|&(a, b)| (a + shift, b + shift)));
        self.links.extend(
            other.links.iter().map(|l| Link { span: (l.span.0 + shift, l.span.1 + shift), href: l.href.clone() }),
        );
    }

    /// Drops the first `n` bytes, keeping ranges consistent.
    pub fn drop_prefix(&mut self, n: usize) {
        self.text.drain(..n);
        let shift = |r: (usize, usize)| (r.0.saturating_sub(n), r.1.saturating_sub(n));
        self.emphasis = self.emphasis.iter().map(|&r| shift(r)).filter(|r| r.1 > r.0).collect();
        for l in &mut self.links {
            l.span = shift(l.span);
        }
        self.links.retain(|l| l.span.1 > l.span.0);
    }

    /// Inserts `text` at byte `at`, moving the ranges after it.
    fn insert_text(&mut self, at: usize, text: &str) {
        self.text.insert_str(at, text);
        let shift = |i: usize| if i >= at { i + text.len() } else { i };
        self.emphasis = self.emphasis.iter().map(|&(a, b)| (shift(a), shift(b))).collect();
        for l in &mut self.links {
            l.span = (shift(l.span.0), shift(l.span.1));
        }
    }

    /// The text before byte `at`, as plain text, and the marked rest, both trimmed: a section
    /// number and the title printed after it on one line.
    pub fn split_off_number(&self, at: usize) -> (Marked, Marked) {
        let number = Marked { text: self.text[..at].trim().to_owned(), ..Marked::default() };
        let mut rest = self.clone();
        rest.drop_prefix(at);
        rest.trim();
        (number, rest)
    }

    /// Removes leading and trailing white space.
    pub fn trim(&mut self) {
        let lead = self.text.len() - self.text.trim_start().len();
        self.drop_prefix(lead);
        let end = self.text.trim_end().len();
        self.text.truncate(end);
        self.emphasis = self.emphasis.iter().map(|&(a, b)| (a.min(end), b.min(end))).filter(|r| r.1 > r.0).collect();
        self.links.retain(|l| l.span.1 <= end);
    }

    /// Collapses runs of white space to one space and trims, keeping ranges on the same
    /// characters.
    pub fn collapse(&mut self) {
        let mut map = Vec::with_capacity(self.text.len() + 1);
        let mut out = String::with_capacity(self.text.len());
        let mut pending = false;
        for (i, c) in self.text.char_indices() {
            while map.len() < i {
                map.push(out.len());
            }
            if c.is_whitespace() {
                pending = !out.is_empty();
            } else {
                if pending {
                    out.push(' ');
                    pending = false;
                }
                map.push(out.len());
                out.push(c);
            }
        }
        while map.len() <= self.text.len() {
            map.push(out.len());
        }
        self.text = out;
        let text = &self.text;
        let fit = |(a, b): (usize, usize)| {
            let (mut a, mut b) = (map[a], map[b]);
            while a < b && text.as_bytes()[a] == b' ' {
                a += 1;
            }
            while b > a && text.as_bytes()[b - 1] == b' ' {
                b -= 1;
            }
            (a, b)
        };
        self.emphasis = self.emphasis.iter().map(|&r| fit(r)).filter(|r| r.1 > r.0).collect();
        for l in &mut self.links {
            l.span = fit(l.span);
        }
        self.links.retain(|l| l.span.1 > l.span.0);
    }

    /// The emphasised run that opens the text, if any: the lead of a resolution paragraph.
    pub fn leading_emphasis(&self) -> Option<&str> {
        let &(a, b) = self.emphasis.first()?;
        Some(self.text[a..b].trim()).filter(|lead| a == 0 && !lead.is_empty())
    }
}

/// Reads one line of Markdown-ish inline markup.
pub fn parse(line: &str) -> Marked {
    parse_after(line, &mut None)
}

/// Reads one line of a text whose line before left the emphasis run `carried` open (`*…` on one
/// line, `…*` on the next, as a page break cuts it); sets `carried` to what this line leaves open.
pub fn parse_after(line: &str, carried: &mut Option<&'static str>) -> Marked {
    let mut out = Marked::default();
    let mut open: Vec<Opener> = Vec::new();
    let mut rest = line;
    while let Some(c) = rest.chars().next() {
        if c == '\\' && rest[1..].starts_with(|n: char| n.is_ascii_punctuation()) {
            let next = rest[1..].chars().next().expect("checked above");
            out.text.push(next);
            rest = &rest[1 + next.len_utf8()..];
        } else if let Some((consumed, link)) = link_at(rest) {
            let start = out.text.len();
            out.text.push_str(link.0);
            out.links.push(Link { span: (start, out.text.len()), href: link.1.to_owned() });
            rest = &rest[consumed..];
        } else if let Some((consumed, digits)) = sup_at(rest) {
            out.text.extend(digits.chars().map(superscript));
            rest = &rest[consumed..];
        } else if let Some(consumed) = harmless_tag_at(rest) {
            rest = &rest[consumed..];
        } else if c == '*' {
            let run = if rest.starts_with("**") { "**" } else { "*" };
            let before = line[..line.len() - rest.len()].chars().next_back();
            let (opens, closes) = flanking(before, rest[run.len()..].chars().next());
            match open.iter().rposition(|o| o.run == run).filter(|_| closes) {
                Some(i) => {
                    let start = open.remove(i).at;
                    if out.text.len() > start {
                        out.emphasis.push((start, out.text.len()));
                    }
                }
                // Not marked as emphasis: a paragraph's lead is the emphasis that opens it, and
                // this run is the end of one opened on the line before.
                None if closes && *carried == Some(run) => *carried = None,
                None if opens => {
                    let within_word = before.is_some_and(char::is_alphanumeric);
                    open.push(Opener { run, at: out.text.len(), within_word });
                }
                // `level H* have`, `H*.`, `a * b`: a star that neither opens nor closes is text.
                None => out.text.push_str(run),
            }
            rest = &rest[run.len()..];
        } else {
            out.text.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    // An emphasis opened at a word's start and not closed on this line (it spans lines) still
    // marks its text; a star opened within a word and never closed (`H*级`) is text.
    *carried = None;
    for o in open.iter().rev() {
        if o.within_word {
            out.insert_text(o.at, o.run);
        } else {
            carried.get_or_insert(o.run);
            if out.text.len() > o.at {
                out.emphasis.push((o.at, out.text.len()));
            }
        }
    }
    out.emphasis.sort_unstable();
    out
}

/// An emphasis run (`*` or `**`) not closed yet: where its text starts in the output.
struct Opener {
    run: &'static str,
    at: usize,
    within_word: bool,
}

/// Whether a star run between `before` and `after` can open and can close emphasis: it opens
/// when text follows it and closes when text comes before it. Looser than CommonMark's flanking
/// rule, which would not close `*подтверждая,*что` (the UN's XML drops a space there).
fn flanking(before: Option<char>, after: Option<char>) -> (bool, bool) {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    (!space(after), !space(before))
}

/// `[text](href)` at the start of `s`: bytes consumed, text, href.
fn link_at(s: &str) -> Option<(usize, (&str, &str))> {
    let body = s.strip_prefix('[')?;
    let close = body.find("](")?;
    let text = &body[..close];
    if text.contains(['[', ']']) {
        return None;
    }
    let after = &body[close + 2..];
    let end = after.find(')')?;
    let href = &after[..end];
    if href.contains(char::is_whitespace) {
        return None;
    }
    Some((1 + close + 2 + end + 1, (text, href)))
}

/// `<sup>12</sup>` at the start of `s`: bytes consumed and the marker.
fn sup_at(s: &str) -> Option<(usize, &str)> {
    let body = s.strip_prefix("<sup>")?;
    let end = body.find("</sup>")?;
    let marker = &body[..end];
    (marker.len() <= 8 && !marker.contains('<')).then_some((5 + end + 6, marker))
}

/// Presentation tags that carry no content of their own.
fn harmless_tag_at(s: &str) -> Option<usize> {
    const TAGS: [&str; 13] = [
        "<em>",
        "</em>",
        "<i>",
        "</i>",
        "<b>",
        "</b>",
        "<strong>",
        "</strong>",
        "<br>",
        "<br/>",
        "<br />",
        "<u>",
        "</u>",
    ];
    TAGS.iter().find(|t| s.starts_with(**t)).map(|t| t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_links_and_keeps_their_spans() {
        let m = parse("its resolution [51/1](#) of 15 October");
        assert_eq!(m.text, "its resolution 51/1 of 15 October");
        assert_eq!(&m.text[m.links[0].span.0..m.links[0].span.1], "51/1");
    }

    #[test]
    fn emphasis_gives_the_lead() {
        let m = parse("*Calls for* the strengthening");
        assert_eq!(m.text, "Calls for the strengthening");
        assert_eq!(m.leading_emphasis(), Some("Calls for"));
        let zh = parse("**又回顾**1997年");
        assert_eq!(zh.leading_emphasis(), Some("又回顾"));
    }

    #[test]
    fn sup_becomes_superscript_and_script_stays_text() {
        assert_eq!(parse("协定<sup>1</sup>以及").text, "协定¹以及");
        assert_eq!(parse("<script>alert(1)</script>").text, "<script>alert(1)</script>");
    }

    #[test]
    fn collapse_keeps_ranges() {
        let mut m = Marked {
            text: "\t Recalling  its  51/1 \n".into(),
            emphasis: vec![(2, 13)],
            links: vec![Link { span: (18, 22), href: "h".into() }],
        };
        m.collapse();
        assert_eq!(m.text, "Recalling its 51/1");
        assert_eq!(m.leading_emphasis(), Some("Recalling"));
        assert_eq!(&m.text[m.links[0].span.0..m.links[0].span.1], "51/1");
    }

    #[test]
    fn backslash_escapes_markup() {
        assert_eq!(parse(r"a \*b\* \[c\](d) \<sup>1</sup>").text, "a *b* [c](d) <sup>1</sup>");
    }

    /// A star that cannot open or close emphasis, or that opens within a word and is never
    /// closed, is a character of the text (A/RES/79/250: "level H* have", "H*.", "H*级").
    #[test]
    fn a_star_that_marks_nothing_is_text() {
        for line in ["Member States in level H* have a discount", "del nivel H*.", "ah*级会员国", "a * b", "x *"] {
            let m = parse(line);
            assert_eq!(m.text, line);
            assert!(m.emphasis.is_empty(), "{line}: {:?}", m.emphasis);
        }
        let m = parse("level H* and *Recalling* it");
        assert_eq!(m.text, "level H* and Recalling it");
        assert_eq!(&m.text[m.emphasis[0].0..m.emphasis[0].1], "Recalling");
        let m = parse("**回顾**，foo*bar*");
        assert_eq!(m.text, "回顾，foobar");
        assert_eq!(m.emphasis, [(0, 6), (12, 15)]);
    }

    /// A star that closes with no opener on its line ends the emphasis the line before left
    /// open (and is no lead of this line); with none left open it is text.
    #[test]
    fn emphasis_cut_by_a_page_break_closes_on_the_next_line() {
        let mut carried = None;
        let first = parse_after("advancing the *Yearbook of the", &mut carried);
        assert_eq!(first.text, "advancing the Yearbook of the");
        assert_eq!(carried, Some("*"));
        let second = parse_after("International Law Commission*, and requests", &mut carried);
        assert_eq!(second.text, "International Law Commission, and requests");
        assert_eq!(second.leading_emphasis(), None);
        assert_eq!(carried, None);
        let alone = parse_after("International Law Commission*, and requests", &mut carried);
        assert_eq!(alone.text, "International Law Commission*, and requests");
    }

    #[test]
    fn unclosed_emphasis_spanning_lines() {
        let m = parse("*48th plenary meeting");
        assert_eq!(m.text, "48th plenary meeting");
        assert_eq!(m.emphasis, vec![(0, 20)]);
    }
}
