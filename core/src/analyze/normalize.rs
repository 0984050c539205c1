//! Normalization of one word: Unicode NFKC, lower case, combining marks removed after Latin,
//! Greek and Cyrillic letters (`coopération` = `cooperation`, `ё` = `е`), apostrophes, quotes
//! and dashes unified. Arabic and CJK keep their marks.

use super::forms::{Form, is_combining_mark, normalized};
use super::is_plain_letter;

/// The normalized form of `word`.
pub fn normalize(word: &str) -> String {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return word.to_ascii_lowercase();
    }
    if let Some(plain) = plain(word) {
        return plain;
    }
    if word.chars().all(is_plain_han) {
        return word.to_owned();
    }
    by_forms(word)
}

/// [`normalize`] by Unicode's normalization forms ([`super::forms`]), for any word.
fn by_forms(word: &str) -> String {
    let lower: String = normalized(word, Form::Nfkc).chars().flat_map(char::to_lowercase).map(unify).collect();
    if lower.is_ascii() {
        return lower;
    }
    // Only letters that decompose, or stray combining marks, can carry marks to remove.
    let decomposed = normalized(&lower, Form::Nfd);
    if decomposed == lower.as_str() && !lower.chars().any(is_combining_mark) {
        return lower;
    }
    let mut out = String::with_capacity(decomposed.len());
    let mut base_strips = false;
    for c in decomposed.chars() {
        if is_combining_mark(c) {
            if base_strips {
                continue;
            }
        } else {
            base_strips = strips_marks(c);
        }
        out.push(c);
    }
    normalized(&out, Form::Nfc).into_owned()
}

/// A word of plain letters only ([`is_plain_letter`]: ASCII letters and digits, the Russian
/// alphabet, the Arabic letters without marks) normalized without Unicode's tables, as
/// [`by_forms`] would: lower case, `ё` and `й` without their marks (`е`, `и`), Arabic letters
/// as they are (NFKC keeps them, and Arabic keeps its marks). `None` for any other word. A test
/// compares it with the tables for every plain letter and every pair of them.
fn plain(word: &str) -> Option<String> {
    word.chars().all(is_plain_letter).then(|| {
        word.chars()
            .map(|c| match c {
                'Ё' | 'ё' => 'е',
                'Й' | 'й' => 'и',
                'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
                c => c.to_ascii_lowercase(),
            })
            .collect()
    })
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

/// An ideograph of the CJK Unified Ideographs and their Extension A: the Han of nearly every
/// Chinese text. Each is a word of its own, and is its own normalized form and fold (no case, no
/// decomposition, no mark), so Chinese text is analyzed without Unicode's tables; a test holds
/// every one of them to the tables.
pub(crate) fn is_plain_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF)
}

/// Han ideographs, hiragana and katakana: scripts written without spaces.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0x20000..=0x2A6DF | 0x2A700..=0x2EBEF | 0x30000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every plain ideograph is a letter of a script without spaces, is no apostrophe, marker or
    /// combining mark, and is its own form by the tables: what the paths without tables assume.
    #[test]
    fn plain_han_is_its_own_form() {
        let han: Vec<char> = ('\u{3000}'..='\u{A000}').filter(|&c| is_plain_han(c)).collect();
        assert_eq!(han.len(), 0x4DBF - 0x3400 + 1 + 0x9FFF - 0x4E00 + 1);
        for c in han {
            let word = c.to_string();
            assert!(c.is_alphanumeric() && is_cjk(c) && !is_apostrophe(c) && !crate::fold::is_marker(c), "{c}");
            assert!(!is_combining_mark(c), "{c}");
            assert_eq!(by_forms(&word), word, "{c}");
        }
    }

    /// The plain path gives what the tables give for every plain letter and every pair.
    #[test]
    fn plain_words_normalize_as_the_tables_do() {
        let letters: Vec<char> = ('\0'..='\u{3000}').filter(|&c| is_plain_letter(c)).collect();
        assert!(letters.len() > 150, "{} plain letters", letters.len());
        for &a in &letters {
            for &b in &letters {
                let word: String = [a, b].iter().collect();
                assert_eq!(plain(&word).as_deref(), Some(by_forms(&word).as_str()), "{word}");
            }
        }
        assert_eq!(normalize("СОТРУДНИЧЕСТВО"), "сотрудничество");
        assert_eq!(normalize("国际刑警组织"), "国际刑警组织");
        assert_eq!(normalize("ЁЛКА"), "елка");
        assert_eq!(normalize("الإنتربول"), "الإنتربول");
    }
}
