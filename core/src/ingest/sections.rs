//! Sections that number their paragraphs anew: a Fifth Committee resolution on the programme
//! budget adopts sections I, II, … XIX, each from paragraph 1 (79/258, 80/243). Their operative
//! paragraphs carry the section (`sec6.op3`: "section VI, para. 3"), in both readers alike,
//! since they read the same section headings.

use super::draft::Draft;
use super::{labels, meta};
use crate::model::ParaKind;
use std::collections::HashSet;

/// A section's number as printed above its title, in any official language: `VI`, `六`,
/// `سادسا` → 6; `B.`, `باء` → `b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    Numeral(u32),
    Letter(char),
}

const ARABIC_LETTERS: [&str; 10] = ["ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء"];
const ARABIC_ORDINALS: [&str; 10] = ["أول", "ثاني", "ثالث", "رابع", "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر"];

/// The number of a section heading (a line [`labels::section_number`] takes), if it reads as one.
pub fn number(text: &str) -> Option<Number> {
    let t = text.trim().trim_end_matches('.');
    if let Some(n) = super::scopes::roman_value(t) {
        return Some(Number::Numeral(n));
    }
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_ascii_uppercase() {
            return Some(Number::Letter(c.to_ascii_lowercase()));
        }
    }
    if !t.is_empty() && t.chars().all(|c| "一二三四五六七八九十".contains(c)) {
        return meta::chinese_number(t).map(Number::Numeral);
    }
    if let Some(i) = ARABIC_LETTERS.iter().position(|l| *l == t) {
        return Some(Number::Letter(char::from(b'a' + i as u8)));
    }
    arabic_ordinal(t).map(Number::Numeral)
}

/// `أولا` → 1, `حادي عشر` → 11, `عشرين` → 20, `حاديا وعشرين` → 21 (with or without the tanween).
fn arabic_ordinal(t: &str) -> Option<u32> {
    const TENS: [(&str, u32); 3] = [("عشرين", 20), ("ثلاثين", 30), ("أربعين", 40)];
    let unit = |w: &str| {
        let w = w.trim_end_matches('\u{64b}');
        let w = w.strip_suffix('ا').unwrap_or(w);
        let w = if w == "حادي" { "أول" } else { w };
        ARABIC_ORDINALS.iter().position(|o| *o == w).map(|i| i as u32 + 1)
    };
    let tens = |w: &str| TENS.iter().find(|(t, _)| *t == w).map(|&(_, n)| n);
    match t.split_once(' ') {
        Some((first, "عشر")) => unit(first).filter(|&n| n < 10).map(|n| n + 10),
        Some((first, rest)) => Some(unit(first).filter(|&n| n < 10)? + tens(rest.strip_prefix('و')?)?),
        None => tens(t).or_else(|| unit(t)),
    }
}

/// Where operative numbers repeat, puts each operative paragraph and subparagraph after a
/// section heading into its section: `op3` → `sec6.op3`, in a lettered subsection of a
/// numbered one `sec1a.op3`. Nothing changes where every number is used once.
pub fn scope_restarts(drafts: &mut [Draft]) {
    let mut seen = HashSet::new();
    let numbered = |d: &&mut Draft| matches!(d.para.kind, ParaKind::Operative | ParaKind::Subparagraph);
    if drafts.iter_mut().filter(numbered).all(|d| seen.insert(d.para.id.clone())) {
        return;
    }
    let (mut numeral, mut letter) = (None, None);
    for d in drafts.iter_mut() {
        if d.para.kind == ParaKind::Heading && labels::section_number(&d.para.text) {
            match number(&d.para.text) {
                Some(Number::Numeral(n)) => (numeral, letter) = (Some(n), None),
                Some(Number::Letter(c)) => letter = Some(c),
                None => {}
            }
            continue;
        }
        if matches!(d.para.kind, ParaKind::Operative | ParaKind::Subparagraph) && (numeral, letter) != (None, None) {
            let key = format!(
                "{}{}",
                numeral.map(|n| n.to_string()).unwrap_or_default(),
                letter.map(String::from).unwrap_or_default()
            );
            d.para.id = d.para.id.in_section(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_numbers_in_the_six_languages() {
        let cases = [
            ("VI", Some(Number::Numeral(6))),
            ("XIX", Some(Number::Numeral(19))),
            ("B.", Some(Number::Letter('b'))),
            ("六", Some(Number::Numeral(6))),
            ("十九", Some(Number::Numeral(19))),
            ("سادسا", Some(Number::Numeral(6))),
            ("أولاً", Some(Number::Numeral(1))),
            ("حادي عشر", Some(Number::Numeral(11))),
            ("تاسع عشر", Some(Number::Numeral(19))),
            ("باء", Some(Number::Letter('b'))),
            ("Introduction", None),
            ("عشرين", Some(Number::Numeral(20))),
            ("حاديا وعشرين", Some(Number::Numeral(21))),
            ("خامسا وعشرين", Some(Number::Numeral(25))),
            ("عاشر عشر", None),
        ];
        for (text, want) in cases {
            assert_eq!(number(text), want, "{text}");
        }
    }
}
