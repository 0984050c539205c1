//! How the agreed language changed: two versions of a resolution in one language compared
//! paragraph by paragraph ([`align`]) and, where reworded, word by word ([`words`]).
//!
//! Each aligned pair is unchanged (the same words as search reads them: case, accents, footnote
//! marker numbers and the numbering of operative paragraphs are not changes of wording),
//! reworded, moved (paired across other paragraphs), added or removed. Every pair carries the
//! edits from the earlier text to the later one, so applying a comparison to the earlier
//! version gives the later one exactly. No I/O: documents in, a [`Comparison`] out.

pub mod align;
pub mod wire;
pub mod words;

use crate::analyze;
use crate::cite::citation;
use crate::model::{Document, Paragraph};
use serde::Serialize;
pub use words::Edit;

/// What became of a paragraph between two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    Unchanged,
    Reworded,
    Moved,
    Added,
    Removed,
}

impl Change {
    pub fn name(self) -> &'static str {
        match self {
            Change::Unchanged => "unchanged",
            Change::Reworded => "reworded",
            Change::Moved => "moved",
            Change::Added => "added",
            Change::Removed => "removed",
        }
    }

    /// The mark a plain-text diff puts before a paragraph.
    pub fn mark(self) -> char {
        match self {
            Change::Unchanged => ' ',
            Change::Reworded => '~',
            Change::Moved => '>',
            Change::Added => '+',
            Change::Removed => '-',
        }
    }
}

/// One side of a pair: which paragraph, as it is cited.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// Index of the paragraph in its document.
    #[serde(skip)]
    pub index: usize,
    pub para: String,
    pub cite: String,
}

/// One aligned pair of paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub change: Change,
    pub before: Option<Side>,
    pub after: Option<Side>,
    /// From the earlier text to the later one (all kept when unchanged, all deleted when
    /// removed, all inserted when added).
    pub words: Vec<Edit>,
}

/// How many pairs of each kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub unchanged: usize,
    pub reworded: usize,
    pub moved: usize,
    pub added: usize,
    pub removed: usize,
}

impl Summary {
    fn count(rows: &[Row]) -> Summary {
        let mut s = Summary::default();
        for r in rows {
            *match r.change {
                Change::Unchanged => &mut s.unchanged,
                Change::Reworded => &mut s.reworded,
                Change::Moved => &mut s.moved,
                Change::Added => &mut s.added,
                Change::Removed => &mut s.removed,
            } += 1;
        }
        s
    }
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} added, {} removed, {} reworded, {} moved, {} unchanged",
            self.added, self.removed, self.reworded, self.moved, self.unchanged
        )
    }
}

/// Which version of which document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    pub doc: String,
    pub lang: String,
    pub title: Option<String>,
    pub date: Option<String>,
}

impl Version {
    fn of(d: &Document) -> Version {
        Version { doc: d.doc.0.clone(), lang: d.lang.0.clone(), title: d.meta.title.clone(), date: d.meta.date.clone() }
    }
}

/// Two versions compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub before: Version,
    pub after: Version,
    pub summary: Summary,
    /// In the later version's order; a removed paragraph stands after the pair that precedes it
    /// in the earlier version.
    pub rows: Vec<Row>,
}

/// `before` and `after` compared paragraph by paragraph.
pub fn compare(before: &Document, after: &Document) -> Comparison {
    let paired = pair(&Analyzed::of(before), &Analyzed::of(after));
    assemble(before, after, paired)
}

/// What the comparison finds without the documents: each pair, what became of it, and its word
/// edits. The web explorer runs this part in a wasm of its own, fetched on the first comparison
/// (its diff code was 18 KB of the explorer's wasm, brotli), and gives [`assemble`] what comes
/// back.
#[derive(Debug, Clone, PartialEq)]
pub struct Paired {
    pub before: Option<usize>,
    pub after: Option<usize>,
    pub change: Change,
    pub words: Vec<Edit>,
}

/// The pairs of two analysed versions, in the later version's order (see [`align::align`]).
pub fn pair(old: &Analyzed, new: &Analyzed) -> Vec<Paired> {
    align::align(&old.terms, &new.terms)
        .into_iter()
        .map(|pair| {
            let change = match (pair.before, pair.after) {
                (Some(_), Some(_)) if pair.moved => Change::Moved,
                (Some(i), Some(j)) if old.terms[i] == new.terms[j] => Change::Unchanged,
                (Some(_), Some(_)) => Change::Reworded,
                (None, _) => Change::Added,
                (_, None) => Change::Removed,
            };
            let (old_text, old_spans) = old.at(pair.before);
            let (new_text, new_spans) = new.at(pair.after);
            Paired {
                before: pair.before,
                after: pair.after,
                change,
                words: words::edits_at(old_text, old_spans, new_text, new_spans),
            }
        })
        .collect()
}

