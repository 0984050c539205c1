//! The keys of the bundle's maps and tables, built and read in this one place, so that the
//! writer (the indexer, the bundle writer) and the readers (the query engine, the lexicon, the
//! paragraph lookup) cannot disagree on a byte.
//!
//! | key | layout | example |
//! | --- | --- | --- |
//! | a word (terms map) | the analyzer's term | `cooperation` |
//! | a filter value (terms map) | `\u{1}` field `:` value | `\u{1}kind:operative` |
//! | a pair of ideographs side by side (terms map) | `\u{2}` both | `\u{2}合作` |
//! | a stem (stems map) | stem `\u{1}` lang | `cooper\u{1}en` |
//! | a paragraph (paragraph-id map) | doc `\0` lang `\0` id | `A/RES/79/136\0en\0op21.b` |
//! | a label (labels section) | id `\u{1f}` number as printed | `op21.b\u{1f}21 (b)` |
//!
//! The separators are control characters, which the analyzer never puts in a term and a
//! paragraph id never holds, so no word collides with a filter value and every key parses back.

use crate::analyze;

/// What a filter (`lang:fr`, `cites:71/19`, …) tests; its name is what the query language and
/// the keys spell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Lang,
    Doc,
    Kind,
    Lead,
    Cites,
    Year,
    Subject,
    Sdg,
}

impl Field {
    pub const ALL: [Field; 8] =
        [Field::Lang, Field::Doc, Field::Kind, Field::Lead, Field::Cites, Field::Year, Field::Subject, Field::Sdg];

    pub fn name(self) -> &'static str {
        match self {
            Field::Lang => "lang",
            Field::Doc => "doc",
            Field::Kind => "kind",
            Field::Lead => "lead",
            Field::Cites => "cites",
            Field::Year => "year",
            Field::Subject => "subject",
            Field::Sdg => "sdg",
        }
    }

    /// The field named `name`, in any case.
    pub fn named(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name().eq_ignore_ascii_case(name))
    }

    /// A value as keys store it and queries look it up: lower case for codes (`lang`, `kind`,
    /// `year`), lower case without spaces for symbols (`doc`, `cites`), and the analyzer's terms
    /// joined by single spaces for words (`lead`, `subject`, `sdg`: `Transnational_crime` →
    /// `transnational crime`).
    pub fn stored(self, value: &str) -> String {
        match self {
            Field::Lang | Field::Kind | Field::Year => value.to_lowercase(),
            Field::Doc | Field::Cites => value.to_lowercase().replace(' ', ""),
            Field::Lead | Field::Subject | Field::Sdg => analyze::terms(&value.replace('_', " ")).join(" "),
        }
    }

    /// Whether every paragraph of a document has the same value (its postings list documents,
    /// not paragraphs).
    pub fn per_document(self) -> bool {
        matches!(self, Field::Lang | Field::Doc | Field::Year | Field::Subject | Field::Sdg)
    }

    /// Whether a query's value is looked up as one key; else it is matched against each stored
    /// value of the field (`lead:encourages` finds "also encourages").
    pub fn exact(self) -> bool {
        !matches!(self, Field::Lead | Field::Subject | Field::Sdg)
    }
}

const FILTER: char = '\u{1}';
const PAIR: char = '\u{2}';
const STEM: char = '\u{1}';
const PARA: char = '\0';
const LABEL: char = '\u{1f}';

/// The key of a filter value, already [`Field::stored`].
pub fn filter(field: Field, stored: &str) -> String {
    format!("{FILTER}{}:{stored}", field.name())
}

/// What every key of `field`'s values starts with.
pub fn filter_prefix(field: Field) -> String {
    filter(field, "")
}

/// Whether a key of the terms map is a filter value rather than a word.
pub fn is_filter(key: &[u8]) -> bool {
    key.first() == Some(&(FILTER as u8))
}

/// Whether a key of the terms map is a word a user may type (not a filter value, not a pair):
/// what prefix and typo expansions and the lexicon list.
pub fn is_word(key: &[u8]) -> bool {
    !matches!(key.first(), Some(&b) if b == FILTER as u8 || b == PAIR as u8)
}

/// The key of two terms that stand side by side (one position apart), when both are one
/// ideograph or kana: Chinese and Japanese, one term per character, find a word of two or more
/// characters as a phrase, and the lists of single characters are long; the pair's list holds
/// only where they stand together. The indexer and the query engine both ask here, so that a
/// pair is looked up exactly when one was indexed.
pub fn pair(first: &str, second: &str) -> Option<String> {
    (is_character(first.as_bytes()) && is_character(second.as_bytes())).then(|| format!("{PAIR}{first}{second}"))
}

/// Whether a term is one ideograph or kana, whose list keeps only the positions a phrase
/// reads in it (`postings::ListKind::Characters`).
pub fn is_character(term: &[u8]) -> bool {
    let Ok(term) = std::str::from_utf8(term) else { return false };
    let mut chars = term.chars();
    chars.next().is_some_and(analyze::is_cjk) && chars.next().is_none()
}

/// The field and stored value of a filter key.
pub fn parse_filter(key: &[u8]) -> Option<(Field, &str)> {
    let rest = std::str::from_utf8(key).ok()?.strip_prefix(FILTER)?;
    let (name, value) = rest.split_once(':')?;
    Some((Field::named(name).filter(|f| f.name() == name)?, value))
}

/// What the list of a terms-map key holds: a word's postings, or a filter's paragraphs or
/// documents.
pub fn list_kind(key: &[u8]) -> super::postings::ListKind {
    use super::postings::ListKind;
    match parse_filter(key) {
        Some((field, _)) if field.per_document() => ListKind::Documents,
        Some(_) => ListKind::Paragraphs,
        None if is_filter(key) => ListKind::Paragraphs,
        None if is_character(key) => ListKind::Characters,
        None => ListKind::Words,
    }
}

