//! Execution: each term of a query becomes the paragraphs it matches, scored with BM25 and
//! ranked by how they matched (exact above prefix above stemmed above typo).

use super::query::{Clause, Term, WordMode};
use crate::bundle::Bundle;
use crate::index::postings::{ListKind, Posting, Postings};
use crate::index::{ParaOrd, unpack};
use fst::Automaton;
use std::collections::HashSet;
use std::rc::Rc;

/// How a paragraph matched; lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    Exact,
    Prefix,
    Stem,
    Typo,
}

impl Tier {
    pub const ALL: [Tier; 4] = [Tier::Exact, Tier::Prefix, Tier::Stem, Tier::Typo];

    /// The tier numbered `n` (as `tier as u8` numbers them); the last for any number past it.
    pub fn from_u8(n: u8) -> Tier {
        Self::ALL[usize::from(n).min(Self::ALL.len() - 1)]
    }
}

/// A paragraph that matched, with its score and its worst tier over the clauses.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scored {
    pub ord: ParaOrd,
    pub score: f32,
    pub tier: Tier,
}

/// Expansions of one word beyond this many (the most frequent are kept) are dropped.
const MAX_EXPANSIONS: usize = 50;
/// Words longer than this are matched exactly even with `~`: the automaton would be too large.
const MAX_TYPO_CHARS: usize = 32;

/// What a query matched, kept for highlighting.
#[derive(Debug, Default)]
pub struct Matched {
    /// Exact, prefix and typo terms.
    pub terms: HashSet<String>,
    /// `(lang, stem)` of stemmed matches.
    pub stems: HashSet<(String, String)>,
    pub phrases: Vec<Vec<String>>,
}

pub struct Executor<'a> {
    bundle: &'a Bundle,
    langs: Vec<String>,
    n: f32,
    /// BM25's length norm of each length class (`postings::length_class`), made once a query.
    norms: [f32; 64],
    /// Words' lists read so far, by offset: a word's stem in several languages is often an
    /// alias of the word's own list (`interpol` in English, French and Spanish), read once.
    words: Vec<(usize, Rc<Postings<'a>>)>,
    pub matched: Matched,
    pub notes: Vec<String>,
    /// Where many lists are merged at once ([`super::dense`]), kept for the query's other merges.
    table: super::dense::Table,
}

impl<'a> Executor<'a> {
    /// `langs`: languages whose stems are looked up.
    pub fn new(bundle: &'a Bundle, langs: Vec<String>) -> Self {
        let n = bundle.catalog.paragraphs as f32;
        let norms = bm25_norms(bundle.catalog.mean_length.max(1.0));
        Executor {
            bundle,
            langs,
            n,
            norms,
            words: Vec::new(),
            matched: Matched::default(),
            notes: Vec::new(),
            table: super::dense::Table::default(),
        }
    }

    /// The paragraphs matching every positive clause, sorted by ordinal.
    pub fn all_of(&mut self, clauses: &[&Clause]) -> Vec<Scored> {
        let mut result: Option<Vec<Scored>> = None;
        for clause in clauses {
            let these = self.clause(clause, true);
            result = Some(match result {
                None => these,
                Some(prev) => and(&prev, &these),
            });
            if result.as_ref().is_some_and(Vec::is_empty) {
                break;
            }
        }
        result.unwrap_or_default()
    }

    /// The paragraphs a negated clause removes: exact matches of its words and phrases.
    pub fn excluded(&mut self, clause: &Clause) -> Vec<ParaOrd> {
        let exact: Vec<Term> = clause
            .alternatives
            .iter()
            .map(|t| match t {
                Term::Word { term, .. } => Term::Word { term: term.clone(), mode: WordMode::Plain },
                phrase @ Term::Phrase(_) => phrase.clone(),
            })
            .collect();
        let clause = Clause { negated: false, alternatives: exact };
        self.clause(&clause, false).into_iter().filter(|s| s.tier == Tier::Exact).map(|s| s.ord).collect()
    }

    fn clause(&mut self, clause: &Clause, record: bool) -> Vec<Scored> {
        let lists = clause.alternatives.iter().map(|t| self.term(t, record)).collect();
        merge_all(&mut self.table, lists)
    }

