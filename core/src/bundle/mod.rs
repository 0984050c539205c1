//! The `.rlx` bundle (SPEC §6): a corpus, its lexicon and its index in a small head and parts
//! read when a query or a reader needs them — natively and in WebAssembly, from one file or
//! from a directory of parts.
//!
//! [`write`] and [`write_parts`] make one from a [`Corpus`]. [`Bundle::from_static`],
//! [`Bundle::from_vec`] and [`Bundle::open`] load one: they read and check the head only; each
//! part is inflated and checked when first read. A bundle whose parts are elsewhere (the
//! browser's) notes the parts a read lacked; [`Bundle::settle`] says which, the caller
//! [`Bundle::supply`]s them and runs the query again. The layout is in [`format`].

mod block;
mod bytes;
mod catalog;
#[cfg(feature = "indexing")]
mod compact;
pub mod format;
mod head;
mod outline;
mod pack;
mod parts;
mod record;
mod write;

pub(crate) use catalog::ranks_by_name;
pub use catalog::{Catalog, DocEntry};
pub use format::{BundleError, Layout, PartEntry, PartKind, VERSION};
pub use parts::Pending;
pub use write::{Sizes, Writer, Written, write, write_parts};
#[cfg(feature = "indexing")]
pub use write::{write_compact, write_compact_parts};

use crate::corpus::Corpus;
use crate::index::postings::{ListKind, Posting, Postings};
use crate::index::{ParaOrd, keys, postings, unpack};
use crate::model::{DocId, Document, ParaKind};
use block::Block;
use format::{Head, Paged, Shard};
use parts::{Source, Store};
use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A loaded bundle.
pub struct Bundle {
    pub catalog: Catalog,
    terms: Vec<Shard>,
    stems: Vec<Shard>,
    postings: Paged,
    stem_postings: Paged,
    blocks: Vec<format::BlockRef>,
    outline: Paged,
    titles: Paged,
    leads: format::LeadPages,
    /// The lead pages read so far, parsed.
    lead_pages: Vec<std::sync::OnceLock<Vec<Arc<str>>>>,
    /// Each lead's rank by name, made once every lead page is at hand ([`Bundle::lead_ranks`]).
    lead_ranks: std::sync::OnceLock<Vec<u32>>,
    store: Store,
    head_len: usize,
    /// Made when first asked for (stems, the bundle's languages).
    lang_table: std::sync::OnceLock<catalog::LangTable>,
    /// Made when first asked for (facets).
    facet_tables: std::sync::OnceLock<catalog::FacetTables>,
    /// Each document's first ordinal, made when first asked for: the catalog's entries are
    /// large, and a search over them touches a cache line at every step.
    doc_firsts: std::sync::OnceLock<Vec<ParaOrd>>,
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
    /// Its lead, by index: [`Bundle::lead`] names it (read only where it is shown, so that a
    /// hit does not wait on a page of leads).
    pub lead: u16,
    pub text: &'a str,
}

impl Bundle {
    /// Loads a bundle embedded in the program.
    pub fn from_static(bytes: &'static [u8]) -> Result<Bundle, BundleError> {
        let (layout, head, end) = format::read_head(bytes)?;
        let source = match layout {
            Layout::Inline | Layout::Compact => {
                Source::Static(bytes, Store::offsets(&head.parts, end, bytes.len() as u64)?)
            }
            Layout::Apart => Source::Supplied(pack::Places::new(&head.parts, &head.packs)?),
        };
        if layout == Layout::Compact {
            return Bundle::indexed(head, source, end);
        }
        Ok(Bundle::new(head, source, end))
    }

    /// Loads a bundle held in memory: a whole inline file, or the head of one whose parts are
    /// apart (to be [`Bundle::supply`]ed).
    pub fn from_vec(bytes: Vec<u8>) -> Result<Bundle, BundleError> {
        Bundle::from_vec_inflated(bytes, None)
    }

    /// [`Bundle::from_vec`] with the head inflated by the caller, from the bytes
    /// [`format::head_span`] names (`None`: inflated here), as a build without the `inflate`
    /// feature needs it; its deflated parts then arrive by [`Bundle::supply_inflated`].
    pub fn from_vec_inflated(bytes: Vec<u8>, head: Option<&[u8]>) -> Result<Bundle, BundleError> {
        let (layout, head, end) = format::read_head_inflated(&bytes, head)?;
        let source = match layout {
            Layout::Inline | Layout::Compact => {
                let offsets = Store::offsets(&head.parts, end, bytes.len() as u64)?;
                Source::Memory(Arc::new(bytes), offsets)
            }
            Layout::Apart => Source::Supplied(pack::Places::new(&head.parts, &head.packs)?),
        };
        if layout == Layout::Compact {
            return Bundle::indexed(head, source, end);
        }
        Ok(Bundle::new(head, source, end))
    }

