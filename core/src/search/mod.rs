//! The query engine, the same in every front end: SPEC §4's language parsed ([`query`]),
//! filtered ([`filters`]), executed and ranked ([`exec`]), with highlights and snippets.

mod dense;
pub mod exec;
mod facets;
pub mod filters;
pub mod highlight;
pub mod order;
pub mod query;

use crate::bundle::Bundle;
use crate::cite::citation_of;
use crate::index::ParaOrd;
use exec::{Executor, Scored, Tier};
pub use facets::{Counts, Facets};
use order::best_in_order;
use serde::Serialize;

/// One hit, as SPEC §5's `search --json` gives it.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub doc: String,
    pub lang: String,
    pub para: String,
    pub kind: String,
    pub cite: String,
    pub score: f32,
    /// How it matched: exact, prefix, stem or typo.
    pub tier: Tier,
    pub text: String,
    pub snippet: String,
    /// The byte range of `text` the snippet shows.
    pub snippet_span: [usize; 2],
    /// UTF-8 byte ranges into `text`.
    pub highlights: Vec<[usize; 2]>,
    #[serde(skip)]
    pub ord: ParaOrd,
}

impl Hit {
    /// The part of the text the snippet shows.
    pub fn snippet_text(&self) -> &str {
        self.text.get(self.snippet_span[0]..self.snippet_span[1]).unwrap_or_default()
    }

    /// The highlights that fall inside the snippet, as byte ranges of [`Hit::snippet_text`]:
    /// the one place where hit offsets become what a front end draws.
    pub fn snippet_marks(&self) -> Vec<[usize; 2]> {
        let [start, end] = self.snippet_span;
        self.highlights.iter().filter(|h| h[0] >= start && h[1] <= end).map(|h| [h[0] - start, h[1] - start]).collect()
    }

    /// The snippet cut into pieces, each with whether it is a match; joined, they give the
    /// snippet back.
    pub fn snippet_pieces(&self) -> Vec<(&str, bool)> {
        let text = self.snippet_text();
        let mut out = Vec::new();
        let mut at = 0;
        for [s, e] in self.snippet_marks() {
            let (Some(before), Some(mark)) = (text.get(at..s), text.get(s..e)) else { continue };
            out.push((before, false));
            out.push((mark, true));
            at = e;
        }
        out.push((text.get(at..).unwrap_or_default(), false));
        out.retain(|(t, _)| !t.is_empty());
        out
    }