    fn term(&mut self, term: &Term, record: bool) -> Vec<Scored> {
        match term {
            Term::Phrase(words) => {
                if record {
                    self.matched.phrases.push(words.clone());
                }
                self.phrase(words)
            }
            Term::Word { term, mode } => self.word(term, *mode, record),
        }
    }

    fn word(&mut self, term: &str, mode: WordMode, record: bool) -> Vec<Scored> {
        let mut out: Vec<Vec<Scored>> = Vec::new();
        let mut found = Vec::new();
        let exact = self.bundle.lookup(term.as_bytes(), false);
        if exact.is_some() {
            found.push(term.to_owned());
        }
        let long_enough = term.chars().count() >= 2 || term.chars().any(crate::analyze::is_cjk);
        if mode == WordMode::Prefix || (mode == WordMode::AsYouType && long_enough) {
            for (key, v) in self.expansions(fst::automaton::Str::new(term).starts_with(), term, term) {
                self.score_into(&mut out, v, ListKind::Words, Tier::Prefix);
                found.push(key);
            }
        }
        if mode == WordMode::Typo {
            for (key, v) in self.typos(term) {
                self.score_into(&mut out, v, ListKind::Words, Tier::Typo);
                found.push(key);
            }
        }
        let folded = if mode == WordMode::Prefix { Vec::new() } else { self.stems(term, exact, &mut out, record) };
        if let Some(list) = exact.and_then(|v| self.word_list(v)) {
            out.push(self.with_aliases(&list.entries, &folded));
        }
        // A word the lexicon does not hold, nor any word it begins, is misspelt even where its
        // stem matches (`sustainible` by `sustain`, in English only): its nearest words count too.
        let nothing = out.iter().all(Vec::is_empty);
        let unknown = found.is_empty();
        if (nothing || unknown) && record && matches!(mode, WordMode::Plain | WordMode::AsYouType) {
            for (key, v) in self.corrections(term, !nothing) {
                self.score_into(&mut out, v, ListKind::Words, Tier::Typo);
                found.push(key);
            }
        }
        if record {
            self.matched.terms.extend(found);
        }
        merge_all(&mut self.table, out)
    }

    /// The lists of `term`'s stems in each language added to `out`, except those that alias
    /// the word's own list (`exact`): their languages are returned, to be scored with that list
    /// in one pass rather than read, scored and merged again.
    fn stems(&mut self, term: &str, exact: Option<u64>, out: &mut Vec<Vec<Scored>>, record: bool) -> Vec<String> {
        let mut folded = Vec::new();
        for lang in self.langs.clone() {
            let Some(stem) = crate::analyze::stemmers().stem(&lang, term) else { continue };
            let Some(v) = self.bundle.lookup(crate::index::keys::stem(&lang, &stem).as_bytes(), true) else { continue };
            let of_word = exact.is_some_and(|e| unpack(e).0 == unpack(v).0);
            if crate::index::is_alias(v) && of_word {
                folded.push(lang.clone());
            } else if let Some(scored) = self.stem_scored(&lang, v) {
                out.push(scored);
            }
            if record {
                self.matched.stems.insert((lang, stem));
            }
        }
        folded
    }

    /// A word the corpus does not hold as written: its neighbours within typo distance, as
    /// `word~` would find them, and a note that says so (`stemmed`: its stem found some).
    fn corrections(&mut self, term: &str, stemmed: bool) -> Vec<(String, u64)> {
        // With parts of the bundle still to come, the word may be in them: the query runs again
        // once they are here, and corrects then.
        if term.chars().count() > MAX_TYPO_CHARS || self.bundle.unsettled() {
            return Vec::new();
        }
        let mut found = self.typos(term);
        // Only the nearest words: those the fewest edits away (`terorism` is one edit from
        // `terrorism`, two from `terrorist` and `terrorisme`). `word~` keeps them all.
        let edits = |key: &str| strsim::levenshtein(term, key);
        if let Some(nearest) = found.iter().map(|(k, _)| edits(k)).min() {
            found.retain(|(k, _)| edits(k) == nearest);
        }
        if !found.is_empty() {
            // In the order of `expansions`: the most frequent first, ties in the lexicon's order.
            let shown: Vec<&str> = found.iter().take(3).map(|(k, _)| k.as_str()).collect();
            let more = if found.len() > 3 { ", …" } else { "" };
            let shown = shown.join(", ");
            self.notes.push(if stemmed {
                format!("“{term}” is not in the texts as written; showing results for {shown}{more} too")
            } else {
                format!("no match for “{term}”; showing results for {shown}{more}")
            });
        }
        found
    }

