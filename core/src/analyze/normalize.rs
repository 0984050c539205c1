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
    if let Some(plain) = plain(word) {
        return plain;
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

/// A word of plain letters only (`analyze::is_plain_letter`: ASCII letters and digits, the
/// Russian alphabet, the Arabic letters without marks) normalized without Unicode's tables, as
/// [`normalize`] would: lower case, `ё` and `й` without their marks (`е`, `и`), Arabic letters
/// as they are (NFKC keeps them, and Arabic keeps its marks). `None` for any other word. A test
/// compares it with the tables for every plain letter and every pair of them.
fn plain(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        out.push(match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'Ё' | 'ё' => 'е',
            'Й' | 'й' => 'и',
            'А'..='Я' => char::from_u32(c as u32 + 0x20)?,
            'a'..='z' | '0'..='9' | 'а'..='я' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => c,
            _ => return None,
        });
    }
    Some(out)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Unicode's tables, as `normalize` applies them to any word that is not plain ASCII.
    fn by_tables(word: &str) -> String {
        let lower: String = word.nfkc().flat_map(char::to_lowercase).map(unify).collect();
        let mut out = String::new();
        let mut base_strips = false;
        for c in lower.nfd() {
            if is_combining_mark(c) && base_strips {
                continue;
            }
            if !is_combining_mark(c) {
                base_strips = strips_marks(c);
            }
            out.push(c);
        }
        out.nfc().collect()
    }

    /// The plain path is taken for exactly the plain letters, and gives what the tables give
    /// for each of them and for every pair.
    #[test]
    fn plain_words_normalize_as_the_tables_do() {
        let letters: Vec<char> = ('\0'..='\u{3000}').filter(|&c| plain(&c.to_string()).is_some()).collect();
        let expected: Vec<char> = ('\0'..='\u{3000}').filter(|&c| crate::analyze::is_plain_letter(c)).collect();
        assert_eq!(letters, expected);
        for &a in &letters {
            for &b in &letters {
                let word: String = [a, b].iter().collect();
                assert_eq!(plain(&word).as_deref(), Some(by_tables(&word).as_str()), "{word}");
            }
        }
        assert_eq!(normalize("СОТРУДНИЧЕСТВО"), "сотрудничество");
        assert_eq!(normalize("ЁЛКА"), "елка");
        assert_eq!(normalize("الإنتربول"), "الإنتربول");
    }
}
