//! The structure of a resolution read from plain text or Markdown: header metadata, the
//! enacting formula, preambular paragraphs, numbered operative paragraphs, lettered
//! subparagraphs, footnotes, and the closing lines — rejoining what page breaks split.

use super::draft::{Draft, ends_with_comma, is_cjk};
use super::lists::{self, PreambleList};
use super::text::TextLine;
use super::{labels, leads, meta, scopes, sections};
use crate::fold::superscript_digit;
use crate::model::{Metadata, ParaId, ParaKind, Scope};
use regex::Regex;
use std::sync::LazyLock;

static FORMULA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:The General Assembly|大会|L[’']Assemblée générale|La Asamblea General|Генеральная Ассамблея|إن[\u{64b}-\u{652}]* الجمعية العامة)\s*[,，،]?[\u{200e}\u{200f}]*$").unwrap()
});

/// The index of the enacting formula line ("The General Assembly,"), if the text has one: the
/// first after the `NN/NNN. Title` line when there is one, since the header's issuing body
/// ("Генеральная Ассамблея", "大会") reads like a formula without its comma.
///
/// Where no formula is printed (the Spanish XML of A/RES/79/327 lacks it), the `NN/NNN. Title`
/// line after the symbol printed alone stands in for it: the preamble follows the title.
pub fn formula_index(lines: &[TextLine]) -> Option<usize> {
    let is_formula = |l: &TextLine| FORMULA.is_match(&l.marked.text);
    let title = lines.iter().position(|l| meta::number_and_title(&l.marked.text).is_some());
    let after_title = title.and_then(|t| lines[t + 1..].iter().position(is_formula).map(|i| t + 1 + i));
    let symbol_then_title =
        || title.filter(|&t| lines[..t].iter().any(|l| meta::symbol_line(&l.marked.text).is_some()));
    after_title.or_else(|| lines.iter().position(is_formula)).or_else(symbol_then_title)
}

/// Reads a resolution whose enacting formula is `lines[formula]`, with the parts after the
/// first of a resolution adopted in parts and the annexes after its closing lines.
pub fn read(lines: &[TextLine], formula: usize, lang: &str) -> (Metadata, Vec<Draft>) {
    // A title standing in for a missing formula belongs to the header, and a preamble follows it.
    let printed = FORMULA.is_match(&lines[formula].marked.text);
    let mut meta = header(&lines[..if printed { formula } else { formula + 1 }]);
    // Part A's letter, printed above its title between the resolution's title and the formula.
    let title = lines[..formula].iter().rposition(|l| meta::number_and_title(&l.marked.text).is_some());
    let first_part = title.and_then(|t| lines[t + 1..formula].iter().find_map(|l| scopes::part_letter(&l.marked.text)));
    let mut out = Parts::default();
    let mut at = formula;
    let mut scope = first_part.map(Scope::Part);
    loop {
        let (end, next) = statement(lines, at, lang, scope, &mut meta, &mut out);
        match next {
            Some(Next::Part(letter, formula)) => {
                scope = Some(Scope::Part(letter));
                at = formula;
            }
            Some(Next::Annex) => {
                annexes(&lines[end..], lang, &mut out);
                break;
            }
            None => break,
        }
    }
    (meta, out.finish())
}

/// What was read, part by part and annex by annex.
#[derive(Default)]
struct Parts {
    paras: Vec<Draft>,
    notes: Vec<Draft>,
}

impl Parts {
    /// Takes what `body` read, in `scope`.
    fn take(&mut self, body: Body, scope: Option<Scope>) {
        let (mut paras, notes) = body.finish();
        sections::scope_restarts(&mut paras);
        scopes::scope(&mut paras, scope);
        self.paras.append(&mut paras);
        self.notes.extend(notes);
    }

    fn finish(mut self) -> Vec<Draft> {
        self.notes.sort_by_key(|d| d.para.num.as_ref().and_then(|n| n.parse::<u32>().ok()));
        self.paras.extend(self.notes);
        self.paras
    }
}

/// What follows a statement's closing lines.
enum Next {
    /// Another part: its letter and the index of its formula.
    Part(char, usize),
    /// The annexes.
    Annex,
}

/// Reads the statement whose formula is `lines[formula]` up to its closing lines; returns the
/// index where they end and what follows them.
fn statement(
    lines: &[TextLine],
    formula: usize,
    lang: &str,
    scope: Option<Scope>,
    meta: &mut Metadata,
    out: &mut Parts,
) -> (usize, Option<Next>) {
    let printed = FORMULA.is_match(&lines[formula].marked.text);
    // "The General Assembly" without its comma opens a one-sentence decision ("Adopts the
    // following …"): what follows is not a preamble.
    // Arabic keeps the comma there; the decision still shows in its first line, which ends
    // with a colon and is followed by unlabelled text ("تعتمد الوثيقة الختامية …:").
    let comma =
        !printed || lines[formula].marked.text.trim_end_matches(['\u{200e}', '\u{200f}']).ends_with([',', '，', '،']);
    let preamble = comma && !decision(&lines[formula + 1..]);
    let mut reader = Body { preamble, ..Body::default() };
    let mut i = formula + 1;
    while i < lines.len() {
        let text = &lines[i].marked.text;
        if meta::meeting_line(text).is_some() || (reader.operative.is_some() && meta::is_date_line(text)) {
            break;
        }
        // An annex or a part printed without the closing lines before it (79/1 fr, 80/84 A fr).
        if scopes::annex_line(text).is_some() {
            out.take(reader, scope);
            return (i, Some(Next::Annex));
        }
        if let Some(next) = part_opening(&lines[i..]) {
            out.take(reader, scope);
            return (i, Some(Next::Part(next.0, i + next.1)));
        }
        reader.line(&lines[i], lang);
        i += 1;
    }
    out.take(reader, scope);
    while i < lines.len() {
        let text = &lines[i].marked.text;
        if let Some(next) = part_opening(&lines[i..]) {
            return (i, Some(Next::Part(next.0, i + next.1)));
        }
        if scopes::annex_heading(text).is_some() {
            return (i, Some(Next::Annex));
        }
        closing(meta, text);
        i += 1;
    }
    (i, None)
}

