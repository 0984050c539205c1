//! The parts of a loaded bundle: where their bytes come from, each inflated and checked when
//! first read, and what a caller still has to supply.
//!
//! Natively every part is at hand (in memory, in the file, or in the directory of parts) and is
//! read on first use. In the browser the head comes first and the parts later: a read of a part
//! that has not arrived is noted as *missing*, and the caller fetches what
//! [`Store::settle`] lists, [`Store::supply`]s it, and runs its query again.

use super::format::{BundleError, INFLATES, PartEntry, decompress};
use super::pack::Places;
use std::io::{Read, Seek, SeekFrom};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// Where the stored bytes of the parts are.
pub(crate) enum Source {
    /// The whole file in memory; part `i` starts at `offsets[i]`.
    Static(&'static [u8], Vec<u64>),
    Memory(Arc<Vec<u8>>, Vec<u64>),
    /// The file on disk, read part by part.
    File(Mutex<std::fs::File>, Vec<u64>, PathBuf),
    /// A directory of packs (the apart layout).
    Directory(PathBuf, Places),
    /// Nowhere yet: the caller supplies each part, fetched from where `Places` says.
    Supplied(Places),
}

/// What stops an answer: parts that have not arrived, or one that is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pending {
    /// Fetch these parts (indexes into the head's table) and run the query again.
    Missing(Vec<usize>),
    /// A part is corrupt or unreadable: the answer would be wrong.
    Fault(BundleError),
}

impl std::fmt::Display for Pending {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Pending::Missing(parts) => write!(f, "the bundle's parts {parts:?} have not arrived yet"),
            Pending::Fault(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for Pending {}

pub(crate) struct Store {
    entries: Vec<PartEntry>,
    source: Source,
    loaded: Vec<OnceLock<Box<[u8]>>>,
    /// Parts asked for and not at hand, ascending, each once.
    missing: Mutex<Vec<usize>>,
    faults: Mutex<Vec<BundleError>>,
}

impl Store {
    pub fn new(entries: Vec<PartEntry>, source: Source) -> Store {
        let loaded = entries.iter().map(|_| OnceLock::new()).collect();
        Store { entries, source, loaded, missing: Mutex::default(), faults: Mutex::default() }
    }

    /// The offsets of the parts in an inline file whose head ends at `start`, after checking
    /// that the file holds them all.
    pub fn offsets(entries: &[PartEntry], start: usize, file_len: u64) -> Result<Vec<u64>, BundleError> {
        let mut at = start as u64;
        let mut out = Vec::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            out.push(at);
            at += u64::from(e.stored);
            if at > file_len {
                return Err(BundleError::Truncated(format!(
                    "{} ends at byte {at} but the file has {file_len} bytes",
                    describe(e, i)
                )));
            }
        }
        Ok(out)
    }

    pub fn entries(&self) -> &[PartEntry] {
        &self.entries
    }

    /// The pack file holding part `i` and the offset of its first byte there; for a bundle
    /// in one file, `""` and the offset in that file.
    pub fn place(&self, i: usize) -> Option<(&str, u64)> {
        match &self.source {
            Source::Directory(_, places) | Source::Supplied(places) => places.of(i),
            Source::Static(_, offsets) | Source::Memory(_, offsets) | Source::File(_, offsets, _) => {
                offsets.get(i).map(|&at| ("", at))
            }
        }
    }

    /// Part `i` inflated, or `None` (noted as missing or as a fault).
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        let slot = self.loaded.get(i)?;
        if let Some(b) = slot.get() {
            return Some(b);
        }
        // A build that does not inflate is given deflated parts inflated by its host.
        let host_inflates = !INFLATES && self.entries[i].compressed();
        let stored = match self.stored(i) {
            Ok(Some(s)) if !host_inflates => s,
            Ok(_) => {
                let mut missing = self.missing.lock().expect("not poisoned");
                if let Err(at) = missing.binary_search(&i) {
                    missing.insert(at, i);
                }
                return None;
            }
            Err(e) => {
                self.fault(e);
                return None;
            }
        };
        match decode(&self.entries[i], i, &stored) {
            Ok(raw) => Some(slot.get_or_init(|| raw)),
            Err(e) => {
                self.fault(e);
                None
            }
        }
    }

    /// Gives part `i` its stored bytes (as fetched): checked, inflated and kept.
    pub fn supply(&self, i: usize, stored: &[u8]) -> Result<(), BundleError> {
        let entry = self.entries.get(i).ok_or_else(|| BundleError::Head(format!("there is no part {i}")))?;
        let raw = decode(entry, i, stored)?;
        let _ = self.loaded[i].set(raw);
        Ok(())
    }

    /// Gives part `i` its stored bytes and those bytes as the host inflated them: the stored
    /// bytes are checked (length, checksum), the inflated ones measured, and they are kept.
    pub fn supply_inflated(&self, i: usize, stored: &[u8], raw: Vec<u8>) -> Result<(), BundleError> {
        let entry = self.entries.get(i).ok_or_else(|| BundleError::Head(format!("there is no part {i}")))?;
        check_stored(entry, i, stored)?;
        if raw.len() != entry.raw as usize {
            let what = format!("it inflates to {} bytes, {} expected", raw.len(), entry.raw);
            return Err(BundleError::Part { part: describe(entry, i), what });
        }
        let _ = self.loaded[i].set(raw.into_boxed_slice());
        Ok(())
    }

