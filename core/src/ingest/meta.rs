//! Metadata as printed in a resolution's header and closing lines: dates in the official
//! languages, session ordinals, agenda items, draft symbols, plenary meeting numbers.

use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [(&str, u32); 48] = [
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
];

static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(\d{1,2})(?:er)?\s+(?:de\s+)?(\p{L}+)\s+(?:de\s+)?(\d{4})(?-u:\b)").unwrap()
});
static MONTH_DAY_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(\p{L}+)\s+(\d{1,2}),\s+(\d{4})(?-u:\b)").unwrap());
static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?-u:\b)(\d{4})-(\d{2})-(\d{2})(?-u:\b)").unwrap());
/// "6 كانون الأول/ديسمبر 2024": the month is the word before the year (after the slash).
static ARABIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{1,2})\s+(?:[\u{600}-\u{6ff} ]+/)?([\u{600}-\u{6ff}]+)\s+(\d{4})").unwrap());
const ARABIC_MONTHS: [(&str, u32); 14] = [
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("مايو", 5),
    ("يونيه", 6),
    ("يونيو", 6),
    ("يوليه", 7),
    ("يوليو", 7),
    ("أغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
];
static CJK_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日").unwrap());

/// The first date in `s`, as ISO 8601: "6 December 2024", "27 novembre 2025",
/// "6 de diciembre de 2024", "6 декабря 2024 года", "2016年11月21日", "December 6, 2024".
pub fn find_date(s: &str) -> Option<String> {
    let iso = |y: &str, m: u32, d: &str| {
        let d: u32 = d.parse().ok()?;
        (1..=31).contains(&d).then(|| format!("{y}-{m:02}-{d:02}"))
    };
    if let Some(c) = ISO_DATE.captures(s) {
        return iso(&c[1], c[2].parse().ok()?, &c[3]);
    }
    if let Some(c) = CJK_DATE.captures(s) {
        return iso(&c[1], c[2].parse().ok()?, &c[3]);
    }
    for c in ARABIC_DATE.captures_iter(s) {
        if let Some(&(_, m)) = ARABIC_MONTHS.iter().find(|(n, _)| *n == &c[2]) {
            return iso(&c[3], m, &c[1]);
        }
    }
    let month = |name: &str| {
        let lower = name.to_lowercase();
        MONTHS.iter().find(|(n, _)| *n == lower).map(|&(_, m)| m)
    };
    for c in DAY_MONTH_YEAR.captures_iter(s) {
        if let Some(m) = month(&c[2]) {
            return iso(&c[3], m, &c[1]);
        }
    }
    for c in MONTH_DAY_YEAR.captures_iter(s) {
        if let Some(m) = month(&c[1]) {
            return iso(&c[3], m, &c[2]);
        }
    }
    None
}

/// The whole of `s` is a date line (used to lift a dateline out of a page's paragraphs).
pub fn is_date_line(s: &str) -> bool {
    let t = s.trim();
    t.len() < 40 && find_date(t).is_some() && !t.ends_with(['.', ',', ';'])
}

static EN_SESSION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^([a-z]+)(?:-([a-z]+))?\s+session$").unwrap());
static ZH_SESSION: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^第([〇一二三四五六七八九十百]+)届会议$").unwrap());

/// A session line: "Seventy-ninth session" → 79, "第七十一届会议" → 71.
pub fn session(line: &str) -> Option<u32> {
    let t = line.trim();
    if let Some(c) = ZH_SESSION.captures(t) {
        return chinese_number(&c[1]);
    }
    let c = EN_SESSION.captures(t)?;
    let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let units = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];
    let ord_tens = [
        "",
        "tenth",
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
    ];
    let first = c[1].to_ascii_lowercase();
    match c.get(2) {
        Some(second) => {
            let t = tens.iter().position(|x| !x.is_empty() && *x == first)?;
            let u = units.iter().position(|x| !x.is_empty() && *x == second.as_str().to_ascii_lowercase())?;
            Some((t * 10 + u) as u32)
        }
        None => units
            .iter()
            .position(|x| !x.is_empty() && *x == first)
            .or_else(|| ord_tens.iter().position(|x| !x.is_empty() && *x == first).map(|t| t * 10))
            .map(|n| n as u32),
    }
}

/// A Chinese numeral up to 999: 七十一 → 71, 一百 → 100.
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c).map(|d| d as u32);
    let mut total = 0;
    let mut current = 0;
    for c in s.chars() {
        match c {
            '十' => {
                total += current.max(1) * 10;
                current = 0;
            }
            '百' => {
                total += current.max(1) * 100;
                current = 0;
            }
            _ => current = digit(c)?,
        }
    }
    Some(total + current)
}

static AGENDA: LazyLock<Regex> = LazyLock::new(|| {
    // Arabic prints doubled letters apart, "(ل ل)", and wraps numbers in direction marks.
    let marks = r"[\s\u{200e}\u{200f}]*";
    let item = format!(r"\d+{marks}(?:\(\p{{L}}\s?\p{{L}}?\)|\p{{L}}{{1,2}}\))?");
    let and = r"\s*(?:and|et|y|и|和|و)\s*";
    let words = r"agenda items?|议程项目|points?|temas?|пункты?|البندان|البند";
    Regex::new(&format!(r"(?i)^(?:{words}){marks}({item}(?:{and}{item})?)")).unwrap()
});

