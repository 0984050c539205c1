//! The head of a document in the reader: title, symbol, metadata, its language versions and
//! where to go from here (its references, the UN's own page).

use super::use_corpus;
use crate::context::Shared;
use crate::route::Route;
use resolex_core::display::inert;
use resolex_core::reading::versions;
use resolex_core::{Document, ParaId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocHeaderProps {
    pub document: Shared<Document>,
    pub para: Option<ParaId>,
}

#[function_component(DocHeader)]
pub fn doc_header(props: &DocHeaderProps) -> Html {
    let corpus = use_corpus();
    let d = &props.document;
    let m = &d.meta;
    let title = m.title.clone().unwrap_or_else(|| d.doc.to_string());
    let mut facts: Vec<(&str, String)> = vec![("Symbol", d.doc.to_string())];
    facts.extend(m.date.clone().map(|v| ("Adopted", v)));
    facts.extend(m.session.map(|v| ("Session", v.to_string())));
    facts.extend(m.agenda_item.clone().map(|v| ("Agenda item", v)));
    facts.extend(m.draft.clone().map(|v| ("Draft", v)));
    facts.extend(m.meeting.map(|v| ("Plenary meeting", v.to_string())));
    facts.extend(m.vote.as_ref().map(|v| ("Vote", v.to_string())));
    if !m.subjects.is_empty() {
        facts.push(("Subjects", m.subjects.join("; ")));
    }
    let langs = versions(&corpus.0, &d.doc).into_iter().filter_map(|i| corpus.0.docs().get(i)).map(|e| {
        let route = Route::Document { doc: d.doc.clone(), para: props.para.clone(), lang: Some(e.lang.0.clone()) };
        let current = e.lang == d.lang;
        html! { <li><a href={route.to_hash()} hreflang={e.lang.0.clone()} aria-current={current.then_some("true")}>{ e.lang.0.clone() }</a></li> }
    });
    let undocs = d.doc.as_str().contains('/').then(|| format!("https://undocs.org/{}", d.doc));
    // Again when parts arrive: the series reads titles, which are in parts of their own.
    let previous = use_memo((d.doc.clone(), corpus.2), |(doc, _)| resolex_core::series::previous(&*corpus.0, doc));
    let compare = previous
        .as_ref()
        .as_ref()
        .map(|p| Route::Compare { before: p.clone(), after: d.doc.clone(), lang: Some(d.lang.0.clone()) }.to_hash());
    html! {
        <header class="doc-header">
            <h1>{ inert(&title).into_owned() }</h1>
            <dl class="facts" dir="ltr" lang="en">
                { for facts.into_iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ inert(&v).into_owned() }</dd></> }) }
            </dl>
            <nav class="doc-links" aria-label="This document" dir="ltr" lang="en">
                <span class="label">{"Languages:"}</span>
                <ul class="versions">{ for langs }</ul>
                <a href={Route::References { doc: Some(d.doc.clone()) }.to_hash()}>{"References"}</a>
                if let Some(href) = compare {
                    // Pointed at or focused, the link starts fetching the comparison's wasm.
                    <a class="compare" {href} onpointerenter={Callback::from(|_| crate::comparer::warm())}
                        onfocus={Callback::from(|_| crate::comparer::warm())}>{"Compare with the previous resolution"}</a>
                }
                if let Some(url) = undocs {
                    <a href={url} class="external" target="_blank" rel="noopener noreferrer">{"undocs.org"}</a>
                }
            </nav>
        </header>
    }
}
