//! The browser's Unicode normalization forms (`String.prototype.normalize`) for the core's
//! analyzer, which the wasm builds compile without Unicode's tables (`analyze::forms`): given
//! once, when the module starts, before anything is analysed.

use resolex_core::analyze::forms::{Form, use_host_forms};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn with_the_browsers_forms() {
    use_host_forms(by_the_browser);
}

fn by_the_browser(text: &str, form: Form) -> String {
    js_sys::JsString::from(text).normalize(form.name()).into()
}
