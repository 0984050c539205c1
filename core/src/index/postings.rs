//! Postings lists: for one term, the paragraphs that hold it, how often, and (optionally) at
//! which positions.
//!
//! Layout: `n`, then `n` pairs (ordinal delta, term frequency), then the byte length of the
//! positions block and the block: for each paragraph, its `tf` positions as deltas. All
//! varints. Reading the paragraphs never touches the positions.

use super::{ParaOrd, varint};

/// One paragraph's entry while building.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub ord: ParaOrd,
    pub positions: Vec<u32>,
}

/// Appends the postings of `entries` (ordinals ascending) to `out`; returns where they start.
pub fn write(out: &mut Vec<u8>, entries: &[Entry], with_positions: bool) -> u64 {
    let start = out.len() as u64;
    varint::put(out, entries.len() as u64);
    let mut last = 0;
    for e in entries {
        varint::put(out, u64::from(e.ord - last));
        varint::put(out, e.positions.len() as u64);
        last = e.ord;
    }
    let mut block = Vec::new();
    if with_positions {
        for e in entries {
            let mut prev = 0;
            for &p in &e.positions {
                varint::put(&mut block, u64::from(p - prev));
                prev = p;
            }
        }
    }
    varint::put(out, block.len() as u64);
    out.extend_from_slice(&block);
    start
}

/// The postings of one term, read in place.
#[derive(Debug, Clone)]
pub struct Postings<'a> {
    /// (ordinal, term frequency), ordinals ascending.
    pub entries: Vec<(ParaOrd, u32)>,
    positions: &'a [u8],
}

/// Postings that do not decode: the bundle is corrupt (its checksum should have said so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrupt;

impl<'a> Postings<'a> {
    /// Reads the postings at `offset` of `bytes`.
    pub fn read(bytes: &'a [u8], offset: usize) -> Result<Postings<'a>, Corrupt> {
        let mut at = offset;
        let n = varint::get(bytes, &mut at).ok_or(Corrupt)?;
        let n = usize::try_from(n).map_err(|_| Corrupt)?;
        if n > bytes.len() {
            return Err(Corrupt);
        }
        let mut entries = Vec::with_capacity(n);
        let mut ord: u64 = 0;
        for _ in 0..n {
            ord += varint::get(bytes, &mut at).ok_or(Corrupt)?;
            let tf = varint::get(bytes, &mut at).ok_or(Corrupt)?;
            entries.push((ParaOrd::try_from(ord).map_err(|_| Corrupt)?, u32::try_from(tf).map_err(|_| Corrupt)?));
        }
        let len = usize::try_from(varint::get(bytes, &mut at).ok_or(Corrupt)?).map_err(|_| Corrupt)?;
        let positions = bytes.get(at..at.checked_add(len).ok_or(Corrupt)?).ok_or(Corrupt)?;
        Ok(Postings { entries, positions })
    }

    /// The positions in the paragraphs `wanted` (sorted ordinals, all present in the list),
    /// in the order of `wanted`; the others are skipped without being kept.
    pub fn positions_for(&self, wanted: &[ParaOrd]) -> Result<Vec<Vec<u32>>, Corrupt> {
        let mut at = 0;
        let mut out = Vec::with_capacity(wanted.len());
        let mut next = wanted.iter().peekable();
        for &(ord, tf) in &self.entries {
            let Some(&&w) = next.peek() else { break };
            let keep = w == ord;
            let mut prev = 0u32;
            let mut ps = Vec::new();
            for _ in 0..tf {
                let d = varint::get(self.positions, &mut at).ok_or(Corrupt)?;
                if keep {
                    prev = prev.checked_add(u32::try_from(d).map_err(|_| Corrupt)?).ok_or(Corrupt)?;
                    ps.push(prev);
                }
            }
            if keep {
                out.push(ps);
                next.next();
            }
        }
        if out.len() == wanted.len() { Ok(out) } else { Err(Corrupt) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let entries = vec![
            Entry { ord: 3, positions: vec![0, 7, 8] },
            Entry { ord: 4, positions: vec![2] },
            Entry { ord: 900, positions: vec![100, 5000] },
        ];
        let mut buf = vec![0xAA];
        let at = write(&mut buf, &entries, true) as usize;
        let p = Postings::read(&buf, at).unwrap();
        assert_eq!(p.entries, [(3, 3), (4, 1), (900, 2)]);
        assert_eq!(p.positions_for(&[3, 4, 900]).unwrap(), [vec![0, 7, 8], vec![2], vec![100, 5000]]);
        assert_eq!(p.positions_for(&[3, 900]).unwrap(), [vec![0, 7, 8], vec![100, 5000]]);
        for cut in 1..buf.len() {
            if let Ok(p) = Postings::read(&buf[..cut], at) {
                panic!("a truncated list read as {p:?}");
            }
        }
    }
}
