//! The one text analyzer of Resolex: paragraph texts and queries become the same terms.
//!
//! Words come from Unicode word boundaries (UAX #29), split again at apostrophes (`l’Assemblée`
//! → `l`, `assemblee`) and at footnote markers, which are not terms and take no position
//! (`Persons,⁷ in` reads as `persons in`, so a phrase runs across them); each word is normalized (see [`normalize`]). Han and kana have no spaces,
//! so each ideograph or kana is a term of its own and a run of them matches as a phrase: exact
//! substrings, in order. Every token keeps its byte span in the source, so hits can be
//! highlighted in the original text.

pub mod forms;
mod normalize;
mod stem;

use normalize::is_plain_han;
pub use normalize::{is_cjk, normalize};
pub use stem::{STEMMERS_LEFT_OUT, Stemmers, stemmers};

use unicode_segmentation::UnicodeSegmentation;

/// A term of the text with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalized term.
    pub term: String,
    /// UTF-8 byte range in the analyzed text.
    pub span: (usize, usize),
    /// Position: consecutive words of a phrase have consecutive positions.
    pub pos: u32,
}

/// Where a token stands, before its word is normalized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// UTF-8 byte range in the analyzed text.
    pub span: (usize, usize),
    pub pos: u32,
}

/// The tokens of `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    spans(text)
        .into_iter()
        .map(|s| Token { term: normalize(&text[s.span.0..s.span.1]), span: s.span, pos: s.pos })
        .collect()
}

/// A fingerprint of how `text` in `lang` is analyzed: every token's term, span and position,
/// and its stem, in a CRC-32. Two builds of the analyzer (natively and in WebAssembly, where
/// the Unicode tables and the stemmers are compiled again) agree on a text when they give it
/// the same fingerprint; a test compares them over every paragraph of sessions 79–80.
pub fn fingerprint(lang: &str, text: &str) -> u32 {
    let mut h = crc32fast::Hasher::new();
    for t in tokens(text) {
        let stem = stemmers().stem(lang, &t.term).unwrap_or_default();
        for field in [t.term.as_bytes(), stem.as_bytes()] {
            h.update(field);
            h.update(&[0x1f]);
        }
        for n in [t.span.0 as u32, t.span.1 as u32, t.pos] {
            h.update(&n.to_le_bytes());
        }
    }
    h.finalize()
}

/// Where the tokens of `text` stand, without normalizing them: for callers that normalize
/// only the few they need (highlighting). Allocates nothing but the result: highlighting calls
/// it on every shown hit, as the user types.
pub fn spans(text: &str) -> Vec<Span> {
    let mut cursor = spans_lazily(text);
    cursor.fill(usize::MAX);
    cursor.found
}

/// [`spans`] found as far as asked ([`Spans::fill`]).
pub fn spans_lazily(text: &str) -> Spans<'_, impl Iterator<Item = (usize, &str)>> {
    spans_lazily_from(text, 0)
}

/// [`spans_lazily`] of the words from byte `from` on, where `from` is where a run begins
/// ([`run_start`]): the same spans as the whole text's from there on, positions counted from
/// there (consecutive words still have consecutive positions).
pub fn spans_lazily_from(text: &str, from: usize) -> Spans<'_, impl Iterator<Item = (usize, &str)>> {
    let rest = text.get(from..).unwrap_or_default();
    let segments = segments(rest).map(move |(at, word)| (from + at, word));
    Spans { segments, found: Vec::with_capacity(rest.len() / 6), pos: 0, last: None, done: false }
}

/// Where the run of [`segments`] that holds byte `at` of `text` begins: the words found from
/// there are those of the whole text (a test checks it on every paragraph of the default corpus).
pub fn run_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    (1..at.min(bytes.len())).rev().find(|&i| is_cut(text, i)).map_or(0, |i| i + 1)
}

/// Whether [`runs`] cuts `text` at byte `i`, a space of a run of its own.
fn is_cut(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    i >= 1
        && i + 1 < bytes.len()
        && bytes[i] == b' '
        && bytes[i - 1] != b' '
        && bytes[i + 1] != b' '
        && (bytes[i + 1].is_ascii() || text[i + 1..].chars().next().is_some_and(is_word_letter))
}

/// [`spans`] found as far as asked: a caller that needs the words of a text only up to some
/// point (a snippet's end) leaves the rest unsegmented.
pub struct Spans<'t, I: Iterator<Item = (usize, &'t str)>> {
    segments: I,
    /// The spans found so far, in order.
    pub found: Vec<Span>,
    pos: u32,
    /// The end of the previous token, and whether it was CJK.
    last: Option<(usize, bool)>,
    done: bool,
}

