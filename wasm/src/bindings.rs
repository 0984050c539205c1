//! The `#[wasm_bindgen]` layer: what the page's script calls. `mount_explorer` starts the web
//! explorer on a bundle's bytes; [`Engine`] answers queries as JSON for the widget;
//! `expand_compact` is the indexer the explorer fetches for a compact bundle, and
//! `compare_paragraphs` the comparison it fetches for the first comparison.

#[cfg(any(feature = "explorer", feature = "widget", feature = "indexer"))]
use resolex_core::bundle::Bundle;
use wasm_bindgen::prelude::*;

/// Loads `bundle` (a whole file, or the head of one built `--apart`) and renders the explorer
/// into `root`; `fetch_part(name)` returns a promise of a part's bytes (`undefined` when every
/// part is inline); `compare` runs the series comparison's pairing ([`compare_paragraphs`], in
/// a wasm of its own that the page fetches the first time). A bundle that does not load gives
/// an error that says why (the page shows it); nothing is rendered then.
#[cfg(feature = "explorer")]
#[wasm_bindgen]
pub fn mount_explorer(
    root: web_sys::Element,
    bundle: Vec<u8>,
    fetch_part: Option<js_sys::Function>,
    compare: js_sys::Function,
) -> Result<(), JsError> {
    use crate::components::app::{App, AppProps};
    use crate::context::Corpus;
    use std::rc::Rc;
    let bundle = Rc::new(load(bundle)?);
    crate::comparer::set_host(compare);
    let loader = Rc::new(crate::loader::Loader::new(Rc::clone(&bundle), fetch_part));
    let corpus = Corpus(bundle, loader, 0);
    // Make the stemmers now, not on the first keystroke.
    resolex_core::analyze::stemmers();
    yew::Renderer::<App>::with_root_and_props(root, AppProps { corpus }).render();
    Ok(())
}

/// Whether `bundle` is compact, which the explorer cannot open by itself: the page then fetches
/// the indexer and gives the explorer what [`expand_compact`] makes of it.
#[cfg(feature = "explorer")]
#[wasm_bindgen]
pub fn bundle_is_compact(bundle: &[u8]) -> bool {
    Bundle::is_compact(bundle)
}

/// The whole bundle (every part inline) that a full build gives of the compact bundle
/// `bundle`'s documents; a clear error when it is not a compact bundle or is damaged.
#[cfg(feature = "indexer")]
#[wasm_bindgen]
pub fn expand_compact(bundle: Vec<u8>) -> Result<Vec<u8>, JsError> {
    Bundle::expand(bundle).map_err(|e| JsError::new(&format!("the compact corpus bundle does not load: {e}")))
}

/// The pairs of two versions the explorer analysed, each given as `diff::wire` writes it: the
/// comparison's own wasm, which the explorer's page fetches on the first comparison. The
/// numbers of the pairs, or an error saying what in the input does not decode.
#[cfg(feature = "compare")]
#[wasm_bindgen]
pub fn compare_paragraphs(
    old_text: &str,
    old_numbers: &[u32],
    new_text: &str,
    new_numbers: &[u32],
) -> Result<Vec<u32>, JsError> {
    use resolex_core::diff::{pair, wire};
    let read = |text, numbers| wire::analyzed_from_wire(text, numbers).map_err(|e| JsError::new(&e));
    let (old, new) = (read(old_text, old_numbers)?, read(new_text, new_numbers)?);
    Ok(wire::pairs_to_wire(&pair(&old, &new)))
}

#[cfg(feature = "explorer")]
fn load(bytes: Vec<u8>) -> Result<Bundle, JsError> {
    Bundle::from_vec(bytes).map_err(|e| not_loaded(&e))
}

/// What the page shows of a bundle that does not load.
#[cfg(any(feature = "explorer", feature = "widget"))]
fn not_loaded(e: &resolex_core::bundle::BundleError) -> JsError {
    JsError::new(&format!("the corpus bundle does not load: {e}"))
}

/// The fingerprint of how `text` in `lang` is analyzed (`resolex_core::analyze::fingerprint`):
/// what the test of the wasm analyzer against the native one compares.
#[cfg(feature = "widget")]
#[wasm_bindgen]
pub fn analysis_fingerprint(lang: &str, text: &str) -> u32 {
    resolex_core::analyze::fingerprint(lang, text)
}

