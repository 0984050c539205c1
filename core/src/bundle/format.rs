//! The container of a `.rlx` bundle, format 5 (SPEC §6 describes format 2; 3 put the apart
//! layout's parts in packs, stem keys stem first, the paragraph leads in parts of their own; 4
//! let long documents run on over several blocks; 5 writes the head and the lead pages in
//! the `bytes` module's forms instead of JSON): a small head that says what the bundle
//! holds and where each part is, and the parts, each deflated and checked on its own. A bundle
//! of an earlier format gets a clear error asking for it to be built again.
//!
//! ```text
//! "RESOLEX\x1a" | version u32 | layout u32 | head length u32 | head CRC-32 u32 | head | parts…
//! ```
//! All integers little-endian. The head is deflated (`Head::encode` lays it out); its CRC-32 is over those
//! stored bytes. Layout 0 ([`Layout::Inline`]) carries every part after the head, in the
//! order of the head's part table; layout 1 ([`Layout::Apart`]) is the head alone, its parts in
//! *packs* beside it: files of about [`Sizes::pack`](super::Sizes) bytes (64 KB), each holding a run of
//! parts one after another in the table's order, named by [`Pack::file_name`] (a directory of
//! a few content-named files that any static host serves and any cache may keep for good; a
//! reader fetches one part with an HTTP range request, or the whole pack from a host that does
//! not serve ranges); layout 2 ([`Layout::Compact`]) is
//! the head and the documents alone, inline: the reader builds the index again when it opens the
//! bundle (for small corpora, whose index would weigh more than their texts).
//!
//! A part whose stored length equals its raw length is stored as it is, not deflated: the
//! writer stores a part so whenever deflating would not make it smaller.

use super::bytes::{Reader, Writer};
use super::catalog::Catalog;
use thiserror::Error;

pub const MAGIC: &[u8; 8] = b"RESOLEX\x1a";
/// The format this build writes and reads.
pub const VERSION: u32 = 5;
/// The fixed header before the head.
pub const HEADER: usize = 24;

/// Where the parts are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Every part follows the head in the same file.
    Inline = 0,
    /// The head alone; each part is a file of its own beside it.
    Apart = 1,
    /// The documents alone, inline; the index is built again when the bundle is opened.
    Compact = 2,
}

/// What a part holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// A range of the terms map (an fst map: words and filter keys → postings).
    Terms,
    /// A range of the stems map (an fst map: `stem \u{1} lang` → postings).
    Stems,
    /// A page of the postings of terms.
    Postings,
    /// A page of the postings of stems.
    StemPostings,
    /// Documents in full: records, paragraph rows, labels and texts (`bundle::block`).
    Block,
    /// Kind and lead of a run of paragraphs, for facets (`bundle::outline`).
    Outline,
    /// A page of the documents' titles, concatenated (the catalog says where each is).
    Titles,
    /// A page of the paragraph leads as printed (a count, then each string), in the order first
    /// met.
    Leads,
    /// The compact layout's one part: every document (`bundle::compact`), compressed with LZMA
    /// rather than deflate, whose window would not reach from one version of a series to the
    /// next.
    Documents,
}

impl PartKind {
    pub const ALL: [PartKind; 9] = [
        PartKind::Terms,
        PartKind::Stems,
        PartKind::Postings,
        PartKind::StemPostings,
        PartKind::Block,
        PartKind::Outline,
        PartKind::Titles,
        PartKind::Leads,
        PartKind::Documents,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PartKind::Terms => "terms",
            PartKind::Stems => "stems",
            PartKind::Postings => "postings",
            PartKind::StemPostings => "stem-postings",
            PartKind::Block => "block",
            PartKind::Outline => "outline",
            PartKind::Titles => "titles",
            PartKind::Leads => "leads",
            PartKind::Documents => "documents",
        }
    }
}

