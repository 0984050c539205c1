//! Writes a corpus as a bundle: the index built, cut into parts, each part deflated.

use super::block::{self, Row};
use super::catalog::{Catalog, DocEntry};
use super::format::{self, BlockRef, BundleError, Head, Layout, Paged, PartEntry, PartKind, Shard};
use super::outline;
use super::pack;
use crate::corpus::Corpus;
use crate::index::{build, keys};
use crate::model::{Document, ParaKind};
use std::collections::{BTreeMap, HashMap};

/// How large the parts grow (before deflating): the trade between the bytes a query fetches and
/// the number of files and requests.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// Postings bytes per page, at most: a smaller corpus gets smaller pages ([`fitted`]).
    pub page: usize,
    /// Paragraph text bytes per block: a block closes when it holds that much, within a
    /// document if need be; a document that does not fit in what the open block has left
    /// starts a new one.
    pub block: usize,
    /// Key bytes per range of the terms and stems maps, at most ([`fitted`] likewise).
    pub shard: usize,
    /// Paragraphs per outline page.
    pub outline: usize,
    /// Title bytes per page.
    pub titles: usize,
    /// Stored bytes per pack of the apart layout (a pack closes with the part that fills it).
    pub pack: usize,
    /// Paragraph leads per page.
    pub leads: usize,
}

impl Sizes {
    /// These sizes with blocks fitted to a corpus of `text` bytes of paragraph text
    /// ([`fitted`]; between 4 KB and [`Sizes::block`]): a small corpus's hits fetch little
    /// around them.
    #[must_use]
    pub fn for_text(self, text: u64) -> Sizes {
        Sizes { block: fitted(LEAST_BLOCK, self.block, text, BLOCK_COST), ..self }
    }
}

impl Default for Sizes {
    fn default() -> Sizes {
        Sizes {
            page: 32 << 10,
            block: 32 << 10,
            shard: 8 << 10,
            outline: 16 << 10,
            titles: 4 << 10,
            pack: 64 << 10,
            leads: 256,
        }
    }
}

/// A bundle written: its head and its parts as stored (none when [`Writer::apart`] wrote them
/// to files already).
#[derive(Clone)]
pub struct Written {
    pub head: Head,
    pub parts: Vec<Vec<u8>>,
    /// Stored bytes per pack when [`Written::apart`] cuts the parts into packs.
    pack_size: usize,
}

impl Written {
    /// One file with every part inline.
    pub fn inline(&self) -> Vec<u8> {
        self.with_layout(Layout::Inline)
    }

    /// Bytes of every part as stored, also when [`Writer::apart`] wrote them to files already.
    pub fn parts_len(&self) -> usize {
        self.head.parts.iter().map(|p| p.stored as usize).sum()
    }

    /// One file of the compact layout: what [`write_compact_parts`] wrote.
    pub fn compact(&self) -> Vec<u8> {
        self.with_layout(Layout::Compact)
    }

    fn with_layout(&self, layout: Layout) -> Vec<u8> {
        let mut out = format::write_head(&self.head, layout);
        for p in &self.parts {
            out.extend_from_slice(p);
        }
        out
    }

    /// The same bundle with part `i` holding `raw` instead (compressed and checksummed as the
    /// writer does): how tests and fuzzing reach the readers of each part kind past the checks.
    #[must_use]
    pub fn with_raw_part(mut self, i: usize, raw: &[u8]) -> Written {
        if let (Some(entry), Some(stored)) = (self.head.parts.get_mut(i), self.parts.get_mut(i)) {
            *stored = format::compress(entry.kind, raw);
            *entry = PartEntry {
                kind: entry.kind,
                stored: stored.len() as u32,
                raw: raw.len() as u32,
                crc: crc32fast::hash(stored),
            };
        }
        self
    }

