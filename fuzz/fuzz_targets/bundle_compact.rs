//! The default corpus's compact bundle with its one part (every document, indexed when the
//! bundle opens) replaced by any bytes that pass its checksum: the documents reader and the indexer
//! meet hostile documents. An error naming the part, or a bundle that answers; never a panic.
#![no_main]

use resolex_core::bundle::{self, Bundle, Written};
use std::sync::OnceLock;

fn written() -> &'static Written {
    static W: OnceLock<Written> = OnceLock::new();
    W.get_or_init(|| bundle::write_compact_parts(&resolex_core::default_corpus::load()).expect("the default corpus writes"))
}

libfuzzer_sys::fuzz_target!(|raw: &[u8]| {
    let Ok(bundle) = Bundle::from_vec(written().clone().with_raw_part(0, raw).compact()) else { return };
    for q in ["INTERPOL", "\"police cooperation\"", "coop", "lang:fr crime", "cites:71/19", "terorism"] {
        let _ = resolex_core::search::checked(&bundle, q, 20);
    }
    for d in 0..bundle.docs().len() {
        let _ = bundle.document(d);
    }
});
