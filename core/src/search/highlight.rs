//! Highlights (UTF-8 byte ranges of the words a query matched in a paragraph) and snippets.

use super::exec::Matched;
use crate::analyze::{self, Token};
use std::collections::HashSet;

/// The byte ranges of `text` that the query matched, merged where they touch.
pub fn highlights(text: &str, lang: &str, matched: &Matched) -> Vec<[usize; 2]> {
    let spans = analyze::spans(text);
    let stems: Vec<&str> = matched.stems.iter().filter(|(l, _)| l == lang).map(|(_, s)| s.as_str()).collect();
    // Only words that begin like something the query matched are normalized.
    let words = matched.terms.iter().map(String::as_str).chain(stems.iter().copied());
    let initials: HashSet<char> =
        words.chain(matched.phrases.iter().flatten().map(String::as_str)).filter_map(|w| w.chars().next()).collect();
    let tokens: Vec<Option<Token>> = spans
        .iter()
        .map(|s| {
            let raw = &text[s.span.0..s.span.1];
            let wanted = analyze::initial(raw).is_some_and(|c| initials.contains(&c));
            wanted.then(|| Token { term: analyze::normalize(raw), span: s.span, pos: s.pos })
        })
        .collect();
    let mut marked = vec![false; tokens.len()];
    for (i, t) in tokens.iter().enumerate() {
        let Some(t) = t else { continue };
        // Stemming every word is slow; a Snowball stem shares its first letters with the word.
        let near = |s: &&str| t.term.starts_with(s.get(..s.len().min(3)).unwrap_or(s));
        let stemmed = || {
            stems.iter().any(near)
                && crate::analyze::stemmers().stem(lang, &t.term).is_some_and(|s| stems.contains(&s.as_str()))
        };
        marked[i] = matched.terms.contains(&t.term) || stemmed();
    }
    for phrase in &matched.phrases {
        mark_phrase(&tokens, phrase, &mut marked);
    }
    let mut out: Vec<[usize; 2]> = Vec::new();
    for (s, _) in spans.iter().zip(&marked).filter(|(_, m)| **m) {
        match out.last_mut() {
            Some(last) if last[1] == s.span.0 => last[1] = s.span.1,
            _ => out.push([s.span.0, s.span.1]),
        }
    }
    out
}

fn mark_phrase(tokens: &[Option<Token>], phrase: &[String], marked: &mut [bool]) {
    if phrase.is_empty() || tokens.len() < phrase.len() {
        return;
    }
    for start in 0..=tokens.len() - phrase.len() {
        let Some(run) = tokens[start..start + phrase.len()].iter().map(Option::as_ref).collect::<Option<Vec<&Token>>>()
        else {
            continue;
        };
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
