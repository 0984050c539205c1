//! A resolution in the UN's Akoma Ntoso XML printed as plain text the way the UN prints it:
//! the cover page's lines (organization, symbol, body, distribution, date, session, agenda
//! item, title, adoption line, draft line), `NN/NNN. Title`, the enacting formula, each
//! paragraph with its number or label as the XML's `<num>` gives it, footnote markers as
//! superscripts and each note printed right after the paragraph that cites it, then the
//! closing lines; each part of a resolution adopted in parts under its letter and title, with
//! its own closing lines; then the annexes. Long paragraphs are split by page breaks now and then, with the notes cited
//! so far printed at the break, as on the UN's pages.
//!
//! It is the oracle of the text reader (`integration/printed.rs`): it reads the XML with
//! `roxmltree` on its own and shares no code with Resolex's readers.

use roxmltree::{Document, Node};

/// How the text is printed.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Italic and bold spans written `*…*`, as a word processor's Markdown export keeps them;
    /// otherwise plain text, as copied from a PDF.
    pub emphasis: bool,
    /// Every third paragraph of more than 240 characters is split by a page break.
    pub page_breaks: bool,
}

/// Prints the resolution in `xml`, or says why it cannot.
pub fn print(xml: &str, style: Style) -> Result<String, String> {
    let options = roxmltree::ParsingOptions { allow_dtd: false, ..Default::default() };
    let doc = Document::parse_with_options(xml, options).map_err(|e| e.to_string())?;
    let root = doc.root_element();
    let mut p = Printer { style, out: String::new(), notes: Vec::new(), long: 0 };
    if let Some(cover) = find(root, "coverPage") {
        for line in cover.children().filter(Node::is_element) {
            p.line(&plain(line));
        }
    }
    if let Some(preface) = find(root, "preface") {
        for line in preface.children().filter(Node::is_element) {
            p.line(&plain(line));
        }
    }
    // A resolution adopted in parts prints each part in turn: its letter and title, its text,
    // its closing lines.
    let parts: Vec<Node> = root
        .descendants()
        .filter(|n| is(*n, &["component"]) && !n.ancestors().any(|a| is(a, &["attachment"])))
        .filter_map(|c| c.children().find(|s| is(*s, &["statement", "doc"])))
        .collect();
    if parts.is_empty() {
        let statement = find(root, "mainBody").or_else(|| find(root, "preamble")).and_then(|n| n.parent());
        if let Some(statement) = statement {
            p.statement(statement);
        }
        p.closing(find(root, "conclusions"));
    }
    for part in parts {
        if let Some(preface) = part.children().find(|n| is(*n, &["preface"])) {
            let text = plain(preface);
            match text.split_once(' ') {
                Some((letter, title)) if letter.len() == 1 => {
                    p.line(letter);
                    p.line(title);
                }
                _ => p.line(&text),
            }
        }
        p.statement(part);
        p.closing(part.children().find(|n| is(*n, &["conclusions"])));
    }
    // The annexes, after the closing lines: each opens with its heading ("Annex", "Annex I").
    for attachment in root.descendants().filter(|n| is(*n, &["attachment"])) {
        for body in attachment.descendants().filter(|n| is(*n, &["mainBody"])) {
            p.body(body);
        }
    }
    Ok(p.out)
}

fn find<'a>(node: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    node.descendants().find(|n| n.tag_name().name() == name)
}

fn is(node: Node, names: &[&str]) -> bool {
    names.contains(&node.tag_name().name())
}

/// A note cited but not yet printed: its marker and text.
struct Note {
    marker: String,
    text: String,
    /// Arabic prints the marker in parentheses: `⁽¹⁾`.
    parenthesized: bool,
}

struct Printer {
    style: Style,
    out: String,
    notes: Vec<Note>,
    /// Long paragraphs seen, to split every third.
    long: usize,
}

impl Printer {
    /// Every preamble and main body of a statement, in order (80/173: the outcome document's
    /// own preamble and body after the resolution's).
    fn statement(&mut self, statement: Node) {
        for part in statement.children() {
            if is(part, &["preamble"]) {
                for child in part.children().filter(Node::is_element) {
                    self.block(child);
                }
            } else if is(part, &["mainBody"]) {
                self.body(part);
            }
        }
    }

