//! The bytes the head and the lead pages are written in: LEB128 numbers, strings as their
//! length and UTF-8 bytes, checksums as four bytes. Read back by a [`Reader`] that names what
//! it was reading when the bytes ran out or made no sense — never a panic, whatever the bytes.
//!
//! A hand-written form rather than JSON: a page that searches a bundle then needs no JSON
//! parser (in the widget's wasm, with serde's code for the head's types, an eighth of it:
//! 185 → 162 KB brotli).

use crate::index::varint;

/// Bytes being written.
#[derive(Debug, Default)]
pub struct Writer {
    pub out: Vec<u8>,
}

impl Writer {
    pub fn num(&mut self, v: u64) {
        varint::put(&mut self.out, v);
    }

    /// A count or an index: a `usize` as a number.
    pub fn count(&mut self, v: usize) {
        self.num(v as u64);
    }

    pub fn str(&mut self, s: &str) {
        self.count(s.len());
        self.out.extend_from_slice(s.as_bytes());
    }

    /// `None` as 0, a string as its length plus one and its bytes.
    pub fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.num(0),
            Some(s) => {
                self.count(s.len() + 1);
                self.out.extend_from_slice(s.as_bytes());
            }
        }
    }

    /// Four bytes, little-endian: checksums, which no shorter form would hold.
    pub fn u32_le(&mut self, v: u32) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    /// Numbers as their differences from the one before (zigzag: small either way): a column of
    /// parts that follow each other is a column of ones, and one of equal lengths a column of
    /// zeros, which deflate all but removes.
    pub fn deltas(&mut self, values: impl IntoIterator<Item = u32>) {
        let mut before = 0i64;
        for v in values {
            let d = i64::from(v) - before;
            before = i64::from(v);
            self.num(((d << 1) ^ (d >> 63)) as u64);
        }
    }

    /// A count, then each item.
    pub fn list<T>(&mut self, items: &[T], each: impl FnMut(&mut Self, &T)) {
        self.count(items.len());
        self.each(items, each);
    }

    /// Each item, without a count: a column whose length the reader knows.
    pub fn each<T>(&mut self, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        for item in items {
            each(self, item);
        }
    }
}

/// Bytes being read; each read says, on failure, what it was reading.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub fn num(&mut self, what: &str) -> Result<u64, String> {
        varint::get(self.bytes, &mut self.at).ok_or_else(|| self.ended(what))
    }

    pub fn u32(&mut self, what: &str) -> Result<u32, String> {
        u32::try_from(self.num(what)?).map_err(|_| format!("{what} exceeds 2³² at byte {}", self.at))
    }

    /// A count of items that each take at least one byte: never more than the bytes left, so
    /// that a forged count cannot size a vector.
    pub fn count(&mut self, what: &str) -> Result<usize, String> {
        let n = self.num(what)?;
        let left = (self.bytes.len() - self.at) as u64;
        if n > left {
            return Err(format!("{what}: {n} items in the {left} bytes left"));
        }
        Ok(n as usize)
    }

    pub fn str(&mut self, what: &str) -> Result<String, String> {
        let len = self.count(what)?;
        self.utf8(len, what)
    }

    pub fn opt_str(&mut self, what: &str) -> Result<Option<String>, String> {
        match self.count(what)? {
            0 => Ok(None),
            n => self.utf8(n - 1, what).map(Some),
        }
    }

    pub fn u32_le(&mut self, what: &str) -> Result<u32, String> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// `n` numbers that [`Writer::deltas`] wrote.
    pub fn deltas(&mut self, n: usize, what: &str) -> Result<Vec<u32>, String> {
        let mut at = 0i64;
        (0..n)
            .map(|_| {
                let z = self.num(what)?;
                let half = i64::try_from(z >> 1).unwrap_or(i64::MAX);
                let d = if z & 1 == 1 { !half } else { half };
                at = at
                    .checked_add(d)
                    .filter(|v| (0..=i64::from(u32::MAX)).contains(v))
                    .ok_or_else(|| format!("{what} is out of range"))?;
                Ok(at as u32)
            })
            .collect()
    }

    /// A count, then that many items.
    pub fn list<T>(
        &mut self,
        what: &str,
        mut each: impl FnMut(&mut Self) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let n = self.count(what)?;
        (0..n).map(|_| each(self)).collect()
    }

    /// `n` numbers.
    pub fn nums(&mut self, n: usize, what: &str) -> Result<Vec<u32>, String> {
        (0..n).map(|_| self.u32(what)).collect()
    }

    /// Whether every byte was read: trailing bytes mean the reader and writer disagree.
    pub fn finish(self, what: &str) -> Result<(), String> {
        match self.bytes.len() - self.at {
            0 => Ok(()),
            n => Err(format!("{n} bytes follow {what}")),
        }
    }

    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or_else(|| self.ended(what))?;
        let b = &self.bytes[self.at..end];
        self.at = end;
        Ok(b)
    }

    fn utf8(&mut self, n: usize, what: &str) -> Result<String, String> {
        let at = self.at;
        let b = self.take(n, what)?;
        String::from_utf8(b.to_vec()).map_err(|_| format!("{what} at byte {at} is not UTF-8"))
    }

    fn ended(&self, what: &str) -> String {
        format!("the bytes end in {what} (byte {} of {})", self.at, self.bytes.len())
    }
}

