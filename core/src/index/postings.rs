//! Postings lists: for one key, the paragraphs (or documents) that hold it, and only what a
//! query reads from them.
//!
//! Every list starts with its byte length (a varint), so that a reader of a paged section
//! knows how much to fetch; then, by [`ListKind`], all varints:
//!
//! | kind | after the count `n` |
//! | --- | --- |
//! | words | `n` × (ordinal delta, `tf << 6 \| length class`), the positions block's length, the block: each paragraph's `tf` positions as deltas |
//! | characters (one ideograph or kana) | as words, but the block holds, for the few paragraphs where the character stands next to a word that is not one ([`ListKind::Characters`]), the entry's index delta, how many, and those positions as deltas |
//! | stems | `n` × (ordinal delta, `tf << 6 \| length class`) |
//! | paragraphs (filters of a paragraph: kind, lead, cites) | `n` ordinal deltas |
//! | documents (filters of a document: lang, doc, year, subject, sdg) | `n` document index deltas |
//!
//! The paragraph's length rides with each posting so that BM25 needs nothing else, as one of 64
//! classes ([`length_class`]: exact up to 15 tokens, then steps of 1/8) packed with the term
//! frequency: one byte for most postings. Reading the paragraphs never touches the positions.

use super::{ParaOrd, varint};
use std::borrow::Cow;

/// What a list holds, which its key says (a word, a stem, or a filter of which field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Words,
    /// A single ideograph or kana. A phrase reads two of them side by side by their pair's
    /// list (`keys::pair`), so a character's own positions are read only where it stands next
    /// to a word that is not one (`第79`): its list keeps only those, for the paragraphs that
    /// have any, and its `tf` counts them all.
    Characters,
    Stems,
    Paragraphs,
    Documents,
}

/// One paragraph's entry while building.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Entry {
    pub ord: ParaOrd,
    /// The paragraph's length in tokens.
    pub tokens: u32,
    /// Where the key occurs (words), or one zero per occurrence (stems).
    pub positions: Vec<u32>,
}

/// One posting as a query reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Posting {
    /// A paragraph ordinal, or a document index in a [`ListKind::Documents`] list.
    pub ord: ParaOrd,
    /// Term frequency; 1 in filter lists.
    pub tf: u32,
    /// The class of the paragraph's length ([`length_class`]); 0 in filter lists.
    pub class: u8,
}

impl Posting {
    /// The paragraph's length in tokens, to within its class; 0 in filter lists.
    pub fn tokens(&self) -> u32 {
        length_of_class(self.class)
    }
}

/// Appends the list of `entries` (ordinals ascending) to `out`; returns where it starts.
pub fn write(out: &mut Vec<u8>, entries: &[Entry], kind: ListKind) -> u64 {
    let mut list = ListWriter::default();
    for e in entries {
        list.push(kind, e.ord, e.tokens, e.positions.len() as u32, &e.positions);
    }
    list.finish(out, kind)
}

/// A list being built, encoded as its postings arrive (ordinals ascending): a few bytes a
/// posting rather than an [`Entry`] and its vector, so that building the index of a large
/// corpus holds its postings about as compactly as the bundle will.
#[derive(Debug, Clone, Default)]
pub struct ListWriter {
    count: u32,
    last: ParaOrd,
    entries: Vec<u8>,
    positions: Vec<u8>,
    /// The index of the last entry with positions kept ([`ListKind::Characters`]), plus one.
    kept_after: u32,
}

impl ListWriter {
    /// How many postings the list holds (its document frequency).
    pub fn len(&self) -> u32 {
        self.count
    }

    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// About how many bytes the list will take in the bundle (its postings and positions).
    pub fn encoded_len(&self) -> usize {
        self.entries.len() + self.positions.len()
    }

    /// The last ordinal added, if any.
    pub fn last(&self) -> Option<ParaOrd> {
        (self.count > 0).then_some(self.last)
    }

