//! Highlights (UTF-8 byte ranges of the words a query matched in a paragraph) and snippets.

use super::exec::Matched;
use crate::analyze::{self, Token};
use std::collections::HashMap;

/// The byte ranges of `text` that the query matched, merged where they touch.
pub fn highlights(text: &str, lang: &str, matched: &Matched) -> Vec<[usize; 2]> {
    Highlighter::new(matched).highlights(text, lang)
}

/// Highlights for the hits of one query: what is made of the query's matches (how they begin,
/// per language) and the folds of the characters met are made once for all its hits.
pub struct Highlighter<'m> {
    matched: &'m Matched,
    /// What is made for each language met.
    langs: Vec<InLang<'m>>,
    folder: analyze::Folder,
    folded: Vec<char>,
}

impl<'m> Highlighter<'m> {
    pub fn new(matched: &'m Matched) -> Highlighter<'m> {
        Highlighter { matched, langs: Vec::new(), folder: analyze::Folder::default(), folded: Vec::new() }
    }

    /// The index in `langs` of what is made for `lang`, made on first use.
    fn lang(&mut self, lang: &str) -> usize {
        if let Some(i) = self.langs.iter().position(|l| l.lang == lang) {
            return i;
        }
        let matched = self.matched;
        let stems: Vec<&str> = matched.stems.iter().filter(|(l, _)| l == lang).map(|(_, s)| s.as_str()).collect();
        let starts = Starts::new(matched, &stems, analyze::Stemmers::strips_prefixes(lang), &mut self.folder);
        self.langs.push(InLang { lang: lang.to_owned(), stems, starts, seen: HashMap::new() });
        self.langs.len() - 1
    }

    /// The byte ranges of `text`, in `lang`, that the query matched, merged where they touch.
    pub fn highlights(&mut self, text: &str, lang: &str) -> Vec<[usize; 2]> {
        if self.nothing_to_mark(lang) {
            return Vec::new();
        }
        let mut spans = analyze::spans_lazily_from(text, self.first_possible(text, lang));
        spans.fill(usize::MAX);
        let spans = spans.found;
        let mut words = Words::default();
        let marked = self.marked(text, lang, &spans, &mut words, spans.len());
        merged(&spans, &marked)
    }

    /// The snippet of `text` ([`snippet`]) and the highlights that lie inside it, as
    /// [`Highlighter::highlights`] and [`snippet`] give them, but without normalizing, stemming
    /// and comparing the words past the snippet: what a view that shows snippets draws, for a
    /// fraction of the work on a long paragraph. Words are taken in growing runs until a mark is
    /// certain (a phrase may need the words after it), then up to the snippet's end and far
    /// enough past it to settle the marks and merges that reach it.
    pub fn in_snippet(&mut self, text: &str, lang: &str) -> ([usize; 2], Vec<[usize; 2]>) {
        if self.nothing_to_mark(lang) {
            return (snippet(text, &[]), Vec::new());
        }
        // The text is segmented only from where a word may match, and only as far as the words
        // are needed.
        let mut spans = analyze::spans_lazily_from(text, self.first_possible(text, lang));
        // How many words past a word its mark may depend on: the longest phrase.
        let reach = self.matched.phrases.iter().map(Vec::len).max().unwrap_or(1);
        let mut words = Words::default();
        let (mut upto, mut run) = (0, Self::FIRST_RUN);
        let first = loop {
            let ended = spans.fill(upto + run);
            upto = spans.found.len();
            run *= 2;
            let marked = self.marked(text, lang, &spans.found, &mut words, upto);
            let settled = if ended { upto } else { upto.saturating_sub(reach) };
            if let Some(f) = marked[..settled].iter().position(|m| *m) {
                break Some(f);
            }
            if ended {
                break None;
            }
        };
        let start = first.map_or(0, |f| spans.found[f].span.0);
        let span = snippet(text, &[[start, start]]);
        spans.fill_past(span[1]);
        let past = spans.found.iter().position(|s| s.span.0 >= span[1]).unwrap_or(spans.found.len());
        spans.fill(past + reach + 1);
        let upto = (past + reach + 1).min(spans.found.len()).max(upto);
        let marked = self.marked(text, lang, &spans.found, &mut words, upto);
        let inside = merged(&spans.found[..upto], &marked).into_iter().filter(|h| h[0] >= span[0] && h[1] <= span[1]);
        (span, inside.collect())
    }

    /// Words taken first by [`Highlighter::in_snippet`]; each run after is twice the one before.
    const FIRST_RUN: usize = 32;

    /// The marks of the first `upto` words of `spans`, the words admitted so far kept in `words`.
    /// A word's own mark (as a term, or by its stem) is decided once, when it is admitted; only
    /// phrases, which depend on the words around, are marked again over all of them.
    fn marked(&mut self, text: &str, lang: &str, spans: &[analyze::Span], words: &mut Words, upto: usize) -> Vec<bool> {
        let matched = self.matched;
        let i = self.lang(lang);
        let InLang { stems, starts, seen, .. } = &mut self.langs[i];
        for s in &spans[words.tokens.len()..upto] {
            let raw = &text[s.span.0..s.span.1];
            let (word, stem) = starts.admit(raw, &mut self.folder, &mut self.folded);
            if !(word || stem) {
                words.tokens.push(None);
                words.own.push(false);
                continue;
            }
            // The texts of a query's hits repeat their words: each is normalized and stemmed once
            // (and its key made once: a word met again is looked up by the text's own slice).
            if !seen.contains_key(raw) {
                let term = analyze::normalize(raw);
                let stemmed = || analyze::stemmers().stem(lang, &term).is_some_and(|s| stems.contains(&s.as_str()));
                let own = matched.terms.contains(&term) || (stem && stemmed());
                seen.insert(raw.to_owned(), (term, own));
            }
            let (term, own) = &seen[raw];
            words.tokens.push(Some(Token { term: term.clone(), span: s.span, pos: s.pos }));
            words.own.push(*own);
        }
        let mut marked = words.own.clone();
        for phrase in &matched.phrases {
            mark_phrase(&words.tokens, phrase, &mut marked);
        }
        marked
    }

    /// Where in `text` segmenting may begin: the start of the run ([`analyze::run_start`]) that
    /// holds the first place a word [`Starts::admit`] may admit can begin.
    fn first_possible(&mut self, text: &str, lang: &str) -> usize {
        let i = self.lang(lang);
        let from = self.langs[i].starts.first_possible(text, &mut self.folder, &mut self.folded);
        analyze::run_start(text, from)
    }

    /// Whether nothing of the query can be marked in a text in `lang`: no word, stem or phrase
    /// to look for (a query of filters alone).
    fn nothing_to_mark(&mut self, lang: &str) -> bool {
        let i = self.lang(lang);
        let starts = &self.langs[i].starts;
        starts.words.is_empty() && starts.stems.is_empty()
    }
}

/// What a [`Highlighter`] makes for one language: the query's stems in it, how its matches
/// begin, and the words admitted so far with their normalized form and whether they are marked
/// on their own (by the raw word: whether it is one of a stem's words depends only on it).
struct InLang<'m> {
    lang: String,
    stems: Vec<&'m str>,
    starts: Starts,
    seen: HashMap<String, (String, bool)>,
}

