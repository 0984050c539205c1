//! Paragraph numbers and subparagraph labels as printed in the six languages, turned into the
//! ASCII parts of a paragraph id: `21.`, `21 -` → 21; `(a)`, `a)`, Cyrillic `с)`, `(أ)` → `a`;
//! `(ii)` → `ii`.

use regex::Regex;
use std::sync::LazyLock;

/// Arabic letters in the abjad order the UN uses for subparagraphs, mapped to a, b, c, …
const ABJAD: [char; 26] = [
    'أ', 'ب', 'ج', 'د', 'ه', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث',
    'خ', 'ذ', 'ض',
];

/// Cyrillic letters that Russian texts print in place of the Latin label they look like.
fn latin_lookalike(c: char) -> char {
    match c {
        'а' => 'a',
        'в' => 'b',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        'і' => 'i',
        other => other,
    }
}

static OPERATIVE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{1,3})\s*(?:\.|．|-|–)(?:\s+|$)").unwrap());
static SUB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[(（](\S{1,6}?)[)）]|(\p{L}{1,4})[)）]|([\u{3220}-\u{3229}])|([’‘]\d{1,2}[’‘]))(?:\s+|$)").unwrap()
});

/// An operative number at the start of `s`: number and bytes it takes.
pub fn operative(s: &str) -> Option<(u32, usize)> {
    let c = OPERATIVE.captures(s)?;
    Some((c[1].parse().ok()?, c[0].len()))
}

/// A subparagraph label at the start of `s`: the label as printed and the bytes it takes.
pub fn sub_label(s: &str) -> Option<(&str, usize)> {
    let c = SUB.captures(s)?;
    let label = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3)).or_else(|| c.get(4))?.as_str();
    normalize_label(label, None)?;
    Some((label, c[0].len()))
}

