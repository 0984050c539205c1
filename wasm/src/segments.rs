//! A paragraph's text cut into the pieces the explorer draws: plain runs, highlighted matches,
//! references and footnote markers as links. Offsets are the core's UTF-8 byte ranges; every
//! piece's text is made inert ([`resolex_core::display`]) only after cutting, so offsets stay true.

use resolex_core::display::inert;

/// What a piece links to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link {
    /// The paragraph's reference with this index.
    Ref(usize),
    /// The paragraph's footnote with this index in its `notes`.
    Note(usize),
}

/// One run of text with the same decoration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// A search match.
    pub mark: bool,
    /// The paragraph's lead (`Calls for`), shown emphasised.
    pub lead: bool,
    pub link: Option<Link>,
}

/// How to decorate a text: byte ranges of matches, of the lead, of links.
#[derive(Debug, Clone, Default)]
pub struct Decor {
    pub marks: Vec<[usize; 2]>,
    pub lead: Option<[usize; 2]>,
    pub links: Vec<([usize; 2], Link)>,
}

/// Cuts `text` at every edge of `decor` (byte ranges; ranges out of bounds or off character
/// boundaries are ignored, so a damaged bundle cannot make the view panic).
pub fn segments(text: &str, decor: &Decor) -> Vec<Segment> {
    let valid = |[s, e]: [usize; 2]| s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e);
    let marks: Vec<[usize; 2]> = decor.marks.iter().copied().filter(|&r| valid(r)).collect();
    let links: Vec<([usize; 2], Link)> = decor.links.iter().copied().filter(|&(r, _)| valid(r)).collect();
    let lead = decor.lead.filter(|&r| valid(r));
    // As 64-bit integers: the core sorts those already, and each type sorted is a sort the
    // wasm carries.
    let mut edges: Vec<u64> = vec![0, text.len() as u64];
    edges.extend(marks.iter().flatten().map(|&e| e as u64));
    edges.extend(links.iter().flat_map(|(r, _)| r.iter()).map(|&e| e as u64));
    edges.extend(lead.iter().flatten().map(|&e| e as u64));
    edges.sort_unstable();
    edges.dedup();
    let inside = |r: [usize; 2], at: usize| r[0] <= at && at < r[1];
    let mut out: Vec<Segment> = Vec::new();
    for w in edges.windows(2) {
        let (start, end) = (w[0] as usize, w[1] as usize);
        let mark = marks.iter().any(|&r| inside(r, start));
        let is_lead = lead.is_some_and(|r| inside(r, start));
        let link = links.iter().find(|&&(r, _)| inside(r, start)).map(|&(_, l)| l);
        match out.last_mut() {
            Some(last) if last.mark == mark && last.lead == is_lead && last.link == link => {
                last.text.push_str(&inert(&text[start..end]));
            }
            _ => out.push(Segment { text: inert(&text[start..end]).into_owned(), mark, lead: is_lead, link }),
        }
    }
    out
}

/// The byte range of the marker of footnote `num` in `text`: the superscript form (`¹`, `¹²`)
/// as the UN prints it, looked for from the end (markers close a clause).
pub fn note_marker(text: &str, num: &str) -> Option<[usize; 2]> {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let sup: String = num.chars().map(|c| c.to_digit(10).map_or(c, |d| SUP[d as usize])).collect();
    if sup.is_empty() {
        return None;
    }
    let mut from = text.len();
    while let Some(at) = text[..from].rfind(&sup) {
        let end = at + sup.len();
        // `¹` must not be the tail of `²¹`.
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(|c| SUP.contains(&c)) && !after.is_some_and(|c| SUP.contains(&c)) {
            return Some([at, end]);
        }
        from = at;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &[Segment]) -> Vec<(&str, bool, bool, Option<Link>)> {
        s.iter().map(|x| (x.text.as_str(), x.mark, x.lead, x.link)).collect()
    }

    #[test]
    fn highlights_leads_and_links_cut_the_text_and_join_it_back() {
        let text = "Recalling its resolution 51/1 of 15 October 1996";
        let decor = Decor { marks: vec![[0, 9], [25, 27]], lead: Some([0, 9]), links: vec![([25, 29], Link::Ref(0))] };
        let s = segments(text, &decor);
        assert_eq!(
            texts(&s),
            vec![
                ("Recalling", true, true, None),
                (" its resolution ", false, false, None),
                ("51", true, false, Some(Link::Ref(0))),
                ("/1", false, false, Some(Link::Ref(0))),
                (" of 15 October 1996", false, false, None),
            ]
        );
        assert_eq!(s.iter().map(|x| x.text.as_str()).collect::<String>(), text);
    }

    #[test]
    fn bad_ranges_are_ignored() {
        let text = "国际刑警";
        let decor =
            Decor { marks: vec![[1, 2], [3, 99], [6, 3]], lead: Some([0, 1]), links: vec![([0, 3], Link::Note(0))] };
        let s = segments(text, &decor);
        assert_eq!(texts(&s), vec![("国", false, false, Some(Link::Note(0))), ("际刑警", false, false, None)]);
    }

    #[test]
    fn hostile_text_is_cut_then_made_visible() {
        let text = "a\u{1b}[2J <script>x</script> \u{202e}b";
        let s = segments(text, &Decor { marks: vec![[1, 2]], ..Decor::default() });
        assert_eq!(s[1].text, "␛");
        assert!(s.iter().all(|x| !x.text.contains('\u{1b}') && !x.text.contains('\u{202e}')));
        assert!(s.iter().any(|x| x.text.contains("<script>")));
    }

    #[test]
    fn footnote_markers_are_found_as_printed() {
        let text = "agreement of 1997 between the United Nations and INTERPOL¹ and all other";
        let [s, e] = note_marker(text, "1").unwrap();
        assert_eq!(&text[s..e], "¹");
        assert_eq!(note_marker("x²¹ y", "1"), None);
        assert_eq!(note_marker("x²¹ y¹", "1").map(|[s, e]| &"x²¹ y¹"[s..e]), Some("¹"));
        assert_eq!(note_marker("x¹² y", "12").map(|[s, _]| s), Some(1));
    }
}
