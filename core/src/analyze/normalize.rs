//! Normalization of one word: Unicode NFKC, lower case, combining marks removed after Latin,
//! Greek and Cyrillic letters (`coopération` = `cooperation`, `ё` = `е`), apostrophes, quotes
//! and dashes unified. Arabic and CJK keep their marks.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfd_quick, is_nfkc_quick};

/// The normalized form of `word`.
pub fn normalize(word: &str) -> String {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return word.to_ascii_lowercase();
    }
    let lower: String = if is_nfkc_quick(word.chars()) == IsNormalized::Yes {
        word.chars().flat_map(char::to_lowercase).map(unify).collect()
    } else {
        word.nfkc().flat_map(char::to_lowercase).map(unify).collect()
    };
    // Only letters that decompose, or stray combining marks, can carry marks to remove.
    if lower.is_ascii() || (is_nfd_quick(lower.chars()) == IsNormalized::Yes && !lower.chars().any(is_combining_mark)) {
        return lower;
    }
    let mut out = String::with_capacity(lower.len());
    let mut base_strips = false;
    for c in lower.nfd() {
        if is_combining_mark(c) {
            if base_strips {
                continue;
            }
        } else {
            base_strips = strips_marks(c);
        }
        out.push(c);
    }
    out.nfc().collect()
}

/// Letters whose marks are removed: Latin, Greek, Cyrillic.
fn strips_marks(c: char) -> bool {
    matches!(c as u32, 0x41..=0x24F | 0x1E00..=0x1EFF | 0x370..=0x3FF | 0x1F00..=0x1FFF | 0x400..=0x52F)
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′' | '`' | '´')
}

pub(crate) fn unify(c: char) -> char {
    match c {
        c if is_apostrophe(c) => '\'',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        '“' | '”' | '„' | '«' | '»' => '"',
        '\u{a0}' | '\u{202f}' | '\u{2007}' => ' ',
        c => c,
    }
}

/// Han ideographs, hiragana and katakana: scripts written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF | 0x30000..=0x3134F)
}
