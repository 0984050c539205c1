//! Short references — `71/19`, `2019/19`, `2396 (2017)`, `60/519` — that count only when a
//! word near them says what they are: "resolution(s)", "décision", "resolución", "резолюция",
//! "قرار", "号决议"; and the organ named before that word (Economic and Social Council,
//! Security Council, Human Rights Council) decides the series.

use crate::ingest::inline::Link;
use crate::model::Reference;
use regex::Regex;
use std::sync::LazyLock;

// Written without `(?i)` and capture groups: both kept the regex engine off its fast DFA
// path and made this the slowest step of ingest (see BENCHMARKS.md).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d{1,4}/\d{1,4}|\d{1,4}\s*\(\d{4}\)").unwrap());
static RESOLUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:[Rr]esolutions?|[Rr]ésolutions?|[Rr]esoluci(?:ón|on|ones))(?-u:\b)",
        r"|[Рр]езолюци[а-яё]*|ال?قرار[\x{0600}-\x{06FF}]*",
    ))
    .unwrap()
});
static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?-u:\b)(?:[Dd]ecisions?|[Dd]écisions?|[Dd]ecisi(?:ón|ones))(?-u:\b)",
        r"|[Рр]ешени[а-яё]*|ال?مقرر[\x{0600}-\x{06FF}]*",
    ))
    .unwrap()
});
static ZH_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\s\d/号、和及与第]*?号\s*(?:[\s\d/号、和及与第]*?)(?:决议|决定)").unwrap());

#[derive(Clone, Copy, PartialEq, Eq)]
enum Word {
    Resolution,
    Decision,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Organ {
    Ecosoc,
    SecurityCouncil,
    HumanRights,
}

const ORGANS: [(&str, Organ); 18] = [
    ("Economic and Social Council", Organ::Ecosoc),
    ("Conseil économique et social", Organ::Ecosoc),
    ("Consejo Económico y Social", Organ::Ecosoc),
    ("Экономического и Социального Совета", Organ::Ecosoc),
    ("المجلس الاقتصادي والاجتماعي", Organ::Ecosoc),
    ("经济及社会理事会", Organ::Ecosoc),
    ("Security Council", Organ::SecurityCouncil),
    ("Conseil de sécurité", Organ::SecurityCouncil),
    ("Consejo de Seguridad", Organ::SecurityCouncil),
    ("Совета Безопасности", Organ::SecurityCouncil),
    ("مجلس الأمن", Organ::SecurityCouncil),
    ("安全理事会", Organ::SecurityCouncil),
    ("Human Rights Council", Organ::HumanRights),
    ("Conseil des droits de l’homme", Organ::HumanRights),
    ("Consejo de Derechos Humanos", Organ::HumanRights),
    ("Совета по правам человека", Organ::HumanRights),
    ("مجلس حقوق الإنسان", Organ::HumanRights),
    ("人权理事会", Organ::HumanRights),
];

/// How far before a number its keyword may stand (bytes), within one clause.
const WINDOW: usize = 300;

pub fn short_numbers(text: &str, links: &[Link]) -> Vec<Reference> {
    let mut keywords: Vec<(usize, usize, Word)> = RESOLUTION
        .find_iter(text)
        .map(|m| (m.start(), m.end(), Word::Resolution))
        .chain(DECISION.find_iter(text).map(|m| (m.start(), m.end(), Word::Decision)))
        .collect();
    keywords.sort_unstable_by_key(|k| (k.0, k.1));
    NUMBER
        .find_iter(text)
        .filter_map(|m| {
            if !standalone(text, m.start(), m.end()) {
                return None;
            }
            let in_link = links.iter().any(|l| l.span.0 <= m.start() && m.end() <= l.span.1);
            let (word, organ) =
                context(text, m.start(), m.end(), &keywords).or(in_link.then_some((Word::Resolution, None)))?;
            let target = match m.as_str().split_once('/') {
                Some((a, b)) => slash_target(a, b, word, organ)?,
                None if word == Word::Resolution => {
                    let (n, year) = m.as_str().split_once('(')?;
                    format!("S/RES/{}({}", n.trim_end(), year)
                }
                None => return None,
            };
            Some(Reference { kind: super::classify(&target), target, span: [m.start(), m.end()] })
        })
        .collect()
}

/// Not part of a longer token: `I-24/7`, `A/79/L.17`, `1/2/3` are not short references.
fn standalone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let bad_before = before.is_some_and(|c| {
        (c.is_alphanumeric() && !crate::ingest::draft::is_cjk(c)) || matches!(c, '/' | '-' | '.' | '‑')
    });
    let bad_after = after.is_some_and(|c| c.is_ascii_alphanumeric() || c == '/');
    !bad_before && !bad_after
}

fn slash_target(a: &str, b: &str, word: Word, organ: Option<Organ>) -> Option<String> {
    let year_series = a.len() == 4;
    Some(match (organ, word, year_series) {
        (Some(Organ::Ecosoc), Word::Resolution, _) | (None, Word::Resolution, true) => {
            format!("E/RES/{a}/{b}")
        }
        (Some(Organ::Ecosoc), Word::Decision, _) | (None, Word::Decision, true) => {
            format!("E/DEC/{a}/{b}")
        }
        (Some(Organ::HumanRights), Word::Resolution, _) => format!("A/HRC/RES/{a}/{b}"),
        (Some(Organ::HumanRights), Word::Decision, _) => format!("A/HRC/DEC/{a}/{b}"),
        (Some(Organ::SecurityCouncil), _, _) => return None,
        (_, Word::Resolution, false) => format!("A/RES/{a}/{b}"),
        (_, Word::Decision, false) => format!("A/DEC/{a}/{b}"),
    })
}

/// The keyword that governs a number: the nearest one before it in the same clause, or a
/// Chinese 号决议 after it; with the organ named just before that keyword.
fn context(text: &str, start: usize, end: usize, keywords: &[(usize, usize, Word)]) -> Option<(Word, Option<Organ>)> {
    if let Some(m) = ZH_AFTER.find(&text[end..]) {
        let word = if m.as_str().ends_with("决议") { Word::Resolution } else { Word::Decision };
        return Some((word, organ_before(text, start)));
    }
    let &(k_start, k_end, word) = keywords.iter().rev().find(|k| k.1 <= start)?;
    let gap = &text[k_end..start];
    if gap.len() > WINDOW || gap.contains([';', '；', '。']) || gap.contains(". ") {
        return None;
    }
    Some((word, organ_before(text, k_start)))
}

fn organ_before(text: &str, at: usize) -> Option<Organ> {
    let mut from = at.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let window = &text[from..at];
    ORGANS.iter().filter_map(|(name, o)| window.rfind(name).map(|i| (i, *o))).max_by_key(|(i, _)| *i).map(|(_, o)| o)
}
