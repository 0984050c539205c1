//! Text from documents made safe to draw: control characters (escape sequences among them)
//! and bidi overrides become visible replacement symbols, so a hostile document can neither
//! drive the terminal nor reorder what is around it.

/// `s` with every control or bidi-override character replaced by a visible symbol.
pub fn inert(s: &str) -> String {
    s.chars().map(safe).collect()
}

/// One character made safe: ESC shows as `␛`, other C0 controls as their control picture,
/// C1 controls and bidi controls as `�`.
pub fn safe(c: char) -> char {
    match c {
        '\u{1b}' => '␛',
        '\t' | '\n' | '\r' => ' ',
        c @ '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        '\u{7f}' => '␡',
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => '�',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_and_overrides_are_visible() {
        let hostile = "a\u{1b}[31mred\u{1b}]0;title\u{7}\u{9b}2J\u{202e}evil";
        let shown = super::inert(hostile);
        assert_eq!(shown, "a␛[31mred␛]0;title␇�2J�evil");
        assert!(shown.chars().all(|c| !c.is_control()));
    }
}
