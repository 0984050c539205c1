//! What a reader asks of a bundle, the same in every front end: the language versions of a
//! document, one paragraph in every language the corpus holds, and the paragraphs that cite a
//! document.

use crate::bundle::{Bundle, DocEntry, ParaView};
use crate::model::DocId;

/// The indices of every language version of `doc`, in bundle order.
pub fn versions(bundle: &Bundle, doc: &DocId) -> Vec<usize> {
    bundle.docs().iter().enumerate().filter(|(_, e)| &e.doc == doc).map(|(i, _)| i).collect()
}

/// The version to open: the one in `lang` when asked and held, else English, else the first.
pub fn preferred_version(bundle: &Bundle, doc: &DocId, lang: Option<&str>) -> Option<usize> {
    lang.and_then(|l| bundle.find_doc(doc, Some(l)))
        .or_else(|| bundle.find_doc(doc, Some("en")))
        .or_else(|| bundle.find_doc(doc, None))
}

/// Paragraph `para` of `doc` in each language that holds it, in bundle order.
pub fn translations<'a>(bundle: &'a Bundle, doc: &DocId, para: &str) -> Vec<(&'a DocEntry, ParaView<'a>)> {
    bundle
        .docs()
        .iter()
        .filter(|e| &e.doc == doc)
        .filter_map(|e| Some((e, bundle.paragraph(bundle.para_ord(&e.doc, e.lang.as_str(), para)?)?)))
        .collect()
}

/// The paragraphs that cite `doc`, in document order (every language version counts).
pub fn cited_by<'a>(bundle: &'a Bundle, doc: &DocId) -> Vec<ParaView<'a>> {
    let ranked = crate::search::rank(bundle, &format!("cites:{doc}"));
    // Sorted as the engine sorts its keys: each type sorted is a sort the wasm carries.
    let ords = crate::search::order::ascending(ranked.ords().collect());
    ords.into_iter().filter_map(|o| bundle.paragraph(o)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_corpus;

    fn bundle() -> Bundle {
        Bundle::from_vec(crate::bundle::write(&default_corpus::load()).unwrap()).unwrap()
    }

    #[test]
    fn a_paragraph_in_six_languages_and_who_cites_71_19() {
        let b = bundle();
        let doc = DocId("A/RES/79/136".into());
        assert_eq!(versions(&b, &doc).len(), 6);
        let en = preferred_version(&b, &doc, None).unwrap();
        assert_eq!(b.docs()[en].lang.as_str(), "en");
        let zh = preferred_version(&b, &doc, Some("zh")).unwrap();
        assert_eq!(b.docs()[zh].lang.as_str(), "zh");
        assert_eq!(preferred_version(&b, &doc, Some("xx")), Some(en));
        let t = translations(&b, &doc, "op21.b");
        let langs: Vec<&str> = t.iter().map(|(e, _)| e.lang.as_str()).collect();
        assert_eq!(langs.len(), 6, "{langs:?}");
        assert!(t.iter().all(|(_, p)| p.id == "op21.b"));
        // SPEC §7: 79/136 pp1 cites 71/19; the corpus holds 71/19.
        let citing = cited_by(&b, &DocId("A/RES/71/19".into()));
        assert!(citing.iter().any(|p| b.docs()[p.doc].doc == doc && p.id == "pp1"));
        assert!(citing.windows(2).all(|w| w[0].ord < w[1].ord));
    }
}
