//! References printed in full: UN symbols, INTERPOL resolution numbers, *Treaty Series*
//! volumes; and the targets named by links.

use crate::ingest::inline::Link;
use crate::model::{RefKind, Reference};
use regex::Regex;
use std::sync::LazyLock;

static SYMBOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Z]{1,6}(?:/[A-Za-z0-9.\-]*[A-Za-z0-9])+(?:\s*\(\d{4}\))?").unwrap());
static INTERPOL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)GA-\d{4}-\d{1,3}-RES-\d{1,3}(?-u:\b)").unwrap());
static TREATY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:Treaty Series|Recueil des Traités),?\s*vol\.\s*\d+,\s*(?:No\.?|núm\.|n[°ºo]\.?)\s*\d+",
        r"|《条约汇编》，?\s*第\s*\d+\s*卷，?\s*第\s*\d+\s*号",
        r"|المجلد\s*\d+،?\s*(?:الرقم|رقم)\s*\d+",
    ))
    .unwrap()
});

/// The kind of instrument a normalized UN symbol names.
pub fn classify(symbol: &str) -> RefKind {
    if symbol.starts_with("A/RES/") {
        RefKind::GaResolution
    } else if symbol.starts_with("A/DEC/") {
        RefKind::GaDecision
    } else if symbol.starts_with("S/RES/") {
        RefKind::ScResolution
    } else if symbol.starts_with("E/RES/") {
        RefKind::EcosocResolution
    } else if symbol.starts_with("GA-") {
        RefKind::InterpolResolution
    } else if symbol.starts_with("UNTS/") {
        RefKind::Treaty
    } else {
        RefKind::Document
    }
}

fn reference(target: String, start: usize, end: usize) -> Reference {
    Reference { kind: classify(&target), target, span: [start, end] }
}

/// The symbol a link names: `https://undocs.org/en/A/RES/51/1` → `A/RES/51/1`.
pub fn from_link(text: &str, link: &Link) -> Option<Reference> {
    let (_, path) = link.href.split_once("undocs.org/")?;
    let path = path.split(['?', '#']).next()?;
    let symbol = match path.split_once('/') {
        Some((lang, rest)) if lang.len() <= 3 && lang.chars().all(|c| c.is_ascii_lowercase()) => rest,
        _ => path,
    };
    let mut symbol: String = symbol.chars().filter(|c| !c.is_whitespace()).collect();
    // `A/CONF.192/15(supp)`: the link names a supplement the text does not print.
    if !symbol.starts_with("S/RES/") {
        if let Some(i) = symbol.find('(') {
            symbol.truncate(i);
        }
    }
    let printed = text.get(link.span.0..link.span.1)?;
    if symbol.is_empty() {
        return None;
    }
    Some(reference(printed_number_wins(symbol, printed), link.span.0, link.span.1))
}

/// The link's symbol with its number as the text prints it, where the two disagree: the
/// printed text is the official one (the UN's English XML of 77/20 links `2019/20` to
/// `E/RES/2020/20`).
fn printed_number_wins(symbol: String, printed: &str) -> String {
    let numbers = |s: &str| s.split('/').all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let printed = printed.trim();
    let Some((a, b)) = printed.split_once('/').filter(|_| numbers(printed)) else { return symbol };
    let mut parts: Vec<&str> = symbol.split('/').collect();
    let n = parts.len();
    if n < 3 || !numbers(&format!("{}/{}", parts[n - 2], parts[n - 1])) || (parts[n - 2], parts[n - 1]) == (a, b) {
        return symbol;
    }
    parts[n - 2] = a;
    parts[n - 1] = b;
    parts.join("/")
}

pub fn treaties(text: &str) -> impl Iterator<Item = Reference> + '_ {
    TREATY.find_iter(text).filter_map(|m| {
        // The volume and the number are the first two runs of digits, in every language.
        let mut numbers = m.as_str().split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty());
        let (volume, number) = (numbers.next()?, numbers.next()?);
        Some(reference(format!("UNTS/{volume}/{number}"), m.start(), m.end()))
    })
}

pub fn interpol(text: &str) -> impl Iterator<Item = Reference> + '_ {
    INTERPOL.find_iter(text).map(|m| reference(m.as_str().to_owned(), m.start(), m.end()))
}

/// Symbols printed in full, `A/79/L.17` or `S/RES/2396 (2017)`.
pub fn full_symbols(text: &str) -> impl Iterator<Item = Reference> + '_ {
    SYMBOL.find_iter(text).filter_map(|m| {
        // Chinese text runs straight into a symbol ("及A/60/88"); Latin letters may not.
        let before = text[..m.start()].chars().next_back();
        if before.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '-' | '_')) {
            return None;
        }
        let raw = m.as_str().trim_end_matches(['.', '-']);
        if !raw.contains(|c: char| c.is_ascii_digit()) || raw.starts_with("GA-") {
            return None;
        }
        let year_suffix = raw.ends_with(')');
        if year_suffix && !raw.starts_with("S/RES/") {
            let bare = raw[..raw.rfind('(')?].trim_end();
            return Some(reference(bare.to_owned(), m.start(), m.start() + bare.len()));
        }
        let target: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        Some(reference(target, m.start(), m.start() + raw.len()))
    })
}
