//! The explorer's parts on demand: a bundle served as a head and a directory of parts (`resolex
//! build --apart`) starts from the head; each view computes, and the parts its reads lacked are
//! fetched by the page's script, supplied to the bundle, and the views are drawn again.
//!
//! A part that does not arrive (HTTP error, network failure, wrong length, bad checksum) is
//! kept as failed with its message: the views that need it say so and offer a retry; the rest
//! of the explorer keeps working.

use resolex_core::bundle::{Bundle, Pending};
use std::cell::{Cell, RefCell};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

/// What a view's reads found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Ready,
    /// Parts are on their way; the view is drawn again when they are in.
    Loading,
    /// A part failed to arrive or is corrupt: the message says which and why.
    Failed(String),
}

pub struct Loader {
    bundle: Rc<Bundle>,
    /// `(file, start, length) => Promise<Uint8Array>`, from the page's script (`parts.js`):
    /// part of a pack file; `None` when every part is inline.
    fetch: Option<js_sys::Function>,
    inflight: RefCell<BTreeSet<usize>>,
    failed: RefCell<BTreeMap<usize, String>>,
    generation: Cell<u32>,
    redraw: RefCell<Option<Callback<u32>>>,
}

impl Loader {
    pub fn new(bundle: Rc<Bundle>, fetch: Option<js_sys::Function>) -> Loader {
        Loader {
            bundle,
            fetch,
            inflight: RefCell::default(),
            failed: RefCell::default(),
            generation: Cell::new(0),
            redraw: RefCell::default(),
        }
    }

    /// Called with a new generation whenever parts arrive or fail: the app draws again. Parts
    /// that arrived or failed before the app listened (a fast 404 on the first view) are drawn
    /// at once, or the page would wait on them for ever.
    pub fn on_redraw(&self, redraw: Callback<u32>) {
        if self.generation.get() > 0 {
            redraw.emit(self.generation.get());
        }
        self.redraw.replace(Some(redraw));
    }

    /// The reads since the last call: ready, loading (what they lacked is now asked for), or
    /// failed.
    pub fn status(self: &Rc<Self>) -> Status {
        match self.bundle.settle() {
            Ok(()) => Status::Ready,
            Err(Pending::Fault(e)) => Status::Failed(e.to_string()),
            Err(Pending::Missing(parts)) => {
                if let Some(msg) = parts.iter().find_map(|i| self.failed.borrow().get(i).cloned()) {
                    return Status::Failed(msg);
                }
                self.request(&parts);
                Status::Loading
            }
        }
    }

    /// Forgets the failures and draws again, which asks for the parts anew.
    pub fn retry(&self) {
        self.failed.borrow_mut().clear();
        self.redraw();
    }

    fn request(self: &Rc<Self>, parts: &[usize]) {
        let Some(fetch) = &self.fetch else {
            let msg = "the bundle's parts are not beside it (built without --apart?)".to_owned();
            self.failed.borrow_mut().extend(parts.iter().map(|&i| (i, msg.clone())));
            return;
        };
        for &i in parts {
            if !self.inflight.borrow_mut().insert(i) {
                continue;
            }
            let place = crate::bindings::place(&self.bundle, i);
            let promise = fetch.apply(&JsValue::NULL, &place);
            let this = Rc::clone(self);
            wasm_bindgen_futures::spawn_local(async move {
                let arrived = match promise {
                    Ok(p) => JsFuture::from(js_sys::Promise::from(p)).await,
                    Err(e) => Err(e),
                };
                let outcome = match arrived {
                    Ok(bytes) => {
                        this.bundle.supply(i, &js_sys::Uint8Array::new(&bytes).to_vec()).map_err(|e| e.to_string())
                    }
                    Err(e) => Err(format!("the bundle's {} did not arrive: {}", this.bundle.part_name(i), message(&e))),
                };
                if let Err(msg) = outcome {
                    this.failed.borrow_mut().insert(i, msg);
                }
                this.inflight.borrow_mut().remove(&i);
                if this.inflight.borrow().is_empty() {
                    this.redraw();
                }
            });
        }
    }

    fn redraw(&self) {
        self.generation.set(self.generation.get() + 1);
        if let Some(cb) = self.redraw.borrow().as_ref() {
            cb.emit(self.generation.get());
        }
    }
}

fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map_or_else(|| format!("{e:?}"), |e| String::from(e.message()))
}