    /// The closing lines: the meeting and the date, each on its line.
    fn closing(&mut self, conclusions: Option<Node>) {
        if let Some(conclusions) = conclusions {
            let text = plain_lines(conclusions);
            for line in text.lines() {
                self.line(line);
            }
        }
    }

    /// One printed line, alone between blank lines.
    fn line(&mut self, text: &str) {
        let text = collapse(text);
        if !text.is_empty() {
            self.out.push_str(&text);
            self.out.push_str("\n\n");
        }
    }

    /// A paragraph, perhaps split by a page break, then the notes it cites.
    fn paragraph(&mut self, text: &str) {
        let text = collapse(text);
        if text.is_empty() {
            return;
        }
        // Headings and titles (no closing punctuation) are kept with what follows, as the UN sets them.
        let closed = text.ends_with(['.', ',', ';', ':', '。', '，', '；', '：', '،', '؛']);
        let split = if self.style.page_breaks && closed && text.chars().count() > 240 {
            self.long += 1;
            self.long.is_multiple_of(3).then(|| page_break(&text)).flatten()
        } else {
            None
        };
        match split {
            Some(at) => {
                let (before, after) = text.split_at(at);
                let cited: usize = self.notes.iter().filter(|n| before.contains(&superscript(&n.marker))).count();
                self.line(before);
                self.print_notes(cited);
                self.line(after);
            }
            None => self.line(&text),
        }
        self.print_notes(self.notes.len());
    }

    fn print_notes(&mut self, count: usize) {
        let notes: Vec<Note> = self.notes.drain(..count).collect();
        for n in notes {
            let marker = superscript(&n.marker);
            let marker = if n.parenthesized { format!("⁽{marker}⁾") } else { marker };
            self.line(&format!("{marker} {}", n.text));
        }
    }

    /// The operative part: numbered paragraphs with their lists, headings, other blocks.
    fn body(&mut self, body: Node) {
        for child in body.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "paragraph" => self.numbered(child),
                "section" | "part" | "chapter" | "division" | "title" | "hcontainer" => self.body(child),
                "list" | "blockList" => self.list(child, ""),
                _ => self.block(child),
            }
        }
    }

    /// A block that is not numbered: one paragraph, or its lead line and then its list's points.
    fn block(&mut self, node: Node) {
        if let Some(list) = node.children().find(|n| is(*n, &["list", "blockList"])) {
            let own: Vec<Node> = node.children().filter(|n| *n != list).collect();
            let lead = self.text(&own);
            self.list(list, &lead);
        } else {
            let text = self.text(&[node]);
            let text = self.lead_in_italics(node, &text);
            self.paragraph(&text);
        }
    }

    /// The UN prints a preambular paragraph's lead in italics; where the XML names the lead on
    /// its container (`<container name="Recordando">`) but marks no emphasis, the marked print
    /// still shows it.
    fn lead_in_italics(&self, node: Node, text: &str) -> String {
        let text = collapse(text);
        let Some(name) = node.attribute("name").filter(|_| self.style.emphasis && is(node, &["container"])) else {
            return text;
        };
        let name = name.trim();
        match text.strip_prefix(name) {
            Some(rest) if !name.is_empty() && !text.starts_with('*') => format!("*{name}*{rest}"),
            _ => text,
        }
    }

    /// A paragraph or point: its `<num>`, its own text and list intro on one line, then its points.
    fn numbered(&mut self, node: Node) {
        let num = node.children().find(|n| is(*n, &["num"])).map(|n| plain(n)).unwrap_or_default();
        let list = node.children().find(|n| is(*n, &["list", "blockList"]));
        let own: Vec<Node> = node.children().filter(|n| !is(*n, &["num"]) && Some(*n) != list).collect();
        let text = self.text(&own);
        match list {
            Some(list) => self.list(list, &format!("{num} {text}")),
            None => self.paragraph(&format!("{num} {text}")),
        }
    }

    /// A list: its intro ends the line `lead`, each point is a line of its own.
    fn list(&mut self, list: Node, lead: &str) {
        let intro: Vec<Node> = list.children().filter(|n| is(*n, &["intro", "listIntroduction"])).collect();
        let intro = self.text(&intro);
        self.paragraph(&format!("{lead} {intro}"));
        for point in list.children().filter(Node::is_element) {
            match point.tag_name().name() {
                "point" | "item" | "paragraph" => self.numbered(point),
                "sublist" | "list" => self.list(point, ""),
                "wrapUp" => {
                    let text = self.text(&[point]);
                    self.paragraph(&text);
                }
                _ => {}
            }
        }
    }

    /// Text as printed: emphasis marked when the style asks, notes turned into markers.
    fn text(&mut self, nodes: &[Node]) -> String {
        let mut out = String::new();
        for n in nodes {
            self.inline(*n, &mut out, false);
            out.push(' ');
        }
        out
    }

    fn inline(&mut self, node: Node, out: &mut String, sup: bool) {
        if node.is_text() {
            let t = node.text().unwrap_or("");
            out.push_str(&if sup { superscript(t) } else { t.to_owned() });
            return;
        }
        if !node.is_element() {
            return;
        }
        match node.tag_name().name() {
            "img" | "meta" => {}
            "authorialNote" | "note" => self.note(node, out),
            "eol" | "br" => out.push(' '),
            "sup" => node.children().for_each(|c| self.inline(c, out, true)),
            "span" | "i" | "b" if self.style.emphasis && emphasised(node) => {
                let mut inner = String::new();
                node.children().for_each(|c| self.inline(c, &mut inner, sup));
                let inner = collapse(&inner);
                if !inner.is_empty() {
                    out.push_str(" *");
                    out.push_str(&inner);
                    out.push('*');
                }
            }
            "p" | "content" | "intro" | "wrapUp" | "td" | "th" => {
                out.push(' ');
                node.children().for_each(|c| self.inline(c, out, sup));
                out.push(' ');
            }
            _ => node.children().for_each(|c| self.inline(c, out, sup)),
        }
    }

    fn note(&mut self, node: Node, out: &mut String) {
        let marker = node.attribute("marker").unwrap_or("").trim().to_owned();
        out.push_str(&superscript(&marker));
        // The XML keeps Arabic's parentheses around the marker as `<sup>(</sup>` beside the note.
        let parenthesized = node.prev_sibling().is_some_and(|s| is(s, &["sup"]));
        let mut text = String::new();
        node.children().for_each(|c| self.inline(c, &mut text, false));
        let text = collapse(&text);
        // Arabic notes open with an empty "()" (in italics or not) where the marker was.
        let rest = text.strip_prefix("()").or_else(|| text.strip_prefix("*()*"));
        let text = rest.map_or(text.clone(), |t| t.trim().to_owned());
        if !marker.is_empty() && !self.notes.iter().any(|n| n.marker == marker) {
            self.notes.push(Note { marker, text, parenthesized });
        }
    }
}

