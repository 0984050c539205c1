//! The `#[wasm_bindgen]` layer: what the page's script calls. `mount_explorer` starts the web
//! explorer on a bundle's bytes; [`Engine`] answers queries as JSON for the widget.

use resolex_core::bundle::Bundle;
use wasm_bindgen::prelude::*;

/// Loads `bundle` and renders the explorer into `root`. A bundle that does not load gives an
/// error that says why (the page shows it); nothing is rendered then.
#[cfg(feature = "explorer")]
#[wasm_bindgen]
pub fn mount_explorer(root: web_sys::Element, bundle: Vec<u8>) -> Result<(), JsError> {
    use crate::components::app::{App, AppProps};
    use crate::context::Shared;
    let corpus = Shared(std::rc::Rc::new(load(bundle)?));
    // Make the stemmers now, not on the first keystroke.
    resolex_core::analyze::stemmers();
    yew::Renderer::<App>::with_root_and_props(root, AppProps { corpus }).render();
    Ok(())
}

fn load(bytes: Vec<u8>) -> Result<Bundle, JsError> {
    Bundle::from_vec(bytes).map_err(|e| JsError::new(&format!("the corpus bundle does not load: {e}")))
}

/// A loaded bundle and the query engine, for script.
#[wasm_bindgen]
pub struct Engine {
    bundle: Bundle,
}

#[wasm_bindgen]
impl Engine {
    /// Loads a bundle's bytes; a clear error when they are not a bundle.
    #[wasm_bindgen(constructor)]
    pub fn new(bundle: Vec<u8>) -> Result<Engine, JsError> {
        let bundle = load(bundle)?;
        // Make the stemmers now, not on the first keystroke.
        resolex_core::analyze::stemmers();
        Ok(Engine { bundle })
    }

    /// The best `limit` hits of `query` shaped for the widget (`hits::Suggestions` as JSON):
    /// citation, title, the explorer's address, and the snippet in highlighted pieces.
    pub fn suggest(&self, query: &str, limit: usize) -> String {
        let s = crate::hits::suggest(&self.bundle, query, limit);
        serde_json::to_string(&s).unwrap_or_else(|e| format!("{{\"error\":{:?}}}", e.to_string()))
    }

    /// How many paragraphs the bundle holds.
    pub fn paragraphs(&self) -> usize {
        self.bundle.catalog.paragraphs as usize
    }
}
