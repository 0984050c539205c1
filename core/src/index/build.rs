//! Builds the inverted index of a corpus: the terms (words and filter values) and the stems (per
//! language) with their postings, and the token count of every paragraph.

use super::keys::{self, Field};
use super::postings::{ListKind, ListWriter};
use super::{ALIAS, ParaOrd, pack, unpack};
use crate::analyze::{self, Stemmers};
use crate::model::Document;
use std::collections::HashMap;

/// The keys of a finished index; its postings went to the caller as they were encoded.
pub struct Keys {
    /// Terms and filter keys, sorted, each with its packed postings offset and frequency
    /// ([`super::pack`]): the terms map.
    pub terms: Vec<(String, u64)>,
    /// Stem keys ([`keys::stem`]), sorted, with their postings (no positions).
    pub stems: Vec<(String, u64)>,
    /// Tokens per paragraph, by ordinal.
    pub lengths: Vec<u32>,
}

/// Which postings a finishing index hands over: those of the terms map or of the stems map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Terms,
    Stems,
}

/// The lists of one index (words and filters, or stems), encoded as they grow.
#[derive(Default)]
struct Lists(HashMap<String, ListWriter>);

impl Lists {
    fn list(&mut self, key: &str) -> &mut ListWriter {
        if !self.0.contains_key(key) {
            self.0.insert(key.to_owned(), ListWriter::default());
        }
        self.0.get_mut(key).expect("inserted above")
    }

    /// `ord` holds `key` (a filter, or a word or stem `tf` times at `positions`); a second
    /// addition of the same ordinal is ignored.
    fn add(&mut self, key: &str, kind: ListKind, ord: ParaOrd, tokens: u32, tf: u32, positions: &[u32]) {
        let list = self.list(key);
        if list.last() != Some(ord) {
            list.push(kind, ord, tokens, tf, positions);
        }
    }

    /// About how many bytes the lists will take (an alias's list is counted, though it will
    /// not be written).
    fn encoded_len(&self) -> u64 {
        self.0.values().map(|l| l.encoded_len() as u64).sum()
    }

    /// The sorted keys with their packed values; the postings go to `out`, list after list
    /// (the values count from the first byte given). A key for which `alias` gives a value
    /// takes it and writes no list.
    fn finish(
        self,
        kind: impl Fn(&str) -> ListKind,
        alias: impl Fn(&str) -> Option<u64>,
        out: &mut dyn FnMut(&[u8]),
    ) -> Vec<(String, u64)> {
        let mut lists: Vec<(String, ListWriter)> = self.0.into_iter().collect();
        lists.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (mut at, mut buf) = (0u64, Vec::new());
        lists
            .into_iter()
            .map(|(key, list)| {
                let df = list.len();
                if let Some(word) = alias(&key) {
                    return (key, ALIAS | pack(unpack(word).0 as u64, df));
                }
                buf.clear();
                list.finish(&mut buf, kind(&key));
                out(&buf);
                let start = at;
                at += buf.len() as u64;
                (key, pack(start, df))
            })
            .collect()
    }
}

/// The index of the documents added so far, one at a time: what a build holds instead of the
/// documents themselves.
#[derive(Default)]
pub struct Indexer {
    stemmers: Stemmers,
    words: Lists,
    stems: Lists,
    lengths: Vec<u32>,
    docs: u32,
    /// Stemming is the slowest step; each language repeats the same words many times over.
    stem_keys: HashMap<String, HashMap<String, Option<String>>>,
}

