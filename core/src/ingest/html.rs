//! HTML pages read into the same lines as text files: headings, paragraphs, list items, and
//! `<article>`s (a declaration's articles). Inline `<em>`/`<b>` become emphasis (leads), `<a>`
//! links, `<sup>` footnote markers. Scripts, styles and templates are not content and never run.

use super::inline::{Link, Marked};
use super::text::TextLine;
use crate::fold::{collapse_space, superscript};
use scraper::{ElementRef, Html, Node};

/// What an HTML document gave: its lines and the language its `<html lang>` declares.
pub struct HtmlText {
    pub lines: Vec<TextLine>,
    pub lang: Option<String>,
}

const SKIP: [&str; 9] = ["script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "object"];
const BLOCKS: [&str; 12] = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "dd", "dt", "pre"];

pub fn read(src: &str) -> HtmlText {
    let doc = Html::parse_document(src);
    let lang = doc.root_element().attr("lang").map(|l| l.split('-').next().unwrap_or(l).to_ascii_lowercase());
    let mut lines = Vec::new();
    walk(doc.root_element(), &mut lines);
    HtmlText { lines, lang }
}

fn walk(el: ElementRef, out: &mut Vec<TextLine>) {
    for child in el.children() {
        let Some(child) = ElementRef::wrap(child) else {
            continue;
        };
        let name = child.value().name();
        if SKIP.contains(&name) {
            continue;
        }
        if name == "article" {
            if let Some(line) = article(child) {
                out.push(line);
            }
        } else if BLOCKS.contains(&name) && !has_block_child(child) {
            let mut marked = Marked::default();
            inline(child, &mut marked, false);
            let mut line = new_line(marked);
            line.heading = name.strip_prefix('h').and_then(|d| d.parse().ok());
            line.bullet = (name == "li").then_some(0);
            if !line.marked.text.is_empty() {
                out.push(line);
            }
        } else {
            walk(child, out);
        }
    }
}

fn has_block_child(el: ElementRef) -> bool {
    el.children()
        .filter_map(ElementRef::wrap)
        .any(|c| BLOCKS.contains(&c.value().name()) || ["ul", "ol", "div"].contains(&c.value().name()))
}

/// An `<article>`: its number from `data-number` or its heading, its text the rest joined by
/// line breaks.
fn article(el: ElementRef) -> Option<TextLine> {
    let mut inner = Vec::new();
    walk(el, &mut inner);
    let heading_text = inner.iter().find(|l| l.heading.is_some()).map(|l| l.marked.text.clone());
    let number = el.attr("data-number").and_then(|n| n.parse().ok()).or_else(|| {
        heading_text.as_deref().and_then(|h| h.split(|c: char| !c.is_ascii_digit()).find_map(|d| d.parse().ok()))
    })?;
    let mut marked = Marked::default();
    for l in inner.iter().filter(|l| l.heading.is_none()) {
        if !marked.text.is_empty() {
            marked.text.push('\n');
        }
        marked.push(&l.marked);
    }
    let mut line = new_line(marked);
    line.article = Some((number, heading_text));
    Some(line)
}

fn new_line(mut marked: Marked) -> TextLine {
    marked.trim();
    TextLine { marked, line: 0, heading: None, bullet: None, after_blank: true, literal: false, article: None }
}

/// Appends the inline content of `el` to `out`, collapsing white space as a browser would.
fn inline(el: ElementRef, out: &mut Marked, in_sup: bool) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                let text = collapse_inline(&out.text, t);
                if in_sup {
                    out.text.extend(text.chars().map(superscript));
                } else {
                    out.text.push_str(&text);
                }
            }
            Node::Element(e) if SKIP.contains(&e.name()) => {}
            Node::Element(e) => {
                let child = ElementRef::wrap(child).expect("an element node");
                let start = out.text.len();
                match e.name() {
                    "br" => out.text.push(' '),
                    "sup" => inline(child, out, true),
                    _ => inline(child, out, in_sup),
                }
                let span = (start, out.text.len());
                match e.name() {
                    "em" | "i" | "b" | "strong" if span.1 > span.0 => out.emphasis.push(span),
                    "a" if span.1 > span.0 => {
                        out.links.push(Link { span, href: e.attr("href").unwrap_or("").to_owned() });
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// A text node's white space collapsed, with a leading space dropped after existing space.
fn collapse_inline(before: &str, t: &str) -> String {
    let starts_space = t.starts_with(char::is_whitespace);
    let ends_space = t.ends_with(char::is_whitespace);
    let core = collapse_space(t);
    let mut s = String::new();
    if starts_space && !before.is_empty() && !before.ends_with(' ') {
        s.push(' ');
    }
    s.push_str(&core);
    if ends_space && !core.is_empty() {
        s.push(' ');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_articles() {
        let h = read(
            "<html lang='en'><body><h1>Declaration</h1><p>Whereas <em>all</em> <a href='x'>51/1</a>,</p>\
             <article data-number='2'><h2>Article 2</h2><p>Everyone.</p><p>Furthermore.</p></article>\
             <script>alert(1)</script></body></html>",
        );
        assert_eq!(h.lang.as_deref(), Some("en"));
        let texts: Vec<&str> = h.lines.iter().map(|l| l.marked.text.as_str()).collect();
        assert_eq!(texts, ["Declaration", "Whereas all 51/1,", "Everyone.\nFurthermore."]);
        assert_eq!(h.lines[2].article.as_ref().map(|a| a.0), Some(2));
        assert_eq!(h.lines[1].marked.links[0].href, "x");
    }
}