    /// Opens the bundle at `path`, reading its head only: an inline file is then read part by
    /// part; the head of the apart layout finds its parts in [`parts_dir`].
    pub fn open(path: &Path) -> Result<Bundle, BundleError> {
        use std::io::Read;
        let unreadable = |e: std::io::Error| BundleError::Unreadable { part: "head".into(), what: e.to_string() };
        let mut file = std::fs::File::open(path).map_err(unreadable)?;
        let file_len = file.metadata().map_err(unreadable)?.len();
        let mut header = vec![0; format::HEADER.min(file_len as usize)];
        file.read_exact(&mut header).map_err(unreadable)?;
        let head_len = header.get(16..20).map_or(0, |b| u32::from_le_bytes(b.try_into().expect("4 bytes")) as usize);
        let mut rest = vec![0; head_len.min(file_len as usize - header.len())];
        file.read_exact(&mut rest).map_err(unreadable)?;
        header.extend_from_slice(&rest);
        let (layout, head, end) = format::read_head(&header)?;
        let source = match layout {
            Layout::Inline => {
                let offsets = Store::offsets(&head.parts, end, file_len)?;
                Source::File(std::sync::Mutex::new(file), offsets, path.to_owned())
            }
            Layout::Apart => Source::Directory(parts_dir(path), pack::Places::new(&head.parts, &head.packs)?),
            Layout::Compact => {
                let offsets = Store::offsets(&head.parts, end, file_len)?;
                let source = Source::File(std::sync::Mutex::new(file), offsets, path.to_owned());
                return Bundle::indexed(head, source, end);
            }
        };
        Ok(Bundle::new(head, source, end))
    }

    /// A compact bundle ([`Layout::Compact`]) opened: its documents read and indexed again,
    /// into the bundle a full build gives (its parts in memory, not deflated).
    #[cfg(not(feature = "indexing"))]
    fn indexed(_: Head, _: Source, _: usize) -> Result<Bundle, BundleError> {
        Err(BundleError::Head(
            "this is a compact bundle, which is indexed when opened; this reader does not index (build it without --compact)"
                .into(),
        ))
    }

    #[cfg(feature = "indexing")]
    fn indexed(head: Head, source: Source, head_len: usize) -> Result<Bundle, BundleError> {
        // The written parts used as they are: no head to serialize and read back.
        let Written { head, parts, .. } = Bundle::reindexed(head, source, head_len)?;
        let offsets = Store::offsets(&head.parts, 0, parts.iter().map(|p| p.len() as u64).sum())?;
        Ok(Bundle::new(head, Source::Memory(Arc::new(parts.concat()), offsets), head_len))
    }

    /// A compact bundle's documents, in their catalog's order, written as a full build writes
    /// them (parts not deflated).
    #[cfg(feature = "indexing")]
    fn reindexed(head: Head, source: Source, head_len: usize) -> Result<Written, BundleError> {
        let order = head.order.clone();
        let stored = Bundle::new(head, source, head_len).compact_documents()?;
        let not_one_each = || BundleError::Head("the order of the documents does not give each one place".into());
        if order.len() != stored.len() {
            return Err(not_one_each());
        }
        let mut docs: Vec<Option<Document>> = vec![None; stored.len()];
        for (doc, &at) in stored.into_iter().zip(&order) {
            match docs.get_mut(at as usize) {
                Some(slot @ None) => *slot = Some(doc),
                _ => return Err(not_one_each()),
            }
        }
        let docs = docs.into_iter().collect::<Option<Vec<Document>>>().ok_or_else(not_one_each)?;
        write::write_stored(&Corpus { docs, skipped: Vec::new() })
    }

    /// A compact bundle's documents, as stored (by language): its one part read and decoded.
    #[cfg(feature = "indexing")]
    fn compact_documents(&self) -> Result<Vec<Document>, BundleError> {
        match self.store.entries().first() {
            Some(e) if e.kind == PartKind::Documents => {}
            _ => {
                return Err(BundleError::Head(
                    "this compact bundle comes from an earlier build of Resolex, which stored its documents otherwise; build it again".into(),
                ));
            }
        }
        let Some(bytes) = self.store.get(0) else {
            return Err(self.store.fault_noted().unwrap_or_else(|| BundleError::NotLoaded(self.part_name(0))));
        };
        compact::decode(bytes).map_err(|what| BundleError::Part { part: self.part_name(0), what })
    }