/// One part in the head's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartEntry {
    pub kind: PartKind,
    /// Bytes as stored: compressed ([`compress`]), or (when equal to `raw`) as they are.
    pub stored: u32,
    /// Bytes once inflated.
    pub raw: u32,
    /// CRC-32 of the stored bytes: any change to them, even one that would inflate the same,
    /// is caught before they are inflated.
    pub crc: u32,
}

/// One file of the [`Layout::Apart`] layout: the next `parts` parts of the table, stored one
/// after another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pack {
    pub parts: u32,
    /// CRC-32 of its parts' checksums, which names it: as much the pack's content as a CRC of
    /// its bytes, and known from the part table, so the head need not store it.
    pub crc: u32,
}

impl Pack {
    /// The checksum that names a pack of parts whose checksums are `part_crcs` (each over a
    /// part's stored bytes), in order.
    pub fn crc_of(part_crcs: impl IntoIterator<Item = u32>) -> u32 {
        let mut h = crc32fast::Hasher::new();
        for c in part_crcs {
            h.update(&c.to_le_bytes());
        }
        h.finalize()
    }

    /// The pack's file: its number and checksum, so that a changed pack gets a new name and a
    /// cached one never goes stale.
    pub fn file_name(&self, index: usize) -> String {
        format!("{index:04}-{:08x}.rlxp", self.crc)
    }
}

/// A range of an fst map: the keys from `first` up to the next shard's first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shard {
    pub first: String,
    pub part: u32,
}

/// A byte sequence cut into pages of `page` bytes, one part each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paged {
    pub page: u32,
    pub len: u64,
    pub parts: Vec<u32>,
}

/// The distinct paragraph leads, `per_page` to a part: lead `i` is item `i % per_page` of part
/// `parts[i / per_page]`. Leads are met in corpus order, so the common ones (`Recalling`,
/// `Urges`) are on the first pages, which most views need; the rest stay out of the head.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeadPages {
    pub per_page: u32,
    pub count: u32,
    pub parts: Vec<u32>,
}

/// Paragraphs `start..` (up to the next block's start) in one part, with the records of the
/// documents whose first paragraph is among them (a document without paragraphs: whose first
/// ordinal is). A long document runs on over several blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockRef {
    pub start: u32,
    pub part: u32,
}

/// The head: everything needed before the first query, and where the rest is.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    pub catalog: Catalog,
    pub parts: Vec<PartEntry>,
    pub terms: Vec<Shard>,
    pub stems: Vec<Shard>,
    pub postings: Paged,
    pub stem_postings: Paged,
    pub blocks: Vec<BlockRef>,
    /// Pages of `outline::WIDTH`-byte rows, `page / WIDTH` paragraphs each.
    pub outline: Paged,
    /// The documents' titles, concatenated: kept out of the head, which every visitor loads.
    pub titles: Paged,
    /// The paragraph leads (kept out of the head likewise).
    pub leads: LeadPages,
    /// A compact bundle's documents are stored by language, which deflates the versions of a
    /// series together: the position in the corpus of each document as stored.
    pub order: Vec<u32>,
    /// The apart layout's files, in the order of the part table (empty in the other layouts).
    pub packs: Vec<Pack>,
}

impl Head {
    /// The head's bytes before they are deflated (the `bytes` module's forms), in the order of
    /// the fields. Tables are stored by column, each as deflate packs it best.
    fn encode(&self) -> Vec<u8> {
        let mut w = Writer::default();
        self.catalog.write(&mut w);
        write_parts(&mut w, &self.parts);
        for shards in [&self.terms, &self.stems] {
            w.list(shards, |w, s| w.str(&s.first));
            w.deltas(shards.iter().map(|s| s.part));
        }
        write_paged(&mut w, &self.postings);
        write_paged(&mut w, &self.stem_postings);
        write_blocks(&mut w, &self.blocks);
        write_paged(&mut w, &self.outline);
        write_paged(&mut w, &self.titles);
        w.num(u64::from(self.leads.per_page));
        w.num(u64::from(self.leads.count));
        w.list(&self.leads.parts, |w, &p| w.num(u64::from(p)));
        w.list(&self.order, |w, &d| w.num(u64::from(d)));
        w.list(&self.packs, |w, p| w.num(u64::from(p.parts)));
        w.out
    }

