//! Official citations of a paragraph, the way the UN and the literature write them:
//! `A/RES/79/136, para. 21 (b)`, `A/RES/79/136, preambular para. 5`, `A/RES/79/136, footnote 4`,
//! and inside a part or an annex `A/RES/79/93 B, para. 3`, `A/RES/79/1, annex I, para. 12`.

use crate::model::{DocId, ParaId, ParaKind, Paragraph, Scope};

pub fn citation(doc: &DocId, p: &Paragraph) -> String {
    citation_of(doc, p.kind, p.id.as_str(), p.num.as_deref())
}

/// The citation from a paragraph's parts: its kind, id and number as printed. (Written piece by
/// piece rather than with `format!`: the widget's wasm carries this, and each `format!` is code.)
pub fn citation_of(doc: &DocId, kind: ParaKind, id: &str, num: Option<&str>) -> String {
    // The label, and whether the number is read from the id (a preambular paragraph or an
    // article) rather than printed with the paragraph.
    let (label, numbered_by_id) = match kind {
        ParaKind::Operative | ParaKind::Subparagraph => (", para. ", false),
        ParaKind::Preambular => (", preambular para. ", true),
        ParaKind::Footnote => (", footnote ", false),
        ParaKind::Article => (", art. ", true),
        ParaKind::Heading | ParaKind::Body | ParaKind::ListItem => return [doc.as_str(), "#", id].concat(),
    };
    let para = ParaId::parse(id);
    let scope = para.as_ref().and_then(ParaId::scope);
    let own = para.as_ref().map_or(id, ParaId::unscoped);
    // A paragraph of a section that numbers its paragraphs anew: `sec6.op3`, `sec1a.op3`.
    let (section, own) = match para.as_ref().and_then(ParaId::section) {
        Some((key, rest)) => (Some(section_name(key)), rest),
        None => (None, own),
    };
    // A paragraph of an annexed convention's article: `art2.op1`.
    let (article, own) = match own.split_once('.') {
        Some((art, rest)) if art.starts_with("art") && kind != ParaKind::Article => (Some(digits(art)), rest),
        _ => (None, own),
    };
    let mut out = match scope {
        Some(Scope::Part(letter)) => part_symbol(doc.as_str(), letter),
        _ => doc.as_str().to_owned(),
    };
    if let Some(Scope::Annex(n)) = scope {
        out.push_str(", annex");
        if let Some(n) = n {
            out.push(' ');
            out.push_str(&roman(n));
        }
    }
    for (name, value) in [(", sect. ", section), (", art. ", article)] {
        if let Some(value) = value {
            out.push_str(name);
            out.push_str(&value);
        }
    }
    out.push_str(label);
    match num {
        Some(num) if !numbered_by_id => out.push_str(num),
        _ => out.push_str(&digits(own)),
    }
    out
}

/// The symbol of one part of a resolution adopted in parts: `A/RES/79/93 A-B` → `A/RES/79/93 B`.
fn part_symbol(doc: &str, letter: char) -> String {
    let parts = |s: &str| s.split('-').all(|p| p.len() == 1 && p.bytes().all(|b| b.is_ascii_uppercase()));
    let base = doc.rsplit_once(' ').filter(|(_, p)| parts(p)).map_or(doc, |(base, _)| base);
    let mut out = base.to_owned();
    out.push(' ');
    out.push(letter);
    out
}

/// A section as the UN prints its number: `6` → `VI`, `1a` → `I.A`, `b` → `B`.
fn section_name(key: &str) -> String {
    let digits = &key[..key.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(key.len())];
    let letter = key[digits.len()..].to_ascii_uppercase();
    match (digits.parse::<u32>().ok(), letter.is_empty()) {
        (Some(n), true) => roman(n),
        (Some(n), false) => roman(n) + "." + &letter,
        (None, _) => letter,
    }
}

/// An annex's number as the UN prints it: 2 → `II`.
fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// The first run of digits in `id`: `op21` → `21`.
fn digits(id: &str) -> String {
    let from = id.bytes().position(|b| b.is_ascii_digit()).unwrap_or(id.len());
    let rest = &id[from..];
    rest[..rest.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(rest.len())].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParaId;

    #[test]
    fn citations() {
        let doc = DocId("A/RES/79/136".into());
        let mut p = Paragraph::new(ParaId::operative(21).child("b"), ParaKind::Subparagraph, String::new());
        p.num = Some("21 (b)".into());
        assert_eq!(citation(&doc, &p), "A/RES/79/136, para. 21 (b)");
        let pp = Paragraph::new(ParaId::preambular(5), ParaKind::Preambular, String::new());
        assert_eq!(citation(&doc, &pp), "A/RES/79/136, preambular para. 5");
    }

    #[test]
    fn citations_in_parts_and_annexes() {
        let doc = DocId("A/RES/79/93 A-B".into());
        let mut p = Paragraph::new(ParaId::operative(3).within(&Scope::Part('B')), ParaKind::Operative, String::new());
        p.num = Some("3".into());
        assert_eq!(citation(&doc, &p), "A/RES/79/93 B, para. 3");
        let pp = Paragraph::new(ParaId::preambular(2).within(&Scope::Part('A')), ParaKind::Preambular, String::new());
        assert_eq!(citation(&DocId("A/RES/79/252".into()), &pp), "A/RES/79/252 A, preambular para. 2");
        let doc = DocId("A/RES/79/1".into());
        let mut p =
            Paragraph::new(ParaId::operative(12).within(&Scope::Annex(Some(2))), ParaKind::Operative, String::new());
        p.num = Some("12".into());
        assert_eq!(citation(&doc, &p), "A/RES/79/1, annex II, para. 12");
        let pp = Paragraph::new(ParaId::preambular(4).within(&Scope::Annex(None)), ParaKind::Preambular, String::new());
        assert_eq!(citation(&doc, &pp), "A/RES/79/1, annex, preambular para. 4");
        let h = Paragraph::new(ParaId::heading(1).within(&Scope::Annex(None)), ParaKind::Heading, String::new());
        assert_eq!(citation(&doc, &h), "A/RES/79/1#annex.h1");
        assert_eq!(roman(14), "XIV");
        let doc258 = DocId("A/RES/79/258".into());
        let mut p = Paragraph::new(ParaId::operative(3).in_section("6"), ParaKind::Operative, String::new());
        p.num = Some("3".into());
        assert_eq!(citation(&doc258, &p), "A/RES/79/258, sect. VI, para. 3");
        p.id = ParaId::operative(3).in_section("1a");
        assert_eq!(citation(&doc258, &p), "A/RES/79/258, sect. I.A, para. 3");
        p.id = ParaId::operative(3).in_section("b");
        assert_eq!(citation(&doc258, &p), "A/RES/79/258, sect. B, para. 3");
        let mut p = Paragraph::new(
            ParaId::operative(1).child("b").in_article(2).within(&Scope::Annex(None)),
            ParaKind::Subparagraph,
            String::new(),
        );
        p.num = Some("1 (b)".into());
        assert_eq!(citation(&doc, &p), "A/RES/79/1, annex, art. 2, para. 1 (b)");
        let art = Paragraph::new(ParaId::article(2).within(&Scope::Annex(None)), ParaKind::Article, String::new());
        assert_eq!(citation(&doc, &art), "A/RES/79/1, annex, art. 2");
    }
}
