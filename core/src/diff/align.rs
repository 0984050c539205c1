//! Paragraphs of two versions aligned: which paragraph of the later version continues which of
//! the earlier, compared by their words as the search analyzer reads them (so case, accents,
//! footnote marker numbers and the operative numbering do not count as changes of wording).
//!
//! 1. Paragraphs with the same words are aligned in order (`similar`'s Patience diff over the
//!    paragraphs' word lists).
//! 2. Between two such anchors, the paragraphs left on both sides are paired in order where they
//!    share enough words (Dice ≥ [`REWORDED`], or ≥ [`REPLACED`] for the one paragraph that
//!    took the one's place): a reworded paragraph. A paragraph split in two
//!    or two merged into one pair with the closer part; the other part is added or removed.
//! 3. What is still alone on both sides pairs up across the whole document where the words are
//!    the same or nearly so (Dice ≥ [`MOVED`]): a moved paragraph.
//! 4. The rest was added (later only) or removed (earlier only).

use similar::{Algorithm, DiffTag, capture_diff_slices};
use std::collections::HashMap;

/// How alike two paragraphs must be, by their words, to be one paragraph reworded.
pub const REWORDED: f64 = 0.5;
/// How alike a paragraph must be to one elsewhere to count as moved there.
pub const MOVED: f64 = 0.8;
/// How alike one paragraph must be to the one paragraph that took its place between the same
/// neighbours to be that paragraph reworded: lower than [`REWORDED`], because the place says
/// much already (and in Arabic, words joined to their articles and conjunctions share less).
pub const REPLACED: f64 = 0.4;

/// One aligned pair: indices into the earlier and the later paragraphs (one may be missing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub before: Option<usize>,
    pub after: Option<usize>,
    /// Paired across other paragraphs rather than in order.
    pub moved: bool,
}

/// The alignment of `before` and `after`, each a list of paragraphs as their words. Every
/// paragraph of each side is in exactly one pair; pairs come in the later version's order, with
/// a removed paragraph after the pair that precedes it in the earlier version.
pub fn align(before: &[Vec<String>], after: &[Vec<String>]) -> Vec<Pair> {
    let old: Vec<Profile> = before.iter().map(|w| Profile::of(w)).collect();
    let new: Vec<Profile> = after.iter().map(|w| Profile::of(w)).collect();
    let mut partner_of_after: Vec<Option<(usize, bool)>> = vec![None; after.len()];
    let mut paired_before = vec![false; before.len()];
    // Paragraphs with the same words, in order: the anchors.
    let mut anchors = Vec::new();
    for op in capture_diff_slices(Algorithm::Patience, before, after) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            anchors.extend(o.zip(n));
        }
    }
    // Between two anchors, what is left on both sides.
    let mut gap_start = (0, 0);
    for &(i, j) in anchors.iter().chain(std::iter::once(&(before.len(), after.len()))) {
        let (o, n) = (gap_start.0..i, gap_start.1..j);
        let pairs = if o.len() == 1 && n.len() == 1 {
            let replaced = old[o.start].likeness(&new[n.start]) >= REPLACED;
            if replaced { vec![(o.start, n.start)] } else { Vec::new() }
        } else {
            in_order(&old, &new, o, n)
        };
        for (b, a) in pairs.into_iter().chain((i < before.len()).then_some((i, j))) {
            partner_of_after[a] = Some((b, false));
            paired_before[b] = true;
        }
        gap_start = (i + 1, j + 1);
    }
    pair_moved(&old, &new, &mut partner_of_after, &mut paired_before);
    order(&partner_of_after, before.len())
}