impl<'t, I: Iterator<Item = (usize, &'t str)>> Spans<'t, I> {
    /// Finds spans until `n` are found or the text ends; whether the text has ended.
    pub fn fill(&mut self, n: usize) -> bool {
        while self.found.len() < n && !self.done {
            match self.segments.next() {
                Some((start, word)) => self.segment(start, word),
                None => self.done = true,
            }
        }
        self.done
    }

    /// Finds spans until one starts at or after byte `at`, or the text ends.
    pub fn fill_past(&mut self, at: usize) {
        while !self.done && self.found.last().is_none_or(|s| s.span.0 < at) {
            let n = self.found.len() + 1;
            self.fill(n);
        }
    }

    fn segment(&mut self, start: usize, word: &str) {
        if word.len() == 1 && !word.as_bytes()[0].is_ascii_alphanumeric() {
            return; // a space or a mark of punctuation: most bounds
        }
        let (found, pos, last) = (&mut self.found, &mut self.pos, &mut self.last);
        let mut emit = |span: (usize, usize), cjk: bool| {
            // Ideographs are adjacent only with nothing between them; words of alphabetic
            // scripts may be separated by spaces and punctuation.
            if let Some((end, was_cjk)) = *last {
                *pos += if cjk && was_cjk && end != span.0 { 2 } else { 1 };
            }
            found.push(Span { span, pos: *pos });
            *last = Some((span.1, cjk));
        };
        if word.bytes().all(|b| b.is_ascii_alphanumeric()) || word.chars().all(is_word_letter) {
            return emit((start, start + word.len()), false); // most words: no apostrophe, marker or ideograph
        }
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next())
            && is_plain_han(c)
        {
            return emit((start, start + word.len()), true); // an ideograph: a word of its own
        }
        let mut piece_start = 0;
        for (i, c) in word.char_indices().chain(std::iter::once((word.len(), '\''))) {
            if i < word.len() && !normalize::is_apostrophe(c) && !crate::fold::is_marker(c) {
                continue;
            }
            let piece = &word[piece_start..i];
            if !piece.is_empty() && piece.chars().any(char::is_alphanumeric) {
                pieces(piece, start + piece_start, &mut emit);
            }
            piece_start = i + c.len_utf8();
        }
    }
}

/// The first `n` characters of `word` folded one at a time — lower case, compatibility
/// decomposition, combining marks dropped, apostrophes and dashes unified — into `out`: a cheap
/// stand-in for [`normalize`] that agrees with it on how words begin. A word and its normalized
/// form fold alike (a test checks every word of sessions 79–80), so the words that may normalize
/// to a term are those whose fold starts like the term's, found without normalizing them.
pub fn fold_prefix(word: &str, n: usize, out: &mut Vec<char>) {
    Folder::default().fold_prefix(word, n, out);
}

/// [`fold_prefix`] with the folds of the characters met so far kept: highlighting folds the
/// first letters of every word of every shown hit, and a script has few letters.
#[derive(Default)]
pub struct Folder {
    /// By the character's low byte: the character and its fold (up to three characters).
    cache: Vec<Option<(char, [char; 3], u8)>>,
}

impl Folder {
    pub fn fold_prefix(&mut self, word: &str, n: usize, out: &mut Vec<char>) {
        out.clear();
        for c in word.chars() {
            if out.len() >= n {
                break;
            }
            if c.is_ascii() {
                out.push(normalize::unify(c.to_ascii_lowercase()));
            } else if is_plain_han(c) {
                out.push(c);
            } else {
                self.fold_char(c, out);
            }
        }
        out.truncate(n);
    }

    fn fold_char(&mut self, c: char, out: &mut Vec<char>) {
        if self.cache.is_empty() {
            self.cache = vec![None; 256];
        }
        let slot = (c as u32 & 0xff) as usize;
        if let Some((_, fold, len)) = self.cache[slot].filter(|(k, ..)| *k == c) {
            out.extend_from_slice(&fold[..len as usize]);
            return;
        }
        let at = out.len();
        let mut buf = [0; 4];
        for lower in c.to_lowercase() {
            for d in forms::normalized(lower.encode_utf8(&mut buf), forms::Form::Nfkd).chars() {
                if !forms::is_combining_mark(d) {
                    out.extend(d.to_lowercase().map(normalize::unify));
                }
            }
        }
        let folded = &out[at..];
        if folded.len() <= 3 {
            let mut fold = ['\0'; 3];
            fold[..folded.len()].copy_from_slice(folded);
            self.cache[slot] = Some((c, fold, folded.len() as u8));
        }
    }
}

