//! The Unicode normalization forms the analyzer applies (NFKC, NFKD, NFD, NFC), and the one
//! place they come from.
//!
//! With the core's `unicode-tables` feature (the default, and every native build) they come
//! from `unicode-normalization`'s tables. Those tables are a quarter of the widget's wasm, and
//! every browser has the same forms built in (`String.prototype.normalize`, ICU's), so the wasm
//! builds leave the feature out and their host supplies the forms once, before the first
//! analysis ([`use_host_forms`]; `resolex-wasm` does it when its module starts). The analyzer's
//! rules stay here either way: what the host gives is Unicode's normalization and nothing else,
//! and a test compares the two builds' terms over every paragraph of sessions 79–80.
//!
//! Whether a character is a combining mark comes from `unicode-normalization` in every build
//! (a small table).

use std::borrow::Cow;
pub use unicode_normalization::char::is_combining_mark;

/// A normalization form of Unicode (UAX #15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    Nfc,
    Nfd,
    Nfkc,
    Nfkd,
}

impl Form {
    /// Its name as `String.prototype.normalize` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Form::Nfc => "NFC",
            Form::Nfd => "NFD",
            Form::Nfkc => "NFKC",
            Form::Nfkd => "NFKD",
        }
    }
}

/// `text` in `form` (borrowed when the tables' quick check finds it so already).
#[cfg(feature = "unicode-tables")]
pub fn normalized(text: &str, form: Form) -> Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization};
    use unicode_normalization::{is_nfc_quick, is_nfd_quick, is_nfkc_quick, is_nfkd_quick};
    let quick = match form {
        Form::Nfc => is_nfc_quick(text.chars()),
        Form::Nfd => is_nfd_quick(text.chars()),
        Form::Nfkc => is_nfkc_quick(text.chars()),
        Form::Nfkd => is_nfkd_quick(text.chars()),
    };
    if quick == IsNormalized::Yes {
        return Cow::Borrowed(text);
    }
    Cow::Owned(match form {
        Form::Nfc => text.nfc().collect(),
        Form::Nfd => text.nfd().collect(),
        Form::Nfkc => text.nfkc().collect(),
        Form::Nfkd => text.nfkd().collect(),
    })
}

/// `text` in `form`, as the host gives it.
///
/// Each answer is kept (up to [`KEPT`] of them): a call into the host costs microseconds, and
/// as the user types, the same words of the same hits are analysed again at every keystroke.
///
/// # Panics
/// When the host has not supplied the forms ([`use_host_forms`]): a build without the tables
/// that forgot to is a bug of that build, not of its input.
#[cfg(not(feature = "unicode-tables"))]
pub fn normalized(text: &str, form: Form) -> Cow<'_, str> {
    use std::cell::RefCell;
    thread_local! {
        static KEPT_FORMS: RefCell<[Answers; 4]> = RefCell::default();
    }
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    KEPT_FORMS.with_borrow_mut(|kept| {
        let kept = &mut kept[form as usize];
        if let Some(known) = kept.get(text) {
            return if **known == *text { Cow::Borrowed(text) } else { Cow::Owned(known.to_string()) };
        }
        let host =
            HOST.get().expect("a build without unicode-tables supplies the forms (use_host_forms) before analysing");
        let answer = host(text, form);
        if kept.len() >= KEPT {
            kept.clear();
        }
        kept.insert(Box::from(text), Box::from(answer.as_str()));
        Cow::Owned(answer)
    })
}

/// The host's answers for one form, by text.
#[cfg(not(feature = "unicode-tables"))]
type Answers = std::collections::HashMap<Box<str>, Box<str>>;

/// How many of the host's answers [`normalized`] keeps per form: the words of a few screens of hits.
#[cfg(not(feature = "unicode-tables"))]
const KEPT: usize = 8192;

#[cfg(not(feature = "unicode-tables"))]
static HOST: std::sync::OnceLock<fn(&str, Form) -> String> = std::sync::OnceLock::new();

/// Supplies the forms for a build without `unicode-tables`: `forms(text, form)` is `text` in
/// `form`. The first call wins; a build with the tables keeps its own.
pub fn use_host_forms(forms: fn(&str, Form) -> String) {
    #[cfg(not(feature = "unicode-tables"))]
    let _ = HOST.set(forms);
    #[cfg(feature = "unicode-tables")]
    let _ = forms;
}
