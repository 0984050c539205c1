//! Identifiers that carry meaning: a document, a language, a paragraph.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A document's identifier: the UN symbol (`A/RES/79/136`) or a file stem (`interpol-un-resolutions`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(pub String);

impl DocId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A BCP 47 language tag, lower case: `en`, `fr`, `zh`, `ar`, `ru`, `es`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Lang(pub String);

impl Lang {
    pub fn new(tag: &str) -> Lang {
        Lang(tag.to_ascii_lowercase())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the language is written right to left (Arabic, Hebrew, Persian, Urdu), with or
    /// without a region (`ar-EG`): the front ends set the direction of its text from this.
    pub fn is_rtl(&self) -> bool {
        let primary = self.0.split(['-', '_']).next().unwrap_or_default();
        ["ar", "he", "fa", "ur"].iter().any(|l| primary.eq_ignore_ascii_case(l))
    }

    /// The six official languages of the United Nations, in the UN's order.
    pub const OFFICIAL: [&'static str; 6] = ["ar", "zh", "en", "fr", "ru", "es"];
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A paragraph id as negotiators cite it: `pp5`, `op21`, `op21.b`, `op3.a.ii`, `fn4`, `art1`,
/// `h2`, `p7`, `li3`. Always ASCII; stable across the language versions of one document.
///
/// A paragraph of a resolution's part (`b.op3`: "79/93 B, para. 3") or annex (`annex.op12`,
/// `annex2.h1`: "annex II") carries its [`Scope`] before it: each part and annex numbers its
/// paragraphs anew. Footnotes are numbered through the whole document and never scoped.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ParaId(String);

impl ParaId {
    /// An id as a bundle stored it, taken as it is (the bundle was written from ids made here).
    pub(crate) fn stored(id: String) -> ParaId {
        ParaId(id)
    }

    pub fn preambular(n: u32) -> ParaId {
        ParaId(format!("pp{n}"))
    }
    pub fn operative(n: u32) -> ParaId {
        ParaId(format!("op{n}"))
    }
    pub fn footnote(n: u32) -> ParaId {
        ParaId(format!("fn{n}"))
    }
    pub fn article(n: u32) -> ParaId {
        ParaId(format!("art{n}"))
    }
    pub fn heading(n: u32) -> ParaId {
        ParaId(format!("h{n}"))
    }
    pub fn body(n: u32) -> ParaId {
        ParaId(format!("p{n}"))
    }
    pub fn list_item(n: u32) -> ParaId {
        ParaId(format!("li{n}"))
    }

    /// A subdivision of this paragraph: `op21` + `b` → `op21.b`.
    #[must_use]
    pub fn child(&self, label: &str) -> ParaId {
        ParaId(format!("{}.{label}", self.0))
    }

    /// This id inside a part or an annex: `op3` in part B → `b.op3`.
    #[must_use]
    pub fn within(&self, scope: &Scope) -> ParaId {
        ParaId(format!("{scope}.{}", self.0))
    }

    /// This id inside a section that numbers its paragraphs anew: `op3` in section VI →
    /// `sec6.op3`; `key` is the section's number, then its letter (`1a`: section I.A).
    #[must_use]
    pub fn in_section(&self, key: &str) -> ParaId {
        ParaId(format!("sec{key}.{}", self.0))
    }

    /// The section key and the rest of an id inside a section: `sec6.op3` → (`6`, `op3`).
    pub fn section(&self) -> Option<(&str, &str)> {
        split_section(self.unscoped())
    }

    /// How many subdivisions deep the paragraph is, whatever part, annex, section or article
    /// holds it: `op21` → 0, `op21.b` → 1, `annex.art2.op1.a.ii` → 2.
    pub fn depth(&self) -> usize {
        let own = self.section().map_or(self.unscoped(), |(_, rest)| rest);
        let own = match own.split_once('.') {
            Some((art, rest)) if art.starts_with("art") && art[3..].bytes().all(|b| b.is_ascii_digit()) => rest,
            _ => own,
        };
        own.matches('.').count()
    }

    /// This id inside article `n` of an annexed convention: `op1` → `art2.op1`.
    #[must_use]
    pub fn in_article(&self, n: u32) -> ParaId {
        ParaId(format!("art{n}.{}", self.0))
    }

    /// The part or annex the paragraph belongs to, if any: `annex2.op3` → `annex2`.
    pub fn scope(&self) -> Option<Scope> {
        let (first, _) = self.0.split_once('.')?;
        Scope::parse(first)
    }

    /// The id within its part or annex: `b.op3.a` → `op3.a`.
    pub fn unscoped(&self) -> &str {
        match self.scope() {
            Some(_) => self.0.split_once('.').map_or(self.0.as_str(), |(_, rest)| rest),
            None => &self.0,
        }
    }

    /// The paragraph this one subdivides: `op21.b` → `op21`, `b.op3.a` → `b.op3`.
    pub fn parent(&self) -> Option<ParaId> {
        let own = self.section().map_or(self.unscoped(), |(_, rest)| rest);
        if !own.contains('.') {
            return None;
        }
        self.0.rsplit_once('.').map(|(p, _)| ParaId(p.to_owned()))
    }

    /// Parses an id as a user types it (`OP21.b`, `op21(b)`, `Annex.op3` are accepted and
    /// normalized).
    pub fn parse(input: &str) -> Option<ParaId> {
        let lower = input.trim().to_ascii_lowercase();
        let normalized = lower.replace('(', ".").replace(')', "");
        let mut own = match normalized.split_once('.') {
            Some((first, rest)) if Scope::parse(first).is_some() => rest,
            _ => normalized.as_str(),
        };
        // A section that numbers its paragraphs anew: `sec6.op3`.
        if let Some((_, rest)) = split_section(own) {
            own = rest;
        }
        let prefix_len = own.bytes().take_while(u8::is_ascii_lowercase).count();
        let (prefix, rest) = own.split_at(prefix_len);
        let known = ["pp", "op", "fn", "art", "h", "p", "li"];
        let mut parts = rest.split('.');
        let number_ok = parts.next().is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let labels_ok = parts.all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric()));
        (known.contains(&prefix) && number_ok && labels_ok).then_some(ParaId(normalized))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `sec6.op3` → (`6`, `op3`): a section's key (digits and letters) and the id inside it.
fn split_section(id: &str) -> Option<(&str, &str)> {
    let (first, rest) = id.split_once('.')?;
    let key = first.strip_prefix("sec")?;
    (!key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric())).then_some((key, rest))
}

/// Where a paragraph sits when not in the resolution's own text: a part of a resolution
/// adopted in parts (`79/93 B`), or an annex (`annex` when the resolution has one, `annex2`
/// for "Annex II").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// The part's letter, as printed (`A`, `B`).
    Part(char),
    /// The annex's number; `None` for a resolution's only annex, printed "Annex".
    Annex(Option<u32>),
}

impl Scope {
    /// `b` → part B, `annex` → the annex, `annex2` → annex II.
    pub fn parse(s: &str) -> Option<Scope> {
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return c.is_ascii_alphabetic().then(|| Scope::Part(c.to_ascii_uppercase()));
        }
        let number = s.strip_prefix("annex")?;
        match number {
            "" => Some(Scope::Annex(None)),
            n if n.bytes().all(|b| b.is_ascii_digit()) && !n.starts_with('0') => {
                n.parse().ok().map(|n| Scope::Annex(Some(n)))
            }
            _ => None,
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Part(letter) => write!(f, "{}", letter.to_ascii_lowercase()),
            Scope::Annex(None) => f.write_str("annex"),
            Scope::Annex(Some(n)) => write!(f, "annex{n}"),
        }
    }
}

