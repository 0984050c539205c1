//! The paragraph table: one fixed-width row per paragraph, read in place by ordinal.
//!
//! ```text
//! text_start u32 | text_len u32 | label_start u32 | doc u32 | tokens u32 | lead u16 | kind u8 | label_len u8
//! ```

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub text_start: u32,
    pub text_len: u32,
    pub label_start: u32,
    /// Index of its document in the catalog.
    pub doc: u32,
    /// Its length in tokens, for BM25.
    pub tokens: u32,
    /// Index into the catalog's leads, or [`Row::NO_LEAD`].
    pub lead: u16,
    /// Index into `ParaKind::ALL`.
    pub kind: u8,
    pub label_len: u8,
}

impl Row {
    pub const WIDTH: usize = 24;
    pub const NO_LEAD: u16 = u16::MAX;

    pub fn to_bytes(self) -> [u8; Self::WIDTH] {
        let mut b = [0u8; Self::WIDTH];
        b[0..4].copy_from_slice(&self.text_start.to_le_bytes());
        b[4..8].copy_from_slice(&self.text_len.to_le_bytes());
        b[8..12].copy_from_slice(&self.label_start.to_le_bytes());
        b[12..16].copy_from_slice(&self.doc.to_le_bytes());
        b[16..20].copy_from_slice(&self.tokens.to_le_bytes());
        b[20..22].copy_from_slice(&self.lead.to_le_bytes());
        b[22] = self.kind;
        b[23] = self.label_len;
        b
    }

    /// Row `ord` of `table`, if there is one.
    pub fn at(table: &[u8], ord: u32) -> Option<Row> {
        let start = (ord as usize).checked_mul(Self::WIDTH)?;
        let b = table.get(start..start + Self::WIDTH)?;
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        Some(Row {
            text_start: u32_at(0),
            text_len: u32_at(4),
            label_start: u32_at(8),
            doc: u32_at(12),
            tokens: u32_at(16),
            lead: u16::from_le_bytes([b[20], b[21]]),
            kind: b[22],
            label_len: b[23],
        })
    }
}