    /// The head [`Head::encode`] wrote, or what in it does not read.
    fn decode(bytes: &[u8]) -> Result<Head, String> {
        let mut r = Reader::new(bytes);
        let catalog = Catalog::read(&mut r)?;
        let parts = read_parts(&mut r, bytes.len())?;
        let mut shards = |what: &str| -> Result<Vec<Shard>, String> {
            let firsts = r.list(what, |r| r.str("a range's first key"))?;
            let parts = r.deltas(firsts.len(), "a range's part")?;
            Ok(firsts.into_iter().zip(parts).map(|(first, part)| Shard { first, part }).collect())
        };
        let (terms, stems) = (shards("the terms' ranges")?, shards("the stems' ranges")?);
        let (postings, stem_postings) = (read_paged(&mut r, "the postings")?, read_paged(&mut r, "the stem postings")?);
        let blocks = read_blocks(&mut r)?;
        let (outline, titles) = (read_paged(&mut r, "the outline")?, read_paged(&mut r, "the titles")?);
        let (per_page, count) = (r.u32("leads per page")?, r.u32("the lead count")?);
        let leads = LeadPages { per_page, count, parts: r.list("the lead pages", |r| r.u32("a lead page"))? };
        let order = r.list("the documents' order", |r| r.u32("a document's place"))?;
        let packs = packs_of(&parts, r.list("the packs", |r| r.u32("a pack's parts"))?)?;
        r.finish("the head")?;
        Ok(Head { catalog, parts, terms, stems, postings, stem_postings, blocks, outline, titles, leads, order, packs })
    }
}

/// The part table: runs of kinds (the writer groups parts by kind), then the stored lengths,
/// the raw lengths (as differences: pages of a kind are all one length but the last) and the
/// checksums (four bytes each), a column each.
fn write_parts(w: &mut Writer, parts: &[PartEntry]) {
    let mut runs: Vec<(PartKind, usize)> = Vec::new();
    for p in parts {
        match runs.last_mut() {
            Some((k, n)) if *k == p.kind => *n += 1,
            _ => runs.push((p.kind, 1)),
        }
    }
    w.list(&runs, |w, &(kind, n)| {
        w.count(PartKind::ALL.iter().position(|&k| k == kind).unwrap_or_default());
        w.count(n);
    });
    w.each(parts, |w, p| w.num(u64::from(p.stored)));
    w.deltas(parts.iter().map(|p| p.raw));
    w.each(parts, |w, p| w.u32_le(p.crc));
}

/// The part table of a head of `head_len` bytes.
fn read_parts(r: &mut Reader, head_len: usize) -> Result<Vec<PartEntry>, String> {
    let runs = r.list("the part table's kinds", |r| {
        let kind = *PartKind::ALL.get(r.count("a part kind")?).ok_or("an unknown part kind")?;
        Ok((kind, r.count("a run of parts")?))
    })?;
    let n = runs.iter().try_fold(0usize, |n, &(_, k)| n.checked_add(k)).ok_or("the part table overflows")?;
    // Each part takes at least six bytes of the table: a count past the head's length is forged.
    if n > head_len {
        return Err(format!("the part table claims {n} parts in a head of {head_len} bytes"));
    }
    let stored = r.nums(n, "a part's stored length")?;
    let raw = r.deltas(n, "a part's length")?;
    let crc = (0..n).map(|_| r.u32_le("a part's checksum")).collect::<Result<Vec<_>, _>>()?;
    let kinds = runs.iter().flat_map(|&(k, n)| std::iter::repeat_n(k, n));
    let rows = kinds.zip(stored).zip(raw).zip(crc);
    Ok(rows.map(|(((kind, stored), raw), crc)| PartEntry { kind, stored, raw, crc }).collect())
}

