//! Bytes → text, with the checks that keep bad input from going further: size, emptiness,
//! binary content, UTF-8. A byte-order mark is dropped.

use crate::error::{IngestError, Location};

/// The most one source file may hold. The largest General Assembly resolution in the UN's
/// XML of sessions 79–80 is under 2 MB; 64 MB leaves room for any real document.
pub const MAX_BYTES: usize = 64 << 20;

pub fn text<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, IngestError> {
    let at = |line| Location { file: name.to_owned(), line };
    if bytes.len() > MAX_BYTES {
        return Err(IngestError::TooLarge { at: at(None), size: bytes.len(), limit: MAX_BYTES });
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(IngestError::Empty { at: at(None) });
    }
    if let Some(offset) = binary_at(bytes) {
        return Err(IngestError::Binary { at: at(Some(line_of(bytes, offset))), offset, byte: bytes[offset] });
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        IngestError::Utf8 { at: at(Some(line_of(bytes, offset))), offset }
    })
}

/// A NUL byte, or a head where control characters are more than one in eight: binary.
/// Escape sequences and stray controls in a text are kept, for the front ends to show inert.
fn binary_at(bytes: &[u8]) -> Option<usize> {
    let head = &bytes[..bytes.len().min(8192)];
    if let Some(nul) = head.iter().position(|&b| b == 0) {
        return Some(nul);
    }
    let is_control = |b: &u8| *b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b);
    (head.iter().filter(|b| is_control(b)).count() * 8 > head.len()).then(|| head.iter().position(is_control)).flatten()
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_bytes_with_place() {
        assert!(matches!(text("e.txt", b""), Err(IngestError::Empty { .. })));
        assert!(matches!(text("b.txt", b"ab\n\0cd"), Err(IngestError::Binary { offset: 3, .. })));
        let e = text("u.txt", b"ok\nbad \xff here").unwrap_err();
        assert_eq!(e.to_string(), "u.txt:2: invalid UTF-8 at byte 7; save the file as UTF-8");
        assert_eq!(text("bom.txt", b"\xef\xbb\xbfhi").unwrap(), "hi");
    }
}
