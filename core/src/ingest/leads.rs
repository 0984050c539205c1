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

/// The lead of a preambular paragraph: its emphasised opening, or where nothing is marked, the
/// words that lead a preamble in English and Russian (`Recalling also`, `ссылаясь`). Both
/// readers give a preambular paragraph its lead this way.
pub fn preambular<'a>(marked: &'a super::inline::Marked, lang: &str) -> Option<&'a str> {
    marked.leading_emphasis().or_else(|| match lang {
        "en" => english_preambular(&marked.text),
        "ru" => russian_preambular(&marked.text),
        _ => None,
    })
}

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

/// Whether a line opens like a preambular paragraph of language `lang`, by the first words the
/// UN's drafting gives a preambular lead in each: an English attitude (as
/// [`english_preambular`]); a French present participle (`Rappelant`) or Spanish gerund
/// (`Recordando`, `Reconociendo`), capitalized; Arabic `وإذ` ("and whereas"); Russian, one of
/// the adverbial participles that lead its preambles, from a closed list (in lower case, as any
/// word: a rule by ending split more paragraphs than it mended), perhaps after an adverb or a
/// manner; a Chinese lead verb from a closed list. Used where a
/// paragraph lacks its closing comma, to start the next one rather than run on into it.
pub fn opens_preambular(text: &str, lang: &str) -> bool {
    let first = text.split(' ').next().unwrap_or_default().trim_end_matches([',', '،']);
    let capitalized = first.chars().next().is_some_and(char::is_uppercase);
    let lower = first.to_lowercase();
    match lang {
        "en" => english_preambular(text).is_some_and(|lead| {
            // "United Nations …" after a page break ends in -ed too: only participles in -ing
            // and adjectives of attitude open a lead here.
            let head = lead.split(' ').find(|w| !INTENSIFIERS.contains(&w.to_lowercase().as_str())).unwrap_or(lead);
            let head = head.to_lowercase();
            head.ends_with("ing") || ADJECTIVES.contains(&head.as_str())
        }),
        "fr" => capitalized && (lower.ends_with("ant") || FRENCH.contains(&lower.as_str())),
        "es" => {
            capitalized && (lower.ends_with("ando") || lower.ends_with("iendo") || SPANISH.contains(&lower.as_str()))
        }
        // `إذ` opens the first preambular paragraph (`إذ تشير`), `وإذ` the others; `إذ أن`
        // ("since") is a clause.
        "ar" => {
            first == "وإذ" || (first == "إذ" && !["أن", "إن"].contains(&text.split(' ').nth(1).unwrap_or_default()))
        }
        "zh" => chinese_lead(text),
        "ru" => russian_preambular(text).is_some(),
        _ => false,
    }
}

/// Chinese preambular leads, perhaps after a sequencer (`又回顾`, `还重申`): the verbs that lead
/// more than 40 preambular paragraphs each in sessions 79–80 (the XML names each paragraph's
/// lead), longest first.
const CHINESE_LEADS: [&str; 30] = [
    "表示赞赏地注意到",
    "关切地注意到",
    "赞赏地注意到",
    "满意地注意到",
    "表示深为关切",
    "表示严重关切",
    "表示注意到",
    "强调指出",
    "着重指出",
    "重点指出",
    "表示关切",
    "深为关切",
    "严重关切",
    "认识到",
    "注意到",
    "意识到",
    "审议了",
    "考虑到",
    "回顾",
    "重申",
    "欢迎",
    "确认",
    "强调",
    "承认",
    "铭记",
    "深信",
    "念及",
    "欣见",
    "遵循",
    "申明",
];

fn chinese_lead(text: &str) -> bool {
    let text = ["又", "还", "并", "再次"].iter().find_map(|s| text.strip_prefix(s)).unwrap_or(text);
    CHINESE_LEADS.iter().any(|lead| text.starts_with(lead))
}

/// Russian preambular leads: adverbial participles, as the UN's Russian preambles open with them
/// (the closed list of those that lead a paragraph in sessions 79–80), perhaps after an adverb
/// (`вновь подтверждая`) or a manner (`с удовлетворением отмечая`).
const RUSSIAN_PARTICIPLES: [&str; 35] = [
    "ссылаясь",
    "подтверждая",
    "признавая",
    "отмечая",
    "напоминая",
    "учитывая",
    "принимая",
    "подчеркивая",
    "будучи",
    "приветствуя",
    "выражая",
    "рассмотрев",
    "сознавая",
    "памятуя",
    "считая",
    "констатируя",
    "руководствуясь",
    "осуждая",
    "обращая",
    "повторяя",
    "призывая",
    "рекомендуя",
    "заявляя",
    "изучив",
    "отдавая",
    "желая",
    "осознавая",
    "сожалея",
    "поощряя",
    "испытывая",
    "разделяя",
    "утверждая",
    "стремясь",
    "акцентируя",
    "полагая",
];
const RUSSIAN_ADVERBS: [&str; 9] =
    ["вновь", "особо", "высоко", "решительно", "настоятельно", "глубоко", "твердо", "также", "далее"];

