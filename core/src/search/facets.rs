//! Facets: how many of a query's matches fall under each language, document, paragraph kind,
//! lead and year.
//!
//! Matches are counted by index first (a document, a lead), from the outline pages, so that no
//! string is touched per match; each value is then named once, by a name shared with the
//! bundle's tables rather than copied.

use super::exec::Scored;
use super::order;
use crate::bundle::Bundle;
use crate::model::ParaKind;
use serde::Serialize;
use std::sync::Arc;

/// Counts of the matches by value, for each facet.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    pub lang: Counts,
    pub doc: Counts,
    pub kind: Counts,
    pub lead: Counts,
    pub year: Counts,
}

/// How many matches hold each value, the values in the order of their names (each once):
/// written as a JSON object from value to count. The names are a table shared whole (the
/// bundle's documents or years, or those of the values counted): a count names its value by its
/// place in the table, so that naming a thousand documents touches no reference count.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    names: Arc<Vec<Arc<str>>>,
    /// Places in `names`, ascending, each with its count.
    counts: Vec<(u32, usize)>,
}

impl Counts {
    /// Counts of `names` by place (`counts[i]` of `names[i]`), the names sorted and distinct
    /// (the bundle's tables are, by how they are made); the values no match holds are left out.
    fn of_table(names: &Arc<Vec<Arc<str>>>, counts: &[usize]) -> Counts {
        let counted = counts.iter().enumerate().filter(|(_, n)| **n > 0).map(|(i, n)| (i as u32, *n));
        Counts { names: Arc::clone(names), counts: counted.collect() }
    }

    /// Counts of values given in the order of their names, each once.
    fn in_order(counts: Vec<(Arc<str>, usize)>) -> Counts {
        debug_assert!(counts.windows(2).all(|w| w[0].0 < w[1].0), "values in order, each once");
        let (names, counts): (Vec<Arc<str>>, Vec<usize>) = counts.into_iter().unzip();
        Counts::of_table(&Arc::new(names), &counts)
    }

    /// Each value and how many matches hold it, in the order of the values' names.
    pub fn iter(&self) -> impl Iterator<Item = (&str, usize)> {
        self.counts.iter().filter_map(|&(i, n)| Some((&**self.names.get(i as usize)?, n)))
    }
}

impl PartialEq for Counts {
    fn eq(&self, other: &Counts) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for Counts {}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// The facets of the matches `scored`.
pub(super) fn count(bundle: &Bundle, scored: &[Scored]) -> Facets {
    let mut by_doc: Vec<usize> = vec![0; bundle.docs().len()];
    let mut by_kind = [0usize; ParaKind::ALL.len()];
    let mut by_lead: Vec<usize> = vec![0; bundle.lead_count()];
    bundle.outlines(scored.iter().map(|s| s.ord), |d, kind, lead| {
        by_doc[d] += 1;
        by_kind[kind as usize] += 1;
        if let Some(n) = by_lead.get_mut(lead as usize) {
            *n += 1;
        }
    });
    let (tables, langs) = (bundle.facet_tables(), bundle.langs());
    let mut by_symbol = vec![0usize; tables.symbols.len()];
    let mut by_lang = vec![0usize; langs.len()];
    let mut by_year = vec![0usize; tables.years.len()];
    for (&[s, l, y], n) in tables.of.iter().zip(by_doc).filter(|(_, n)| *n > 0) {
        for (counts, i) in [(&mut by_symbol, s), (&mut by_lang, l), (&mut by_year, y)] {
            if let Some(c) = counts.get_mut(i as usize) {
                *c += n;
            }
        }
    }
    let langs = by_lang.iter().zip(langs).filter(|(n, _)| **n > 0);
    // A few kinds, put in the order of their names as they come (no sort compiled for them).
    let mut kinds: Vec<(Arc<str>, usize)> = Vec::new();
    for (k, n) in ParaKind::ALL.iter().zip(by_kind).filter(|(_, n)| *n > 0) {
        let at = kinds.partition_point(|(name, _)| **name < *k.name());
        kinds.insert(at, (Arc::from(k.name()), n));
    }
    Facets {
        lang: Counts::in_order(langs.map(|(n, l)| (Arc::from(l.as_str()), *n)).collect()),
        doc: Counts::of_table(&tables.symbols, &by_symbol),
        kind: Counts::in_order(kinds),
        lead: leads(bundle, &by_lead),
        year: Counts::of_table(&tables.years, &by_year),
    }
}

/// The leads counted in `by_lead` (by lead index), by name: two indexes may print alike, and
/// their counts are summed. Ordered by the ranks of their names (the bundle's, made once, when
/// every lead page is at hand; else those of the names counted), they are summed in one pass.
fn leads(bundle: &Bundle, by_lead: &[usize]) -> Counts {
    let counted: Vec<u16> =
        by_lead.iter().enumerate().filter(|(_, n)| **n > 0).filter_map(|(i, _)| u16::try_from(i).ok()).collect();
    let named = |i: u16| Some((bundle.lead_shared(i)?, by_lead[usize::from(i)]));
    // The bundle's ranks of every lead when it has them; else the ranks of those counted.
    let ranks: Vec<u32> = match bundle.lead_ranks() {
        Some(all) => counted.iter().map(|&i| all.get(usize::from(i)).copied().unwrap_or(u32::MAX)).collect(),
        None => crate::bundle::ranks_by_name(
            &counted.iter().map(|&i| bundle.lead(i).unwrap_or_default()).collect::<Vec<_>>(),
        ),
    };
    let keys = ranks.iter().zip(&counted).map(|(&r, &i)| (u64::from(r) << 16) | u64::from(i));
    let mut leads: Vec<(&Arc<str>, usize)> =
        order::ascending_keys(keys.collect()).into_iter().filter_map(|k| named(k as u16)).collect();
    leads.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 += next.1;
        }
        same
    });
    Counts::in_order(leads.into_iter().map(|(lead, n)| (Arc::clone(lead), n)).collect())
}