    /// The whole file a full build gives of a compact bundle's documents (`bytes`, one compact
    /// file): a reader built without `indexing` opens that instead (the web explorer has the
    /// indexer's wasm expand a compact bundle, and loads it only then). Any other layout is
    /// refused.
    #[cfg(feature = "indexing")]
    pub fn expand(bytes: Vec<u8>) -> Result<Vec<u8>, BundleError> {
        let (layout, head, end) = format::read_head(&bytes)?;
        if layout != Layout::Compact {
            return Err(BundleError::Head(format!(
                "the bundle is not compact (its layout is {layout:?}): there is nothing to expand"
            )));
        }
        let offsets = Store::offsets(&head.parts, end, bytes.len() as u64)?;
        Ok(Bundle::reindexed(head, Source::Memory(Arc::new(bytes), offsets), end)?.inline())
    }

    /// Whether `bytes` begin a compact bundle ([`Layout::Compact`]), which is indexed when
    /// opened: what a reader without `indexing` checks before it asks for the indexer. Only the
    /// fixed header is read; the head is checked when the bundle is opened.
    pub fn is_compact(bytes: &[u8]) -> bool {
        matches!(format::read_layout(bytes), Ok(Layout::Compact))
    }

    fn new(head: Head, source: Source, head_len: usize) -> Bundle {
        let Head {
            catalog,
            parts,
            terms,
            stems,
            postings,
            stem_postings,
            blocks,
            outline,
            titles,
            leads,
            order: _,
            packs: _,
        } = head;
        let lead_pages = leads.parts.iter().map(|_| std::sync::OnceLock::new()).collect();
        let store = Store::new(parts, source);
        Bundle {
            catalog,
            terms,
            stems,
            postings,
            stem_postings,
            blocks,
            outline,
            titles,
            leads,
            lead_pages,
            lead_ranks: std::sync::OnceLock::new(),
            store,
            head_len,
            lang_table: std::sync::OnceLock::new(),
            facet_tables: std::sync::OnceLock::new(),
            doc_firsts: std::sync::OnceLock::new(),
        }
    }

    /// What the reads since the last call lacked (parts to fetch) or found broken; clears the
    /// record. An answer computed while this is `Err` is incomplete: fetch, supply, run again.
    pub fn settle(&self) -> Result<(), Pending> {
        self.store.settle()
    }

    /// Whether the reads since the last [`Bundle::settle`] lacked a part: a key not found may
    /// then be in it. The record is kept.
    pub(crate) fn unsettled(&self) -> bool {
        self.store.unsettled()
    }

    /// Gives part `i` its bytes as fetched; they are checked and inflated now.
    pub fn supply(&self, i: usize, stored: &[u8]) -> Result<(), BundleError> {
        self.store.supply(i, stored)
    }

    /// Gives part `i` its bytes as stored and as its host inflated them (a build without the
    /// `inflate` feature): the stored bytes are checked, the inflated ones kept.
    pub fn supply_inflated(&self, i: usize, stored: &[u8], raw: Vec<u8>) -> Result<(), BundleError> {
        self.store.supply_inflated(i, stored, raw)
    }

    /// The table of parts.
    pub fn parts(&self) -> &[PartEntry] {
        self.store.entries()
    }

    /// Where part `i` is: its pack's file name (in [`parts_dir`]) and the offset of its first
    /// byte there; for a bundle in one file, `""` and the offset in that file.
    pub fn part_place(&self, i: usize) -> Option<(&str, u64)> {
        self.store.place(i)
    }

    /// Whether part `i` has been read (and checked).
    pub fn has_part(&self, i: usize) -> bool {
        self.store.has(i)
    }

    /// Part `i` as error messages name it.
    pub fn part_name(&self, i: usize) -> String {
        self.parts().get(i).map_or_else(|| format!("part {i}"), |e| parts::describe(e, i))
    }

    /// The bundle's size as stored: head and every part.
    pub fn byte_len(&self) -> usize {
        self.head_len + self.parts().iter().map(|p| p.stored as usize).sum::<usize>()
    }

    /// The size of the head in bytes.
    pub fn head_len(&self) -> usize {
        self.head_len
    }

    /// Stored and inflated bytes of the parts of `kind`.
    pub fn kind_len(&self, kind: PartKind) -> (usize, usize) {
        let of = self.parts().iter().filter(|p| p.kind == kind);
        of.fold((0, 0), |(s, r), p| (s + p.stored as usize, r + p.raw as usize))
    }

    /// How many paragraphs the bundle holds, in every document and language.
    pub fn paragraph_count(&self) -> usize {
        self.catalog.paragraphs as usize
    }

    /// The index of the document holding paragraph `ord`.
    pub fn doc_of(&self, ord: ParaOrd) -> Option<usize> {
        let d = self.doc_firsts().partition_point(|&first| first <= ord).checked_sub(1)?;
        self.holds(d, ord)
    }

