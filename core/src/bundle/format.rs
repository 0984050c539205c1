//! The container of a `.rlx` bundle (SPEC §6): magic bytes, format version, a table of
//! sections with offsets and lengths, the sections, and a CRC-32 of everything before it.
//!
//! ```text
//! "RESOLEX\x1a" | version u32 | n u32 | n × (section u32, offset u64, length u64) | sections… | crc32 u32
//! ```
//! All integers little-endian. Offsets count from the start of the file.

use thiserror::Error;

pub const MAGIC: &[u8; 8] = b"RESOLEX\x1a";
/// The format this build writes and reads.
pub const VERSION: u32 = 1;

/// The sections of a bundle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u32)]
pub enum Section {
    /// JSON: counts, languages, leads, documents (without paragraphs).
    Catalog = 1,
    /// Fixed-width rows, one per paragraph (see `bundle::paras`).
    Paras = 2,
    /// Paragraph texts, UTF-8, concatenated.
    Texts = 3,
    /// Paragraph labels (`index::keys::label`: `op21.b\u{1f}21 (b)`), concatenated.
    Labels = 4,
    /// Per document: its JSON with paragraph texts left out.
    Blobs = 5,
    /// fst map: terms and filter keys → postings.
    Terms = 6,
    Postings = 7,
    /// fst map: stem keys (`index::keys::stem`: `lang \u{1} stem`) → postings.
    Stems = 8,
    StemPostings = 9,
    /// fst map: paragraph keys (`index::keys::para`: `doc \u{0} lang \u{0} para`) → paragraph ordinal.
    ParaIds = 10,
}

impl Section {
    pub const ALL: [Section; 10] = [
        Section::Catalog,
        Section::Paras,
        Section::Texts,
        Section::Labels,
        Section::Blobs,
        Section::Terms,
        Section::Postings,
        Section::Stems,
        Section::StemPostings,
        Section::ParaIds,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Section::Catalog => "catalog",
            Section::Paras => "paragraph table",
            Section::Texts => "texts",
            Section::Labels => "labels",
            Section::Blobs => "documents",
            Section::Terms => "terms",
            Section::Postings => "postings",
            Section::Stems => "stems",
            Section::StemPostings => "stem postings",
            Section::ParaIds => "paragraph ids",
        }
    }
}

/// Why a bundle does not load. Every message says what is wrong with the file.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum BundleError {
    #[error("not a Resolex bundle: {0} bytes is too short for the header")]
    TooShort(usize),
    #[error("not a Resolex bundle: the file does not start with the Resolex magic bytes")]
    NotABundle,
    #[error("this bundle has format version {found}, made by a newer Resolex; this one reads version {supported}")]
    NewerVersion { found: u32, supported: u32 },
    #[error("this bundle has format version {found}, which this Resolex no longer reads (it reads {supported})")]
    OlderVersion { found: u32, supported: u32 },
    #[error("the bundle is truncated: {0}")]
    Truncated(String),
    #[error("the bundle is corrupted: checksum {found:08x}, expected {expected:08x}")]
    Checksum { expected: u32, found: u32 },
    #[error("the bundle has no {0} section")]
    Missing(&'static str),
    #[error("the corpus is too large for one bundle: {0} exceeds 4 GB or its field")]
    TooLarge(String),
    #[error("the bundle's {section} section is corrupted: {what}")]
    Corrupt { section: &'static str, what: String },
}

/// Writes sections into one file.
pub fn write(sections: &[(Section, Vec<u8>)]) -> Vec<u8> {
    let header = 16 + 20 * sections.len();
    let total = header + sections.iter().map(|(_, b)| b.len()).sum::<usize>() + 4;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    let mut offset = header as u64;
    for (kind, bytes) in sections {
        out.extend_from_slice(&(*kind as u32).to_le_bytes());
        out.extend_from_slice(&offset.to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        offset += bytes.len() as u64;
    }
    for (_, bytes) in sections {
        out.extend_from_slice(bytes);
    }
    let crc = crc32fast::hash(&out);
    out.extend_from_slice(&crc.to_le_bytes());
    out
}

/// The byte range of each known section, after checking magic, version, bounds and checksum.
pub fn read(bytes: &[u8]) -> Result<Vec<(Section, std::ops::Range<usize>)>, BundleError> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err(if MAGIC.starts_with(bytes) {
            BundleError::TooShort(bytes.len())
        } else {
            BundleError::NotABundle
        });
    }
    if bytes.len() < 20 {
        return Err(BundleError::TooShort(bytes.len()));
    }
    let version = u32_at(bytes, 8);
    if version > VERSION {
        return Err(BundleError::NewerVersion { found: version, supported: VERSION });
    }
    if version < VERSION {
        return Err(BundleError::OlderVersion { found: version, supported: VERSION });
    }
    let count = u32_at(bytes, 12) as usize;
    let header = count.checked_mul(20).and_then(|n| n.checked_add(16)).filter(|&h| h + 4 <= bytes.len());
    let header = header.ok_or_else(|| {
        BundleError::Truncated(format!("the header lists {count} sections but the file has {} bytes", bytes.len()))
    })?;
    let body_end = bytes.len() - 4;
    let mut sections = Vec::with_capacity(count);
    for i in 0..count {
        let at = 16 + 20 * i;
        let (kind, offset, len) = (u32_at(bytes, at), u64_at(bytes, at + 4), u64_at(bytes, at + 12));
        let end = offset.checked_add(len).filter(|&e| offset >= header as u64 && e <= body_end as u64);
        let Some(end) = end else {
            return Err(BundleError::Truncated(format!(
                "section {i} ends at byte {} but the file has {} bytes",
                offset.saturating_add(len),
                bytes.len()
            )));
        };
        if let Some(s) = Section::ALL.into_iter().find(|s| *s as u32 == kind) {
            sections.push((s, offset as usize..end as usize));
        }
    }
    let expected = u32_at(bytes, body_end);
    let found = crc32fast::hash(&bytes[..body_end]);
    if found != expected {
        return Err(BundleError::Checksum { expected, found });
    }
    Ok(sections)
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(b[at..at + 8].try_into().expect("8 bytes"))
}
