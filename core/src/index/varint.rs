//! LEB128 variable-length unsigned integers.

/// Appends `v` to `out`.
pub fn put(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint at `*at`, advancing it; `None` if the bytes end or the number overflows.
pub fn get(bytes: &[u8], at: &mut usize) -> Option<u64> {
    // Most varints of a postings list are one byte.
    let first = *bytes.get(*at)?;
    if first < 0x80 {
        *at += 1;
        return Some(u64::from(first));
    }
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// Steps over `n` varints at `*at` without reading their values: each ends at a byte below
/// 0x80, so this counts such bytes, eight at a time while more than eight remain to be found
/// (positions lists are mostly one-byte varints, and a phrase steps over most of them).
/// `None` if the bytes end first.
pub fn skip(bytes: &[u8], at: &mut usize, n: u64) -> Option<()> {
    if n == 0 {
        return Some(());
    }
    let rest = bytes.get(*at..)?;
    let mut left = n;
    let mut i = 0;
    for chunk in rest.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let ends = u64::from((!word & 0x8080_8080_8080_8080).count_ones());
        if ends >= left {
            break;
        }
        left -= ends;
        i += 8;
    }
    for (j, &b) in rest[i..].iter().enumerate() {
        if b < 0x80 {
            left -= 1;
            if left == 0 {
                *at += i + j + 1;
                return Some(());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trip() {
        let values = [0, 1, 127, 128, 300, 16_384, u64::from(u32::MAX), u64::MAX];
        let mut buf = Vec::new();
        for v in values {
            super::put(&mut buf, v);
        }
        let mut at = 0;
        for v in values {
            assert_eq!(super::get(&buf, &mut at), Some(v));
        }
        assert_eq!(super::get(&buf, &mut at), None);
        let mut read = 0;
        for (n, _) in values.iter().enumerate() {
            let mut stepped = 0;
            super::skip(&buf, &mut stepped, n as u64 + 1).unwrap();
            super::get(&buf, &mut read).unwrap();
            assert_eq!(stepped, read, "{n}");
        }
        assert_eq!(super::skip(&buf, &mut 0, values.len() as u64 + 1), None);
    }

    /// Stepping over any count from any start lands where reading as many does, across the
    /// eight-byte chunks the step counts in (varints of one to three bytes, mixed).
    #[test]
    fn skip_lands_where_reading_does() {
        let mut buf = Vec::new();
        for i in 0..200u64 {
            super::put(&mut buf, (i * 7919) % [100, 1000, 100_000][(i % 3) as usize]);
        }
        for start in 0..20 {
            let mut from = 0;
            for _ in 0..start {
                super::get(&buf, &mut from).unwrap();
            }
            for n in 0..(200 - start as u64) {
                let (mut stepped, mut read) = (from, from);
                super::skip(&buf, &mut stepped, n).unwrap();
                for _ in 0..n {
                    super::get(&buf, &mut read).unwrap();
                }
                assert_eq!(stepped, read, "{n} from the {start}th");
            }
            assert_eq!(super::skip(&buf, &mut from.clone(), 201 - start as u64), None);
        }
        assert_eq!(super::skip(&[0x80; 11], &mut 0, 1), None);
        assert_eq!(super::get(&[0x80, 0x80], &mut 0), None);
    }
}
