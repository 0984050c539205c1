//! `resolex show REF`: a document or one paragraph, as text or JSON.

use super::Outcome;
use super::output::json as print_json;
use resolex_core::cite::citation;
use resolex_core::corpus::parse_ref;
use resolex_core::{Corpus, Document, ParaId, Paragraph, Scope};

#[derive(clap::Args)]
pub struct Args {
    /// `A/RES/79/136`, `A/RES/79/136#op21.b`, or a part of a resolution in parts: `A/RES/79/93 B#op3`.
    reference: String,
    /// The language version (default: English, else the first held).
    #[arg(long)]
    lang: Option<String>,
    #[arg(long)]
    json: bool,
}

pub fn run(corpus: &Corpus, args: &Args) -> Result<Outcome, String> {
    let (doc_id, para) = parse_ref(&args.reference).map_err(|e| e.to_string())?;
    let (doc_id, para, part) = corpus.resolve_part(doc_id, para);
    let Some(doc) = corpus.find(&doc_id, args.lang.as_deref()) else {
        let langs: Vec<String> = corpus.versions(&doc_id).map(|d| d.lang.to_string()).collect();
        return Ok(Outcome::NotFound(if langs.is_empty() {
            format!("no document {doc_id} in the corpus")
        } else {
            format!("{doc_id} is held in {} only", langs.join(", "))
        }));
    };
    let paragraphs = selected(doc, para.as_ref(), part);
    if paragraphs.is_empty() {
        return Ok(Outcome::NotFound(format!(
            "{doc_id} ({}) has no paragraph {}",
            doc.lang,
            para.map(|p| p.to_string()).unwrap_or_default()
        )));
    }
    if args.json {
        let mut value = resolex_core::export::to_json(doc);
        value["paragraphs"] = serde_json::to_value(&paragraphs).map_err(|e| e.to_string())?;
        for (v, p) in value["paragraphs"].as_array_mut().into_iter().flatten().zip(&paragraphs) {
            v["cite"] = citation(&doc.doc, p).into();
        }
        return print_json(&value);
    }
    print_text(doc, &paragraphs)
}

fn print_text(doc: &Document, paragraphs: &[&Paragraph]) -> Result<Outcome, String> {
    out!("{} ({})  {}", doc.doc, doc.lang, doc.meta.title.as_deref().unwrap_or(""));
    let m = &doc.meta;
    let facts: Vec<String> = [
        m.date.as_ref().map(|d| format!("adopted {d}")),
        m.meeting.map(|n| format!("meeting {n}")),
        m.session.map(|s| format!("session {s}")),
        m.agenda_item.as_ref().map(|a| format!("agenda item {a}")),
        m.draft.as_ref().map(|d| format!("draft {d}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !facts.is_empty() {
        out!("{}", facts.join(" · "));
    }
    out!();
    for p in paragraphs {
        out!("[{}] {}", p.id, p.text);
        for r in &p.refs {
            out!("      → {} ({})", r.target, r.kind);
        }
    }
    Ok(Outcome::Found)
}

/// The paragraphs a reference names: one with its subdivisions, one part of a resolution in
/// parts (`A/RES/79/93 B`) with the notes it cites, or the whole document.
fn selected<'a>(doc: &'a Document, para: Option<&ParaId>, part: Option<Scope>) -> Vec<&'a Paragraph> {
    if let Some(id) = para {
        return doc.paragraphs.iter().filter(|p| &p.id == id || p.id.parent().as_ref() == Some(id)).collect();
    }
    let own = |p: &Paragraph| part.is_none() || p.id.scope() == part;
    let cited: Vec<&ParaId> = doc.paragraphs.iter().filter(|p| own(p)).flat_map(|p| &p.notes).collect();
    doc.paragraphs.iter().filter(|p| own(p) || cited.contains(&&p.id)).collect()
}