/// The id part of a printed label. `previous` is the label before it in the same list, which
/// tells `(i)` after `(h)` (a letter) from `(i)` opening a list of roman numerals.
pub fn normalize_label(label: &str, previous: Option<&str>) -> Option<String> {
    let cleaned: String = label.chars().filter(|&c| c != '\u{640}').collect();
    let label = cleaned.trim().trim_matches(['(', ')', '（', '）', '.']);
    if let Some(n) = chinese_ordinal(label).or_else(|| arabic_roman(label)) {
        return Some(roman(n));
    }
    let mut chars = label.chars();
    let (first, rest) = (chars.next()?, chars.as_str());
    if rest.is_empty() {
        if let Some(i) = ABJAD.iter().position(|&a| a == first) {
            return Some(((b'a' + i as u8) as char).to_string());
        }
        let c = latin_lookalike(first.to_lowercase().next()?);
        if c.is_ascii_lowercase() {
            let letter_run = previous.is_some_and(|p| next_letter(p, &c.to_string()));
            if c == 'i' && !letter_run {
                return Some("i".into());
            }
            return Some(c.to_string());
        }
        return None;
    }
    let lower: String = label.chars().map(|c| latin_lookalike(c.to_ascii_lowercase())).collect();
    // Lists longer than the alphabet go on with doubled letters: (aa), (bb), …
    let mut pair = lower.chars();
    if let (Some(a), Some(b), None) = (pair.next(), pair.next(), pair.next()) {
        if a == b && a.is_ascii_lowercase() && !matches!(a, 'i' | 'x') {
            return Some(lower);
        }
    }
    (lower.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l')) && lower.len() <= 6).then_some(lower)
}

/// True when `part` is the letter right after `previous` (`(i)` after `(h)`, `(l)` after `(k)`,
/// `(v)` after `(u)`, `(ll)` after `(kk)`): the list goes on in letters, it does not open roman
/// numerals.
pub fn next_letter(previous: &str, part: &str) -> bool {
    match (letter_label(previous), letter_label(part)) {
        (Some((a, n)), Some((b, m))) => n == m && u32::from(b) == u32::from(a) + 1,
        _ => false,
    }
}

/// A roman item (`ii`) after the lettered item `last` (`d`) nests under it, unless it is the
/// letter that comes next (`i` after `h`): "(d) The following elements: (i) …; (ii) …".
pub fn nests_under(last: Option<&str>, part: &str) -> bool {
    let letter = last.is_some_and(|p| letter_label(p).is_some() && !is_roman(p));
    is_roman(part) && letter && !last.is_some_and(|p| next_letter(p, part))
}

/// A letter label, single (`h`) or doubled (`hh`): the letter and how many times it is written.
pub fn letter_label(part: &str) -> Option<(char, usize)> {
    let first = part.chars().next()?;
    (first.is_ascii_lowercase() && part.len() <= 2 && part.chars().all(|c| c == first)).then_some((first, part.len()))
}

/// The Chinese forms of roman-numbered items: `㈠`…`㈩` (one character each) and
/// `(十二)` (a Chinese numeral in parentheses), as numbers.
fn chinese_ordinal(label: &str) -> Option<u32> {
    let mut chars = label.chars();
    if let (Some(c @ '\u{3220}'..='\u{3229}'), None) = (chars.next(), chars.next()) {
        return Some(u32::from(c) - 0x3220 + 1);
    }
    let numeral = !label.is_empty() && label.chars().all(|c| "一二三四五六七八九十".contains(c));
    numeral.then(|| super::meta::chinese_number(label)).flatten().filter(|n| (1..40).contains(n))
}

/// Arabic roman-numbered items print their number between quotes: `’1‘`.
fn arabic_roman(label: &str) -> Option<u32> {
    let digits = label.strip_prefix(['’', '‘'])?.strip_suffix(['’', '‘'])?;
    digits.parse().ok().filter(|n| (1..40).contains(n))
}

/// A number below 40 in lower-case roman numerals, as subparagraph ids write them.
fn roman(n: u32) -> String {
    let units = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"];
    "x".repeat((n / 10) as usize) + units[(n % 10) as usize]
}

/// A line that is only a section's number, as printed above its title: `I`, `IV`, `B.`, `一`,
/// `أولا`, `Part I`, `Часть I`, `الجزء الأول`, `第一编`.
pub fn section_number(text: &str) -> bool {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"^(?:[IVXL]{1,6}|[A-Z]|[一二三四五六七八九十]{1,3})\.?$",
            r"|^(?:Part|Parte|Titre|Часть|Section|Sección|Chapitre|Capítulo|Раздел|Глава|Income section)\s+(?:[IVXL]{1,6}|\d{1,3}[A-ZА-Я]?|premier)",
            r"(?:\s+(?:des recettes|de ingresos|сметы поступлений))?$",
            r"|^(?:(?:أول|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع|عاشر)ا[\u{64b}]?|(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع) عشر)$",
            // Twenty and on: "عشرين", "حاديا وعشرين" (twenty-first).
            r"|^(?:(?:حادي|ثاني|ثالث|رابع|خامس|سادس|سابع|ثامن|تاسع)ا[\u{64b}]? و)?(?:عشرين|ثلاثين|أربعين)$",
            r"|^(?:الجزء|الباب|باب الإيرادات)\s+\S+(?:\s+\S+)?$",
            r"|^(?:收入)?第[一二三四五六七八九十\d]{1,3}[A-Z]?(?:编|部分|章|款)$",
        ))
        .unwrap()
    });
    NUMBER.is_match(text.trim())
}

/// What an unnumbered line is among section headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionLine {
    /// A section's number alone ([`section_number`]): a new section opens.
    Number,
    /// The line right after a section's number: the section's title.
    Title,
}

/// Follows section numbers and the titles printed under them, line by line: the one rule of
/// the text and XML readers, which make both headings (`hN`).
#[derive(Debug, Default)]
pub struct Sections {
    title_next: bool,
}

impl Sections {
    /// What the unnumbered line `text` is, given the lines before it.
    pub fn line(&mut self, text: &str) -> Option<SectionLine> {
        if section_number(text) {
            self.title_next = true;
            return Some(SectionLine::Number);
        }
        std::mem::take(&mut self.title_next).then_some(SectionLine::Title)
    }

    /// Something other than an unnumbered line came (a numbered paragraph, a heading the
    /// markup names): no title follows.
    pub fn other(&mut self) {
        self.title_next = false;
    }
}

/// The letter of a list item's label (`(e) To aim at …` → `e`), if it opens with one.
pub fn item_letter(text: &str) -> Option<String> {
    let part = normalize_label(sub_label(text)?.0, None)?;
    letter_label(&part).map(|_| part)
}

