//! Builds the inverted index of a corpus: the terms (words and filter values) and the stems (per
//! language) with their postings, and the token count of every paragraph.

use super::keys::{self, Field};
use super::postings::{self, Entry, ListKind};
use super::{ALIAS, ParaOrd, pack, unpack};
use crate::analyze::{self, Stemmers};
use crate::model::Document;
use std::collections::HashMap;

/// The built index, ready to be written into a bundle.
pub struct Built {
    /// Terms and filter keys, sorted, each with its packed postings offset and frequency
    /// ([`super::pack`]): the terms map.
    pub terms: Vec<(String, u64)>,
    pub postings: Vec<u8>,
    /// Stem keys ([`keys::stem`]), sorted, with their postings (no positions).
    pub stems: Vec<(String, u64)>,
    pub stem_postings: Vec<u8>,
    /// Tokens per paragraph, by ordinal.
    pub lengths: Vec<u32>,
}

#[derive(Default)]
struct Lists(HashMap<String, Vec<Entry>>);

impl Lists {
    fn add(&mut self, key: &str, ord: ParaOrd, tokens: u32, pos: Option<u32>) {
        let list = match self.0.get_mut(key) {
            Some(l) => l,
            None => self.0.entry(key.to_owned()).or_default(),
        };
        if list.last().is_none_or(|e| e.ord != ord) {
            list.push(Entry { ord, tokens, positions: Vec::new() });
        }
        if let Some(p) = pos {
            list.last_mut().expect("pushed above").positions.push(p);
        }
    }

    /// The sorted keys with their packed values, and the postings bytes. A key for which
    /// `alias` gives a value takes it and writes no list.
    fn finish(
        self,
        kind: impl Fn(&str) -> ListKind,
        alias: impl Fn(&str) -> Option<u64>,
    ) -> (Vec<(String, u64)>, Vec<u8>) {
        let mut bytes = Vec::new();
        let mut lists: Vec<(String, Vec<Entry>)> = self.0.into_iter().collect();
        lists.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let keys = lists
            .into_iter()
            .map(|(key, entries)| {
                let df = u32::try_from(entries.len()).unwrap_or(u32::MAX);
                if let Some(word) = alias(&key) {
                    return (key, ALIAS | pack(unpack(word).0 as u64, df));
                }
                let at = postings::write(&mut bytes, &entries, kind(&key));
                (key, pack(at, df))
            })
            .collect();
        (keys, bytes)
    }
}

/// Indexes every paragraph of `docs`, in order.
pub fn build(docs: &[Document]) -> Built {
    let stemmers = Stemmers::default();
    let mut words = Lists::default();
    let mut stems = Lists::default();
    let mut lengths = Vec::new();
    let mut ord: ParaOrd = 0;
    // Stemming is the slowest step; each language repeats the same words many times over.
    let mut stem_keys: HashMap<String, HashMap<String, Option<String>>> = HashMap::new();
    for (d, doc) in docs.iter().enumerate() {
        // A document's filters list the document, once (`ListKind::Documents`).
        for key in document_filters(doc) {
            words.add(&key, d as ParaOrd, 0, None);
        }
        let lang = doc.lang.as_str();
        let cache = stem_keys.entry(lang.to_owned()).or_default();
        for p in &doc.paragraphs {
            let tokens = analyze::tokens(&p.text);
            let len = u32::try_from(tokens.len()).unwrap_or(u32::MAX);
            lengths.push(len);
            for t in &tokens {
                words.add(&t.term, ord, len, Some(t.pos));
                if !cache.contains_key(&t.term) {
                    let key = stemmers.stem(lang, &t.term).map(|s| keys::stem(lang, &s));
                    cache.insert(t.term.clone(), key);
                }
                if let Some(Some(k)) = cache.get(&t.term) {
                    stems.add(k, ord, len, Some(0));
                }
            }
            for key in paragraph_filters(p) {
                words.add(&key, ord, len, None);
            }
            ord += 1;
        }
    }
    let (terms, postings) = words.finish(|k| keys::list_kind(k.as_bytes()), |_| None);
    // A stem with one form in its language has that word's list, restricted to the language:
    // it points there (read with `Bundle::stem_postings`) instead of repeating it.
    let mut forms: HashMap<&str, Vec<&str>> = HashMap::new();
    for words in stem_keys.values() {
        for (word, key) in words {
            if let Some(key) = key {
                forms.entry(key.as_str()).or_default().push(word.as_str());
            }
        }
    }
    let alias = |key: &str| match forms.get(key).map(Vec::as_slice) {
        Some([word]) => terms.binary_search_by(|(k, _)| k.as_str().cmp(word)).ok().map(|i| terms[i].1),
        _ => None,
    };
    let (stems, stem_postings) = stems.finish(|_| ListKind::Stems, alias);
    Built { terms, postings, stems, stem_postings, lengths }
}

/// The filter keys every paragraph of a document carries.
fn document_filters(doc: &Document) -> Vec<String> {
    let mut out = vec![keys::filter(Field::Lang, &Field::Lang.stored(doc.lang.as_str()))];
    out.extend(keys::symbol_filters(Field::Doc, doc.doc.as_str()));
    if let Some(year) = doc.meta.date.as_deref().and_then(|d| d.get(..4)) {
        out.push(keys::filter(Field::Year, &Field::Year.stored(year)));
    }
    out.extend(doc.meta.subjects.iter().map(|s| keys::filter(Field::Subject, &Field::Subject.stored(s))));
    out.extend(doc.meta.sdgs.iter().map(|s| keys::filter(Field::Sdg, &Field::Sdg.stored(s))));
    out
}

fn paragraph_filters(p: &crate::model::Paragraph) -> impl Iterator<Item = String> + '_ {
    let kind = std::iter::once(keys::filter(Field::Kind, &Field::Kind.stored(p.kind.name())));
    let lead = p.lead.as_deref().map(|l| keys::filter(Field::Lead, &Field::Lead.stored(l)));
    let cites = p.refs.iter().flat_map(|r| keys::symbol_filters(Field::Cites, &r.target));
    kind.chain(lead).chain(cites)
}