    /// Adds `ord` (a paragraph, or a document in a [`ListKind::Documents`] list), `tokens` long,
    /// holding the key `tf` times, at `positions` (words only). Ordinals must ascend.
    /// `positions` are all `tf` of them for [`ListKind::Words`], those kept for
    /// [`ListKind::Characters`], none for the other kinds.
    pub fn push(&mut self, kind: ListKind, ord: ParaOrd, tokens: u32, tf: u32, positions: &[u32]) {
        varint::put(&mut self.entries, u64::from(ord - self.last));
        self.last = ord;
        let index = self.count;
        self.count += 1;
        if matches!(kind, ListKind::Words | ListKind::Characters | ListKind::Stems) {
            varint::put(&mut self.entries, (u64::from(tf) << 6) | u64::from(length_class(tokens)));
        }
        if kind == ListKind::Characters && !positions.is_empty() {
            varint::put(&mut self.positions, u64::from(index - self.kept_after));
            varint::put(&mut self.positions, positions.len() as u64);
            self.kept_after = index + 1;
        }
        if matches!(kind, ListKind::Words | ListKind::Characters) {
            let mut prev = 0;
            for &p in positions {
                varint::put(&mut self.positions, u64::from(p - prev));
                prev = p;
            }
        }
    }

    /// Appends the list to `out` as the module docs lay it out; returns where it starts.
    pub fn finish(&self, out: &mut Vec<u8>, kind: ListKind) -> u64 {
        let mut head = Vec::new();
        varint::put(&mut head, u64::from(self.count));
        let mut tail = Vec::new();
        let positioned = matches!(kind, ListKind::Words | ListKind::Characters);
        if positioned {
            varint::put(&mut tail, self.positions.len() as u64);
        }
        let positions: &[u8] = if positioned { &self.positions } else { &[] };
        let body = head.len() + self.entries.len() + tail.len() + positions.len();
        let start = out.len() as u64;
        varint::put(out, body as u64);
        out.extend_from_slice(&head);
        out.extend_from_slice(&self.entries);
        out.extend_from_slice(&tail);
        out.extend_from_slice(positions);
        start
    }
}

/// The representative length of each class: 0–15 exactly, then each 9/8 of the one before
/// (integers only, so that every platform reads the same lengths).
const LENGTHS: [u32; 64] = {
    let mut t = [0u32; 64];
    let mut i = 0;
    while i < 64 {
        t[i] = if i < 16 {
            i as u32
        } else if i == 16 {
            16
        } else {
            t[i - 1] * 9 / 8
        };
        i += 1;
    }
    t
};

/// The class of a paragraph `tokens` long: the class whose length is nearest.
pub fn length_class(tokens: u32) -> u8 {
    let above = LENGTHS.partition_point(|&l| l < tokens).min(63);
    let below = above.saturating_sub(1);
    let nearer =
        if tokens - LENGTHS[below].min(tokens) <= LENGTHS[above].saturating_sub(tokens) { below } else { above };
    nearer as u8
}

/// The length of the paragraphs of class `class` (of 64: only its low six bits count).
pub fn length_of_class(class: u8) -> u32 {
    LENGTHS[usize::from(class & 63)]
}

/// The byte length of the list whose length prefix starts `bytes`, and how long the prefix is.
pub fn list_len(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut at = 0;
    let len = usize::try_from(varint::get(bytes, &mut at)?).ok()?;
    Some((at, len))
}

/// The postings of one key, read from its list (the bytes after the length prefix).
#[derive(Debug, Clone)]
pub struct Postings<'a> {
    /// Ordinals ascending.
    pub entries: Vec<Posting>,
    positions: Cow<'a, [u8]>,
    kind: ListKind,
}

/// Postings that do not decode: the part holding them is corrupt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Corrupt;

