//! A text cut into [`Segment`]s, drawn: matches in `<mark>`, the lead in `<em>`, links as `<a>`.
//! Every piece is a text node: markup in a document stays text.

use crate::segments::{Link, Segment};
use yew::prelude::*;

/// Where a link goes: an address (in the explorer or outside) or nowhere, with its label.
#[derive(Clone, PartialEq, Debug)]
pub struct Target {
    pub href: Option<String>,
    pub external: bool,
    pub title: String,
}

/// The segments drawn; `refs` and `notes` are the targets of `Link::Ref(i)` and `Link::Note(i)`.
/// A plain function, not a component: a search draws twenty of these per keystroke.
pub fn marked(segments: &[Segment], refs: &[Target], notes: &[Target]) -> Html {
    let mut out: Vec<Html> = Vec::new();
    let mut i = 0;
    while i < segments.len() {
        let link = segments[i].link;
        let run = segments[i..].iter().take_while(|s| s.link == link).count();
        let inner: Html = segments[i..i + run].iter().map(piece).collect();
        out.push(match link {
            None => inner,
            Some(Link::Ref(k)) => anchor(refs.get(k), "ref", inner),
            Some(Link::Note(k)) => anchor(notes.get(k), "note", inner),
        });
        i += run;
    }
    out.into_iter().collect()
}

fn piece(s: &Segment) -> Html {
    let text = html! { <>{ s.text.clone() }</> };
    let text = if s.mark {
        html! { <mark>{ text }</mark> }
    } else {
        text
    };
    if s.lead {
        html! { <em class="lead">{ text }</em> }
    } else {
        text
    }
}

fn anchor(target: Option<&Target>, class: &'static str, inner: Html) -> Html {
    match target {
        Some(Target { href: Some(href), external: true, title }) => html! {
            <a class={classes!(class, "external")} href={href.clone()} title={title.clone()}
               target="_blank" rel="noopener noreferrer">{ inner }</a>
        },
        Some(Target { href: Some(href), external: false, title }) => html! {
            <a class={class} href={href.clone()} title={title.clone()}>{ inner }</a>
        },
        Some(Target { href: None, title, .. }) => html! { <span class={class} title={title.clone()}>{ inner }</span> },
        None => inner,
    }
}
