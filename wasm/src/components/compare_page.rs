//! Two resolutions compared (`#/diff/A/RES/77/20..A/RES/79/136?lang=en`): the counts of added,
//! removed, reworded, moved and unchanged paragraphs, then each pair side by side on wide
//! screens and one under the other on phones. Removed words are `<del>` (struck through),
//! added ones `<ins>` (underlined), and every pair says in words what became of it, so the
//! changes read without colour. Each paragraph links to its place in the reader. The pairing
//! runs in the comparison's own wasm, fetched on the first comparison ([`crate::comparer`]).
//! The time the core took (decoding both versions, analysing and pairing them, and on the first
//! comparison fetching the comparison's wasm) is kept on the counts for measurement
//! (`data-compare-ms`).

use super::{dir, use_corpus};
use crate::route::Route;
use resolex_core::diff::{Comparison, Edit, Row, Side};
use resolex_core::display::inert;
use resolex_core::model::Document;
use resolex_core::{DocId, ParaId};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    pub before: DocId,
    pub after: DocId,
    pub lang: Option<String>,
}

#[function_component(ComparePage)]
pub fn compare_page(props: &ComparePageProps) -> Html {
    let corpus = use_corpus();
    let key = (props.before.clone(), props.after.clone(), props.lang.clone(), corpus.2);
    // Both versions decoded now; their pairing (`comparer`) comes back later.
    let loaded = use_memo(key.clone(), |(before, after, lang, _)| {
        let start = crate::dom::now();
        let docs = documents(&corpus.0, before, after, lang.as_deref()).map(Rc::new);
        (docs, crate::dom::now() - start, corpus.status())
    });
    // The comparison's wasm on its way while the versions' parts are.
    use_effect_with((), |()| crate::comparer::warm());
    let compared = use_state(|| None::<(Key, Result<Comparison, String>, f64)>);
    // The latest comparison asked for: an earlier one that comes back later is dropped.
    let latest = use_mut_ref(|| 0u32);
    {
        let (loaded, compared, key) = (Rc::clone(&loaded), compared.clone(), key.clone());
        use_effect_with(key, move |key| {
            if let (Ok(docs), crate::loader::Status::Ready) = (&loaded.0, &loaded.2) {
                let (docs, key, decoded_ms) = (Rc::clone(docs), key.clone(), loaded.1);
                *latest.borrow_mut() += 1;
                let this = *latest.borrow();
                wasm_bindgen_futures::spawn_local(async move {
                    let start = crate::dom::now();
                    let c = crate::comparer::compare(&docs.0, &docs.1).await;
                    if *latest.borrow() == this {
                        compared.set(Some((key, c, decoded_ms + crate::dom::now() - start)));
                    }
                });
            }
        });
    }
    if let Some(waiting) = super::pending(&corpus, &loaded.2) {
        return html! { <section class="page compare"><h1>{"Comparing"}</h1>{ waiting }</section> };
    }
    // The same versions compared with fewer parts at hand read the same: shown until the
    // comparison asked for since comes back.
    let same = |k: &Key| (&k.0, &k.1, &k.2) == (&key.0, &key.1, &key.2);
    let outcome = match (&loaded.0, &*compared) {
        (Err(message), _) => Err(message),
        (Ok(_), Some((k, Err(message), _))) if same(k) => Err(message),
        (Ok(_), Some((k, Ok(c), ms))) if same(k) => Ok((c, *ms)),
        (Ok(_), _) => {
            return html! {
                <section class="page compare"><h1>{"Comparing"}</h1>
                    <p class="loading" role="status" aria-busy="true">{"Comparing…"}</p></section>
            };
        }
    };
    match outcome {
        Ok((c, ms)) => view(c, &shared_langs(&corpus.0, &props.before, &props.after), ms),
        Err(message) => html! {
            <section class="page compare">
                <h1>{"Nothing to compare"}</h1>
                <p>{ inert(message).into_owned() }{" "}<a href="#/docs">{"List the documents"}</a>{"."}</p>
            </section>
        },
    }
}

/// What the page compares: the two documents, the language and the parts the corpus had.
type Key = (DocId, DocId, Option<String>, u32);