impl<'a> Postings<'a> {
    /// Reads a list of `kind`, in place when it is borrowed.
    pub fn read(list: impl Into<Cow<'a, [u8]>>, kind: ListKind) -> Result<Postings<'a>, Corrupt> {
        let list = list.into();
        let (entries, range) = Self::parse(&list, kind)?;
        let positions = match list {
            Cow::Borrowed(b) => Cow::Borrowed(&b[range]),
            Cow::Owned(mut v) => {
                v.truncate(range.end);
                v.drain(..range.start);
                Cow::Owned(v)
            }
        };
        Ok(Postings { entries, positions, kind })
    }

    /// The entries, and where the positions block lies.
    fn parse(bytes: &[u8], kind: ListKind) -> Result<(Vec<Posting>, std::ops::Range<usize>), Corrupt> {
        let mut at = 0;
        let n = usize::try_from(varint::get(bytes, &mut at).ok_or(Corrupt)?).map_err(|_| Corrupt)?;
        if n > bytes.len() {
            return Err(Corrupt);
        }
        let scored = matches!(kind, ListKind::Words | ListKind::Characters | ListKind::Stems);
        let mut entries = Vec::with_capacity(n);
        // Ordinals only grow: the last is checked to fit, and with it every one before.
        let mut ord: u64 = 0;
        while entries.len() < n {
            // Most postings of a scored list are two one-byte varints: a step below 128 and
            // `tf` 1 with the length class.
            if let Some(&[step, packed]) = bytes.get(at..at + 2)
                && scored
                && (step | packed) < 0x80
            {
                ord += u64::from(step);
                entries.push(Posting { ord: ord as ParaOrd, tf: u32::from(packed >> 6), class: packed & 63 });
                at += 2;
                continue;
            }
            ord = ord.checked_add(varint::get(bytes, &mut at).ok_or(Corrupt)?).ok_or(Corrupt)?;
            let (tf, class) = if scored {
                let packed = varint::get(bytes, &mut at).ok_or(Corrupt)?;
                (u32::try_from(packed >> 6).map_err(|_| Corrupt)?, (packed & 63) as u8)
            } else {
                (1, 0)
            };
            entries.push(Posting { ord: ord as ParaOrd, tf, class });
        }
        if ParaOrd::try_from(ord).is_err() {
            return Err(Corrupt);
        }
        let positions = if matches!(kind, ListKind::Words | ListKind::Characters) {
            let len = usize::try_from(varint::get(bytes, &mut at).ok_or(Corrupt)?).map_err(|_| Corrupt)?;
            let start = at;
            at = at.checked_add(len).ok_or(Corrupt)?;
            start..at
        } else {
            at..at
        };
        if at != bytes.len() {
            return Err(Corrupt);
        }
        Ok((entries, positions))
    }

    /// The same entries, their positions dropped (they no longer line up with the entries).
    #[must_use]
    pub fn without_positions(self) -> Postings<'a> {
        Postings { entries: self.entries, positions: Cow::Borrowed(&[]), kind: self.kind }
    }

    /// The ordinals, ascending.
    pub fn ords(&self) -> impl Iterator<Item = ParaOrd> + '_ {
        self.entries.iter().map(|e| e.ord)
    }

    /// The positions in the paragraphs `wanted` (sorted ordinals, all present in the list),
    /// in the order of `wanted`; the others are skipped without being kept.
    pub fn positions_for(&self, wanted: &[ParaOrd]) -> Result<Positions, Corrupt> {
        if self.kind == ListKind::Characters {
            return self.kept_positions_for(wanted);
        }
        let mut at = 0;
        let mut out = Positions { all: Vec::new(), ends: Vec::with_capacity(wanted.len()) };
        let mut next = wanted.iter().peekable();
        // Positions of paragraphs not wanted, stepped over in one go before the next wanted.
        let mut unwanted = 0u64;
        for e in &self.entries {
            let Some(&&w) = next.peek() else { break };
            if w != e.ord {
                unwanted += u64::from(e.tf);
                continue;
            }
            varint::skip(&self.positions, &mut at, std::mem::take(&mut unwanted)).ok_or(Corrupt)?;
            let mut prev = 0u32;
            for _ in 0..e.tf {
                let d = varint::get(&self.positions, &mut at).ok_or(Corrupt)?;
                prev = prev.checked_add(u32::try_from(d).map_err(|_| Corrupt)?).ok_or(Corrupt)?;
                out.all.push(prev);
            }
            out.ends.push(out.all.len() as u32);
            next.next();
        }
        if out.ends.len() == wanted.len() { Ok(out) } else { Err(Corrupt) }
    }
}

