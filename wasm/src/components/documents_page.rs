//! Every document version the corpus holds, with its date and counts by kind.

use super::{dir, use_corpus};
use crate::route::Route;
use resolex_core::display::inert;
use yew::prelude::*;

#[function_component(DocumentsPage)]
pub fn documents_page() -> Html {
    let corpus = use_corpus();
    let b = &corpus.0;
    // Titles are in parts of their own: with the parts apart, the list waits for them.
    let titles: Vec<Option<String>> = (0..b.docs().len()).map(|i| b.title(i)).collect();
    if let Some(waiting) = super::pending(&corpus, &corpus.status()) {
        return html! { <section class="page documents"><h1>{"Documents"}</h1>{ waiting }</section> };
    }
    let rows = b.docs().iter().zip(&titles).map(|(e, title)| {
        let route = Route::Document { doc: e.doc.clone(), para: None, lang: Some(e.lang.0.clone()) };
        let counts: Vec<String> = e.counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
        html! {
            <tr>
                <td><a href={route.to_hash()}>{ inert(e.doc.as_str()).into_owned() }</a></td>
                <td>{ e.lang.0.clone() }</td>
                <td>{ e.date.clone().unwrap_or_default() }</td>
                <td lang={e.lang.0.clone()} dir={dir(e.lang.as_str())}>{ inert(title.as_deref().unwrap_or_default()).into_owned() }</td>
                <td class="counts">{ counts.join(", ") }</td>
            </tr>
        }
    });
    html! {
        <section class="page documents">
            <h1>{ format!("Documents ({} versions, {} paragraphs)", b.docs().len(), b.paragraph_count()) }</h1>
            <div class="table-wrap">
                <table>
                    <thead><tr><th scope="col">{"Document"}</th><th scope="col">{"Language"}</th><th scope="col">{"Date"}</th>
                        <th scope="col">{"Title"}</th><th scope="col">{"Paragraphs"}</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