    /// The same bundle with part `i` stored as `stored`, said to hold `raw` bytes once
    /// decompressed (as they are when the two lengths are equal), checksummed: how fuzzing
    /// reaches a part's decoder with any stream, and its reader without compressing each input.
    #[must_use]
    pub fn with_stored_part(mut self, i: usize, stored: &[u8], raw: u32) -> Written {
        if let (Some(entry), Some(part)) = (self.head.parts.get_mut(i), self.parts.get_mut(i)) {
            *part = stored.to_vec();
            *entry = PartEntry { kind: entry.kind, stored: stored.len() as u32, raw, crc: crc32fast::hash(stored) };
        }
        self
    }

    /// The head file of the apart layout, and each pack with its file name (none when
    /// [`Writer::apart`] wrote them already).
    pub fn apart(&self) -> (Vec<u8>, Vec<(String, Vec<u8>)>) {
        if self.parts.is_empty() {
            return (format::write_head(&self.head, Layout::Apart), Vec::new());
        }
        let mut head = self.head.clone();
        let mut files = Vec::new();
        for (i, (p, bytes)) in pack::packs_of(&self.parts, self.pack_size).into_iter().enumerate() {
            files.push((p.file_name(i), bytes));
            head.packs.push(p);
        }
        (format::write_head(&head, Layout::Apart), files)
    }
}

/// The bundle of `corpus` in one file, parts of the default sizes, blocks fitted to its text
/// (as `resolex build` writes it).
pub fn write(corpus: &Corpus) -> Result<Vec<u8>, BundleError> {
    let text = corpus.docs.iter().map(Document::text_len).sum();
    Ok(write_parts(corpus, Sizes::default().for_text(text))?.inline())
}

/// The bundle of `corpus`, cut into parts of `sizes`.
pub fn write_parts(corpus: &Corpus, sizes: Sizes) -> Result<Written, BundleError> {
    written(corpus, sizes, Parts::default())
}

/// The bundle of `corpus` in one file with its parts not deflated: what a compact bundle
/// becomes when it is opened (deflating it only to inflate it again would be wasted work).
#[cfg(feature = "indexing")]
pub(crate) fn write_stored(corpus: &Corpus) -> Result<Written, BundleError> {
    written(corpus, Sizes::default(), Parts::new(keep_as_is))
}

/// The compact bundle of `corpus` ([`Layout::Compact`]): its documents in one part, compressed
/// with LZMA, and a head that lists them, no index. The reader builds the index when it opens
/// the file: for a small corpus sent over the wire, or embedded in one page, the index would
/// weigh more than the texts it points into.
#[cfg(feature = "indexing")]
pub fn write_compact(corpus: &Corpus) -> Result<Vec<u8>, BundleError> {
    Ok(write_compact_parts(corpus)?.compact())
}

/// [`write_compact`] before it is one file: its head and its one part, for tests and fuzzing
/// to reach the reader past the checks ([`Written::with_raw_part`] or
/// [`Written::with_stored_part`], then [`Written::compact`]).
#[cfg(feature = "indexing")]
pub fn write_compact_parts(corpus: &Corpus) -> Result<Written, BundleError> {
    // By language, then by symbol: a series' versions in one language follow each other, so
    // that the compressor finds each in the one before.
    let mut order: Vec<u32> = (0..corpus.docs.len() as u32).collect();
    order.sort_by_key(|&d| (&corpus.docs[d as usize].lang, &corpus.docs[d as usize].doc));
    let stored = Corpus { docs: order.iter().map(|&d| corpus.docs[d as usize].clone()).collect(), skipped: Vec::new() };
    // The catalog as a full build makes it (its blocks are not kept).
    let docs = documents(&stored, &[], Sizes { block: usize::MAX, ..Sizes::default() }, &mut Parts::new(keep_as_is))?;
    let raw = super::compact::encode(&stored.docs);
    let raw_len = u32::try_from(raw.len()).map_err(|_| too_large("the documents"))?;
    let part = format::compress(PartKind::Documents, &raw);
    let entry =
        PartEntry { kind: PartKind::Documents, stored: part.len() as u32, raw: raw_len, crc: crc32fast::hash(&part) };
    let head = Head {
        catalog: docs.catalog,
        parts: vec![entry],
        terms: Vec::new(),
        stems: Vec::new(),
        postings: Paged::default(),
        stem_postings: Paged::default(),
        blocks: Vec::new(),
        outline: Paged::default(),
        titles: Paged::default(),
        leads: format::LeadPages::default(),
        order,
        packs: Vec::new(),
    };
    Ok(Written { head, parts: vec![part], pack_size: Sizes::default().pack })
}

