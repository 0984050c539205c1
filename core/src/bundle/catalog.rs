//! The catalog, in the bundle's head: what the bundle holds, document by document, without the
//! paragraphs.
//!
//! Every visitor loads the head, so the catalog is stored by columns (one array per field,
//! which deflate packs far better than one object per document), and what follows from the
//! order is not stored: a document's first paragraph and where its title starts are the sums of
//! the counts and title lengths before it.

use super::bytes::{Reader, Writer};
use crate::model::{DocId, DocKind, Lang};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub paragraphs: u32,
    /// Mean tokens per paragraph, for BM25.
    pub mean_length: f32,
    pub docs: Vec<DocEntry>,
}

/// One document version in the bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct DocEntry {
    pub doc: DocId,
    pub lang: Lang,
    pub kind: DocKind,
    /// Where its title is in the titles pages (`start`, `length` in bytes): read it with
    /// `Bundle::title`, which fetches only the page that holds it.
    pub title: Option<[u64; 2]>,
    /// ISO 8601.
    pub date: Option<String>,
    /// Ordinal of its first paragraph; its paragraphs are `first..first + count`.
    pub first: u32,
    pub count: u32,
    /// Paragraphs by kind name.
    pub counts: BTreeMap<String, u32>,
}

impl DocEntry {
    pub fn year(&self) -> Option<&str> {
        self.date.as_deref().and_then(|d| d.get(..4))
    }
}

impl Catalog {
    /// The catalog by columns: the paragraph count, the mean length's bits, then per field
    /// every document's value (symbol, language, kind, title length + 1 or 0, date, paragraph
    /// count, its counts by kind as indexes into the table of kind names that precedes them).
    pub fn write(&self, w: &mut Writer) {
        w.num(u64::from(self.paragraphs));
        w.u32_le(self.mean_length.to_bits());
        let docs = &self.docs;
        w.count(docs.len());
        w.each(docs, |w, d| w.str(&d.doc.0));
        w.each(docs, |w, d| w.str(d.lang.as_str()));
        w.each(docs, |w, d| w.num(kind_code(d.kind)));
        w.each(docs, |w, d| w.num(d.title.map_or(0, |[_, len]| len.saturating_add(1))));
        w.each(docs, |w, d| w.opt_str(d.date.as_deref()));
        w.each(docs, |w, d| w.num(u64::from(d.count)));
        let mut names: Vec<&str> = docs.iter().flat_map(|d| d.counts.keys().map(String::as_str)).collect();
        names.sort_unstable();
        names.dedup();
        w.list(&names, |w, n| w.str(n));
        for d in docs {
            w.list(&d.counts.iter().collect::<Vec<_>>(), |w, (name, n)| {
                w.count(names.binary_search(&name.as_str()).unwrap_or_default());
                w.num(u64::from(**n));
            });
        }
    }

    /// The catalog [`Catalog::write`] wrote; each document's first paragraph and title start
    /// are the sums before it.
    pub fn read(r: &mut Reader) -> Result<Catalog, String> {
        let paragraphs = r.u32("the catalog's paragraph count")?;
        let mean_length = f32::from_bits(r.u32_le("the catalog's mean length")?);
        let n = r.count("the catalog's documents")?;
        let column = |r: &mut Reader, what: &str, each: &dyn Fn(&mut Reader) -> Result<String, String>| {
            (0..n).map(|_| each(r)).collect::<Result<Vec<String>, String>>().map_err(|e| format!("{what}: {e}"))
        };
        let symbols = column(r, "symbols", &|r| r.str("a symbol"))?;
        let langs = column(r, "languages", &|r| r.str("a language"))?;
        let kinds = (0..n).map(|_| kind_of(r.num("a kind")?)).collect::<Result<Vec<_>, _>>()?;
        let titles = (0..n).map(|_| r.num("a title length")).collect::<Result<Vec<_>, _>>()?;
        let dates = (0..n).map(|_| r.opt_str("a date")).collect::<Result<Vec<_>, _>>()?;
        let counts = r.nums(n, "a paragraph count")?;
        let names = r.list("the kind names", |r| r.str("a kind name"))?;
        let (mut first, mut title_at) = (0u32, 0u64);
        let mut docs = Vec::with_capacity(n);
        let columns = symbols.into_iter().zip(langs).zip(kinds).zip(titles).zip(dates).zip(counts);
        for (((((symbol, lang), kind), title), date), count) in columns {
            let by_kind = r.list("counts by kind", |r| {
                let name = names.get(r.count("a kind name's index")?).ok_or("a kind name's index is past the table")?;
                Ok((name.clone(), r.u32("a count by kind")?))
            })?;
            let title = title.checked_sub(1).map(|len| {
                let at = title_at;
                title_at = title_at.saturating_add(len);
                [at, len]
            });
            // Inserted in the order written (sorted), not collected: a map collected sorts
            // first, and each type sorted is a sort the wasm builds carry.
            let mut counts = BTreeMap::new();
            counts.extend(by_kind);
            let (doc, lang) = (DocId(symbol), Lang(lang));
            docs.push(DocEntry { doc, lang, kind, title, date, first, count, counts });
            first = first.checked_add(count).ok_or("the catalog counts more than 2³² paragraphs")?;
        }
        Ok(Catalog { paragraphs, mean_length, docs })
    }
}