/// Whether `text` opens with a roman item that nests under item `letter` (`(i)` under `(e)`,
/// `㈠` under `(e)`), not the letter after it (`(i)` after `(h)`).
pub fn roman_under(letter: &str, text: &str) -> bool {
    let part = sub_label(text).and_then(|(label, _)| normalize_label(label, Some(letter)));
    part.is_some_and(|p| is_roman(&p) && !next_letter(letter, &p))
}

/// A Chinese section number and its title printed on one line (`一 内部司法系统`, where the other
/// languages print `I` and the title on lines of their own): the byte length of the number.
pub fn section_number_before_title(text: &str) -> Option<usize> {
    let (number, title) = text.split_once(' ')?;
    let chinese =
        !number.is_empty() && number.chars().count() <= 3 && number.chars().all(|c| "一二三四五六七八九十".contains(c));
    (chinese && !title.trim().is_empty()).then_some(number.len())
}

/// True for a roman numeral label (`i`, `ii`, `iv`), used to nest `(i)` under `(a)`.
pub fn is_roman(id_part: &str) -> bool {
    !id_part.is_empty() && id_part.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_numbers_as_each_language_prints_them() {
        for number in [
            "I",
            "B.",
            "Part I",
            "Section 29A",
            "Раздел 29С",
            "Раздел 29A",
            "Часть I",
            "第一编",
            "第35款",
            "第29A款",
            "عشرين",
            "حاديا وعشرين",
        ] {
            assert!(section_number(number), "{number}");
        }
        for text in
            ["Section 29 of the Charter", "Раздел 29 сметы на двухгодичный период", "第29款管理", "Ia", "عشرين دولارا"]
        {
            assert!(!section_number(text), "{text}");
        }
    }

    #[test]
    fn operative_numbers() {
        assert_eq!(operative("21. Encourages"), Some((21, 4)));
        assert_eq!(operative("21 - تشجع"), Some((21, 5)));
        assert_eq!(operative("2030 Agenda"), None);
    }

    #[test]
    fn labels_in_six_languages() {
        assert_eq!(normalize_label("(a)", None).as_deref(), Some("a"));
        assert_eq!(normalize_label("с)", Some("b")).as_deref(), Some("c"));
        assert_eq!(normalize_label("(أ)", None).as_deref(), Some("a"));
        assert_eq!(normalize_label("(ه)", None).as_deref(), Some("e"));
        assert_eq!(normalize_label("(ii)", Some("i")).as_deref(), Some("ii"));
        assert_eq!(normalize_label("(i)", Some("h")).as_deref(), Some("i"));
        assert_eq!(normalize_label("(bb)", Some("aa")).as_deref(), Some("bb"));
        // Chinese roman-numbered items: ㈣ and (十二).
        assert_eq!(sub_label("㈣ 酌情提供便利"), Some(("㈣", "㈣ ".len())));
        assert_eq!(normalize_label("㈣", Some("iii")).as_deref(), Some("iv"));
        assert_eq!(normalize_label("(十二)", Some("xi")).as_deref(), Some("xii"));
        // Arabic roman-numbered items: ’4‘.
        assert_eq!(sub_label("’4‘ النقل القسري"), Some(("’4‘", "’4‘ ".len())));
        assert_eq!(normalize_label("’4‘", Some("iii")).as_deref(), Some("iv"));
        assert_eq!(normalize_label("(ii)", Some("hh")).as_deref(), Some("ii"));
        assert!(next_letter("kk", "ll") && !next_letter("k", "ll"));
        assert!(next_letter("k", "l") && next_letter("h", "i") && !next_letter("i", "ii") && !next_letter("a", "c"));
        assert_eq!(sub_label("(b) INTERPOL databases"), Some(("b", 4)));
        assert_eq!(sub_label("a) Le système"), Some(("a", 3)));
        assert_eq!(sub_label("(INTERPOL) is"), None);
        // Full-width parentheses, as some Chinese versions print them.
        assert_eq!(sub_label("（a） 国际刑警组织"), Some(("a", "（a） ".len())));
        assert_eq!(normalize_label("（b）", Some("a")).as_deref(), Some("b"));
    }
}
