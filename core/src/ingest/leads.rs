//! The lead of a resolution paragraph — "Recalling also", "Calls upon" — when the source does
//! not mark it with emphasis (the English seed text prints preambular leads in roman type).
//!
//! The rule follows how General Assembly drafting builds a lead: an optional intensifier
//! ("Deeply", "Also"), a participle or adjective of attitude ("Recalling", "Concerned"), the
//! words that complete a fixed phrase ("Taking note", "Bearing in mind"), and an optional
//! sequencing adverb ("also", "further"). It is checked against the leads the UN marks in its
//! own XML (see the tests in `tests/`).

const INTENSIFIERS: [&str; 9] =
    ["deeply", "gravely", "strongly", "also", "further", "firmly", "seriously", "fully", "profoundly"];
const ADJECTIVES: [&str; 22] = [
    "concerned",
    "convinced",
    "mindful",
    "aware",
    "conscious",
    "cognizant",
    "determined",
    "desirous",
    "alarmed",
    "guided",
    "committed",
    "encouraged",
    "reaffirming",
    "welcoming",
    "noting",
    "recognizing",
    "acknowledging",
    "appreciating",
    "affirming",
    "emphasizing",
    "stressing",
    "underlining",
];
/// Phrases whose first word alone is not the whole lead.
const PHRASES: [&[&str]; 12] = [
    &["taking", "note"],
    &["taking", "into", "account"],
    &["taking", "into", "consideration"],
    &["bearing", "in", "mind"],
    &["having", "considered"],
    &["having", "examined"],
    &["having", "reviewed"],
    &["having", "adopted"],
    &["having", "heard"],
    &["noting", "with", "appreciation"],
    &["noting", "with", "concern"],
    &["noting", "with", "satisfaction"],
];
const SEQUENCERS: [&str; 5] = ["also", "further", "furthermore", "moreover", "again"];

/// The lead of an English preambular paragraph, as printed, or `None` when the paragraph does
/// not open with one.
pub fn english_preambular(text: &str) -> Option<&str> {
    let words: Vec<(usize, &str)> = word_offsets(text).take(6).collect();
    let lower: Vec<String> = words.iter().map(|(_, w)| w.to_lowercase()).collect();
    let mut n = usize::from(lower.first().is_some_and(|w| INTENSIFIERS.contains(&w.as_str())) && lower.len() > 1);
    let head = lower.get(n)?;
    let first_char_upper = words[0].1.chars().next().is_some_and(char::is_uppercase);
    let is_attitude = head.ends_with("ing") || head.ends_with("ed") || ADJECTIVES.contains(&head.as_str());
    if !first_char_upper || !is_attitude {
        return None;
    }
    n += PHRASES
        .iter()
        .filter(|p| lower[n..].iter().map(String::as_str).take(p.len()).eq(p.iter().copied()))
        .map(|p| p.len())
        .max()
        .unwrap_or(1);
    if lower.get(n).is_some_and(|w| SEQUENCERS.contains(&w.as_str())) {
        n += 1;
    }
    let (start, last) = words[n - 1];
    Some(&text[..start + last.len()])
}

fn word_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(' ')
        .scan(0, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::english_preambular as lead;

    #[test]
    fn leads_of_79_136() {
        assert_eq!(lead("Recalling its resolution 51/1"), Some("Recalling"));
        assert_eq!(lead("Recalling also the cooperation"), Some("Recalling also"));
        assert_eq!(lead("Taking note of the development"), Some("Taking note"));
        assert_eq!(lead("Concerned at the growing trend"), Some("Concerned"));
        assert_eq!(lead("Convinced that increased"), Some("Convinced"));
        assert_eq!(lead("Bearing in mind further that"), Some("Bearing in mind further"));
        assert_eq!(lead("Deeply concerned by"), Some("Deeply concerned"));
    }

    #[test]
    fn no_lead_in_ordinary_sentences() {
        assert_eq!(lead("The INTERPOL databases"), None);
        assert_eq!(lead("mandate of ensuring"), None);
    }
}