impl Postings<'_> {
    /// [`Postings::positions_for`] of a [`ListKind::Characters`] list: the positions it kept
    /// (none where the paragraph has none).
    fn kept_positions_for(&self, wanted: &[ParaOrd]) -> Result<Positions, Corrupt> {
        let bytes = &self.positions;
        let mut out = Positions { all: Vec::new(), ends: Vec::with_capacity(wanted.len()) };
        let mut at = 0usize;
        // The next entry with positions kept, given where the last one ended (its index plus
        // one): its index and how many, or none left.
        let next_kept = |at: &mut usize, index: usize| -> Result<Option<(usize, u64)>, Corrupt> {
            if *at == bytes.len() {
                return Ok(None);
            }
            let step = usize::try_from(varint::get(bytes, at).ok_or(Corrupt)?).map_err(|_| Corrupt)?;
            let n = varint::get(bytes, at).ok_or(Corrupt)?;
            Ok(Some((index.checked_add(step).ok_or(Corrupt)?, n)))
        };
        let mut kept = next_kept(&mut at, 0)?;
        let mut entries = self.entries.iter().enumerate();
        for &w in wanted {
            let (i, _) = entries.find(|(_, e)| e.ord == w).ok_or(Corrupt)?;
            while let Some((k, n)) = kept.filter(|&(k, _)| k < i) {
                varint::skip(bytes, &mut at, n).ok_or(Corrupt)?;
                kept = next_kept(&mut at, k + 1)?;
            }
            if let Some((k, n)) = kept.filter(|&(k, _)| k == i) {
                let mut prev = 0u32;
                for _ in 0..n {
                    let d = varint::get(bytes, &mut at).ok_or(Corrupt)?;
                    prev = prev.checked_add(u32::try_from(d).map_err(|_| Corrupt)?).ok_or(Corrupt)?;
                    out.all.push(prev);
                }
                kept = next_kept(&mut at, k + 1)?;
            }
            out.ends.push(out.all.len() as u32);
        }
        Ok(out)
    }
}

/// The positions of a term in some paragraphs, ascending in each, all in one vector.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Positions {
    all: Vec<u32>,
    ends: Vec<u32>,
}

impl Positions {
    /// The positions in the `k`-th paragraph asked for.
    pub fn of(&self, k: usize) -> &[u32] {
        let start = if k == 0 { 0 } else { self.ends.get(k - 1).map_or(0, |&e| e as usize) };
        let end = self.ends.get(k).map_or(start, |&e| e as usize);
        self.all.get(start..end).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(ord: ParaOrd, tokens: u32, positions: &[u32]) -> Entry {
        Entry { ord, tokens, positions: positions.to_vec() }
    }

    fn body(buf: &[u8], at: usize) -> &[u8] {
        let (prefix, len) = list_len(&buf[at..]).unwrap();
        &buf[at + prefix..at + prefix + len]
    }

    #[test]
    fn round_trip() {
        let entries = vec![entry(3, 40, &[0, 7, 8]), entry(4, 9, &[2]), entry(900, 6000, &[100, 5000])];
        let mut buf = vec![0xAA];
        let at = write(&mut buf, &entries, ListKind::Words) as usize;
        let list = body(&buf, at);
        let p = Postings::read(list, ListKind::Words).unwrap();
        let got: Vec<(u32, u32, u32)> = p.entries.iter().map(|e| (e.ord, e.tf, e.tokens())).collect();
        let class = |t| LENGTHS[length_class(t) as usize];
        assert_eq!(got, [(3, 3, class(40)), (4, 1, 9), (900, 2, class(6000))]);
        let all = p.positions_for(&[3, 4, 900]).unwrap();
        assert_eq!([all.of(0), all.of(1), all.of(2)], [&[0, 7, 8][..], &[2], &[100, 5000]]);
        let some = p.positions_for(&[3, 900]).unwrap();
        assert_eq!([some.of(0), some.of(1)], [&[0, 7, 8][..], &[100, 5000]]);
        for cut in 0..list.len() {
            if let Ok(p) = Postings::read(&list[..cut], ListKind::Words) {
                panic!("a truncated list read as {p:?}");
            }
        }
    }

    /// Asked for any subset of a long list's paragraphs (every one, every other, a few far
    /// apart, the last alone, runs of fifty with gaps of a hundred), the
    /// positions given are each paragraph's own, as written; a paragraph the list lacks is an
    /// error, not another paragraph's positions.
    #[test]
    fn positions_of_any_paragraphs_asked_for_are_theirs() {
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move |below: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % below
        };
        let mut entries = Vec::new();
        let mut ord = 0;
        for _ in 0..3000 {
            ord += 1 + next(5) as ParaOrd;
            let n = 1 + next(4) as usize;
            let mut at = 0;
            let positions: Vec<u32> = (0..n)
                .map(|_| {
                    at += next(300) as u32;
                    at
                })
                .collect();
            entries.push(entry(ord, 500, &positions));
        }
        let mut buf = Vec::new();
        let at = write(&mut buf, &entries, ListKind::Words) as usize;
        let p = Postings::read(body(&buf, at), ListKind::Words).unwrap();
        let every = |step: usize| entries.iter().step_by(step).collect::<Vec<_>>();
        let mut subsets = vec![every(1), every(2), every(37), every(1000), vec![entries.last().unwrap()]];
        subsets.push(entries.iter().filter(|_| next(100) < 3).collect());
        subsets.push(entries.iter().enumerate().filter(|(i, _)| (i / 50) % 3 == 0).map(|(_, e)| e).collect());
        for wanted in subsets {
            let ords: Vec<ParaOrd> = wanted.iter().map(|e| e.ord).collect();
            let got = p.positions_for(&ords).unwrap();
            for (k, e) in wanted.iter().enumerate() {
                assert_eq!(got.of(k), e.positions.as_slice(), "paragraph {} of {} asked for", e.ord, ords.len());
            }
        }
        let gap = entries.windows(2).find(|w| w[1].ord > w[0].ord + 1).expect("a gap between two ordinals");
        assert_eq!(p.positions_for(&[entries[0].ord, gap[0].ord + 1]), Err(Corrupt));
    }

