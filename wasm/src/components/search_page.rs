//! The search view: results as you type, with facets, keyboard selection (arrows, Enter, Esc)
//! and the time the core took, kept on the results for measurement (`data-search-ms`).

use super::facet_panel::{FacetGroup, FacetPanel};
use super::hit_item::HitItem;
use super::{use_corpus, use_nav};
use crate::dom;
use crate::hits;
use crate::loader::Status;
use crate::route::Route;
use resolex_core::bundle::Bundle;
use resolex_core::search::{Counts, Facets, Hit, facets_of, hits_of, matches};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Hits drawn at first, and added by each "more".
const PAGE: usize = 20;
/// Facet values shown per facet.
const FACET_VALUES: usize = 8;

/// The selected hit of one query, moved and read by the keys as they come, not as the page last
/// drew it: ↓ ↓ Enter pressed quickly opens the third hit.
#[derive(Default)]
struct Selection {
    query: String,
    index: usize,
}

impl Selection {
    fn of(&self, query: &str) -> usize {
        if self.query == query { self.index } else { 0 }
    }

    /// One hit down (of `len`) or up.
    fn step(&mut self, query: &str, down: bool, len: usize) {
        let i = self.of(query);
        self.index = if down { if i + 1 < len { i + 1 } else { i } } else { i.saturating_sub(1) };
        query.clone_into(&mut self.query);
    }
}

#[derive(Properties, PartialEq)]
pub struct SearchPageProps {
    pub query: String,
}

#[function_component(SearchPage)]
pub fn search_page(props: &SearchPageProps) -> Html {
    let (corpus, nav) = (use_corpus(), use_nav());
    let query = props.query.clone();
    // Selection and page count belong to one query: another query starts them afresh.
    let selected = use_mut_ref(Selection::default);
    let redraw = use_force_update();
    let more = use_state(|| (String::new(), 0usize));
    let sel = selected.borrow().of(&query);
    let pages = if more.0 == query { more.1 } else { 0 };
    let limit = PAGE * (1 + pages);
    // Hits first, facets once the hits are whole: with the bundle's parts apart, the hits need
    // only their lexicon ranges, postings and blocks; facets read every match's outline.
    // The query's matches are found once, for the hits and then for the facets.
    let found = use_memo((query.clone(), limit, corpus.2), |(q, limit, _)| {
        let start = dom::now();
        let found = matches(&corpus.0, q);
        let r = hits_of(&corpus.0, q, &found, *limit);
        (r, dom::now() - start, corpus.status(), found)
    });
    let (results, ms, status) = (&found.0, found.1, &found.2);
    let ready = *status == Status::Ready;
    let facets = use_memo((query.clone(), corpus.2, ready), |(_, _, ready)| {
        if !ready {
            return None;
        }
        // Found when every part the hits needed was in: all the matches.
        let facets = facets_of(&corpus.0, &found.3);
        (corpus.status() == Status::Ready).then_some(facets)
    });
    use_effect_with((), |()| dom::focus("q"));
    use_effect_with(sel, |i| dom::scroll_to(&format!("hit-{i}"), false));

    let on_query = {
        let nav = nav.clone();
        Callback::from(move |q: String| nav.replace(Route::Search { query: q }))
    };
    let oninput = {
        let nav = nav.clone();
        Callback::from(move |e: InputEvent| {
            nav.typed(Route::Search { query: e.target_unchecked_into::<HtmlInputElement>().value() });
        })
    };
    let onkeydown = {
        let (nav, selected, query) = (nav.clone(), selected.clone(), query.clone());
        let hits: Vec<Route> = results.hits.iter().map(hits::route).collect();
        Callback::from(move |e: KeyboardEvent| {
            match e.key().as_str() {
                key @ ("ArrowDown" | "ArrowUp") => {
                    selected.borrow_mut().step(&query, key == "ArrowDown", hits.len());
                    redraw.force_update();
                }
                "Enter" => {
                    if let Some(r) = hits.get(selected.borrow().of(&query)) {
                        nav.push(r.clone());
                    }
                }
                "Escape" => nav.replace(Route::Search { query: String::new() }),
                _ => return,
            }
            e.prevent_default();
        })
    };
    let on_more = {
        let (more, query) = (more.clone(), query.clone());
        Callback::from(move |_| more.set((query.clone(), pages + 1)))
    };
    let waiting = super::pending(&corpus, status);
    // Tests and the benchmark wait for `data-query`: it names a query only once its hits are whole.
    let answered = waiting.is_none().then(|| query.clone());
    // The box controls the list of hits only while there is one (an id that names nothing is an
    // ARIA error, for the moment parts are still arriving too).
    let controls = (waiting.is_none() && !query.trim().is_empty()).then_some("hits");
    let status = match results.total {
        _ if query.trim().is_empty() => String::new(),
        _ if waiting.is_some() => "Searching…".to_owned(),
        0 => "No paragraph matches".to_owned(),
        1 => "1 hit".to_owned(),
        n => format!("{n} hits"),
    };
    html! {
        <section class="page search">
            <h1 class="visually-hidden">{"Search"}</h1>
            <div class="searchbar" role="search">
                <label for="q" class="visually-hidden">{"Search the resolutions"}</label>
                <input id="q" type="search" value={query.clone()} {oninput} {onkeydown}
                       placeholder="Search: police cooperation, \"transnational crime\", lang:fr, 国际刑警…"
                       autocomplete="off" spellcheck="false" aria-controls={controls} aria-describedby="search-help" />
            </div>
            <p id="search-help" class="help">
                {"Words must all match; "}<code>{"\"a phrase\""}</code>{", "}<code>{"word*"}</code>{", "}
                <code>{"word~"}</code>{" (typos), "}<code>{"-word"}</code>{", "}<code>{"a OR b"}</code>
                {"; filters "}<code>{"lang:fr"}</code>{" "}<code>{"kind:operative"}</code>{" "}
                <code>{"cites:71/19"}</code>{". Arrows move, Enter opens, Esc clears, / comes back here."}
            </p>
            <p class="hit-count" role="status" data-query={answered} data-search-ms={crate::dom::millis(ms)}>{ status }</p>
            // Always there, so that a note arriving does not reshape the page around the search box.
            <div class="notes" aria-live="polite">
                { for results.notes.iter().map(|n| html! { <p class="note">{ n.clone() }</p> }) }
            </div>
            if query.trim().is_empty() {
                { intro() }
            } else if let Some(waiting) = waiting {
                { waiting }
            } else {
                <div class="results">
                    <FacetPanel groups={(*facets).as_ref().map(facet_groups).unwrap_or_default()} query={query.clone()} {on_query} />
                    <div class="hit-column">
                        <ol id="hits" class="hits" aria-label="Hits">
                            { for results.hits.iter().enumerate().map(|(i, h)| hit_item(&corpus.0, i, h, i == sel)) }
                        </ol>
                        if results.hits.len() < results.total {
                            <button type="button" class="more" onclick={on_more}>
                                { format!("Show more ({} of {})", results.hits.len(), results.total) }
                            </button>
                        }
                    </div>
                </div>
            }
        </section>
    }
}

