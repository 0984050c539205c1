//! The lexicon: the words of the corpus that start with a prefix, with the number of
//! paragraphs holding each; a word searches for itself.

use super::{use_corpus, use_nav};
use crate::route::Route;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Words listed at most.
const SHOWN: usize = 300;

#[derive(Properties, PartialEq)]
pub struct LexiconPageProps {
    pub prefix: String,
}

#[function_component(LexiconPage)]
pub fn lexicon_page(props: &LexiconPageProps) -> Html {
    let (corpus, nav) = (use_corpus(), use_nav());
    let terms = use_memo((props.prefix.clone(), corpus.2), |(p, _)| (corpus.0.lexicon(p), corpus.status()));
    let (terms, waiting) = (&terms.0, super::pending(&corpus, &terms.1));
    let oninput = Callback::from(move |e: InputEvent| {
        nav.typed(Route::Lexicon { prefix: e.target_unchecked_into::<HtmlInputElement>().value() });
    });
    let items = terms.iter().take(SHOWN).map(|(term, n)| {
        let href = Route::Search { query: term.clone() }.to_hash();
        html! { <li><a {href} dir="auto">{ resolex_core::display::inert(term).into_owned() }</a><span class="count">{ n }</span></li> }
    });
    html! {
        <section class="page lexicon">
            <h1>{"Lexicon"}</h1>
            <label for="prefix">{"Words starting with"}</label>
            <input id="prefix" type="search" value={props.prefix.clone()} {oninput} autocomplete="off" spellcheck="false" />
            if let Some(waiting) = waiting {
                { waiting }
            }
            <p role="status">{ match terms.len() {
                n if n > SHOWN => format!("{n} words; the first {SHOWN} shown"),
                n => format!("{n} words"),
            } }</p>
            <ul class="terms">{ for items }</ul>
        </section>
    }
}