    /// [`doc_of`](Self::doc_of), searched for from document `from` on: the search gallops from
    /// there (ordinals ascending, the next match is most often a few documents on) instead of
    /// bisecting the whole catalog; an ordinal before `from` is bisected for.
    fn doc_at_or_after(&self, from: usize, ord: ParaOrd) -> Option<usize> {
        let firsts = self.doc_firsts();
        if firsts.get(from).is_none_or(|&first| first > ord) {
            return self.doc_of(ord);
        }
        let mut step = 1;
        while firsts.get(from + step).is_some_and(|&first| first <= ord) {
            step *= 2;
        }
        let window = &firsts[from..(from + step).min(firsts.len())];
        self.holds(from + window.partition_point(|&first| first <= ord) - 1, ord)
    }

    fn doc_firsts(&self) -> &[ParaOrd] {
        self.doc_firsts.get_or_init(|| self.catalog.docs.iter().map(|e| e.first).collect())
    }

    /// `Some(d)` if document `d` holds paragraph `ord`.
    fn holds(&self, d: usize, ord: ParaOrd) -> Option<usize> {
        let e = self.catalog.docs.get(d)?;
        (ord < e.first + e.count).then_some(d)
    }

    /// Which block holds paragraph `ord`; for a document's first ordinal, which block holds its
    /// record.
    fn block_index(&self, ord: ParaOrd) -> Option<usize> {
        self.blocks.partition_point(|b| b.start <= ord).checked_sub(1)
    }

