//! Merging many lists of scored paragraphs at once, through a table by ordinal: what the first
//! letters of a word match while it is typed (its fifty most frequent completions), or a word
//! with many stray forms.
//!
//! Merging such lists two at a time copies every posting once per level of the merge; here each
//! is written once into a table (a bit for "seen", then the best score and tier so far), and the
//! table is read back in order of ordinal. The table spans only the ordinals the lists reach and
//! is kept for the query's other merges.

use super::exec::{Scored, Tier};
use crate::index::ParaOrd;

/// Fewer lists than this are merged two at a time, the shortest first, which copies little. (From
/// three lists on, the table measured no faster on the side-by-side queries, whose words merge
/// three to six lists, and slower where a few long lists overlap.)
const MIN_LISTS: usize = 8;

/// The table, for the ordinals from a multiple of 64 (`start`) on. Between merges every slot
/// is [`Slot::EMPTY`]: a posting is then taken in without asking whether its ordinal was seen
/// (BM25 is never below 0), so that the loop has no branch to mispredict where the lists
/// overlap, and reading the table back clears what it read.
#[derive(Default)]
pub(super) struct Table {
    seen: Vec<u64>,
    slots: Vec<Slot>,
}

/// An ordinal's best score and tier so far (`tier as u8`).
#[derive(Clone, Copy)]
struct Slot {
    score: f32,
    tier: u8,
}

impl Slot {
    /// Nothing seen: no score, and a tier above every [`Tier`].
    const EMPTY: Slot = Slot { score: 0.0, tier: u8::MAX };
}

impl Table {
    /// Lists sorted by ordinal merged into one: per ordinal, the best tier and the highest score,
    /// as [`super::exec`]'s pairwise merge gives them; `None` where the lists are too few, or too
    /// sparse over the ordinals they span for reading the table back to pay. (Not inlined into
    /// the pairwise merge's caller: 0.7 KB less of the widget's wasm.)
    #[inline(never)]
    pub(super) fn merged(&mut self, lists: &[Vec<Scored>]) -> Option<Vec<Scored>> {
        if lists.len() < MIN_LISTS {
            return None;
        }
        // The span of ordinals the lists reach (each sorted), and how many postings they hold.
        let (mut start, mut end, mut total) = (usize::MAX, 0, 0);
        for list in lists {
            if let (Some(first), Some(last)) = (list.first(), list.last()) {
                start = start.min(first.ord as usize);
                end = end.max(last.ord as usize + 1);
                total += list.len();
            }
        }
        start &= !63;
        // Reading the table back scans a word of 64 ordinals at a time: worth it when the lists
        // hold about one posting a word or more.
        if total == 0 || total < (end - start) / 64 {
            return None;
        }
        Some(self.merge(lists, start, end))
    }

    fn merge(&mut self, lists: &[Vec<Scored>], start: usize, end: usize) -> Vec<Scored> {
        let len = end - start;
        self.seen.clear();
        self.seen.resize(len.div_ceil(64), 0);
        if self.slots.len() < len {
            self.slots.resize(len, Slot::EMPTY);
        }
        for s in lists.iter().flatten() {
            let i = s.ord as usize - start;
            self.seen[i / 64] |= 1u64 << (i % 64);
            let slot = &mut self.slots[i];
            *slot = Slot { score: slot.score.max(s.score), tier: slot.tier.min(s.tier as u8) };
        }
        let mut out = Vec::new();
        for (word, &bits) in self.seen.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let i = word * 64 + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                let slot = std::mem::replace(&mut self.slots[i], Slot::EMPTY);
                out.push(Scored { ord: (start + i) as ParaOrd, score: slot.score, tier: Tier::from_u8(slot.tier) });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::exec::tests::{bits, by_map, random};
    use super::*;

    /// The table gives what a map by ordinal gives (the best tier, the highest score, bit for
    /// bit), over lists that interleave, run past each other, share ordinals and start far from
    /// zero; queries in a row reuse the table, longer or shorter than the one before.
    #[test]
    fn the_table_merges_as_a_map_by_ordinal() {
        let mut next = random(11);
        let mut merged_here = 0;
        let mut table = Table::default();
        for case in 0..300 {
            let lists: Vec<Vec<Scored>> = (0..2 + next(14))
                .map(|_| {
                    let mut ord = next(if case % 3 == 0 { 100_000 } else { 100 }) as ParaOrd;
                    (0..next(500))
                        .map(|_| {
                            let far = next(10) == 0;
                            ord += 1 + next(if far { 300 } else { 4 }) as ParaOrd;
                            Scored { ord, score: next(1000) as f32 / 7.0, tier: Tier::from_u8(next(4) as u8) }
                        })
                        .collect()
                })
                .collect();
            let Some(got) = table.merged(&lists) else {
                // Left to the pairwise merge: few lists, or postings spread thin over a wide span.
                let span = lists.iter().flatten().map(|s| s.ord).max().unwrap_or(0)
                    - lists.iter().flatten().map(|s| s.ord).min().unwrap_or(0);
                let total = lists.iter().map(Vec::len).sum::<usize>();
                assert!(lists.len() < MIN_LISTS || total < span as usize / 64 + 1, "case {case}");
                continue;
            };
            merged_here += 1;
            assert_eq!(bits(&got), by_map(&lists), "case {case}");
        }
        assert!(merged_here > 100, "only {merged_here} cases merged by the table");
    }
}
