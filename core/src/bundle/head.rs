//! The bundle's head as bytes, before it is deflated: the catalog, the part table, the lexicon's
//! ranges, the paged sections, the block table, the leads, the documents' order and the packs,
//! in that order, in the `bytes` module's forms. Tables are stored by column, each as deflate
//! packs it best; what follows from another field (a document's first paragraph, a pack's
//! name) is not stored.

use super::bytes::{Reader, Writer};
use super::catalog::Catalog;
use super::format::{BlockRef, Head, LeadPages, Pack, Paged, PartEntry, PartKind, Shard};

/// The head's bytes, in the order the module docs give.
pub fn encode(head: &Head) -> Vec<u8> {
    let mut w = Writer::default();
    head.catalog.write(&mut w);
    write_parts(&mut w, &head.parts);
    for shards in [&head.terms, &head.stems] {
        w.list(shards, |w, s| w.str(&s.first));
        w.deltas(shards.iter().map(|s| s.part));
    }
    write_paged(&mut w, &head.postings);
    write_paged(&mut w, &head.stem_postings);
    write_blocks(&mut w, &head.blocks);
    write_paged(&mut w, &head.outline);
    write_paged(&mut w, &head.titles);
    w.num(u64::from(head.leads.per_page));
    w.num(u64::from(head.leads.count));
    w.list(&head.leads.parts, |w, &p| w.num(u64::from(p)));
    w.list(&head.order, |w, &d| w.num(u64::from(d)));
    w.list(&head.packs, |w, p| w.num(u64::from(p.parts)));
    w.out
}

/// The head [`encode`] wrote, or what in it does not read.
pub fn decode(bytes: &[u8]) -> Result<Head, String> {
    let mut r = Reader::new(bytes);
    let catalog = Catalog::read(&mut r)?;
    let parts = read_parts(&mut r, bytes.len())?;
    let mut shards = |what: &str| -> Result<Vec<Shard>, String> {
        let firsts = r.list(what, |r| r.str("a range's first key"))?;
        let parts = r.deltas(firsts.len(), "a range's part")?;
        Ok(firsts.into_iter().zip(parts).map(|(first, part)| Shard { first, part }).collect())
    };
    let (terms, stems) = (shards("the terms' ranges")?, shards("the stems' ranges")?);
    let (postings, stem_postings) = (read_paged(&mut r, "the postings")?, read_paged(&mut r, "the stem postings")?);
    let blocks = read_blocks(&mut r)?;
    let (outline, titles) = (read_paged(&mut r, "the outline")?, read_paged(&mut r, "the titles")?);
    let (per_page, count) = (r.u32("leads per page")?, r.u32("the lead count")?);
    let leads = LeadPages { per_page, count, parts: r.list("the lead pages", |r| r.u32("a lead page"))? };
    let order = r.list("the documents' order", |r| r.u32("a document's place"))?;
    let packs = packs_of(&parts, r.list("the packs", |r| r.u32("a pack's parts"))?)?;
    r.finish("the head")?;
    Ok(Head { catalog, parts, terms, stems, postings, stem_postings, blocks, outline, titles, leads, order, packs })
}

/// The part table: runs of kinds (the writer groups parts by kind), then the stored lengths,
/// the raw lengths (as differences: pages of a kind are all one length but the last) and the
/// checksums (four bytes each), a column each.
fn write_parts(w: &mut Writer, parts: &[PartEntry]) {
    let mut runs: Vec<(PartKind, usize)> = Vec::new();
    for p in parts {
        match runs.last_mut() {
            Some((k, n)) if *k == p.kind => *n += 1,
            _ => runs.push((p.kind, 1)),
        }
    }
    w.list(&runs, |w, &(kind, n)| {
        w.count(PartKind::ALL.iter().position(|&k| k == kind).unwrap_or_default());
        w.count(n);
    });
    w.each(parts, |w, p| w.num(u64::from(p.stored)));
    w.deltas(parts.iter().map(|p| p.raw));
    w.each(parts, |w, p| w.u32_le(p.crc));
}

