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
        assert_eq!(super::get(&[0x80, 0x80], &mut 0), None);
    }
}
