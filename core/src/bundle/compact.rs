//! The compact layout's one part ([`PartKind::Documents`](super::PartKind)): every document of
//! the corpus and nothing that can be derived from them, laid out for the compressor — the
//! records in one run, the paragraph texts in another.
//!
//! ```text
//! documents u32 | paragraphs n u32 | records length u32 | records | n × text length (LEB128) | texts
//! ```
//! `records` are the documents' records (`record`: all but their paragraphs' texts; JSON
//! before format 6); the texts follow in the records' order of paragraphs. All integers little-endian.

use crate::model::Document;

const FIXED: usize = 12;

/// The part that holds `docs`, in their order.
pub fn encode(docs: &[Document]) -> Vec<u8> {
    let mut texts = Vec::new();
    let mut lengths = Vec::new();
    for p in docs.iter().flat_map(|d| d.paragraphs.iter()) {
        leb128(&mut lengths, p.text.len() as u64);
        texts.extend_from_slice(p.text.as_bytes());
    }
    let mut w = super::bytes::Writer::default();
    for doc in docs {
        super::record::write(&mut w, doc);
    }
    let records = w.out;
    let paragraphs: usize = docs.iter().map(|d| d.paragraphs.len()).sum();
    let mut out = Vec::with_capacity(FIXED + records.len() + lengths.len() + texts.len());
    for n in [docs.len(), paragraphs, records.len()] {
        out.extend_from_slice(&(n as u32).to_le_bytes());
    }
    for area in [&records, &lengths, &texts] {
        out.extend_from_slice(area);
    }
    out
}

/// The documents of a part that [`encode`] wrote, or what does not read.
pub fn decode(bytes: &[u8]) -> Result<Vec<Document>, String> {
    let u32_at = |i: usize| bytes.get(i..i + 4).map(|b| u32::from_le_bytes(b.try_into().expect("4 bytes")) as usize);
    let (Some(count), Some(paragraphs), Some(records_len)) = (u32_at(0), u32_at(4), u32_at(8)) else {
        return Err("it is shorter than its fixed fields".into());
    };
    let records = FIXED.checked_add(records_len).and_then(|end| bytes.get(FIXED..end));
    let records = records.ok_or("its records run past its end")?;
    let mut r = super::bytes::Reader::new(records);
    let docs = (0..count).map(|_| super::record::read(&mut r)).collect::<Result<Vec<Document>, String>>();
    let mut docs = docs.map_err(|e| format!("its records: {e}"))?;
    r.finish("its records").map_err(|e| format!("its records: {e}"))?;
    if docs.len() != count || docs.iter().map(|d| d.paragraphs.len()).sum::<usize>() != paragraphs {
        return Err(format!("its records hold {} documents, it says {count} with {paragraphs} paragraphs", docs.len()));
    }
    let mut at = FIXED + records_len;
    let mut lengths = Vec::with_capacity(paragraphs.min(bytes.len()));
    for _ in 0..paragraphs {
        lengths.push(read_leb128(bytes, &mut at).ok_or("its text lengths run past its end")?);
    }
    for (p, len) in docs.iter_mut().flat_map(|d| d.paragraphs.iter_mut()).zip(lengths) {
        let end = usize::try_from(len).ok().and_then(|len| at.checked_add(len));
        let text = end.and_then(|end| bytes.get(at..end)).ok_or("its texts run past its end")?;
        p.text =
            std::str::from_utf8(text).map_err(|_| format!("the text of {} is not UTF-8", p.id.as_str()))?.to_owned();
        at += text.len();
    }
    if at != bytes.len() {
        return Err(format!("{} bytes follow its last text", bytes.len() - at));
    }
    Ok(docs)
}

fn leb128(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_leb128(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut n = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        n |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(n);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_come_back_as_they_went_in() {
        let docs = crate::default_corpus::load().docs;
        assert_eq!(decode(&encode(&docs)).unwrap(), docs);
    }

    #[test]
    fn a_part_cut_short_or_with_bytes_after_it_does_not_read() {
        let docs = crate::default_corpus::load().docs;
        let bytes = encode(&docs[..2]);
        for cut in [0, 5, FIXED, FIXED + 10, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(b'x');
        assert!(decode(&longer).unwrap_err().contains("follow its last text"));
        let mut miscounted = bytes;
        miscounted[4] ^= 1;
        assert!(decode(&miscounted).unwrap_err().contains("paragraphs"));
    }

    #[test]
    fn lengths_round_trip_at_the_edges() {
        for n in [0, 1, 127, 128, 16_383, 16_384, u64::from(u32::MAX), u64::MAX] {
            let mut out = Vec::new();
            leb128(&mut out, n);
            assert_eq!(read_leb128(&out, &mut 0), Some(n));
        }
        assert_eq!(read_leb128(&[0x80; 11], &mut 0), None);
    }
}