/// The words of a text admitted so far, in order: each word that may match, normalized (`None`
/// for the others), and whether it is marked on its own.
#[derive(Default)]
struct Words {
    tokens: Vec<Option<Token>>,
    own: Vec<bool>,
}

/// The spans of the marked words, merged where they touch.
fn merged(spans: &[analyze::Span], marked: &[bool]) -> Vec<[usize; 2]> {
    let mut out: Vec<[usize; 2]> = Vec::new();
    for (s, _) in spans.iter().zip(marked).filter(|(_, m)| **m) {
        match out.last_mut() {
            Some(last) if last[1] == s.span.0 => last[1] = s.span.1,
            _ => out.push([s.span.0, s.span.1]),
        }
    }
    out
}

/// How the words a query matched begin, and how its stems do, folded
/// ([`analyze::fold_prefix`]): only a word of the text that begins like one of the words, or
/// holds the beginning of a stem near its own beginning, is normalized and compared. Near, not
/// at: Arabic words carry prefixes the stemmer takes off (`بالتعاون` → `تعاون`).
struct Starts {
    words: Vec<Vec<char>>,
    stems: Vec<Vec<char>>,
    /// How far into a word a stem's beginning may be: at its start, unless the language's
    /// stemmer takes off prefixes.
    reach: usize,
    /// The first characters of all of them: where stems begin words, one folded character
    /// rules out most words.
    initials: Vec<char>,
}

