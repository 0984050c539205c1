//! The default corpus's compact bundle with its one part (every document, indexed when the
//! bundle opens) replaced by content that passes its checksum. The first byte chooses how: even,
//! the rest is the documents as they are (stored uncompressed: the documents reader and the
//! indexer meet hostile documents); odd, the rest is the part's LZMA stream, said to hold as
//! many bytes as the corpus's documents (the LZMA decoder meets any stream). An error naming the
//! part, or a bundle that answers; never a panic.
#![no_main]

use resolex_core::bundle::{self, Bundle, Written};
use std::sync::OnceLock;

fn written() -> &'static Written {
    static W: OnceLock<Written> = OnceLock::new();
    W.get_or_init(|| bundle::write_compact_parts(&resolex_core::default_corpus::load()).expect("the default corpus writes"))
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else { return };
    let raw = if mode % 2 == 0 { rest.len() as u32 } else { written().head.parts[0].raw };
    let Ok(bundle) = Bundle::from_vec(written().clone().with_stored_part(0, rest, raw).compact()) else { return };
    for q in ["INTERPOL", "\"police cooperation\"", "coop", "lang:fr crime", "cites:71/19", "terorism"] {
        let _ = resolex_core::search::checked(&bundle, q, 20);
    }
    for d in 0..bundle.docs().len() {
        let _ = bundle.document(d);
    }
});