    fn typos(&mut self, term: &str) -> Vec<(String, u64)> {
        let chars = term.chars().count();
        let distance = match chars {
            0..=3 => return Vec::new(),
            4..=7 => 1,
            _ => 2,
        };
        if chars > MAX_TYPO_CHARS {
            self.notes.push(format!("{term}~: too long for typo matching; matched exactly"));
            return Vec::new();
        }
        // The first letter is taken as typed (docs/decisions.md): the neighbours then lie in the
        // few ranges of the lexicon under that letter, not in all of it.
        let first = term.chars().next().map(String::from).unwrap_or_default();
        let automaton = typo_automaton(distance).build_dfa(term);
        let under_first = automaton.intersection(fst::automaton::Str::new(&first).starts_with());
        self.expansions(under_first, term, &first)
    }

    /// Words the automaton accepts (all starting with `prefix`), other than `term` and filter
    /// keys; the [`MAX_EXPANSIONS`] most frequent, most frequent first, ties in the lexicon's
    /// order (the order the lexicon streams them in).
    fn expansions<A: Automaton>(&self, automaton: A, term: &str, prefix: &str) -> Vec<(String, u64)> {
        let mut found = self.bundle.search(automaton, prefix);
        found.retain(|(key, _)| crate::index::keys::is_word(key) && key != term.as_bytes());
        let order = super::order::heaviest(found.iter().map(|(_, v)| unpack(*v).1), MAX_EXPANSIONS);
        let found = super::order::by_places(found, &order);
        found.into_iter().map(|(key, v)| (String::from_utf8_lossy(&key).into_owned(), v)).collect()
    }

    /// Adds the scored postings of one fst value to `out`, as one list sorted by ordinal.
    fn score_into(&mut self, out: &mut Vec<Vec<Scored>>, packed: u64, kind: ListKind, tier: Tier) {
        let postings = if kind == ListKind::Words {
            self.word_list(packed)
        } else {
            self.bundle.postings(packed, kind).map(Rc::new)
        };
        if let Some(postings) = postings {
            out.push(self.scored(&postings.entries, tier));
        }
    }

