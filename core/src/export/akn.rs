//! Akoma Ntoso export in the AKN4UN shape the UN publishes and the AKN reader reads:
//! cover page, preface, preamble containers, operative paragraphs with lists of points,
//! footnotes as `authorialNote`s anchored at their markers, conclusions; the parts of a
//! resolution in parts as `components`, its annexes as an `attachment`.

use crate::model::{Document, ParaKind, Paragraph, Scope};
use std::fmt::Write;

pub fn to_akn(doc: &Document) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(
        "<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\">\n<statement name=\"resolution\">\n",
    );
    let _ = writeln!(
        out,
        "<meta><identification><FRBRExpression><FRBRlanguage language=\"{}\"/></FRBRExpression></identification></meta>",
        lang3(doc.lang.as_str())
    );
    cover(doc, &mut out);
    let groups = scoped(doc);
    let in_parts = groups.iter().any(|(scope, _)| matches!(scope, Some(Scope::Part(_))));
    if in_parts {
        out.push_str("<components>\n");
    }
    for (scope, paras) in &groups {
        match scope {
            None => statement(doc, paras, &mut out),
            Some(Scope::Part(letter)) => {
                let _ = writeln!(out, "<component><statement name=\"resolution\"><preface><p>{letter}</p></preface>");
                statement(doc, paras, &mut out);
                out.push_str("</statement></component>\n");
            }
            Some(Scope::Annex(_)) => {}
        }
    }
    if in_parts {
        out.push_str("</components>\n");
    }
    if let (Some(m), Some(d)) = (doc.meta.meeting, &doc.meta.date) {
        let _ = writeln!(
            out,
            "<conclusions><p><location>{m}th plenary meeting</location><docDate date=\"{d}\">{d}</docDate></p></conclusions>"
        );
    }
    let annexes: Vec<&Vec<&Paragraph>> =
        groups.iter().filter(|(scope, _)| matches!(scope, Some(Scope::Annex(_)))).map(|(_, p)| p).collect();
    if !annexes.is_empty() {
        out.push_str("<attachments><attachment><doc name=\"annex\"><mainBody>\n");
        for paras in annexes {
            body(doc, paras, &mut out);
        }
        out.push_str("</mainBody></doc></attachment></attachments>\n");
    }
    out.push_str("</statement>\n</akomaNtoso>\n");
    out
}

/// The paragraphs (footnotes aside: they go where they are cited) by part or annex, in order.
fn scoped(doc: &Document) -> Vec<(Option<Scope>, Vec<&Paragraph>)> {
    let mut groups: Vec<(Option<Scope>, Vec<&Paragraph>)> = Vec::new();
    for p in doc.paragraphs.iter().filter(|p| p.kind != ParaKind::Footnote) {
        let scope = p.id.scope();
        match groups.last_mut() {
            Some((s, paras)) if *s == scope => paras.push(p),
            _ => groups.push((scope, vec![p])),
        }
    }
    groups
}

/// A statement's preamble (its preambular paragraphs up to the first other one) and main body,
/// where later preambular paragraphs stay in place (a section's own preamble: 79/258).
fn statement(doc: &Document, paras: &[&Paragraph], out: &mut String) {
    let preamble = paras.iter().take_while(|p| p.kind == ParaKind::Preambular).count();
    out.push_str("<preamble>\n");
    for p in &paras[..preamble] {
        let name = p.lead.as_deref().map(|l| format!(" name=\"{}\"", esc(l))).unwrap_or_default();
        let _ = writeln!(out, "<container{name}><p>{}</p></container>", inline(doc, p));
    }
    out.push_str("</preamble>\n<mainBody>\n");
    body(doc, &paras[preamble..], out);
    out.push_str("</mainBody>\n");
}

fn cover(doc: &Document, out: &mut String) {
    let m = &doc.meta;
    out.push_str("<coverPage>");
    if let Some(s) = &m.symbol {
        let _ = write!(out, "<p><docNumber refersTo=\"#symbol\">{}</docNumber></p>", esc(s));
    }
    if let Some(s) = m.session {
        let _ = write!(out, "<p><session value=\"{s}\"/></p>");
    }
    if let Some(a) = &m.agenda_item {
        let _ = write!(out, "<p><inline name=\"agenda item\" title=\"{}\">{}</inline></p>", esc(a), esc(a));
    }
    if let Some(d) = &m.draft {
        let _ = write!(out, "<p><inline name=\"originating document\">{}</inline></p>", esc(d));
    }
    out.push_str("</coverPage>\n");
    if let Some(t) = &m.title {
        let _ = writeln!(out, "<preface><p><docTitle>{}</docTitle></p></preface>", esc(t));
    }
}

