//! The comparison's two halves as numbers, for the web explorer: it analyses both versions
//! ([`super::Analyzed`]) and hands them to the comparison's own wasm, which pairs them
//! ([`super::pair`]) and hands the pairs back. Each side is one string and one list of numbers,
//! which cross between wasm modules and JavaScript as they are (no JSON, which the explorer does
//! not parse). A list that does not decode gives an error saying where; nothing panics.

use super::{Analyzed, Change, Edit, Paired};

/// No paragraph on this side of a pair.
const NONE: u32 = u32::MAX;

/// `a` as one string (every paragraph's text, then every term) and its numbers: the paragraph
/// count, then for each paragraph its text's length, its terms' count and their lengths, its
/// spans' count and their starts and ends (byte offsets).
pub fn analyzed_to_wire(a: &Analyzed) -> (String, Vec<u32>) {
    let mut text: String = a.texts.concat();
    let mut numbers = vec![wire_len(a.texts.len())];
    for ((t, terms), spans) in a.texts.iter().zip(&a.terms).zip(&a.spans) {
        numbers.push(wire_len(t.len()));
        numbers.push(wire_len(terms.len()));
        numbers.extend(terms.iter().map(|term| wire_len(term.len())));
        numbers.push(wire_len(spans.len()));
        numbers.extend(spans.iter().flat_map(|&(s, e)| [wire_len(s), wire_len(e)]));
    }
    for term in a.terms.iter().flatten() {
        text.push_str(term);
    }
    (text, numbers)
}

/// [`analyzed_to_wire`] read back.
pub fn analyzed_from_wire(text: &str, numbers: &[u32]) -> Result<Analyzed, String> {
    let mut n = Numbers(numbers, 0);
    let paragraphs = n.count(numbers.len())?;
    let mut a = Analyzed::default();
    // The lengths of each paragraph's text and of its terms, whose bytes follow all the texts.
    let mut lens: Vec<(usize, Vec<usize>)> = Vec::new();
    for _ in 0..paragraphs {
        let len = n.next()? as usize;
        let terms = n.count(numbers.len())?;
        lens.push((len, (0..terms).map(|_| n.next().map(|l| l as usize)).collect::<Result<_, _>>()?));
        let spans = n.count(numbers.len())?;
        a.spans.push((0..spans).map(|_| Ok((n.next()? as usize, n.next()? as usize))).collect::<Result<_, String>>()?);
    }
    n.end()?;
    let mut at = 0;
    for (len, _) in &lens {
        a.texts.push(cut(text, &mut at, *len)?.to_owned());
    }
    for (_, terms) in &lens {
        a.terms.push(terms.iter().map(|&l| cut(text, &mut at, l).map(str::to_owned)).collect::<Result<_, _>>()?);
    }
    if at != text.len() {
        return Err(format!("{} bytes of text are left over", text.len() - at));
    }
    for (i, (t, spans)) in a.texts.iter().zip(&a.spans).enumerate() {
        if spans.iter().any(|&(s, e)| s > e || t.get(s..e).is_none()) {
            return Err(format!("a word of paragraph {i} lies outside its text"));
        }
    }
    Ok(a)
}

/// `paired` as numbers: for each pair, the earlier and the later paragraph ([`NONE`] for
/// none), its change, its edits' count, then each edit's kind (0 keep, 1 delete, 2 insert) and
/// byte length.
pub fn pairs_to_wire(paired: &[Paired]) -> Vec<u32> {
    let mut out = Vec::new();
    for p in paired {
        let side = |i: Option<usize>| i.map_or(NONE, wire_len);
        out.extend([side(p.before), side(p.after), change_code(p.change), wire_len(p.words.len())]);
        for e in &p.words {
            let kind = match e {
                Edit::Keep(_) => 0,
                Edit::Delete(_) => 1,
                Edit::Insert(_) => 2,
            };
            out.extend([kind, wire_len(e.text().len())]);
        }
    }
    out
}

/// [`pairs_to_wire`] read back over the versions it pairs: each edit's text is cut from the
/// earlier text (kept or deleted) or the later one (kept or inserted).
pub fn pairs_from_wire(numbers: &[u32], old: &Analyzed, new: &Analyzed) -> Result<Vec<Paired>, String> {
    let mut n = Numbers(numbers, 0);
    let mut out = Vec::new();
    while n.1 < numbers.len() {
        let side = |i: u32, texts: &[String]| match i {
            NONE => Ok(None),
            i if (i as usize) < texts.len() => Ok(Some(i as usize)),
            i => Err(format!("there is no paragraph {i}")),
        };
        let before = side(n.next()?, &old.texts)?;
        let after = side(n.next()?, &new.texts)?;
        let change = change_of(n.next()?)?;
        let edits = n.count(numbers.len())?;
        let (old_text, new_text) = (text_of(old, before), text_of(new, after));
        let (mut o, mut w) = (0, 0);
        let mut words = Vec::with_capacity(edits);
        for _ in 0..edits {
            let (kind, len) = (n.next()?, n.next()? as usize);
            words.push(match kind {
                0 => {
                    w += len;
                    Edit::Keep(cut(old_text, &mut o, len)?.to_owned())
                }
                1 => Edit::Delete(cut(old_text, &mut o, len)?.to_owned()),
                2 => Edit::Insert(cut(new_text, &mut w, len)?.to_owned()),
                k => return Err(format!("unknown edit {k}")),
            });
        }
        out.push(Paired { before, after, change, words });
    }
    Ok(out)
}

