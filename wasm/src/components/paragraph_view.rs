//! One paragraph in the reader: its id (a link that selects it), number, lead emphasised,
//! references and footnote markers as links; a footnote links back to where it is cited; the
//! selected paragraph carries its citation and its text in every language.

use super::copy_button::CopyButton;
use super::languages_panel::LanguagesPanel;
use super::marked_text::{Target, marked};
use super::use_corpus;
use crate::context::Shared;
use crate::route::Route;
use crate::segments::{Decor, Link, note_marker, segments};
use resolex_core::bundle::Bundle;
use resolex_core::cite::citation;
use resolex_core::{DocId, Document, ParaId, ParaKind, Paragraph, Reference};
use std::collections::BTreeMap;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ParagraphViewProps {
    pub document: Shared<Document>,
    pub index: usize,
    pub selected: bool,
    /// Footnote → the paragraphs that point to it.
    pub backlinks: Shared<BTreeMap<ParaId, Vec<ParaId>>>,
}

#[function_component(ParagraphView)]
pub fn paragraph_view(props: &ParagraphViewProps) -> Html {
    let corpus = use_corpus();
    let d = &props.document;
    let Some(p) = d.paragraphs.get(props.index) else { return Html::default() };
    let lang = d.lang.as_str();
    let here =
        |para: &ParaId| Route::Document { doc: d.doc.clone(), para: Some(para.clone()), lang: Some(lang.to_owned()) };
    let refs: Vec<Target> = p.refs.iter().map(|r| ref_target(&corpus.0, r, lang)).collect();
    let mut decor = Decor {
        lead: p.lead.as_ref().filter(|l| p.text.starts_with(l.as_str())).map(|l| [0, l.len()]),
        links: p.refs.iter().enumerate().map(|(i, r)| (r.span, Link::Ref(i))).collect(),
        ..Decor::default()
    };
    let mut notes = Vec::new();
    let mut unplaced = Vec::new();
    for (i, n) in p.notes.iter().enumerate() {
        let num = d.paragraph(n).and_then(|f| f.num.clone()).unwrap_or_default();
        notes.push(Target { href: Some(here(n).to_hash()), external: false, title: format!("footnote {num}") });
        match note_marker(&p.text, &num) {
            Some(span) => decor.links.push((span, Link::Note(i))),
            None => unplaced.push((n.clone(), num)),
        }
    }
    let id = format!("para-{}", p.id);
    html! {
        <div {id} tabindex="-1" class={classes!("para", p.kind.name(), props.selected.then_some("selected"))}>
            <a class="pid" href={here(&p.id).to_hash()} aria-label={format!("Paragraph {}: select, cite, compare languages", p.id)}>
                { p.id.to_string() }
            </a>
            <p class="text">
                { number(p) }
                { marked(&segments(&p.text, &decor), &refs, &notes) }
                { for unplaced.iter().map(|(n, num)| html! { <sup><a class="note" href={here(n).to_hash()}>{ num.clone() }</a></sup> }) }
            </p>
            if p.kind == ParaKind::Footnote {
                { backlinks(props.backlinks.get(&p.id), &here) }
            }
            if props.selected {
                <div class="para-tools" dir="ltr" lang="en">
                    <CopyButton text={citation(&d.doc, p)} />
                    <LanguagesPanel doc={d.doc.clone()} para={p.id.clone()} current={lang.to_owned()} />
                </div>
            }
        </div>
    }
}

/// The number as printed: `21.` for an operative paragraph, `(b)` for a subparagraph.
fn number(p: &Paragraph) -> Html {
    let Some(num) = p.num.as_deref() else { return Html::default() };
    let shown = match p.kind {
        ParaKind::Operative => format!("{num}."),
        ParaKind::Subparagraph => num.rsplit(' ').next().unwrap_or(num).to_owned(),
        ParaKind::Footnote => return html! { <sup class="num">{ num.to_owned() }</sup> },
        _ => num.to_owned(),
    };
    html! { <span class="num">{ shown }</span> }
}

/// Where a reference leads: its document in the corpus (in this language when held), else the
/// UN's page of the symbol, else nowhere (an INTERPOL resolution, a treaty).
fn ref_target(bundle: &Bundle, r: &Reference, lang: &str) -> Target {
    let doc = DocId(r.target.clone());
    if bundle.find_doc(&doc, None).is_some() {
        let lang = bundle.find_doc(&doc, Some(lang)).map(|_| lang.to_owned());
        let href = Route::Document { doc, para: None, lang }.to_hash();
        return Target { href: Some(href), external: false, title: format!("{} — in this corpus", r.target) };
    }
    match r.undocs_url() {
        Some(url) => Target { href: Some(url), external: true, title: format!("{} — on undocs.org", r.target) },
        None => Target { href: None, external: false, title: format!("{} ({})", r.target, r.kind) },
    }
}

fn backlinks(citing: Option<&Vec<ParaId>>, here: &dyn Fn(&ParaId) -> Route) -> Html {
    let Some(citing) = citing else { return Html::default() };
    html! {
        <p class="backlinks" dir="ltr" lang="en">
            {"Cited in "}
            { for citing.iter().map(|c| html! { <><a href={here(c).to_hash()}>{ format!("↩ {c}") }</a>{" "}</> }) }
        </p>
    }
}
