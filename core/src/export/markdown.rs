//! Markdown export in the shape the text reader reads: a header, the enacting formula,
//! preambular paragraphs with their lead in italics, numbered operative paragraphs, lettered
//! subparagraphs, footnotes as `¹ text`; each part of a resolution in parts under its letter,
//! and the annexes after the closing lines. Markup characters in the text are escaped.

use crate::model::{DocKind, Document, ParaKind, Paragraph, Scope};
use std::fmt::Write;

pub fn to_markdown(doc: &Document) -> String {
    let mut out = String::new();
    let resolution = doc.kind == DocKind::Resolution;
    if resolution {
        resolution_header(doc, &mut out);
    } else if let Some(date) = &doc.meta.date {
        let _ = writeln!(out, "{date}\n");
    }
    // Each part opens with its letter and the formula; the closing lines come before the annexes.
    let mut scope = None;
    let mut closed = !resolution;
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let here = p.id.scope();
        let opens = p.kind != ParaKind::Footnote && (i == 0 || here != scope);
        match here.filter(|_| opens) {
            Some(Scope::Part(letter)) => {
                let _ = writeln!(out, "{letter}\n\n{}\n", formula(doc));
            }
            Some(Scope::Annex(_)) if !closed => {
                closing(doc, &mut out);
                closed = true;
            }
            None if i == 0 && resolution => {
                let _ = writeln!(out, "{}\n", formula(doc));
            }
            _ => {}
        }
        if opens {
            scope = here;
        }
        let _ = writeln!(out, "{}\n", line(doc, p));
    }
    if !closed {
        closing(doc, &mut out);
    }
    out
}

/// The meeting and the date of adoption, as a resolution closes.
fn closing(doc: &Document, out: &mut String) {
    if let Some(m) = doc.meta.meeting {
        let _ = writeln!(out, "*{m}th plenary meeting*\n");
    }
    if let Some(d) = &doc.meta.date {
        let _ = writeln!(out, "{d}\n");
    }
}

fn resolution_header(doc: &Document, out: &mut String) {
    if let (Some(symbol), Some(title)) = (&doc.meta.symbol, &doc.meta.title) {
        let number = symbol.strip_prefix("A/RES/").unwrap_or(symbol);
        let _ = writeln!(out, "## {number}. {}\n", escape(title));
    }
    if let Some(draft) = &doc.meta.draft {
        let _ = writeln!(out, "[({draft})]\n");
    }
}

/// The enacting formula in the document's language.
fn formula(doc: &Document) -> &'static str {
    match doc.lang.as_str() {
        "zh" => "大会，",
        "fr" => "L’Assemblée générale,",
        "es" => "La Asamblea General,",
        "ru" => "Генеральная Ассамблея,",
        "ar" => "إن الجمعية العامة،",
        _ => "The General Assembly,",
    }
}

fn line(doc: &Document, p: &Paragraph) -> String {
    let body = with_lead(p);
    match p.kind {
        ParaKind::Operative => format!("{}. {body}", p.num.as_deref().unwrap_or("")),
        ParaKind::Subparagraph => {
            let label = p.id.as_str().rsplit('.').next().unwrap_or("");
            format!("({label}) {body}")
        }
        ParaKind::Footnote => format!("{} {body}", crate::fold::superscript_str(p.num.as_deref().unwrap_or(""))),
        ParaKind::Heading => {
            format!("{} {body}", if doc.meta.title.as_deref() == Some(p.text.as_str()) { "#" } else { "##" })
        }
        ParaKind::ListItem => format!("- {body}"),
        ParaKind::Article => body.clone(),
        ParaKind::Preambular | ParaKind::Body => literal_start(body),
    }
}

/// The paragraph's text, escaped, with its lead in italics.
fn with_lead(p: &Paragraph) -> String {
    match &p.lead {
        Some(lead) if p.text.starts_with(lead.as_str()) => {
            format!("*{}*{}", escape(lead), escape(&p.text[lead.len()..]))
        }
        _ => escape(&p.text),
    }
}

/// Escapes what the inline reader would take for markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '[' | ']' | '\\' | '<') {
            out.push('\\');
        }
        if c == '\n' {
            out.push_str("  ");
        }
        out.push(c);
    }
    out
}

/// A line whose start would read as a number, label, bullet or heading is marked literal.
fn literal_start(body: String) -> String {
    let first = body.chars().next().unwrap_or(' ');
    let risky = first.is_ascii_digit()
        || matches!(first, '(' | '#' | '-' | '+' | '•' | '·' | '▪')
        || crate::fold::superscript_digit(first).is_some();
    if risky { format!("\\{body}") } else { body }
}
