//! The widget's answers as JSON, written by hand: strings, counts and booleans are all they
//! hold, and the widget's wasm then carries no JSON serializer. Written as `serde_json` writes
//! them (a test compares the two), which the widget's script reads with `JSON.parse`.

use std::fmt::Write;

/// JSON being written.
#[derive(Debug, Default)]
pub struct Json {
    out: String,
    /// Whether the array or object just opened has nothing in it yet.
    first: bool,
}

impl Json {
    /// The JSON written.
    pub fn finish(self) -> String {
        self.out
    }

    /// Opens an object (`{`) or an array (`[`).
    pub fn open(&mut self, bracket: char) {
        self.comma();
        self.out.push(bracket);
        self.first = true;
    }

    /// Closes what [`Json::open`] opened.
    pub fn close(&mut self, bracket: char) {
        self.out.push(bracket);
        self.first = false;
    }

    /// A member's name, before its value.
    pub fn key(&mut self, name: &str) {
        self.str(name);
        self.out.push(':');
        self.first = true;
    }

    pub fn str(&mut self, s: &str) {
        self.comma();
        self.out.push('"');
        let mut plain = 0;
        for (i, b) in s.bytes().enumerate() {
            let escape = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..0x20 => "",
                _ => continue,
            };
            self.out.push_str(&s[plain..i]);
            if escape.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 15)]));
            } else {
                self.out.push_str(escape);
            }
            plain = i + 1;
        }
        self.out.push_str(&s[plain..]);
        self.out.push('"');
    }

    pub fn num(&mut self, n: usize) {
        self.comma();
        let _ = write!(self.out, "{n}");
    }

    pub fn bool(&mut self, b: bool) {
        self.comma();
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// A comma before a value, unless it is the first of its array or object, or a member's.
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) && !self.out.is_empty() {
            self.out.push(',');
        }
    }
}