fn written(corpus: &Corpus, sizes: Sizes, parts: Parts) -> Result<Written, BundleError> {
    let mut writer = Writer::with_parts(sizes, parts);
    for doc in &corpus.docs {
        writer.add(doc)?;
    }
    writer.finish()
}

/// A bundle written one document at a time (`resolex build`, the scale corpus): each
/// document's paragraphs are indexed and its block written (deflated once a batch fills) as it
/// comes, so that a build holds the index and the stored parts, not every document.
pub struct Writer {
    sizes: Sizes,
    parts: Parts,
    index: build::Indexer,
    docs: DocsWriter,
}

impl Writer {
    pub fn new(sizes: Sizes) -> Writer {
        Writer::with_parts(sizes, Parts::default())
    }

    /// A writer that puts each part into a pack of the apart layout in `dir` (which must
    /// exist) as soon as it is stored, and keeps none: its [`Written`] has the head alone.
    pub fn apart(sizes: Sizes, dir: &std::path::Path) -> Writer {
        Writer::with_parts(sizes, Parts { packer: Some(pack::PackWriter::new(dir, sizes.pack)), ..Parts::default() })
    }

    fn with_parts(sizes: Sizes, parts: Parts) -> Writer {
        Writer { sizes, parts, index: build::Indexer::default(), docs: DocsWriter::default() }
    }

    /// Adds the next document.
    pub fn add(&mut self, doc: &Document) -> Result<(), BundleError> {
        self.index.add(doc);
        self.docs.add(doc, self.sizes.block, &mut self.parts)
    }

    /// The bundle of the documents added, in the order they came.
    pub fn finish(mut self) -> Result<Written, BundleError> {
        let (sizes, parts) = (self.sizes, &mut self.parts);
        // The last block first, so that the blocks are one run of parts.
        self.docs.close(parts);
        // The postings are cut into pages as they are encoded: never held whole.
        let page = |which| fitted(LEAST, sizes.page, self.index.postings_len(which), POSTINGS_COST);
        let mut pages = (
            Pager::new(page(build::Which::Terms), PartKind::Postings),
            Pager::new(page(build::Which::Stems), PartKind::StemPostings),
        );
        let index = self.index.finish(&mut |which, bytes| match which {
            build::Which::Terms => pages.0.put(bytes, parts),
            build::Which::Stems => pages.1.put(bytes, parts),
        });
        let (postings, stem_postings) = (pages.0.finish(parts), pages.1.finish(parts));
        let docs = self.docs.finish(&index.lengths, parts);
        let terms = shards(&index.terms, sizes.shard, PartKind::Terms, parts)?;
        let stems = shards(&index.stems, sizes.shard, PartKind::Stems, parts)?;
        let outline = paged(&docs.outline, sizes.outline * outline::WIDTH, PartKind::Outline, parts);
        let titles = paged(&docs.titles, sizes.titles, PartKind::Titles, parts);
        let leads = lead_pages(&docs.leads, sizes.leads, parts);
        let Finished { entries, stored, packs } = self.parts.finish()?;
        let head = Head {
            catalog: docs.catalog,
            parts: entries,
            terms,
            stems,
            postings,
            stem_postings,
            blocks: docs.blocks,
            outline,
            titles,
            leads,
            order: Vec::new(),
            packs,
        };
        Ok(Written { head, parts: stored, pack_size: sizes.pack })
    }
}

/// Raw bytes held before they are deflated together: enough to keep every core busy, little
/// next to the corpus.
const BATCH: usize = 32 << 20;

