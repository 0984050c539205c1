//! The language of a document: from the file name's suffix (`A-RES-79-136.en.txt`, or the UN's
//! `…2423454F.xml`), else declared by the source (AKN metadata, `<html lang>`), else detected.

use super::draft::Draft;

/// `name.en.txt` → `en`; the UN's job-number files end in a language letter: `…2423454F.xml` → `fr`.
pub fn from_file_name(name: &str) -> Option<String> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut parts = file.split('.');
    let stem = parts.next()?;
    let middle: Vec<&str> = parts.collect();
    if middle.len() >= 2 {
        let tag = middle[middle.len() - 2];
        if (2..=3).contains(&tag.len()) && tag.chars().all(|c| c.is_ascii_alphabetic()) {
            return Some(tag.to_ascii_lowercase());
        }
    }
    let (_, job) = stem.rsplit_once('-')?;
    let (digits, letter) = job.split_at(job.len().checked_sub(1)?);
    if digits.len() < 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(
        match letter {
            "A" => "ar",
            "C" => "zh",
            "E" => "en",
            "F" => "fr",
            "R" => "ru",
            "S" => "es",
            "G" => "de",
            _ => return None,
        }
        .to_owned(),
    )
}

/// Detects the language from the paragraphs' text; `und` when it cannot tell.
pub fn detect(drafts: &[Draft]) -> String {
    let sample: String = drafts.iter().map(|d| d.para.text.as_str()).take(20).collect::<Vec<_>>().join(" ");
    whatlang::detect_lang(&sample).map_or_else(|| "und".to_owned(), |l| iso639_1(l).to_owned())
}

fn iso639_1(l: whatlang::Lang) -> &'static str {
    use whatlang::Lang as L;
    match l {
        L::Eng => "en",
        L::Fra => "fr",
        L::Spa => "es",
        L::Rus => "ru",
        L::Ara => "ar",
        L::Cmn => "zh",
        L::Deu => "de",
        L::Por => "pt",
        L::Ita => "it",
        L::Jpn => "ja",
        L::Kor => "ko",
        L::Nld => "nl",
        L::Tur => "tr",
        L::Ukr => "uk",
        L::Pol => "pl",
        L::Hin => "hi",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffixes() {
        assert_eq!(from_file_name("corpus/A-RES-79-136.en.txt").as_deref(), Some("en"));
        assert_eq!(from_file_name("A_RES_79_136-2423454F.xml").as_deref(), Some("fr"));
        assert_eq!(from_file_name("A_RES_79_136-2423454C.xml").as_deref(), Some("zh"));
        assert_eq!(from_file_name("notes.txt"), None);
        assert_eq!(from_file_name("eng.html"), None);
    }
}