/// An agenda item in one form for every language: "125\u{a0}y)" → "125 (y)",
/// "98 ll)" → "98 (ll)", "13 и 75 a)" → "13 и 75 (a)".
pub fn normalize_agenda(item: &str) -> String {
    static LETTER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(\d+)\s*(\p{L}{1,2})\)").unwrap());
    let item: String =
        item.chars().filter(|c| !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}')).collect();
    LETTER.replace_all(&crate::fold::collapse_space(&item), "$1 ($2)").into_owned()
}

/// "Agenda item 125 (y)" → "125 (y)"; "议程项目 126" → "126"; "Пункт 125 y) повестки дня",
/// "Tema 125 y) del programa" → "125 (y)"; "البند 125 (ذ) من جدول الأعمال" → "125 (ذ)".
pub fn agenda_item(line: &str) -> Option<String> {
    AGENDA.captures(line.trim()).map(|c| normalize_agenda(c[1].trim()))
}

static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|(?-u:\b))(\d+)\s?(?:st|nd|rd|th|e|a|ª|ᵉ|[-‑][eе])?\s+(?:\(\p{L}+\)\s+)?(?:plenary meeting|séance plénière|sesión plenaria|пленарное заседание)|第\s*(\d+)\s*次全体会议|الجلسة العامة\s*(?:\(\p{L}+\)\s*)?(\d+)").unwrap()
});

/// A closing line that is a meeting line, not a sentence that names a meeting ("… for hosting
/// the 2025 plenary meeting …"): the meeting opens a short line.
pub fn meeting_line(line: &str) -> Option<u32> {
    let t = line.trim();
    if let Some(n) = arabic_meeting_in_words(t) {
        return Some(n);
    }
    let c = MEETING.captures(t)?;
    (c.get(0)?.start() == 0 && t.chars().count() <= 60).then(|| meeting_number(&c)).flatten()
}

/// The first meetings of a session as Arabic prints them, the number in words:
/// "الجلسة العامة الثالثة" (the third plenary meeting) → 3.
fn arabic_meeting_in_words(line: &str) -> Option<u32> {
    const ORDINALS: [&str; 10] =
        ["الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة"];
    let word = line.strip_prefix("الجلسة العامة")?.trim();
    ORDINALS.iter().position(|o| *o == word).map(|i| i as u32 + 1)
}

/// "48th plenary meeting", "第 48 次全体会议", "48‑е пленарное заседание", "الجلسة العامة 48" → 48.
pub fn meeting(line: &str) -> Option<u32> {
    arabic_meeting_in_words(line.trim()).or_else(|| meeting_number(&MEETING.captures(line)?))
}

fn meeting_number(c: &regex::Captures) -> Option<u32> {
    c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?.as_str().parse().ok()
}

static DRAFT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z]/\d+/L\.\d+(?:/Rev\.\d+)?)(?:\s*(?:和|and|et|y)\s*(Add\.\d+))?\)").unwrap());
/// A committee's report as printed in the draft line: "(A/79/458/Add.3, para. 30)".
static REPORT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\((A/\d+/\d+[^()]*)\)\]?\s*$").unwrap());

/// "[without reference to a Main Committee (A/79/L.17)]" → "A/79/L.17";
/// "(A/71/L.17和Add.1)" → "A/71/L.17 and Add.1".
pub fn draft(line: &str) -> Option<String> {
    let Some(c) = DRAFT.captures(line) else {
        let t = line.trim();
        return (t.starts_with('[') && t.ends_with(']')).then(|| REPORT.captures(t)).flatten().map(|c| c[1].to_owned());
    };
    Some(match c.get(2) {
        Some(add) => format!("{} and {}", &c[1], add.as_str()),
        None => c[1].to_owned(),
    })
}

static NUMBER_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})/(\d{1,4})(?:(?:\.\s*|\s*[-–]\s+|\s+)(.+)|\.)$").unwrap());

/// The line that opens a General Assembly resolution: "79/136. Cooperation …" → symbol and title.
/// Arabic prints the number without its full stop: "79/136 التعاون …". The number alone with its
/// full stop ("79/309.", as the Russian XML of that resolution has it) gives no title.
pub fn number_and_title(line: &str) -> Option<(String, Option<String>)> {
    let c = NUMBER_TITLE.captures(line.trim())?;
    Some((format!("A/RES/{}/{}", &c[1], &c[2]), c.get(3).map(|t| title_text(t.as_str()).to_owned())))
}

/// A resolution's title without the dash Arabic prints between number and title
/// ("79/100 – مسألة أنغويلا"): the text and XML readers both take it off.
pub fn title_text(title: &str) -> &str {
    title.trim().trim_start_matches(['–', '-', '—']).trim_start()
}

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^A/RES/(?:ES-\d{1,2}/|S-\d{1,2}/)?\d{1,3}/\d{1,4}(?:\s?[A-Z](?:-[A-Z])?)?$").unwrap()
});

