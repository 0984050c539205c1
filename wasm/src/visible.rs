//! Text from documents made safe to show: control characters become their visible control
//! pictures and bidi embeddings, overrides and isolates become `�`, so a hostile paragraph can
//! neither hide text nor reorder what surrounds it. Markup needs no escaping here: Yew puts text
//! into text nodes, never into HTML.

/// `s` with every control and bidi-override character replaced by a visible symbol.
pub fn visible(s: &str) -> String {
    if s.chars().all(|c| safe(c) == c) {
        return s.to_owned();
    }
    s.chars().map(safe).collect()
}

/// One character made visible. Line breaks and tabs stay; the marks that only hint direction
/// (LRM, RLM, ALM), which Arabic texts use, stay too.
fn safe(c: char) -> char {
    match c {
        '\t' | '\n' => c,
        c @ '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '␡',
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn controls_and_overrides_show_as_symbols() {
        let hostile = "a\u{1b}[31m\u{7}\u{9b}\u{202e}evil\u{2066}x\u{200f}";
        assert_eq!(super::visible(hostile), "a␛[31m␇\u{fffd}\u{fffd}evil\u{fffd}x\u{200f}");
        assert_eq!(super::visible("<script>alert(1)</script>"), "<script>alert(1)</script>");
    }
}
