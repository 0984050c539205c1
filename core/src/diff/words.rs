//! Word by word: the edits that turn one paragraph's text into another's.
//!
//! A text is cut into the analyzer's words and the stretches between them (spaces,
//! punctuation, footnote markers), so the pieces join back into the text exactly; the pieces are
//! diffed (`similar`, Patience), and runs of one kind are merged. Applying the edits to the
//! earlier text gives the later one byte for byte.

use crate::analyze;
use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// One edit of the earlier text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", content = "text", rename_all = "lowercase")]
pub enum Edit {
    /// Text both have.
    Keep(String),
    /// Text only the earlier has.
    Delete(String),
    /// Text only the later has.
    Insert(String),
}

impl Edit {
    pub fn text(&self) -> &str {
        match self {
            Edit::Keep(t) | Edit::Delete(t) | Edit::Insert(t) => t,
        }
    }
}

/// `text` cut at its words' spans into words and what stands between them; the pieces join
/// back into `text`.
fn pieces<'a>(text: &'a str, words: &[(usize, usize)]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(start, end) in words {
        if start > at {
            out.push(&text[at..start]);
        }
        out.push(&text[start..end]);
        at = end;
    }
    if at < text.len() {
        out.push(&text[at..]);
    }
    out
}

/// The edits from `before` to `after`: keeps, deletions and insertions in reading order, runs
/// merged (a deletion before the insertion that replaces it).
pub fn edits(before: &str, after: &str) -> Vec<Edit> {
    let spans = |t: &str| analyze::spans(t).into_iter().map(|s| s.span).collect::<Vec<_>>();
    edits_at(before, &spans(before), after, &spans(after))
}

/// [`edits`], given where the analyzer found the words of each text (byte spans, in order).
pub fn edits_at(before: &str, old_words: &[(usize, usize)], after: &str, new_words: &[(usize, usize)]) -> Vec<Edit> {
    if before == after {
        return if before.is_empty() { Vec::new() } else { vec![Edit::Keep(before.to_owned())] };
    }
    let (old, new) = (pieces(before, old_words), pieces(after, new_words));
    let mut out: Vec<Edit> = Vec::new();
    let mut push = |edit: Edit| match (out.last_mut(), &edit) {
        (Some(Edit::Keep(a)), Edit::Keep(b))
        | (Some(Edit::Delete(a)), Edit::Delete(b))
        | (Some(Edit::Insert(a)), Edit::Insert(b)) => a.push_str(b),
        _ => out.push(edit),
    };
    for op in capture_diff_slices(Algorithm::Patience, &old, &new) {
        let (tag, o, n) = op.as_tag_tuple();
        let joined = |parts: &[&str]| parts.concat();
        match tag {
            DiffTag::Equal => push(Edit::Keep(joined(&old[o]))),
            DiffTag::Delete => push(Edit::Delete(joined(&old[o]))),
            DiffTag::Insert => push(Edit::Insert(joined(&new[n]))),
            DiffTag::Replace => {
                push(Edit::Delete(joined(&old[o])));
                push(Edit::Insert(joined(&new[n])));
            }
        }
    }
    out
}

/// The earlier text the edits start from.
pub fn before(edits: &[Edit]) -> String {
    edits.iter().filter(|e| !matches!(e, Edit::Insert(_))).map(Edit::text).collect()
}

/// The later text the edits give.
pub fn after(edits: &[Edit]) -> String {
    edits.iter().filter(|e| !matches!(e, Edit::Delete(_))).map(Edit::text).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_join_back_into_both_texts() {
        let cases = [
            (
                "Encourages increased cooperation between INTERPOL and Member States,⁷",
                "Also encourages cooperation between INTERPOL, the United Nations and Member States,⁹",
            ),
            ("", "Added."),
            ("Removed.", ""),
            ("大会，回顾其第71/19号决议", "大会，又回顾其第77/20号决议"),
            ("same", "same"),
        ];
        for (a, b) in cases {
            let e = edits(a, b);
            assert_eq!(before(&e), a);
            assert_eq!(after(&e), b);
        }
        let e = edits("increased cooperation between", "cooperation between");
        assert_eq!(e, [Edit::Delete("increased ".into()), Edit::Keep("cooperation between".into())]);
    }
}
