//! The query language of SPEC §4, parsed into a [`Query`].
//!
//! `word word` all match; `a OR b`; `-word` excludes; `"a phrase"`; `word*` prefix; `word~`
//! typo-tolerant; filters `field:value` or `field:"two words"`. The last bare word is also read
//! as a prefix (as-you-type). Parsing never fails: what cannot be read is dropped with a note.

use crate::analyze;
pub use crate::index::keys::Field;

/// Clauses beyond this many are dropped (with a note): enough for any real question, and it
/// bounds the work a hostile query can ask for.
pub const MAX_CLAUSES: usize = 64;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// All must match, except negated ones, which must not.
    pub clauses: Vec<Clause>,
    pub filters: Vec<Filter>,
    /// What was dropped or repaired, for the user.
    pub notes: Vec<String>,
}

/// One or more alternatives joined by `OR`.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub negated: bool,
    pub alternatives: Vec<Term>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// One normalized word.
    Word { term: String, mode: WordMode },
    /// Normalized words (or ideographs) that must stand together, in order.
    Phrase(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordMode {
    /// The word, and its stem.
    Plain,
    /// `word*`: any word that starts with it.
    Prefix,
    /// `word~`: within 1 edit from 4 letters, 2 from 8.
    Typo,
    /// The last word while typing: the word, its stem, or a word it starts.
    AsYouType,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub field: Field,
    /// As typed (trimmed); matched by `search::filters`.
    pub value: String,
}

/// One whitespace-separated piece of the input.
#[derive(Debug)]
struct Item {
    negated: bool,
    field: Option<Field>,
    text: String,
    quoted: bool,
}

/// Parses `input`. Never fails.
pub fn parse(input: &str) -> Query {
    let mut query = Query::default();
    let items = lex(input, &mut query.notes);
    let typing = !input.ends_with(char::is_whitespace) && !input.ends_with('"');
    let last_bare = items.iter().rposition(|i| !i.quoted && i.field.is_none() && !i.negated && i.text != "OR");
    let mut join_next = false;
    for (n, item) in items.iter().enumerate() {
        if item.text == "OR" && !item.quoted && item.field.is_none() {
            join_next = !query.clauses.is_empty();
            continue;
        }
        if let Some(field) = item.field {
            if item.text.trim().is_empty() {
                query.notes.push(format!("{}: has no value and was ignored", field.name()));
            } else {
                query.filters.push(Filter { field, value: item.text.trim().to_owned() });
            }
            join_next = false;
            continue;
        }
        let as_you_type = typing && Some(n) == last_bare && n + 1 == items.len();
        let Some(term) = term(item, as_you_type) else {
            continue;
        };
        match query.clauses.last_mut() {
            Some(last) if join_next && !item.negated && !last.negated => last.alternatives.push(term),
            _ => query.clauses.push(Clause { negated: item.negated, alternatives: vec![term] }),
        }
        join_next = false;
    }
    if query.clauses.len() > MAX_CLAUSES {
        query.notes.push(format!("only the first {MAX_CLAUSES} of {} terms are used", query.clauses.len()));
        query.clauses.truncate(MAX_CLAUSES);
    }
    query
}

fn term(item: &Item, as_you_type: bool) -> Option<Term> {
    let (body, mode) = if item.quoted {
        (item.text.as_str(), WordMode::Plain)
    } else if let Some(b) = item.text.strip_suffix('*') {
        (b, WordMode::Prefix)
    } else if let Some(b) = item.text.strip_suffix('~') {
        (b, WordMode::Typo)
    } else if as_you_type {
        (item.text.as_str(), WordMode::AsYouType)
    } else {
        (item.text.as_str(), WordMode::Plain)
    };
    let mut terms = analyze::terms(body);
    match terms.len() {
        0 => None,
        1 if !item.quoted => Some(Term::Word { term: terms.pop()?, mode }),
        _ => Some(Term::Phrase(terms)),
    }
}

/// Splits the input into items: `-`, `field:`, quotes and bare words.
fn lex(input: &str, notes: &mut Vec<String>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut rest = input.trim_start();
    while !rest.is_empty() {
        let mut negated = false;
        if let Some(r) = rest.strip_prefix('-') {
            negated = true;
            rest = r;
        }
        let mut field = None;
        if let Some((name, after)) = rest.split_once(':') {
            if let Some(f) = Field::named(name) {
                field = Some(f);
                rest = after;
            }
        }
        let (text, quoted, after) = if let Some(r) = rest.strip_prefix('"') {
            if let Some(end) = r.find('"') {
                (&r[..end], true, &r[end + 1..])
            } else {
                notes.push("a quote was not closed; the phrase runs to the end".to_owned());
                (r, true, "")
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], false, &rest[end..])
        };
        if negated && field.is_some() {
            notes.push(format!("-{}: filters cannot be negated; ignored", field.map_or("", Field::name)));
        } else if !text.is_empty() || field.is_some() {
            items.push(Item { negated, field, text: text.to_owned(), quoted });
        }
        rest = after.trim_start();
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(t: &str, mode: WordMode) -> Term {
        Term::Word { term: t.into(), mode }
    }

    #[test]
    fn the_language_of_spec_4() {
        let q = parse("INTERPOL \"police cooperation\" -drugs terror* crime~ lang:en kind:operative cooperat");
        let terms: Vec<(&Term, bool)> = q.clauses.iter().map(|c| (&c.alternatives[0], c.negated)).collect();
        assert_eq!(
            terms,
            [
                (&word("interpol", WordMode::Plain), false),
                (&Term::Phrase(vec!["police".into(), "cooperation".into()]), false),
                (&word("drugs", WordMode::Plain), true),
                (&word("terror", WordMode::Prefix), false),
                (&word("crime", WordMode::Typo), false),
                (&word("cooperat", WordMode::AsYouType), false),
            ]
        );
        assert_eq!(
            q.filters,
            [
                Filter { field: Field::Lang, value: "en".into() },
                Filter { field: Field::Kind, value: "operative".into() }
            ]
        );
    }

    #[test]
    fn or_joins_neighbours_and_quotes_filters() {
        let q = parse("terrorism OR terrorist subject:\"transnational crime\" ");
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(q.clauses[0].alternatives, [word("terrorism", WordMode::Plain), word("terrorist", WordMode::Plain)]);
        assert_eq!(q.filters[0].value, "transnational crime");
    }

    #[test]
    fn ideographs_are_a_phrase_and_hostile_input_is_repaired() {
        assert_eq!(
            parse("国际刑警 ").clauses[0].alternatives,
            [Term::Phrase(vec!["国".into(), "际".into(), "刑".into(), "警".into()])]
        );
        let q = parse("\"unclosed phrase");
        assert_eq!(q.notes.len(), 1);
        assert_eq!(q.clauses.len(), 1);
        assert!(parse("OR - * ~ \"\" : lang:").clauses.is_empty());
        // An unclosed negated phrase is still a phrase: everything after its quote.
        assert!(parse("-\" : lang:").clauses[0].negated);
        let long = "word ".repeat(1000);
        assert_eq!(parse(&long).clauses.len(), MAX_CLAUSES);
    }
}