impl fmt::Display for ParaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_accepts_what_users_type() {
        assert_eq!(ParaId::parse("OP21(b)").unwrap().as_str(), "op21.b");
        assert_eq!(ParaId::parse("pp5").unwrap(), ParaId::preambular(5));
        assert_eq!(ParaId::parse("op3.a.ii").unwrap(), ParaId::operative(3).child("a").child("ii"));
        assert!(ParaId::parse("zz3").is_none());
        assert!(ParaId::parse("op").is_none());
        assert!(ParaId::parse("op3.").is_none());
    }

    #[test]
    fn parent_of_subparagraph() {
        assert_eq!(ParaId::operative(21).child("b").parent(), Some(ParaId::operative(21)));
        assert_eq!(ParaId::operative(21).parent(), None);
    }

    #[test]
    fn scoped_ids_keep_their_scope_apart_from_their_labels() {
        let part = Scope::Part('B');
        let id = ParaId::operative(3).child("a").within(&part);
        assert_eq!(id.as_str(), "b.op3.a");
        assert_eq!(id.scope(), Some(part));
        assert_eq!(id.unscoped(), "op3.a");
        assert_eq!(id.parent(), Some(ParaId::operative(3).within(&part)));
        assert_eq!(ParaId::operative(3).within(&part).parent(), None);
        let annex = ParaId::heading(1).within(&Scope::Annex(Some(2)));
        assert_eq!(annex.as_str(), "annex2.h1");
        assert_eq!(annex.scope(), Some(Scope::Annex(Some(2))));
        assert_eq!(ParaId::parse("Annex.OP12(b)").unwrap().as_str(), "annex.op12.b");
        assert_eq!(ParaId::parse("B.op3").unwrap(), ParaId::operative(3).within(&part));
        assert_eq!(ParaId::operative(21).child("b").scope(), None);
        let sec = ParaId::operative(3).child("a").in_section("6").within(&part);
        assert_eq!(sec.as_str(), "b.sec6.op3.a");
        assert_eq!(sec.section(), Some(("6", "op3.a")));
        assert_eq!(sec.parent().unwrap().as_str(), "b.sec6.op3");
        assert_eq!(ParaId::operative(3).in_section("1a").parent(), None);
        assert_eq!(ParaId::parse("sec1a.OP3").unwrap().as_str(), "sec1a.op3");
        let deep = ParaId::operative(1).child("a").child("ii").in_article(2).within(&Scope::Annex(None));
        assert_eq!(
            (deep.depth(), sec.depth(), ParaId::operative(21).depth(), ParaId::article(2).depth()),
            (2, 1, 0, 0)
        );
        for bad in ["annex.zz3", "annex0.op1", "annex", "bb.op1", "b.", "annexx.op1", "sec.op1", "sec6.zz1"] {
            assert!(ParaId::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn right_to_left_languages_with_or_without_a_region() {
        for rtl in ["ar", "AR", "ar-EG", "he", "fa", "ur-PK"] {
            assert!(Lang(rtl.into()).is_rtl(), "{rtl}");
        }
        for ltr in ["en", "zh", "ru", "fr", "es", "art", ""] {
            assert!(!Lang(ltr.into()).is_rtl(), "{ltr}");
        }
    }
}
