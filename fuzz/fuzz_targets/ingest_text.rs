//! Any bytes read as a `.txt` file: an error or a document, never a panic or a hang; a
//! document must export and read back.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(resolex_core::ingest::Source::Document(d)) = resolex_core::ingest::read("fuzz.txt", data) {
        let json = resolex_core::export::to_json(&d);
        assert!(json.is_object());
    }
});