/// The comparison of `before` and `after` from their pairs.
pub fn assemble(before: &Document, after: &Document, paired: Vec<Paired>) -> Comparison {
    let side = |d: &Document, i: usize| {
        let p: &Paragraph = &d.paragraphs[i];
        Side { index: i, para: p.id.to_string(), cite: citation(&d.doc, p) }
    };
    let rows: Vec<Row> = paired
        .into_iter()
        .map(|p| Row {
            change: p.change,
            before: p.before.map(|i| side(before, i)),
            after: p.after.map(|j| side(after, j)),
            words: p.words,
        })
        .collect();
    Comparison { before: Version::of(before), after: Version::of(after), summary: Summary::count(&rows), rows }
}

/// A version's paragraphs as the comparison reads them: each one's text, its terms through the
/// search analyzer (what alignment and the classes compare) and where its words stand (where
/// the word edits cut: byte spans, in order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analyzed {
    pub texts: Vec<String>,
    pub terms: Vec<Vec<String>>,
    pub spans: Vec<Vec<(usize, usize)>>,
}

impl Analyzed {
    pub fn of(d: &Document) -> Analyzed {
        let tokens: Vec<Vec<analyze::Token>> = d.paragraphs.iter().map(|p| analyze::tokens(&p.text)).collect();
        Analyzed {
            texts: d.paragraphs.iter().map(|p| p.text.clone()).collect(),
            spans: tokens.iter().map(|t| t.iter().map(|t| t.span).collect()).collect(),
            terms: tokens.into_iter().map(|t| t.into_iter().map(|t| t.term).collect()).collect(),
        }
    }

    /// The text and word spans of paragraph `i` (empty for none).
    fn at(&self, i: Option<usize>) -> (&str, &[(usize, usize)]) {
        i.map_or(("", &[]), |i| (self.texts[i].as_str(), self.spans[i].as_slice()))
    }
}

impl Comparison {
    /// The later version's paragraph texts, made from the earlier version's texts and the edits
    /// alone: what the comparison claims the later version is.
    pub fn apply(&self, before: &Document) -> Result<Vec<String>, String> {
        let mut out = Vec::new();
        for row in &self.rows {
            let old = row.before.as_ref().map_or("", |s| before.paragraphs.get(s.index).map_or("", |p| &p.text));
            if words::before(&row.words) != old {
                return Err(format!("the edits of {:?} do not start from the earlier text", row.before));
            }
            if row.after.is_some() {
                out.push(words::after(&row.words));
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document of `texts` as paragraphs, read as a plain-text file is (the comparison's tests
    /// share it).
    pub(super) fn doc(id: &str, texts: &[&str]) -> Document {
        let body = texts.join("\n\n");
        let text = format!("{id}\n\nThe General Assembly,\n\n{body}");
        match crate::ingest::read(&format!("{}.en.txt", id.replace('/', "-")), text.as_bytes()).unwrap() {
            crate::ingest::Source::Document(d) => *d,
            crate::ingest::Source::Metadata(_) => unreachable!(),
        }
    }

    #[test]
    fn renumbering_and_markers_are_not_rewording_and_the_edits_rebuild_the_later_text() {
        let before = doc(
            "old",
            &["Recalling its resolution 71/19,¹", "1. Calls for cooperation;", "2. Decides to remain seized."],
        );
        let after = doc(
            "new",
            &[
                "Recalling its resolution 71/19,²",
                "1. Welcomes the report;",
                "2. Calls for increased cooperation;",
                "3. Decides to remain seized.",
            ],
        );
        let c = compare(&before, &after);
        let changes: Vec<Change> = c.rows.iter().map(|r| r.change).collect();
        assert!(changes.contains(&Change::Added), "{changes:?}");
        assert!(changes.contains(&Change::Reworded), "{changes:?}");
        let seized = c.rows.iter().find(|r| r.after.as_ref().is_some_and(|s| s.para == "op3")).unwrap();
        assert_eq!(seized.change, Change::Unchanged, "op2 → op3 is not a change of wording");
        let texts: Vec<String> = after.paragraphs.iter().map(|p| p.text.clone()).collect();
        assert_eq!(c.apply(&before).unwrap(), texts);
    }
}
