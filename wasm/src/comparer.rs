//! The series comparison's pairing, which the explorer does not carry: the page gives it, at
//! mount, a function that fetches the comparison's own wasm (`resolex_compare`, the `compare`
//! feature) the first time and calls it. The explorer analyses both versions itself, hands
//! them over as a string and numbers each (`diff::wire`), and gets the pairs back the same way.

use resolex_core::diff::{self, Analyzed, Comparison, wire};
use resolex_core::model::Document;
use std::cell::OnceCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// `(oldText, oldNumbers, newText, newNumbers) => Promise<Uint32Array>`, from the page;
    /// called with nothing, it only fetches the comparison's wasm.
    static HOST: OnceCell<js_sys::Function> = const { OnceCell::new() };
}

/// Keeps the page's comparer (a second mount keeps the first).
pub fn set_host(compare: js_sys::Function) {
    HOST.with(|h| {
        let _ = h.set(compare);
    });
}

/// Starts fetching the comparison's wasm, if it is not here yet: called when a visitor points
/// at or focuses a link to a comparison, so that the first one waits less.
pub fn warm() {
    if let Some(host) = HOST.with(|h| h.get().cloned()) {
        let _ = host.call0(&JsValue::NULL);
    }
}

/// `before` and `after` compared, as `diff::compare` compares them natively.
pub async fn compare(before: &Document, after: &Document) -> Result<Comparison, String> {
    let host = HOST.with(|h| h.get().cloned()).ok_or("this page gives the explorer no comparer")?;
    let (old, new) = (Analyzed::of(before), Analyzed::of(after));
    let ((ot, on), (nt, nn)) = (wire::analyzed_to_wire(&old), wire::analyzed_to_wire(&new));
    let args = js_sys::Array::of4(
        &ot.into(),
        &js_sys::Uint32Array::from(on.as_slice()).into(),
        &nt.into(),
        &js_sys::Uint32Array::from(nn.as_slice()).into(),
    );
    let promise = host.apply(&JsValue::NULL, &args).map_err(|e| message(&e))?;
    let numbers = JsFuture::from(js_sys::Promise::from(promise)).await.map_err(|e| message(&e))?;
    let numbers = js_sys::Uint32Array::new(&numbers).to_vec();
    let paired =
        wire::pairs_from_wire(&numbers, &old, &new).map_err(|e| format!("the comparison came back damaged: {e}"))?;
    Ok(diff::assemble(before, after, paired))
}

fn message(e: &JsValue) -> String {
    let what = e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| String::from(e.message()));
    format!("the comparison could not run: {what}")
}
