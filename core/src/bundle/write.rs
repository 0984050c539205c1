//! Writes a corpus as a bundle.

use super::catalog::{Catalog, DocEntry};
use super::format::{self, BundleError, Section};
use super::paras::Row;
use crate::corpus::Corpus;
use crate::index::{build, keys};
use crate::model::ParaKind;
use std::collections::{BTreeMap, HashMap};

/// The bundle of `corpus`, in the current format.
pub fn write(corpus: &Corpus) -> Result<Vec<u8>, BundleError> {
    let index = build::build(&corpus.docs);
    let mut texts = Vec::new();
    let mut labels = Vec::new();
    let mut blobs = Vec::new();
    let mut rows = Vec::new();
    let mut entries = Vec::new();
    let mut leads: Vec<String> = Vec::new();
    let mut lead_ids: HashMap<String, u16> = HashMap::new();
    let mut para_ids = BTreeMap::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        let first = rows.len() as u32;
        let mut counts: BTreeMap<String, u32> = BTreeMap::new();
        for p in &doc.paragraphs {
            *counts.entry(p.kind.name().to_owned()).or_default() += 1;
            let lead = p.lead.as_ref().map_or(Row::NO_LEAD, |l| {
                *lead_ids.entry(l.clone()).or_insert_with(|| {
                    leads.push(l.clone());
                    u16::try_from(leads.len() - 1).unwrap_or(Row::NO_LEAD)
                })
            });
            let label = keys::label(p.id.as_str(), p.num.as_deref());
            let ord = rows.len() as u32;
            para_ids.insert(keys::para(doc.doc.as_str(), doc.lang.as_str(), p.id.as_str()), u64::from(ord));
            rows.push(Row {
                text_start: fit(texts.len(), "texts")?,
                text_len: fit(p.text.len(), "a paragraph")?,
                label_start: fit(labels.len(), "labels")?,
                doc: d as u32,
                tokens: index.lengths[ord as usize],
                lead,
                kind: kind_code(p.kind),
                label_len: u8::try_from(label.len()).map_err(|_| too_large("a paragraph label"))?,
            });
            texts.extend_from_slice(p.text.as_bytes());
            labels.extend_from_slice(label.as_bytes());
        }
        let mut shell = doc.clone();
        shell.paragraphs.iter_mut().for_each(|p| p.text.clear());
        let start = blobs.len() as u64;
        serde_json::to_writer(&mut blobs, &shell).expect("a document serializes");
        entries.push(DocEntry {
            doc: doc.doc.clone(),
            lang: doc.lang.clone(),
            kind: doc.kind,
            title: doc.meta.title.clone(),
            date: doc.meta.date.clone(),
            first,
            count: rows.len() as u32 - first,
            counts,
            blob: [start, blobs.len() as u64],
        });
    }
    let total: u64 = index.lengths.iter().map(|&l| u64::from(l)).sum();
    let mean_length = if rows.is_empty() { 0.0 } else { total as f32 / rows.len() as f32 };
    let catalog = Catalog { paragraphs: rows.len() as u32, mean_length, docs: entries, leads };
    let mut ids = fst::MapBuilder::memory();
    ids.extend_iter(para_ids).map_err(|e| BundleError::Corrupt { section: "paragraph ids", what: e.to_string() })?;
    Ok(format::write(&[
        (Section::Catalog, serde_json::to_vec(&catalog).expect("the catalog serializes")),
        (Section::Paras, rows.iter().flat_map(|r| r.to_bytes()).collect()),
        (Section::Texts, texts),
        (Section::Labels, labels),
        (Section::Blobs, blobs),
        (Section::Terms, index.terms),
        (Section::Postings, index.postings),
        (Section::Stems, index.stems),
        (Section::StemPostings, index.stem_postings),
        (Section::ParaIds, ids.into_inner().expect("writing to memory cannot fail")),
    ]))
}

pub(crate) fn kind_code(kind: ParaKind) -> u8 {
    ParaKind::ALL.iter().position(|k| *k == kind).expect("every kind is in ALL") as u8
}

fn fit(n: usize, what: &str) -> Result<u32, BundleError> {
    u32::try_from(n).map_err(|_| too_large(what))
}

fn too_large(what: &str) -> BundleError {
    BundleError::TooLarge(what.to_owned())
}
