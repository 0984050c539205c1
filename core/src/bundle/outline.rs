//! The outline: each paragraph's kind and lead, three bytes by ordinal, in pages of their own —
//! what facets count over every match without opening a document.
//!
//! ```text
//! kind u8 | lead u16 (index into the catalog's leads, or u16::MAX)
//! ```

/// Bytes per paragraph.
pub const WIDTH: usize = 3;

pub fn put(out: &mut Vec<u8>, kind: u8, lead: u16) {
    out.push(kind);
    out.extend_from_slice(&lead.to_le_bytes());
}

/// The kind and lead at `at` (a multiple of [`WIDTH`]) of a page.
pub fn at(page: &[u8], at: usize) -> Option<(u8, u16)> {
    let b = page.get(at..at + WIDTH)?;
    Some((b[0], u16::from_le_bytes([b[1], b[2]])))
}
