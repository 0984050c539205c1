//! Hash routes of the explorer: every view has an address a user can bookmark, share and reach
//! with back and forward, and that works from `file://` (no server rewrites needed).
//!
//! | route | view |
//! | --- | --- |
//! | `#/search?q=police` (also `#/` and no hash) | search |
//! | `#/doc/A/RES/79/136?lang=fr` | a document, in one language |
//! | `#/doc/A/RES/79/136/op21.b?lang=fr` | a paragraph of it, selected |
//! | `#/refs` and `#/refs/A/RES/79/136` | the reference graph, or one document's references |
//! | `#/lexicon?prefix=coop` | the lexicon |
//! | `#/docs` | every document |
//! | `#/diff/A/RES/77/20..A/RES/79/136?lang=en` | how the wording changed from one to the other |

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use resolex_core::{DocId, ParaId};

/// What the explorer shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Search {
        query: String,
    },
    Document {
        doc: DocId,
        para: Option<ParaId>,
        lang: Option<String>,
    },
    References {
        doc: Option<DocId>,
    },
    Lexicon {
        prefix: String,
    },
    Documents,
    /// Two resolutions compared paragraph by paragraph.
    Compare {
        before: DocId,
        after: DocId,
        lang: Option<String>,
    },
    /// An address that names no view; shown with a message, never an error page.
    Unknown(String),
}

/// Characters left as they are in a path segment or a query value.
const KEEP: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~').remove(b'*');

impl Default for Route {
    fn default() -> Route {
        Route::Search { query: String::new() }
    }
}

impl Route {
    /// The route of a `location.hash` (with or without its `#`).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let hash = hash.strip_prefix('/').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        let segments: Vec<String> = path.split('/').filter(|s| !s.is_empty()).map(decode).collect();
        let param = |name: &str| query_param(query, name);
        match segments.split_first() {
            None => Route::Search { query: param("q").unwrap_or_default() },
            Some((head, rest)) => match (head.as_str(), rest) {
                ("search", []) => Route::Search { query: param("q").unwrap_or_default() },
                ("doc", [_, ..]) => document(rest, param("lang")),
                ("refs", []) => Route::References { doc: None },
                ("refs", _) => Route::References { doc: Some(DocId(rest.join("/"))) },
                ("lexicon", []) => Route::Lexicon { prefix: param("prefix").unwrap_or_default() },
                ("docs", []) => Route::Documents,
                ("diff", [_, ..]) => {
                    compare(&rest.join("/"), param("lang")).unwrap_or_else(|| Route::Unknown(hash.to_owned()))
                }
                _ => Route::Unknown(hash.to_owned()),
            },
        }
    }

    /// The hash that leads here, `#/…`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Search { query } if query.is_empty() => "#/search".to_owned(),
            Route::Search { query } => format!("#/search?q={}", encode(query)),
            Route::Document { doc, para, lang } => {
                let mut h = format!("#/doc/{}", path(doc.as_str()));
                if let Some(p) = para {
                    h.push('/');
                    h.push_str(&encode(p.as_str()));
                }
                if let Some(l) = lang {
                    h.push_str("?lang=");
                    h.push_str(&encode(l));
                }
                h
            }
            Route::References { doc: None } => "#/refs".to_owned(),
            Route::References { doc: Some(d) } => format!("#/refs/{}", path(d.as_str())),
            Route::Lexicon { prefix } if prefix.is_empty() => "#/lexicon".to_owned(),
            Route::Lexicon { prefix } => format!("#/lexicon?prefix={}", encode(prefix)),
            Route::Documents => "#/docs".to_owned(),
            Route::Compare { before, after, lang } => {
                let mut h = format!("#/diff/{}..{}", path(before.as_str()), path(after.as_str()));
                if let Some(l) = lang {
                    h.push_str("?lang=");
                    h.push_str(&encode(l));
                }
                h
            }
            Route::Unknown(h) => format!("#/{h}"),
        }
    }
}

/// `doc/…` segments: the last is a paragraph when it reads as a paragraph id and is not the
/// whole document symbol (`A/RES/79/136/op21.b`, but `interpol-un-resolutions` alone is a doc).
fn document(segments: &[String], lang: Option<String>) -> Route {
    let lang = lang.filter(|l| !l.is_empty());
    if let [doc @ .., last] = segments
        && !doc.is_empty()
        && let Some(para) = ParaId::parse(last)
    {
        return Route::Document { doc: DocId(doc.join("/")), para: Some(para), lang };
    }
    Route::Document { doc: DocId(segments.join("/")), para: None, lang }
}