/// The parts written so far. Deflating is most of a build's time; parts are deflated in
/// batches, on every core, so the build waits less and holds at most a batch of raw bytes.
struct Parts {
    /// How raw parts become stored ones: deflated, or kept as they are (a function, not a flag,
    /// so that a reader that only keeps them, in the browser, links no compressor).
    pack: fn(Vec<Vec<u8>>) -> Vec<Vec<u8>>,
    /// Where stored parts go: `None` keeps them; a directory gets each in a pack of the apart
    /// layout as soon as it is stored.
    packer: Option<pack::PackWriter>,
    entries: Vec<PartEntry>,
    stored: Vec<Vec<u8>>,
    /// Parts stored so far (kept or written); the entries from there on are pending.
    done: usize,
    /// Raw parts not yet deflated.
    pending: Vec<Vec<u8>>,
    pending_bytes: usize,
    /// The first part that could not be written to `dir`.
    fault: Option<BundleError>,
}

impl Parts {
    fn new(pack: fn(Vec<Vec<u8>>) -> Vec<Vec<u8>>) -> Parts {
        Parts {
            pack,
            packer: None,
            entries: Vec::new(),
            stored: Vec::new(),
            done: 0,
            pending: Vec::new(),
            pending_bytes: 0,
            fault: None,
        }
    }

    fn add(&mut self, kind: PartKind, raw: &[u8]) -> u32 {
        self.entries.push(PartEntry { kind, stored: 0, raw: raw.len() as u32, crc: 0 });
        self.pending.push(raw.to_vec());
        self.pending_bytes += raw.len();
        if self.pending_bytes >= BATCH {
            self.deflate_pending();
        }
        (self.entries.len() - 1) as u32
    }

    fn deflate_pending(&mut self) {
        let raw = std::mem::take(&mut self.pending);
        self.pending_bytes = 0;
        for stored in (self.pack)(raw) {
            let i = self.done;
            self.done += 1;
            let entry = &mut self.entries[i];
            entry.stored = stored.len() as u32;
            entry.crc = crc32fast::hash(&stored);
            match &mut self.packer {
                None => self.stored.push(stored),
                Some(packer) if self.fault.is_none() => {
                    if let Err(what) = packer.put(&stored) {
                        self.fault = Some(BundleError::Unwritable { part: super::parts::describe(entry, i), what });
                    }
                }
                Some(_) => {}
            }
        }
    }

    /// Every entry, the stored bytes kept, and the packs written.
    fn finish(mut self) -> Result<Finished, BundleError> {
        self.deflate_pending();
        if let Some(e) = self.fault {
            return Err(e);
        }
        let packs = match self.packer {
            Some(packer) => {
                packer.finish().map_err(|what| BundleError::Unwritable { part: "last pack".into(), what })?
            }
            None => Vec::new(),
        };
        Ok(Finished { entries: self.entries, stored: self.stored, packs })
    }
}

/// The parts once written: the table, the stored bytes kept, the packs written.
struct Finished {
    entries: Vec<PartEntry>,
    stored: Vec<Vec<u8>>,
    packs: Vec<format::Pack>,
}

impl Default for Parts {
    fn default() -> Parts {
        Parts::new(|raw| deflate_all(&raw))
    }
}

#[cfg(feature = "indexing")]
fn keep_as_is(raw: Vec<Vec<u8>>) -> Vec<Vec<u8>> {
    raw
}

/// Deflates `raw` parts, in order, on as many threads as there are cores (one where threads
/// are not available, as in the browser).
fn deflate_all(raw: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(raw.len());
    if threads <= 1 {
        return raw.iter().map(|r| smaller(r, format::deflate(r))).collect();
    }
    // Thread t takes parts t, t + threads, …: sizes vary, so interleaving balances the work.
    let mut done: Vec<Vec<(usize, Vec<u8>)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    raw.iter()
                        .enumerate()
                        .skip(t)
                        .step_by(threads)
                        .map(|(i, r)| (i, smaller(r, format::deflate(r))))
                        .collect()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("deflating does not panic")).collect()
    });
    let mut out: Vec<(usize, Vec<u8>)> = done.drain(..).flatten().collect();
    out.sort_unstable_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, stored)| stored).collect()
}

