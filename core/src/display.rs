//! Text from documents made safe to show, with one policy for every front end: the CLI, the
//! terminal browser and the web explorer call these functions and nothing else.
//!
//! A document is untrusted input. Shown as it is, an `ESC` sequence in a heading could retitle or
//! clear the user's terminal, and a bidi override could reorder what stands around it. So:
//!
//! - C0 controls show as their control pictures (`ESC` → `␛`, `BEL` → `␇`), `DEL` as `␡`;
//!   tab, line feed and carriage return, which only move the cursor, become a space;
//! - C1 controls (`U+0080`–`U+009F`, among them the one-byte CSI `U+009B`) and the bidi
//!   embeddings, overrides and isolates (`U+202A`–`U+202E`, `U+2066`–`U+2069`) show as `�`;
//! - the marks that only hint direction — LRM, RLM and the Arabic letter mark — stay, because
//!   the UN's Arabic texts use them and they move nothing around them.
//!
//! Where text must stay exact (JSON for scripts), [`escape_json`] escapes instead of replacing.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `c` as it may be shown.
pub fn safe(c: char) -> char {
    match c {
        '\t' | '\n' | '\r' => ' ',
        c @ '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '␡',
        c if is_hidden_control(c) => '\u{fffd}',
        c => c,
    }
}

/// `s` as it may be shown: borrowed when nothing in it needs changing (most texts).
pub fn inert(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| safe(c) == c) { Cow::Borrowed(s) } else { Cow::Owned(s.chars().map(safe).collect()) }
}

/// Text of several lines as it may be shown: each line [`inert`], the line breaks kept.
pub fn inert_lines(s: &str) -> Cow<'_, str> {
    if s.chars().all(|c| c == '\n' || safe(c) == c) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.split('\n').map(inert).collect::<Vec<_>>().join("\n"))
    }
}

/// C1 controls and the bidi controls that reorder text; the direction marks are not among them.
fn is_hidden_control(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// JSON text as a serializer writes it (C0 controls in strings already escaped; line breaks
/// outside strings are layout) with `DEL`, the C1 controls and the bidi controls written as
/// `\uXXXX` escapes too, so that printing it is safe and parsing it gives back the exact text.
/// Valid for JSON only: outside strings JSON is ASCII, so every such character stands inside a
/// string.
pub fn escape_json(json: &str) -> Cow<'_, str> {
    let escapes = |c: char| c == '\u{7f}' || is_hidden_control(c);
    if !json.chars().any(escapes) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if escapes(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\u{1b}]0;title\u{7}\u{1b}[2J\u{9b}31m\u{202e}evil\u{2066}x\u{7f}\r\n";

    #[test]
    fn controls_and_reordering_marks_show_as_symbols() {
        assert_eq!(inert(HOSTILE), "a␛]0;title␇␛[2J\u{fffd}31m\u{fffd}evil\u{fffd}x␡  ");
        assert!(inert(HOSTILE).chars().all(|c| !c.is_control()));
    }

    #[test]
    fn lines_keep_their_breaks_and_lose_their_controls() {
        assert_eq!(inert_lines("one\u{1b}[2J\r\ntwo\n"), "one␛[2J \ntwo\n");
        assert!(matches!(inert_lines("one\ntwo"), Cow::Borrowed(_)));
    }

    #[test]
    fn direction_marks_markup_and_plain_text_stay() {
        let arabic = "\u{200f}القرار\u{61c} 79/136\u{200e}";
        assert!(matches!(inert(arabic), Cow::Borrowed(_)));
        assert_eq!(inert("<script>alert(1)</script>"), "<script>alert(1)</script>");
    }

    #[test]
    fn json_escapes_round_trip_to_the_exact_text() {
        let json = serde_json::to_string_pretty(&[HOSTILE]).unwrap();
        let escaped = escape_json(&json);
        let layout = |c: char| c == '\n' || c == ' ';
        assert!(escaped.chars().all(|c| layout(c) || !c.is_control() && !is_hidden_control(c)), "{escaped}");
        assert_eq!(serde_json::from_str::<Vec<String>>(&escaped).unwrap(), [HOSTILE]);
    }
}