/// The packs that hold `counts` parts each, named from the checksums of their parts in
/// `parts` (none in a head of another layout); their counts must add up to the part table's.
fn packs_of(parts: &[PartEntry], counts: Vec<u32>) -> Result<Vec<Pack>, String> {
    let total = counts.iter().try_fold(0usize, |n, &c| n.checked_add(c as usize));
    if !counts.is_empty() && total != Some(parts.len()) {
        return Err(format!("its packs hold {total:?} parts, its part table {}", parts.len()));
    }
    let mut rest = parts;
    let mut pack = |n: u32| {
        let (these, after) = rest.split_at(n as usize);
        rest = after;
        Pack { parts: n, crc: Pack::crc_of(these.iter().map(|p| p.crc)) }
    };
    Ok(counts.into_iter().map(&mut pack).collect())
}

/// The block table: each block's first paragraph, then its part, each as the difference from
/// the block before (small numbers, and the parts of blocks follow each other: ones).
fn write_blocks(w: &mut Writer, blocks: &[BlockRef]) {
    w.count(blocks.len());
    w.deltas(blocks.iter().map(|b| b.start));
    w.deltas(blocks.iter().map(|b| b.part));
}

fn read_blocks(r: &mut Reader) -> Result<Vec<BlockRef>, String> {
    let n = r.count("the block table")?;
    let (start, part) = (r.deltas(n, "a block's start")?, r.deltas(n, "a block's part")?);
    Ok(start.into_iter().zip(part).map(|(start, part)| BlockRef { start, part }).collect())
}

fn write_paged(w: &mut Writer, paged: &Paged) {
    w.num(u64::from(paged.page));
    w.num(paged.len);
    w.count(paged.parts.len());
    w.deltas(paged.parts.iter().copied());
}

fn read_paged(r: &mut Reader, what: &str) -> Result<Paged, String> {
    let page = r.u32(what)?;
    let len = r.num(what)?;
    let n = r.count(what)?;
    Ok(Paged { page, len, parts: r.deltas(n, what)? })
}

/// Why a bundle does not load, or a part of it does not read. Every message says what is wrong
/// and where.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum BundleError {
    #[error("not a Resolex bundle: {0} bytes is too short for the header")]
    TooShort(usize),
    #[error("not a Resolex bundle: the file does not start with the Resolex magic bytes")]
    NotABundle,
    #[error("this bundle has format version {found}, made by a newer Resolex; this one reads version {supported}")]
    NewerVersion { found: u32, supported: u32 },
    #[error(
        "this bundle has format version {found}, which this Resolex no longer reads (it reads {supported}); build it again with `resolex build`"
    )]
    OlderVersion { found: u32, supported: u32 },
    #[error("the bundle is truncated: {0}")]
    Truncated(String),
    #[error("the bundle's head is corrupted: {0}")]
    Head(String),
    #[error("the corpus is too large for one bundle: {0} exceeds 4 GB or its field")]
    TooLarge(String),
    #[error("the bundle's {part} is corrupted: {what}")]
    Part { part: String, what: String },
    #[error("the bundle's {0} has not arrived yet")]
    NotLoaded(String),
    #[error("the bundle's {part} could not be read: {what}")]
    Unreadable { part: String, what: String },
    #[error("the bundle's {part} could not be written: {what}")]
    Unwritable { part: String, what: String },
}

/// The layout and the head of a bundle whose first bytes are `bytes`, and where its head ends.
pub fn read_head(bytes: &[u8]) -> Result<(Layout, Head, usize), BundleError> {
    let layout = read_layout(bytes)?;
    let len = u32_at(bytes, 16) as usize;
    let end = HEADER + len;
    let stored = bytes.get(HEADER..end).ok_or_else(|| {
        BundleError::Truncated(format!("the head needs {end} bytes but the file has {}", bytes.len()))
    })?;
    let (expected, found) = (u32_at(bytes, 20), crc32fast::hash(stored));
    if expected != found {
        return Err(BundleError::Head(format!("checksum {found:08x}, expected {expected:08x}")));
    }
    let raw = inflate(stored, 1 << 30).map_err(BundleError::Head)?;
    let head = Head::decode(&raw).map_err(BundleError::Head)?;
    check(&head, layout)?;
    Ok((layout, head, end))
}