    /// Whether the snippet starts after the paragraph's start and ends before its end.
    pub fn snippet_cut(&self) -> (bool, bool) {
        (self.snippet_span[0] > 0, self.snippet_span[1] < self.text.len())
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Results {
    pub query: String,
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: Facets,
    /// What in the query was dropped or repaired.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// A query's matches in rank order, before any is rendered.
#[derive(Debug, Default)]
pub struct Ranked {
    pub scored: Vec<Scored>,
    pub matched: exec::Matched,
    pub notes: Vec<String>,
}

impl Ranked {
    /// The ordinals of every match, in rank order.
    pub fn ords(&self) -> impl Iterator<Item = ParaOrd> + '_ {
        self.scored.iter().map(|s| s.ord)
    }
}

/// Runs `input` against `bundle`; the best `limit` hits in full, the total and facets of all.
pub fn search(bundle: &Bundle, input: &str, limit: usize) -> Results {
    let found = matches(bundle, input);
    let mut results = shown_of(bundle, input, &found, limit, Shown::Everything);
    results.facets = facets::count(bundle, &found.scored);
    results
}

/// [`search`] as a list of snippets shows it: no facets, and each hit's highlights only those
/// inside its snippet (the same snippet, the same marks in it; the words past it are not
/// analyzed). What a view that shows no facets asks for (the widget), or asks for first (facets
/// read every match's outline: with a bundle's parts apart, more to fetch).
pub fn hits(bundle: &Bundle, input: &str, limit: usize) -> Results {
    // Apart from `search`: a build that shows no facets (the widget) carries no code to count
    // them.
    shown_of(bundle, input, &matches(bundle, input), limit, Shown::Snippets)
}

/// What a search is for: everything (facets, highlights over each whole text), or a list of
/// snippets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    Everything,
    Snippets,
}

/// [`hits`] of matches found already by [`matches`]: a view that shows hits and facets (the
/// explorer) finds the matches of a query once for both.
pub fn hits_of(bundle: &Bundle, input: &str, found: &Ranked, limit: usize) -> Results {
    shown_of(bundle, input, found, limit, Shown::Snippets)
}

/// The facets [`search`] counts, of matches found already by [`matches`].
pub fn facets_of(bundle: &Bundle, found: &Ranked) -> Facets {
    facets::count(bundle, &found.scored)
}

fn shown_of(bundle: &Bundle, input: &str, found: &Ranked, limit: usize, shown: Shown) -> Results {
    // Matches found while a part of the index had not arrived are not the final ones: the
    // texts of their best would be fetched for nothing. The next run, with the parts, shows
    // them.
    let best = if bundle.unsettled() { Vec::new() } else { best_in_order(&found.scored, limit) };
    // Every front end shows a hit under its document's title: its page is wanted now, so that
    // a lazily loaded bundle fetches it in the same round as the texts.
    for d in best.iter().filter_map(|s| bundle.doc_of(s.ord)) {
        bundle.want_title(d);
    }
    let mut highlighter = highlight::Highlighter::new(&found.matched);
    let hits = best.iter().filter_map(|s| hit(bundle, s, &mut highlighter, shown)).collect();
    let (query, total, notes) = (input.to_owned(), found.scored.len(), found.notes.clone());
    Results { query, total, hits, facets: Facets::default(), notes }
}

/// [`search`], or why its answer would be wrong: a part of the bundle that is corrupt, or one
/// that has not arrived (a bundle whose parts are supplied: fetch them and ask again).
pub fn checked(bundle: &Bundle, input: &str, limit: usize) -> Result<Results, crate::bundle::Pending> {
    let results = search(bundle, input, limit);
    bundle.settle().map(|()| results)
}

/// How many paragraphs `input` matches, and the best `limit` of them in rank order: what a
/// list of hits needs before it renders any (the others are counted, never ordered).
pub fn top(bundle: &Bundle, input: &str, limit: usize) -> (usize, Vec<Scored>) {
    let found = matches(bundle, input);
    (found.scored.len(), best_in_order(&found.scored, limit))
}

/// Every paragraph `input` matches, best first.
pub fn rank(bundle: &Bundle, input: &str) -> Ranked {
    let mut found = matches(bundle, input);
    found.scored = best_in_order(&found.scored, usize::MAX);
    found
}

/// Every paragraph `input` matches, in no order, with what its words matched (for highlights)
/// and notes on the query: what [`hits_of`] and [`facets_of`] take.
pub fn matches(bundle: &Bundle, input: &str) -> Ranked {
    let query = query::parse(input);
    let mut notes = query.notes.clone();
    let filtered = filters::passing(bundle, &query.filters);
    let langs = stem_langs(bundle, &query.filters);
    if !query.clauses.is_empty() {
        notes.extend(unstemmed(&langs));
    }
    let mut exec = Executor::new(bundle, langs);
    let positive: Vec<_> = query.clauses.iter().filter(|c| !c.negated).collect();
    let mut scored: Vec<Scored> = if positive.is_empty() {
        if query.clauses.is_empty() && filtered.is_none() {
            return Ranked { notes, ..Ranked::default() };
        }
        let all = filtered.clone().unwrap_or_else(|| (0..bundle.catalog.paragraphs).collect());
        all.into_iter().map(|ord| Scored { ord, score: 0.0, tier: Tier::Exact }).collect()
    } else {
        exec.all_of(&positive)
    };
    if let Some(pass) = &filtered {
        scored.retain(|s| pass.binary_search(&s.ord).is_ok());
    }
    for clause in query.clauses.iter().filter(|c| c.negated) {
        let out = order::ascending(exec.excluded(clause));
        scored.retain(|s| out.binary_search(&s.ord).is_err());
    }
    notes.append(&mut exec.notes);
    Ranked { scored, matched: exec.matched, notes }
}

/// Languages whose stems a query looks up: those of `lang:` filters, else all in the bundle.
fn stem_langs(bundle: &Bundle, filters: &[query::Filter]) -> Vec<String> {
    let wanted: Vec<String> =
        filters.iter().filter(|f| f.field == query::Field::Lang).map(|f| f.value.to_lowercase()).collect();
    bundle.langs().iter().filter(|l| wanted.is_empty() || wanted.contains(l)).cloned().collect()
}

/// Notes for the languages among `langs` whose stemmer this build leaves out: their words are
/// matched as written, without their other forms.
fn unstemmed(langs: &[String]) -> impl Iterator<Item = String> + '_ {
    langs
        .iter()
        .filter(|l| crate::analyze::STEMMERS_LEFT_OUT.contains(&l.as_str()))
        .map(|l| format!("words in {l} are matched as written: this build of Resolex has no {l} stemmer"))
}

