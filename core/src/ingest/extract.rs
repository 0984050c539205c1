//! The UN's `data_extract` lines: one JSON object per resolution with its vote, sponsors,
//! subjects and SDGs. They attach to the document whose symbol they name.

use crate::error::{IngestError, Location};
use crate::model::{Metadata, Vote};
use serde::Deserialize;

/// One line of `data_extract/*.json`, the fields Resolex uses.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Extract {
    pub symbol: String,
    #[serde(default)]
    pub agenda_item: String,
    #[serde(default)]
    pub originating_document: String,
    #[serde(default)]
    pub sponsors: Vec<String>,
    #[serde(default)]
    pub additional_sponsors: Vec<String>,
    #[serde(default)]
    pub voting_type: String,
    #[serde(default, rename = "MS_in_favour_count")]
    pub in_favour: String,
    #[serde(default, rename = "MS_against_count")]
    pub against: String,
    #[serde(default, rename = "MS_abstaining_count")]
    pub abstaining: String,
    #[serde(default, rename = "SDGs")]
    pub sdgs: Vec<String>,
    #[serde(default)]
    pub subjects: Vec<Vec<String>>,
}

pub fn parse(name: &str, src: &str) -> Result<Vec<Extract>, IngestError> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| IngestError::Metadata {
                at: Location { file: name.to_owned(), line: Some(i + 1) },
                message: e.to_string(),
            })
        })
        .collect()
}

impl Extract {
    /// Fills in what the document's own text did not say; votes, sponsors, subjects and SDGs
    /// come from here.
    pub fn apply(&self, meta: &mut Metadata) {
        let count = |s: &str| s.trim().parse().unwrap_or(0);
        meta.vote = Some(Vote {
            kind: self.voting_type.clone().into(),
            in_favour: count(&self.in_favour),
            against: count(&self.against),
            abstaining: count(&self.abstaining),
        });
        meta.sponsors = self.sponsors.iter().chain(&self.additional_sponsors).cloned().collect();
        let subjects =
            self.subjects.iter().filter(|s| s.get(1).is_some_and(|d| d == "UNBIS Thesaurus" || d == "DHLAUTH"));
        meta.subjects = subjects.filter_map(|s| s.first().cloned()).collect();
        if !self.sdgs.is_empty() {
            meta.sdgs.clone_from(&self.sdgs);
        }
        if meta.agenda_item.is_none() {
            meta.agenda_item = self.agenda_item.strip_prefix("Agenda item ").map(str::to_owned);
        }
        if meta.draft.is_none() && !self.originating_document.is_empty() {
            meta.draft = Some(self.originating_document.clone());
        }
    }
}