    /// Block `b`, read.
    fn block_at(&self, b: usize) -> Option<Block<'_>> {
        let part = self.blocks.get(b)?.part as usize;
        let bytes = self.store.get(part)?;
        let block = Block::read(bytes);
        if block.is_none() {
            self.store.corrupt(part, "its areas overrun it");
        }
        block
    }

    /// The block holding paragraph `ord`, read.
    fn block(&self, ord: ParaOrd) -> Option<Block<'_>> {
        self.block_at(self.block_index(ord)?)
    }

    /// The documents whose records block `b` holds: those whose first ordinal lies in it.
    fn block_docs(&self, b: usize) -> std::ops::Range<usize> {
        let firsts = self.doc_firsts();
        let from = |b: Option<&format::BlockRef>| b.map_or(firsts.len(), |b| firsts.partition_point(|&f| f < b.start));
        from(self.blocks.get(b))..from(self.blocks.get(b + 1))
    }

    /// Paragraph `ord`, or `None` past the end, where its block has not arrived (noted) or is
    /// corrupt (noted).
    pub fn paragraph(&self, ord: ParaOrd) -> Option<ParaView<'_>> {
        let doc = self.doc_of(ord)?;
        let b = self.block_index(ord)?;
        let block = self.block_at(b)?;
        let view = (|| {
            let row = block.row(ord)?;
            let (id, num) = keys::parse_label(block.label(&row)?)?;
            Some(ParaView {
                ord,
                doc,
                kind: *ParaKind::ALL.get(row.kind as usize)?,
                id,
                num,
                lead: row.lead,
                text: block.text(&row)?,
            })
        })();
        if view.is_none() {
            self.store.corrupt(self.blocks[b].part as usize, &format!("paragraph {ord} does not read"));
        }
        view
    }

    /// Where paragraph `ord` belongs, without reading its text: its document index, kind and
    /// lead (from the outline).
    pub fn outline(&self, ord: ParaOrd) -> Option<(usize, ParaKind, Option<&str>)> {
        let doc = self.doc_of(ord)?;
        let at = u64::from(ord) * outline::WIDTH as u64;
        let bytes = self.paged(&self.outline, at, outline::WIDTH)?;
        let (kind, lead) = outline::at(&bytes, 0)?;
        Some((doc, *ParaKind::ALL.get(kind as usize)?, self.lead(lead)))
    }

    /// [`Bundle::outline`] of each of `ords` in turn, as `f(document index, kind, lead
    /// index)`: what facets count over every match. Ordinals in ascending order (as matches
    /// come) read each page and find each document once; any order gives the same calls. An
    /// ordinal past the end, or on a page that has not arrived or is corrupt (noted), is
    /// skipped.
    pub fn outlines(&self, ords: impl IntoIterator<Item = ParaOrd>, mut f: impl FnMut(usize, ParaKind, u16)) {
        let size = u64::from(self.outline.page.max(1));
        // The page read last, and the byte of the outline it starts at: an ordinal on it is
        // found without dividing.
        let mut page: Option<(u64, &[u8])> = None;
        let mut doc: Option<(usize, std::ops::Range<ParaOrd>)> = None;
        for ord in ords {
            let d = match &doc {
                Some((d, range)) if range.contains(&ord) => *d,
                _ => {
                    let last = doc.as_ref().map_or(0, |(d, _)| *d);
                    let Some(d) = self.doc_at_or_after(last, ord) else { continue };
                    let e = &self.catalog.docs[d];
                    doc = Some((d, e.first..e.first + e.count));
                    d
                }
            };
            let at = u64::from(ord) * outline::WIDTH as u64;
            let (bytes, skip) = match page {
                Some((start, bytes)) if (start..start + size).contains(&at) => (bytes, (at - start) as usize),
                _ => {
                    let p = at / size;
                    let Some(bytes) = self.page(&self.outline, p) else { continue };
                    page = Some((p * size, bytes));
                    (bytes, (at % size) as usize)
                }
            };
            // A paragraph's three bytes never straddle a page (pages hold whole entries); if a
            // crafted head says otherwise, the slow path reads across.
            let entry = match outline::at(bytes, skip) {
                Some(entry) => Some(entry),
                None => self.paged(&self.outline, at, outline::WIDTH).and_then(|b| outline::at(&b, 0)),
            };
            let Some((kind, lead)) = entry else { continue };
            let Some(&kind) = ParaKind::ALL.get(kind as usize) else { continue };
            f(d, kind, lead);
        }
    }

    /// Reads the page(s) holding document `d`'s title without decoding it: a lazily loaded
    /// bundle notes them as wanted, so that they come in the same round as other parts.
    pub(crate) fn want_title(&self, d: usize) {
        if let Some([start, len]) = self.catalog.docs.get(d).and_then(|e| e.title) {
            let _ = self.paged(&self.titles, start, usize::try_from(len).unwrap_or(0));
        }
    }

    /// The title of document `d`, read from the page that holds it (`None`: it has none, or
    /// the page has not arrived — noted — or is corrupt — noted).
    pub fn title(&self, d: usize) -> Option<String> {
        let [start, len] = self.catalog.docs.get(d)?.title?;
        let bytes = self.paged(&self.titles, start, usize::try_from(len).ok()?)?;
        let title = String::from_utf8(bytes.into_owned()).ok();
        if title.is_none() {
            self.store.corrupt(Self::page_part(&self.titles, start), "a title is not UTF-8");
        }
        title
    }

    /// How many distinct paragraph leads the bundle holds.
    pub fn lead_count(&self) -> usize {
        self.leads.count as usize
    }

    /// Lead `i` as printed; `None` for no lead (`u16::MAX`), past the end, or on a page that
    /// has not arrived (noted) or is corrupt (noted).
    pub fn lead(&self, i: u16) -> Option<&str> {
        self.lead_shared(i).map(|l| &**l)
    }

    /// [`Bundle::lead`], shared: what facets name their counts with, without a copy a query.
    pub fn lead_shared(&self, i: u16) -> Option<&Arc<str>> {
        let per_page = self.leads.per_page.max(1) as usize;
        if u32::from(i) >= self.leads.count {
            return None;
        }
        let (p, k) = (i as usize / per_page, i as usize % per_page);
        let part = *self.leads.parts.get(p)? as usize;
        if let Some(page) = self.lead_pages[p].get() {
            return page.get(k);
        }
        let expected = per_page.min(self.leads.count as usize - p * per_page);
        let page = match bytes::read_strings(self.store.get(part)?) {
            Some(page) if page.len() == expected => {
                self.lead_pages[p].get_or_init(|| page.into_iter().map(Arc::from).collect())
            }
            _ => {
                self.store.corrupt(part, "it is not a page of leads");
                return None;
            }
        };
        page.get(k)
    }

    /// Each lead's rank in the order of the leads by name (leads printed alike share one), so
    /// that facets order their leads by comparing integers. Made the first time every lead page
    /// is at hand without a fetch: natively, at once; with the parts supplied, once they have
    /// all arrived (`None` until then: nothing is fetched for it).
    pub fn lead_ranks(&self) -> Option<&[u32]> {
        if let Some(ranks) = self.lead_ranks.get() {
            return Some(ranks);
        }
        if !self.leads.parts.iter().all(|&part| self.store.at_hand(part as usize)) {
            return None;
        }
        let names: Vec<&str> =
            (0..self.leads.count).map(|i| self.lead(u16::try_from(i).ok()?)).collect::<Option<_>>()?;
        Some(self.lead_ranks.get_or_init(|| catalog::ranks_by_name(&names)))
    }

    /// Each document's symbol, language and year as indexes into tables of distinct values.
    pub fn facet_tables(&self) -> &catalog::FacetTables {
        self.facet_tables.get_or_init(|| catalog::FacetTables::new(&self.catalog.docs, self.lang_table()))
    }

    /// The languages the bundle holds, and each paragraph's.
    pub fn lang_table(&self) -> &catalog::LangTable {
        self.lang_table.get_or_init(|| catalog::LangTable::new(&self.catalog.docs, self.catalog.paragraphs))
    }

    /// The languages the bundle holds, sorted.
    pub fn langs(&self) -> &[String] {
        &self.lang_table().langs
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
        let d = self.find_doc(doc, Some(lang))?;
        let e = &self.catalog.docs[d];
        (e.first..e.first + e.count).find(|&ord| {
            let label = self.block(ord).and_then(|block| block.row(ord).and_then(|row| block.label(&row)));
            label.and_then(keys::parse_label).is_some_and(|(id, _)| id == para)
        })
    }

    /// Document `i` in full, decoded from its blocks: the one with its record and those its
    /// paragraphs run on to.
    pub fn document(&self, i: usize) -> Result<Document, BundleError> {
        let no_block = || BundleError::Head(format!("there is no block for document {i}"));
        let e = self.catalog.docs.get(i).ok_or_else(|| BundleError::Head(format!("there is no document {i}")))?;
        let b = self.block_index(e.first).ok_or_else(no_block)?;
        // Every block the document runs on is read (and, missing, noted) before any answer, so
        // that one round fetches them all.
        let last = self.block_index((e.first + e.count).saturating_sub(1)).unwrap_or(b).max(b);
        for run_on in b + 1..=last {
            self.block_at(run_on);
        }
        let mut docs = self.records(b)?;
        let k = i.checked_sub(self.block_docs(b).start).ok_or_else(no_block)?;
        if k >= docs.len() {
            let part = self.part_name(self.blocks[b].part as usize);
            return Err(BundleError::Part { part, what: format!("it holds {} records, not {}", docs.len(), k + 1) });
        }
        let mut doc = docs.swap_remove(k);
        self.fill_texts(&mut doc, i)?;
        Ok(doc)
    }

    /// Every document in full: the corpus the bundle was built from (each block decoded once).
    pub fn corpus(&self) -> Result<Corpus, BundleError> {
        let mut docs = Vec::with_capacity(self.catalog.docs.len());
        for b in 0..self.blocks.len() {
            docs.extend(self.block_documents(b)?);
        }
        if docs.len() != self.catalog.docs.len() {
            return Err(BundleError::Head(format!(
                "the blocks hold {} documents, the catalog {}",
                docs.len(),
                self.catalog.docs.len()
            )));
        }
        Ok(Corpus { docs, skipped: Vec::new() })
    }

    /// Every document in full, a block at a time: each block is read when the iterator reaches
    /// it and let go once its documents are out, so that a corpus can be read through without
    /// holding it whole.
    pub fn into_documents(mut self) -> impl Iterator<Item = Result<Vec<Document>, BundleError>> {
        (0..self.blocks.len()).map(move |b| {
            let docs = self.block_documents(b);
            // A document that runs on reads the next blocks too; they are let go in their turn.
            self.store.forget(self.blocks[b].part as usize);
            docs
        })
    }

    /// The documents whose records block `b` holds, in full.
    fn block_documents(&self, b: usize) -> Result<Vec<Document>, BundleError> {
        let mut docs = self.records(b)?;
        for (doc, i) in docs.iter_mut().zip(self.block_docs(b)) {
            self.fill_texts(doc, i)?;
        }
        Ok(docs)
    }

    /// The records of the documents block `b` holds (their paragraphs without texts), one for
    /// each document [`Bundle::block_docs`] gives.
    fn records(&self, b: usize) -> Result<Vec<Document>, BundleError> {
        let part = self.blocks.get(b).map_or(usize::MAX, |r| r.part as usize);
        let Some(block) = self.block_at(b) else {
            // What was noted stays noted: `settle` reports it to the caller as well.
            return Err(self.store.fault_noted().unwrap_or_else(|| BundleError::NotLoaded(self.part_name(part))));
        };
        let corrupt = |what: String| BundleError::Part { part: self.part_name(part), what };
        let mut r = bytes::Reader::new(block.records);
        let docs = self.block_docs(b).map(|_| record::read(&mut r)).collect::<Result<Vec<Document>, String>>();
        let docs = docs.map_err(|e| corrupt(format!("its records: {e}")))?;
        r.finish("the records the catalog counts").map_err(corrupt)?;
        Ok(docs)
    }

    /// The texts of document `i`'s paragraphs, from the blocks that hold them. Every block
    /// missing is noted before the answer, so that one round fetches them all.
    fn fill_texts(&self, doc: &mut Document, i: usize) -> Result<(), BundleError> {
        let entry = &self.catalog.docs[i];
        if doc.paragraphs.len() != entry.count as usize {
            return Err(BundleError::Head(format!(
                "document {} has {} paragraphs in its record, {} in the catalog",
                entry.doc,
                doc.paragraphs.len(),
                entry.count
            )));
        }
        let mut lost = None;
        for (k, p) in doc.paragraphs.iter_mut().enumerate() {
            let ord = entry.first + k as u32;
            match self.block(ord).and_then(|block| block.row(ord).and_then(|row| block.text(&row))) {
                Some(text) => text.clone_into(&mut p.text),
                None => {
                    lost.get_or_insert((k, self.block_index(ord)));
                }
            }
        }
        let Some((k, b)) = lost else { return Ok(()) };
        let part = b.and_then(|b| self.blocks.get(b)).map_or(usize::MAX, |r| r.part as usize);
        let noted = self
            .store
            .fault_noted()
            .or_else(|| (!self.store.has(part)).then(|| BundleError::NotLoaded(self.part_name(part))));
        Err(noted.unwrap_or_else(|| BundleError::Part {
            part: self.part_name(part),
            what: format!("paragraph {k} of {} does not read", entry.doc),
        }))
    }

    /// The packed value of a key of the terms map (or of the stems map).
    pub(crate) fn lookup(&self, key: &[u8], stems: bool) -> Option<u64> {
        let shards = if stems { &self.stems } else { &self.terms };
        let s = shards.partition_point(|s| s.first.as_bytes() <= key).checked_sub(1)?;
        self.map(&shards[s])?.get(key)
    }

    /// The keys of the terms map that `automaton` accepts, with their values; only the ranges
    /// that can hold keys starting with `prefix` are read.
    pub(crate) fn search<A: fst::Automaton>(&self, automaton: A, prefix: &str) -> Vec<(Vec<u8>, u64)> {
        use fst::{IntoStreamer, Streamer};
        let start = self.terms.partition_point(|s| s.first.as_str() <= prefix).saturating_sub(1);
        let mut out = Vec::new();
        for (i, shard) in self.terms.iter().enumerate().skip(start) {
            if i > start && !shard.first.starts_with(prefix) {
                break;
            }
            let Some(map) = self.map(shard) else { continue };
            let mut stream = map.search(&automaton).into_stream();
            while let Some((key, value)) = stream.next() {
                out.push((key.to_vec(), value));
            }
        }
        out
    }

    fn map(&self, shard: &Shard) -> Option<fst::Map<&[u8]>> {
        let part = shard.part as usize;
        let bytes = self.store.get(part)?;
        fst::Map::new(bytes).map_err(|e| self.store.corrupt(part, &e.to_string())).ok()
    }

    /// The postings of a key whose list holds `kind`, from its packed value.
    pub(crate) fn postings(&self, packed: u64, kind: ListKind) -> Option<Postings<'_>> {
        let paged = if kind == ListKind::Stems { &self.stem_postings } else { &self.postings };
        let at = unpack(packed).0 as u64;
        let head = self.paged(paged, at, (paged.len.saturating_sub(at)).min(10) as usize)?;
        let (prefix, len) = postings::list_len(&head)?;
        let list = self.paged(paged, at + prefix as u64, len)?;
        let read = Postings::read(list, kind);
        if read.is_err() {
            self.store.corrupt(Self::page_part(paged, at), "a postings list does not decode");
        }
        read.ok()
    }

    /// The postings of `entries` (a word's, ordinals ascending) that lie in documents in `lang`:
    /// what a stem whose only word it is (an alias, see `index::build`) holds in that language.
    pub(crate) fn in_lang(&self, lang: &str, entries: &[Posting]) -> Vec<Posting> {
        let tables = self.lang_table();
        // The language by its index: no string compared, no document looked up, per posting.
        let Some(lang) = tables.langs.iter().position(|l| l == lang).and_then(|i| u16::try_from(i).ok()) else {
            return Vec::new();
        };
        entries.iter().filter(|p| tables.of_ord.get(p.ord as usize) == Some(&lang)).copied().collect()
    }

    fn page_part(paged: &Paged, at: u64) -> usize {
        paged.parts.get((at / u64::from(paged.page.max(1))) as usize).map_or(0, |&p| p as usize)
    }

    /// `len` bytes at `offset` of a paged sequence; borrowed from one page, or gathered from
    /// several (every missing page is noted at once, so that one round fetches them all).
    fn paged<'a>(&'a self, paged: &Paged, offset: u64, len: usize) -> Option<Cow<'a, [u8]>> {
        let page = u64::from(paged.page.max(1));
        let end = offset.checked_add(len as u64).filter(|&e| e <= paged.len && len > 0);
        let Some(end) = end else {
            self.store.corrupt(Self::page_part(paged, offset), &format!("{len} bytes at {offset} lie past the end"));
            return None;
        };
        let (first, last) = (offset / page, (end - 1) / page);
        let pages: Vec<Option<&[u8]>> = (first..=last).map(|p| self.page(paged, p)).collect();
        let pages: Vec<&[u8]> = pages.into_iter().collect::<Option<_>>()?;
        let skip = (offset - first * page) as usize;
        if let [one] = pages.as_slice() {
            return one.get(skip..skip + len).map(Cow::Borrowed);
        }
        let mut out: Vec<u8> = pages.concat();
        out.drain(..skip.min(out.len()));
        out.truncate(len);
        (out.len() == len).then_some(Cow::Owned(out))
    }

    /// Reads every part, as a query would: inflated, checked, and read as its kind (the maps
    /// open, the blocks and their records parse). The first that fails, named.
    pub fn verify(&self) -> Result<(), BundleError> {
        for shard in self.terms.iter().chain(&self.stems) {
            self.map(shard);
        }
        for paged in [&self.postings, &self.stem_postings, &self.outline, &self.titles] {
            for p in 0..paged.parts.len() {
                self.page(paged, p as u64);
            }
        }
        let per_page = self.leads.per_page.max(1) as usize;
        for p in 0..self.leads.parts.len() {
            self.lead(u16::try_from(p * per_page).unwrap_or(u16::MAX));
        }
        self.settle_or_fault()?;
        for i in 0..self.catalog.docs.len() {
            self.document(i)?;
        }
        self.settle_or_fault()
    }

    fn settle_or_fault(&self) -> Result<(), BundleError> {
        match self.settle() {
            Ok(()) => Ok(()),
            Err(Pending::Fault(e)) => Err(e),
            Err(Pending::Missing(parts)) => Err(BundleError::NotLoaded(self.part_name(parts[0]))),
        }
    }

    /// Page `p` of a paged sequence, checked to be as long as the sequence says.
    fn page(&self, paged: &Paged, p: u64) -> Option<&[u8]> {
        let part = *paged.parts.get(p as usize)? as usize;
        let bytes = self.store.get(part)?;
        let size = u64::from(paged.page.max(1));
        let expected = paged.len.saturating_sub(p * size).min(size) as usize;
        if bytes.len() != expected {
            self.store.corrupt(part, &format!("a page of {} bytes, {expected} expected", bytes.len()));
            return None;
        }
        Some(bytes)
    }

    /// Words of the lexicon that start with `prefix` (normalized), with the number of
    /// paragraphs that hold each; filter keys and pairs of ideographs are left out.
    pub fn lexicon(&self, prefix: &str) -> Vec<(String, u32)> {
        use fst::Automaton;
        let prefix = crate::analyze::normalize(prefix);
        let matcher = fst::automaton::Str::new(&prefix).starts_with();
        let found = self.search(matcher, &prefix);
        found
            .into_iter()
            .filter(|(key, _)| keys::is_word(key))
            .map(|(key, value)| (String::from_utf8_lossy(&key).into_owned(), unpack(value).1))
            .collect()
    }
}