/// Pairs of `range_old` × `range_new` in order that maximise the total likeness, each at
/// least [`REWORDED`].
fn in_order(
    old: &[Profile],
    new: &[Profile],
    range_old: std::ops::Range<usize>,
    range_new: std::ops::Range<usize>,
) -> Vec<(usize, usize)> {
    let (rows, cols) = (range_old.len(), range_new.len());
    let like: Vec<Vec<f64>> =
        range_old.clone().map(|i| range_new.clone().map(|j| old[i].likeness(&new[j])).collect()).collect();
    // best[i][j]: the best total for the first i earlier and j later paragraphs of the region.
    let mut best = vec![vec![0.0f64; cols + 1]; rows + 1];
    for i in 1..=rows {
        for j in 1..=cols {
            let l = like[i - 1][j - 1];
            let take = if l >= REWORDED { best[i - 1][j - 1] + l } else { f64::MIN };
            best[i][j] = best[i - 1][j].max(best[i][j - 1]).max(take);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (rows, cols);
    while i > 0 && j > 0 {
        let l = like[i - 1][j - 1];
        if l >= REWORDED && (best[i][j] - (best[i - 1][j - 1] + l)).abs() < 1e-9 {
            pairs.push((range_old.start + i - 1, range_new.start + j - 1));
            i -= 1;
            j -= 1;
        } else if (best[i][j] - best[i - 1][j]).abs() < 1e-9 {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    pairs.reverse();
    pairs
}

/// Pairs what is left alone on both sides across the document, most alike first.
fn pair_moved(
    old: &[Profile],
    new: &[Profile],
    partner_of_after: &mut [Option<(usize, bool)>],
    paired_before: &mut [bool],
) {
    let lone_before: Vec<usize> = (0..old.len()).filter(|&i| !paired_before[i]).collect();
    let lone_after: Vec<usize> = (0..new.len()).filter(|&j| partner_of_after[j].is_none()).collect();
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for &j in &lone_after {
        for &i in &lone_before {
            let l = old[i].likeness(&new[j]);
            if l >= MOVED {
                candidates.push((l, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in candidates {
        if !paired_before[i] && partner_of_after[j].is_none() {
            paired_before[i] = true;
            partner_of_after[j] = Some((i, true));
        }
    }
}

/// The pairs in the later version's order, each removed paragraph after the pair that holds
/// the earlier paragraph before it (or first).
fn order(partner_of_after: &[Option<(usize, bool)>], before_len: usize) -> Vec<Pair> {
    let mut removed_after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    let paired: Vec<bool> = {
        let mut p = vec![false; before_len];
        partner_of_after.iter().flatten().for_each(|&(i, _)| p[i] = true);
        p
    };
    let mut last_paired: Option<usize> = None;
    for (i, &is_paired) in paired.iter().enumerate() {
        if is_paired {
            last_paired = Some(i);
        } else {
            removed_after.entry(last_paired).or_default().push(i);
        }
    }
    let removed = |key: Option<usize>, out: &mut Vec<Pair>| {
        for &i in removed_after.get(&key).into_iter().flatten() {
            out.push(Pair { before: Some(i), after: None, moved: false });
        }
    };
    let mut out = Vec::new();
    removed(None, &mut out);
    for (j, partner) in partner_of_after.iter().enumerate() {
        out.push(Pair { before: partner.map(|p| p.0), after: Some(j), moved: partner.is_some_and(|p| p.1) });
        if let Some((i, _)) = partner {
            removed(Some(*i), &mut out);
        }
    }
    out
}

/// A paragraph as alignment compares it: the hashes of its words and of the letter trigrams of
/// its words, each sorted, made once so that comparing two paragraphs allocates nothing.
struct Profile {
    words: Vec<u64>,
    trigrams: Vec<u64>,
}

impl Profile {
    fn of(words: &[String]) -> Profile {
        // FNV-1a: words need only be told apart, not guarded against chosen collisions.
        let hash = |w: &str| {
            w.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3))
        };
        let mut w: Vec<u64> = words.iter().map(|x| hash(x)).collect();
        // A trigram (of the word between spaces) is its three characters packed into one
        // number, 21 bits each: exact, and nothing to allocate.
        let mut t = Vec::new();
        for word in words {
            let (mut first, mut second) = (u64::from(' '), None);
            for c in word.chars().chain(std::iter::once(' ')).map(u64::from) {
                if let Some(s) = second {
                    t.push(first << 42 | s << 21 | c);
                    first = s;
                }
                second = Some(c);
            }
        }
        w.sort_unstable();
        t.sort_unstable();
        Profile { words: w, trigrams: t }
    }

    /// How alike two paragraphs are, from 0 (nothing shared) to 1 (the same words): Dice's
    /// coefficient of their words or of their words' letter trigrams, whichever is higher.
    /// Trigrams see `والإنتربول` and `الإنتربول` (Arabic joins conjunctions and articles to the
    /// word) or `cooperation` and `cooperating` as alike where whole words do not.
    fn likeness(&self, other: &Profile) -> f64 {
        if self.words.is_empty() && other.words.is_empty() {
            return 1.0;
        }
        dice(&self.words, &other.words).max(dice(&self.trigrams, &other.trigrams))
    }
}

/// Dice's coefficient of two sorted multisets.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0u32);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * f64::from(common) / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(texts: &[&str]) -> Vec<Vec<String>> {
        texts.iter().map(|t| t.split(' ').map(str::to_owned).collect()).collect()
    }

    #[test]
    fn same_reworded_added_removed_and_moved() {
        let before = paras(&["a b c d", "e f g h", "i j k l", "m n o p", "q r s t"]);
        let after = paras(&["a b c d", "new text here now", "e f g x", "q r s t", "m n o p"]);
        let pairs = align(&before, &after);
        let got: Vec<(Option<usize>, Option<usize>, bool)> =
            pairs.iter().map(|p| (p.before, p.after, p.moved)).collect();
        assert_eq!(
            got,
            [
                (Some(0), Some(0), false),
                (None, Some(1), false),
                (Some(1), Some(2), false),
                (Some(2), None, false),
                // One of the two swapped paragraphs stays in order, the other moved.
                (Some(4), Some(3), true),
                (Some(3), Some(4), false),
            ]
        );
    }

    #[test]
    fn every_paragraph_is_in_one_pair() {
        let before = paras(&["x", "y", "x", "z w"]);
        let after = paras(&["z w", "x", "x", "v"]);
        let pairs = align(&before, &after);
        let mut b: Vec<usize> = pairs.iter().filter_map(|p| p.before).collect();
        let mut a: Vec<usize> = pairs.iter().filter_map(|p| p.after).collect();
        b.sort_unstable();
        a.sort_unstable();
        assert_eq!(b, [0, 1, 2, 3]);
        assert_eq!(a, [0, 1, 2, 3]);
    }
}