/// The part as stored: deflated, or as it is when deflating does not make it smaller (the
/// reader tells them apart by length).
fn smaller(raw: &[u8], deflated: Vec<u8>) -> Vec<u8> {
    if deflated.len() < raw.len() { deflated } else { raw.to_vec() }
}

struct Documents {
    catalog: Catalog,
    blocks: Vec<BlockRef>,
    outline: Vec<u8>,
    titles: Vec<u8>,
    leads: Vec<String>,
}

/// The catalog, the blocks and the outline rows of every document.
#[cfg(feature = "indexing")]
fn documents(corpus: &Corpus, lengths: &[u32], sizes: Sizes, parts: &mut Parts) -> Result<Documents, BundleError> {
    let mut writer = DocsWriter::default();
    for doc in &corpus.docs {
        writer.add(doc, sizes.block, parts)?;
    }
    Ok(writer.finish(lengths, parts))
}

/// The catalog, the outline and the titles of the documents so far, and the block being
/// filled.
#[derive(Default)]
struct DocsWriter {
    entries: Vec<DocEntry>,
    leads: Vec<String>,
    lead_ids: HashMap<String, u16>,
    outline: Vec<u8>,
    titles: Vec<u8>,
    blocks: Vec<BlockRef>,
    /// Paragraphs so far.
    ord: u32,
    /// The open block.
    open: Option<block::Writer>,
}

impl DocsWriter {
    /// Adds the next document: its record to the open block, then its paragraphs. A block is
    /// written once it holds `block` bytes of text, within a document if need be, so that a hit
    /// in a long document fetches the block around it, not the whole document.
    fn add(&mut self, doc: &Document, block: usize, parts: &mut Parts) -> Result<(), BundleError> {
        let first = self.ord;
        // A document that does not fit in what the open block has left starts a block of its
        // own: a short one is then never cut in two.
        let text = usize::try_from(doc.text_len()).unwrap_or(usize::MAX);
        if self.open.as_ref().is_some_and(|w| w.text_len() > 0 && w.text_len().saturating_add(text) > block) {
            self.close(parts);
        }
        self.open_block().record(doc);
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        for p in &doc.paragraphs {
            *counts.entry(p.kind.name().to_owned()).or_default() += 1;
            let lead = p.lead.as_ref().map_or(Row::NO_LEAD, |l| {
                *self.lead_ids.entry(l.clone()).or_insert_with(|| {
                    self.leads.push(l.clone());
                    u16::try_from(self.leads.len() - 1).unwrap_or(Row::NO_LEAD)
                })
            });
            let label = keys::label(p.id.as_str(), p.num.as_deref());
            let kind = kind_code(p.kind);
            let w = self.open_block();
            w.paragraph(&p.text, &label, lead, kind).ok_or_else(|| too_large("a paragraph or its label"))?;
            let full = w.text_len() >= block;
            outline::put(&mut self.outline, kind, lead);
            self.ord = self.ord.checked_add(1).ok_or_else(|| too_large("the paragraph count"))?;
            if full {
                self.close(parts);
            }
        }
        let titles = &mut self.titles;
        self.entries.push(DocEntry {
            doc: doc.doc.clone(),
            lang: doc.lang.clone(),
            kind: doc.kind,
            title: doc.meta.title.as_ref().map(|t| {
                let start = titles.len() as u64;
                titles.extend_from_slice(t.as_bytes());
                [start, t.len() as u64]
            }),
            date: doc.meta.date.clone(),
            first,
            count: self.ord - first,
            counts,
        });
        Ok(())
    }

    /// The open block, opened at the next paragraph if none is.
    fn open_block(&mut self) -> &mut block::Writer {
        let ord = self.ord;
        self.open.get_or_insert_with(|| block::Writer::new(ord))
    }

    fn close(&mut self, parts: &mut Parts) {
        if let Some(w) = self.open.take() {
            let start = w.first;
            let part = parts.add(PartKind::Block, &w.finish());
            self.blocks.push(BlockRef { start, part });
        }
    }