    /// A word's list, read once per query. Its entries only: a single ideograph's list
    /// (`ListKind::Characters`) reads the same way, and only [`Executor::phrase`], which asks for
    /// each list's own kind, reads positions.
    fn word_list(&mut self, packed: u64) -> Option<Rc<Postings<'a>>> {
        let offset = unpack(packed).0;
        if let Some((_, list)) = self.words.iter().find(|(o, _)| *o == offset) {
            return Some(Rc::clone(list));
        }
        let list = Rc::new(self.bundle.postings(packed, ListKind::Words)?);
        self.words.push((offset, Rc::clone(&list)));
        Some(list)
    }

    /// The scored postings of the stem of `lang` whose value is `packed`: its own list, or (an
    /// alias) its only word's list, kept to the documents in `lang`.
    fn stem_scored(&mut self, lang: &str, packed: u64) -> Option<Vec<Scored>> {
        if !crate::index::is_alias(packed) {
            let postings = self.bundle.postings(packed, ListKind::Stems)?;
            return Some(self.scored(&postings.entries, Tier::Stem));
        }
        let word = self.word_list(packed)?;
        Some(self.scored(&self.bundle.in_lang(lang, &word.entries), Tier::Stem))
    }

    /// A word's own postings, exact, with the stems of `langs` that alias them folded in: what
    /// merging the word's list with each stem's (the word's postings in that language, scored
    /// as a list of their own) gives. In a language of `langs` a paragraph takes the higher of
    /// the two scores, which is the one with the higher idf (BM25 grows with it): the stem's,
    /// whose list is the shorter, unless the word is in that language alone.
    fn with_aliases(&self, entries: &[Posting], langs: &[String]) -> Vec<Scored> {
        let word = self.idf(entries.len());
        if langs.is_empty() {
            return self.scored(entries, Tier::Exact);
        }
        let tables = self.bundle.lang_table();
        let lang_of = |p: &Posting| tables.of_ord.get(p.ord as usize).map_or(usize::MAX, |&l| usize::from(l));
        let mut in_lang = vec![0usize; tables.langs.len()];
        for p in entries {
            if let Some(n) = in_lang.get_mut(lang_of(p)) {
                *n += 1;
            }
        }
        let mut idf = vec![word; tables.langs.len()];
        for (i, l) in tables.langs.iter().enumerate() {
            if langs.contains(l) && in_lang[i] > 0 {
                idf[i] = word.max(self.idf(in_lang[i]));
            }
        }
        let idf_of = |p: &Posting| idf.get(lang_of(p)).copied().unwrap_or(word);
        entries
            .iter()
            .map(|p| Scored { ord: p.ord, score: self.bm25(idf_of(p), p.tf, p.class), tier: Tier::Exact })
            .collect()
    }

    fn scored(&self, entries: &[Posting], tier: Tier) -> Vec<Scored> {
        let idf = self.idf(entries.len());
        entries.iter().map(|p| Scored { ord: p.ord, score: self.bm25(idf, p.tf, p.class), tier }).collect()
    }

    /// The paragraphs where `words` stand together, in order. Each word's own frequency gives
    /// the phrase's idf; the lists read are those of [`cover`]: pairs of ideographs where the
    /// phrase has them, so that `合作` reads one list of where the two stand together rather
    /// than every paragraph that holds either.
    fn phrase(&self, words: &[String]) -> Vec<Scored> {
        // Every word and every list is asked for before any answer is taken, so that a lazy
        // bundle learns of every part it lacks at once.
        let dfs: Vec<Option<u64>> = words.iter().map(|w| self.bundle.lookup(w.as_bytes(), false)).collect();
        let (keys, offsets): (Vec<String>, Vec<u32>) = cover(words).into_iter().unzip();
        let lists: Vec<Option<Postings>> = keys
            .iter()
            .map(|k| {
                let kind = crate::index::keys::list_kind(k.as_bytes());
                self.bundle.lookup(k.as_bytes(), false).and_then(|v| self.bundle.postings(v, kind))
            })
            .collect();
        let Some(dfs) = dfs.into_iter().collect::<Option<Vec<u64>>>() else { return Vec::new() };
        let idf: f32 = dfs.iter().map(|&v| self.idf(unpack(v).1 as usize)).sum();
        let Some(lists) = lists.into_iter().collect::<Option<Vec<Postings>>>() else { return Vec::new() };
        if let [one] = lists.as_slice() {
            return one
                .entries
                .iter()
                .map(|p| Scored { ord: p.ord, score: self.bm25(idf, p.tf, p.class), tier: Tier::Exact })
                .collect();
        }
        let candidates = paragraphs_with_all(&lists);
        let classes: Vec<u8> = {
            let first = &lists[0].entries;
            let mut i = 0;
            candidates
                .iter()
                .map(|&c| {
                    while first[i].ord != c {
                        i += 1;
                    }
                    first[i].class
                })
                .collect()
        };
        let Ok(positions) = lists.iter().map(|l| l.positions_for(&candidates)).collect::<Result<Vec<_>, _>>() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut cursors = Vec::with_capacity(positions.len());
        for (k, &ord) in candidates.iter().enumerate() {
            let tf = phrase_starts(&positions, &offsets, k, &mut cursors);
            if tf > 0 {
                out.push(Scored { ord, score: self.bm25(idf, tf, classes[k]), tier: Tier::Exact });
            }
        }
        out
    }

    fn idf(&self, df: usize) -> f32 {
        let df = df as f32;
        (1.0 + (self.n - df + 0.5) / (df + 0.5)).ln()
    }

    /// BM25 of a paragraph of length class `class` that holds the term `tf` times.
    fn bm25(&self, idf: f32, tf: u32, class: u8) -> f32 {
        let tf = tf as f32;
        idf * tf * (K1 + 1.0) / (tf + self.norms[usize::from(class & 63)])
    }
}

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// BM25's length norm, `k1 · (1 − b + b · length / mean)`, of each length class.
fn bm25_norms(mean: f32) -> [f32; 64] {
    std::array::from_fn(|class| {
        let len = crate::index::postings::length_of_class(class as u8) as f32;
        K1 * (1.0 - B + B * len / mean)
    })
}