impl Starts {
    /// Characters of a word compared: enough to tell most words apart before normalizing them
    /// (`الإنتربول` and `الأمم` share three).
    const LEN: usize = 4;
    /// Characters of a stem's beginning looked for, and how far into a word.
    const STEM: usize = 3;
    const WINDOW: usize = 8;

    fn new(matched: &Matched, stems: &[&str], prefixes: bool, folder: &mut analyze::Folder) -> Starts {
        let words = matched.terms.iter().chain(matched.phrases.iter().flatten()).map(String::as_str);
        let reach = if prefixes { Self::WINDOW } else { Self::STEM };
        let words = Self::folded(words, Self::LEN, folder);
        let stems = Self::folded(stems.iter().copied(), Self::STEM, folder);
        let mut initials: Vec<char> = Vec::new();
        for c in words.iter().chain(&stems).filter_map(|w| w.first().copied()) {
            if !initials.contains(&c) {
                initials.push(c);
            }
        }
        Starts { words, stems, reach, initials }
    }

    /// The first byte of `text` where a word this may admit can begin (or the text's length:
    /// none can). A pass over the characters, much quicker than segmenting them: the shown
    /// hits' first matches are often hundreds of words into a paragraph. Where a word may begin
    /// (a letter or digit after anything else), the text from there is put to
    /// [`Starts::admit`], which folds only its first few characters: a word that `admit`
    /// admits begins like that text, so it is never passed over. Inside a word, Latin and
    /// Cyrillic letters go by (UAX #29 joins them: no word begins there); at any other character
    /// outside ASCII but a few quotes, dashes and spaces that fold to no letter, the pass stops.
    /// It does not run where stems may begin deep inside words (Arabic: 0 then).
    fn first_possible(&self, text: &str, folder: &mut analyze::Folder, folded: &mut Vec<char>) -> usize {
        if self.reach > Self::LEN || self.stems.iter().any(Vec::is_empty) {
            return 0;
        }
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            // The low line too: UAX #29 begins a word with it before letters (`_abc`).
            if c.is_ascii_alphanumeric() || c == '_' || joins_as_a_letter(c) {
                if !in_word && self.admit(&text[i..], folder, folded) != (false, false) {
                    return i;
                }
                in_word = true;
            } else if c.is_ascii() || folds_to_no_letter(c) {
                in_word = false;
            } else {
                return i;
            }
        }
        text.len()
    }

    fn folded<'a>(words: impl Iterator<Item = &'a str>, n: usize, folder: &mut analyze::Folder) -> Vec<Vec<char>> {
        let mut out: Vec<Vec<char>> = Vec::new();
        for w in words {
            let mut f = Vec::new();
            folder.fold_prefix(w, n, &mut f);
            if !out.contains(&f) {
                out.push(f);
            }
        }
        out
    }

    /// Whether `raw` may normalize to one of the words, and whether it may be a word of one of
    /// the stems.
    fn admit(&self, raw: &str, folder: &mut analyze::Folder, folded: &mut Vec<char>) -> (bool, bool) {
        if self.reach <= Self::LEN {
            folder.fold_prefix(raw, 1, folded);
            if folded.first().is_some_and(|c| !self.initials.contains(c)) {
                return (false, false);
            }
        }
        folder.fold_prefix(raw, Self::LEN.max(self.reach), folded);
        let start = &folded[..folded.len().min(Self::LEN)];
        let word = self.words.iter().any(|w| start.starts_with(w));
        let near = &folded[..folded.len().min(self.reach)];
        let stem = self.stems.iter().any(|s| s.is_empty() || near.windows(s.len()).any(|w| w == s.as_slice()));
        (word, stem)
    }
}