    fn finish(mut self, lengths: &[u32], parts: &mut Parts) -> Documents {
        self.close(parts);
        let total: u64 = lengths.iter().map(|&l| u64::from(l)).sum();
        let mean_length = if self.ord == 0 { 0.0 } else { total as f32 / self.ord as f32 };
        let catalog = Catalog { paragraphs: self.ord, mean_length, docs: self.entries };
        Documents { catalog, blocks: self.blocks, outline: self.outline, titles: self.titles, leads: self.leads }
    }
}

/// Sorted keys cut into ranges of about `size` key bytes, each an fst map in a part.
fn shards(keys: &[(String, u64)], most: usize, kind: PartKind, parts: &mut Parts) -> Result<Vec<Shard>, BundleError> {
    let size = fitted(LEAST, most, keys.iter().map(|(k, _)| k.len() as u64 + 4).sum(), KEYS_COST);
    let mut out = Vec::new();
    let mut start = 0;
    while start < keys.len() {
        let mut end = start;
        let mut bytes = 0;
        while end < keys.len() && (end == start || bytes < size) {
            bytes += keys[end].0.len() + 4;
            end += 1;
        }
        let mut map = fst::MapBuilder::memory();
        map.extend_iter(keys[start..end].iter().map(|(k, v)| (k, *v)))
            .map_err(|e| BundleError::Part { part: kind.name().to_owned(), what: e.to_string() })?;
        let part = parts.add(kind, &map.into_inner().expect("writing to memory cannot fail"));
        out.push(Shard { first: keys[start].0.clone(), part });
        start = end;
    }
    Ok(out)
}

/// The size of the parts that `total` bytes are cut into: at most `most`, at least `least`,
/// and in between where the head's entries for all the parts weigh about as much as the parts
/// a query reads. Each part adds a few bytes to the head, which every visitor loads; a query
/// fetches a few parts of each kind it reads, whole. Balancing `n × head` against
/// `total / n × stored` gives parts of `√(total × cost)` bytes, `cost` being the head's bytes
/// per part over the stored bytes per raw byte and the parts a query reads: postings pages of
/// about 20 KB for sessions 79–80 (were 32), its blocks 32 KB, the default corpus's blocks 4 KB.
/// Measured with the `lazy` example (docs/decisions.md).
fn fitted(least: usize, most: usize, total: u64, cost: u64) -> usize {
    let balanced = (total.saturating_mul(cost) as f64).sqrt() as usize;
    balanced.max(least).min(most).max(1)
}

/// The least size of postings pages and key ranges, measured (docs/decisions.md): with 2 KB
/// pages the default corpus's first results were 9 KB lighter still, but every later query
/// fetched parts of its own where 8 KB pages are mostly at hand already.
const LEAST: usize = 8 << 10;
/// The least size of blocks: a hit then reads about a page of text around it.
const LEAST_BLOCK: usize = 4 << 10;
/// [`fitted`]'s cost for postings: a part adds about 10 bytes to the head (its entry in the
/// part table, measured), postings store at about 0.75 of their raw bytes, a query reads about
/// one page of a list: 10 / 0.75.
const POSTINGS_COST: u64 = 13;
/// [`fitted`]'s cost for ranges of keys: a range adds its entry and its first key, about
/// 22 bytes, to the head, and a range of the fst map stores at about 0.6 of its keys' bytes.
const KEYS_COST: u64 = 36;
/// [`fitted`]'s cost for blocks: a block adds about 13 bytes to the head (its entries in the
/// part and block tables), stores at about 0.3 of its raw bytes, and a query's first results
/// read about three blocks' worth of text (ten hits, most in few documents): 13 / 0.9. It puts
/// sessions 79–80's blocks at the most, 32 KB, where `INTERPOL` with the head stays under
/// 150 KB; smaller blocks there send the head past it.
const BLOCK_COST: u64 = 14;

/// A byte sequence cut into pages of `page` bytes as it is written, each page a part as soon
/// as it is full.
struct Pager {
    page: usize,
    kind: PartKind,
    open: Vec<u8>,
    len: u64,
    ids: Vec<u32>,
}

