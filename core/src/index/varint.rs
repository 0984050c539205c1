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
/// 0x80, so this counts such bytes. `None` if the bytes end first.
pub fn skip(bytes: &[u8], at: &mut usize, n: u32) -> Option<()> {
    if n == 0 {
        return Some(());
    }
    let mut left = n;
    for (i, &b) in bytes.get(*at..)?.iter().enumerate() {
        if b < 0x80 {
            left -= 1;
            if left == 0 {
                *at += i + 1;
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
            super::skip(&buf, &mut stepped, n as u32 + 1).unwrap();
            super::get(&buf, &mut read).unwrap();
            assert_eq!(stepped, read, "{n}");
        }
        assert_eq!(super::skip(&buf, &mut 0, values.len() as u32 + 1), None);
        assert_eq!(super::skip(&[0x80; 11], &mut 0, 1), None);
        assert_eq!(super::get(&[0x80, 0x80], &mut 0), None);
    }
}