/// The plain text of a cover page or preface line, without emphasis.
fn plain(node: Node) -> String {
    collapse(&node.descendants().filter(Node::is_text).filter_map(|n| n.text()).collect::<String>())
}

/// Closing lines: each `<eol/>` starts a new line.
fn plain_lines(node: Node) -> String {
    let mut out = String::new();
    for n in node.descendants() {
        if n.is_text() {
            out.push_str(n.text().unwrap_or(""));
        } else if is(n, &["eol", "br", "p"]) {
            out.push('\n');
        }
    }
    out
}

fn emphasised(node: Node) -> bool {
    let class = node.attribute("class").unwrap_or("");
    node.tag_name().name() != "span" || class.contains("italic") || class.contains("bold")
}

/// Where a page break falls in a long paragraph: after a word near the middle that does not
/// end a clause (a break right after a comma looks, in print, like the end of a paragraph).
fn page_break(text: &str) -> Option<usize> {
    let middle = (text.len() / 2..text.len()).find(|&i| text.is_char_boundary(i))?;
    let spaces = text.char_indices().filter(|&(i, c)| c == ' ' && i >= middle).map(|(i, _)| i);
    let cjk = text.char_indices().filter(|&(i, c)| i >= middle && is_cjk(c)).map(|(i, _)| i);
    let candidates: Vec<usize> = if text[middle..].contains(' ') { spaces.collect() } else { cjk.collect() };
    candidates.into_iter().find(|&i| {
        let before = text[..i].trim_end();
        let last = before.chars().next_back();
        let next = text[i..].trim_start().chars().next();
        last.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) && i + 20 < text.len()
    })
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4e00..=0x9fff)
}

/// Footnote markers as printed. Written out here rather than taken from `resolex_core::fold`:
/// the oracle must not share the code it checks.
fn superscript(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            '(' => '⁽',
            ')' => '⁾',
            other => other,
        })
        .collect()
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
