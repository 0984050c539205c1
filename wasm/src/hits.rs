//! A hit as the explorer and the widget draw it: its citation, title and address, and a
//! snippet cut into highlighted segments (UTF-8 offsets stay in Rust, so script never has to
//! convert them to UTF-16).

use crate::route::Route;
use crate::segments::{Decor, Segment, segments};
use resolex_core::bundle::Bundle;
use resolex_core::search::Hit;
use resolex_core::{DocId, ParaId};

/// The snippet of a hit: its segments, and whether it starts and ends inside the paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub segments: Vec<Segment>,
    pub before: bool,
    pub after: bool,
}

/// The snippet of `h`, with the highlights that fall inside it.
pub fn snippet(h: &Hit) -> Snippet {
    let (before, after) = h.snippet_cut();
    Snippet {
        segments: segments(h.snippet_text(), &Decor { marks: h.snippet_marks(), ..Decor::default() }),
        before,
        after,
    }
}

/// Where a hit leads in the explorer: its paragraph, in its language.
pub fn route(h: &Hit) -> Route {
    Route::Document { doc: DocId(h.doc.clone()), para: ParaId::parse(&h.para), lang: Some(h.lang.clone()) }
}

/// The title of the document a hit is in (its symbol when it has none), safe to show.
pub fn title(bundle: &Bundle, h: &Hit) -> String {
    let title = bundle.doc_of(h.ord).and_then(|d| bundle.title(d));
    resolex_core::display::inert(title.as_deref().unwrap_or(&h.doc)).into_owned()
}

/// One suggestion of the widget, as JSON for its script.
#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Suggestion {
    pub doc: String,
    pub lang: String,
    pub para: String,
    pub cite: String,
    pub title: String,
    pub text: String,
    /// The explorer's address of the paragraph (`#/doc/…`).
    pub href: String,
    /// `[text, highlighted]` pieces of the snippet, control characters made visible.
    pub snippet: Vec<(String, bool)>,
    pub before: bool,
    pub after: bool,
}

#[derive(Debug)]
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Suggestions {
    pub query: String,
    pub total: usize,
    pub hits: Vec<Suggestion>,
    pub notes: Vec<String>,
}

impl Suggestions {
    /// As JSON for the widget's script.
    pub fn to_json(&self) -> String {
        let mut j = crate::json::Json::default();
        j.open('{');
        j.key("query");
        j.str(&self.query);
        j.key("total");
        j.num(self.total);
        j.key("hits");
        j.open('[');
        for h in &self.hits {
            h.write_json(&mut j);
        }
        j.close(']');
        j.key("notes");
        j.open('[');
        for n in &self.notes {
            j.str(n);
        }
        j.close(']');
        j.close('}');
        j.finish()
    }
}

impl Suggestion {
    fn write_json(&self, j: &mut crate::json::Json) {
        j.open('{');
        let fields = [
            ("doc", &self.doc),
            ("lang", &self.lang),
            ("para", &self.para),
            ("cite", &self.cite),
            ("title", &self.title),
            ("text", &self.text),
            ("href", &self.href),
        ];
        for (name, value) in fields {
            j.key(name);
            j.str(value);
        }
        j.key("snippet");
        j.open('[');
        for (text, mark) in &self.snippet {
            j.open('[');
            j.str(text);
            j.bool(*mark);
            j.close(']');
        }
        j.close(']');
        j.key("before");
        j.bool(self.before);
        j.key("after");
        j.bool(self.after);
        j.close('}');
    }
}

/// The best `limit` hits of `query`, shaped for the widget.
pub fn suggest(bundle: &Bundle, query: &str, limit: usize) -> Suggestions {
    // The widget shows no facets: it does not read (nor fetch) the outline they need.
    let r = resolex_core::search::hits(bundle, query, limit);
    let hits = r
        .hits
        .iter()
        .map(|h| {
            let s = snippet(h);
            Suggestion {
                doc: h.doc.clone(),
                lang: h.lang.clone(),
                para: h.para.clone(),
                cite: resolex_core::display::inert(&h.cite).into_owned(),
                title: title(bundle, h),
                text: resolex_core::display::inert(&h.text).into_owned(),
                href: route(h).to_hash(),
                snippet: s.segments.into_iter().map(|g| (g.text, g.mark)).collect(),
                before: s.before,
                after: s.after,
            }
        })
        .collect();
    Suggestions { query: r.query, total: r.total, hits, notes: r.notes }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundle() -> Bundle {
        Bundle::from_vec(resolex_core::bundle::write(&resolex_core::default_corpus::load()).unwrap()).unwrap()
    }

    /// The hand-written JSON is what `serde_json` writes, for real answers (notes included) and
    /// for a document full of quotes, backslashes, control characters and script.
    #[test]
    fn suggestions_as_json_are_what_serde_json_writes() {
        let b = bundle();
        for q in ["INTERPOL", "\"police cooperation\"", "国际刑警", "terorism", "lang:xx", "", "cites:71/19"] {
            let s = suggest(&b, q, 8);
            assert_eq!(s.to_json(), serde_json::to_string(&s).unwrap(), "{q}");
        }
        let hostile: String = (0u8..0x80).map(char::from).chain("“é” </script> \u{2028} 𝄞".chars()).collect();
        let s = Suggestions {
            query: hostile.clone(),
            total: usize::MAX,
            hits: vec![Suggestion {
                doc: hostile.clone(),
                lang: String::new(),
                para: "op1".into(),
                cite: "\\\"".into(),
                title: hostile.clone(),
                text: hostile.clone(),
                href: "#/doc/x".into(),
                snippet: vec![(hostile.clone(), true), (String::new(), false)],
                before: true,
                after: false,
            }],
            notes: vec![hostile, String::new()],
        };
        assert_eq!(s.to_json(), serde_json::to_string(&s).unwrap());
        let empty = Suggestions { query: String::new(), total: 0, hits: Vec::new(), notes: Vec::new() };
        assert_eq!(empty.to_json(), serde_json::to_string(&empty).unwrap());
    }

    #[test]
    fn a_suggestion_joins_back_into_its_snippet_with_the_words_marked() {
        let b = bundle();
        let s = suggest(&b, "\"police cooperation\"", 8);
        assert!(s.total > 0 && !s.hits.is_empty());
        for h in &s.hits {
            let joined: String = h.snippet.iter().map(|(t, _)| t.as_str()).collect();
            assert!(h.text.contains(&joined), "{joined}");
            let marked: Vec<String> = h.snippet.iter().filter(|(_, m)| *m).map(|(t, _)| t.to_lowercase()).collect();
            assert!(marked.iter().any(|t| t.contains("police")), "{marked:?}");
            assert_eq!(
                Route::parse(&h.href),
                Route::Document { doc: DocId(h.doc.clone()), para: ParaId::parse(&h.para), lang: Some(h.lang.clone()) }
            );
        }
    }
}
