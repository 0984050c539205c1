//! The packs of the apart layout: parts written one after another into files of about
//! [`Sizes::pack`](super::Sizes) bytes, and where each part lies in them.
//!
//! A static host then serves a few files, not one per part (hosts cap the count: 20,000 on
//! Cloudflare Pages), and a reader still fetches one part at a time: by an HTTP range request,
//! or, natively, by a seek into the pack.

use super::format::{BundleError, Pack, PartEntry};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where part `i` of the table is: in which file, from which byte.
#[derive(Debug, Clone, Default)]
pub(crate) struct Places {
    names: Vec<String>,
    /// Pack index and offset of each part.
    at: Vec<(u32, u64)>,
}

impl Places {
    /// The places of `parts` in `packs`, after checking that the packs hold every part once.
    pub fn new(parts: &[PartEntry], packs: &[Pack]) -> Result<Places, BundleError> {
        if packs.is_empty() && !parts.is_empty() {
            return Err(BundleError::Head(
                "the head lists no packs for its parts (made by an earlier Resolex? build it again with `resolex build --apart`)"
                    .into(),
            ));
        }
        let held: u64 = packs.iter().map(|p| u64::from(p.parts)).sum();
        if held != parts.len() as u64 {
            return Err(BundleError::Head(format!("its packs hold {held} parts, its table lists {}", parts.len())));
        }
        let mut at = Vec::with_capacity(parts.len());
        let mut entries = parts.iter();
        for (p, pack) in packs.iter().enumerate() {
            let mut offset = 0u64;
            for e in entries.by_ref().take(pack.parts as usize) {
                at.push((p as u32, offset));
                offset += u64::from(e.stored);
            }
        }
        let names = packs.iter().enumerate().map(|(i, p)| p.file_name(i)).collect();
        Ok(Places { names, at })
    }

    /// The file holding part `i` and the offset of its first byte there.
    pub fn of(&self, i: usize) -> Option<(&str, u64)> {
        let &(pack, offset) = self.at.get(i)?;
        Some((&self.names[pack as usize], offset))
    }
}

/// The pack lengths for parts of `stored` bytes: a pack closes with the part that brings it to
/// `size` bytes.
pub fn cut(stored: impl IntoIterator<Item = u32>, size: usize) -> Vec<u32> {
    let mut counts = Vec::new();
    let (mut parts, mut bytes) = (0u32, 0usize);
    for len in stored {
        parts += 1;
        bytes += len as usize;
        if bytes >= size {
            counts.push(parts);
            (parts, bytes) = (0, 0);
        }
    }
    if parts > 0 {
        counts.push(parts);
    }
    counts
}

/// The packs of parts held in memory, each with its file name and bytes.
pub fn packs_of(stored: &[Vec<u8>], size: usize) -> Vec<(Pack, Vec<u8>)> {
    let mut rest = stored;
    let counts = cut(stored.iter().map(|s| s.len() as u32), size);
    counts
        .into_iter()
        .map(|n| {
            let (these, after) = rest.split_at(n as usize);
            rest = after;
            let bytes = these.concat();
            (Pack { parts: n, crc: Pack::crc_of(these.iter().map(|p| crc32fast::hash(p))) }, bytes)
        })
        .collect()
}

/// Writes stored parts into packs in a directory as they come: each pack is written under a
/// temporary name and renamed to its content's name once it closes.
pub(crate) struct PackWriter {
    dir: PathBuf,
    size: usize,
    open: Option<Open>,
    packs: Vec<Pack>,
}

struct Open {
    file: std::io::BufWriter<std::fs::File>,
    path: PathBuf,
    /// Over its parts' checksums so far, as [`Pack::crc_of`] names a pack.
    crc: crc32fast::Hasher,
    parts: u32,
    bytes: usize,
}

impl PackWriter {
    pub fn new(dir: &Path, size: usize) -> PackWriter {
        PackWriter { dir: dir.to_owned(), size, open: None, packs: Vec::new() }
    }

    /// Appends the next part; an error says which file could not take it.
    pub fn put(&mut self, stored: &[u8]) -> Result<(), String> {
        let open = match &mut self.open {
            Some(open) => open,
            None => self.open.insert(self.start()?),
        };
        open.file.write_all(stored).map_err(|e| format!("{}: {e}", open.path.display()))?;
        open.crc.update(&crc32fast::hash(stored).to_le_bytes());
        open.parts += 1;
        open.bytes += stored.len();
        if open.bytes >= self.size {
            self.close()?;
        }
        Ok(())
    }

    /// Closes the last pack: every pack, in order.
    pub fn finish(mut self) -> Result<Vec<Pack>, String> {
        self.close()?;
        Ok(self.packs)
    }

    fn start(&self) -> Result<Open, String> {
        let path = self.dir.join(format!("{:04}.partial", self.packs.len()));
        let file = std::fs::File::create(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Open { file: std::io::BufWriter::new(file), path, crc: crc32fast::Hasher::new(), parts: 0, bytes: 0 })
    }

    fn close(&mut self) -> Result<(), String> {
        let Some(open) = self.open.take() else { return Ok(()) };
        let fail = |e: std::io::Error| format!("{}: {e}", open.path.display());
        open.file.into_inner().map_err(|e| fail(e.into_error()))?;
        let pack = Pack { parts: open.parts, crc: open.crc.finalize() };
        let name = self.dir.join(pack.file_name(self.packs.len()));
        std::fs::rename(&open.path, &name).map_err(fail)?;
        self.packs.push(pack);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_closes_with_the_part_that_fills_it() {
        assert_eq!(cut([4, 4, 4, 4, 4], 8), vec![2, 2, 1]);
        assert_eq!(cut([9, 1, 7, 1], 8), vec![1, 2, 1]);
        assert_eq!(cut([], 8), Vec::<u32>::new());
    }

    #[test]
    fn packs_in_memory_hold_each_part_where_places_say() {
        let stored: Vec<Vec<u8>> = (0..7u8).map(|i| vec![i; 3 + i as usize]).collect();
        let entries: Vec<PartEntry> = stored
            .iter()
            .map(|s| PartEntry { kind: super::super::PartKind::Block, stored: s.len() as u32, raw: 0, crc: 0 })
            .collect();
        let packs = packs_of(&stored, 10);
        let heads: Vec<Pack> = packs.iter().map(|p| p.0).collect();
        let places = Places::new(&entries, &heads).unwrap();
        for (i, s) in stored.iter().enumerate() {
            let (name, at) = places.of(i).unwrap();
            let (_, (_, bytes)) = packs.iter().enumerate().find(|(p, pack)| pack.0.file_name(*p) == name).unwrap();
            assert_eq!(&bytes[at as usize..at as usize + s.len()], s.as_slice(), "part {i}");
        }
        let short = &heads[..heads.len() - 1];
        assert!(Places::new(&entries, short).unwrap_err().to_string().contains("packs hold"));
        assert!(Places::new(&entries, &[]).unwrap_err().to_string().contains("no packs"));
    }
}
