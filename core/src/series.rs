//! The series of a resolution: the earlier resolutions it recalls that carry the same title —
//! how the General Assembly re-adopts a text every session or two (A/RES/71/19 → 75/10 →
//! 77/20 → 79/136). Found from the reference graph and the titles, in any language two
//! versions share; ordered by session and number. No I/O.

use crate::analyze;
use crate::model::{DocId, Document, RefKind};
use std::collections::BTreeSet;

/// The series `doc` belongs to, earliest first, `doc` included; just `doc` when it recalls no
/// earlier resolution of its title (empty when the corpus does not hold it).
pub fn series(docs: &[Document], doc: &DocId) -> Vec<DocId> {
    if !docs.iter().any(|d| &d.doc == doc) {
        return Vec::new();
    }
    let mut found: BTreeSet<DocId> = BTreeSet::from([doc.clone()]);
    let mut queue = vec![doc.clone()];
    while let Some(current) = queue.pop() {
        for earlier in recalled(docs, &current) {
            if same_title(docs, &current, &earlier) && found.insert(earlier.clone()) {
                queue.push(earlier);
            }
        }
    }
    let mut out: Vec<DocId> = found.into_iter().collect();
    out.sort_by_key(|d| (number(d), d.clone()));
    out
}

/// The resolution before `doc` in its series.
pub fn previous(docs: &[Document], doc: &DocId) -> Option<DocId> {
    let s = series(docs, doc);
    let at = s.iter().position(|d| d == doc)?;
    at.checked_sub(1).map(|i| s[i].clone())
}

/// The General Assembly resolutions held in `docs` that some version of `doc` cites.
fn recalled(docs: &[Document], doc: &DocId) -> BTreeSet<DocId> {
    let held = |t: &str| docs.iter().any(|d| d.doc.as_str() == t);
    docs.iter()
        .filter(|d| &d.doc == doc)
        .flat_map(|d| d.paragraphs.iter().flat_map(|p| &p.refs))
        .filter(|r| r.kind == RefKind::GaResolution && r.target != doc.as_str() && held(&r.target))
        .map(|r| DocId(r.target.clone()))
        .collect()
}

/// Whether two documents carry the same title in some language both are held in.
fn same_title(docs: &[Document], a: &DocId, b: &DocId) -> bool {
    let title = |d: &Document| d.meta.title.as_deref().map(|t| analyze::terms(t).join(" "));
    docs.iter().filter(|x| &x.doc == a).any(|x| {
        docs.iter().filter(|y| &y.doc == b && y.lang == x.lang).any(|y| title(x).is_some() && title(x) == title(y))
    })
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
    fn the_default_corpus_holds_71_19_before_79_136() {
        let corpus = crate::default_corpus::load();
        let s = series(&corpus.docs, &DocId("A/RES/79/136".into()));
        assert_eq!(s.first(), Some(&DocId("A/RES/71/19".into())), "{s:?}");
        assert_eq!(s.last(), Some(&DocId("A/RES/79/136".into())));
        assert!(series(&corpus.docs, &DocId("A/RES/1/1".into())).is_empty());
        assert_eq!(number(&DocId("A/RES/79/136".into())), (79, 136));
    }
}
