//! The address bar as the explorer writes it. Opening a view writes it at once: a new history
//! entry, or the same entry rewritten (a facet picked, the box cleared). Typing does not: each
//! keystroke draws its view at once, and the address follows when the typing pauses
//! ([`PAUSE_MS`]), or sooner when anything may leave or keep the page as it is: a click, a new
//! entry, the page losing the focus or hidden. A reload within the pause reloads the address
//! written before it.
//!
//! Why: in Chromium, rewriting the address costs about half a millisecond in `replaceState`,
//! and every change of address fetches the page's icon again and parses it (3 ms for an SVG
//! icon, in a task of its own before the next frame). Per keystroke that was more than the
//! search (docs/decisions.md, "The address follows typing when it pauses").

use crate::dom;
use crate::route::Route;
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How long typing must pause before the address follows it.
pub const PAUSE_MS: i32 = 300;

/// The route typed and not yet in the address, the timer that will write it, and the function
/// that timer calls (made once).
#[derive(Default)]
struct Typed {
    route: Option<Route>,
    timer: Option<i32>,
    wake: Option<Closure<dyn FnMut()>>,
}

thread_local! {
    static TYPED: RefCell<Typed> = RefCell::default();
}

/// A new history entry for `route`, after the address of what was typed before it (so that Back
/// returns to the query as it was typed).
pub fn open(route: &Route) {
    settle();
    dom::push_hash(route);
}

/// The current entry rewritten to `route` at once; what was typed and not yet written is
/// replaced by it.
pub fn rewrite(route: &Route) {
    forget();
    dom::replace_hash(route);
}

/// The current entry to become `route` once typing pauses.
pub fn follow(route: Route) {
    let Some(window) = web_sys::window() else { return };
    TYPED.with_borrow_mut(|typed| {
        typed.route = Some(route);
        if let Some(timer) = typed.timer.take() {
            window.clear_timeout_with_handle(timer);
        }
        let wake = typed.wake.get_or_insert_with(|| Closure::new(settle));
        typed.timer =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(wake.as_ref().unchecked_ref(), PAUSE_MS).ok();
    });
}

/// Writes what was typed into the address now, if anything waits.
pub fn settle() {
    if let Some(route) = take() {
        dom::replace_hash(&route);
    }
}

/// Forgets what was typed and not yet written: the user went elsewhere (Back, Forward, an
/// address of their own), and the entry now shown is not the one typed in.
pub fn forget() {
    take();
}

/// The route waiting to be written, its timer stopped.
fn take() -> Option<Route> {
    TYPED.with_borrow_mut(|typed| {
        if let (Some(timer), Some(window)) = (typed.timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(timer);
        }
        typed.route.take()
    })
}
