//! Rank order: exact matches before prefix, stem and typo ones, then by score, then in
//! document order. Each match becomes one 64-bit key that orders the same way, so that
//! ordering thousands of matches is sorting integers.

use super::exec::{Scored, Tier};

/// The best `limit` of `scored`, in rank order. Only the best `limit` need an order: a few
/// are kept in order as the matches go by (most fail one comparison with the worst kept), more
/// are selected first. Integer keys sort several times faster than comparing fields (and than
/// 128-bit keys, which wasm compares in two halves). (An LSD radix sort of the keys measured
/// slower than this comparison sort for the thousands of matches of a common word.)
pub(super) fn best_in_order(scored: &[Scored], limit: usize) -> Vec<Scored> {
    if limit <= KEPT_AS_THEY_GO && limit < scored.len() {
        return best_few(scored, limit).into_iter().map(from_sort_key).collect();
    }
    let mut keys: Vec<u64> = scored.iter().map(sort_key).collect();
    smallest(&mut keys, limit);
    keys.into_iter().map(from_sort_key).collect()
}

/// Cuts `keys` to its `limit` smallest, ascending (selected first, so that the rest is never
/// sorted). Every order the engine makes goes through here as 64-bit keys: each type sorted
/// is a sort compiled again, and the widget's wasm carries this one alone.
fn smallest(keys: &mut Vec<u64>, limit: usize) {
    if limit < keys.len() {
        keys.select_nth_unstable(limit);
        keys.truncate(limit);
    }
    keys.sort_unstable();
}

/// The places of the `limit` largest of `weights`, largest first, ties in the order given
/// (weights of at most 32 bits: ordered as [`smallest`]'s keys, weight inverted over place).
pub fn heaviest(weights: impl Iterator<Item = u32>, limit: usize) -> Vec<usize> {
    let mut keys: Vec<u64> = weights.enumerate().map(|(at, w)| (u64::from(!w) << 32) | at as u64).collect();
    smallest(&mut keys, limit);
    keys.into_iter().map(|k| (k & 0xFFFF_FFFF) as usize).collect()
}

/// `ords` ascending (sorted as [`smallest`]'s keys).
pub(crate) fn ascending(ords: Vec<crate::index::ParaOrd>) -> Vec<crate::index::ParaOrd> {
    ascending_keys(ords.into_iter().map(u64::from).collect()).into_iter().map(|k| k as crate::index::ParaOrd).collect()
}

/// `keys` ascending (sorted as [`smallest`]'s).
pub(super) fn ascending_keys(mut keys: Vec<u64>) -> Vec<u64> {
    smallest(&mut keys, usize::MAX);
    keys
}

/// `items` in the order of the places `order` gives (each place once): moved, not cloned.
pub(super) fn by_places<T>(items: Vec<T>, order: &[usize]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order.iter().filter_map(|&at| slots.get_mut(at).and_then(Option::take)).collect()
}

/// Up to this many best are kept in order in one pass over the matches (a page of hits).
const KEPT_AS_THEY_GO: usize = 64;

/// The keys of the best `limit` (at least one) of `scored`, ascending.
fn best_few(scored: &[Scored], limit: usize) -> Vec<u64> {
    let mut best: Vec<u64> = Vec::with_capacity(limit + 1);
    for key in scored.iter().map(sort_key) {
        if best.len() == limit && best.last().is_some_and(|&worst| key >= worst) {
            continue;
        }
        let at = best.partition_point(|&k| k < key);
        best.insert(at, key);
        best.truncate(limit);
    }
    best
}

/// Bits of a sort key that hold the ordinal: every bundle holds at most
/// [`MAX_PARAGRAPHS`](crate::bundle::format::MAX_PARAGRAPHS) paragraphs, checked when it opens.
const ORD_BITS: u32 = 26;
const _: () = assert!(crate::bundle::format::MAX_PARAGRAPHS <= 1 << ORD_BITS);

/// Tier (2 bits), then score descending (32 bits: an unsigned integer in IEEE 754's total
/// order, inverted), then ordinal ([`ORD_BITS`]).
fn sort_key(s: &Scored) -> u64 {
    debug_assert!(s.ord < 1 << ORD_BITS, "ordinal {} beyond a bundle's paragraphs", s.ord);
    let bits = s.score.to_bits();
    let ascending = if bits >> 31 == 1 { !bits } else { bits | 0x8000_0000 };
    (u64::from(s.tier as u8) << (32 + ORD_BITS)) | (u64::from(!ascending) << ORD_BITS) | u64::from(s.ord)
}

fn from_sort_key(k: u64) -> Scored {
    let ascending = !((k >> ORD_BITS) as u32);
    let bits = if ascending >> 31 == 1 { ascending & 0x7fff_ffff } else { !ascending };
    let ord = (k & ((1 << ORD_BITS) - 1)) as u32;
    Scored { ord, score: f32::from_bits(bits), tier: Tier::from_u8((k >> (32 + ORD_BITS)) as u8 & 3) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rank order as a comparison (each paragraph once, so this is a total order): what the
    /// keys are held to.
    fn best_first(a: &Scored, b: &Scored) -> std::cmp::Ordering {
        a.tier.cmp(&b.tier).then(b.score.total_cmp(&a.score)).then(a.ord.cmp(&b.ord))
    }

    /// `n` matches with scores of both signs, ties, extremes and ordinals up to the largest a
    /// bundle may hold.
    fn matches(n: u32) -> Vec<Scored> {
        let tiers = [Tier::Exact, Tier::Prefix, Tier::Stem, Tier::Typo];
        let scores = [0.0, -0.0, 1.5, 1.5, 7.25, -2.0, f32::MAX, 1e-30, 3.0, f32::MIN_POSITIVE];
        (0..n)
            .map(|i| Scored {
                ord: (i.wrapping_mul(2_654_435_761) >> 6) % (1 << ORD_BITS),
                score: scores[i as usize % scores.len()] * (1.0 + (i % 7) as f32 / 8.0),
                tier: tiers[(i as usize / 3) % 4],
            })
            .collect()
    }

    /// The integer keys order matches exactly as the comparison does, ties and signs included,
    /// in full and the best ten.
    #[test]
    fn keys_order_as_best_first() {
        let bits = |v: &[Scored]| v.iter().map(|s| (s.ord, s.score.to_bits(), s.tier)).collect::<Vec<_>>();
        for n in [0, 1, 200, 5000] {
            let scored = matches(n);
            let mut want = scored.clone();
            want.sort_by(best_first);
            assert_eq!(bits(&best_in_order(&scored, usize::MAX)), bits(&want), "{n} matches");
            for limit in [1, 10, 64, 65, 300] {
                let best = &want[..want.len().min(limit)];
                assert_eq!(bits(&best_in_order(&scored, limit)), bits(best), "best {limit} of {n}");
            }
        }
    }
}
