//! A block: a run of consecutive paragraphs in one part — one row per paragraph, the labels and
//! the texts — with the records of the documents that start in it. A long document runs on over
//! several blocks, so that a hit reads the block around it; opening a document reads its blocks.
//!
//! ```text
//! first ordinal u32 | paragraphs n u32 | records length u32 | labels length u32
//! | n × row | records (the documents without paragraph texts, `record`) | labels | texts
//! row: text start u32 | text length u32 | label start u32 | lead u16 | kind u8 | label length u8
//! ```
//! Offsets count from the start of their own area; all integers little-endian.

use crate::index::ParaOrd;

const FIXED: usize = 16;

/// One paragraph's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub text_start: u32,
    pub text_len: u32,
    pub label_start: u32,
    /// Index into the catalog's leads, or [`Row::NO_LEAD`].
    pub lead: u16,
    /// Index into `ParaKind::ALL`.
    pub kind: u8,
    pub label_len: u8,
}

impl Row {
    pub const WIDTH: usize = 16;
    pub const NO_LEAD: u16 = u16::MAX;

    fn put(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.text_start.to_le_bytes());
        out.extend_from_slice(&self.text_len.to_le_bytes());
        out.extend_from_slice(&self.label_start.to_le_bytes());
        out.extend_from_slice(&self.lead.to_le_bytes());
        out.push(self.kind);
        out.push(self.label_len);
    }

    fn at(b: &[u8]) -> Row {
        let u32_at = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        Row {
            text_start: u32_at(0),
            text_len: u32_at(4),
            label_start: u32_at(8),
            lead: u16::from_le_bytes([b[12], b[13]]),
            kind: b[14],
            label_len: b[15],
        }
    }
}

/// A block being written.
#[derive(Default)]
pub struct Writer {
    pub first: ParaOrd,
    rows: Vec<u8>,
    records: Vec<u8>,
    labels: Vec<u8>,
    texts: Vec<u8>,
    n: u32,
}

impl Writer {
    pub fn new(first: ParaOrd) -> Writer {
        Writer { first, ..Writer::default() }
    }

    /// Adds a paragraph; `None` when the block has outgrown 4 GB.
    pub fn paragraph(&mut self, text: &str, label: &str, lead: u16, kind: u8) -> Option<()> {
        let row = Row {
            text_start: u32::try_from(self.texts.len()).ok()?,
            text_len: u32::try_from(text.len()).ok()?,
            label_start: u32::try_from(self.labels.len()).ok()?,
            lead,
            kind,
            label_len: u8::try_from(label.len()).ok()?,
        };
        row.put(&mut self.rows);
        self.texts.extend_from_slice(text.as_bytes());
        self.labels.extend_from_slice(label.as_bytes());
        self.n += 1;
        Some(())
    }

    /// Adds a document's record (all but its paragraphs' texts).
    pub fn record(&mut self, doc: &crate::model::Document) {
        let mut w = super::bytes::Writer { out: std::mem::take(&mut self.records) };
        super::record::write(&mut w, doc);
        self.records = w.out;
    }

    /// Bytes of text so far: a block closes past a size.
    pub fn text_len(&self) -> usize {
        self.texts.len()
    }

    pub fn finish(self) -> Vec<u8> {
        let mut out =
            Vec::with_capacity(FIXED + self.rows.len() + self.records.len() + self.labels.len() + self.texts.len());
        for n in [self.first, self.n, self.records.len() as u32, self.labels.len() as u32] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        for area in [&self.rows, &self.records, &self.labels, &self.texts] {
            out.extend_from_slice(area);
        }
        out
    }
}

/// A block read in place.
#[derive(Debug, Clone, Copy)]
pub struct Block<'a> {
    pub first: ParaOrd,
    pub n: u32,
    rows: &'a [u8],
    pub records: &'a [u8],
    labels: &'a [u8],
    texts: &'a [u8],
}

impl<'a> Block<'a> {
    /// The block in `bytes`, or `None` when its areas do not fit.
    pub fn read(bytes: &'a [u8]) -> Option<Block<'a>> {
        let u32_at = |i: usize| -> Option<u32> { Some(u32::from_le_bytes(bytes.get(i..i + 4)?.try_into().ok()?)) };
        let (first, n, records, labels) = (u32_at(0)?, u32_at(4)?, u32_at(8)?, u32_at(12)?);
        let rows_end = FIXED.checked_add((n as usize).checked_mul(Row::WIDTH)?)?;
        let records_end = rows_end.checked_add(records as usize)?;
        let labels_end = records_end.checked_add(labels as usize)?;
        Some(Block {
            first,
            n,
            rows: bytes.get(FIXED..rows_end)?,
            records: bytes.get(rows_end..records_end)?,
            labels: bytes.get(records_end..labels_end)?,
            texts: bytes.get(labels_end..)?,
        })
    }

    /// The row of paragraph `ord`, if this block holds it.
    pub fn row(&self, ord: ParaOrd) -> Option<Row> {
        let k = ord.checked_sub(self.first).filter(|&k| k < self.n)? as usize;
        Some(Row::at(self.rows.get(k * Row::WIDTH..(k + 1) * Row::WIDTH)?))
    }

    pub fn text(&self, row: &Row) -> Option<&'a str> {
        slice_str(self.texts, row.text_start, row.text_len)
    }

    pub fn label(&self, row: &Row) -> Option<&'a str> {
        slice_str(self.labels, row.label_start, u32::from(row.label_len))
    }
}

fn slice_str(bytes: &[u8], start: u32, len: u32) -> Option<&str> {
    let start = start as usize;
    std::str::from_utf8(bytes.get(start..start.checked_add(len as usize)?)?).ok()
}
