//! A corpus: the documents read from a set of files, the metadata lines attached to them, and
//! the reference graph that joins them both ways.

mod plan;

pub use plan::Plan;

use crate::error::{Error, Result};
use crate::ingest;
use crate::model::{DocId, Document, Lang, ParaId, RefKind, Scope};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub docs: Vec<Document>,
    /// Files left out under [`Duplicates::Skip`]: a second copy of a document version already
    /// read ([`Error::Duplicate`]). The UN's own folders have one: the Russian file named for
    /// A/RES/79/304 holds the text of 79/309.
    pub skipped: Vec<Error>,
}

/// What to do when two files give the same document in the same language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Duplicates {
    /// A build error that names both files (SPEC §2).
    #[default]
    Fail,
    /// Keep the copy whose file is named for its symbol, else the first; record the other.
    Skip,
}

/// Who cites an instrument: a paragraph of a document version, or the document as a whole.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Citing {
    pub doc: DocId,
    pub lang: Lang,
    pub para: Option<ParaId>,
}

/// One instrument cited in the corpus, with everything that cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RefEdge {
    pub target: String,
    pub kind: RefKind,
    pub in_corpus: bool,
    pub cited_by: Vec<Citing>,
}

impl Corpus {
    /// Reads every file; metadata lines attach to the documents whose symbols they name.
    /// Fails on the first unreadable file, and on a `(doc, lang)` given by two files.
    pub fn from_files<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Result<Corpus> {
        Self::from_files_with(files, Duplicates::Fail)
    }

    /// [`Corpus::from_files`] with a choice of what a duplicate document version does.
    pub fn from_files_with<'a>(
        files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
        duplicates: Duplicates,
    ) -> Result<Corpus> {
        let mut plan = Plan::new(duplicates);
        let mut kept: HashMap<usize, Box<Document>> = HashMap::new();
        for (i, (name, bytes)) in files.into_iter().enumerate() {
            if let Some(d) = plan.note(i, ingest::read(name, bytes)?)? {
                kept.insert(i, d);
            }
        }
        let mut docs = Vec::with_capacity(plan.len());
        for file in plan.files() {
            let mut d = *kept.remove(&file).expect("a kept file's document is held");
            plan.attach(&mut d);
            docs.push(d);
        }
        Ok(Corpus { docs, skipped: plan.skipped })
    }

    /// Every language version of a document, in corpus order.
    pub fn versions(&self, doc: &DocId) -> impl Iterator<Item = &Document> + use<'_> {
        let doc = doc.clone();
        self.docs.iter().filter(move |d| d.doc == doc)
    }

    /// The document a user means by `doc`: itself when held, else the one resolution in parts
    /// that it heads (`A/RES/79/93` → `A/RES/79/93 A-B`, as the UN prints the symbol); else
    /// `doc` as given.
    pub fn resolve(&self, doc: DocId) -> DocId {
        if self.holds(doc.as_str()) {
            return doc;
        }
        let head = format!("{} ", doc.as_str());
        let mut parts: Vec<&DocId> =
            self.docs.iter().map(|d| &d.doc).filter(|id| id.as_str().starts_with(&head)).collect();
        parts.dedup();
        match parts.as_slice() {
            [one] => (*one).clone(),
            _ => doc,
        }
    }

    /// A reference to one part of a resolution adopted in parts, as the UN cites it
    /// (`A/RES/79/93 B`, `A/RES/79/93 B#op3`): the document that holds the part, and the
    /// paragraph within it (`b.op3`); other references as [`Corpus::resolve`] gives them. Also
    /// the part's scope, when the reference names one.
    pub fn resolve_part(&self, doc: DocId, para: Option<ParaId>) -> (DocId, Option<ParaId>, Option<Scope>) {
        let part = doc.as_str().rsplit_once(' ').and_then(|(base, letter)| {
            let mut chars = letter.chars();
            let letter = chars.next().filter(|c| c.is_ascii_uppercase() && chars.next().is_none())?;
            let held = self.resolve(DocId(base.to_owned()));
            (held.as_str() != base && !self.holds(doc.as_str())).then_some((held, Scope::Part(letter)))
        });
        match part {
            Some((held, scope)) => {
                let para = para.map(|p| if p.scope().is_some() { p } else { p.within(&scope) });
                (held, para, Some(scope))
            }
            None => (self.resolve(doc), para, None),
        }
    }

    /// A document version: the language asked for, else English, else the first held.
    pub fn find(&self, doc: &DocId, lang: Option<&str>) -> Option<&Document> {
        let mut versions = self.versions(doc);
        if let Some(l) = lang {
            versions.find(|d| d.lang.as_str() == l)
        } else {
            let all: Vec<&Document> = versions.collect();
            all.iter().find(|d| d.lang.as_str() == "en").or(all.first()).copied()
        }
    }

    /// Whether the corpus holds the instrument a reference target names.
    pub fn holds(&self, target: &str) -> bool {
        self.docs.iter().any(|d| d.doc.as_str() == target)
    }

    /// The reference graph: each target once, with all who cite it, sorted by target.
    pub fn graph(&self) -> Vec<RefEdge> {
        let mut edges: BTreeMap<&str, RefEdge> = BTreeMap::new();
        for d in &self.docs {
            for (para, r) in d.all_refs() {
                let edge = edges.entry(&r.target).or_insert_with(|| RefEdge {
                    target: r.target.clone(),
                    kind: r.kind,
                    in_corpus: self.holds(&r.target),
                    cited_by: Vec::new(),
                });
                let citing = Citing { doc: d.doc.clone(), lang: d.lang.clone(), para: para.map(|p| p.id.clone()) };
                if !edge.cited_by.contains(&citing) {
                    edge.cited_by.push(citing);
                }
            }
        }
        edges.into_values().collect()
    }
}