/// The paragraphs in every one of `lists`, ascending: the shortest list's, kept where each
/// other list has them too.
fn paragraphs_with_all(lists: &[Postings]) -> Vec<ParaOrd> {
    let Some(shortest) = (0..lists.len()).min_by_key(|&i| lists[i].entries.len()) else { return Vec::new() };
    let mut candidates: Vec<ParaOrd> = lists[shortest].ords().collect();
    for l in lists.iter().enumerate().filter(|(i, _)| *i != shortest).map(|(_, l)| l) {
        let mut theirs = l.entries.iter().map(|e| e.ord).peekable();
        candidates.retain(|&c| {
            while theirs.next_if(|&o| o < c).is_some() {}
            theirs.peek() == Some(&c)
        });
        if candidates.is_empty() {
            break;
        }
    }
    candidates
}

/// The keys whose lists find a phrase of `words`, each with its offset in the phrase: two
/// ideographs side by side are looked up as their pair ([`keys::pair`]), every other word as
/// itself. The pairs overlap only at the end of a run of odd length, and every word is in at
/// least one key, so the phrase stands where each key stands at its offset.
///
/// [`keys::pair`]: crate::index::keys::pair
fn cover(words: &[String]) -> Vec<(String, u32)> {
    use crate::index::keys::pair;
    let pair_at = |i: usize| words.get(i + 1).and_then(|next| pair(&words[i], next));
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        if let Some(key) = pair_at(i) {
            out.push((key, i as u32));
            i += 2;
        } else if let Some(key) = i.checked_sub(1).and_then(|before| pair_at(before).map(|k| (k, before))) {
            // The last of a run of odd length: its pair with the one before, which is covered.
            out.push((key.0, key.1 as u32));
            i += 1;
        } else {
            out.push((words[i].clone(), i as u32));
            i += 1;
        }
    }
    out
}

/// How many times the phrase starts in the `k`-th candidate paragraph, where `positions` are
/// those of its keys and `offsets` where each key stands in the phrase (the first at 0): a start
/// `p` of the first key with each other key at `p` + its offset, each list walked once.
/// `cursors` is room for one slice a key, kept from one candidate to the next.
fn phrase_starts<'p>(
    positions: &'p [crate::index::postings::Positions],
    offsets: &[u32],
    k: usize,
    cursors: &mut Vec<&'p [u32]>,
) -> u32 {
    cursors.clear();
    cursors.extend(positions.iter().map(|p| p.of(k)));
    let mut count = 0;
    let Some((first, rest)) = cursors.split_first_mut() else { return 0 };
    'starts: for &p in *first {
        for (list, &offset) in rest.iter_mut().zip(&offsets[1..]) {
            let Some(want) = p.checked_add(offset) else { continue 'starts };
            while list.first().is_some_and(|&q| q < want) {
                *list = &list[1..];
            }
            if list.first() != Some(&want) {
                continue 'starts;
            }
        }
        count += 1;
    }
    count
}

/// The maker of Levenshtein automata for `distance` (1 or 2) edits, built once: each query's
/// automaton then comes from its tables in microseconds (Schulz and Mihov's parametric
/// automata, as tantivy uses them), where building one state by state took about a millisecond.
/// Plain Levenshtein distance: a transposition is two edits.
fn typo_automaton(distance: u32) -> &'static levenshtein_automata::LevenshteinAutomatonBuilder {
    use levenshtein_automata::LevenshteinAutomatonBuilder as Builder;
    static ONE: std::sync::OnceLock<Builder> = std::sync::OnceLock::new();
    static TWO: std::sync::OnceLock<Builder> = std::sync::OnceLock::new();
    if distance <= 1 { ONE.get_or_init(|| Builder::new(1, false)) } else { TWO.get_or_init(|| Builder::new(2, false)) }
}

/// Lists sorted by ordinal merged into one: per ordinal, the best tier and the highest score.
/// Many lists go through `table` ([`super::dense`]). Fewer are merged two at a time, the two
/// shortest first, as in building a Huffman code: a word's few one-posting lists (rare
/// completions, a stem's stray forms) are then copied once or twice, not at every level of a
/// balanced tree, and every merge stays linear in its entries (no sort).
fn merge_all(table: &mut super::dense::Table, mut lists: Vec<Vec<Scored>>) -> Vec<Scored> {
    lists.retain(|l| !l.is_empty());
    if let Some(merged) = table.merged(&lists) {
        return merged;
    }
    // Longest first, so that the two shortest are always at the end.
    let order = super::order::heaviest(lists.iter().map(|l| u32::try_from(l.len()).unwrap_or(u32::MAX)), usize::MAX);
    let mut lists = super::order::by_places(lists, &order);
    while lists.len() > 1 {
        let (a, b) = (lists.pop().unwrap_or_default(), lists.pop().unwrap_or_default());
        let merged = merge(&a, &b);
        let at = lists.partition_point(|l| l.len() >= merged.len());
        lists.insert(at, merged);
    }
    lists.pop().unwrap_or_default()
}

