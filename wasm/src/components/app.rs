//! The explorer's frame: the header with its navigation, the view of the current route, and
//! the keys that work everywhere (`/` goes to the search box).

use super::compare_page::ComparePage;
use super::document_page::DocumentPage;
use super::documents_page::DocumentsPage;
use super::lexicon_page::LexiconPage;
use super::references_page::ReferencesPage;
use super::search_page::SearchPage;
use crate::address;
use crate::context::{Corpus, Go, Nav};
use crate::dom;
use crate::route::Route;
use gloo_events::{EventListener, EventListenerOptions};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub corpus: Corpus,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let route = use_state(dom::current_route);
    // Parts arriving draw every view that reads the corpus again.
    let generation = use_state(|| props.corpus.2);
    use_effect_with((), {
        let (loader, set) = (Rc::clone(&props.corpus.1), generation.setter());
        move |()| loader.on_redraw(Callback::from(move |g| set.set(g)))
    });
    let corpus = Corpus(Rc::clone(&props.corpus.0), Rc::clone(&props.corpus.1), *generation);
    // After each drawing: fetch what any view's reads lacked and did not ask for itself.
    use_effect({
        let corpus = corpus.clone();
        move || {
            corpus.status();
        }
    });
    use_effect_with((), {
        let set = route.setter();
        move |()| {
            let window = web_sys::window().expect("the explorer runs in a window");
            // Back, Forward or an address of the user's own: what was typed on the entry left
            // behind is not written onto this one.
            let listener = EventListener::new(&window, "hashchange", move |_| {
                address::forget();
                set.set(dom::current_route());
            });
            // The address typed so far is written before a click can follow a link away from
            // it, before the page loses the focus (to the address bar, say) and before it is
            // left or hidden.
            let capture = EventListenerOptions::run_in_capture_phase();
            let click = EventListener::new_with_options(&window, "click", capture, |_| address::settle());
            let blur = EventListener::new(&window, "blur", |_| address::settle());
            let hide = EventListener::new(&window, "pagehide", |_| address::settle());
            move || drop((listener, click, blur, hide))
        }
    });
    use_effect_with((), {
        let set = route.setter();
        move |()| {
            let document = web_sys::window().and_then(|w| w.document()).expect("the explorer runs in a document");
            // Not passive: `/` must not also type itself into the box it focuses.
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&document, "keydown", options, move |e| slash_to_search(e, &set));
            move || drop(listener)
        }
    });
    let go = {
        let set = route.setter();
        Callback::from(move |go: Go| match go {
            Go::Push(r) => address::open(&r),
            Go::Replace(r) => {
                address::rewrite(&r);
                set.set(r);
            }
            Go::Type(r) => {
                address::follow(r.clone());
                set.set(r);
            }
        })
    };
    let nav = Nav { route: Rc::new((*route).clone()), go };
    html! {
        <ContextProvider<Corpus> context={corpus}>
            <ContextProvider<Nav> context={nav}>
                <a class="skip" href="#main" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); dom::focus("main"); })}>
                    {"Skip to content"}
                </a>
                <header class="top">
                    <a class="brand" href="#/search">{"Resolex"}</a>
                    <nav aria-label="Views">
                        { nav_link("#/search", "Search", matches!(*route, Route::Search { .. })) }
                        { nav_link("#/docs", "Documents", matches!(*route, Route::Documents | Route::Document { .. })) }
                        { nav_link("#/refs", "References", matches!(*route, Route::References { .. })) }
                        { nav_link("#/lexicon", "Lexicon", matches!(*route, Route::Lexicon { .. })) }
                    </nav>
                </header>
                <main id="main" tabindex="-1">{ view(&route) }</main>
            </ContextProvider<Nav>>
        </ContextProvider<Corpus>>
    }
}

fn nav_link(href: &'static str, label: &'static str, current: bool) -> Html {
    html! { <a href={href} aria-current={current.then_some("page")}>{label}</a> }
}

fn view(route: &Route) -> Html {
    match route {
        Route::Search { query } => html! { <SearchPage query={query.clone()} /> },
        Route::Document { doc, para, lang } => {
            html! { <DocumentPage doc={doc.clone()} para={para.clone()} lang={lang.clone()} /> }
        }
        Route::References { doc } => html! { <ReferencesPage doc={doc.clone()} /> },
        Route::Lexicon { prefix } => html! { <LexiconPage prefix={prefix.clone()} /> },
        Route::Documents => html! { <DocumentsPage /> },
        Route::Compare { before, after, lang } => {
            html! { <ComparePage before={before.clone()} after={after.clone()} lang={lang.clone()} /> }
        }
        Route::Unknown(hash) => html! {
            <section class="page">
                <h1>{"Nothing here"}</h1>
                <p>{"The address "}<code>{format!("#/{hash}")}</code>{" names no view of Resolex. "}
                   <a href="#/search">{"Search the corpus"}</a>{" or "}<a href="#/docs">{"list its documents"}</a>{"."}</p>
            </section>
        },
    }
}

/// `/` anywhere but in a text field goes to the search box.
fn slash_to_search(event: &web_sys::Event, set: &UseStateSetter<Route>) {
    let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
    if key.key() != "/" || key.ctrl_key() || key.meta_key() || key.alt_key() || dom::typing() {
        return;
    }
    key.prevent_default();
    if matches!(dom::current_route(), Route::Search { .. }) {
        dom::focus("q");
    } else {
        let r = Route::Search { query: String::new() };
        address::open(&r);
        set.set(r);
    }
}