/// Characters of quoting and punctuation outside ASCII, frequent in the texts, that fold to
/// no letter or digit, are no footnote marker, and join no letter: a word cannot begin with
/// them, nor run on through them.
fn folds_to_no_letter(c: char) -> bool {
    matches!(c, '’' | '‘' | '“' | '”' | '«' | '»' | '–' | '—' | '…' | '¿' | '¡' | '\u{a0}')
}

/// Letters outside ASCII that UAX #29 joins to the letters and digits beside them: those of
/// Latin-1 and Latin Extended-A and B, and the Russian alphabet. No word begins at one that
/// follows a letter or digit.
fn joins_as_a_letter(c: char) -> bool {
    matches!(c as u32, 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x24F) || matches!(c, 'А'..='я' | 'Ё' | 'ё')
}

fn mark_phrase(tokens: &[Option<Token>], phrase: &[String], marked: &mut [bool]) {
    if phrase.is_empty() || tokens.len() < phrase.len() {
        return;
    }
    for start in 0..=tokens.len() - phrase.len() {
        let run = &tokens[start..start + phrase.len()];
        let words = run.iter().zip(phrase).all(|(t, w)| t.as_ref().is_some_and(|t| &t.term == w));
        let adjacent = words && run.windows(2).all(|w| matches!(w, [Some(a), Some(b)] if b.pos == a.pos + 1));
        if adjacent {
            marked[start..start + phrase.len()].iter_mut().for_each(|m| *m = true);
        }
    }
}