fn text_of(a: &Analyzed, i: Option<usize>) -> &str {
    i.map_or("", |i| a.texts[i].as_str())
}

const CHANGES: [Change; 5] = [Change::Unchanged, Change::Reworded, Change::Moved, Change::Added, Change::Removed];

fn change_code(c: Change) -> u32 {
    CHANGES.iter().position(|&x| x == c).map_or(NONE, wire_len)
}

fn change_of(code: u32) -> Result<Change, String> {
    CHANGES.get(code as usize).copied().ok_or_else(|| format!("unknown change {code}"))
}

/// A length or an index as the wire holds it (texts and documents are far below 4 GB).
fn wire_len(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(NONE)
}

/// `len` bytes of `text` from `*at`, which moves past them.
fn cut<'a>(text: &'a str, at: &mut usize, len: usize) -> Result<&'a str, String> {
    let end = at.checked_add(len).ok_or("a length overflows")?;
    let piece =
        text.get(*at..end).ok_or_else(|| format!("bytes {at}..{end} are not text of the {} given", text.len()))?;
    *at = end;
    Ok(piece)
}

/// Numbers read in order, each read checked.
struct Numbers<'a>(&'a [u32], usize);

impl Numbers<'_> {
    fn next(&mut self) -> Result<u32, String> {
        let n = *self.0.get(self.1).ok_or_else(|| format!("the numbers end at {}", self.1))?;
        self.1 += 1;
        Ok(n)
    }

    /// A count of things still to read, each at least one number: no more than `most`.
    fn count(&mut self, most: usize) -> Result<usize, String> {
        let n = self.next()? as usize;
        if n > most {
            return Err(format!("a count of {n} at {} exceeds the {most} numbers given", self.1 - 1));
        }
        Ok(n)
    }

    fn end(&self) -> Result<(), String> {
        if self.1 == self.0.len() { Ok(()) } else { Err(format!("{} numbers are left over", self.0.len() - self.1)) }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::doc;
    use super::super::{assemble, compare, pair};
    use super::*;

    #[test]
    fn both_halves_cross_as_numbers_and_give_the_comparison_made_in_one_piece() {
        let before = doc(
            "old",
            &["Recalling its resolution 71/19,¹", "1. Calls for cooperation;", "2. Décide de rester saisie."],
        );
        let after = doc(
            "new",
            &["Recalling its resolution 71/19,²", "1. Welcomes the report;", "2. Calls for increased cooperation;"],
        );
        let (old, new) = (Analyzed::of(&before), Analyzed::of(&after));
        let (ot, on) = analyzed_to_wire(&old);
        let (nt, nn) = analyzed_to_wire(&new);
        let (old2, new2) = (analyzed_from_wire(&ot, &on).unwrap(), analyzed_from_wire(&nt, &nn).unwrap());
        assert_eq!((&old2, &new2), (&old, &new));
        let paired = pair(&old2, &new2);
        let back = pairs_from_wire(&pairs_to_wire(&paired), &old, &new).unwrap();
        assert_eq!(back, paired);
        assert_eq!(assemble(&before, &after, back), compare(&before, &after));
    }

    #[test]
    fn the_series_in_six_languages_compares_through_the_wire_as_in_one_piece() {
        let corpus = crate::default_corpus::load();
        let (earlier, later) = (crate::DocId("A/RES/77/20".into()), crate::DocId("A/RES/79/136".into()));
        for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
            let (before, after) =
                (corpus.find(&earlier, Some(lang)).unwrap(), corpus.find(&later, Some(lang)).unwrap());
            let wired = |d| {
                let (text, numbers) = analyzed_to_wire(&Analyzed::of(d));
                analyzed_from_wire(&text, &numbers).unwrap()
            };
            let (old, new) = (wired(before), wired(after));
            let paired = pairs_from_wire(&pairs_to_wire(&pair(&old, &new)), &old, &new).unwrap();
            let whole = compare(before, after);
            assert!(whole.summary.reworded > 0, "{lang}: {}", whole.summary);
            assert_eq!(assemble(before, after, paired), whole, "{lang}");
        }
    }

    #[test]
    fn numbers_that_do_not_fit_are_refused_by_name() {
        let a = Analyzed::of(&doc("old", &["Calls for cooperation;"]));
        let (text, numbers) = analyzed_to_wire(&a);
        for cut_at in 0..numbers.len() {
            assert!(analyzed_from_wire(&text, &numbers[..cut_at]).is_err(), "cut at {cut_at}");
        }
        assert!(analyzed_from_wire(&text[..text.len() - 1], &numbers).is_err());
        let mut huge = numbers.clone();
        huge[0] = u32::MAX;
        assert!(analyzed_from_wire(&text, &huge).unwrap_err().contains("exceeds"));
        let pairs = pairs_to_wire(&pair(&a, &a));
        for (i, bad) in [(0, 7), (2, 9), (4, 5), (5, 1_000)] {
            let mut wrong = pairs.clone();
            wrong[i] = bad;
            assert!(pairs_from_wire(&wrong, &a, &a).is_err(), "{i} = {bad}: {wrong:?}");
        }
    }
}