/// The directory of parts beside the head file `head` of the apart layout: `corpus.rlx` →
/// `corpus.parts/`.
pub fn parts_dir(head: &Path) -> PathBuf {
    head.with_extension("parts")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The document of every ordinal, found by bisecting the catalog and by galloping from
    /// any document before it, is the one a scan of the catalog's ranges names; past the last
    /// paragraph there is none.
    #[test]
    fn every_paragraph_is_found_in_its_document_from_anywhere_before_it() {
        let bundle = Bundle::from_vec(write(&crate::default_corpus::load()).unwrap()).unwrap();
        let docs = &bundle.catalog.docs;
        assert!(docs.len() > 10, "a catalog of several documents");
        for ord in 0..bundle.catalog.paragraphs {
            let scanned = docs.iter().position(|e| (e.first..e.first + e.count).contains(&ord));
            assert!(scanned.is_some());
            assert_eq!(bundle.doc_of(ord), scanned, "{ord}");
            for from in 0..docs.len() {
                let want = if from <= scanned.unwrap() { scanned } else { bundle.doc_of(ord) };
                assert_eq!(bundle.doc_at_or_after(from, ord), want, "{ord} from {from}");
            }
        }
        let past = bundle.catalog.paragraphs;
        assert_eq!(bundle.doc_of(past), None);
        assert_eq!(bundle.doc_at_or_after(0, past), None);
    }
}