impl Indexer {
    /// Indexes the paragraphs of the next document.
    pub fn add(&mut self, doc: &Document) {
        // A document's filters list the document, once (`ListKind::Documents`).
        for key in document_filters(doc) {
            self.words.add(&key, ListKind::Documents, self.docs, 0, 1, &[]);
        }
        self.docs += 1;
        let lang = doc.lang.as_str();
        let cache = self.stem_keys.entry(lang.to_owned()).or_default();
        for p in &doc.paragraphs {
            let ord = self.lengths.len() as ParaOrd;
            let tokens = analyze::tokens(&p.text);
            let len = u32::try_from(tokens.len()).unwrap_or(u32::MAX);
            self.lengths.push(len);
            // The paragraph's words with their positions, and its stems with their counts.
            let mut at: HashMap<&str, Vec<u32>> = HashMap::new();
            for t in &tokens {
                at.entry(t.term.as_str()).or_default().push(t.pos);
            }
            for term in at.keys() {
                if !cache.contains_key(*term) {
                    let key = self.stemmers.stem(lang, term).map(|s| keys::stem(lang, &s));
                    cache.insert((*term).to_owned(), key);
                }
            }
            let kept = kept_positions(&tokens);
            let mut counts: HashMap<&str, u32> = HashMap::new();
            for (term, positions) in &at {
                let tf = positions.len() as u32;
                if keys::is_character(term.as_bytes()) {
                    let kept = kept.get(term).map_or(&[][..], Vec::as_slice);
                    self.words.add(term, ListKind::Characters, ord, len, tf, kept);
                } else {
                    self.words.add(term, ListKind::Words, ord, len, tf, positions);
                }
                if let Some(Some(k)) = cache.get(*term) {
                    *counts.entry(k.as_str()).or_default() += positions.len() as u32;
                }
            }
            for (key, tf) in counts {
                self.stems.add(key, ListKind::Stems, ord, len, tf, &[]);
            }
            for (key, positions) in pairs(&tokens) {
                self.words.add(&key, ListKind::Words, ord, len, positions.len() as u32, &positions);
            }
            for key in paragraph_filters(p) {
                self.words.add(&key, ListKind::Paragraphs, ord, len, 1, &[]);
            }
        }
    }

    /// Tokens per paragraph so far, by ordinal.
    pub fn lengths(&self) -> &[u32] {
        &self.lengths
    }

    /// About how many bytes of postings each map will have.
    pub fn postings_len(&self, which: Which) -> u64 {
        match which {
            Which::Terms => self.words.encoded_len(),
            Which::Stems => self.stems.encoded_len(),
        }
    }

    /// The sorted keys; the postings of each map go to `out` as they are encoded, so that
    /// they need not be held whole.
    pub fn finish(self, out: &mut dyn FnMut(Which, &[u8])) -> Keys {
        let Indexer { words, stems, lengths, stem_keys, .. } = self;
        let terms = words.finish(|k| keys::list_kind(k.as_bytes()), |_| None, &mut |b| out(Which::Terms, b));
        // A stem with one form in its language has that word's list, restricted to the
        // language: it points there (read with `Bundle::stem_postings`) instead of repeating it.
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
        let stems = stems.finish(|_| ListKind::Stems, alias, &mut |b| out(Which::Stems, b));
        Keys { terms, stems, lengths }
    }
}

/// The pairs of ideographs that stand side by side in a paragraph ([`keys::pair`]), each
/// with the positions of its first, ascending.
fn pairs(tokens: &[analyze::Token]) -> Vec<(String, Vec<u32>)> {
    let mut at: HashMap<String, Vec<u32>> = HashMap::new();
    for w in tokens.windows(2) {
        if w[1].pos == w[0].pos + 1 {
            if let Some(key) = keys::pair(&w[0].term, &w[1].term) {
                at.entry(key).or_default().push(w[0].pos);
            }
        }
    }
    at.into_iter().collect()
}

/// The positions a single character's list keeps ([`ListKind::Characters`]): those where it
/// stands next to (one position from) a term that is not a single character. Two characters
/// side by side are read by their pair's list.
fn kept_positions(tokens: &[analyze::Token]) -> HashMap<&str, Vec<u32>> {
    let mut kept: HashMap<&str, Vec<u32>> = HashMap::new();
    let word_at = |i: Option<usize>, pos: u32| {
        i.and_then(|i| tokens.get(i))
            .is_some_and(|t| t.pos.abs_diff(pos) == 1 && !keys::is_character(t.term.as_bytes()))
    };
    for (i, t) in tokens.iter().enumerate() {
        if keys::is_character(t.term.as_bytes()) && (word_at(i.checked_sub(1), t.pos) || word_at(Some(i + 1), t.pos)) {
            kept.entry(t.term.as_str()).or_default().push(t.pos);
        }
    }
    kept
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
