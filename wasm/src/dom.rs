//! The few browser calls the explorer makes outside Yew: the address, focus and scrolling,
//! the clipboard, the clock. Each fails quietly: a missing element or API leaves the page as it is.

use crate::route::Route;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

/// The route of the current address.
pub fn current_route() -> Route {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    Route::parse(&hash)
}

/// Moves to `route` with a new history entry (the `hashchange` that follows updates the view).
pub fn push_hash(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.to_hash());
    }
}

/// Rewrites the address to `route` without a history entry and without `hashchange`.
pub fn replace_hash(route: &Route) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&route.to_hash()));
    }
}

fn element(id: &str) -> Option<HtmlElement> {
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into().ok()
}

/// Focuses the element `id`.
pub fn focus(id: &str) {
    if let Some(e) = element(id) {
        let _ = e.focus();
    }
}

/// Scrolls the element `id` into view, as little as needed (`nearest`) or to the top (`start`).
pub fn scroll_to(id: &str, start: bool) {
    if let Some(e) = element(id) {
        let opts = ScrollIntoViewOptions::new();
        opts.set_block(if start { ScrollLogicalPosition::Start } else { ScrollLogicalPosition::Nearest });
        e.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Scrolls the page back to its top.
pub fn scroll_top() {
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// `ms` milliseconds with three decimals, as `{:.3}` writes a time that is not negative, from
/// integers: the wasm then carries no float formatting (14 KB) for the benchmark's attributes.
pub fn millis(ms: f64) -> String {
    let us = (ms.max(0.0) * 1000.0).round() as u64;
    format!("{}.{:03}", us / 1000, us % 1000)
}

/// Milliseconds from the page's time origin.
pub fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Writes `text` to the clipboard; `done` hears whether it worked.
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(w) = web_sys::window() else { return done(false) };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Whether the element that has the focus takes text (so `/` types rather than jumps).
pub fn typing() -> bool {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    active.is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
