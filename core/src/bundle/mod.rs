//! The `.rlx` bundle (SPEC §6): one file that holds a corpus, its lexicon and its index, and
//! loads from bytes — natively and in WebAssembly — with the fst maps used in place.
//!
//! `write` makes one from a [`Corpus`]; [`Bundle::from_static`] and [`Bundle::from_vec`] load
//! one after checking its magic bytes, version, section bounds and checksum.

mod catalog;
pub mod format;
mod paras;
mod write;

pub use catalog::{Catalog, DocEntry};
pub use format::{BundleError, VERSION};
pub use write::write;

use crate::corpus::Corpus;
use crate::index::ParaOrd;
use crate::index::postings::Postings;
use crate::model::{DocId, Document, ParaKind};
use format::Section;
use paras::Row;
use std::ops::Range;
use std::sync::Arc;

/// The bytes of a bundle: embedded in the binary, or loaded at run time.
#[derive(Clone)]
enum Data {
    Static(&'static [u8]),
    /// The bytes as read, moved in (not copied: a bundle of sessions 79–80 is 160 MB, and in
    /// the browser's wasm memory, which never shrinks, a copy would stay for good).
    Shared(Arc<Vec<u8>>),
}

impl AsRef<[u8]> for Data {
    fn as_ref(&self) -> &[u8] {
        match self {
            Data::Static(b) => b,
            Data::Shared(b) => b.as_slice(),
        }
    }
}

/// A section of the bundle's bytes, for an fst map to use in place.
#[derive(Clone)]
pub struct Slice {
    data: Data,
    range: Range<usize>,
}

impl AsRef<[u8]> for Slice {
    fn as_ref(&self) -> &[u8] {
        &self.data.as_ref()[self.range.clone()]
    }
}

/// A loaded bundle.
pub struct Bundle {
    data: Data,
    pub catalog: Catalog,
    ranges: Vec<(Section, Range<usize>)>,
    /// The paragraph table, kept at hand: every scored posting reads it.
    paras: Slice,
    /// The languages of the documents, sorted, each once.
    langs: Vec<String>,
    pub(crate) terms: fst::Map<Slice>,
    pub(crate) stems: fst::Map<Slice>,
    para_ids: fst::Map<Slice>,
}

/// One paragraph as the bundle holds it, without decoding its document.
#[derive(Debug, Clone, Copy)]
pub struct ParaView<'a> {
    pub ord: ParaOrd,
    /// Index of its document in the catalog.
    pub doc: usize,
    pub kind: ParaKind,
    pub id: &'a str,
    pub num: Option<&'a str>,
    pub lead: Option<&'a str>,
    pub text: &'a str,
    pub tokens: u32,
}

impl Bundle {
    /// Loads a bundle embedded in the program.
    pub fn from_static(bytes: &'static [u8]) -> Result<Bundle, BundleError> {
        Self::load(Data::Static(bytes))
    }

    /// Loads a bundle read at run time.
    pub fn from_vec(bytes: Vec<u8>) -> Result<Bundle, BundleError> {
        Self::load(Data::Shared(Arc::new(bytes)))
    }

    fn load(data: Data) -> Result<Bundle, BundleError> {
        let ranges = format::read(data.as_ref())?;
        let get = |s: Section| -> Result<Range<usize>, BundleError> {
            ranges.iter().find(|(k, _)| *k == s).map(|(_, r)| r.clone()).ok_or(BundleError::Missing(s.name()))
        };
        let catalog: Catalog = serde_json::from_slice(&data.as_ref()[get(Section::Catalog)?])
            .map_err(|e| corrupt(Section::Catalog, e.to_string()))?;
        let table = get(Section::Paras)?.len();
        if table != catalog.paragraphs as usize * Row::WIDTH {
            return Err(corrupt(Section::Paras, format!("{table} bytes for {} paragraphs", catalog.paragraphs)));
        }
        let map = |s: Section| -> Result<fst::Map<Slice>, BundleError> {
            fst::Map::new(Slice { data: data.clone(), range: get(s)? }).map_err(|e| corrupt(s, e.to_string()))
        };
        let (terms, stems, para_ids) = (map(Section::Terms)?, map(Section::Stems)?, map(Section::ParaIds)?);
        for e in &catalog.docs {
            let end = u64::from(e.first) + u64::from(e.count);
            if end > u64::from(catalog.paragraphs) {
                return Err(corrupt(Section::Catalog, format!("{} lists paragraphs past the end", e.doc)));
            }
        }
        let paras = Slice { data: data.clone(), range: get(Section::Paras)? };
        let mut langs: Vec<String> = catalog.docs.iter().map(|d| d.lang.0.clone()).collect();
        langs.sort_unstable();
        langs.dedup();
        Ok(Bundle { data, catalog, ranges, paras, langs, terms, stems, para_ids })
    }

    /// The bytes of a section (present: `load` checked every one).
    pub(crate) fn section(&self, s: Section) -> &[u8] {
        let range = self.ranges.iter().find(|(k, _)| *k == s).map(|(_, r)| r.clone()).unwrap_or_default();
        &self.data.as_ref()[range]
    }

    /// The whole bundle, as loaded.
    pub fn bytes(&self) -> &[u8] {
        self.data.as_ref()
    }

    /// The size of one section in bytes.
    pub fn section_len(&self, s: Section) -> usize {
        self.section(s).len()
    }

    /// The size of the whole bundle in bytes.
    pub fn byte_len(&self) -> usize {
        self.data.as_ref().len()
    }

