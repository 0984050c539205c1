//! The reader: a document with its structure, the selected paragraph with its languages and
//! its citation, and the paragraphs elsewhere in the corpus that cite the document.

use super::cited_by_panel::CitedByPanel;
use super::doc_header::DocHeader;
use super::paragraph_view::ParagraphView;
use super::use_corpus;
use crate::context::Shared;
use crate::dom;
use resolex_core::reading::preferred_version;
use resolex_core::{DocId, Document, ParaId};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DocumentPageProps {
    pub doc: DocId,
    pub para: Option<ParaId>,
    pub lang: Option<String>,
}

#[function_component(DocumentPage)]
pub fn document_page(props: &DocumentPageProps) -> Html {
    let corpus = use_corpus();
    let index = preferred_version(&corpus.0, &props.doc, props.lang.as_deref());
    // Decoded once per version, with its footnote backlinks: not again for each paragraph selected.
    let document = use_memo((index, corpus.2), |(i, _)| {
        let d = i.map(|i| {
            let d = corpus.0.document(i).map_err(|e| e.to_string())?;
            let backlinks = footnote_backlinks(&d);
            Ok::<_, String>((Shared(Rc::new(d)), Shared(Rc::new(backlinks))))
        });
        (d, corpus.status())
    });
    let target = props.para.as_ref().map(|p| format!("para-{p}"));
    let ready = document.1 == crate::loader::Status::Ready;
    use_effect_with((target.clone(), index, ready), |(t, _, _)| match t {
        Some(id) => {
            dom::scroll_to(id, true);
            dom::focus(id);
        }
        None => dom::scroll_top(),
    });
    if let Some(waiting) = super::pending(&corpus, &document.1) {
        return html! { <section class="page">{ waiting }</section> };
    }
    let document = match document.0.as_ref() {
        None => return missing(&props.doc),
        Some(Err(e)) => {
            return html! { <section class="page"><h1>{"This document does not open"}</h1><p>{ e.clone() }</p></section> };
        }
        Some(Ok((d, backlinks))) => (d.clone(), backlinks.clone()),
    };
    let (document, backlinks) = document;
    let asked_missing = props.para.as_ref().filter(|p| document.paragraph(p).is_none());
    let lang_missing = props.lang.as_ref().filter(|l| *l != document.lang.as_str());
    html! {
        <article class="page reader" lang={document.lang.0.clone()} dir={super::dir(document.lang.as_str())}>
            <DocHeader document={document.clone()} para={props.para.clone()} />
            if let Some(l) = lang_missing {
                <p class="note" dir="ltr" lang="en">{ format!("The corpus does not hold this document in “{l}”; shown in {}.", document.lang) }</p>
            }
            if let Some(p) = asked_missing {
                <p class="note" dir="ltr" lang="en">{ format!("This document has no paragraph {p}.") }</p>
            }
            <div class="paragraphs">
                { for document.paragraphs.iter().enumerate().map(|(i, p)| html! {
                    <ParagraphView key={p.id.to_string()} document={document.clone()} index={i}
                                   selected={props.para.as_ref() == Some(&p.id)} backlinks={backlinks.clone()} />
                }) }
            </div>
            <CitedByPanel doc={document.doc.clone()} />
        </article>
    }
}

fn missing(doc: &DocId) -> Html {
    html! {
        <section class="page">
            <h1>{"Not in this corpus"}</h1>
            <p>{"The corpus holds no document "}<code>{ resolex_core::display::inert(doc.as_str()).into_owned() }</code>{". "}
               <a href={format!("https://undocs.org/{doc}")} target="_blank" rel="noopener noreferrer">{"Look for it on undocs.org"}</a>
               {", or "}<a href="#/docs">{"see what the corpus holds"}</a>{"."}</p>
        </section>
    }
}

/// For each footnote, the paragraphs that point to it.
fn footnote_backlinks(d: &Document) -> BTreeMap<ParaId, Vec<ParaId>> {
    let mut out: BTreeMap<ParaId, Vec<ParaId>> = BTreeMap::new();
    for p in &d.paragraphs {
        for n in &p.notes {
            out.entry(n.clone()).or_default().push(p.id.clone());
        }
    }
    out
}
