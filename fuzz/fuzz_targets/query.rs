//! Any text as a query over the default corpus: hits or none, notes for what was dropped —
//! never a panic or a hang.
#![no_main]

use resolex_core::bundle::Bundle;
use std::sync::OnceLock;

fn bundle() -> &'static Bundle {
    static B: OnceLock<Bundle> = OnceLock::new();
    B.get_or_init(|| {
        Bundle::from_vec(resolex_core::bundle::write(&resolex_core::default_corpus::load()).expect("writes")).expect("loads")
    })
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(q) = std::str::from_utf8(data) {
        let results = resolex_core::search::checked(bundle(), q, 10).expect("the default bundle is whole");
        assert!(results.hits.len() <= results.total);
    }
});