    /// Lets part `i` go: read again, it is read from its source again.
    pub fn forget(&mut self, i: usize) {
        if let Some(slot) = self.loaded.get_mut(i) {
            slot.take();
        }
    }

    /// Whether part `i` has been read.
    pub fn has(&self, i: usize) -> bool {
        self.loaded.get(i).is_some_and(|s| s.get().is_some())
    }

    /// Whether part `i` can be read without a fetch: read already, or its source is at hand.
    pub fn at_hand(&self, i: usize) -> bool {
        self.has(i) || !matches!(self.source, Source::Supplied(_))
    }

    /// What the reads since the last call lacked; clears the record.
    pub fn settle(&self) -> Result<(), Pending> {
        let fault = std::mem::take(&mut *self.faults.lock().expect("not poisoned")).into_iter().next();
        let missing = std::mem::take(&mut *self.missing.lock().expect("not poisoned"));
        if let Some(e) = fault {
            return Err(Pending::Fault(e));
        }
        let missing: Vec<usize> = missing.into_iter().filter(|&i| !self.has(i)).collect();
        if missing.is_empty() { Ok(()) } else { Err(Pending::Missing(missing)) }
    }

    /// Whether a read since the last [`Store::settle`] lacked its part or found it broken, left
    /// noted: what was read so far may not be all there is.
    pub fn unsettled(&self) -> bool {
        let missing = self.missing.lock().expect("not poisoned").iter().any(|&i| !self.has(i));
        missing || !self.faults.lock().expect("not poisoned").is_empty()
    }

    /// The first fault noted since the last [`Store::settle`], left noted.
    pub fn fault_noted(&self) -> Option<BundleError> {
        self.faults.lock().expect("not poisoned").first().cloned()
    }

    /// Notes that part `i` inflated and checked but does not read as its kind.
    pub fn corrupt(&self, i: usize, what: &str) {
        let part = self.entries.get(i).map_or_else(|| format!("part {i}"), |e| describe(e, i));
        self.fault(BundleError::Part { part, what: what.to_owned() });
    }

    fn fault(&self, e: BundleError) {
        self.faults.lock().expect("not poisoned").push(e);
    }

    /// The stored bytes of part `i`, `None` when the caller has to supply them.
    fn stored(&self, i: usize) -> Result<Option<std::borrow::Cow<'_, [u8]>>, BundleError> {
        let e = &self.entries[i];
        let range = |offsets: &[u64]| {
            let start = offsets[i] as usize;
            start..start + e.stored as usize
        };
        let unreadable = |what: String| BundleError::Unreadable { part: describe(e, i), what };
        Ok(Some(match &self.source {
            Source::Static(b, offsets) => b[range(offsets)].into(),
            Source::Memory(b, offsets) => b[range(offsets)].into(),
            Source::File(file, offsets, path) => {
                let mut buf = vec![0; e.stored as usize];
                let mut f = file.lock().expect("not poisoned");
                f.seek(SeekFrom::Start(offsets[i]))
                    .and_then(|_| f.read_exact(&mut buf))
                    .map_err(|err| unreadable(format!("{}: {err}", path.display())))?;
                buf.into()
            }
            Source::Directory(dir, places) => {
                let (name, at) = places.of(i).ok_or_else(|| unreadable("no pack holds it".into()))?;
                let path = dir.join(name);
                let mut buf = vec![0; e.stored as usize];
                std::fs::File::open(&path)
                    .and_then(|mut f| f.seek(SeekFrom::Start(at)).and_then(|_| f.read_exact(&mut buf)))
                    .map_err(|err| unreadable(format!("{}: {err}", path.display())))?;
                buf.into()
            }
            Source::Supplied(_) => return Ok(None),
        }))
    }
}

/// Whether `stored` are part `i`'s bytes as stored: their length and checksum.
fn check_stored(e: &PartEntry, i: usize, stored: &[u8]) -> Result<(), BundleError> {
    let corrupt = |what: String| BundleError::Part { part: describe(e, i), what };
    if stored.len() != e.stored as usize {
        return Err(corrupt(format!("{} bytes arrived, {} expected", stored.len(), e.stored)));
    }
    let crc = crc32fast::hash(stored);
    if crc != e.crc {
        return Err(corrupt(format!("checksum {crc:08x}, expected {:08x}", e.crc)));
    }
    Ok(())
}

/// A part as error messages name it: `postings part 12`.
pub fn describe(e: &PartEntry, i: usize) -> String {
    format!("{} part {i}", e.kind.name())
}

fn decode(e: &PartEntry, i: usize, stored: &[u8]) -> Result<Box<[u8]>, BundleError> {
    let corrupt = |what: String| BundleError::Part { part: describe(e, i), what };
    check_stored(e, i, stored)?;
    if !e.compressed() {
        return Ok(stored.into());
    }
    Ok(decompress(e.kind, stored, e.raw as usize).map_err(corrupt)?.into_boxed_slice())
}