/// The main body's paragraphs, a preambular one among them as the UN marks one in a section.
fn body(doc: &Document, paras: &[&Paragraph], out: &mut String) {
    let mut open_list = false;
    for &p in paras {
        match p.kind {
            ParaKind::Footnote => continue,
            ParaKind::Preambular => {
                close(out, &mut open_list);
                let _ = writeln!(out, "<crossHeading refersTo=\"#preamble\"><p>{}</p></crossHeading>", inline(doc, p));
                continue;
            }
            ParaKind::Subparagraph => {
                let label = p.id.as_str().rsplit('.').next().unwrap_or("");
                let _ =
                    writeln!(out, "<point><num>({label})</num><content><p>{}</p></content></point>", inline(doc, p));
                continue;
            }
            _ => {}
        }
        close(out, &mut open_list);
        if p.kind == ParaKind::Operative {
            let has_points = paras.iter().any(|q| q.id.parent().as_ref() == Some(&p.id));
            let num = p.num.as_deref().unwrap_or("");
            if has_points {
                let _ = writeln!(out, "<paragraph><num>{num}.</num><list><intro><p>{}</p></intro>", inline(doc, p));
                open_list = true;
            } else {
                let _ = writeln!(
                    out,
                    "<paragraph><num>{num}.</num><content><p>{}</p></content></paragraph>",
                    inline(doc, p)
                );
            }
        } else if p.kind == ParaKind::Heading {
            let _ = writeln!(out, "<crossHeading>{}</crossHeading>", inline(doc, p));
        } else {
            let _ = writeln!(out, "<paragraph><content><p>{}</p></content></paragraph>", inline(doc, p));
        }
    }
    close(out, &mut open_list);
}

fn close(out: &mut String, open_list: &mut bool) {
    if std::mem::take(open_list) {
        out.push_str("</list></paragraph>\n");
    }
}

/// The paragraph's text as XML: lead in italics, footnote markers replaced by the notes.
fn inline(doc: &Document, p: &Paragraph) -> String {
    let (lead, rest) = match &p.lead {
        Some(l) if p.text.starts_with(l.as_str()) => (Some(l.as_str()), &p.text[l.len()..]),
        _ => (None, p.text.as_str()),
    };
    let mut out = lead.map(|l| format!("<span class=\"italic\">{}</span>", esc(l))).unwrap_or_default();
    let mut chars = rest.char_indices().peekable();
    let mut last = 0;
    while let Some((i, c)) = chars.next() {
        if crate::fold::superscript_digit(c).is_none() {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek().filter(|(_, d)| crate::fold::superscript_digit(*d).is_some()) {
            end = j + d.len_utf8();
            chars.next();
        }
        let digits: String = rest[i..end]
            .chars()
            .filter_map(crate::fold::superscript_digit)
            .map(|d| char::from_digit(d, 10).unwrap_or('0'))
            .collect();
        let note =
            doc.paragraphs.iter().find(|n| n.kind == ParaKind::Footnote && n.num.as_deref() == Some(digits.as_str()));
        if let Some(note) = note.filter(|_| p.notes.iter().any(|id| id == &note_id(&digits))) {
            out.push_str(&esc(&rest[last..i]));
            let _ = write!(out, "<authorialNote marker=\"{digits}\"><p>{}</p></authorialNote>", esc(&note.text));
            last = end;
        }
    }
    out.push_str(&esc(&rest[last..]));
    out
}

fn note_id(digits: &str) -> crate::model::ParaId {
    crate::model::ParaId::footnote(digits.parse().unwrap_or(0))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn lang3(l: &str) -> &str {
    match l {
        "ar" => "ara",
        "zh" => "zho",
        "en" => "eng",
        "fr" => "fra",
        "ru" => "rus",
        "es" => "spa",
        other => other,
    }
}