/// The lead of a Russian preambular paragraph (`ссылаясь`, `вновь подтверждая`,
/// `с удовлетворением отмечая`), as printed, or `None` when the paragraph does not open with one.
pub fn russian_preambular(text: &str) -> Option<&str> {
    let mut words = word_offsets(text).map(|(at, w)| (at, w.trim_end_matches(',')));
    let (mut at, mut word) = words.next()?;
    if word == "с" {
        words.next();
        (at, word) = words.next()?;
    }
    while RUSSIAN_ADVERBS.contains(&word) {
        (at, word) = words.next()?;
    }
    RUSSIAN_PARTICIPLES.contains(&word).then(|| &text[..at + word.len()])
}

/// Whether `text` ends on the opening of a lead of language `lang` that a page break cut
/// (Russian `…, с удовлетворением` / `отмечая …`, `… вновь` / `подтверждая …`): the next line
/// continues it. Only Russian puts adverbs and manners before its leads' participles.
pub fn ends_on_a_lead_opening(text: &str, lang: &str) -> bool {
    lang == "ru" && ends_on_a_russian_lead_opening(text)
}

fn ends_on_a_russian_lead_opening(text: &str) -> bool {
    let last: Vec<&str> = text.trim_end().rsplit(' ').take(3).collect();
    let end = last.first().copied().unwrap_or_default();
    // A manner: `с` and a noun of feeling in the instrumental (`с глубокой обеспокоенностью`).
    let manner = last.contains(&"с") && (end.ends_with("ью") || end.ends_with("ением"));
    RUSSIAN_ADVERBS.contains(&end) || manner
}

/// French leads that are not participles in `-ant`.
const FRENCH: [&str; 12] = [
    "consciente",
    "convaincue",
    "préoccupée",
    "profondément",
    "vivement",
    "gravement",
    "résolue",
    "soucieuse",
    "alarmée",
    "inquiète",
    "déterminée",
    "encouragée",
];
/// Spanish leads that are not gerunds.
const SPANISH: [&str; 9] = [
    "consciente",
    "convencida",
    "preocupada",
    "profundamente",
    "alarmada",
    "decidida",
    "resuelta",
    "gravemente",
    "alentada",
];

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
    fn preambular_openings_in_six_languages() {
        use super::opens_preambular as opens;
        assert!(opens("Taking note of resolution 77.17", "en"));
        assert!(opens("Rappelant sa résolution 76/253", "fr"));
        assert!(opens("Observando con preocupación que", "es"));
        assert!(opens("Reconociendo que", "es"));
        assert!(opens("подтверждая Декларацию", "ru"));
        assert!(opens("вновь подтверждая", "ru"));
        assert!(opens("с удовлетворением отмечая", "ru"));
        assert!(!opens("с удовлетворением", "ru"));
        assert!(!opens("решения Генеральной Ассамблеи", "ru"));
        assert!(opens("وإذ تحيط علما أيضا", "ar"));
        // A sentence run on after a page break.
        assert!(!opens("the Assembly decided", "en"));
        assert!(!opens("United Nations Children's Fund", "en"));
        assert!(!opens("Fernando Pessoa", "fr"));
        assert!(!opens("rappelant", "fr"));
        assert!(!opens("международная организация", "ru"));
        assert!(!opens("إذ أن", "ar"));
        assert!(opens("إذ نشير إلى الوثيقة", "ar"));
        assert!(opens("又回顾联合国森林论坛", "zh"));
        assert!(opens("关切地注意到", "zh"));
        assert!(!opens("的报告", "zh"));
    }

    /// A Russian preambular lead in plain text: the participle, with the adverb or manner
    /// before it.
    #[test]
    fn russian_leads_are_read_without_emphasis() {
        assert_eq!(super::russian_preambular("ссылаясь на свою резолюцию 78/1,"), Some("ссылаясь"));
        assert_eq!(super::russian_preambular("вновь подтверждая, что"), Some("вновь подтверждая"));
        assert_eq!(super::russian_preambular("с удовлетворением отмечая работу"), Some("с удовлетворением отмечая"));
        assert_eq!(super::russian_preambular("решения Генеральной Ассамблеи"), None);
        assert_eq!(super::russian_preambular("вновь"), None);
    }

    /// A Russian lead cut by a page break: the line before ends on its adverb or its manner.
    #[test]
    fn a_russian_lead_opening_at_a_line_end() {
        let opening = |text: &str| super::ends_on_a_lead_opening(text, "ru");
        assert!(opening("… Комитета, и с глубокой обеспокоенностью"));
        assert!(opening("… в 2024 году, вновь"));
        assert!(!opening("… в соответствии с резолюцией 60/13 от 6 октября 2025 года"));
        assert!(!opening("… всестороннему развитию детей"));
    }

    #[test]
    fn no_lead_in_ordinary_sentences() {
        assert_eq!(lead("The INTERPOL databases"), None);
        assert_eq!(lead("mandate of ensuring"), None);
    }
}
