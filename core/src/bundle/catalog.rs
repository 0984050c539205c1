//! The catalog, in the bundle's head: what the bundle holds, document by document, without the
//! paragraphs.
//!
//! Every visitor loads the head, so the catalog is stored by columns (one array per field,
//! which deflate packs far better than one object per document), and what follows from the
//! order is not stored: a document's first paragraph and where its title starts are the sums of
//! the counts and title lengths before it.

use crate::model::{DocId, DocKind, Lang};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Catalog {
    pub paragraphs: u32,
    /// Mean tokens per paragraph, for BM25.
    pub mean_length: f32,
    #[serde(serialize_with = "columns", deserialize_with = "rows")]
    pub docs: Vec<DocEntry>,
}

/// One document version in the bundle.
#[derive(Debug, Clone, PartialEq)]
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

/// The documents as stored: a column per field.
#[derive(Serialize, Deserialize)]
struct Columns {
    doc: Vec<DocId>,
    lang: Vec<Lang>,
    kind: Vec<DocKind>,
    /// Title length in bytes; `None`: no title.
    title: Vec<Option<u64>>,
    date: Vec<Option<String>>,
    count: Vec<u32>,
    counts: Vec<BTreeMap<String, u32>>,
}

fn columns<S: Serializer>(docs: &[DocEntry], s: S) -> Result<S::Ok, S::Error> {
    Columns {
        doc: docs.iter().map(|d| d.doc.clone()).collect(),
        lang: docs.iter().map(|d| d.lang.clone()).collect(),
        kind: docs.iter().map(|d| d.kind).collect(),
        title: docs.iter().map(|d| d.title.map(|[_, len]| len)).collect(),
        date: docs.iter().map(|d| d.date.clone()).collect(),
        count: docs.iter().map(|d| d.count).collect(),
        counts: docs.iter().map(|d| d.counts.clone()).collect(),
    }
    .serialize(s)
}

fn rows<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<DocEntry>, D::Error> {
    let c = Columns::deserialize(d)?;
    let n = c.doc.len();
    let lens = [c.lang.len(), c.kind.len(), c.title.len(), c.date.len(), c.count.len(), c.counts.len()];
    if lens.iter().any(|&l| l != n) {
        return Err(serde::de::Error::custom(format!("the catalog's columns differ in length: {n} and {lens:?}")));
    }
    let (mut first, mut title_at) = (0u32, 0u64);
    let mut out = Vec::with_capacity(n);
    let fields = c.lang.into_iter().zip(c.kind).zip(c.title).zip(c.date).zip(c.count).zip(c.counts);
    for (doc, (((((lang, kind), title), date), count), counts)) in c.doc.into_iter().zip(fields) {
        let title = title.map(|len| {
            let at = title_at;
            title_at = title_at.saturating_add(len);
            [at, len]
        });
        let overflow = || serde::de::Error::custom("the catalog counts more than 2³² paragraphs");
        out.push(DocEntry { doc, lang, kind, title, date, first, count, counts });
        first = first.checked_add(count).ok_or_else(overflow)?;
    }
    Ok(out)
}

/// Each document's facet values (symbol, language, year) as indexes into sorted tables of the
/// distinct values, and each paragraph's language: counting facets over thousands of matches,
/// or keeping a word's postings in one language for its stem, then compares no strings.
#[derive(Debug, Clone, Default)]
pub struct FacetTables {
    pub symbols: Vec<String>,
    pub langs: Vec<String>,
    pub years: Vec<String>,
    /// By document: its symbol's, language's and year's index (the year's is `u32::MAX`
    /// when it has no date).
    pub of: Vec<[u32; 3]>,
    /// By paragraph ordinal: its document's language index (`u16::MAX` outside any document).
    pub lang_of_ord: Vec<u16>,
}

impl FacetTables {
    /// The tables of `docs`, which hold `paragraphs` paragraphs in all (the catalog's count: a
    /// document's range past it is left out).
    pub fn new(docs: &[DocEntry], paragraphs: u32) -> FacetTables {
        let table = |values: Vec<&str>| {
            let mut t: Vec<String> = values.into_iter().map(str::to_owned).collect();
            t.sort_unstable();
            t.dedup();
            t
        };
        let symbols = table(docs.iter().map(|d| d.doc.0.as_str()).collect());
        let langs = table(docs.iter().map(|d| d.lang.as_str()).collect());
        let years = table(docs.iter().filter_map(DocEntry::year).collect());
        let index = |t: &[String], v: &str| t.binary_search_by(|x| x.as_str().cmp(v)).map_or(u32::MAX, |i| i as u32);
        let of: Vec<[u32; 3]> = docs
            .iter()
            .map(|d| {
                let year = d.year().map_or(u32::MAX, |y| index(&years, y));
                [index(&symbols, &d.doc.0), index(&langs, d.lang.as_str()), year]
            })
            .collect();
        let mut lang_of_ord = vec![u16::MAX; paragraphs as usize];
        for (d, [_, lang, _]) in docs.iter().zip(&of) {
            let lang = u16::try_from(*lang).unwrap_or(u16::MAX);
            let end = d.first.saturating_add(d.count).min(paragraphs);
            if let Some(ords) = lang_of_ord.get_mut(d.first as usize..end as usize) {
                ords.fill(lang);
            }
        }
        FacetTables { symbols, langs, years, of, lang_of_ord }
    }
}