#[cfg(test)]
mod tests {
    use super::super::{rank, search};
    use super::*;
    use std::collections::BTreeMap;

    /// Facets, counted from the outline pages by index, equal a count of every match read as a
    /// paragraph with its document — with outline pages of 7 paragraphs, so that matches cross
    /// pages, and with the default pages.
    #[test]
    fn facets_count_every_match_by_its_paragraph() {
        let corpus = crate::default_corpus::load();
        let small = crate::bundle::Sizes { outline: 7, ..crate::bundle::Sizes::default() };
        let bundles = [
            Bundle::from_vec(crate::bundle::write(&corpus).unwrap()).unwrap(),
            Bundle::from_vec(crate::bundle::write_parts(&corpus, small).unwrap().inline()).unwrap(),
        ];
        for bundle in &bundles {
            for query in ["INTERPOL", "coop", "国际", "crime -terrorism", "lang:fr", "recalling", "x"] {
                // Facet, then value, then count: as the JSON of `Facets` reads.
                let mut want: BTreeMap<&str, BTreeMap<String, usize>> =
                    ["lang", "doc", "kind", "lead", "year"].into_iter().map(|f| (f, BTreeMap::new())).collect();
                let mut add =
                    |facet: &str, value: &str| *want.get_mut(facet).unwrap().entry(value.to_owned()).or_default() += 1;
                for ord in rank(bundle, query).ords() {
                    let p = bundle.paragraph(ord).expect("every paragraph reads");
                    let doc = &bundle.docs()[p.doc];
                    add("lang", doc.lang.as_str());
                    add("doc", &doc.doc.0);
                    add("kind", p.kind.name());
                    if let Some(y) = doc.year() {
                        add("year", y);
                    }
                    if let Some(lead) = bundle.lead(p.lead) {
                        add("lead", lead);
                    }
                }
                let got = search(bundle, query, 5).facets;
                assert_eq!(serde_json::to_value(&got).unwrap(), serde_json::to_value(&want).unwrap(), "{query}");
            }
        }
    }

    /// The bundle's lead ranks order the leads as their names compare: a lower rank is a name
    /// that sorts first, and two leads share a rank exactly when they print alike.
    #[test]
    fn lead_ranks_order_the_leads_by_name() {
        let bundle = Bundle::from_vec(crate::bundle::write(&crate::default_corpus::load()).unwrap()).unwrap();
        let ranks = bundle.lead_ranks().expect("every lead page of a whole file is at hand");
        assert_eq!(ranks.len(), bundle.lead_count());
        assert!(ranks.len() > 20, "{} leads", ranks.len());
        let name = |i: usize| bundle.lead(u16::try_from(i).unwrap()).unwrap();
        for i in 0..ranks.len() {
            for j in 0..ranks.len() {
                assert_eq!(ranks[i].cmp(&ranks[j]), name(i).cmp(name(j)), "{:?} and {:?}", name(i), name(j));
            }
        }
    }
}