/// Two lists sorted by ordinal merged. Where one list runs on below the other's next ordinal
/// for a while (a stem's list in one language against another's: a bundle keeps each language's
/// documents together), the rest of the run is found by galloping and copied at once.
fn merge(left: &[Scored], right: &[Scored]) -> Vec<Scored> {
    /// Wins in a row from one side before its run is searched for rather than walked.
    const GALLOP_AFTER: u32 = 8;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut l, mut r, mut left_wins, mut right_wins) = (0, 0, 0, 0);
    while l < left.len() && r < right.len() {
        let (x, y) = (left[l], right[r]);
        match x.ord.cmp(&y.ord) {
            std::cmp::Ordering::Equal => {
                out.push(Scored { ord: x.ord, score: x.score.max(y.score), tier: x.tier.min(y.tier) });
                (l, r, left_wins, right_wins) = (l + 1, r + 1, 0, 0);
            }
            std::cmp::Ordering::Less => {
                let run = if left_wins < GALLOP_AFTER { 1 } else { below(&left[l..], y.ord) };
                out.extend_from_slice(&left[l..l + run]);
                (l, left_wins, right_wins) = (l + run, left_wins + 1, 0);
            }
            std::cmp::Ordering::Greater => {
                let run = if right_wins < GALLOP_AFTER { 1 } else { below(&right[r..], x.ord) };
                out.extend_from_slice(&right[r..r + run]);
                (r, right_wins, left_wins) = (r + run, right_wins + 1, 0);
            }
        }
    }
    out.extend_from_slice(&left[l..]);
    out.extend_from_slice(&right[r..]);
    out
}

/// How many of `list` (ordinals ascending, the first below `ord`) lie below `ord`: doubling
/// steps, then a binary search in the last.
fn below(list: &[Scored], ord: ParaOrd) -> usize {
    let mut hi = 1;
    while hi < list.len() && list[hi].ord < ord {
        hi *= 2;
    }
    let lo = hi / 2;
    lo + list[lo..hi.min(list.len())].partition_point(|s| s.ord < ord)
}

/// Paragraphs in both lists: scores add up, the worse tier counts.
fn and(a: &[Scored], b: &[Scored]) -> Vec<Scored> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].ord.cmp(&b[j].ord) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(Scored { ord: a[i].ord, score: a[i].score + b[j].score, tier: a[i].tier.max(b[j].tier) });
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
pub(in crate::search) mod tests {
    use super::*;

    /// Each paragraph of `lists` once, in order, with its best tier and the bits of its highest
    /// score: what merging them must give, by a map by ordinal.
    pub(in crate::search) fn by_map(lists: &[Vec<Scored>]) -> Vec<(ParaOrd, Tier, u32)> {
        let mut best: std::collections::BTreeMap<ParaOrd, (Tier, f32)> = std::collections::BTreeMap::new();
        for s in lists.iter().flatten() {
            let e = best.entry(s.ord).or_insert((s.tier, s.score));
            *e = (e.0.min(s.tier), e.1.max(s.score));
        }
        best.into_iter().map(|(ord, (tier, score))| (ord, tier, score.to_bits())).collect()
    }

