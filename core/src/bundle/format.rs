//! The container of a `.rlx` bundle, format 6 (SPEC §6 describes format 2; 3 put the apart
//! layout's parts in packs, stem keys stem first, the paragraph leads in parts of their own; 4
//! let long documents run on over several blocks; 5 writes the head (`bundle::head`) and the
//! lead pages in the `bytes` module's forms instead of JSON; 6 adds to the terms map the pairs
//! of ideographs that stand side by side, `index::keys::pair`, keeps in a single ideograph's list
//! only the positions a phrase reads there, `index::postings::ListKind::Characters`, and writes
//! the documents' records in those forms too, `bundle::record`): a small head that says what the
//! bundle holds and where each part is, and the parts, each deflated and checked on its own. A
//! bundle of an earlier format gets a clear error asking for it to be built again.
//!
//! ```text
//! "RESOLEX\x1a" | version u32 | layout u32 | head length u32 | head CRC-32 u32 | head | parts…
//! ```
//! All integers little-endian. The head is deflated (`bundle::head` lays it out); its CRC-32
//! is over those stored bytes. Layout 0 ([`Layout::Inline`]) carries every part after the head, in the
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

use super::catalog::Catalog;
use thiserror::Error;

pub const MAGIC: &[u8; 8] = b"RESOLEX\x1a";
/// The format this build writes and reads.
pub const VERSION: u32 = 6;
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

impl PartEntry {
    /// Whether the part is stored compressed (deflated; a compact bundle's documents, LZMA)
    /// rather than as it is: the writer keeps a part as it is when compressing would not make it
    /// smaller, so the two lengths tell.
    pub fn compressed(&self) -> bool {
        self.stored != self.raw
    }
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
    read_head_inflated(bytes, None)
}

/// [`read_head`], the head inflated by the caller (`inflated`, from the bytes [`head_span`]
/// names) or, when `None`, here.
pub fn read_head_inflated(bytes: &[u8], inflated: Option<&[u8]>) -> Result<(Layout, Head, usize), BundleError> {
    let layout = read_layout(bytes)?;
    let span = head_span(bytes)?;
    let stored = &bytes[span.clone()];
    let (expected, found) = (u32_at(bytes, 20), crc32fast::hash(stored));
    if expected != found {
        return Err(BundleError::Head(format!("checksum {found:08x}, expected {expected:08x}")));
    }
    let raw = match inflated {
        Some(raw) => std::borrow::Cow::Borrowed(raw),
        None => inflate(stored, 1 << 30).map_err(BundleError::Head)?.into(),
    };
    let head = super::head::decode(&raw).map_err(BundleError::Head)?;
    check(&head, layout)?;
    Ok((layout, head, span.end))
}

/// Where the deflated head of a bundle whose first bytes are `bytes` lies, from the fixed
/// header alone: what a host that inflates for the reader inflates first.
pub fn head_span(bytes: &[u8]) -> Result<std::ops::Range<usize>, BundleError> {
    read_layout(bytes)?;
    let end = HEADER + u32_at(bytes, 16) as usize;
    if bytes.len() < end {
        return Err(BundleError::Truncated(format!("the head needs {end} bytes but the file has {}", bytes.len())));
    }
    Ok(HEADER..end)
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
    let stored = deflate(&super::head::encode(head));
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
#[cfg(feature = "inflate")]
pub fn inflate(stored: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(stored, limit).map_err(|e| format!("it does not inflate ({e})"))
}

/// Without the `inflate` feature the host inflates: deflated bytes given here are an error.
#[cfg(not(feature = "inflate"))]
pub fn inflate(_stored: &[u8], _limit: usize) -> Result<Vec<u8>, String> {
    Err("this reader is built to be given it inflated".to_owned())
}

/// Whether this build inflates the head and the parts itself (the `inflate` feature).
pub const INFLATES: bool = cfg!(feature = "inflate");

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}
