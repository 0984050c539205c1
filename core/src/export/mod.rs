//! Export of documents: JSON (the `show` shape), Markdown and Akoma Ntoso XML. Markdown and
//! AKN are written so that ingest reads them back to the same paragraphs and text.

mod akn;
mod markdown;

pub use akn::to_akn;
pub use markdown::to_markdown;

use crate::model::Document;

/// The document as the JSON of `resolex show --json`.
pub fn to_json(doc: &Document) -> serde_json::Value {
    serde_json::json!({
        "doc": doc.doc,
        "lang": doc.lang,
        "kind": doc.kind,
        "title": doc.meta.title,
        "meta": doc.meta,
        "source": doc.source,
        "refs": doc.refs,
        "paragraphs": doc.paragraphs,
    })
}
