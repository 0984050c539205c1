//! Character folding shared by the readers and by comparisons between language sources:
//! white space, superscript markers, and the typographic variants of quotes and dashes.

/// Collapses every run of white space (including no-break spaces and tabs) to one space and
/// trims both ends. Paragraph text is stored this way whatever the source format.
pub fn collapse_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{feff}' {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            out.push(c);
        }
    }
    out
}

/// The superscript form of a character as footnote markers print it (`1` → `¹`, `(` → `⁽`).
/// Letters are kept as they are, so `n<sup>o</sup>` stays `no`.
pub fn superscript(c: char) -> char {
    match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        '(' => '⁽',
        ')' => '⁾',
        '+' => '⁺',
        '-' => '⁻',
        other => other,
    }
}

/// The digit a superscript digit stands for.
pub fn superscript_digit(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// Whether `c` can be part of a footnote marker as printed: superscript digits, parentheses
/// (`⁽¹⁾`, as the UN's Arabic prints them) and signs. The analyzer reads markers as neither
/// words nor gaps, so a phrase runs across `Persons,⁷ in` as across `Persons, in`.
pub fn is_marker(c: char) -> bool {
    superscript_digit(c).is_some() || matches!(c, '⁽' | '⁾' | '⁺' | '⁻')
}

/// Writes a footnote marker as printed: `12` → `¹²`.
pub fn superscript_str(s: &str) -> String {
    s.chars().map(superscript).collect()
}

/// Folds the typographic variants that differ between sources of one text: curly quotes,
/// guillemets, dashes and non-breaking hyphens, no-break spaces; then collapses white space.
/// Used to compare words across sources, not to store text.
pub fn typographic(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{2032}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{00ab}' | '\u{00bb}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{00a0}' | '\u{202f}' | '\u{2007}' => ' ',
            other => other,
        })
        .collect();
    collapse_space(&mapped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_mixed_space() {
        assert_eq!(collapse_space("\t a\u{a0}\n b  "), "a b");
    }

    #[test]
    fn superscripts_round_trip() {
        for d in 0..10u32 {
            let c = char::from_digit(d, 10).unwrap();
            assert_eq!(superscript_digit(superscript(c)), Some(d));
        }
    }

    #[test]
    fn typographic_folds_quotes_and_dashes() {
        assert_eq!(typographic("“Sport” – l’ONU\u{2011}x"), "\"Sport\" - l'ONU-x");
    }
}
