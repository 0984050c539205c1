//! The document model of SPEC §2–§3: documents in a language, made of paragraphs with stable,
//! citeable ids, each carrying the references it makes.

mod ids;
mod paragraph;
mod reference;
mod vote;

pub use ids::{DocId, Lang, ParaId, Scope};
pub use paragraph::{ParaKind, Paragraph};
pub use reference::{RefKind, Reference};
pub use vote::{Vote, VoteKind};

use serde::{Deserialize, Serialize};

/// What sort of text a document is; decides how it is cited and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// A resolution of a UN organ, with preambular and operative paragraphs.
    Resolution,
    /// A declaration or convention made of articles.
    Declaration,
    /// A web page, press release or any other text.
    Page,
}

/// What is known about a document besides its paragraphs. Every field is optional: a web page
/// has a title and perhaps a date; a resolution has all of them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Adoption or publication date, ISO 8601.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<u32>,
    /// As printed: `125 (y)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agenda_item: Option<String>,
    /// The draft's symbol, as printed: `A/79/L.17`, `A/71/L.17 and Add.1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<String>,
    /// Number of the plenary meeting that adopted it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meeting: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub sponsors: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub subjects: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub sdgs: Vec<String>,
}

/// One document version: a document in one language, read from one source file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub doc: DocId,
    pub lang: Lang,
    /// The file it was read from, as the caller named it.
    pub source: String,
    pub kind: DocKind,
    pub meta: Metadata,
    pub paragraphs: Vec<Paragraph>,
    /// References made by the document as a whole rather than by a paragraph (its draft symbol).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<Reference>,
}

impl Document {
    /// Bytes of paragraph text (what sizes a bundle's blocks).
    pub fn text_len(&self) -> u64 {
        self.paragraphs.iter().map(|p| p.text.len() as u64).sum()
    }

    /// The paragraph with this id, if the document has it.
    pub fn paragraph(&self, id: &ParaId) -> Option<&Paragraph> {
        self.paragraphs.iter().find(|p| &p.id == id)
    }

    /// How many paragraphs of each kind, in the order of [`ParaKind::ALL`].
    pub fn counts(&self) -> Vec<(ParaKind, usize)> {
        ParaKind::ALL
            .iter()
            .map(|&k| (k, self.paragraphs.iter().filter(|p| p.kind == k).count()))
            .filter(|&(_, n)| n > 0)
            .collect()
    }

    /// Every reference of the document: its own, then its paragraphs' in order.
    pub fn all_refs(&self) -> impl Iterator<Item = (Option<&Paragraph>, &Reference)> {
        let own = self.refs.iter().map(|r| (None, r));
        let paras = self.paragraphs.iter().flat_map(|p| p.refs.iter().map(move |r| (Some(p), r)));
        own.chain(paras)
    }
}
