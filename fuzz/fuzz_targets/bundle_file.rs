//! Any bytes as a whole bundle file: an error at load, or a bundle whose every part reads or is
//! named as corrupt — never a panic or a hang, whatever is asked of it.
#![no_main]

use resolex_core::bundle::Bundle;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(bundle) = Bundle::from_vec(data.to_vec()) {
        let _ = bundle.verify();
        for q in ["INTERPOL", "\"police cooperation\"", "coop", "lang:fr crime", "terorism~"] {
            let _ = resolex_core::search::checked(&bundle, q, 20);
        }
    }
});
