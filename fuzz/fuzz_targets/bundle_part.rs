//! The default corpus's bundle (small parts, several of every kind) with one part replaced by
//! any bytes that pass its checksum: every part kind's reader (fst ranges, postings pages,
//! blocks, outline pages) meets hostile content. An error naming the part, never a panic.
//! The first two bytes choose the part.
#![no_main]

use resolex_core::bundle::{self, Bundle, Sizes, Written};
use std::sync::OnceLock;

const SMALL: Sizes = Sizes { page: 2048, block: 4096, shard: 512, outline: 256, titles: 256, pack: 32 << 10, leads: 8 };

fn written() -> &'static Written {
    static W: OnceLock<Written> = OnceLock::new();
    W.get_or_init(|| bundle::write_parts(&resolex_core::default_corpus::load(), SMALL).expect("the default corpus writes"))
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&[a, b], raw)) = data.split_first_chunk::<2>() else { return };
    let w = written();
    let i = usize::from(u16::from_le_bytes([a, b])) % w.parts.len();
    let bundle = Bundle::from_vec(w.clone().with_raw_part(i, raw).inline()).expect("a checksummed part loads");
    let _ = bundle.verify();
    for q in ["INTERPOL", "\"police cooperation\"", "coop", "lang:fr crime", "cites:71/19", "terorism~"] {
        let _ = resolex_core::search::checked(&bundle, q, 20);
    }
    for d in 0..bundle.docs().len() {
        let _ = bundle.document(d);
    }
});