pub(super) fn kind_code(kind: DocKind) -> u64 {
    match kind {
        DocKind::Resolution => 0,
        DocKind::Declaration => 1,
        DocKind::Page => 2,
    }
}

pub(super) fn kind_of(code: u64) -> Result<DocKind, String> {
    match code {
        0 => Ok(DocKind::Resolution),
        1 => Ok(DocKind::Declaration),
        2 => Ok(DocKind::Page),
        n => Err(format!("unknown document kind {n}")),
    }
}

/// The languages a bundle holds, sorted, and each paragraph's: keeping a word's postings in one
/// language for its stem then compares no strings.
#[derive(Debug, Clone, Default)]
pub struct LangTable {
    pub langs: Vec<String>,
    /// By paragraph ordinal: its document's language index (`u16::MAX` outside any document).
    pub of_ord: Vec<u16>,
}

impl LangTable {
    /// The table of `docs`, which hold `paragraphs` paragraphs in all (the catalog's count: a
    /// document's range past it is left out).
    pub fn new(docs: &[DocEntry], paragraphs: u32) -> LangTable {
        let langs: Vec<String> =
            distinct(docs.iter().map(|d| d.lang.as_str())).into_iter().map(str::to_owned).collect();
        let mut of_ord = vec![u16::MAX; paragraphs as usize];
        for d in docs {
            let lang = langs.binary_search_by(|l| l.as_str().cmp(d.lang.as_str())).map_or(u16::MAX, |i| i as u16);
            let end = d.first.saturating_add(d.count).min(paragraphs);
            if let Some(ords) = of_ord.get_mut(d.first as usize..end as usize) {
                ords.fill(lang);
            }
        }
        LangTable { langs, of_ord }
    }
}

/// Each document's facet values (symbol, language, year) as indexes into sorted tables of the
/// distinct values: counting facets over thousands of matches then compares no strings. Only
/// facets read them (the widget, which shows none, never makes them).
#[derive(Debug, Clone, Default)]
pub struct FacetTables {
    /// Shared whole with the facets that name their counts by them.
    pub symbols: Arc<Vec<Arc<str>>>,
    pub years: Arc<Vec<Arc<str>>>,
    /// By document: its symbol's index, its language's in the [`LangTable`], and its year's
    /// (`u32::MAX` when it has no date).
    pub of: Vec<[u32; 3]>,
}

impl FacetTables {
    /// The tables of `docs`, whose languages `langs` holds.
    pub fn new(docs: &[DocEntry], langs: &LangTable) -> FacetTables {
        let shared = |t: BTreeSet<&str>| Arc::new(t.into_iter().map(Arc::from).collect::<Vec<Arc<str>>>());
        let symbols = shared(distinct(docs.iter().map(|d| d.doc.0.as_str())));
        let years = shared(distinct(docs.iter().filter_map(DocEntry::year)));
        let index = |t: &[Arc<str>], v: &str| t.binary_search_by(|x| (**x).cmp(v)).map_or(u32::MAX, |i| i as u32);
        let lang = |v: &str| langs.langs.binary_search_by(|x| x.as_str().cmp(v)).map_or(u32::MAX, |i| i as u32);
        let of = docs
            .iter()
            .map(|d| {
                let year = d.year().map_or(u32::MAX, |y| index(&years, y));
                [index(&symbols, &d.doc.0), lang(d.lang.as_str()), year]
            })
            .collect();
        FacetTables { symbols, years, of }
    }
}

/// The distinct `values`, sorted (by insertion into a set: no sort compiled for strings; see
/// `search::order`).
fn distinct<'a>(values: impl Iterator<Item = &'a str>) -> BTreeSet<&'a str> {
    let mut t = BTreeSet::new();
    for v in values {
        t.insert(v);
    }
    t
}

/// Each of `names`' rank among the distinct names, in the order of the names (names alike
/// share one): what orders the leads of facets.
pub(crate) fn ranks_by_name(names: &[&str]) -> Vec<u32> {
    let distinct: Vec<&str> = distinct(names.iter().copied()).into_iter().collect();
    names.iter().map(|name| distinct.binary_search(name).map_or(u32::MAX, |r| r as u32)).collect()
}
