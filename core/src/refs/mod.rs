//! References (SPEC §3): the citations of other instruments in a paragraph's text, each with a
//! normalized target, a kind and its byte span; and the graph that joins them.
//!
//! Three sources of evidence, strongest first: a link whose address names a UN symbol (the
//! UN's XML links `51/1` to `undocs.org/en/A/RES/51/1`); a symbol printed in full (`A/79/L.17`,
//! `GA-2022-90-RES-01`, a *Treaty Series* volume); and a short number (`71/19`, `2396 (2017)`)
//! that a nearby word names as a resolution or decision, in any of the six languages.

mod keywords;
mod symbols;

use crate::ingest::inline::Link;
use crate::model::{RefKind, Reference};

pub use symbols::classify;

/// Finds every reference in `text`; `links` are the link ranges its source marked.
pub fn extract(text: &str, links: &[Link]) -> Vec<Reference> {
    let mut found: Vec<Reference> = links.iter().filter_map(|l| symbols::from_link(text, l)).collect();
    found.extend(symbols::treaties(text));
    found.extend(symbols::interpol(text));
    found.extend(symbols::full_symbols(text));
    found.extend(keywords::short_numbers(text, links));
    resolve_overlaps(found)
}

/// Keeps the first of overlapping candidates (links come first, then the longest), in text order.
fn resolve_overlaps(mut found: Vec<Reference>) -> Vec<Reference> {
    let mut kept: Vec<Reference> = Vec::new();
    for r in found.drain(..) {
        if !kept.iter().any(|k| k.span[0] < r.span[1] && r.span[0] < k.span[1]) {
            kept.push(r);
        }
    }
    kept.sort_by_key(|r| r.span);
    kept
}

/// A document-level reference (no span): the draft symbols of a resolution's header.
pub fn from_draft(draft: &str) -> Vec<Reference> {
    // "A/71/L.17 and Add.1" names the draft and its addendum.
    let mut parts = draft.split(" and ");
    let Some(base) = parts.next() else {
        return Vec::new();
    };
    let mut out = vec![Reference { target: base.trim().to_owned(), kind: RefKind::Document, span: [0, 0] }];
    out.extend(parts.map(|p| Reference {
        target: format!("{}/{}", base.trim(), p.trim()),
        kind: RefKind::Document,
        span: [0, 0],
    }));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(text: &str) -> Vec<(String, RefKind)> {
        extract(text, &[]).into_iter().map(|r| (r.target, r.kind)).collect()
    }

    #[test]
    fn english_forms() {
        let t = targets(
            "recalling its resolutions 73/187 of 17 December 2018 and 75/282, as well as Economic and Social Council resolutions 2019/19 and 2019/20 of 23 July 2019",
        );
        assert_eq!(
            t,
            [
                ("A/RES/73/187".into(), RefKind::GaResolution),
                ("A/RES/75/282".into(), RefKind::GaResolution),
                ("E/RES/2019/19".into(), RefKind::EcosocResolution),
                ("E/RES/2019/20".into(), RefKind::EcosocResolution)
            ]
        );
        assert_eq!(
            targets("See decision 60/519 and A/60/88/Corr.2, annex.")[0],
            ("A/DEC/60/519".into(), RefKind::GaDecision)
        );
        assert_eq!(
            targets("See decision 60/519 and A/60/88/Corr.2, annex.")[1],
            ("A/60/88/Corr.2".into(), RefKind::Document)
        );
        assert_eq!(
            targets("United Nations, Treaty Series, vol. 1996, No. 1200."),
            [("UNTS/1996/1200".into(), RefKind::Treaty)]
        );
        assert_eq!(
            targets("INTERPOL resolution GA-2022-90-RES-01, in which"),
            [("GA-2022-90-RES-01".into(), RefKind::InterpolResolution)]
        );
        assert!(targets("The INTERPOL I-24/7 global police system").is_empty());
    }

    #[test]
    fn french_and_chinese_forms() {
        assert_eq!(
            targets("La Résolution 2396 (2017) reconnaît"),
            [("S/RES/2396(2017)".into(), RefKind::ScResolution)]
        );
        assert_eq!(
            targets("a adopté la Résolution 71/19 reconnaissant"),
            [("A/RES/71/19".into(), RefKind::GaResolution)]
        );
        assert_eq!(targets("其1996年10月15日第51/1号决议，"), [("A/RES/51/1".into(), RefKind::GaResolution)]);
        assert_eq!(targets("第 70/1 号决议。"), [("A/RES/70/1".into(), RefKind::GaResolution)]);
        assert_eq!(
            targets("见第60/519号决定及A/60/88和"),
            [("A/DEC/60/519".into(), RefKind::GaDecision), ("A/60/88".into(), RefKind::Document)]
        );
        assert_eq!(targets("联合国，《条约汇编》，第1996卷，第1200号。"), [("UNTS/1996/1200".into(), RefKind::Treaty)]);
    }

    #[test]
    fn spans_point_at_the_printed_reference() {
        let text = "its resolution 51/1 of 15 October";
        let r = &extract(text, &[])[0];
        assert_eq!(&text[r.span[0]..r.span[1]], "51/1");
    }

    #[test]
    fn a_link_that_disagrees_with_the_printed_number_takes_the_printed_one() {
        let text = "Council resolutions 2019/19 and 2019/20 of 23 July 2019";
        let at = text.find("2019/20").unwrap();
        for href in ["https://undocs.org/en/E/RES/2020/20", "https://undocs.org/en/E/RES/2019/20"] {
            let link = Link { span: (at, at + 7), href: href.into() };
            let found = extract(text, &[link]);
            let linked = found.iter().find(|r| r.span == [at, at + 7]).expect("the link is a reference");
            assert_eq!(linked.target, "E/RES/2019/20", "{href}");
        }
    }

    #[test]
    fn links_name_their_target() {
        let text = "its resolution 51/1 of";
        let link = Link { span: (15, 19), href: "https://undocs.org/en/A/RES/51/1".into() };
        assert_eq!(extract(text, &[link])[0].target, "A/RES/51/1");
    }

    #[test]
    fn draft_with_addendum() {
        let r = from_draft("A/71/L.17 and Add.1");
        assert_eq!(r.iter().map(|r| r.target.as_str()).collect::<Vec<_>>(), ["A/71/L.17", "A/71/L.17/Add.1"]);
    }
}
