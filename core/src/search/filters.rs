//! Filters: each `field:value` becomes the sorted set of paragraph ordinals that pass it.
//! Values of one field are alternatives (`lang:fr lang:es`); fields are all required.

use super::query::{Field, Filter};
use crate::bundle::Bundle;
use crate::index::ParaOrd;
use crate::index::keys;
use crate::index::postings::ListKind;
use fst::Automaton;

/// The ordinals passing every filter, or `None` when there are no filters.
pub fn passing(bundle: &Bundle, filters: &[Filter]) -> Option<Vec<ParaOrd>> {
    let mut result: Option<Vec<ParaOrd>> = None;
    for field in Field::ALL {
        let values: Vec<&Filter> = filters.iter().filter(|f| f.field == field).collect();
        if values.is_empty() {
            continue;
        }
        let mut set = super::order::ascending(values.iter().flat_map(|f| ords(bundle, f)).collect());
        set.dedup();
        result = Some(match result {
            None => set,
            Some(prev) => intersect(&prev, &set),
        });
    }
    result
}

fn ords(bundle: &Bundle, filter: &Filter) -> Vec<ParaOrd> {
    let field = filter.field;
    let wanted = field.stored(&filter.value);
    if field.exact() {
        // Every ending of a symbol is a key of its own (`71/19` for `A/RES/71/19`).
        let key = keys::filter(field, &wanted);
        return bundle.lookup(key.as_bytes(), false).map(|v| list(bundle, key.as_bytes(), v)).unwrap_or_default();
    }
    let prefix = keys::filter_prefix(field);
    let mut out = Vec::new();
    for (key, value) in bundle.search(fst::automaton::Str::new(&prefix).starts_with(), &prefix) {
        let Some((_, stored)) = keys::parse_filter(&key) else { continue };
        if matches(field, stored, &wanted) {
            out.extend(list(bundle, &key, value));
        }
    }
    out
}

/// The paragraphs of a filter key's list: as listed, or every paragraph of the listed documents.
fn list(bundle: &Bundle, key: &[u8], value: u64) -> Vec<ParaOrd> {
    let kind = keys::list_kind(key);
    let Some(postings) = bundle.postings(value, kind) else { return Vec::new() };
    if kind != ListKind::Documents {
        return postings.ords().collect();
    }
    let docs = bundle.docs();
    let ranges = postings.ords().filter_map(|d| docs.get(d as usize)).map(|e| e.first..e.first + e.count);
    ranges.flatten().collect()
}

/// Whether a stored lead, subject or SDG answers the wanted one: `lead:encourages` finds
/// "Encourages" and "Also encourages"; `sdg:16` finds only 16.
fn matches(field: Field, stored: &str, wanted: &str) -> bool {
    match field {
        Field::Sdg => stored == wanted || stored.trim_start_matches("sdg ") == wanted,
        _ => stored.match_indices(wanted).any(|(i, _)| {
            let before = stored[..i].chars().next_back();
            let after = stored[i + wanted.len()..].chars().next();
            before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
        }),
    }
}

/// The ordinals in both sorted lists.
pub fn intersect(a: &[ParaOrd], b: &[ParaOrd]) -> Vec<ParaOrd> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}
