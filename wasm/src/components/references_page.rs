//! The reference graph: every instrument the corpus cites, with who cites it; for one document,
//! what it cites and what cites it.

use super::use_corpus;
use crate::route::Route;
use resolex_core::corpus::Citing;
use resolex_core::{DocId, ParaId, RefEdge, Reference};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReferencesPageProps {
    pub doc: Option<DocId>,
}

#[function_component(ReferencesPage)]
pub fn references_page(props: &ReferencesPageProps) -> Html {
    let corpus = use_corpus();
    // The graph reads every document: with parts apart, every block (the reference graph is not
    // yet an index of its own).
    let graph = use_memo(corpus.2, |_| {
        let graph = corpus.0.corpus().map(|c| c.graph()).map_err(|e| e.to_string());
        (graph, corpus.status())
    });
    if let Some(waiting) = super::pending(&corpus, &graph.1) {
        return html! { <section class="page"><h1>{"References"}</h1>{ waiting }</section> };
    }
    let graph = match &graph.0 {
        Ok(g) => g,
        Err(e) => return html! { <section class="page"><h1>{"References"}</h1><p>{ e.clone() }</p></section> },
    };
    match &props.doc {
        None => html! {
            <section class="page references">
                <h1>{ format!("References: {} instruments cited", graph.len()) }</h1>
                <ul class="edges">{ for graph.iter().map(edge) }</ul>
            </section>
        },
        Some(doc) => {
            let cites: Vec<&RefEdge> = graph.iter().filter(|e| e.cited_by.iter().any(|c| &c.doc == doc)).collect();
            let cited = graph.iter().find(|e| e.target == doc.as_str());
            html! {
                <section class="page references">
                    <h1>{ format!("References of {doc}") }</h1>
                    <p><a href={Route::Document { doc: doc.clone(), para: None, lang: None }.to_hash()}>{"Open the document"}</a></p>
                    <h2>{ format!("It cites ({})", cites.len()) }</h2>
                    <ul class="edges">{ for cites.iter().map(|e| edge_from(e, doc)) }</ul>
                    <h2>{"It is cited by"}</h2>
                    if let Some(e) = cited {
                        { citing(e.cited_by.iter()) }
                    } else {
                        <p class="note">{"No document in this corpus cites it."}</p>
                    }
                </section>
            }
        }
    }
}

fn target_link(e: &RefEdge) -> Html {
    let doc = DocId(e.target.clone());
    let undocs = Reference { target: e.target.clone(), kind: e.kind, span: [0, 0] }.undocs_url();
    match undocs {
        _ if e.in_corpus => {
            html! { <a href={Route::Document { doc, para: None, lang: None }.to_hash()}>{ resolex_core::display::inert(&e.target).into_owned() }</a> }
        }
        Some(url) => html! {
            <a class="external" href={url} target="_blank" rel="noopener noreferrer">{ resolex_core::display::inert(&e.target).into_owned() }</a>
        },
        None => html! { <span>{ resolex_core::display::inert(&e.target).into_owned() }</span> },
    }
}

fn edge(e: &RefEdge) -> Html {
    html! {
        <li>
            { target_link(e) }<span class="kind">{ format!(" {}{}", e.kind, if e.in_corpus { ", in this corpus" } else { "" }) }</span>
            { citing(e.cited_by.iter()) }
        </li>
    }
}

/// An edge as seen from `doc`: only its own citing paragraphs.
fn edge_from(e: &RefEdge, doc: &DocId) -> Html {
    html! {
        <li>
            { target_link(e) }<span class="kind">{ format!(" {}", e.kind) }</span>
            { citing(e.cited_by.iter().filter(|c| &c.doc == doc)) }
        </li>
    }
}

/// The citing paragraphs, one row per paragraph with a link per language version.
fn citing<'a>(all: impl Iterator<Item = &'a Citing>) -> Html {
    let mut rows: Vec<(&DocId, Option<&ParaId>, Vec<&Citing>)> = Vec::new();
    for c in all {
        match rows.iter_mut().find(|(d, p, _)| *d == &c.doc && *p == c.para.as_ref()) {
            Some(row) => row.2.push(c),
            None => rows.push((&c.doc, c.para.as_ref(), vec![c])),
        }
    }
    let row = |(doc, para, versions): &(&DocId, Option<&ParaId>, Vec<&Citing>)| {
        let label = para.map_or_else(|| doc.to_string(), |p| format!("{doc} {p}"));
        let links = versions.iter().map(|c| {
            let route = Route::Document { doc: c.doc.clone(), para: c.para.clone(), lang: Some(c.lang.0.clone()) };
            html! { <>{" "}<a href={route.to_hash()} hreflang={c.lang.0.clone()}
            aria-label={format!("{label} in {}", c.lang)}>{ c.lang.0.clone() }</a></> }
        });
        html! { <li><span class="cited-in">{ label.clone() }</span>{ for links }</li> }
    };
    html! { <ul class="citing">{ for rows.iter().map(row) }</ul> }
}