/// The UAX #29 word segments of `text` that can hold a term: those `split_word_bound_indices`
/// gives, less some that hold no letter or digit. Found faster: the text is cut at single
/// spaces between two other characters and each run is segmented alone, so that a run of ASCII
/// takes the segmenter's ASCII path (`unicode_word_indices`, which leaves out the segments
/// without a letter or digit), and a run that is one word of letters ([`is_word_letter`])
/// between marks of punctuation (`сотрудничества,`, `«التعاون»`, `coopération.`) is that word,
/// instead of a table lookup per character. The cuts are bounds in the whole text as well:
/// nothing joins a space to the character before it unless that is a space too (WB3d), nor to
/// the character after it unless that is a space, Extend, Format or ZWJ (WB4), which no ASCII
/// character and no such letter is; and the rules that look past a neighbour (WB6, WB7, WB11,
/// WB12, WB15, WB16) see a space there just as they see the end of a run. A test compares the
/// segments with those of the whole text segmented at once over every paragraph of sessions
/// 79–80.
pub fn segments(text: &str) -> impl Iterator<Item = (usize, &str)> {
    runs(text).flat_map(|(at, run)| {
        let segments = if run.is_ascii() {
            Run::Ascii(run.unicode_word_indices())
        } else if let Some(word) = plain_word(run) {
            Run::Word(Some(word))
        } else {
            Run::Other(run.split_word_bound_indices())
        };
        segments.map(move |(i, w)| (at + i, w))
    })
}

/// The segments of one run, by the segmenter's ASCII path, as one plain word, or by its full
/// path.
enum Run<'a> {
    Ascii(unicode_segmentation::UnicodeWordIndices<'a>),
    Word(Option<(usize, &'a str)>),
    Other(unicode_segmentation::UWordBoundIndices<'a>),
}

impl<'a> Iterator for Run<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Run::Ascii(words) => words.next(),
            Run::Word(word) => word.take(),
            Run::Other(bounds) => bounds.next(),
        }
    }
}

/// A letter that UAX #29 joins to the letters and digits beside it (ALetter) and nothing else
/// joins to (not Extend, Format or ZWJ): ASCII letters and digits, the Russian alphabet, the
/// Arabic letters without their marks. Most words of five of the six languages are made of
/// them alone.
pub(crate) fn is_plain_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, 'А'..='я' | 'Ё' | 'ё' | '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// A letter that segments as a [plain letter](is_plain_letter) does: one of them, or a Latin
/// letter with its marks composed (`é`, `ñ`, `ç`: Latin-1 and Latin Extended-A and -B, but the
/// signs `×` and `÷`). Most French and Spanish words hold one; they are normalized by the
/// tables, but segmented without them.
fn is_word_letter(c: char) -> bool {
    is_plain_letter(c) || matches!(c, '\u{C0}'..='\u{24F}') && !matches!(c, '×' | '÷')
}

/// A mark of punctuation that UAX #29 never joins to a plain letter or to another such mark
/// when no letter or digit stands on its other side: ASCII punctuation but the low line
/// (ExtendNumLet), guillemets and curly double quotes, the Arabic comma, semicolon and question
/// mark.
fn is_plain_punctuation(c: char) -> bool {
    (c.is_ascii_punctuation() && c != '_') || matches!(c, '«' | '»' | '“' | '”' | '،' | '؛' | '؟')
}

/// The one word of a run that is letters ([`is_word_letter`]) between marks of punctuation
/// ([`is_plain_punctuation`]) only, with where it starts in the run; the marks are segments of
/// their own, without a letter or digit.
fn plain_word(run: &str) -> Option<(usize, &str)> {
    let after_marks = run.trim_start_matches(is_plain_punctuation);
    let word = after_marks.trim_end_matches(is_plain_punctuation);
    (!word.is_empty() && word.chars().all(is_word_letter)).then(|| (run.len() - after_marks.len(), word))
}

/// `text` cut before and after each space that has a character other than a space on its left
/// and, on its right, an ASCII character other than a space or a letter ([`is_word_letter`]);
/// the space is a run of its own.
fn runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut pending: Option<(usize, &str)> = None;
    std::iter::from_fn(move || {
        if let Some(space) = pending.take() {
            return Some(space);
        }
        if start >= bytes.len() {
            return None;
        }
        let mut i = start + 1;
        while i + 1 < bytes.len() {
            if is_cut(text, i) {
                let run = (start, &text[start..i]);
                pending = Some((i, &text[i..=i]));
                start = i + 1;
                return Some(run);
            }
            i += 1;
        }
        let run = (start, &text[start..]);
        start = bytes.len();
        Some(run)
    })
}

