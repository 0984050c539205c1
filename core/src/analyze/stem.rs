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

/// The stemmers every search shares, made on first use (`warm` makes them ahead of time).
pub fn stemmers() -> &'static Stemmers {
    static STEMMERS: std::sync::OnceLock<Stemmers> = std::sync::OnceLock::new();
    STEMMERS.get_or_init(Stemmers::default)
}