/// A part's opening after the closing lines of the one before: its letter alone on a line,
/// its title, then the formula. Gives the letter and the formula's offset.
fn part_opening(lines: &[TextLine]) -> Option<(char, usize)> {
    let letter = scopes::part_letter(&lines.first()?.marked.text)?;
    let formula = lines.iter().take(4).position(|l| FORMULA.is_match(&l.marked.text))?;
    Some((letter, formula))
}

/// The annexes, each opened by its heading ("Annex", "Annex I", "附件二"), which a title
/// may follow on its line or the next.
fn annexes(lines: &[TextLine], lang: &str, out: &mut Parts) {
    let mut current: Option<(Scope, Body)> = None;
    let mut title_next = false;
    for line in lines {
        let m = &line.marked;
        let opens = match &current {
            None => scopes::annex_heading(&m.text),
            Some((scope, _)) => scopes::next_annex(&m.text, *scope).map(|scope| (scope, m.text.trim_end().len())),
        };
        if let Some((scope, len)) = opens {
            if let Some((scope, body)) = current.take() {
                out.take(body, Some(scope));
            }
            let mut body = Body { annex: true, ..Body::default() };
            let (heading, title) = m.split_off_number(len);
            body.heading(&heading);
            title_next = title.text.is_empty();
            if !title_next {
                body.heading(&title);
            }
            current = Some((scope, body));
            continue;
        }
        let Some((_, body)) = current.as_mut() else { continue };
        let numbered = labels::operative(&m.text).is_some() || labels::sub_label(&m.text).is_some();
        let article = body.articles.opens(&m.text).filter(|_| !numbered);
        if std::mem::take(&mut title_next) && !numbered && article.is_none() && scopes::is_title(&m.text) {
            body.heading(m);
            continue;
        }
        if let Some((n, len)) = article {
            title_next = body.article(m, n, len);
            continue;
        }
        body.line(line, lang);
    }
    if let Some((scope, body)) = current {
        out.take(body, Some(scope));
    }
}

/// The text after the formula opens a decision, not a preamble: "Adopts the following …:"
/// then the text adopted, or one unnumbered paragraph alone before the closing meeting line
/// ("Adopts the political declaration …, as contained in the annex": a preamble comes before
/// something).
fn decision(lines: &[TextLine]) -> bool {
    let unlabelled = |t: &str| labels::sub_label(t).is_none() && labels::operative(t).is_none();
    let mut body = lines.iter().take_while(|l| meta::meeting_line(&l.marked.text).is_none());
    let one_sentence = match (body.next(), body.next()) {
        (Some(only), None) => unlabelled(&only.marked.text),
        _ => false,
    };
    let [first, second, ..] = lines else { return one_sentence };
    one_sentence || (first.marked.text.trim_end().ends_with([':', '：']) && unlabelled(&second.marked.text))
}

fn header(lines: &[TextLine]) -> Metadata {
    let mut meta = Metadata::default();
    for l in lines {
        let t = l.marked.text.as_str();
        if let Some(symbol) = meta::symbol_line(t) {
            meta.symbol.get_or_insert(symbol);
        } else if let Some((symbol, title)) = meta::number_and_title(t) {
            meta.symbol.get_or_insert(symbol);
            if let Some(title) = title {
                meta.title.get_or_insert(title);
            }
        } else if let Some(n) = meta::session(t) {
            meta.session = Some(n);
        } else if let Some(item) = meta::agenda_item(t) {
            meta.agenda_item = Some(item);
        } else if let Some(d) = meta::draft(t) {
            meta.draft = Some(d);
        } else if meta.date.is_none() && !meta::is_date_line(t) {
            // The adoption line ("Resolution adopted by the General Assembly on 6 December 2024",
            // "2024年12月17日大会决议", …); a date alone on its line is the date of issue.
            meta.date = meta::find_date(t);
        }
    }
    // The session is printed as an ordinal in words; a General Assembly symbol carries it too.
    if meta.session.is_none() {
        meta.session = meta.symbol.as_deref().and_then(session_of_symbol);
    }
    meta
}

/// "A/RES/79/136" → 79 (sessions are numbered in resolution symbols since the 31st).
fn session_of_symbol(symbol: &str) -> Option<u32> {
    let n: u32 = symbol.strip_prefix("A/RES/")?.split('/').next()?.parse().ok()?;
    (n >= 31).then_some(n)
}

/// The closing lines: "48th plenary meeting" and the adoption date.
fn closing(meta: &mut Metadata, text: &str) {
    if let Some(n) = meta::meeting(text) {
        meta.meeting = Some(n);
    }
    if let Some(d) = meta::find_date(text) {
        meta.date = Some(d);
    }
}

/// The paragraphs after the enacting formula, read line by line.
#[derive(Default)]
struct Body {
    paras: Vec<Draft>,
    notes: Vec<Draft>,
    preambular: u32,
    operative: Option<u32>,
    /// Count of paragraphs that are neither preambular nor operative (`pN`).
    plain: u32,
    /// Index in `paras` of the paragraph a continuation line belongs to.
    current: Option<usize>,
    /// The last subparagraph label of the current operative paragraph, for roman nesting.
    last_letter: Option<String>,
    /// The formula ended with a comma: unnumbered paragraphs before the first operative one are
    /// preambular.
    preamble: bool,
    /// Section numbers (`I`) and their titles: headings (`hN`), never continued by the next line.
    sections: labels::Sections,
    headings: u32,
    /// Lists in the preamble, read item by item (see [`Body::preamble_item`]).
    lists: Vec<PreambleList>,
    /// The text is an annex's, which may be a convention made of articles.
    annex: bool,
    /// The last paragraph that opened with a bullet (`• …`): an item of a list, not a title.
    bulleted: Option<usize>,
    articles: scopes::Articles,
}

impl Body {
    fn line(&mut self, line: &TextLine, lang: &str) {
        let before = self.paras.len();
        self.read_line(line, lang);
        if line.bullet.is_some() && self.paras.len() > before {
            self.bulleted = Some(self.paras.len() - 1);
        }
    }

