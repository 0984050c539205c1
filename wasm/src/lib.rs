//! Resolex in the browser: the web explorer (a Yew app) and the engine behind the embeddable
//! widget, over `resolex-core`, compiled to WebAssembly.
//!
//! The plain-Rust parts — [`route`], [`segments`], [`hits`], [`facet_query`] — hold every
//! decision the views make and are tested natively; [`components`] draws them, one function
//! component per file; [`bindings`] is the thin `#[wasm_bindgen]` layer the page's script calls.
//! The features pick what a build exports (`Cargo.toml`): the explorer, the widget's
//! `bindings::Engine`, the indexer that expands a compact bundle, or the series comparison's
//! pairing ([`comparer`] is the explorer's side of it).

#[cfg(feature = "explorer")]
pub mod address;
pub mod bindings;
#[cfg(feature = "explorer")]
pub mod comparer;
#[cfg(feature = "explorer")]
pub mod components;
#[cfg(feature = "explorer")]
pub mod context;
#[cfg(feature = "explorer")]
pub mod dom;
pub mod facet_query;
#[cfg(target_arch = "wasm32")]
mod forms;
pub mod hits;
pub mod json;
#[cfg(feature = "explorer")]
pub mod loader;
pub mod route;
pub mod segments;
