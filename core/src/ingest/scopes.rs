//! A resolution's parts and annexes, as both readers find them: the letter that opens a part of
//! a resolution adopted in parts (`A`, `B` above the part's title), and the heading that opens
//! an annex in the six official languages (`Annex II`, `Annexe`, `Anexo`, `Приложение I`,
//! `附件二`, `المرفق الثاني`). Each part and annex numbers its paragraphs anew, so their ids
//! carry the [`Scope`].

use super::draft::Draft;
use super::inline::Marked;
use crate::model::{ParaId, ParaKind, Scope};

/// The word that opens an annex's heading, in each official language (and German).
const ANNEX: [&str; 7] = ["Annex", "Annexe", "Anexo", "Приложение", "附件", "المرفق", "Anlage"];

/// The word that opens an article's heading, with its space (Chinese writes `第五条`).
const ARTICLE: [&str; 4] = ["Article ", "Artículo ", "Статья ", "المادة "];

const ARABIC_ORDINALS: [&str; 10] =
    ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"];

const CHINESE_NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// An annex's heading at the start of `text`: its scope and the byte length of the heading
/// ("Annex II", "附件二"); what follows (a title printed on the same line) is not part of it.
pub fn annex_heading(text: &str) -> Option<(Scope, usize)> {
    let text = text.trim_end();
    let word = ANNEX.iter().filter(|w| text.starts_with(**w)).max_by_key(|w| w.len())?;
    let rest = &text[word.len()..];
    let at_end = |s: &str| s.is_empty() || s.starts_with(char::is_whitespace);
    // "附件一": the numeral follows the word without a space.
    if let Some(n) = rest.chars().next().and_then(|c| CHINESE_NUMERALS.iter().position(|&d| d == c)) {
        let len = word.len() + rest.chars().next().map_or(0, char::len_utf8);
        return at_end(&text[len..]).then_some((Scope::Annex(Some(n as u32 + 1)), len));
    }
    if !at_end(rest) {
        return None;
    }
    let after = rest.trim_start();
    let spaces = rest.len() - after.len();
    let token = after.split_whitespace().next().unwrap_or_default();
    let number = roman_value(token).or_else(|| ARABIC_ORDINALS.iter().position(|o| *o == token).map(|i| i as u32 + 1));
    match number {
        Some(n) => Some((Scope::Annex(Some(n)), word.len() + spaces + token.len())),
        None => Some((Scope::Annex(None), word.len())),
    }
}

/// A heading that is an annex's heading and nothing else ("Annex", "Annex II"): inside an annex,
/// such a line opens the next one.
pub fn annex_line(text: &str) -> Option<Scope> {
    annex_heading(text).filter(|&(_, len)| len == text.trim_end().len()).map(|(scope, _)| scope)
}

/// An annex's title, printed after its heading: a line that does not end as a sentence or a
/// clause does.
pub fn is_title(text: &str) -> bool {
    let text = text.trim_end();
    !text.is_empty() && !text.ends_with(['.', ',', ';', ':', '。', '，', '；', '：', '،', '؛'])
}

/// The annex that a heading inside `current` opens: only the next numbered one ("Annex II" in
/// annex I). An unnumbered "Annex" there is the annex of the annexed text (a convention's
/// interpretative notes), which stays in `current`.
pub fn next_annex(text: &str, current: Scope) -> Option<Scope> {
    match (annex_line(text)?, current) {
        (Scope::Annex(Some(n)), Scope::Annex(Some(c))) if n > c => Some(Scope::Annex(Some(n))),
        _ => None,
    }
}

/// An article's heading at the start of a line of an annex (`Article 5`, `Article premier`,
/// `Artículo 5`, `Статья 5`, `المادة 5`, `第五条`): its number and the heading's byte length. A
/// title may follow on the line (`Article 2 Terminologie`), but no sentence.
pub fn article_heading(text: &str) -> Option<(u32, usize)> {
    let text = text.trim_end();
    if !is_title(text) {
        return None;
    }
    if let Some(rest) = text.strip_prefix('第') {
        let numeral: String = rest.chars().take_while(|c| CHINESE_NUMERALS.contains(c) || *c == '百').collect();
        let after = &rest[numeral.len()..];
        let n = super::meta::chinese_number(&numeral).filter(|&n| n > 0)?;
        return after.starts_with('条').then(|| (n, '第'.len_utf8() + numeral.len() + '条'.len_utf8()));
    }
    let word = ARTICLE.iter().find(|w| text.starts_with(**w))?;
    let rest = &text[word.len()..];
    if rest.starts_with("premier") && rest["premier".len()..].chars().next().is_none_or(char::is_whitespace) {
        return Some((1, word.len() + "premier".len()));
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = &rest[digits..];
    let n: u32 = rest[..digits].parse().ok().filter(|&n| n > 0)?;
    (after.is_empty() || after.starts_with(' ')).then_some((n, word.len() + digits))
}

/// The letter of a resolution's part, printed alone above the part's title (`A`, `B`).
pub fn part_letter(text: &str) -> Option<char> {
    let mut chars = text.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_uppercase() => Some(c),
        _ => None,
    }
}