    fn read_line(&mut self, line: &TextLine, lang: &str) {
        let mut m = line.marked.clone();
        if line.literal {
            self.unmarked(&m, lang);
        } else if let Some((n, len)) = footnote_marker(&m.text) {
            m.drop_prefix(len);
            m.trim();
            let mut d = Draft::new(ParaId::footnote(n), ParaKind::Footnote, &m);
            d.para.num = Some(n.to_string());
            self.notes.push(d);
        } else if let Some((n, len)) = labels::operative(&m.text) {
            self.sections.other();
            self.decision_introduced();
            m.drop_prefix(len);
            self.operative = Some(n);
            self.last_letter = None;
            let mut d = Draft::new(ParaId::operative(n), ParaKind::Operative, &m);
            d.para.num = Some(n.to_string());
            d.para.lead = m.leading_emphasis().map(str::to_owned);
            self.push(d);
        } else if self.in_preamble_list(&m) {
            self.preamble_item(&m, lang);
        } else if self.unexpected_label(&m.text) && self.open_mid_item() {
            // "… (Protocol" / "II) on …", "… l’alinéa" / "e) de l’article …": a page break
            // before a reference that reads like a label.
            let i = self.current.expect("open_mid_item() checked it");
            self.paras[i].append(&m);
        } else if let Some(d) = self.subparagraph(&m) {
            self.sections.other();
            self.push(d);
        } else {
            self.unmarked(&m, lang);
        }
    }

    /// The first operative paragraph comes right after a lone line ending with a colon where a
    /// preamble would be ("Resolves that, for 2025:", `تقرر، بالنسبة لعام 2025:`, "Décide ce qui
    /// suit :"): that line introduces the decision and is body text, not a preambular paragraph.
    fn decision_introduced(&mut self) {
        let current_is_last = self.current.is_some_and(|c| c + 1 == self.paras.len());
        if self.operative.is_some() || self.preambular != 1 || !current_is_last {
            return;
        }
        let Some(d) = self.paras.last_mut().filter(|d| d.para.kind == ParaKind::Preambular) else { return };
        if d.para.text.trim_end().ends_with([':', '：']) {
            self.preambular = 0;
            self.plain += 1;
            d.para.kind = ParaKind::Body;
            d.para.id = ParaId::body(self.plain);
            d.para.lead = None;
        }
    }

    /// A line with no number, label or marker: a continuation, a preambular paragraph, or body.
    fn unmarked(&mut self, m: &super::inline::Marked, lang: &str) {
        if let Some(len) = labels::section_number_before_title(&m.text) {
            let (number, title) = m.split_off_number(len);
            self.unmarked(&number, lang);
            self.unmarked(&title, lang);
            return;
        }
        if !labels::section_number(&m.text) && self.continues(m, lang) {
            let i = self.current.expect("continues() checked it");
            self.paras[i].append(m);
            return;
        }
        match self.sections.line(&m.text) {
            Some(line) => {
                if line == labels::SectionLine::Number {
                    // A section opens: paragraphs before its first operative one are its preamble.
                    self.operative = None;
                    self.last_letter = None;
                }
                self.headings += 1;
                self.push(Draft::new(ParaId::heading(self.headings), ParaKind::Heading, m));
                self.current = None;
            }
            None => self.new_unmarked(m, lang),
        }
    }

    fn new_unmarked(&mut self, m: &super::inline::Marked, lang: &str) {
        if self.adopted_text_preamble(m, lang) {
            self.preamble = true;
        }
        if self.operative.is_none() && self.preamble {
            self.preambular += 1;
            let mut d = Draft::new(ParaId::preambular(self.preambular), ParaKind::Preambular, m);
            d.para.lead = leads::preambular(m, lang).map(str::to_owned);
            self.push(d);
        } else {
            self.plain += 1;
            self.push(Draft::new(ParaId::body(self.plain), ParaKind::Body, m));
        }
    }

    /// A text the resolution adopts can open with a formula of its own ("We, the Ministers …,
    /// gathered in New York …,", 80/173's outcome document) and a preamble after it: a body
    /// paragraph ending with a comma, before any operative paragraph, followed by a line that
    /// opens with a preambular lead.
    fn adopted_text_preamble(&self, m: &super::inline::Marked, lang: &str) -> bool {
        let Some(current) = self.current.map(|i| &self.paras[i].para) else { return false };
        let formula = current.kind == ParaKind::Body && ends_with_comma(&current.text);
        let lead = m.leading_emphasis().is_some() || leads::opens_preambular(&m.text, lang);
        !self.preamble && self.operative.is_none() && formula && lead
    }

    fn subparagraph(&mut self, m: &super::inline::Marked) -> Option<Draft> {
        let (label, len) = labels::sub_label(&m.text)?;
        let parent_num = self.operative?;
        let id_part = labels::normalize_label(label, self.last_letter.as_deref())?;
        // A letter (`(h)`) or a doubled one (`(hh)`) before a roman numeral: the numeral nests.
        let nested = labels::nests_under(self.last_letter.as_deref(), &id_part);
        let parent = ParaId::operative(parent_num);
        let (id, num) = if nested {
            let letter = self.last_letter.clone()?;
            (parent.child(&letter).child(&id_part), format!("{parent_num} ({letter}) ({label})"))
        } else {
            self.last_letter = Some(id_part.clone());
            (parent.child(&id_part), format!("{parent_num} ({label})"))
        };
        let mut rest = m.clone();
        rest.drop_prefix(len);
        let mut d = Draft::new(id, ParaKind::Subparagraph, &rest);
        d.para.num = Some(num);
        Some(d)
    }

    /// A lettered item of a list in the preamble, read as a paragraph of its own until the list
    /// ends ([`Body::finish`] decides); a roman item under a lettered one belongs to it.
    fn preamble_item(&mut self, m: &super::inline::Marked, lang: &str) {
        let current = self.current.expect("in_preamble_list() checked it");
        let open = self.lists.last().filter(|l| l.items.last() == Some(&current));
        if let Some(letter) = open.and_then(|_| labels::item_letter(&self.paras[current].para.text)) {
            if labels::roman_under(&letter, &m.text) {
                self.paras[current].append(m);
                return;
            }
        }
        if open.is_none() {
            self.lists.push(PreambleList { parent: current, items: Vec::new() });
        }
        self.new_unmarked(m, lang);
        let item = self.paras.len() - 1;
        self.lists.last_mut().expect("pushed above").items.push(item);
    }

