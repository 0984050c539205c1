//! The catalog, in the bundle's head: what the bundle holds, document by document, without the
//! paragraphs.

use crate::model::{DocId, DocKind, Lang};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Catalog {
    pub paragraphs: u32,
    /// Mean tokens per paragraph, for BM25.
    pub mean_length: f32,
    pub docs: Vec<DocEntry>,
    /// Distinct paragraph leads as printed; paragraph rows point into this list.
    pub leads: Vec<String>,
}

/// One document version in the bundle.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DocEntry {
    pub doc: DocId,
    pub lang: Lang,
    pub kind: DocKind,
    /// Where its title is in the titles pages (`start`, `length` in bytes): read it with
    /// `Bundle::title`, which fetches only the page that holds it.
    pub title: Option<[u64; 2]>,
    /// ISO 8601.
    pub date: Option<String>,
    /// Ordinal of its first paragraph; its paragraphs are `first..first + count`.
    pub first: u32,
    pub count: u32,
    /// Paragraphs by kind name.
    pub counts: BTreeMap<String, u32>,
}

impl DocEntry {
    pub fn year(&self) -> Option<&str> {
        self.date.as_deref().and_then(|d| d.get(..4))
    }
}