/// Puts every paragraph read inside a part or an annex into its scope; footnotes are numbered
/// through the whole document and keep their ids.
pub fn scope(drafts: &mut [Draft], scope: Option<Scope>) {
    let Some(scope) = scope else { return };
    for d in drafts.iter_mut().filter(|d| d.para.kind != ParaKind::Footnote) {
        d.para.id = d.para.id.within(&scope);
    }
}

/// The articles of an annex's text (a convention), each of which numbers its paragraphs anew.
#[derive(Default)]
pub struct Articles {
    /// The number of the last article opened.
    last: u32,
}

impl Articles {
    /// Whether `text` opens the next article (a heading with a higher number than the last:
    /// "Article 2" in the interpretative notes after article 68 is no article of its own), and
    /// its number and heading's length.
    pub fn opens(&self, text: &str) -> Option<(u32, usize)> {
        article_heading(text).filter(|&(n, _)| n > self.last)
    }

    /// Article `n` starts: its heading's paragraph (`Article 2`).
    pub fn open(&mut self, n: u32, heading: &Marked) -> Draft {
        let mut d = Draft::new(ParaId::article(n), ParaKind::Article, heading);
        d.para.num = Some(n.to_string());
        self.last = n;
        d
    }

    /// Puts the paragraphs after each article's heading into the article: `op1` → `art2.op1`.
    pub fn scope(&self, drafts: &mut [Draft]) {
        let mut article = None;
        for d in drafts.iter_mut().filter(|d| d.para.kind != ParaKind::Footnote) {
            if d.para.kind == ParaKind::Article {
                article = d.para.num.as_deref().and_then(|n| n.parse().ok());
            } else if let Some(n) = article {
                d.para.id = d.para.id.in_article(n);
            }
        }
    }
}

/// The value of a Roman numeral in upper case (`IV` → 4), if `s` is one.
pub fn roman_value(s: &str) -> Option<u32> {
    if s.is_empty() || !s.bytes().all(|b| b"IVXLC".contains(&b)) {
        return None;
    }
    let value = |b: u8| match b {
        b'I' => 1,
        b'V' => 5,
        b'X' => 10,
        b'L' => 50,
        _ => 100,
    };
    let bytes = s.as_bytes();
    let total = bytes.iter().enumerate().fold(0i64, |sum, (i, &b)| {
        let v = value(b);
        if bytes.get(i + 1).is_some_and(|&next| value(next) > v) { sum - v } else { sum + v }
    });
    u32::try_from(total).ok().filter(|&n| n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annex_headings_in_the_six_languages() {
        let cases = [
            ("Annex", Some(Scope::Annex(None))),
            ("Annex II", Some(Scope::Annex(Some(2)))),
            ("Annexe I", Some(Scope::Annex(Some(1)))),
            ("Anexo", Some(Scope::Annex(None))),
            ("Приложение IV", Some(Scope::Annex(Some(4)))),
            ("附件", Some(Scope::Annex(None))),
            ("附件二", Some(Scope::Annex(Some(2)))),
            ("المرفق", Some(Scope::Annex(None))),
            ("المرفق الثاني", Some(Scope::Annex(Some(2)))),
            ("Annexes", None),
            ("Annex to the letter", None),
            ("Annexed hereto", None),
            ("附件所载", None),
            ("A", None),
        ];
        for (text, want) in cases {
            assert_eq!(annex_line(text), want, "{text}");
        }
        // A title printed on the heading's line (79/323 es) is not the heading.
        assert_eq!(annex_heading("Anexo Compromiso de Sevilla"), Some((Scope::Annex(None), "Anexo".len())));
        assert_eq!(annex_heading("Annex I Global Digital Compact"), Some((Scope::Annex(Some(1)), "Annex I".len())));
    }

    #[test]
    fn article_headings_in_the_six_languages() {
        let cases = [
            ("Article 5", Some(5)),
            ("Article premier", Some(1)),
            ("Artículo 68", Some(68)),
            ("Статья 12", Some(12)),
            ("المادة 3", Some(3)),
            ("第六十八条", Some(68)),
            ("第十条", Some(10)),
            ("第一条", Some(1)),
            ("Article 2 Terminologie", Some(2)),
            ("Article 2 of the Convention applies.", None),
            ("Articles 23 and 35", None),
            ("第七十九届会议", None),
            ("Article", None),
        ];
        for (text, want) in cases {
            assert_eq!(article_heading(text).map(|a| a.0), want, "{text}");
        }
        assert_eq!(next_annex("Annex II", Scope::Annex(Some(1))), Some(Scope::Annex(Some(2))));
        assert_eq!(next_annex("Annex", Scope::Annex(None)), None);
    }

    #[test]
    fn part_letters() {
        assert_eq!(part_letter("B"), Some('B'));
        assert_eq!(part_letter(" C "), Some('C'));
        for no in ["b", "AB", "I.", "", "Б"] {
            assert_eq!(part_letter(no), None, "{no}");
        }
    }
}
