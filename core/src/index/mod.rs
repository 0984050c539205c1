//! The inverted index: which paragraphs hold each term, where, and how often.
//!
//! Paragraphs are numbered by ordinal in corpus order (documents in order, paragraphs in order).
//! `build` turns a corpus into `fst` maps from keys to postings; `postings` encodes and reads
//! them (delta- and varint-compressed).

pub mod build;
pub mod keys;
pub mod postings;
pub mod varint;

/// A paragraph's ordinal in the bundle: documents in order, paragraphs in order.
pub type ParaOrd = u32;

/// Pack a postings offset and a document frequency into one fst value: the offset above 24
/// bits, [`ALIAS`], the frequency in the 23 bits below.
pub fn pack(offset: u64, df: u32) -> u64 {
    (offset << 24) | u64::from(df.min(0x7F_FFFF))
}

/// The offset and the document frequency (capped at 2²³−1) of a packed fst value.
pub fn unpack(value: u64) -> (usize, u32) {
    ((value >> 24) as usize, (value & 0x7F_FFFF) as u32)
}

/// The bit of a stem's value that says its list is that of its only word, in the stem's
/// language (the offset is into the words' postings; see `build`). Small, so that the fst keeps
/// values short.
pub const ALIAS: u64 = 1 << 23;

/// Whether a stem's value points at its only word's postings.
pub fn is_alias(value: u64) -> bool {
    value & ALIAS != 0
}