fn hit(bundle: &Bundle, s: &Scored, highlighter: &mut highlight::Highlighter, shown: Shown) -> Option<Hit> {
    let p = bundle.paragraph(s.ord)?;
    let doc = bundle.docs().get(p.doc)?;
    let (span, highlights) = match shown {
        Shown::Snippets => highlighter.in_snippet(p.text, doc.lang.as_str()),
        Shown::Everything => {
            let highlights = highlighter.highlights(p.text, doc.lang.as_str());
            (highlight::snippet(p.text, &highlights), highlights)
        }
    };
    let mut snippet = p.text[span[0]..span[1]].to_owned();
    if span[0] > 0 {
        snippet.insert(0, '…');
    }
    if span[1] < p.text.len() {
        snippet.push('…');
    }
    Some(Hit {
        doc: doc.doc.0.clone(),
        lang: doc.lang.0.clone(),
        para: p.id.to_owned(),
        kind: p.kind.name().to_owned(),
        cite: citation_of(&doc.doc, p.kind, p.id, p.num),
        score: s.score,
        tier: s.tier,
        text: p.text.to_owned(),
        snippet,
        snippet_span: span,
        highlights,
        ord: s.ord,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `search` selects its best hits without sorting every match: they must be exactly the
    /// head of `rank`'s full order, and the total every match.
    #[test]
    fn the_best_hits_are_the_head_of_the_full_ranking() {
        let bundle = Bundle::from_vec(crate::bundle::write(&crate::default_corpus::load()).unwrap()).unwrap();
        for query in ["INTERPOL", "cooperation", "coop", "\"police cooperation\"", "国际", "crime -terrorism", "x"] {
            let ranked = rank(&bundle, query);
            for limit in [0, 1, 10, 1000] {
                let results = search(&bundle, query, limit);
                assert_eq!(results.total, ranked.scored.len(), "{query}");
                let head: Vec<ParaOrd> = ranked.ords().take(limit).collect();
                let hits: Vec<ParaOrd> = results.hits.iter().map(|h| h.ord).collect();
                assert_eq!(hits, head, "{query} limit {limit}");
            }
        }
    }

    /// A misspelling whose stem is a real one (`sustainible` → `sustain`, in English only) is
    /// corrected as well: every paragraph with the word meant is found, in any language's text
    /// (English titles quoted in other languages' footnotes), and the note says why.
    #[test]
    fn a_misspelt_word_found_only_by_its_stem_is_corrected_too() {
        let bundle = Bundle::from_vec(crate::bundle::write(&crate::default_corpus::load()).unwrap()).unwrap();
        let result = search(&bundle, "sustainible", 10_000);
        let note = result.notes.iter().find(|n| n.contains("showing results for")).expect("a note");
        assert_eq!(note, "“sustainible” is not in the texts as written; showing results for sustainable too");
        let found: std::collections::BTreeSet<ParaOrd> = result.hits.iter().map(|h| h.ord).collect();
        let scan: Vec<ParaOrd> = (0..bundle.catalog.paragraphs)
            .filter(|&ord| {
                let p = bundle.paragraph(ord).expect("every paragraph reads");
                crate::analyze::tokens(p.text).iter().any(|t| t.term == "sustainable")
            })
            .collect();
        assert!(!scan.is_empty());
        assert!(scan.iter().all(|o| found.contains(o)), "a paragraph with “sustainable” was missed");
        assert!(search(&bundle, "sustainable", 10).notes.is_empty());
    }

    /// A word the corpus does not hold is corrected by itself to the nearest words, and the
    /// results say so: the paragraphs holding them (a plain scan of the analyzed texts), part
    /// of what `word~` finds. A word the corpus holds, or a negated one, is not corrected.
    #[test]
    fn a_misspelt_word_is_corrected_and_the_results_say_so() {
        let bundle = Bundle::from_vec(crate::bundle::write(&crate::default_corpus::load()).unwrap()).unwrap();
        let corrected = search(&bundle, "terorism", 1000);
        let forced = search(&bundle, "terorism~", 1000);
        let note = corrected.notes.iter().find(|n| n.contains("showing results for")).expect("a note");
        assert_eq!(note, "no match for “terorism”; showing results for terrorism");
        let scan: Vec<ParaOrd> = (0..bundle.catalog.paragraphs)
            .filter(|&ord| {
                let p = bundle.paragraph(ord).expect("every paragraph reads");
                crate::analyze::tokens(p.text).iter().any(|t| t.term == "terrorism")
            })
            .collect();
        let mut found: Vec<ParaOrd> = corrected.hits.iter().map(|h| h.ord).collect();
        found.sort_unstable();
        assert!(!scan.is_empty());
        assert_eq!(found, scan);
        let fuzzy: std::collections::BTreeSet<ParaOrd> = forced.hits.iter().map(|h| h.ord).collect();
        assert!(found.iter().all(|o| fuzzy.contains(o)) && fuzzy.len() > found.len(), "terrorisme, terrorismo…");
        assert!(search(&bundle, "terrorism", 10).notes.is_empty());
        let negated = search(&bundle, "crime -terorism", 1000);
        assert_eq!(negated.total, search(&bundle, "crime", 1000).total);
        assert!(negated.notes.iter().all(|n| !n.contains("showing results for")));
    }

    /// `word~` finds exactly the words of the lexicon under the same first letter within its
    /// edits (one from four letters, two from eight), by a plain edit distance over each of them.
    #[test]
    fn typos_are_the_words_within_their_edits() {
        let bundle = Bundle::from_vec(crate::bundle::write(&crate::default_corpus::load()).unwrap()).unwrap();
        let words = ["terorism", "intrpol", "coperation", "polise", "cooperacion", "crme", "сотрудничства", "الانتربل"];
        let mut found_any = 0;
        for word in words {
            let edits = if word.chars().count() >= 8 { 2 } else { 1 };
            let first = word.chars().next().unwrap().to_string();
            let want: std::collections::BTreeSet<String> = bundle
                .lexicon(&first)
                .into_iter()
                .map(|(w, _)| w)
                .filter(|w| strsim::levenshtein(word, w) <= edits)
                .collect();
            assert!(want.len() < 50, "{word}: {} neighbours, more than a query keeps", want.len());
            let got: std::collections::BTreeSet<String> =
                rank(&bundle, &format!("{word}~")).matched.terms.into_iter().collect();
            assert_eq!(got, want, "{word}");
            found_any += usize::from(!got.is_empty());
        }
        assert!(found_any >= 6, "{found_any} of the words found neighbours");
    }

    #[test]
    fn snippet_pieces_join_into_the_snippet_and_mark_the_highlights() {
        let bundle = Bundle::from_vec(crate::bundle::write(&crate::default_corpus::load()).unwrap()).unwrap();
        for query in ["\"police cooperation\"", "INTERPOL", "国际刑警", "coop"] {
            for h in search(&bundle, query, 20).hits {
                let pieces = h.snippet_pieces();
                let joined: String = pieces.iter().map(|(t, _)| *t).collect();
                assert_eq!(joined, h.snippet_text(), "{query}");
                let marked: Vec<&str> = pieces.iter().filter(|(_, m)| *m).map(|(t, _)| *t).collect();
                let inside = h.highlights.iter().filter(|x| x[0] >= h.snippet_span[0] && x[1] <= h.snippet_span[1]);
                let expected: Vec<&str> = inside.map(|x| &h.text[x[0]..x[1]]).collect();
                assert_eq!(marked, expected, "{query}");
                assert!(!marked.is_empty(), "{query}: {}", h.cite);
            }
        }
    }
}