    /// A labelled line in the preamble is an item of the preambular paragraph before it
    /// ("Recalling the endorsement … of: (a) …; (b) …"): preambular paragraphs have no
    /// subparagraph ids.
    fn in_preamble_list(&self, m: &super::inline::Marked) -> bool {
        let preambular = self.current.is_some_and(|i| self.paras[i].para.kind == ParaKind::Preambular);
        self.operative.is_none() && preambular && labels::sub_label(&m.text).is_some()
    }

    /// A line continues the current paragraph when that one stops mid-sentence: a page break
    /// (and perhaps the page's footnotes) came between. Case says nothing: Russian preambular
    /// paragraphs open in lower case, Arabic and Chinese have none. A line that opens with an
    /// emphasised lead (`*Recalling*`, `*ссылаясь*`), or in the preamble with the words of one
    /// (`Taking note`, `рекомендуя`, `وإذ`), starts a paragraph even when the one before lacks
    /// its closing comma (the UN's text has a few such slips).
    fn continues(&self, m: &super::inline::Marked, lang: &str) -> bool {
        let Some(current) = self.current.map(|i| &self.paras[i]).filter(|d| d.is_open()) else { return false };
        if self.introduced_line() || self.note_under_table(&m.text) || titled(&current.para.text) || titled(&m.text) {
            return false;
        }
        // A labelled line after a list item closed by "; or", "; and": the list's next item
        // (79/243 art. 2 (e): "(i) … system; or" / "(ii) processes …").
        if labels::sub_label(&m.text).is_some() && item_closed(&current.para.text) {
            return false;
        }
        // An annex's text has titles without numbers ("Introduction", "Chapter I", "General
        // provisions"): a short line that ends as no sentence does is not continued, nor does it
        // continue the line before.
        if self.annex && (self.title() || short_title(&m.text)) {
            return false;
        }
        let in_preamble = self.preamble && self.operative.is_none();
        let lead = m.leading_emphasis().is_some()
            || (in_preamble
                && ends_a_clause(&current.para.text)
                && !leads::ends_on_a_lead_opening(&current.para.text, lang)
                && leads::opens_preambular(&m.text, lang));
        !lead
    }

    /// The current paragraph is an annex's title: body text without a list's label or bullet that ends as
    /// no sentence does, short or right after the annex's heading and title (a subtitle: 80/117's "Equity and
    /// integration: transforming lives …").
    fn title(&self) -> bool {
        let Some(i) = self.current else { return false };
        let current = &self.paras[i].para;
        let heading = |j: usize| self.paras[j].para.kind == ParaKind::Heading;
        let after_title = i > 1 && heading(i - 1) && heading(i - 2);
        let title = short_title(&current.text) || (after_title && scopes::is_title(&current.text));
        let item = labels::sub_label(&current.text).is_some() || self.bulleted == Some(i);
        matches!(current.kind, ParaKind::Body | ParaKind::Preambular) && title && !item
    }

    /// The current paragraph is a title or an item that the one before introduces ("Adopts the
    /// following outcome document …:" / "Outcome document of …"; "… the following themes:" /
    /// "Panel 1: …"; a table printed as one line): an unnumbered line after a colon, without a
    /// sentence's end or a semicolon, which the next line does not continue.
    fn introduced_line(&self) -> bool {
        let Some(i) = self.current.filter(|&i| i > 0) else { return false };
        let (before, current) = (&self.paras[i - 1].para, &self.paras[i].para);
        // Or after a block's title line (`E. Office of Internal Oversight Services`): its table.
        // An annex's lettered block title heads prose (80/226: "B. Individualized approaches").
        let after_colon = before.text.trim_end().ends_with([':', '：']) || (titled(&before.text) && !self.annex);
        // A full stop ends a sentence where a space or the end follows (`1.8 times` is a number).
        let text = current.text.trim_end();
        let text = text.split_once(' ').filter(|(number, _)| section_token(number)).map_or(text, |(_, title)| title);
        let full_stop = text.ends_with('.') || text.contains(". ") || text.contains('。');
        let sentence = full_stop || text.contains([';', '；', '؛']);
        let item = labels::sub_label(&current.text).is_some() || self.bulleted == Some(i);
        after_colon && current.kind == ParaKind::Body && !sentence && !item
    }

    /// A table's note (`a Se aplica un descuento …`, `a 包括 …`, `(أ) يشمل …`: its letter, then a
    /// sentence) under the table that a paragraph introduced with a colon or a title headed (an
    /// annex's "Staffing table for 2026"), which the note does not continue even when the
    /// table's cells read as sentences (`EE. UU.`, `s.o.`).
    fn note_under_table(&self, text: &str) -> bool {
        let Some(i) = self.current.filter(|&i| i > 0) else { return false };
        let (before, current) = (&self.paras[i - 1].para, &self.paras[i].para);
        let mut chars = text.chars();
        let note = match (chars.next(), chars.next(), chars.next(), chars.next()) {
            (Some(l), Some(' '), Some(u), _) => l.is_ascii_lowercase() && (u.is_uppercase() || is_cjk(u)),
            (Some('('), Some(l), Some(')'), Some(' ')) => ('\u{620}'..='\u{64a}').contains(&l),
            _ => false,
        };
        let introduced = before.text.trim_end().ends_with([':', '：']) || before.kind == ParaKind::Heading;
        note && current.kind == ParaKind::Body && introduced
    }

    /// The current paragraph is open and not a list item closed by a semicolon and a
    /// conjunction: an unexpected label after it is a reference a page break cut ("párrafo 1
    /// b) y" / "c) del presente artículo").
    fn open_mid_item(&self) -> bool {
        let Some(d) = self.current.map(|i| &self.paras[i]) else { return false };
        d.is_open() && !item_closed(&d.para.text)
    }