    /// Numbers below `n` from `seed`, the same on every run (a linear congruential generator).
    pub(in crate::search) fn random(mut seed: u64) -> impl FnMut(u64) -> u64 {
        move |n| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        }
    }

    /// `merged` as [`by_map`] gives it.
    pub(in crate::search) fn bits(merged: &[Scored]) -> Vec<(ParaOrd, Tier, u32)> {
        merged.iter().map(|s| (s.ord, s.tier, s.score.to_bits())).collect()
    }

    /// Merging, galloping or not, gives what a map by ordinal gives: lists that interleave,
    /// that run on past each other, that share ordinals, and empty ones.
    #[test]
    fn merge_gives_per_ordinal_the_best_tier_and_score() {
        let mut next = random(7);
        for case in 0..400 {
            let mut lists: [Vec<Scored>; 2] = [Vec::new(), Vec::new()];
            for list in &mut lists {
                let mut ord = next(50) as ParaOrd;
                for _ in 0..next(if case % 4 == 0 { 3 } else { 300 }) {
                    // Runs of close ordinals, then jumps: as lists in different languages lie.
                    ord += if next(20) == 0 { 1 + next(400) as ParaOrd } else { 1 + next(3) as ParaOrd };
                    let score = next(1000) as f32 / 7.0;
                    list.push(Scored { ord, score, tier: Tier::from_u8(next(4) as u8) });
                }
            }
            assert_eq!(bits(&merge(&lists[0], &lists[1])), by_map(&lists), "case {case}");
        }
    }

    /// A phrase read by the lists of its pairs of ideographs, and of single characters only
    /// where they stand next to another word, finds what a scan of the analyzer's terms finds,
    /// with the scores BM25 gives the counts the scan makes (bit for bit): every run of two to
    /// seven terms from every fifth start of every third Chinese paragraph of the default
    /// corpus (runs that cross into numbers and Latin words among them), and phrases that mix
    /// ideographs with other words, repeat one, or do not occur.
    #[test]
    fn phrases_with_ideographs_find_what_a_scan_of_the_terms_finds() {
        use std::collections::{BTreeMap, HashMap};
        let corpus = crate::default_corpus::load();
        let bundle = Bundle::from_vec(crate::bundle::write(&corpus).unwrap()).unwrap();
        let exec = Executor::new(&bundle, bundle.langs().to_vec());
        let paragraphs: Vec<Vec<crate::analyze::Token>> = (0..bundle.catalog.paragraphs)
            .map(|ord| crate::analyze::tokens(bundle.paragraph(ord).unwrap().text))
            .collect();
        let mut starts: HashMap<&str, Vec<(ParaOrd, usize)>> = HashMap::new();
        for (ord, tokens) in paragraphs.iter().enumerate() {
            for (i, t) in tokens.iter().enumerate() {
                starts.entry(t.term.as_str()).or_default().push((ord as ParaOrd, i));
            }
        }
        let mut phrases: Vec<Vec<String>> = Vec::new();
        for doc in corpus.docs.iter().filter(|d| d.lang.as_str() == "zh") {
            for p in doc.paragraphs.iter().step_by(3) {
                let terms: Vec<String> = crate::analyze::tokens(&p.text).into_iter().map(|t| t.term).collect();
                for n in 2..=7 {
                    phrases.extend(terms.windows(n).step_by(5).map(<[String]>::to_vec));
                }
            }
        }
        let words = |s: &str| s.split(' ').map(str::to_owned).collect::<Vec<_>>();
        for odd in
            ["interpol 国 际 刑 警", "国 际 interpol", "作 合", "的 的 的", "国 际 刑 警 组 织 2", "合", "第 71 19 号"]
        {
            phrases.push(words(odd));
        }
        let (mut mixed, mut found) = (0, 0);
        for words in &phrases {
            let mut counts: BTreeMap<ParaOrd, u32> = BTreeMap::new();
            for &(ord, i) in starts.get(words[0].as_str()).map_or(&[][..], Vec::as_slice) {
                let tokens = &paragraphs[ord as usize];
                let here = |k: usize| {
                    tokens.get(i + k).is_some_and(|t| t.term == words[k] && t.pos == tokens[i].pos + k as u32)
                };
                if (1..words.len()).all(here) {
                    *counts.entry(ord).or_default() += 1;
                }
            }
            let dfs: Option<Vec<u64>> = words.iter().map(|w| bundle.lookup(w.as_bytes(), false)).collect();
            let idf: f32 = dfs.unwrap_or_default().iter().map(|&v| exec.idf(unpack(v).1 as usize)).sum();
            let class = |ord: ParaOrd| crate::index::postings::length_class(paragraphs[ord as usize].len() as u32);
            let want: Vec<(ParaOrd, u32)> =
                counts.iter().map(|(&ord, &tf)| (ord, exec.bm25(idf, tf, class(ord)).to_bits())).collect();
            let got: Vec<(ParaOrd, u32)> = exec.phrase(words).iter().map(|s| (s.ord, s.score.to_bits())).collect();
            assert_eq!(got, want, "{words:?}");
            let characters = words.iter().filter(|w| crate::index::keys::is_character(w.as_bytes())).count();
            mixed += usize::from(!want.is_empty() && characters > 0 && characters < words.len());
            found += usize::from(!want.is_empty());
        }
        assert!(mixed > 50 && found > 1000, "{} phrases, {found} found, {mixed} of them mixed", phrases.len());
    }

    /// A prefix's completions, merged as a query merges them (through the table from eight
    /// lists on), give per paragraph the best tier and the highest score that a map by ordinal
    /// gives, score bits included: every two-letter beginning of a word of the default corpus,
    /// its completions with the word itself where the lexicon holds it.
    #[test]
    fn completions_merge_as_a_map_by_ordinal() {
        use std::collections::BTreeSet;
        let bundle = Bundle::from_vec(crate::bundle::write(&crate::default_corpus::load()).unwrap()).unwrap();
        let mut exec = Executor::new(&bundle, bundle.langs().to_vec());
        let words = bundle.search(fst::automaton::AlwaysMatch, "");
        let prefixes: BTreeSet<String> = words
            .iter()
            .filter(|(k, _)| crate::index::keys::is_word(k))
            .map(|(k, _)| String::from_utf8_lossy(k).chars().take(2).collect())
            .collect();
        let mut through_table = 0;
        for prefix in &prefixes {
            let mut lists = Vec::new();
            for (_, v) in exec.expansions(fst::automaton::Str::new(prefix).starts_with(), prefix, prefix) {
                exec.score_into(&mut lists, v, ListKind::Words, Tier::Prefix);
            }
            if let Some(v) = bundle.lookup(prefix.as_bytes(), false) {
                exec.score_into(&mut lists, v, ListKind::Words, Tier::Exact);
            }
            through_table += usize::from(lists.iter().filter(|l| !l.is_empty()).count() >= 8);
            let want = by_map(&lists);
            assert_eq!(bits(&merge_all(&mut exec.table, lists)), want, "{prefix}");
        }
        assert!(through_table > 20, "only {through_table} of {} prefixes merged eight lists or more", prefixes.len());
    }

    /// Folding a word's aliased stems into its own list gives what reading each stem's list
    /// and merging gave, score bits included: every word of the default corpus's lexicon, with
    /// the stems of every language that alias it.
    #[test]
    fn aliased_stems_fold_as_merging_gives() {
        let bundle = Bundle::from_vec(crate::bundle::write(&crate::default_corpus::load()).unwrap()).unwrap();
        let mut exec = Executor::new(&bundle, bundle.langs().to_vec());
        let words = bundle.search(fst::automaton::AlwaysMatch, "");
        let mut folded_some = 0;
        for (key, v) in words.iter().filter(|(k, _)| crate::index::keys::is_word(k)) {
            let word = String::from_utf8_lossy(key);
            let aliases: Vec<String> = exec
                .langs
                .clone()
                .into_iter()
                .filter(|lang| {
                    let stem = crate::analyze::stemmers().stem(lang, &word);
                    let key = stem.map(|s| crate::index::keys::stem(lang, &s));
                    let value = key.and_then(|k| bundle.lookup(k.as_bytes(), true));
                    value.is_some_and(|s| crate::index::is_alias(s) && unpack(s).0 == unpack(*v).0)
                })
                .collect();
            let list = exec.word_list(*v).unwrap();
            let mut lists = vec![exec.scored(&list.entries, Tier::Exact)];
            for lang in &aliases {
                lists.push(exec.scored(&bundle.in_lang(lang, &list.entries), Tier::Stem));
            }
            let bits = |v: Vec<Scored>| v.iter().map(|s| (s.ord, s.score.to_bits(), s.tier)).collect::<Vec<_>>();
            assert_eq!(
                bits(exec.with_aliases(&list.entries, &aliases)),
                bits(merge_all(&mut super::super::dense::Table::default(), lists)),
                "{word} {aliases:?}"
            );
            folded_some += usize::from(!aliases.is_empty());
        }
        assert!(folded_some > 1000, "only {folded_some} words have aliased stems");
    }
}