/// A reference as users type it: `A/RES/79/136` or `A/RES/79/136#op21.b` (also `… op21.b`).
/// A symbol may hold a space (`A/RES/79/93 A-B`): after a space, only a paragraph id is one.
pub fn parse_ref(input: &str) -> Result<(DocId, Option<ParaId>)> {
    let bad = |reason: &str| Error::BadRef { input: input.to_owned(), reason: reason.to_owned() };
    let trimmed = input.trim();
    let spaced = trimmed.rsplit_once(' ').filter(|(_, p)| ParaId::parse(p).is_some());
    let (doc, para) = match trimmed.split_once('#').or(spaced) {
        Some((d, p)) => (d.trim(), Some(p.trim())),
        None => (trimmed, None),
    };
    if doc.is_empty() {
        return Err(bad("no document given"));
    }
    let para = match para {
        Some(p) => Some(ParaId::parse(p).ok_or_else(|| bad("the paragraph id should look like pp5, op21 or op21.b"))?),
        None => None,
    };
    Ok((DocId(doc.to_owned()), para))
}

#[cfg(test)]
mod tests {
    use super::{Corpus, parse_ref};
    use crate::model::{DocId, ParaId, Scope};

    /// `A/RES/79/93` names the one resolution in parts it heads, in every language held; a
    /// symbol held, or one that heads nothing, stays as given.
    #[test]
    fn a_symbol_resolves_to_the_resolution_in_parts_it_heads() {
        let text = |lang: &str| {
            format!("A/RES/79/93 A-B\n\n79/93. Information\n\nThe General Assembly,\n\n1. Decides ({lang});\n")
        };
        let other = "A/RES/79/131\n\n79/131. Coffee\n\nThe General Assembly,\n\n1. Decides;\n";
        let (en, fr) = (text("en"), text("fr"));
        let files = [("a.en.txt", en.as_bytes()), ("b.en.txt", other.as_bytes()), ("c.fr.txt", fr.as_bytes())];
        let corpus = Corpus::from_files(files).unwrap();
        let resolve = |s: &str| corpus.resolve(DocId(s.to_owned())).0;
        assert_eq!(resolve("A/RES/79/93"), "A/RES/79/93 A-B");
        assert_eq!(resolve("A/RES/79/131"), "A/RES/79/131");
        assert_eq!(resolve("A/RES/79/9"), "A/RES/79/9");
        let part = |s: &str, p: Option<&str>| {
            let (doc, para, scope) = corpus.resolve_part(DocId(s.to_owned()), p.and_then(ParaId::parse));
            (doc.0, para.map(|p| p.to_string()), scope)
        };
        let b = Some(Scope::Part('B'));
        assert_eq!(part("A/RES/79/93 B", Some("op3")), ("A/RES/79/93 A-B".to_owned(), Some("b.op3".to_owned()), b));
        assert_eq!(part("A/RES/79/93 B", None), ("A/RES/79/93 A-B".to_owned(), None, b));
        assert_eq!(
            part("A/RES/79/93 A-B", Some("b.op3")),
            ("A/RES/79/93 A-B".to_owned(), Some("b.op3".to_owned()), None)
        );
        assert_eq!(part("A/RES/79/131 B", Some("op1")), ("A/RES/79/131 B".to_owned(), Some("op1".to_owned()), None));
    }

    /// A symbol with a space (a resolution in parts) is one document, with or without a
    /// paragraph after it.
    #[test]
    fn a_reference_to_a_symbol_with_a_space() {
        let parsed = |s: &str| parse_ref(s).map(|(d, p)| (d.0, p.map(|p| p.to_string()))).unwrap();
        assert_eq!(parsed("A/RES/79/93 A-B"), ("A/RES/79/93 A-B".to_owned(), None));
        assert_eq!(parsed("A/RES/79/93 A-B#pp3"), ("A/RES/79/93 A-B".to_owned(), Some("pp3".to_owned())));
        assert_eq!(parsed("A/RES/79/93 A-B op1.a"), ("A/RES/79/93 A-B".to_owned(), Some("op1.a".to_owned())));
        assert_eq!(parsed("A/RES/79/136 op21.b"), ("A/RES/79/136".to_owned(), Some("op21.b".to_owned())));
        assert!(parse_ref("A/RES/79/136#x").is_err());
    }
}