fn hit_item(bundle: &Bundle, index: usize, h: &Hit, selected: bool) -> Html {
    let s = hits::snippet(h);
    html! {
        <HitItem key={format!("{}:{}:{}", h.doc, h.lang, h.para)} {index} doc={h.doc.clone()} para={h.para.clone()}
                 cite={resolex_core::display::inert(&h.cite).into_owned()} lang={h.lang.clone()} title={hits::title(bundle, h)} href={hits::route(h).to_hash()}
                 snippet={s.segments} cut={(s.before, s.after)} {selected} />
    }
}

/// The facets to show, most frequent values first.
fn facet_groups(f: &Facets) -> Vec<FacetGroup> {
    let top = |counts: &Counts| crate::facet_query::most_frequent(counts.iter(), FACET_VALUES);
    vec![
        FacetGroup { field: "lang", label: "Language", values: top(&f.lang) },
        FacetGroup { field: "doc", label: "Document", values: top(&f.doc) },
        FacetGroup { field: "kind", label: "Paragraph kind", values: top(&f.kind) },
        FacetGroup { field: "lead", label: "Lead", values: top(&f.lead) },
        FacetGroup { field: "year", label: "Year", values: top(&f.year) },
    ]
}

/// What the empty search shows: what Resolex holds and queries to start from.
fn intro() -> Html {
    let examples = [
        "\"police cooperation\"",
        "INTERPOL databases",
        "lang:fr coopération",
        "国际刑警",
        "cites:71/19",
        "kind:operative lead:encourages",
        "terorism~",
    ];
    html! {
        <div class="intro">
            <p>{"Resolex finds what the United Nations has said, where, and in which words: every paragraph of \
                 every resolution in the corpus, in each language it holds, with its references."}</p>
            <h2>{"Try"}</h2>
            <ul class="examples">
                { for examples.iter().map(|q| html! {
                    <li><a href={Route::Search { query: (*q).to_owned() }.to_hash()}><code>{ *q }</code></a></li>
                }) }
            </ul>
        </div>
    }
}
