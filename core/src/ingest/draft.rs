//! A paragraph while it is being read: text still growing (a page break may split it), with
//! the link ranges that the reference finder uses as hints.

use super::inline::{Link, Marked};
use crate::model::{ParaId, ParaKind, Paragraph};

#[derive(Debug, Clone)]
pub struct Draft {
    pub para: Paragraph,
    pub links: Vec<Link>,
}

impl Draft {
    pub fn new(id: ParaId, kind: ParaKind, marked: &Marked) -> Draft {
        Draft { para: Paragraph::new(id, kind, marked.text.clone()), links: marked.links.clone() }
    }

    /// Continues the paragraph with a line that a page break or a line break separated from it.
    pub fn append(&mut self, marked: &Marked) {
        let text = &mut self.para.text;
        let joins_cjk = text.chars().next_back().is_some_and(is_cjk) && marked.text.chars().next().is_some_and(is_cjk);
        if !text.is_empty() && !joins_cjk {
            text.push(' ');
        }
        let shift = text.len();
        text.push_str(&marked.text);
        self.links.extend(
            marked.links.iter().map(|l| Link { span: (l.span.0 + shift, l.span.1 + shift), href: l.href.clone() }),
        );
    }

    /// Takes in `other`, a paragraph that turned out to continue this one (an item of its list).
    pub fn absorb(&mut self, other: Draft) {
        let marked = super::inline::Marked { text: other.para.text, emphasis: Vec::new(), links: other.links };
        self.append(&marked);
    }

    /// True when the text stops mid-sentence: no closing punctuation at its end.
    pub fn is_open(&self) -> bool {
        let trimmed = self.para.text.trim_end_matches([
            '"', '\'', '”', '’', '»', ')', '）', '」', '』', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '⁰', '⁽',
            '⁾', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', ' ',
        ]);
        !trimmed.ends_with([',', ';', ':', '.', '!', '?', '。', '，', '；', '：', '！', '？', '،', '؛', '、'])
    }
}

/// Whether `text` ends with a comma, as a preambular paragraph or an enacting formula does
/// (`,`, Arabic `،`, full-width `，`).
pub fn ends_with_comma(text: &str) -> bool {
    text.trim_end().ends_with([',', '،', '，'])
}

/// Chinese, Japanese and Korean characters, and their punctuation: written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303f | 0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0xff00..=0xffef | 0xac00..=0xd7af | 0x20000..=0x2fa1f)
}