impl Pager {
    fn new(page: usize, kind: PartKind) -> Pager {
        Pager { page: page.max(1), kind, open: Vec::new(), len: 0, ids: Vec::new() }
    }

    fn put(&mut self, mut bytes: &[u8], parts: &mut Parts) {
        self.len += bytes.len() as u64;
        while !bytes.is_empty() {
            let take = (self.page - self.open.len()).min(bytes.len());
            self.open.extend_from_slice(&bytes[..take]);
            bytes = &bytes[take..];
            if self.open.len() == self.page {
                self.ids.push(parts.add(self.kind, &self.open));
                self.open.clear();
            }
        }
    }

    fn finish(mut self, parts: &mut Parts) -> Paged {
        if !self.open.is_empty() {
            self.ids.push(parts.add(self.kind, &self.open));
        }
        Paged { page: self.page as u32, len: self.len, parts: self.ids }
    }
}

/// `bytes` cut into pages of `page` bytes, a part each.
fn paged(bytes: &[u8], page: usize, kind: PartKind, parts: &mut Parts) -> Paged {
    let mut pager = Pager::new(page, kind);
    pager.put(bytes, parts);
    pager.finish(parts)
}

/// The leads, `per_page` to a part, each page a list of strings (`bytes::write_strings`).
fn lead_pages(leads: &[String], per_page: usize, parts: &mut Parts) -> format::LeadPages {
    let per_page = per_page.max(1);
    let parts =
        leads.chunks(per_page).map(|page| parts.add(PartKind::Leads, &super::bytes::write_strings(page))).collect();
    format::LeadPages { per_page: per_page as u32, count: leads.len() as u32, parts }
}

pub(crate) fn kind_code(kind: ParaKind) -> u8 {
    ParaKind::ALL.iter().position(|k| *k == kind).expect("every kind is in ALL") as u8
}

fn too_large(what: &str) -> BundleError {
    BundleError::TooLarge(what.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deflating_on_every_core_keeps_the_order_and_the_bytes() {
        let raw: Vec<Vec<u8>> =
            (0..37u32).map(|i| (0..i * 997).map(|j| (j.wrapping_mul(i + 7) % 251) as u8).collect()).collect();
        let one_by_one: Vec<Vec<u8>> = raw.iter().map(|r| smaller(r, format::deflate(r))).collect();
        assert_eq!(deflate_all(&raw), one_by_one);
        for (r, stored) in raw.iter().zip(&one_by_one) {
            let read = if stored.len() == r.len() { stored.clone() } else { format::inflate(stored, r.len()).unwrap() };
            assert_eq!(&read, r);
        }
        assert_eq!(one_by_one[0], raw[0], "an empty part is stored as it is");
    }

    #[test]
    fn parts_grow_with_the_corpus_between_their_bounds() {
        let most = 32 << 10;
        let sizes: Vec<usize> = (0..40).map(|shift| fitted(LEAST, most, 1u64 << shift, POSTINGS_COST)).collect();
        assert!(sizes.windows(2).all(|w| w[0] <= w[1]), "{sizes:?}");
        assert_eq!((sizes[0], sizes[39]), (LEAST, most));
        // The default corpus (about 200 KB of postings) at the least; sessions 79–80 (30 MB)
        // between.
        assert_eq!(fitted(LEAST, most, 200 << 10, POSTINGS_COST), LEAST);
        assert!((16 << 10..most).contains(&fitted(LEAST, most, 30 << 20, POSTINGS_COST)));
        // A maximum below the least is kept: tests cut small corpora into many parts.
        assert_eq!(fitted(LEAST, 512, 30 << 20, KEYS_COST), 512);
        // Blocks: the default corpus's 0.6 MB of text at 4 KB, sessions 79–80's 78.7 MB at 32 KB.
        assert_eq!(Sizes::default().for_text(630_000).block, LEAST_BLOCK);
        assert_eq!(Sizes::default().for_text(78_700_000).block, 32 << 10);
    }
}