/// The part table of a head of `head_len` bytes.
fn read_parts(r: &mut Reader, head_len: usize) -> Result<Vec<PartEntry>, String> {
    let runs = r.list("the part table's kinds", |r| {
        let kind = *PartKind::ALL.get(r.count("a part kind")?).ok_or("an unknown part kind")?;
        Ok((kind, r.count("a run of parts")?))
    })?;
    let n = runs.iter().try_fold(0usize, |n, &(_, k)| n.checked_add(k)).ok_or("the part table overflows")?;
    // Each part takes at least six bytes of the table: a count past the head's length is forged.
    if n > head_len {
        return Err(format!("the part table claims {n} parts in a head of {head_len} bytes"));
    }
    let stored = r.nums(n, "a part's stored length")?;
    let raw = r.deltas(n, "a part's length")?;
    let crc = (0..n).map(|_| r.u32_le("a part's checksum")).collect::<Result<Vec<_>, _>>()?;
    let kinds = runs.iter().flat_map(|&(k, n)| std::iter::repeat_n(k, n));
    let rows = kinds.zip(stored).zip(raw).zip(crc);
    Ok(rows.map(|(((kind, stored), raw), crc)| PartEntry { kind, stored, raw, crc }).collect())
}

/// The packs that hold `counts` parts each, named from the checksums of their parts in
/// `parts` (none in a head of another layout); their counts must add up to the part table's.
fn packs_of(parts: &[PartEntry], counts: Vec<u32>) -> Result<Vec<Pack>, String> {
    let total = counts.iter().try_fold(0usize, |n, &c| n.checked_add(c as usize));
    if !counts.is_empty() && total != Some(parts.len()) {
        return Err(format!("its packs hold {total:?} parts, its part table {}", parts.len()));
    }
    let mut rest = parts;
    let mut pack = |n: u32| {
        let (these, after) = rest.split_at(n as usize);
        rest = after;
        Pack { parts: n, crc: Pack::crc_of(these.iter().map(|p| p.crc)) }
    };
    Ok(counts.into_iter().map(&mut pack).collect())
}

/// The block table: each block's first paragraph, then its part, each as the difference from
/// the block before (small numbers, and the parts of blocks follow each other: ones).
fn write_blocks(w: &mut Writer, blocks: &[BlockRef]) {
    w.count(blocks.len());
    w.deltas(blocks.iter().map(|b| b.start));
    w.deltas(blocks.iter().map(|b| b.part));
}

fn read_blocks(r: &mut Reader) -> Result<Vec<BlockRef>, String> {
    let n = r.count("the block table")?;
    let (start, part) = (r.deltas(n, "a block's start")?, r.deltas(n, "a block's part")?);
    Ok(start.into_iter().zip(part).map(|(start, part)| BlockRef { start, part }).collect())
}

fn write_paged(w: &mut Writer, paged: &Paged) {
    w.num(u64::from(paged.page));
    w.num(paged.len);
    w.count(paged.parts.len());
    w.deltas(paged.parts.iter().copied());
}

fn read_paged(r: &mut Reader, what: &str) -> Result<Paged, String> {
    let page = r.u32(what)?;
    let len = r.num(what)?;
    let n = r.count(what)?;
    Ok(Paged { page, len, parts: r.deltas(n, what)? })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::format::{Layout, read_head};

    /// The default corpus's head, inline and apart (with its pack table), reads back as it was
    /// written; a head cut anywhere is an error; a changed byte is an error or another head,
    /// never a panic.
    #[test]
    fn the_head_reads_back_as_written() {
        let written =
            super::super::write_parts(&crate::default_corpus::load(), super::super::Sizes::default()).unwrap();
        let (apart, _) = written.apart();
        let (layout, with_packs, _) = read_head(&apart).unwrap();
        assert_eq!((layout, with_packs.packs.is_empty()), (Layout::Apart, false));
        for head in [&written.head, &with_packs] {
            let raw = encode(head);
            assert_eq!(decode(&raw).as_ref(), Ok(head));
            for cut in 0..raw.len() {
                assert!(decode(&raw[..cut]).is_err(), "cut at {cut} of {}", raw.len());
            }
            for at in 0..raw.len() {
                let mut changed = raw.clone();
                changed[at] ^= 0x55;
                let _ = decode(&changed);
            }
        }
    }
}
