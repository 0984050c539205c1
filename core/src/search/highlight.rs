//! Highlights (UTF-8 byte ranges of the words a query matched in a paragraph) and snippets.

use super::exec::Matched;
use crate::analyze::{self, Stemmers, Token};
use std::sync::LazyLock;

static STEMMERS: LazyLock<Stemmers> = LazyLock::new(Stemmers::default);

/// The byte ranges of `text` that the query matched, merged where they touch.
pub fn highlights(text: &str, lang: &str, matched: &Matched) -> Vec<[usize; 2]> {
    let tokens = analyze::tokens(text);
    let mut marked = vec![false; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        let stemmed = || STEMMERS.stem(lang, &t.term).is_some_and(|s| matched.stems.contains(&(lang.to_owned(), s)));
        marked[i] = matched.terms.contains(&t.term) || stemmed();
    }
    for phrase in &matched.phrases {
        mark_phrase(&tokens, phrase, &mut marked);
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

fn mark_phrase(tokens: &[Token], phrase: &[String], marked: &mut [bool]) {
    if phrase.is_empty() || tokens.len() < phrase.len() {
        return;
    }
    for start in 0..=tokens.len() - phrase.len() {
        let run = &tokens[start..start + phrase.len()];
        let words = run.iter().zip(phrase).all(|(t, w)| &t.term == w);
        let adjacent = run.windows(2).all(|w| w[1].pos == w[0].pos + 1);
        if words && adjacent {
            marked[start..start + phrase.len()].iter_mut().for_each(|m| *m = true);
        }
    }
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