/// The keys of a symbol as a filter of `field`: whole, and each ending that starts after a `/`
/// and still holds one, so that `cites:71/19` and `doc:79/136` are single lookups
/// (`a/res/71/19`, `res/71/19`, `71/19`).
pub fn symbol_filters(field: Field, symbol: &str) -> Vec<String> {
    let symbol = field.stored(symbol);
    let mut keys = vec![filter(field, &symbol)];
    for (i, _) in symbol.match_indices('/') {
        let ending = &symbol[i + 1..];
        if ending.contains('/') {
            keys.push(filter(field, ending));
        }
    }
    keys
}

/// The key of a stem in one language: the stem first, so that a word's stems in every
/// language (`interpol` in six) sort together, in one range of the stems map, which a lazily
/// loaded bundle fetches once rather than once per language.
pub fn stem(lang: &str, stem: &str) -> String {
    format!("{stem}{STEM}{lang}")
}

/// The language and stem of a stem key.
pub fn parse_stem(key: &[u8]) -> Option<(&str, &str)> {
    let (stem, lang) = std::str::from_utf8(key).ok()?.rsplit_once(STEM)?;
    Some((lang, stem))
}

/// The key of paragraph `para` of `doc` in `lang`.
pub fn para(doc: &str, lang: &str, para: &str) -> String {
    format!("{doc}{PARA}{lang}{PARA}{para}")
}

/// The document, language and paragraph id of a paragraph key (the document may hold anything;
/// the language and the id never hold the separator).
pub fn parse_para(key: &[u8]) -> Option<(&str, &str, &str)> {
    let mut parts = std::str::from_utf8(key).ok()?.rsplitn(3, PARA);
    let (para, lang, doc) = (parts.next()?, parts.next()?, parts.next()?);
    Some((doc, lang, para))
}

/// A paragraph's label: its id and its number as printed.
pub fn label(id: &str, num: Option<&str>) -> String {
    format!("{id}{LABEL}{}", num.unwrap_or(""))
}

/// The id and the number (`None` when none is printed) of a label.
pub fn parse_label(label: &str) -> Option<(&str, Option<&str>)> {
    let (id, num) = label.split_once(LABEL)?;
    Some((id, (!num.is_empty()).then_some(num)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_parses_back_to_what_built_it() {
        for field in Field::ALL {
            for value in ["fr", "a/res/71/19", "transnational crime", "x:y", ""] {
                let key = filter(field, value);
                assert!(is_filter(key.as_bytes()));
                assert_eq!(parse_filter(key.as_bytes()), Some((field, value)));
                assert!(key.starts_with(&filter_prefix(field)));
            }
            assert_eq!(Field::named(&field.name().to_uppercase()), Some(field));
        }
        assert_eq!(parse_stem(stem("en", "cooper").as_bytes()), Some(("en", "cooper")));
        let pair = pair("合", "作").expect("two ideographs");
        assert!(!is_word(pair.as_bytes()) && !is_filter(pair.as_bytes()));
        assert_eq!(list_kind(pair.as_bytes()), super::super::postings::ListKind::Words);
        assert_eq!(list_kind("合".as_bytes()), super::super::postings::ListKind::Characters);
        assert_eq!(list_kind("の".as_bytes()), super::super::postings::ListKind::Characters);
        assert_eq!(list_kind("a".as_bytes()), super::super::postings::ListKind::Words);
        assert_eq!(super::pair("の", "合"), Some("\u{2}の合".to_owned()), "kana and ideographs pair");
        for (a, b) in [("a", "作"), ("合", "1"), ("合作", "作"), ("", "作"), ("合", "")] {
            assert_eq!(super::pair(a, b), None, "{a} {b}");
        }
        for doc in ["A/RES/79/136", "interpol-un-resolutions", "odd\0name"] {
            assert_eq!(parse_para(para(doc, "zh", "op21.b").as_bytes()), Some((doc, "zh", "op21.b")));
        }
        assert_eq!(parse_label(&label("op21.b", Some("21 (b)"))), Some(("op21.b", Some("21 (b)"))));
        assert_eq!(parse_label(&label("p3", None)), Some(("p3", None)));
        assert_eq!(parse_label(&label("fn1", Some("1\u{1f}x"))), Some(("fn1", Some("1\u{1f}x"))));
    }

    #[test]
    fn no_word_of_any_text_is_a_filter_key() {
        let hostile = "\u{1}kind:operative \u{1}lang:fr \u{2}合作 text\u{0}op1 ключ 词";
        for t in analyze::terms(hostile) {
            assert!(!is_filter(t.as_bytes()), "{t:?}");
            assert!(is_word(t.as_bytes()), "{t:?}");
            assert!(parse_filter(t.as_bytes()).is_none(), "{t:?}");
        }
    }

    #[test]
    fn values_are_stored_the_same_for_index_and_query() {
        assert_eq!(Field::Cites.stored("A/RES/71/19"), "a/res/71/19");
        assert_eq!(Field::Doc.stored("S/RES/2396 (2017)"), "s/res/2396(2017)");
        assert_eq!(Field::Subject.stored("Transnational_crime"), "transnational crime");
        assert_eq!(Field::Lang.stored("FR"), "fr");
        assert_eq!(
            symbol_filters(Field::Cites, "A/RES/71/19"),
            [filter(Field::Cites, "a/res/71/19"), filter(Field::Cites, "res/71/19"), filter(Field::Cites, "71/19")]
        );
    }
}