    /// How many paragraphs the bundle holds, in every document and language.
    pub fn paragraph_count(&self) -> usize {
        self.catalog.paragraphs as usize
    }

    /// Paragraph `ord`, or `None` past the end or where the bundle is inconsistent.
    pub fn paragraph(&self, ord: ParaOrd) -> Option<ParaView<'_>> {
        let row = Row::at(self.section(Section::Paras), ord)?;
        let text = slice_str(self.section(Section::Texts), row.text_start, row.text_len)?;
        let label = slice_str(self.section(Section::Labels), row.label_start, u32::from(row.label_len))?;
        let (id, num) = crate::index::keys::parse_label(label)?;
        Some(ParaView {
            ord,
            doc: row.doc as usize,
            kind: *ParaKind::ALL.get(row.kind as usize)?,
            id,
            num,
            lead: self.catalog.leads.get(row.lead as usize).map(String::as_str),
            text,
            tokens: row.tokens,
        })
    }

    /// The length of paragraph `ord` in tokens (for BM25), read straight from its row.
    pub fn token_count(&self, ord: ParaOrd) -> Option<u32> {
        let at = (ord as usize).checked_mul(Row::WIDTH)? + 16;
        let b = self.paras.as_ref().get(at..at + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// Where paragraph `ord` belongs, without reading its text: its document index, kind,
    /// lead and length in tokens.
    pub fn outline(&self, ord: ParaOrd) -> Option<(usize, ParaKind, Option<&str>, u32)> {
        let row = Row::at(self.section(Section::Paras), ord)?;
        let lead = self.catalog.leads.get(row.lead as usize).map(String::as_str);
        Some((row.doc as usize, *ParaKind::ALL.get(row.kind as usize)?, lead, row.tokens))
    }

    /// The languages the bundle holds, sorted.
    pub fn langs(&self) -> &[String] {
        &self.langs
    }

    /// Every document version, in bundle order.
    pub fn docs(&self) -> &[DocEntry] {
        &self.catalog.docs
    }

    /// The index of `doc` in `lang` (or its first version when `lang` is `None`).
    pub fn find_doc(&self, doc: &DocId, lang: Option<&str>) -> Option<usize> {
        self.catalog.docs.iter().position(|e| &e.doc == doc && lang.is_none_or(|l| e.lang.as_str() == l))
    }

    /// The ordinal of paragraph `para` of `doc` in `lang`.
    pub fn para_ord(&self, doc: &DocId, lang: &str, para: &str) -> Option<ParaOrd> {
        self.para_ids.get(crate::index::keys::para(doc.as_str(), lang, para)).and_then(|v| ParaOrd::try_from(v).ok())
    }

    /// Document `i` in full, decoded from the bundle.
    pub fn document(&self, i: usize) -> Result<Document, BundleError> {
        let entry = self.catalog.docs.get(i).ok_or_else(|| corrupt(Section::Catalog, format!("no document {i}")))?;
        let blobs = self.section(Section::Blobs);
        let [start, end] = entry.blob;
        let blob = usize::try_from(start)
            .ok()
            .zip(usize::try_from(end).ok())
            .and_then(|(s, e)| blobs.get(s..e))
            .ok_or_else(|| corrupt(Section::Blobs, format!("{} lies outside the section", entry.doc)))?;
        let mut doc: Document = serde_json::from_slice(blob).map_err(|e| corrupt(Section::Blobs, e.to_string()))?;
        for (k, p) in doc.paragraphs.iter_mut().enumerate() {
            let view = self.paragraph(entry.first + k as u32);
            let view = view.ok_or_else(|| corrupt(Section::Texts, format!("paragraph {k} of {}", entry.doc)))?;
            view.text.clone_into(&mut p.text);
        }
        Ok(doc)
    }

    /// Every document in full: the corpus the bundle was built from.
    pub fn corpus(&self) -> Result<Corpus, BundleError> {
        let docs = (0..self.catalog.docs.len()).map(|i| self.document(i)).collect::<Result<_, _>>()?;
        Ok(Corpus { docs, skipped: Vec::new() })
    }

    pub(crate) fn postings(&self, packed: u64, stems: bool) -> Option<Postings<'_>> {
        let bytes = self.section(if stems { Section::StemPostings } else { Section::Postings });
        Postings::read(bytes, crate::index::unpack(packed).0).ok()
    }

    /// Words of the lexicon that start with `prefix` (normalized), with the number of
    /// paragraphs that hold each; filter keys are left out.
    pub fn lexicon(&self, prefix: &str) -> Vec<(String, u32)> {
        use fst::{Automaton, IntoStreamer, Streamer};
        let prefix = crate::analyze::normalize(prefix);
        let matcher = fst::automaton::Str::new(&prefix).starts_with();
        let mut stream = self.terms.search(matcher).into_stream();
        let mut out = Vec::new();
        while let Some((key, value)) = stream.next() {
            if !crate::index::keys::is_filter(key) {
                out.push((String::from_utf8_lossy(key).into_owned(), crate::index::unpack(value).1));
            }
        }
        out
    }
}

fn slice_str(bytes: &[u8], start: u32, len: u32) -> Option<&str> {
    let start = start as usize;
    std::str::from_utf8(bytes.get(start..start.checked_add(len as usize)?)?).ok()
}

fn corrupt(section: Section, what: String) -> BundleError {
    BundleError::Corrupt { section: section.name(), what }
}
