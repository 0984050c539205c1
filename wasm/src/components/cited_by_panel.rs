//! The paragraphs elsewhere in the corpus that cite a document, each a link to itself.

use super::{dir, use_corpus};
use crate::route::Route;
use resolex_core::cite::citation_of;
use resolex_core::reading::cited_by;
use resolex_core::{DocId, ParaId};
use yew::prelude::*;

/// How much of a citing paragraph to show.
const EXCERPT: usize = 160;

#[derive(Properties, PartialEq)]
pub struct CitedByPanelProps {
    pub doc: DocId,
}

#[function_component(CitedByPanel)]
pub fn cited_by_panel(props: &CitedByPanelProps) -> Html {
    let corpus = use_corpus();
    let b = &corpus.0;
    let citing = cited_by(b, &props.doc);
    if let Some(waiting) = super::pending(&corpus, &corpus.status()) {
        return html! { <section class="cited-by" dir="ltr" lang="en"><h2>{"Cited by"}</h2>{ waiting }</section> };
    }
    let items = citing.iter().filter_map(|p| {
        let e = b.docs().get(p.doc)?;
        let route = Route::Document { doc: e.doc.clone(), para: ParaId::parse(p.id), lang: Some(e.lang.0.clone()) };
        let excerpt: String = p.text.chars().take(EXCERPT).collect();
        let more = if excerpt.len() < p.text.len() { "…" } else { "" };
        Some(html! {
            <li>
                <a href={route.to_hash()}>{ citation_of(&e.doc, p.kind, p.id, p.num) }</a>
                <span class="lang-tag">{ e.lang.0.clone() }</span>
                <p lang={e.lang.0.clone()} dir={dir(e.lang.as_str())}>{ resolex_core::display::inert(&format!("{excerpt}{more}")).into_owned() }</p>
            </li>
        })
    });
    html! {
        <section class="cited-by" aria-labelledby="cited-by-title" dir="ltr" lang="en">
            <h2 id="cited-by-title">{ format!("Cited by ({})", citing.len()) }</h2>
            if citing.is_empty() {
                <p class="note">{"No paragraph in this corpus cites this document."}</p>
            } else {
                <ul>{ for items }</ul>
            }
        </section>
    }
}
