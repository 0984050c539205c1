//! A citation of another instrument, found in a paragraph's text (SPEC §3).

use serde::{Deserialize, Serialize};
use std::fmt;

/// The kinds of instrument Resolex recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RefKind {
    GaResolution,
    ScResolution,
    EcosocResolution,
    GaDecision,
    Document,
    InterpolResolution,
    Treaty,
}

impl RefKind {
    /// Every kind, in the order the bundle numbers them.
    pub const ALL: [RefKind; 7] = [
        RefKind::GaResolution,
        RefKind::ScResolution,
        RefKind::EcosocResolution,
        RefKind::GaDecision,
        RefKind::Document,
        RefKind::InterpolResolution,
        RefKind::Treaty,
    ];

    pub fn name(self) -> &'static str {
        match self {
            RefKind::GaResolution => "ga-resolution",
            RefKind::ScResolution => "sc-resolution",
            RefKind::EcosocResolution => "ecosoc-resolution",
            RefKind::GaDecision => "ga-decision",
            RefKind::Document => "document",
            RefKind::InterpolResolution => "interpol-resolution",
            RefKind::Treaty => "treaty",
        }
    }
}

impl fmt::Display for RefKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One reference: normalized target, kind, and where it is printed in the paragraph text
/// (UTF-8 byte offsets, end exclusive). Document-level references have an empty span.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Reference {
    pub target: String,
    pub kind: RefKind,
    pub span: [usize; 2],
}

impl Reference {
    /// The page of the UN's Official Document System for a UN symbol; `None` for an INTERPOL
    /// resolution or a treaty, which undocs.org does not serve.
    pub fn undocs_url(&self) -> Option<String> {
        match self.kind {
            RefKind::InterpolResolution | RefKind::Treaty => None,
            _ => Some(format!("https://undocs.org/{}", self.target)),
        }
    }
}
