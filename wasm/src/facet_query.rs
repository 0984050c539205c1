//! Facets as filters in the query text: a click on a facet value adds `field:value` to the
//! query, a second click removes it, so the query box always says what is filtered.

use resolex_core::search::order::heaviest;

/// The filter as the query language writes it: `lang:fr`, `lead:"Calls for"`.
pub fn filter(field: &str, value: &str) -> String {
    if value.chars().any(char::is_whitespace) {
        format!("{field}:\"{}\"", value.replace('"', ""))
    } else {
        format!("{field}:{value}")
    }
}

/// Whether `query` holds `filter` as a term of its own.
pub fn holds(query: &str, filter: &str) -> bool {
    position(query, filter).is_some()
}

/// `query` with `filter` added at its end, or removed when it is there.
pub fn toggle(query: &str, filter: &str) -> String {
    match position(query, filter) {
        Some(at) => {
            let (before, after) = (query[..at].trim_end(), query[at + filter.len()..].trim_start());
            match (before.is_empty(), after.is_empty()) {
                (true, _) => after.to_owned(),
                (_, true) => before.to_owned(),
                _ => format!("{before} {after}"),
            }
        }
        None if query.trim().is_empty() => filter.to_owned(),
        None => format!("{} {filter}", query.trim_end()),
    }
}

/// The `limit` most frequent of `counts` (values with their counts), most frequent first, ties
/// in the order given (a facet's values come in the order of their names): ordered by the
/// engine's own `order::heaviest`, whose one sort the wasm carries already.
pub fn most_frequent<'a>(counts: impl Iterator<Item = (&'a str, usize)>, limit: usize) -> Vec<(String, usize)> {
    let values: Vec<(&str, usize)> = counts.collect();
    let weights = values.iter().map(|&(_, n)| u32::try_from(n).unwrap_or(u32::MAX));
    heaviest(weights, limit).into_iter().map(|at| (values[at].0.to_owned(), values[at].1)).collect()
}

/// Where `filter` starts in `query` as a whole term: at the start or after a space, and
/// followed by a space or the end.
fn position(query: &str, filter: &str) -> Option<usize> {
    query.match_indices(filter).map(|(i, _)| i).find(|&i| {
        let before_ok = query[..i].chars().next_back().is_none_or(char::is_whitespace);
        let after_ok = query[i + filter.len()..].chars().next().is_none_or(char::is_whitespace);
        before_ok && after_ok
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_facet_click_adds_and_a_second_removes() {
        let f = filter("lang", "fr");
        let once = toggle("police cooperation", &f);
        assert_eq!(once, "police cooperation lang:fr");
        assert!(holds(&once, &f));
        assert_eq!(toggle(&once, &f), "police cooperation");
        assert_eq!(toggle("", &f), "lang:fr");
        assert_eq!(toggle("lang:fr police", &f), "police");
    }

    /// As a stable sort by count, descending, would give them.
    #[test]
    fn the_most_frequent_first_ties_in_the_order_given() {
        let names: Vec<String> = (0..40).map(|i| format!("v{i:02}")).collect();
        let counts: Vec<(&str, usize)> = names.iter().enumerate().map(|(i, n)| (n.as_str(), (i * 7) % 5)).collect();
        let mut want = counts.clone();
        want.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
        let want: Vec<(String, usize)> = want.into_iter().map(|(v, n)| (v.to_owned(), n)).collect();
        for limit in [0, 1, 8, 40, 100] {
            assert_eq!(most_frequent(counts.iter().copied(), limit), want[..limit.min(40)], "{limit}");
        }
    }

    #[test]
    fn values_with_spaces_are_quoted_and_lookalikes_left_alone() {
        let f = filter("lead", "Calls for");
        assert_eq!(f, "lead:\"Calls for\"");
        assert_eq!(toggle("crime", &f), "crime lead:\"Calls for\"");
        assert!(!holds("lang:fra", "lang:fr"));
        assert_eq!(toggle("xlang:fr", "lang:fr"), "xlang:fr lang:fr");
    }
}