/// The languages both documents are held in.
fn shared_langs(bundle: &resolex_core::bundle::Bundle, a: &DocId, b: &DocId) -> Vec<String> {
    let langs = |d: &DocId| bundle.docs().iter().filter(|e| &e.doc == d).map(|e| e.lang.0.clone()).collect::<Vec<_>>();
    let later = langs(b);
    langs(a).into_iter().filter(|l| later.contains(l)).collect()
}

/// The two versions to compare, in `lang` when both hold it, else in English, else in the
/// first language they share.
fn documents(
    bundle: &resolex_core::bundle::Bundle,
    before: &DocId,
    after: &DocId,
    lang: Option<&str>,
) -> Result<(Document, Document), String> {
    let shared = shared_langs(bundle, before, after);
    let lang = lang
        .filter(|l| shared.iter().any(|s| s == l))
        .or_else(|| shared.iter().find(|l| *l == "en").map(String::as_str))
        .or_else(|| shared.first().map(String::as_str))
        .ok_or_else(|| format!("The corpus does not hold {before} and {after} in a language they share."))?;
    let load = |d: &DocId| {
        let i = bundle.find_doc(d, Some(lang)).ok_or_else(|| format!("{d} is not held in {lang}."))?;
        bundle.document(i).map_err(|e| e.to_string())
    };
    Ok((load(before)?, load(after)?))
}

fn view(c: &Comparison, langs: &[String], ms: f64) -> Html {
    let (before, after) = (DocId(c.before.doc.clone()), DocId(c.after.doc.clone()));
    let other_langs = langs.iter().map(|l| {
        let route = Route::Compare { before: before.clone(), after: after.clone(), lang: Some(l.clone()) };
        let current = *l == c.after.lang;
        html! { <li><a href={route.to_hash()} hreflang={l.clone()} aria-current={current.then_some("true")}>{ l.clone() }</a></li> }
    });
    let s = &c.summary;
    html! {
        <section class="page compare" lang={c.after.lang.clone()}>
            <h1 lang="en" dir="ltr">{ format!("From {} to {}", inert(&c.before.doc), inert(&c.after.doc)) }</h1>
            <p class="summary" lang="en" dir="ltr" data-compare-ms={crate::dom::millis(ms)}>
                { format!("{} added, {} removed, {} reworded, {} moved, {} unchanged", s.added, s.removed, s.reworded, s.moved, s.unchanged) }
            </p>
            <nav class="doc-links" aria-label="Languages" lang="en" dir="ltr">
                <span class="label">{"Languages:"}</span><ul class="versions">{ for other_langs }</ul>
            </nav>
            <ol class="pairs">{ for c.rows.iter().map(|r| row(c, r)) }</ol>
        </section>
    }
}

fn row(c: &Comparison, r: &Row) -> Html {
    let label = r.change.name();
    html! {
        <li class={classes!("pair", label)}>
            { side(&c.before.doc, &c.before.lang, r.before.as_ref(), &r.words, "before") }
            <span class="change" lang="en" dir="ltr">{ format!("{} {label}", r.change.mark()) }</span>
            { side(&c.after.doc, &c.after.lang, r.after.as_ref(), &r.words, "after") }
        </li>
    }
}

/// One side of a pair: its citation (a link to the reader) and its text, with the words only
/// this side has marked.
fn side(doc: &str, lang: &str, s: Option<&Side>, words: &[Edit], which: &'static str) -> Html {
    let Some(s) = s else {
        return html! { <div class={classes!("side", which, "empty")} aria-hidden="true"></div> };
    };
    let route =
        Route::Document { doc: DocId(doc.to_owned()), para: ParaId::parse(&s.para), lang: Some(lang.to_owned()) };
    let pieces = words.iter().filter_map(|e| match (e, which) {
        (Edit::Keep(t), _) => Some(html! { <>{ inert(t).into_owned() }</> }),
        (Edit::Delete(t), "before") => Some(html! { <del>{ inert(t).into_owned() }</del> }),
        (Edit::Insert(t), "after") => Some(html! { <ins>{ inert(t).into_owned() }</ins> }),
        _ => None,
    });
    html! {
        <div class={classes!("side", which)}>
            <a class="cite" href={route.to_hash()}>{ inert(&s.cite).into_owned() }</a>
            <p lang={lang.to_owned()} dir={dir(lang)}>{ for pieces }</p>
        </div>
    }
}
