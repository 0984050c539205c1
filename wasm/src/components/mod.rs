//! The explorer's views, one function component per file. Each reads the corpus and the
//! navigator from context ([`crate::context`]) and leaves decisions to the plain-Rust modules.

pub mod app;
pub mod cited_by_panel;
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

/// The corpus and navigator every view needs; the app always provides both.
#[hook]
pub fn use_env() -> (Corpus, Nav) {
    let corpus = use_context::<Corpus>().expect("App provides the corpus");
    let nav = use_context::<Nav>().expect("App provides the navigator");
    (corpus, nav)
}

/// The writing direction of a language: right to left for Arabic and its neighbours, else
/// left to right.
pub fn dir(lang: &str) -> &'static str {
    if Lang::new(lang).as_str().split('-').next().is_some_and(|l| matches!(l, "ar" | "he" | "fa" | "ur")) {
        "rtl"
    } else {
        "ltr"
    }
}