/// The layout of a bundle whose first bytes are `bytes`, from its fixed header alone (magic,
/// version, layout): the head is neither checked nor read.
pub fn read_layout(bytes: &[u8]) -> Result<Layout, BundleError> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err(if MAGIC.starts_with(bytes) {
            BundleError::TooShort(bytes.len())
        } else {
            BundleError::NotABundle
        });
    }
    if bytes.len() < HEADER {
        return Err(BundleError::TooShort(bytes.len()));
    }
    let version = u32_at(bytes, 8);
    if version > VERSION {
        return Err(BundleError::NewerVersion { found: version, supported: VERSION });
    }
    if version < VERSION {
        return Err(BundleError::OlderVersion { found: version, supported: VERSION });
    }
    match u32_at(bytes, 12) {
        0 => Ok(Layout::Inline),
        1 => Ok(Layout::Apart),
        2 => Ok(Layout::Compact),
        n => Err(BundleError::Head(format!("unknown layout {n}"))),
    }
}

/// Paragraphs a bundle may hold: readers size tables by the count (two bytes a paragraph for
/// the languages), so a head that claims billions is refused before anything is allocated.
/// Fifty times the General Assembly's sessions 74–80 in six languages.
pub const MAX_PARAGRAPHS: u32 = 1 << 26;

/// The counts of a head agree with each other: its paragraphs with its documents' and its
/// outline's, its leads with their pages.
fn check(head: &Head, layout: Layout) -> Result<(), BundleError> {
    let c = &head.catalog;
    if c.paragraphs > MAX_PARAGRAPHS {
        return Err(BundleError::Head(format!(
            "it claims {} paragraphs; this Resolex reads bundles of up to {MAX_PARAGRAPHS}",
            c.paragraphs
        )));
    }
    let counted: u64 = c.docs.iter().map(|d| u64::from(d.count)).sum();
    if counted != u64::from(c.paragraphs) {
        return Err(BundleError::Head(format!(
            "its documents hold {counted} paragraphs, its catalog {}",
            c.paragraphs
        )));
    }
    let outline = u64::from(c.paragraphs) * super::outline::WIDTH as u64;
    if layout != Layout::Compact && head.outline.len != outline {
        return Err(BundleError::Head(format!(
            "its outline has {} bytes for {} paragraphs",
            head.outline.len, c.paragraphs
        )));
    }
    let l = &head.leads;
    if l.parts.len() as u64 != u64::from(l.count).div_ceil(u64::from(l.per_page.max(1))) {
        return Err(BundleError::Head(format!("{} leads in {} pages of {}", l.count, l.parts.len(), l.per_page)));
    }
    Ok(())
}

/// The header and deflated head of a bundle.
pub fn write_head(head: &Head, layout: Layout) -> Vec<u8> {
    let stored = deflate(&head.encode());
    let mut out = Vec::with_capacity(HEADER + stored.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(layout as u32).to_le_bytes());
    out.extend_from_slice(&(stored.len() as u32).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&stored).to_le_bytes());
    out.extend_from_slice(&stored);
    out
}

/// Deflates a part or the head (best compression: a bundle is written once, read often).
pub fn deflate(raw: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(raw, 10)
}

/// A part as stored: deflated, or for [`PartKind::Documents`] compressed with LZMA. Kept as it
/// is when that is not smaller.
pub fn compress(kind: PartKind, raw: &[u8]) -> Vec<u8> {
    let stored = match kind {
        #[cfg(feature = "indexing")]
        PartKind::Documents => lzma::compress(raw),
        _ => deflate(raw),
    };
    if stored.len() < raw.len() { stored } else { raw.to_vec() }
}

