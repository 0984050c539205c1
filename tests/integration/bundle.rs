//! The bundle: a round trip keeps every document; truncated, bit-flipped, foreign and
//! newer-version files each get a clear error, never a panic.

use resolex_core::bundle::{self, Bundle, BundleError};
use resolex_tests::Rng;

fn default_bytes() -> Vec<u8> {
    bundle::write(&resolex_core::default_corpus::load()).unwrap()
}

#[test]
fn round_trip_keeps_every_document() {
    let corpus = resolex_core::default_corpus::load();
    let loaded = Bundle::from_vec(default_bytes()).unwrap().corpus().unwrap();
    assert_eq!(loaded.docs, corpus.docs);
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = default_bytes();
    for len in 0..bytes.len() {
        let e = Bundle::from_vec(bytes[..len].to_vec()).err().unwrap_or_else(|| panic!("{len} bytes loaded"));
        assert!(!e.to_string().is_empty());
    }
}

#[test]
fn a_thousand_bit_flips_are_errors() {
    let bytes = default_bytes();
    let mut rng = Rng::new(42);
    for _ in 0..1000 {
        let mut b = bytes.clone();
        let at = rng.below(b.len());
        b[at] ^= 1 << rng.below(8);
        let e = Bundle::from_vec(b).err().unwrap_or_else(|| panic!("a flip at byte {at} went unnoticed"));
        assert!(e.to_string().contains("bundle"), "{e}");
    }
}

#[test]
fn foreign_and_newer_files_say_what_they_are() {
    let e = Bundle::from_vec(b"%PDF-1.7 not a bundle at all".to_vec()).err().unwrap();
    assert_eq!(e, BundleError::NotABundle);
    let mut newer = default_bytes();
    newer[8..12].copy_from_slice(&(bundle::VERSION + 1).to_le_bytes());
    let e = Bundle::from_vec(newer).err().unwrap();
    assert!(matches!(e, BundleError::NewerVersion { .. }));
    assert!(e.to_string().contains("newer Resolex"), "{e}");
}
