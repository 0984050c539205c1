//! A corpus settled before its documents are held: which file gives each document version, in
//! corpus order, and the metadata lines to attach. A build reads every file once to settle it
//! ([`Plan::note`], dropping each document), then reads the chosen files again, one at a time,
//! into the index ([`Plan::files`], [`Plan::complete`]): it never holds the corpus.
//! [`Corpus::from_files_with`](super::Corpus::from_files_with) keeps the documents instead,
//! under the same rules.

use super::Duplicates;
use crate::error::{Error, Result};
use crate::ingest::{Source, extract::Extract};
use crate::model::{DocId, Document, Lang};
use std::collections::HashMap;

/// The files of a corpus, settled.
#[derive(Debug, Default)]
pub struct Plan {
    duplicates: Duplicates,
    index: HashMap<(DocId, Lang), usize>,
    /// Each version kept, in corpus order.
    slots: Vec<Slot>,
    extracts: Vec<Extract>,
    by_symbol: HashMap<String, Vec<usize>>,
    /// Files left out under [`Duplicates::Skip`] ([`Error::Duplicate`]).
    pub skipped: Vec<Error>,
}

/// The version a slot holds and the file that gives it.
#[derive(Debug)]
struct Slot {
    file: usize,
    doc: DocId,
    lang: Lang,
    source: String,
    /// Bytes of paragraph text.
    text: u64,
}

impl Slot {
    /// Whether its file is named for its symbol (`A_RES_79_309-….xml`): of two copies, the one
    /// to keep.
    fn named_for(&self) -> bool {
        self.source.contains(&self.doc.as_str().replace('/', "_"))
    }
}

impl Plan {
    pub fn new(duplicates: Duplicates) -> Plan {
        Plan { duplicates, ..Plan::default() }
    }

    /// Notes what file number `file` (in the order files are read) gave. A document that takes
    /// a slot — a new version, or a better-named copy of one — is handed back; a second copy
    /// is recorded in `skipped`, or is an error under [`Duplicates::Fail`].
    pub fn note(&mut self, file: usize, source: Source) -> Result<Option<Box<Document>>> {
        let d = match source {
            Source::Document(d) => d,
            Source::Metadata(lines) => {
                for e in lines {
                    self.by_symbol.entry(e.symbol.clone()).or_default().push(self.extracts.len());
                    self.extracts.push(e);
                }
                return Ok(None);
            }
        };
        let slot =
            Slot { file, doc: d.doc.clone(), lang: d.lang.clone(), source: d.source.clone(), text: d.text_len() };
        let key = (slot.doc.clone(), slot.lang.clone());
        let Some(&i) = self.index.get(&key) else {
            self.index.insert(key, self.slots.len());
            self.slots.push(slot);
            return Ok(Some(d));
        };
        let replace = !self.slots[i].named_for() && slot.named_for();
        let dropped = if replace { std::mem::replace(&mut self.slots[i], slot) } else { slot };
        let kept = &self.slots[i];
        let e = Error::Duplicate {
            doc: kept.doc.0.clone(),
            lang: kept.lang.0.clone(),
            first: kept.source.clone(),
            second: dropped.source,
        };
        if self.duplicates == Duplicates::Fail {
            return Err(e);
        }
        self.skipped.push(e);
        Ok(replace.then_some(d))
    }

    /// The files of the versions kept, in corpus order.
    pub fn files(&self) -> impl Iterator<Item = usize> + '_ {
        self.slots.iter().map(|s| s.file)
    }

    /// Bytes of paragraph text in the versions kept (what sizes a bundle's blocks).
    pub fn text_len(&self) -> u64 {
        self.slots.iter().map(|s| s.text).sum()
    }

    /// How many versions the corpus holds.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// Slot `n`'s document, read again from its file, checked to be the version noted (a file
    /// changed between the readings is an error) and given its metadata lines.
    pub fn complete(&self, n: usize, source: Source) -> Result<Document> {
        let slot = &self.slots[n];
        let Source::Document(d) = source else {
            return Err(Error::Changed { file: slot.source.clone() });
        };
        let mut d = *d;
        if d.doc != slot.doc || d.lang != slot.lang || d.source != slot.source {
            return Err(Error::Changed { file: slot.source.clone() });
        }
        self.attach(&mut d);
        Ok(d)
    }

    /// Attaches the metadata lines that name `d`'s symbol, in the order they were read.
    pub(super) fn attach(&self, d: &mut Document) {
        for &e in self.by_symbol.get(d.doc.as_str()).into_iter().flatten() {
            self.extracts[e].apply(&mut d.meta);
            if d.refs.is_empty() {
                d.refs = d.meta.draft.as_deref().map(crate::refs::from_draft).unwrap_or_default();
            }
        }
    }
}
