//! Facets of the current hits with their counts: a click adds the filter to the query (or
//! removes it), so the query box always says what is filtered.

use crate::facet_query;
use yew::prelude::*;

/// One facet: the filter field, its label, values with counts (most frequent first).
#[derive(Clone, PartialEq, Debug)]
pub struct FacetGroup {
    pub field: &'static str,
    pub label: &'static str,
    pub values: Vec<(String, usize)>,
}

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub groups: Vec<FacetGroup>,
    pub query: String,
    /// Hears the new query.
    pub on_query: Callback<String>,
}

#[function_component(FacetPanel)]
pub fn facet_panel(props: &FacetPanelProps) -> Html {
    let groups = props.groups.iter().filter(|g| !g.values.is_empty()).map(|g| {
        let buttons = g.values.iter().map(|(value, count)| {
            let filter = facet_query::filter(g.field, value);
            let pressed = facet_query::holds(&props.query, &filter);
            let next = facet_query::toggle(&props.query, &filter);
            let on_query = props.on_query.clone();
            html! {
                <li>
                    <button type="button" class="facet" aria-pressed={if pressed { "true" } else { "false" }}
                            title={filter.clone()} onclick={Callback::from(move |_| on_query.emit(next.clone()))}>
                        <span class="value">{ resolex_core::display::inert(value).into_owned() }</span>
                        <span class="count">{ count }</span>
                    </button>
                </li>
            }
        });
        html! {
            <section class="facet-group" aria-label={g.label}>
                <h2>{ g.label }</h2>
                <ul>{ for buttons }</ul>
            </section>
        }
    });
    html! { <section class="facets" aria-label="Filter the hits">{ for groups }</section> }
}