/// A header line that is a resolution's symbol alone, as the UN prints it at the top right of
/// the first page in every language: "A/RES/77/20".
pub fn symbol_line(line: &str) -> Option<String> {
    let t = line.trim();
    SYMBOL.is_match(t).then(|| t.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_official_languages() {
        assert_eq!(find_date("6 December 2024").as_deref(), Some("2024-12-06"));
        assert_eq!(find_date("27 novembre 2025").as_deref(), Some("2025-11-27"));
        assert_eq!(find_date("2016年11月21日大会决议").as_deref(), Some("2016-11-21"));
        assert_eq!(find_date("2016 年 11 月 21 日").as_deref(), Some("2016-11-21"));
        assert_eq!(find_date("6 de diciembre de 2024").as_deref(), Some("2024-12-06"));
        assert_eq!(find_date("6 декабря 2024 года").as_deref(), Some("2024-12-06"));
        assert_eq!(find_date("December 6, 2024").as_deref(), Some("2024-12-06"));
        assert_eq!(find_date("في 17 كانون الأول/ديسمبر 2024").as_deref(), Some("2024-12-17"));
        assert_eq!(find_date("6 حزيران/يونيه 2025").as_deref(), Some("2025-06-06"));
        assert_eq!(find_date("in 2018 and 2019"), None);
    }

    #[test]
    fn sessions() {
        assert_eq!(session("Seventy-ninth session"), Some(79));
        assert_eq!(session("Eightieth session"), Some(80));
        assert_eq!(session("第七十一届会议"), Some(71));
        assert_eq!(session("第八十届会议"), Some(80));
    }

    #[test]
    fn header_lines() {
        assert_eq!(agenda_item("Agenda item 125 (y)").as_deref(), Some("125 (y)"));
        assert_eq!(agenda_item("议程项目 126").as_deref(), Some("126"));
        assert_eq!(meeting("48th plenary meeting"), Some(48));
        assert_eq!(meeting("第 48 次全体会议"), Some(48));
        assert_eq!(meeting("39\u{2011}е пленарное заседание"), Some(39));
        assert_eq!(meeting("الجلسة العامة 48"), Some(48));
        assert_eq!(meeting("48ª sesión plenaria"), Some(48));
        assert_eq!(meeting("55th (resumed) plenary meeting"), Some(55));
        assert_eq!(meeting_line("55th (resumed) plenary meeting"), Some(55));
        assert_eq!(meeting_line("and for hosting the 2025 plenary meeting in Dubai,"), None);
        assert_eq!(meeting("55-е (возобновленное) пленарное заседание"), Some(55));
        assert_eq!(meeting("الجلسة العامة (المستأنفة) 55"), Some(55));
        assert_eq!(meeting_line("الجلسة العامة الثالثة"), Some(3));
        assert_eq!(meeting("الجلسة العامة العاشرة"), Some(10));
        assert_eq!(meeting_line("الجلسة العامة الثالثة عشرة للفريق"), None);
        assert_eq!(meeting("第55次全体会议(续会)"), Some(55));
        assert_eq!(draft("[without reference to a Main Committee (A/79/L.17)]").as_deref(), Some("A/79/L.17"));
        assert_eq!(draft("[未经发交主要委员会而通过(A/71/L.17和Add.1)]").as_deref(), Some("A/71/L.17 and Add.1"));
        let report = draft("[on the report of the Third Committee (A/79/458/Add.3, para. 30)]");
        assert_eq!(report.as_deref(), Some("A/79/458/Add.3, para. 30"));
        assert_eq!(agenda_item("Пункт 71 c) повестки дня").as_deref(), Some("71 (c)"));
        assert_eq!(agenda_item("Agenda item 98 (oo)").as_deref(), Some("98 (oo)"));
        assert_eq!(agenda_item("Agenda items 13 and 75 (a)").as_deref(), Some("13 and 75 (a)"));
        assert_eq!(normalize_agenda("13 и 75 a)"), "13 и 75 (a)");
        assert_eq!(agenda_item("البند 71 (ج) من جدول الأعمال").as_deref(), Some("71 (ج)"));
        assert_eq!(symbol_line(" A/RES/77/20 ").as_deref(), Some("A/RES/77/20"));
        assert_eq!(symbol_line("A/RES/77/20 and 79/136"), None);
        assert_eq!(symbol_line("A/RES/79/93 A-B").as_deref(), Some("A/RES/79/93 A-B"));
        let dashed = number_and_title("75/10. - التعاون بين الأمم المتحدة");
        assert_eq!(dashed.and_then(|(_, t)| t).as_deref(), Some("التعاون بين الأمم المتحدة"));
        let arabic = number_and_title("79/136 التعاون بين الأمم المتحدة");
        assert_eq!(arabic, Some(("A/RES/79/136".into(), Some("التعاون بين الأمم المتحدة".into()))));
        assert_eq!(number_and_title("79/309."), Some(("A/RES/79/309".into(), None)));
        assert_eq!(number_and_title("79/309"), None);
    }
}
