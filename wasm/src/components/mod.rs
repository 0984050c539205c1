//! The explorer's views, one function component per file. Each reads the corpus and the
//! navigator from context ([`crate::context`]) and leaves decisions to the plain-Rust modules.

pub mod app;
pub mod cited_by_panel;
pub mod compare_page;
pub mod copy_button;
pub mod doc_header;
pub mod document_page;
pub mod documents_page;
pub mod facet_panel;
pub mod hit_item;
pub mod languages_panel;
pub mod lexicon_page;
pub mod marked_text;
pub mod paragraph_view;
pub mod references_page;
pub mod search_page;

use crate::context::{Corpus, Nav};
use resolex_core::model::Lang;
use yew::prelude::*;

/// The loaded corpus; the app always provides it. It changes only when parts arrive, so a view
/// that reads only the corpus is not drawn again when the route changes.
#[hook]
pub fn use_corpus() -> Corpus {
    use_context::<Corpus>().expect("App provides the corpus")
}

/// The navigator: the current route and the way to change it. A view that takes it is drawn
/// again on every change of route, so only the views that navigate by script take it.
#[hook]
pub fn use_nav() -> Nav {
    use_context::<Nav>().expect("App provides the navigator")
}

/// What a view shows while its parts load, or when one failed (with a retry).
pub fn pending(corpus: &Corpus, status: &crate::loader::Status) -> Option<Html> {
    use crate::loader::Status;
    match status {
        Status::Ready => None,
        Status::Loading => Some(html! { <p class="loading" role="status" aria-busy="true">{"Loading…"}</p> }),
        Status::Failed(msg) => {
            let loader = std::rc::Rc::clone(&corpus.1);
            let onclick = Callback::from(move |_| loader.retry());
            Some(html! {
                <div class="error part-error" role="alert">
                    <p>{ resolex_core::display::inert(msg).into_owned() }</p>
                    <button type="button" class="retry" {onclick}>{"Retry"}</button>
                </div>
            })
        }
    }
}

/// The writing direction of a language: right to left for Arabic and its neighbours, else
/// left to right.
pub fn dir(lang: &str) -> &'static str {
    if Lang::new(lang).is_rtl() { "rtl" } else { "ltr" }
}