/// `A/RES/77/20..A/RES/79/136`: the earlier and the later document.
fn compare(both: &str, lang: Option<String>) -> Option<Route> {
    let (before, after) = both.split_once("..")?;
    let (before, after) = (before.trim_matches('/'), after.trim_matches('/'));
    (!before.is_empty() && !after.is_empty()).then(|| Route::Compare {
        before: DocId(before.to_owned()),
        after: DocId(after.to_owned()),
        lang: lang.filter(|l| !l.is_empty()),
    })
}

fn query_param(query: &str, name: &str) -> Option<String> {
    query.split('&').filter_map(|kv| kv.split_once('=')).find(|(k, _)| *k == name).map(|(_, v)| decode(v))
}

/// A query value or path segment, `+` read as a space as forms write it.
fn decode(s: &str) -> String {
    percent_decode_str(&s.replace('+', " ")).decode_utf8_lossy().into_owned()
}

fn encode(s: &str) -> String {
    utf8_percent_encode(s, KEEP).to_string()
}

/// A document symbol as path segments: its slashes stay slashes.
fn path(doc: &str) -> String {
    doc.split('/').map(encode).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(s: &str) -> Option<ParaId> {
        ParaId::parse(s)
    }

    #[test]
    fn every_view_has_an_address() {
        let doc = DocId("A/RES/79/136".into());
        let cases = [
            ("", Route::Search { query: String::new() }),
            ("#/search?q=police%20cooperation", Route::Search { query: "police cooperation".into() }),
            ("#/search?q=%22police+cooperation%22", Route::Search { query: "\"police cooperation\"".into() }),
            ("#/doc/A/RES/79/136", Route::Document { doc: doc.clone(), para: None, lang: None }),
            (
                "#/doc/A/RES/79/136/op21.b?lang=fr",
                Route::Document { doc: doc.clone(), para: para("op21.b"), lang: Some("fr".into()) },
            ),
            (
                "#/doc/interpol-un-resolutions",
                Route::Document { doc: DocId("interpol-un-resolutions".into()), para: None, lang: None },
            ),
            ("#/refs", Route::References { doc: None }),
            ("#/refs/A/RES/71/19", Route::References { doc: Some(DocId("A/RES/71/19".into())) }),
            ("#/lexicon?prefix=coop", Route::Lexicon { prefix: "coop".into() }),
            ("#/docs", Route::Documents),
            (
                "#/diff/A/RES/77/20..A/RES/79/136?lang=en",
                Route::Compare { before: DocId("A/RES/77/20".into()), after: doc.clone(), lang: Some("en".into()) },
            ),
            ("#/diff/A/RES/77/20", Route::Unknown("diff/A/RES/77/20".into())),
            ("#/nowhere/at/all", Route::Unknown("nowhere/at/all".into())),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
        }
    }

    #[test]
    fn a_route_survives_its_own_hash() {
        let routes = [
            Route::Search { query: "lang:zh 国际刑警 \"a & b\" 100%".into() },
            Route::Search { query: "علم#?/".into() },
            Route::Document { doc: DocId("A/RES/79/136".into()), para: para("op21.b"), lang: Some("ar".into()) },
            Route::Document { doc: DocId("interpol-ga-2025-marrakech".into()), para: para("p2"), lang: None },
            Route::References { doc: Some(DocId("A/RES/79/136".into())) },
            Route::Lexicon { prefix: "coopé".into() },
            Route::Documents,
            Route::Compare {
                before: DocId("A/RES/77/20".into()),
                after: DocId("A/RES/79/136".into()),
                lang: Some("zh".into()),
            },
            Route::Compare { before: DocId("old page".into()), after: DocId("new/page".into()), lang: None },
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.to_hash()), r, "{}", r.to_hash());
        }
    }

    #[test]
    fn hostile_addresses_are_only_text() {
        let r = Route::parse("#/search?q=%3Cscript%3Ealert(1)%3C/script%3E&q=2");
        assert_eq!(r, Route::Search { query: "<script>alert(1)</script>".into() });
        assert_eq!(Route::parse("#/search?q=%FF%FE"), Route::Search { query: "\u{fffd}\u{fffd}".into() });
        assert!(matches!(Route::parse("#/doc"), Route::Unknown(_)));
    }
}