    /// The line opens with a label that is not the next one of the current operative paragraph
    /// (the first is `a` or `i`; then the letter after the last, or a roman item under it).
    fn unexpected_label(&self, text: &str) -> bool {
        let Some((label, _)) = labels::sub_label(text) else { return false };
        let Some(id) = labels::normalize_label(label, self.last_letter.as_deref()) else { return true };
        let expected = match self.last_letter.as_deref() {
            None => id == "a" || id == "i",
            Some(last) => labels::next_letter(last, &id) || labels::is_roman(&id),
        };
        !expected
    }

    fn push(&mut self, d: Draft) {
        self.paras.push(d);
        self.current = Some(self.paras.len() - 1);
    }

    /// Article `n` of an annexed convention opens with its heading, the first `len` bytes of
    /// `m` (a title may follow on the line); true when its title is still to come.
    fn article(&mut self, m: &super::inline::Marked, n: u32, len: usize) -> bool {
        let (heading, title) = m.split_off_number(len);
        *self = Body {
            paras: std::mem::take(&mut self.paras),
            notes: std::mem::take(&mut self.notes),
            lists: std::mem::take(&mut self.lists),
            articles: std::mem::take(&mut self.articles),
            annex: true,
            ..Body::default()
        };
        let d = self.articles.open(n, &heading);
        self.push(d);
        self.current = None;
        if title.text.is_empty() {
            return true;
        }
        self.heading(&title);
        false
    }

    /// A heading that no line continues (an annex's heading and title).
    fn heading(&mut self, m: &super::inline::Marked) {
        self.headings += 1;
        self.push(Draft::new(ParaId::heading(self.headings), ParaKind::Heading, m));
        self.current = None;
    }

    /// The paragraphs, their preamble lists closed, and the footnotes.
    fn finish(mut self) -> (Vec<Draft>, Vec<Draft>) {
        lists::close(&mut self.paras, &self.lists);
        self.articles.scope(&mut self.paras);
        (self.paras, self.notes)
    }
}

/// The words that join a list's last items (`…; and`, `…;或者`).
const CONJUNCTIONS: [&str; 18] =
    ["and", "or", "y", "o", "e", "u", "et", "ou", "и", "или", "و", "أو", "和", "或", "以及", "或者", "并且", "并"];

fn last_word(text: &str) -> &str {
    text.trim_end().rsplit([' ', '；', '，', ';', ',']).next().unwrap_or_default()
}

/// A list item closed by a semicolon or comma and the word that joins the next ("…; or",
/// "…, o", "…;或者"): a
/// labelled line after it is the next item, not a page break's remainder.
fn item_closed(text: &str) -> bool {
    let word = last_word(text);
    let before = text.trim_end()[..text.trim_end().len() - word.len()].trim_end();
    CONJUNCTIONS.contains(&word.to_lowercase().as_str()) && before.ends_with([';', '；', '؛', ',', '，', '،'])
}

/// A section number ending with a full stop, as a title line opens with it (`B.`, `II.`).
fn section_token(word: &str) -> bool {
    word.ends_with('.') && labels::section_number(word)
}

/// A line that opens with a section number and its title (`B. Pension Administration`, Arabic
/// `باء - إدارة المعاشات التقاعدية`: a lettered block of a Fifth Committee resolution): it starts
/// a paragraph, and the next line (the block's table) does not continue it.
fn titled(text: &str) -> bool {
    const ARABIC_LETTERS: [&str; 10] = ["ألف", "باء", "جيم", "دال", "هاء", "واو", "زاي", "حاء", "طاء", "ياء"];
    let arabic = ARABIC_LETTERS.iter().any(|l| text.strip_prefix(l).is_some_and(|rest| rest.starts_with(" - ")));
    arabic || text.split_once(' ').is_some_and(|(number, _)| section_token(number))
}

/// A title in an annex: shorter than the shortest line a page break leaves at the foot of a
/// page (a paragraph is kept whole unless it runs over two lines), and without a sentence's end.
fn short_title(text: &str) -> bool {
    scopes::is_title(text) && text.chars().count() < 120
}

/// Whether `text` could end a clause: its last word is not a short function word (`and`, `the`,
/// `и`, `de`), after which a page break would fall in mid-sentence.
fn ends_a_clause(text: &str) -> bool {
    let last = text.trim_end().rsplit(' ').next().unwrap_or_default();
    let closes = last.ends_with(['”', '"', '»', ')', '）']) || last.ends_with(|c: char| c.is_ascii_digit());
    closes || last.chars().count() >= 4
}

/// A footnote line opens with its marker: `¹ United Nations, …` (superscript digits, then a
/// space), or `⁽¹⁾ …` as the UN's Arabic prints it.
fn footnote_marker(text: &str) -> Option<(u32, usize)> {
    let (open, rest) = text.strip_prefix('⁽').map_or((0, text), |r| ('⁽'.len_utf8(), r));
    let digits: String =
        rest.chars().map_while(|c| superscript_digit(c).and_then(|d| char::from_digit(d, 10))).collect();
    if digits.is_empty() {
        return None;
    }
    let mut len = open + rest.chars().take(digits.len()).map(char::len_utf8).sum::<usize>();
    if open > 0 {
        len += text[len..].strip_prefix('⁾').map(|_| '⁾'.len_utf8())?;
    }
    let n = digits.parse().ok()?;
    text[len..].starts_with(char::is_whitespace).then_some((n, len))
}

#[cfg(test)]
mod tests {
    use super::super::text::lines;
    use super::*;

    fn read_text(src: &str) -> (Metadata, Vec<(String, ParaKind)>) {
        let ls = lines(src);
        let (meta, drafts) = read(&ls, formula_index(&ls).expect("a formula"), "");
        (meta, drafts.into_iter().map(|d| (d.para.id.to_string(), d.para.kind)).collect())
    }

    fn ids(src: &str) -> Vec<String> {
        read_text(src).1.into_iter().map(|(id, _)| id).collect()
    }