/// A part's raw bytes from its stored ones, which are not the same length (else they are the
/// part as it is): exactly `raw` bytes, or what went wrong.
pub fn decompress(kind: PartKind, stored: &[u8], raw: usize) -> Result<Vec<u8>, String> {
    let out = match kind {
        #[cfg(feature = "indexing")]
        PartKind::Documents => lzma::decompress(stored, raw)?,
        #[cfg(not(feature = "indexing"))]
        PartKind::Documents => return Err("the documents of a compact bundle need a reader that indexes".into()),
        _ => inflate(stored, raw)?,
    };
    if out.len() != raw {
        return Err(format!("it decompresses to {} bytes, {raw} expected", out.len()));
    }
    Ok(out)
}

/// LZMA as the compact layout stores its documents: raw LZMA (no header: the part table says
/// the raw length), properties fixed here, and a dictionary as large as the part (up to
/// [`lzma::MAX_DICT`]), so that every earlier version of a series is in reach.
#[cfg(feature = "indexing")]
mod lzma {
    use lzma_rust2::{LzmaOptions, LzmaReader, LzmaWriter};
    use std::io::{Read, Write};

    /// Literal context bits, literal position bits, position bits: for text, as measured on
    /// the default corpus (`lc 2, lp 0, pb 0` gave the smallest part).
    const PROPS: (u32, u32, u32) = (2, 0, 0);
    pub const MAX_DICT: u32 = 1 << 26;

    fn dict_size(raw: usize) -> u32 {
        u32::try_from(raw).unwrap_or(u32::MAX).clamp(4096, MAX_DICT).next_power_of_two().min(MAX_DICT)
    }

    pub fn compress(raw: &[u8]) -> Vec<u8> {
        let mut options = LzmaOptions::with_preset(9);
        (options.lc, options.lp, options.pb) = PROPS;
        options.nice_len = 273;
        options.dict_size = dict_size(raw.len());
        let mut out = Vec::new();
        let written = LzmaWriter::new_no_header(&mut out, &options, true)
            .and_then(|mut w| w.write_all(raw).and_then(|()| w.finish().map(drop)));
        written.expect("LZMA into memory does not fail");
        out
    }

    pub fn decompress(stored: &[u8], raw: usize) -> Result<Vec<u8>, String> {
        let (lc, lp, pb) = PROPS;
        let broken = |e: std::io::Error| format!("it does not decompress ({e})");
        let mut reader = LzmaReader::new(stored, raw as u64, lc, lp, pb, dict_size(raw), None).map_err(broken)?;
        let mut out = Vec::with_capacity(raw.min(1 << 24));
        reader.read_to_end(&mut out).map_err(broken)?;
        Ok(out)
    }
}

/// Inflates at most `limit` bytes.
pub fn inflate(stored: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(stored, limit).map_err(|e| format!("it does not inflate ({e})"))
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The default corpus's head, inline and apart (with its pack table), reads back as it was
    /// written; a head cut anywhere is an error; a changed byte is an error or another head,
    /// never a panic.
    #[test]
    fn the_head_reads_back_as_written() {
        let written =
            super::super::write_parts(&crate::default_corpus::load(), super::super::Sizes::default()).unwrap();
        let (apart, _) = written.apart();
        let (layout, with_packs, _) = read_head(&apart).unwrap();
        assert_eq!((layout, with_packs.packs.is_empty()), (Layout::Apart, false));
        for head in [&written.head, &with_packs] {
            let raw = head.encode();
            assert_eq!(Head::decode(&raw).as_ref(), Ok(head));
            for cut in 0..raw.len() {
                assert!(Head::decode(&raw[..cut]).is_err(), "cut at {cut} of {}", raw.len());
            }
            for at in 0..raw.len() {
                let mut changed = raw.clone();
                changed[at] ^= 0x55;
                let _ = Head::decode(&changed);
            }
        }
    }
}
