//! Snowball stemmers (rust-stemmers) for the languages that have one.

use rust_stemmers::{Algorithm, Stemmer};

/// Languages with a Snowball stemmer that this build leaves out (the core without its
/// `more-stemmers` feature, as in the widget's wasm): words in them are matched as written.
pub const STEMMERS_LEFT_OUT: &[&str] = if cfg!(feature = "more-stemmers") { &[] } else { &["it", "pt", "nl"] };

/// One stemmer per language, made once.
pub struct Stemmers {
    by_lang: Vec<(&'static str, Stemmer)>,
}

impl Default for Stemmers {
    fn default() -> Self {
        let algorithms = [
            ("en", Algorithm::English),
            ("fr", Algorithm::French),
            ("es", Algorithm::Spanish),
            ("ru", Algorithm::Russian),
            ("ar", Algorithm::Arabic),
            ("de", Algorithm::German),
            #[cfg(feature = "more-stemmers")]
            ("it", Algorithm::Italian),
            #[cfg(feature = "more-stemmers")]
            ("pt", Algorithm::Portuguese),
            #[cfg(feature = "more-stemmers")]
            ("nl", Algorithm::Dutch),
        ];
        Stemmers { by_lang: algorithms.into_iter().map(|(l, a)| (l, Stemmer::create(a))).collect() }
    }
}

impl Stemmers {
    /// The stem of a normalized term in `lang`, or `None` where the language has no stemmer or
    /// the term is not a word (numbers, ideographs).
    pub fn stem(&self, lang: &str, term: &str) -> Option<String> {
        let (_, stemmer) = self.by_lang.iter().find(|(l, _)| *l == lang)?;
        if term.chars().any(|c| c.is_numeric() || super::is_cjk(c)) {
            return None;
        }
        let script = script(lang);
        if !term.chars().any(|c| in_script(script, c)) {
            // A stemmer's rules match only letters of its own script: a word with none of them
            // is its own stem (`stemmers_leave_other_scripts_alone`), and a query's word looked
            // up in six languages runs only its own script's stemmers.
            return Some(term.to_owned());
        }
        Some(stemmer.stem(term).into_owned())
    }

    /// Whether the stemmer of `lang` takes letters off the front of a word as well as the end
    /// (Arabic: `بالتعاون` → `تعاون`), so that a stem need not begin its word.
    pub fn strips_prefixes(lang: &str) -> bool {
        lang == "ar"
    }

    /// The languages that have a stemmer.
    pub fn langs(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.by_lang.iter().map(|(l, _)| *l)
    }
}

/// The characters a rule of the stemmer of `lang` may match, as ranges of code points: the
/// letters of its script (Latin, Cyrillic or Arabic, with their supplements and presentation
/// forms), all of ASCII for a Latin one (English takes apostrophes off), ASCII punctuation for
/// Arabic (its normalization drops `.` and `/`).
fn script(lang: &str) -> &'static [(u32, u32)] {
    match lang {
        "ru" => &[(0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)],
        "ar" => &[
            (0x21, 0x2F),
            (0x3A, 0x40),
            (0x5B, 0x60),
            (0x7B, 0x7E),
            (0x0600, 0x06FF),
            (0x0750, 0x077F),
            (0x0870, 0x08FF),
            (0xFB50, 0xFDFF),
            (0xFE70, 0xFEFF),
        ],
        _ => &[(0, 0x7F), (0xA0, 0x024F), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF)],
    }
}

/// Whether `c` is among the characters of `script`.
fn in_script(script: &[(u32, u32)], c: char) -> bool {
    script.iter().any(|&(from, to)| (from..=to).contains(&u32::from(c)))
}

/// The stemmers every search shares, made on first use (`warm` makes them ahead of time).
pub fn stemmers() -> &'static Stemmers {
    static STEMMERS: std::sync::OnceLock<Stemmers> = std::sync::OnceLock::new();
    STEMMERS.get_or_init(Stemmers::default)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word of the default corpus (six languages, and Latin words quoted in the others),
    /// and words made to catch a rule at a script's edge, stem in every language as the
    /// language's own Snowball stemmer stems them: skipping a stemmer for a word outside its
    /// script never changes a stem.
    #[test]
    fn stemmers_leave_other_scripts_alone() {
        let corpus = crate::default_corpus::load();
        let mut words: std::collections::BTreeSet<String> = corpus
            .docs
            .iter()
            .flat_map(|d| d.paragraphs.iter())
            .flat_map(|p| crate::analyze::tokens(&p.text))
            .map(|t| t.term)
            .collect();
        let made = ["'s", "o'", "’", "ـ", "ﻻ", "ё", "ﺍﻟﺘﻌﺎﻭﻥ", "ǆ", "ꞌ", "ⱥ", "ᲀ", "ą", "αλφα", "ᏣᎳᎩ", "क्षेत्र"];
        words.extend(made.map(String::from));
        assert!(words.len() > 5_000, "{} words", words.len());
        let stemmers = stemmers();
        let mut skipped = 0;
        for (lang, stemmer) in &stemmers.by_lang {
            for word in &words {
                let a_word = !word.chars().any(|c| c.is_numeric() || crate::analyze::is_cjk(c));
                let full = a_word.then(|| stemmer.stem(word).into_owned());
                assert_eq!(stemmers.stem(lang, word), full, "{word:?} in {lang}");
                skipped += usize::from(!word.chars().any(|c| in_script(script(lang), c)));
            }
        }
        assert!(skipped > 10_000, "{skipped} stems skipped");
    }

    /// No stemmer changes a word made of characters outside its script, whatever they are: each
    /// character of Unicode's first three planes alone, and between or beside others (a letter
    /// of another script).
    #[test]
    fn no_stemmer_touches_a_character_outside_its_script() {
        for (lang, stemmer) in &stemmers().by_lang {
            let filler = if *lang == "ru" || *lang == "ar" { 'x' } else { 'д' };
            assert!(!in_script(script(lang), filler));
            let chars = (0..0x30000).filter_map(char::from_u32).filter(|&c| !in_script(script(lang), c));
            for c in chars {
                for word in [
                    format!("{c}"),
                    format!("{filler}{c}{filler}"),
                    format!("{filler}{filler}{c}"),
                    format!("{c}{c}{filler}{filler}"),
                ] {
                    assert_eq!(stemmer.stem(&word), word, "{word:?} ({:04X}) in {lang}", u32::from(c));
                }
            }
        }
    }
}