    /// A character's list keeps the positions given for some paragraphs and counts every
    /// occurrence in `tf`; asked for any paragraphs, it gives theirs (none where none was kept).
    #[test]
    fn characters_keep_only_the_positions_given() {
        let kept: [(ParaOrd, u32, &[u32]); 5] =
            [(2, 5, &[]), (3, 2, &[4]), (9, 1, &[]), (10, 3, &[0, 7, 300]), (11, 1, &[])];
        let mut list = ListWriter::default();
        for (ord, tf, positions) in kept {
            list.push(ListKind::Characters, ord, 40, tf, positions);
        }
        let mut buf = Vec::new();
        list.finish(&mut buf, ListKind::Characters);
        let p = Postings::read(body(&buf, 0), ListKind::Characters).unwrap();
        assert_eq!(
            p.entries.iter().map(|e| (e.ord, e.tf)).collect::<Vec<_>>(),
            [(2, 5), (3, 2), (9, 1), (10, 3), (11, 1)]
        );
        for mask in 1u32..32 {
            let wanted: Vec<_> =
                kept.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, k)| *k).collect();
            let got = p.positions_for(&wanted.iter().map(|k| k.0).collect::<Vec<_>>()).unwrap();
            for (k, (ord, _, positions)) in wanted.iter().enumerate() {
                assert_eq!(got.of(k), *positions, "{ord} of {mask:b}");
            }
        }
        assert!(p.positions_for(&[4]).is_err(), "a paragraph the list does not hold");
        let list = body(&buf, 0);
        for cut in 0..list.len() {
            assert!(Postings::read(&list[..cut], ListKind::Characters).is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn lengths_keep_within_an_eighth() {
        // Longer paragraphs (rare) all read as the longest class.
        for tokens in 0..=LENGTHS[63] {
            let read = LENGTHS[length_class(tokens) as usize];
            let err = read.abs_diff(tokens);
            assert!(err * 16 <= tokens.max(1) || tokens < 16 && err == 0, "{tokens} read as {read}");
        }
        assert!(LENGTHS.windows(2).all(|w| w[0] < w[1]), "{LENGTHS:?}");
    }

    #[test]
    fn filter_lists_hold_ordinals_only() {
        let entries = vec![entry(3, 0, &[]), entry(70_000, 0, &[])];
        for kind in [ListKind::Paragraphs, ListKind::Documents] {
            let mut buf = Vec::new();
            write(&mut buf, &entries, kind);
            assert_eq!(buf.len(), 1 + 1 + 1 + 3, "length, count, two deltas");
            let p = Postings::read(body(&buf, 0), kind).unwrap();
            assert_eq!(p.ords().collect::<Vec<_>>(), [3, 70_000]);
            assert!(Postings::read(body(&buf, 0), ListKind::Stems).is_err(), "read as the wrong kind");
        }
    }
}
