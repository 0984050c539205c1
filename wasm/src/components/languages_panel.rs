//! One paragraph in every language the corpus holds, side by side; each heading opens the
//! document in that language at this paragraph.

use super::marked_text::marked;
use super::{dir, use_corpus};
use crate::route::Route;
use crate::segments::{Decor, segments};
use resolex_core::reading::translations;
use resolex_core::{DocId, ParaId};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LanguagesPanelProps {
    pub doc: DocId,
    pub para: ParaId,
    /// The language the reader shows.
    pub current: String,
}

#[function_component(LanguagesPanel)]
pub fn languages_panel(props: &LanguagesPanelProps) -> Html {
    let corpus = use_corpus();
    let versions = translations(&corpus.0, &props.doc, props.para.as_str());
    if let Some(waiting) = super::pending(&corpus, &corpus.status()) {
        return waiting;
    }
    if versions.len() < 2 {
        return html! { <p class="note">{"The corpus holds this paragraph in one language only."}</p> };
    }
    let cells = versions.into_iter().map(|(entry, view)| {
        let lang = entry.lang.0.clone();
        let route = Route::Document { doc: props.doc.clone(), para: Some(props.para.clone()), lang: Some(lang.clone()) };
        let current = lang == props.current;
        html! {
            <section class={classes!("version", current.then_some("current"))} aria-label={format!("{} in {lang}", props.para)}>
                <h3><a href={route.to_hash()} hreflang={lang.clone()} aria-current={current.then_some("true")}>{ lang.clone() }</a></h3>
                <p lang={lang.clone()} dir={dir(&lang)}>
                    { marked(&segments(view.text, &Decor::default()), &[], &[]) }
                </p>
            </section>
        }
    });
    html! {
        <div class="languages" role="group" aria-label={format!("{} in every language", props.para)}>
            { for cells }
        </div>
    }
}