/// Where the deflated head of the bundle whose first bytes are `bundle` lies, `[start, end]`:
/// the widget's host inflates it (`DecompressionStream`) and gives it to [`Engine::new`]. The
/// widget's wasm has no inflater of its own (the core without its `inflate` feature).
#[cfg(feature = "widget")]
#[wasm_bindgen]
pub fn head_span(bundle: &[u8]) -> Result<Vec<u32>, JsError> {
    let span = resolex_core::bundle::format::head_span(bundle).map_err(|e| not_loaded(&e))?;
    Ok(vec![span.start as u32, span.end as u32])
}

/// A loaded bundle and the query engine, for script.
#[cfg(feature = "widget")]
#[wasm_bindgen]
pub struct Engine {
    bundle: Bundle,
}

#[cfg(feature = "widget")]
#[wasm_bindgen]
impl Engine {
    /// Loads a bundle's bytes, given its head inflated (the bytes [`head_span`] names); a clear
    /// error when they are not a bundle.
    #[wasm_bindgen(constructor)]
    pub fn new(bundle: Vec<u8>, head: &[u8]) -> Result<Engine, JsError> {
        let bundle = Bundle::from_vec_inflated(bundle, Some(head)).map_err(|e| not_loaded(&e))?;
        // Make the stemmers now, not on the first keystroke.
        resolex_core::analyze::stemmers();
        Ok(Engine { bundle })
    }

    /// The best `limit` hits of `query` shaped for the widget (`hits::Suggestions` as JSON):
    /// citation, title, the explorer's address, and the snippet in highlighted pieces.
    pub fn suggest(&self, query: &str, limit: usize) -> String {
        crate::hits::suggest(&self.bundle, query, limit).to_json()
    }

    /// The parts the queries since the last call lacked, to fetch and [`Engine::supply`] before
    /// asking again (empty: the last answer was whole); an error when a part is corrupt.
    pub fn missing(&self) -> Result<Vec<u32>, JsError> {
        match self.bundle.settle() {
            Ok(()) => Ok(Vec::new()),
            Err(resolex_core::bundle::Pending::Missing(parts)) => Ok(parts.into_iter().map(|i| i as u32).collect()),
            Err(resolex_core::bundle::Pending::Fault(e)) => Err(JsError::new(&e.to_string())),
        }
    }

    /// Where part `i` is: `[file, start, length, compressed]`, its pack's name in the bundle's
    /// directory of parts (`""`: the bundle's own file), its bytes there (what `parts.js` fetches
    /// with a range request), and whether the page is to inflate them before they are supplied.
    pub fn part_place(&self, i: u32) -> js_sys::Array {
        let place = place(&self.bundle, i as usize);
        place.push(&JsValue::from(
            self.bundle.parts().get(i as usize).is_some_and(resolex_core::bundle::PartEntry::compressed),
        ));
        place
    }

    /// Gives part `i` its bytes as fetched and, when it is stored compressed, as the host
    /// inflated them; an error naming the part when they are not its own.
    pub fn supply(&self, i: u32, bytes: &[u8], inflated: Option<Vec<u8>>) -> Result<(), JsError> {
        let i = i as usize;
        match inflated {
            Some(raw) => self.bundle.supply_inflated(i, bytes, raw),
            None => self.bundle.supply(i, bytes),
        }
        .map_err(|e| JsError::new(&e.to_string()))
    }

    /// How many paragraphs the bundle holds.
    pub fn paragraphs(&self) -> usize {
        self.bundle.catalog.paragraphs as usize
    }
}

/// Where part `i` of `bundle` is, as `parts.js` fetches it: `[file, start, length]`.
#[cfg(any(feature = "explorer", feature = "widget"))]
pub fn place(bundle: &Bundle, i: usize) -> js_sys::Array {
    let (file, start) = bundle.part_place(i).unwrap_or(("", 0));
    let len = bundle.parts().get(i).map_or(0, |e| e.stored);
    js_sys::Array::of3(&JsValue::from_str(file), &JsValue::from_f64(start as f64), &JsValue::from(len))
}
