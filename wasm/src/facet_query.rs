//! Facets as filters in the query text: a click on a facet value adds `field:value` to the
//! query, a second click removes it, so the query box always says what is filtered.

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

    #[test]
    fn values_with_spaces_are_quoted_and_lookalikes_left_alone() {
        let f = filter("lead", "Calls for");
        assert_eq!(f, "lead:\"Calls for\"");
        assert_eq!(toggle("crime", &f), "crime lead:\"Calls for\"");
        assert!(!holds("lang:fra", "lang:fr"));
        assert_eq!(toggle("xlang:fr", "lang:fr"), "xlang:fr lang:fr");
    }
}