/// The highlights of `text` in `lang` found the slow way, the reference the highlighter is
/// held to (tests): every word normalized and compared with the query's terms, stemmed and
/// compared with its stems in `lang`, phrases matched word by word; no word passed over, nothing
/// kept from one word to the next; marks that touch merged.
pub fn every_word_compared(text: &str, lang: &str, matched: &Matched) -> Vec<[usize; 2]> {
    let tokens = analyze::tokens(text);
    let stems: Vec<&str> = matched.stems.iter().filter(|(l, _)| l == lang).map(|(_, s)| s.as_str()).collect();
    let mut marked: Vec<bool> = tokens
        .iter()
        .map(|t| {
            let stem = analyze::stemmers().stem(lang, &t.term);
            matched.terms.contains(&t.term) || stem.is_some_and(|s| stems.contains(&s.as_str()))
        })
        .collect();
    for phrase in matched.phrases.iter().filter(|p| !p.is_empty()) {
        for start in 0..(tokens.len() + 1).saturating_sub(phrase.len()) {
            let run = &tokens[start..start + phrase.len()];
            let words = run.iter().zip(phrase).all(|(t, w)| &t.term == w);
            if words && run.windows(2).all(|w| w[1].pos == w[0].pos + 1) {
                marked[start..start + phrase.len()].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    let mut out: Vec<[usize; 2]> = Vec::new();
    for (t, _) in tokens.iter().zip(&marked).filter(|(_, m)| **m) {
        match out.last_mut() {
            Some(last) if last[1] == t.span.0 => last[1] = t.span.1,
            _ => out.push([t.span.0, t.span.1]),
        }
    }
    out
}

/// About this many bytes of text around the first highlight.
const SNIPPET: usize = 240;

/// The byte range of `text` to show: the whole text when short, else a window that starts a
/// little before the first highlight, on character boundaries.
pub fn snippet(text: &str, highlights: &[[usize; 2]]) -> [usize; 2] {
    if text.len() <= SNIPPET {
        return [0, text.len()];
    }
    let first = highlights.first().map_or(0, |h| h[0]);
    let mut start = first.saturating_sub(SNIPPET / 4);
    if start > 0 {
        // Begin at a word boundary where one is near.
        start = text[..first].get(start..).and_then(|s| s.find(' ')).map_or(start, |i| start + i + 1);
    }
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + SNIPPET).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    [start, end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::Bundle;

    #[test]
    fn highlights_mark_what_comparing_every_word_marks() {
        let bundle = Bundle::from_vec(crate::bundle::write(&crate::default_corpus::load()).unwrap()).unwrap();
        let queries =
            ["INTERPOL", "coop", "cooperation", "\"police cooperation\"", "国际刑警", "الإنتر", "التعاون الدولي"];
        let queries =
            queries.into_iter().chain(["сотрудничество", "coopération policière", "terorism", "Member States"]);
        let queries = queries.chain(["ال", "\"transnational organized crime\" prevention", "crime -terrorism"]);
        let (mut compared, mut cut) = (0, 0);
        for query in queries {
            let ranked = super::super::rank(&bundle, query);
            // One highlighter for all the hits of a query, as a search uses it.
            let mut highlighter = Highlighter::new(&ranked.matched);
            for ord in ranked.ords().take(40) {
                let p = bundle.paragraph(ord).expect("every paragraph reads");
                let lang = bundle.docs()[p.doc].lang.as_str();
                let want = every_word_compared(p.text, lang, &ranked.matched);
                assert_eq!(highlighter.highlights(p.text, lang), want, "{query}: {}", p.text);
                assert_eq!(highlights(p.text, lang, &ranked.matched), want, "{query}: {}", p.text);
                // A snippet's view: the same window, the same marks inside it.
                assert_eq!(highlighter.in_snippet(p.text, lang), in_snippet_of(p.text, &want), "{query}: {}", p.text);
                compared += usize::from(!want.is_empty());
                cut += usize::from(snippet(p.text, &want)[1] < p.text.len());
            }
        }
        assert!(compared > 200, "{compared} hits with highlights");
        assert!(cut > 100, "{cut} snippets shorter than their text");
    }

    /// The oracle of a snippet's view: the snippet of all the highlights, those inside it.
    fn in_snippet_of(text: &str, all: &[[usize; 2]]) -> ([usize; 2], Vec<[usize; 2]>) {
        let span = snippet(text, all);
        (span, all.iter().copied().filter(|h| h[0] >= span[0] && h[1] <= span[1]).collect())
    }

    /// The characters the scan for a first possible word passes over fold to no letter or
    /// digit, and are no footnote marker.
    #[test]
    fn what_the_scan_passes_over_holds_no_word() {
        // Not U+202F, the narrow no-break space: UAX #29 joins it to the letters beside it.
        for c in ['’', '‘', '“', '”', '«', '»', '–', '—', '…', '¿', '¡', '\u{a0}'] {
            assert!(folds_to_no_letter(c));
            assert!(!crate::fold::is_marker(c) && !c.is_alphanumeric(), "{c}");
            assert!(!analyze::normalize(&c.to_string()).chars().any(char::is_alphanumeric), "{c}");
            assert!(analyze::tokens(&format!("a{c}b {c}c")).iter().all(|t| t.term.len() == 1), "{c:?}");
        }
    }

    /// Every letter the scan passes inside a word is one UAX #29 joins to the letters and
    /// digits on both sides of it, so that no word of the text begins there.
    #[test]
    fn letters_passed_inside_words_begin_no_word() {
        let letters: Vec<char> = ('\u{80}'..='\u{500}').filter(|&c| joins_as_a_letter(c)).collect();
        assert!(letters.len() > 400, "{} letters", letters.len());
        for c in letters {
            assert!(c.is_alphabetic(), "{c}");
            for text in [format!("a{c}b"), format!("7{c}"), format!("{c}{c}x"), format!("я{c}")] {
                assert_eq!(analyze::tokens(&text).len(), 1, "{text:?}");
            }
        }
    }

    /// Matches far into a text, after the punctuation the scan passes, after a character it
    /// stops at, inside phrases, and words that begin like a match without being one: the
    /// snippet and its marks are those of every word compared.
    #[test]
    fn a_snippet_far_into_a_text_is_as_every_word_compared() {
        let matched = Matched {
            terms: ["human".to_owned(), "rights".to_owned(), "élan".to_owned(), "_human_rights".to_owned()]
                .into_iter()
                .collect(),
            stems: [("en".to_owned(), "traffick".to_owned())].into_iter().collect(),
            phrases: vec![vec!["member".to_owned(), "states".to_owned()]],
        };
        let filler = "the inhumane humanity of words, “quoted” – and more ".repeat(30);
        for text in [
            format!("{filler}human rights"),
            format!("{filler}Member States’ trafficking in persons"),
            format!("{filler}member; states, then Member States"),
            format!("{filler}an Élan of humans and human"),
            format!("{filler}x'human and l’human"),
            format!("{filler}see _human_rights and a_human"),
            format!("{filler}nothing at all"),
            "Human rights first".to_owned(),
        ] {
            let want = every_word_compared(&text, "en", &matched);
            assert_eq!(Highlighter::new(&matched).highlights(&text, "en"), want, "{text}");
            assert_eq!(Highlighter::new(&matched).in_snippet(&text, "en"), in_snippet_of(&text, &want), "{text}");
        }
    }

    /// Chinese and Arabic: matches after hundreds of ideographs and their marks of punctuation,
    /// a word right after an ideograph, Arabic words with vowel and direction marks, a stem deep
    /// inside a word. The snippet and its marks are those of every word compared.
    #[test]
    fn a_snippet_far_into_chinese_or_arabic_is_as_every_word_compared() {
        let chinese = Matched {
            terms: ["79".to_owned(), "会".to_owned()].into_iter().collect(),
            phrases: vec![vec!["刑".to_owned(), "警".to_owned()]],
            ..Matched::default()
        };
        let filler = "各国政府（《决议》）、国际合作与发展，“可持续”。".repeat(30);
        let texts = ["第79届", "国际刑警组织", "a国79b", "刑事警察"].map(|end| format!("{filler}{end}"));
        snippets_as_every_word_compared(&chinese, "zh", &texts);
        let stem = |w: &str| analyze::stemmers().stem("ar", &analyze::normalize(w)).expect("an Arabic stemmer");
        let arabic = Matched {
            terms: [analyze::normalize("الإنتربول")].into_iter().collect(),
            stems: [("ar".to_owned(), stem("التعاون"))].into_iter().collect(),
            ..Matched::default()
        };
        let filler = "الأمم المتحدة، والدول الأعضاء؛ \u{200F}في القرار ".repeat(30);
        let ends = ["الإنتربول", "بالتعاون الدولي", "ال\u{064E}تعاون و\u{200F}الإنتربول", " \u{064B}الإنتربول", "لا شيء"];
        snippets_as_every_word_compared(&arabic, "ar", &ends.map(|end| format!("{filler}{end}")));
    }

    /// Each text's snippet and the marks inside it are those of every word compared.
    fn snippets_as_every_word_compared(matched: &Matched, lang: &str, texts: &[String]) {
        for text in texts {
            let want = every_word_compared(text, lang, matched);
            assert_eq!(Highlighter::new(matched).in_snippet(text, lang), in_snippet_of(text, &want), "{text}");
        }
    }

    /// A word that begins with a low line (UAX #29 joins it to the letters after it) is not
    /// passed over by the scan that precedes segmenting.
    #[test]
    fn a_word_may_begin_with_a_low_line() {
        let matched = Matched { terms: ["_zeta".to_owned()].into_iter().collect(), ..Matched::default() };
        let filler = "the words of a long paragraph ".repeat(20);
        let text = format!("{filler}and _zeta and {filler}");
        let want = every_word_compared(&text, "en", &matched);
        assert_eq!(want.len(), 1);
        assert_eq!(Highlighter::new(&matched).in_snippet(&text, "en"), in_snippet_of(&text, &want));
    }

    /// A phrase across the end of the first run of words, with a word matched on its own inside
    /// it: the phrase's first word is the first mark, which the run alone cannot tell.
    #[test]
    fn a_snippet_waits_for_the_words_a_phrase_needs() {
        let filler = "word ".repeat(Highlighter::FIRST_RUN - 2);
        let matched = Matched {
            terms: ["organized".to_owned()].into_iter().collect(),
            phrases: vec![vec!["transnational".to_owned(), "organized".to_owned(), "crime".to_owned()]],
            ..Matched::default()
        };
        for text in [
            format!("{filler}transnational organized crime and more {}", "text ".repeat(80)),
            format!("{filler}transnational organized and then {}organized", "text ".repeat(80)),
            format!("{filler}{}", "text ".repeat(80)),
        ] {
            let want = every_word_compared(&text, "en", &matched);
            assert_eq!(Highlighter::new(&matched).in_snippet(&text, "en"), in_snippet_of(&text, &want), "{text}");
        }
    }
}