/// A page of strings (the leads): their count, then each.
pub fn write_strings(strings: &[String]) -> Vec<u8> {
    let mut w = Writer::default();
    w.list(strings, |w, s| w.str(s));
    w.out
}

/// The strings [`write_strings`] wrote, or `None`.
pub fn read_strings(bytes: &[u8]) -> Option<Vec<String>> {
    let mut r = Reader::new(bytes);
    let strings = r.list("a page of strings", |r| r.str("a string")).ok()?;
    r.finish("the strings").ok().map(|()| strings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_written_reads_back_and_any_cut_is_an_error() {
        let mut w = Writer::default();
        w.num(300);
        w.str("Résolution");
        w.opt_str(None);
        w.opt_str(Some(""));
        w.u32_le(0xDEAD_BEEF);
        w.list(&[7u32, 128], |w, &v| w.num(u64::from(v)));
        w.deltas([5, 6, 7, 7, 2, u32::MAX, 0]);
        let read = |bytes: &[u8]| -> Result<_, String> {
            let mut r = Reader::new(bytes);
            let out = (
                r.num("n")?,
                r.str("s")?,
                r.opt_str("none")?,
                r.opt_str("empty")?,
                r.u32_le("crc")?,
                r.list("list", |r| r.u32("item"))?,
                r.deltas(7, "deltas")?,
            );
            r.finish("the test")?;
            Ok(out)
        };
        let deltas = vec![5, 6, 7, 7, 2, u32::MAX, 0];
        let want = (300, "Résolution".to_owned(), None, Some(String::new()), 0xDEAD_BEEF, vec![7, 128], deltas);
        assert_eq!(read(&w.out), Ok(want));
        for cut in 0..w.out.len() {
            assert!(read(&w.out[..cut]).is_err(), "cut at {cut}");
        }
        let mut longer = w.out.clone();
        longer.push(0);
        assert_eq!(read(&longer), Err("1 bytes follow the test".to_owned()));
    }

    #[test]
    fn a_forged_count_sizes_nothing() {
        let mut w = Writer::default();
        w.num(u64::MAX / 2);
        let err = Reader::new(&w.out).list("the parts", |r| r.u32("a part")).unwrap_err();
        assert!(err.starts_with("the parts: "), "{err}");
        let bad = [2, 0xff, 0xfe];
        assert!(Reader::new(&bad).str("a key").unwrap_err().contains("not UTF-8"));
    }
}