    /// Each part of a resolution in parts numbers its paragraphs anew under its letter, with or
    /// without closing lines between the parts; the meeting and date come from the last.
    #[test]
    fn parts_are_read_each_under_its_letter() {
        let closing = "62nd plenary meeting\n\n4 December 2024\n\n";
        let src = |between: &str| {
            format!(
                "79/93. Questions relating to information\n\nA\n\nInformation\n\nThe General Assembly,\n\n\
                 Taking note of the report,\n\n1. Urges all countries;\n\n{between}B\n\nPolicies\n\n\
                 The General Assembly,\n\nReaffirming its resolution 13 (I),\n\n1. Requests the Secretary-General;\n\n{closing}"
            )
        };
        for between in [closing, ""] {
            let (meta, paras) = read_text(&src(between));
            let got: Vec<&str> = paras.iter().map(|(id, _)| id.as_str()).collect();
            assert_eq!(got, ["a.pp1", "a.op1", "b.pp1", "b.op1"], "{between:?}");
            assert_eq!((meta.meeting, meta.date.as_deref()), (Some(62), Some("2024-12-04")));
        }
    }

    /// Annexes after the closing lines: each numbers its paragraphs anew; "Annex II" opens the
    /// next one, its title is a heading, a short title is no page break's first half, and the
    /// closing lines' date is not taken from the annex.
    #[test]
    fn annexes_are_read_after_the_closing_lines() {
        let src = "79/1. The Pact\n\nThe General Assembly\n\nAdopts the following Pact:\n\n1. We commit;\n\n\
                   3rd plenary meeting\n\n22 September 2024\n\nAnnex I\n\nGlobal Digital Compact\n\nIntroduction\n\n\
                   1. Digital technologies transform our world, as on 1 January 2025.\n\nAnnex II\n\nDeclaration\n\n\
                   1. We commit to act.\n";
        let (meta, paras) = read_text(src);
        let got: Vec<(&str, ParaKind)> = paras.iter().map(|(id, k)| (id.as_str(), *k)).collect();
        let want = [
            ("p1", ParaKind::Body),
            ("op1", ParaKind::Operative),
            ("annex1.h1", ParaKind::Heading),
            ("annex1.h2", ParaKind::Heading),
            ("annex1.p1", ParaKind::Body),
            ("annex1.op1", ParaKind::Operative),
            ("annex2.h1", ParaKind::Heading),
            ("annex2.h2", ParaKind::Heading),
            ("annex2.op1", ParaKind::Operative),
        ];
        assert_eq!(got, want);
        assert_eq!(meta.date.as_deref(), Some("2024-09-22"));
    }

    /// An annexed convention: each article numbers its paragraphs anew; its title is a heading;
    /// the interpretative notes' "Annex" and "Article 2" after article 3 open nothing new; a
    /// labelled line after "; or" is the next item, after "b) y" a cut reference.
    #[test]
    fn an_annexed_convention_is_read_article_by_article() {
        let src = "80/1. Convention\n\nThe General Assembly,\n\nRecalling its work,\n\n1. Adopts the Convention;\n\n\
                   3rd plenary meeting\n\n1 December 2025\n\nAnnex\n\nConvention\n\nArticle 1\n\nScope\n\n\
                   1. This Convention applies.\n\n2. It applies also.\n\nArticle 2\n\nDefinitions\n\nFor its purposes:\n\n\
                   (a) A provider is an entity that offers a service; or\n\n(b) processes data.\n\nArticle 3\n\n\
                   1. Each State shall act.\n\n2. As in paragraph 1 (a) and\n\n(c) of this article, it applies.\n\n\
                   Annex\n\nArticle 2\n\n1. A note.\n";
        let got = ids(src);
        let want = [
            "pp1",
            "op1",
            "annex.h1",
            "annex.h2",
            "annex.art1",
            "annex.art1.h1",
            "annex.art1.op1",
            "annex.art1.op2",
            "annex.art2",
            "annex.art2.h1",
            "annex.art2.p1",
            "annex.art2.p2",
            "annex.art2.p3",
            "annex.art3",
            "annex.art3.op1",
            "annex.art3.op2",
            "annex.art3.p1",
            "annex.art3.p2",
            "annex.art3.op1",
        ];
        assert_eq!(got[..18], want[..18]);
        let (_, drafts) = read(&lines(src), formula_index(&lines(src)).unwrap(), "en");
        let op2 = drafts.iter().find(|d| d.para.id.as_str() == "annex.art3.op2").unwrap();
        assert!(op2.para.text.ends_with("(c) of this article, it applies."), "{}", op2.para.text);
    }

    /// A table's note under an annex's title and a bulleted target cut by a page break after a
    /// colon: the note stands alone, the target is one paragraph.
    #[test]
    fn table_notes_and_bulleted_items_in_an_annex() {
        let src = "80/1. Budget\n\nThe General Assembly,\n\n1. Approves the table;\n\n3rd plenary meeting\n\n\
                   1 December 2025\n\nAnnex\n\nStaffing table\n\nCategory Posts Total 12 b 14\n\n\
                   a Includes one post.\n\nTargets:\n\n• By 2034, raise labour productivity in the productive sectors of\n\n\
                   landlocked developing countries.\n";
        let (_, drafts) = read(&lines(src), formula_index(&lines(src)).unwrap(), "en");
        let texts: Vec<&str> = drafts.iter().map(|d| d.para.text.as_str()).collect();
        assert!(texts.contains(&"a Includes one post."), "{texts:?}");
        assert!(
            texts.contains(
                &"By 2034, raise labour productivity in the productive sectors of landlocked developing countries."
            ),
            "{texts:?}"
        );
    }

    #[test]
    fn a_lead_after_a_missing_comma_opens_a_paragraph_but_not_after_a_page_break() {
        let src = "A/RES/79/333\n\nThe General Assembly,\n\nRecalling its resolution 75/4, by which a special session \
                   was held on 3 and 4 December 2020”\n\nTaking note of resolution 77.17 of the World Health \
                   Assembly,\n\nNoting the work of the World Food Programme and the\n\nUnited Nations Children’s \
                   Fund,\n\nRecalling the declaration and\n\nRecalling its resolution,\n\n1. Decides to act;\n";
        let ls = lines(src);
        let (_, drafts) = read(&ls, formula_index(&ls).expect("a formula"), "en");
        let texts: Vec<&str> = drafts.iter().map(|d| d.para.text.as_str()).collect();
        assert_eq!(texts.len(), 5, "{texts:#?}");
        assert!(texts[1].starts_with("Taking note") && texts[2].ends_with("Children’s Fund,"), "{texts:#?}");
        // "… and" / "Recalling": the line before ends on a short word, mid-sentence.
        assert_eq!(texts[3], "Recalling the declaration and Recalling its resolution,");
    }