/// A word (no apostrophe in it) as its terms, given to `emit` with whether each is CJK:
/// the word itself, or one term per ideograph or kana and the runs between them.
fn pieces(word: &str, begin: usize, emit: &mut impl FnMut((usize, usize), bool)) {
    if !word.chars().any(is_cjk) {
        return emit((begin, begin + word.len()), false);
    }
    let mut run: Option<usize> = None; // start of a run of non-CJK characters
    for (i, c) in word.char_indices() {
        if is_cjk(c) {
            if let Some(s) = run.take() {
                emit((begin + s, begin + i), false);
            }
            emit((begin + i, begin + i + c.len_utf8()), true);
        } else if run.is_none() {
            run = Some(i);
        }
    }
    if let Some(s) = run {
        emit((begin + s, begin + word.len()), false);
    }
}

/// The terms of `text` only, in order.
pub fn terms(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.term).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_changes_with_any_term_span_position_or_stem() {
        let base = fingerprint("en", "Recalling its resolutions");
        assert_eq!(base, fingerprint("en", "Recalling its resolutions"));
        for (lang, other) in [
            ("en", "Recalling its resolution"),   // a term
            ("en", "Recalling  its resolutions"), // a span
            ("en", "Recalling, its resolutions"), // the same terms, spans moved
            ("fr", "Recalling its resolutions"),  // the stems of another language
        ] {
            assert_ne!(base, fingerprint(lang, other), "{lang}: {other}");
        }
        // Positions alone: ideographs apart take a gap that words apart do not.
        assert_ne!(fingerprint("zh", "大会 决议"), fingerprint("zh", "大会决议"));
    }

    /// From the start of the run that holds any byte, the words found are the whole text's from
    /// there on, with the same steps between positions: over every paragraph of the default
    /// corpus (six languages) and texts made to cut badly.
    #[test]
    fn words_from_a_run_start_are_the_whole_texts() {
        let corpus = crate::default_corpus::load();
        let made = [
            "a  b c",
            " lead",
            "x ,y",
            "word, «مرحبا» и мир",
            "大会 决议 text",
            "end ",
            "第79届会议（2024年）通过的决议",
            "国际刑警组织\u{200d}国际a'b国c:d国1.5",
            "“国际”，《决议》、text国",
        ];
        let texts = corpus.docs.iter().flat_map(|d| d.paragraphs.iter().map(|p| p.text.as_str())).chain(made);
        let mut checked = 0;
        for text in texts {
            let whole = spans(text);
            // Every byte of a short text, every seventh of a paragraph.
            let step = if text.len() < 200 { 1 } else { 7 };
            for at in (0..=text.len()).step_by(step).filter(|&at| text.is_char_boundary(at)) {
                let from = run_start(text, at);
                assert!(from <= at.max(1) && text.is_char_boundary(from), "{text:?} at {at}: {from}");
                let mut part = spans_lazily_from(text, from);
                part.fill(usize::MAX);
                let want: Vec<&Span> = whole.iter().filter(|s| s.span.0 >= from).collect();
                let spans_of = |v: &[&Span]| v.iter().map(|s| s.span).collect::<Vec<_>>();
                let steps = |v: &[&Span]| v.windows(2).map(|w| w[1].pos - w[0].pos).collect::<Vec<_>>();
                let got: Vec<&Span> = part.found.iter().collect();
                assert_eq!(spans_of(&got), spans_of(&want), "{text:?} from {from}");
                assert_eq!(steps(&got), steps(&want), "{text:?} from {from}");
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked} starts checked");
    }

    #[test]
    fn words_fold_to_one_term() {
        assert_eq!(
            terms("Coopération, COOPERATION et coopération"),
            ["cooperation", "cooperation", "et", "cooperation"]
        );
        assert_eq!(terms("l’Assemblée générale"), ["l", "assemblee", "generale"]);
        assert_eq!(terms("Member States' „quoted”"), ["member", "states", "quoted"]);
        assert_eq!(terms("Ёлка ΚΑΛΗΜΈΡΑ"), ["елка", "καλημερα"]);
    }

    #[test]
    fn ideographs_are_terms_with_adjacent_positions() {
        let t = tokens("大会，回顾A/RES/71/19号决议");
        let terms: Vec<&str> = t.iter().map(|t| t.term.as_str()).collect();
        assert_eq!(terms, ["大", "会", "回", "顾", "a", "res", "71", "19", "号", "决", "议"]);
        // 会 and 回 are separated by a comma: not adjacent.
        assert_eq!(t[1].pos, t[0].pos + 1);
        assert!(t[2].pos > t[1].pos + 1);
        assert_eq!(t[3].pos, t[2].pos + 1);
        assert_eq!(&"大会，回顾A/RES/71/19号决议"[t[9].span.0..t[9].span.1], "决");
    }

    #[test]
    fn footnote_markers_are_not_terms_and_take_no_position() {
        // Every printed form: bare, after and before punctuation, in parentheses (Arabic),
        // several digits, after a closing quote.
        for text in ["Persons,⁷ in", "Persons⁷ in", "Persons⁷, in", "Persons.¹⁰ In", "Persons»⁴ in", "Persons⁽¹⁾، in"]
        {
            let t = tokens(text);
            let terms: Vec<&str> = t.iter().map(|t| t.term.as_str()).collect();
            assert_eq!(terms, ["persons", "in"], "{text}");
            assert_eq!(t[1].pos, t[0].pos + 1, "{text}");
        }
        // Between ideographs a marker still keeps them apart: Chinese matches substrings.
        let t = tokens("决议¹又");
        assert!(t[2].pos > t[1].pos + 1);
    }

    /// The segments that hold a letter or digit (the others hold no term).
    fn holding_words<'a>(segments: impl Iterator<Item = (usize, &'a str)>) -> Vec<(usize, &'a str)> {
        segments.filter(|(_, w)| w.chars().any(char::is_alphanumeric)).collect()
    }

    /// The runs the text is cut into, segmented one by one, give the segments of the whole text
    /// wherever spaces stand next to what UAX #29 treats specially.
    #[test]
    fn segments_equal_those_of_the_whole_text() {
        use unicode_segmentation::UnicodeSegmentation;
        let texts = [
            "e.g. 3.14 and 1,000; it's U.N. a  b   c d\u{301} x \u{200d}y z \u{ad}w",
            "Recalling its resolution 71/19 of 21 November 2016¹ and l’Assemblée générale,",
            "\u{1f1eb}\u{1f1f7} \u{1f1eb}\u{1f1f7}\u{1f1e9} 国际 刑警 组织 a_b _c c_ : . ' \"",
            " leading and trailing ",
            "",
            "x",
            "\t tab\r\n line \u{a0}nbsp \u{3000}ideographic space",
            "сотрудничества, «сотрудничество» по (а) б) в; г: д's е_ж 1.5 ё.Ё 2,3 а\u{301} \u{301}б",
            "التعاون، «الإنتربول» (أ) الدولي؛ و؟ الـعمل ١٢ بالأشخاص: ب.ج ٣،٤ الْعَمَل \u{64b}ب",
            "“coopération” «police» abc,def сб'в аб\u{200d} \u{200d}аб а_ _б «_а»",
            "第79/136号决议，1，000；国际刑警组织（国际刑警）“合作”。x国y 3国4 国\u{301}际 国\u{200d}际 国\u{200b}际 国\u{ad}际",
            "ア国カタカナ国ｱ 国ＡＢＣ国１２国＿国_a 国\u{1f1eb}\u{1f1f7}国 国:国 a国:b 1国,2 \u{302a}国\u{302a} 国\u{3099}",
        ];
        for text in texts {
            assert_eq!(holding_words(segments(text)), holding_words(text.split_word_bound_indices()), "{text:?}");
        }
    }

    /// Every plain letter and every plain mark of punctuation, in runs of the shapes the fast
    /// path takes as one word and of shapes it must not (a mark between letters, a mark after
    /// a space and before a letter, a letter then a combining mark), segment as the whole text.
    #[test]
    fn plain_words_segment_as_uax29_does() {
        use unicode_segmentation::UnicodeSegmentation;
        let letters: Vec<char> = ('\0'..='\u{700}').filter(|&c| is_word_letter(c)).collect();
        let marks: Vec<char> = ('\0'..='\u{2100}').filter(|&c| is_plain_punctuation(c)).collect();
        assert!(letters.len() > 150 && marks.len() > 35, "{} letters, {} marks", letters.len(), marks.len());
        for &c in &letters {
            for &m in &marks {
                for text in [
                    format!("x {m}{c}{c}{m}{m} y"),
                    format!("{c}{m}{c} {m}{c} {c}{m}"),
                    format!("1 {c}{m}1 {m}{m}{c}1{m} {c}\u{301}{m} б{c}"),
                ] {
                    let whole = holding_words(text.split_word_bound_indices());
                    assert_eq!(holding_words(segments(&text)), whole, "{text:?}");
                }
            }
        }
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "Recalling its resolution 71/19 of 21 November 2016¹";
        for t in tokens(text) {
            assert_eq!(normalize(&text[t.span.0..t.span.1]), t.term);
        }
    }
}
