//! Builds the default bundle from `core/corpus/` (embedded in resolex-core) into OUT_DIR, so
//! the binary carries it and no bundle file is committed.

fn main() {
    let corpus = resolex_core::default_corpus::load();
    let bundle = resolex_core::bundle::write(&corpus).expect("the default corpus fits in a bundle");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("default.rlx"), bundle).expect("write the default bundle");
}
