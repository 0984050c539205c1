//! The series of a resolution: the earlier resolutions it recalls that carry the same title —
//! how the General Assembly re-adopts a text every session or two (A/RES/71/19 → 75/10 →
//! 77/20 → 79/136). Found from the reference graph and the titles, in any language two
//! versions share; ordered by session and number. No I/O.

use crate::analyze;
use crate::bundle::Bundle;
use crate::model::{DocId, Document, RefKind};
use std::collections::BTreeSet;

/// What finding a series asks of a corpus: implemented for documents in memory and for a
/// bundle (which decodes only the versions of the documents in the series).
pub trait Holdings {
    /// Whether the corpus holds `doc` in some language.
    fn holds(&self, doc: &DocId) -> bool;
    /// Each version's language and normalized title.
    fn titles(&self, doc: &DocId) -> Vec<(String, String)>;
    /// The General Assembly resolutions some version of `doc` cites.
    fn cited(&self, doc: &DocId) -> BTreeSet<DocId>;
}

/// The series `doc` belongs to, earliest first, `doc` included; just `doc` when it recalls no
/// earlier resolution of its title (empty when the corpus does not hold it).
pub fn series<H: Holdings + ?Sized>(corpus: &H, doc: &DocId) -> Vec<DocId> {
    if !corpus.holds(doc) {
        return Vec::new();
    }
    let mut found: BTreeSet<DocId> = BTreeSet::from([doc.clone()]);
    let mut queue = vec![doc.clone()];
    while let Some(current) = queue.pop() {
        let titles = corpus.titles(&current);
        for earlier in corpus.cited(&current) {
            let same_title = corpus.titles(&earlier).iter().any(|t| titles.contains(t));
            if earlier != current && corpus.holds(&earlier) && same_title && found.insert(earlier.clone()) {
                queue.push(earlier);
            }
        }
    }
    // By session and number, ties in the symbols' order (the set's): sorted as the engine sorts
    // its keys, as 64-bit integers (each type sorted is a sort the wasm carries).
    let found: Vec<DocId> = found.into_iter().collect();
    let mut keys: Vec<u64> = found.iter().enumerate().map(|(at, d)| key(number(d), at)).collect();
    keys.sort_unstable();
    keys.into_iter().map(|k| found[(k & 0xFF_FFFF) as usize].clone()).collect()
}

/// A series' order as one integer: session (16 bits), number (24 bits), then place (24 bits),
/// each held to its bits (no resolution is numbered past them).
fn key((session, n): (u32, u32), at: usize) -> u64 {
    let held = |v: u64, bits: u32| v.min((1 << bits) - 1);
    held(session.into(), 16) << 48 | held(n.into(), 24) << 24 | held(at as u64, 24)
}

/// The resolution before `doc` in its series.
pub fn previous<H: Holdings + ?Sized>(corpus: &H, doc: &DocId) -> Option<DocId> {
    let s = series(corpus, doc);
    let at = s.iter().position(|d| d == doc)?;
    at.checked_sub(1).map(|i| s[i].clone())
}

/// A title as series compare it: its words as search reads them.
fn normalized(title: &str) -> String {
    analyze::terms(title).join(" ")
}

fn ga_resolutions<'a>(refs: impl Iterator<Item = &'a crate::model::Reference>) -> impl Iterator<Item = DocId> {
    refs.filter(|r| r.kind == RefKind::GaResolution).map(|r| DocId(r.target.clone()))
}

impl Holdings for [Document] {
    fn holds(&self, doc: &DocId) -> bool {
        self.iter().any(|d| &d.doc == doc)
    }

    fn titles(&self, doc: &DocId) -> Vec<(String, String)> {
        let titled = self.iter().filter(|d| &d.doc == doc);
        titled.filter_map(|d| Some((d.lang.0.clone(), normalized(d.meta.title.as_deref()?)))).collect()
    }

    fn cited(&self, doc: &DocId) -> BTreeSet<DocId> {
        let versions = self.iter().filter(|d| &d.doc == doc);
        ga_resolutions(versions.flat_map(|d| d.paragraphs.iter().flat_map(|p| &p.refs))).collect()
    }
}

impl Holdings for Bundle {
    fn holds(&self, doc: &DocId) -> bool {
        self.find_doc(doc, None).is_some()
    }

    fn titles(&self, doc: &DocId) -> Vec<(String, String)> {
        let titled = self.docs().iter().enumerate().filter(|(_, e)| &e.doc == doc);
        titled.filter_map(|(i, e)| Some((e.lang.0.clone(), normalized(&self.title(i)?)))).collect()
    }

    fn cited(&self, doc: &DocId) -> BTreeSet<DocId> {
        let versions = crate::reading::versions(self, doc).into_iter().filter_map(|i| self.document(i).ok());
        // Inserted, not collected: a set collected sorts first, and each type sorted is a sort
        // the wasm builds carry.
        let mut cited = BTreeSet::new();
        for d in versions {
            cited.extend(ga_resolutions(d.paragraphs.iter().flat_map(|p| &p.refs)));
        }
        cited
    }
}

/// Session and number of a resolution symbol (`A/RES/79/136` → (79, 136)), for ordering.
fn number(doc: &DocId) -> (u32, u32) {
    let mut parts = doc.as_str().rsplit('/');
    let n = parts.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let session = parts.next().and_then(|s| s.parse().ok()).unwrap_or(0);
    (session, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_corpus_holds_the_series_from_71_19_to_79_136() {
        let corpus = crate::default_corpus::load();
        let bundle = Bundle::from_vec(crate::bundle::write(&corpus).unwrap()).unwrap();
        let doc = DocId("A/RES/79/136".into());
        let s = series(corpus.docs.as_slice(), &doc);
        let names: Vec<&str> = s.iter().map(DocId::as_str).collect();
        assert_eq!(names, ["A/RES/71/19", "A/RES/75/10", "A/RES/77/20", "A/RES/79/136"]);
        assert_eq!(series(&bundle, &doc), s, "the bundle finds the same series");
        assert_eq!(previous(&bundle, &doc), Some(DocId("A/RES/77/20".into())));
        assert_eq!(previous(&bundle, &DocId("A/RES/71/19".into())), None);
        assert!(series(&bundle, &DocId("A/RES/1/1".into())).is_empty());
        assert_eq!(number(&DocId("A/RES/79/136".into())), (79, 136));
    }
}