    #[test]
    fn russian_preamble_in_lower_case_is_not_one_paragraph() {
        let src = "A/RES/77/20\n\nГенеральная Ассамблея\n\n77/20. Сотрудничество\n\nГенеральная Ассамблея,\n\n\
                   ссылаясь на свою резолюцию 51/1,\n\nссылаясь также на соглашение 1997 года¹ и все\n\n\
                   ¹ United Nations, Treaty Series.\n\nостальные соглашения,\n\n1. призывает к сотрудничеству;\n\n\
                   а) предупреждение преступности;\n\n39‑е пленарное заседание\n\n21 ноября 2022 года\n";
        let (meta, paras) = read_text(src);
        assert_eq!(meta.symbol.as_deref(), Some("A/RES/77/20"));
        assert_eq!(meta.title.as_deref(), Some("Сотрудничество"));
        assert_eq!(meta.meeting, Some(39));
        let ids: Vec<&str> = paras.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["pp1", "pp2", "op1", "op1.a", "fn1"]);
    }

    #[test]
    fn arabic_numbers_notes_and_roman_items() {
        let src = "A/RES/79/181\n\n79/181 – حالة حقوق الإنسان\n\nإنَّ الجمعية العامة ،\n\n\
                   إذ تشير إلى قرارها⁽¹⁾،\n\n⁽¹⁾ القرار 60/251.\n\n1 - تعرب عن قلقها إزاء ما يلي:\n\n\
                   (أ) التعذيب؛\n\n’1‘ الاحتجاز؛\n\n’2‘ الاختفاء؛\n\n(ب) الاعتقال؛\n\nالجلسة العامة 53\n";
        let (meta, paras) = read_text(src);
        assert_eq!(meta.symbol.as_deref(), Some("A/RES/79/181"));
        assert_eq!(meta.title.as_deref(), Some("حالة حقوق الإنسان"));
        let ids: Vec<&str> = paras.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["pp1", "op1", "op1.a", "op1.a.i", "op1.a.ii", "op1.b", "fn1"]);
    }

    /// Lettered blocks of a Fifth Committee resolution, each a title line and a table printed
    /// as one line, then a note: each stands alone, in English and in Arabic.
    #[test]
    fn lettered_blocks_and_their_tables_stand_alone() {
        let en = "79/253. Pension Fund\n\nThe General Assembly,\n\n19. Approves the changes as set out below:\n\n\
                  A. Secretariat of the Pension Board\n\nAction Title of post Establishment P-4 1\n\n\
                  B. Pension Administration\n\nAction Title of post Abolishment GS 1\n\n\
                  Abbreviations: GS, General Service\n\n20. Also approves the estimates;\n";
        let (_, paras) = read_text(en);
        let ids: Vec<&str> = paras.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["op19", "p1", "p2", "p3", "p4", "p5", "op20"]);
        let ar = en.replace("A. Secretariat", "ألف - أمانة").replace("B. Pension", "باء - إدارة");
        let (_, paras) = read_text(&ar);
        assert_eq!(paras.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ids);
    }

    /// A list in the preamble joins the paragraph that opens it when it ends with a comma, as
    /// a preambular paragraph does; one that ends otherwise was an operative paragraph's, and
    /// its lettered items stay paragraphs (roman items within their letter), numbered in order.
    #[test]
    fn a_preamble_list_joins_its_paragraph_unless_it_ends_otherwise() {
        let joined = "79/171. Food\n\nThe General Assembly,\n\nRecalling the endorsement of:\n\n(a) The guidelines;\n\n\
                      (b) The principles,\n\nNoting the report,\n\n1. Decides to act;\n";
        let (_, paras) = read_text(joined);
        assert_eq!(paras.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["pp1", "pp2", "op1"]);
        // Every item ends with a semicolon, the last too, and the preamble goes on: joined.
        let (_, paras) = read_text(&joined.replace("principles,", "principles;"));
        assert_eq!(paras.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["pp1", "pp2", "op1"]);
        // The same list before a section's number: an operative paragraph's, its items apart.
        let (_, paras) = read_text(&joined.replace("principles,\n\nNoting the report,", "principles;\n\nXXIV"));
        assert_eq!(paras.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["pp1", "pp2", "pp3", "h1", "op1"]);
        let apart = "79/93. Information\n\nThe General Assembly,\n\nTaking note of the report,\n\nUrges all countries:\n\n\
                     (a) To cooperate;\n\n(b) To ensure, including:\n\n(i) Training;\n\n(ii) Support;\n\n(c) To provide support.\n";
        let ls = lines(apart);
        let (_, drafts) = read(&ls, formula_index(&ls).unwrap(), "en");
        let got: Vec<(String, &str)> = drafts.iter().map(|d| (d.para.id.to_string(), d.para.text.as_str())).collect();
        let ids: Vec<&str> = got.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["pp1", "pp2", "pp3", "pp4", "pp5"]);
        assert_eq!(got[3].1, "(b) To ensure, including: (i) Training; (ii) Support;");
        assert!(drafts.iter().all(|d| d.para.kind == ParaKind::Preambular));
    }

    /// The title of an adopted text stands alone though it ends without punctuation; a line
    /// after a colon that reads as a sentence cut by a page break is still continued.
    #[test]
    fn a_title_or_item_after_a_colon_is_not_continued_by_the_next_line() {
        let src = "80/173. Outcome document\n\nThe General Assembly\n\nAdopts the following outcome document:\n\n\
                   Outcome document of the high-level meeting, twenty years on\n\nWe, the Ministers, gathered in New York,\n";
        let (_, paras) = read_text(src);
        assert_eq!(paras.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["p1", "p2", "p3"]);
        let items = "79/333. Pandemics\n\nThe General Assembly,\n\n1. Decides that:\n\n(a) The panels will address the following themes:\n\n\
                     Panel 1: The world together\n\nPanel 2: Equitable access\n";
        let (_, paras) = read_text(items);
        assert_eq!(paras.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["op1", "op1.a", "p1", "p2"]);
        let table = "79/250. Scale\n\nThe General Assembly,\n\n11. Decides as set forth in the table below:\n\n\
                     Level Criterion Threshold A Not applicable 7.5 D less than 1.8 times the average 90\n\n\
                     a Member States in level H have a discount of 70 per cent.\n";
        let (_, paras) = read_text(table);
        assert_eq!(paras.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["op11", "p1", "p2"]);
        let cells_with_stops =
            table.replace("Not applicable", "No se aplica EE. UU.").replace("a Member", "a Se aplica");
        let (_, paras) = read_text(&cells_with_stops);
        assert_eq!(paras.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["op11", "p1", "p2"]);
        let cut = "79/1. The Pact\n\nThe General Assembly\n\nAdopts the following:\n\nWe; the Heads of State and\n\nGovernment, gathered\n";
        let (_, paras) = read_text(cut);
        assert_eq!(paras.iter().map(|(id, _)| id.as_str()).collect::<Vec<_>>(), ["p1", "p2"]);
    }

    /// A lone line ending with a colon before paragraph 1, after a formula with its comma, is the
    /// decision's introduction (body); a preambular paragraph before it keeps it preambular.
    #[test]
    fn a_decision_introduced_after_the_formula_is_body() {
        let src = "80/246. Fonds de roulement\n\nL’Assemblée générale,\n\nDécide ce qui suit :\n\n\
                   1. Le Fonds est fixé ;\n\n2. Les avances ;\n";
        let (_, paras) = read_text(src);
        let got: Vec<(&str, ParaKind)> = paras.iter().map(|(id, k)| (id.as_str(), *k)).collect();
        assert_eq!(got, [("p1", ParaKind::Body), ("op1", ParaKind::Operative), ("op2", ParaKind::Operative)]);
        let preamble = src.replace("Décide", "Rappelant sa résolution,\n\nDécide");
        let ids: Vec<String> = read_text(&preamble).1.into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["pp1", "pp2", "op1", "op2"]);
    }

    /// An adopted text that opens with a formula of its own ("We, the Ministers …,") has a
    /// preamble; a Chinese section number and its title on one line are two headings.
    #[test]
    fn an_adopted_text_has_its_own_preamble() {
        let src = "80/173. Outcome document\n\nThe General Assembly\n\nAdopts the following outcome document:\n\n\
                   We, the Ministers, gathered in New York,\n\n*Recalling* resolution 70/125,\n\n1. We reaffirm our commitment.\n";
        let ids: Vec<String> = read_text(src).1.into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["p1", "p2", "pp1", "op1"]);
        let zh = "80/161. 贸易法\n\n大会，\n\n1. 表示赞赏；\n\n一 立法活动\n\n2. 赞扬委员会；\n";
        let ids: Vec<String> = read_text(zh).1.into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["op1", "h1", "h2", "op2"]);
    }

    #[test]
    fn a_decision_has_no_preamble_and_sections_stand_alone() {
        let src = "79/1. The Pact\n\nThe General Assembly\n\nAdopts the following Pact:\n\n\
                   We, the Heads of State\n\nI\n\nSustainable development\n\nWe will act together\n";
        let (_, paras) = read_text(src);
        let got: Vec<(&str, ParaKind)> = paras.iter().map(|(id, k)| (id.as_str(), *k)).collect();
        assert_eq!(
            got,
            [
                ("p1", ParaKind::Body),
                ("p2", ParaKind::Body),
                ("h1", ParaKind::Heading),
                ("h2", ParaKind::Heading),
                ("p3", ParaKind::Body)
            ]
        );
    }

    /// Arabic keeps the formula's comma before a one-sentence decision; the sentence alone
    /// before the meeting line is its body. A lone preambular paragraph before numbered ones
    /// stays preambular.
    #[test]
    fn a_one_sentence_decision_is_body_even_after_a_comma() {
        let decision = "A/RES/79/2\n\n79/2 الإعلان السياسي\n\nإن الجمعية العامة،\n\n\
                        تعتمد، بالصيغة الواردة في مرفق هذا القرار، الإعلان السياسي.\n\nالجلسة العامة 18\n";
        let (_, paras) = read_text(decision);
        assert_eq!(paras, [("p1".to_owned(), ParaKind::Body)]);
        let resolution = "A/RES/79/131\n\n79/131 منح المنظمة\n\nإن الجمعية العامة ،\n\n\
                          رغبةً منها في تعزيز التعاون،\n\n1 - تقرر دعوة المنظمة؛\n\nالجلسة العامة 47\n";
        let ids: Vec<String> = read_text(resolution).1.into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, ["pp1", "op1"]);
    }

    /// A page break before a reference that reads like a label ("(Protocol" / "II) on …") does
    /// not open a subparagraph; a list after an introduction without a colon still does.
    #[test]
    fn a_label_out_of_turn_after_a_page_break_continues_the_sentence() {
        let src = "79/53. Mines\n\nThe General Assembly,\n\nRecalling the Convention,\n\n\
                   1. Encourages the parties to Amended Protocol on Mines (Protocol\n\n\
                   II) to share information;\n\n2. Decides that\n\n(a) the meeting opens;\n\n\
                   (b) the meeting closes;\n\n3. Invites the Commission to apply subparagraph\n\n\
                   (e) of article 16 of its statute;\n\n48th plenary meeting\n";
        let (_, paras) = read_text(src);
        let ids: Vec<&str> = paras.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["pp1", "op1", "op2", "op2.a", "op2.b", "op3"]);
    }

    /// Without a printed formula, the title after the printed symbol opens the preamble.
    #[test]
    fn a_missing_formula_leaves_the_title_to_open_the_preamble() {
        let src = "A/RES/79/327\n\n79/327. Revitalization of the work of the General Assembly\n\n\
                   Reaffirming its resolution 77/335,\n\n1. Decides to continue;\n\n109th plenary meeting\n";
        let (meta, paras) = read_text(src);
        assert_eq!(meta.symbol.as_deref(), Some("A/RES/79/327"));
        assert_eq!(meta.title.as_deref(), Some("Revitalization of the work of the General Assembly"));
        let ids: Vec<&str> = paras.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["pp1", "op1"]);
    }
}
