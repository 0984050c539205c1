//! Lettered lists in a preamble ("Recalling …: (a) …; (b) …,"), read item by item by both
//! readers and closed the same way: a list joins the paragraph that opened it unless it ends as
//! no preambular paragraph does.

use super::draft::Draft;
use crate::fold::superscript_digit;
use crate::model::{ParaId, ParaKind};

/// A list in the preamble: the index of the paragraph that opens it and of its items, as read.
pub struct PreambleList {
    pub parent: usize,
    pub items: Vec<usize>,
}

/// Each list joins the paragraph that opened it ("Recalling …: (a) …; (b) …,"), unless its last
/// item ends as no preambular paragraph does: with a full stop, or with a semicolon where no
/// preambular paragraph follows. Then the list was an operative paragraph's that the UN's XML
/// marks up as preamble (79/93 "Urges …: (a) …; … (f) … media."; 79/258 "Approves …: (a) …;
/// (b) …;" before a section), and its items stay paragraphs, as the XML has them. The
/// preambular paragraphs are then numbered again.
pub fn close(paras: &mut Vec<Draft>, lists: &[PreambleList]) {
    let mut gone = vec![false; paras.len()];
    for list in lists.iter().rev() {
        let Some(&last) = list.items.last() else { continue };
        let preamble_goes_on = paras.get(last + 1).is_some_and(|d| d.para.kind == ParaKind::Preambular);
        if !joins(&paras[last].para.text, preamble_goes_on) {
            continue;
        }
        for &item in &list.items {
            let d = paras[item].clone();
            paras[list.parent].absorb(d);
            gone[item] = true;
        }
    }
    let mut kept = gone.iter();
    paras.retain(|_| !kept.next().copied().unwrap_or(false));
    let mut n = 0;
    for d in paras.iter_mut().filter(|d| d.para.kind == ParaKind::Preambular) {
        n += 1;
        d.para.id = ParaId::preambular(n);
    }
}

/// Whether a preamble list whose last item is `text` joins the paragraph that opened it: its
/// last item ends with a comma, as a preambular paragraph does (before any closing quote or
/// footnote marker), or with anything but a full stop where the preamble goes on (Arabic ends
/// every item of 80/151's list with `؛`).
fn joins(text: &str, preamble_goes_on: bool) -> bool {
    let trimmed = text.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(c, '"' | '”' | '’' | '»' | ')' | '）' | '⁽' | '⁾')
            || superscript_digit(c).is_some()
    });
    match trimmed.chars().next_back() {
        Some(',' | '，' | '،') => true,
        Some('.' | '。') => false,
        _ => preamble_goes_on,
    }
}
