//! A paragraph: the unit of citation, search and display.

use super::{ParaId, Reference};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of SPEC §2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ParaKind {
    Preambular,
    Operative,
    Subparagraph,
    Footnote,
    Article,
    Heading,
    Body,
    ListItem,
}

impl ParaKind {
    pub const ALL: [ParaKind; 8] = [
        ParaKind::Preambular,
        ParaKind::Operative,
        ParaKind::Subparagraph,
        ParaKind::Footnote,
        ParaKind::Article,
        ParaKind::Heading,
        ParaKind::Body,
        ParaKind::ListItem,
    ];

    /// The name used in JSON and in `kind:` filters.
    pub fn name(self) -> &'static str {
        match self {
            ParaKind::Preambular => "preambular",
            ParaKind::Operative => "operative",
            ParaKind::Subparagraph => "subparagraph",
            ParaKind::Footnote => "footnote",
            ParaKind::Article => "article",
            ParaKind::Heading => "heading",
            ParaKind::Body => "body",
            ParaKind::ListItem => "list-item",
        }
    }

    pub fn from_name(name: &str) -> Option<ParaKind> {
        ParaKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for ParaKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One paragraph of a document version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    #[serde(rename = "para")]
    pub id: ParaId,
    pub kind: ParaKind,
    /// The number as printed: `21`, `21 (b)`, `1` for a footnote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub num: Option<String>,
    /// The leading verb phrase as printed: `Recalling also`, `Calls for`, `又回顾`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// Plain text: no markup; footnote markers kept as printed (superscript digits).
    pub text: String,
    #[serde(default)]
    pub refs: Vec<Reference>,
    /// The footnotes this paragraph points to.
    #[serde(default)]
    pub notes: Vec<ParaId>,
}

impl Paragraph {
    /// A paragraph with just an id, a kind and its text; the rest is filled in by the reader.
    pub fn new(id: ParaId, kind: ParaKind, text: String) -> Paragraph {
        Paragraph { id, kind, num: None, lead: None, text, refs: Vec::new(), notes: Vec::new() }
    }
}
