//! One search hit: its citation (a link to the paragraph), language, document title and a
//! snippet with the matches highlighted.

use super::dir;
use super::marked_text::marked;
use crate::segments::Segment;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HitItemProps {
    /// Position in the list, for its element id and the keyboard selection.
    pub index: usize,
    pub doc: String,
    pub para: String,
    pub cite: String,
    pub lang: String,
    pub title: String,
    pub href: String,
    pub snippet: Vec<Segment>,
    /// The snippet starts and ends inside the paragraph (draw `…`).
    pub cut: (bool, bool),
    pub selected: bool,
}

#[function_component(HitItem)]
pub fn hit_item(props: &HitItemProps) -> Html {
    let (before, after) = props.cut;
    html! {
        <li id={format!("hit-{}", props.index)} class={classes!("hit", props.selected.then_some("selected"))}
            data-doc={props.doc.clone()} data-lang={props.lang.clone()} data-para={props.para.clone()}>
            <a class="cite" href={props.href.clone()} aria-current={props.selected.then_some("true")}>
                { props.cite.clone() }
            </a>
            <span class="lang-tag" title="language">{ props.lang.clone() }</span>
            <span class="doc-title" lang={props.lang.clone()} dir={dir(&props.lang)}>{ props.title.clone() }</span>
            <p class="snippet" lang={props.lang.clone()} dir={dir(&props.lang)}>
                { before.then_some("…") }
                { marked(&props.snippet, &[], &[]) }
                { after.then_some("…") }
            </p>
        </li>
    }
}
