//! Akoma Ntoso for the UN (AKN4UN), as the UN publishes its resolutions: metadata from the
//! cover page, preface and conclusions; preambular `container`s; operative `paragraph`s with
//! their `list`/`point` subparagraphs; `authorialNote` footnotes where they are anchored.

use super::draft::{Draft, ends_with_comma};
use super::inline::{Link, Marked};
use super::lists::{self, PreambleList};
use super::{labels, leads, meta, scopes, sections};
use crate::error::{IngestError, Location};
use crate::fold::superscript_str;
use crate::model::{Metadata, ParaId, ParaKind, Scope};
use roxmltree::{Document, Node};

/// What an AKN file gave.
pub struct AknText {
    pub meta: Metadata,
    pub lang: Option<String>,
    pub drafts: Vec<Draft>,
}

pub fn read(src: &str, file: &str) -> Result<AknText, IngestError> {
    let options = roxmltree::ParsingOptions { allow_dtd: false, ..Default::default() };
    let doc = Document::parse_with_options(src, options).map_err(|e| IngestError::Xml {
        at: Location { file: file.to_owned(), line: Some(e.pos().row as usize) },
        message: e.to_string(),
    })?;
    let root = doc.root_element();
    if root.tag_name().name() != "akomaNtoso" {
        return Err(IngestError::NotAkn {
            at: Location { file: file.to_owned(), line: Some(doc.text_pos_at(root.range().start).row as usize) },
            message: format!("the root element is <{}>, not <akomaNtoso>", root.tag_name().name()),
        });
    }
    let lang = language(root).unwrap_or_default();
    let mut drafts = Vec::new();
    let mut notes = Vec::new();
    for (scope, statement) in statements(root) {
        // Every preamble and main body of the statement, in order: an adopted text can follow
        // the resolution's own body with a preamble and body of its own (80/173's outcome document).
        let mut reader = Reader { lang: lang.clone(), ..Reader::default() };
        for part in statement.children() {
            match part.tag_name().name() {
                "preamble" => reader.preamble(part),
                "mainBody" => reader.body(part, None),
                _ => {}
            }
        }
        reader.finish(scope, &mut drafts, &mut notes);
    }
    for (scope, children) in annexes(root) {
        let mut reader = Reader { lang: lang.clone(), ..Reader::default() };
        reader.annex(&children);
        reader.finish(Some(scope), &mut drafts, &mut notes);
    }
    notes.sort_by_key(|d| d.para.num.as_ref().and_then(|n| n.parse::<u32>().ok()));
    drafts.extend(notes);
    Ok(AknText { meta: metadata(root), lang: language(root), drafts })
}

/// The statements that hold the resolution's text, each with its part's scope: the parts of a
/// resolution adopted in parts (`components/component/statement`, lettered by their prefaces),
/// or else the one statement.
fn statements<'a>(root: Node<'a, 'a>) -> Vec<(Option<Scope>, Node<'a, 'a>)> {
    let parts: Vec<Node> = root
        .descendants()
        .filter(|n| n.has_tag_name("component") && !inside(*n, "attachment"))
        .filter_map(|c| c.children().find(|s| matches!(s.tag_name().name(), "statement" | "doc")))
        .collect();
    if !parts.is_empty() {
        let letter = |i: usize, s: Node| {
            let preface = s.children().find(|n| n.has_tag_name("preface")).map(plain).unwrap_or_default();
            let first = preface.split_whitespace().next().unwrap_or_default();
            scopes::part_letter(first).unwrap_or(char::from(b'A' + (i % 26) as u8))
        };
        return parts.into_iter().enumerate().map(|(i, s)| (Some(Scope::Part(letter(i, s))), s)).collect();
    }
    let own = |n: &Node| matches!(n.tag_name().name(), "mainBody" | "preamble") && !inside(*n, "attachment");
    root.descendants().find(own).and_then(|n| n.parent()).map(|s| (None, s)).into_iter().collect()
}

/// The annexes (`attachments/attachment/doc/mainBody`), each with its scope and its blocks: an
/// attachment's body opens with the annex's heading, and can hold several annexes, each opened
/// by its own ("Annex I" … "Annex II", 79/1).
fn annexes<'a>(root: Node<'a, 'a>) -> Vec<(Scope, Vec<Node<'a, 'a>>)> {
    let mut out: Vec<(Scope, Vec<Node>)> = Vec::new();
    let bodies = root.descendants().filter(|n| n.has_tag_name("mainBody") && inside(*n, "attachment"));
    for body in bodies {
        for (i, child) in body.children().filter(Node::is_element).enumerate() {
            let text = plain(child);
            match scopes::annex_heading(&text) {
                Some((scope, _)) if i == 0 => out.push((scope, Vec::new())),
                _ if i == 0 => out.push((Scope::Annex(None), Vec::new())),
                _ => {
                    let current = out.last().expect("pushed at the first block").0;
                    if let Some(scope) = scopes::next_annex(&text, current) {
                        out.push((scope, Vec::new()));
                    }
                }
            }
            out.last_mut().expect("pushed at the first block").1.push(child);
        }
    }
    out
}

fn inside(node: Node, ancestor: &str) -> bool {
    node.ancestors().any(|a| a.has_tag_name(ancestor))
}

fn first<'a>(node: Node<'a, 'a>, name: &str) -> Option<Node<'a, 'a>> {
    node.descendants().find(|n| n.tag_name().name() == name)
}

fn attr_of<'a>(node: Node<'a, 'a>, element: &str, attr: (&str, &str), want: &str) -> Option<Node<'a, 'a>> {
    node.descendants()
        .find(|n| n.tag_name().name() == element && n.attribute(attr.0) == Some(attr.1))
        .and_then(|n| n.attribute(want).map(|_| n).or(Some(n)))
}

fn language(root: Node) -> Option<String> {
    let code = first(root, "FRBRlanguage")?.attribute("language")?;
    Some(
        match code {
            "ara" => "ar",
            "zho" | "chi" => "zh",
            "eng" => "en",
            "fra" | "fre" => "fr",
            "rus" => "ru",
            "spa" => "es",
            "deu" | "ger" => "de",
            other => other,
        }
        .to_owned(),
    )
}

fn plain(node: Node) -> String {
    crate::fold::collapse_space(&node.descendants().filter(Node::is_text).filter_map(|n| n.text()).collect::<String>())
}

fn metadata(root: Node) -> Metadata {
    let mut m = Metadata {
        symbol: attr_of(root, "docNumber", ("refersTo", "#symbol"), "refersTo").map(plain).or_else(|| {
            let number = plain(first(first(root, "preface")?, "docNumber")?);
            meta::number_and_title(&format!("{number} x")).map(|(s, _)| s)
        }),
        // Arabic titles open with the dash printed after the number: "79/100 – مسألة أنغويلا".
        title: first(root, "preface")
            .and_then(|p| first(p, "docTitle"))
            .map(|t| plain(t).trim_start_matches(['–', '-', '—', ' ']).to_owned())
            .filter(|t| !t.is_empty()),
        ..Metadata::default()
    };
    let conclusions = first(root, "conclusions");
    m.date = conclusions
        .and_then(|c| first(c, "docDate"))
        .and_then(|d| d.attribute("date").map(str::to_owned))
        .or_else(|| {
            attr_of(root, "FRBRdate", ("name", "adoption"), "date").and_then(|d| d.attribute("date").map(str::to_owned))
        });
    m.session = first(root, "session").and_then(|s| s.attribute("value")).and_then(|v| v.parse().ok());
    m.agenda_item = attr_of(root, "inline", ("name", "agenda item"), "title")
        .and_then(|n| n.attribute("title").map(meta::normalize_agenda));
    m.draft = attr_of(root, "inline", ("name", "originating document"), "name").map(plain).filter(|d| !d.is_empty());
    m.meeting = conclusions.and_then(|c| {
        let text = plain(c);
        meta::meeting(&text).or_else(|| text.split(|ch: char| !ch.is_ascii_digit()).find_map(|d| d.parse().ok()))
    });
    for k in root.descendants().filter(|n| n.tag_name().name() == "keyword") {
        match k.attribute("dictionary") {
            Some("SDGO") => m.sdgs.extend(k.attribute("value").map(str::to_owned)),
            Some("DHLAUTH" | "UNBIS Thesaurus") if k.attribute("refersTo").is_none() => {
                m.subjects.extend(k.attribute("showAs").map(str::to_owned));
            }
            _ => {}
        }
    }
    m
}

#[derive(Default)]
struct Reader {
    paras: Vec<Draft>,
    notes: Vec<Draft>,
    preambular: u32,
    body: u32,
    headings: u32,
    /// Section numbers written as paragraphs, and their titles.
    sections: labels::Sections,
    /// The last operative number, for unnumbered paragraphs that carry a subparagraph label.
    operative: Option<u32>,
    last_letter: Option<String>,
    /// Lists in the preamble, read item by item and closed as the text reader closes them.
    lists: Vec<PreambleList>,
    /// The enacting formula ends with a comma (`إن الجمعية العامة ،`): a preamble follows.
    formula_comma: bool,
    /// The text is an annex's, which may be a convention made of articles.
    annex: bool,
    articles: scopes::Articles,
    /// An article's heading was the last block: its title may follow.
    title_next: bool,
    /// The language of the text, for the words that open a preambular paragraph.
    lang: String,
}

impl Reader {
    /// Closes the preamble lists and hands over what was read, in `scope`.
    fn finish(mut self, scope: Option<Scope>, drafts: &mut Vec<Draft>, notes: &mut Vec<Draft>) {
        lists::close(&mut self.paras, &self.lists);
        self.articles.scope(&mut self.paras);
        sections::scope_restarts(&mut self.paras);
        scopes::scope(&mut self.paras, scope);
        drafts.append(&mut self.paras);
        notes.append(&mut self.notes);
    }

    /// An annex: its heading (with a title the markup put on its line, "Anexo Compromiso de
    /// Sevilla"), then its blocks as a main body's.
    fn annex(&mut self, blocks: &[Node]) {
        let Some((heading, rest)) = blocks.split_first() else { return };
        let marked = self.text(*heading);
        let len = scopes::annex_heading(&marked.text).map_or(marked.text.len(), |(_, len)| len);
        let (heading, title) = marked.split_off_number(len);
        self.annex = true;
        self.push_heading(&heading);
        // The title is on the heading's line, or may be the next block ([`Reader::article_block`]).
        if title.text.is_empty() {
            self.title_next = true;
        } else {
            self.push_heading(&title);
        }
        for block in rest {
            self.block(*block, None, &mut 0);
        }
    }

    fn preamble(&mut self, preamble: Node) {
        for child in preamble.children().filter(Node::is_element) {
            if let Some(list) = numbered_list(child) {
                self.decision(list);
                continue;
            }
            if let Some(list) = child.children().find(|n| n.tag_name().name() == "blockList") {
                self.preamble_list(child, list);
                continue;
            }
            match child.tag_name().name() {
                "formula" => self.formula_comma = ends_with_comma(&plain(child)),
                "container" | "p" | "paragraph" | "blockContainer" => {
                    let marked = self.text(child);
                    if marked.text.is_empty() {
                        continue;
                    }
                    if self.section_heading(&marked) {
                        continue;
                    }
                    self.preambular += 1;
                    let mut d = Draft::new(ParaId::preambular(self.preambular), ParaKind::Preambular, &marked);
                    d.para.lead = child
                        .attribute("name")
                        .map(str::trim)
                        .filter(|n| !n.is_empty() && marked.text.starts_with(n))
                        .map(str::to_owned)
                        .or_else(|| leads::preambular(&marked, &self.lang).map(str::to_owned));
                    self.paras.push(d);
                }
                _ => {}
            }
        }
    }

    /// A decision the markup put in the preamble as a list (Chinese 79/259: "正式决定，对于2025年："
    /// then items `1.`, `2.`): its introduction is body text and its items are operative
    /// paragraphs, as the other five languages mark them up.
    fn decision(&mut self, list: Node) {
        for child in list.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "listIntroduction" | "intro" => self.unnumbered(child),
                "item" | "point" | "paragraph" => self.paragraph(child),
                _ => {}
            }
        }
    }

    /// A preambular paragraph with a list ("Recalling …: (a) …; (b) …,"): the paragraph, then
    /// each item, read apart and closed at the end ([`lists::close`]) as the text reader closes
    /// them, so that a list the markup cuts short (its items go on in the main body: 79/93 zh,
    /// 80/116) reads as a list the markup keeps whole.
    fn preamble_list(&mut self, container: Node, list: Node) {
        let (intro, _) = split_list(container);
        let marked = self.text_of_children(&intro);
        self.preambular += 1;
        let mut d = Draft::new(ParaId::preambular(self.preambular), ParaKind::Preambular, &marked);
        let lead = container.attribute("name").map(str::trim).filter(|n| !n.is_empty() && marked.text.starts_with(n));
        d.para.lead = lead.map(str::to_owned).or_else(|| leads::preambular(&marked, &self.lang).map(str::to_owned));
        self.paras.push(d);
        self.lists.push(PreambleList { parent: self.paras.len() - 1, items: Vec::new() });
        for item in list.children().filter(|n| matches!(n.tag_name().name(), "item" | "point")) {
            let marked = self.text(item);
            if !marked.text.is_empty() {
                self.preamble_item(&marked);
            }
        }
    }

    /// An item of the open preamble list: a roman item under a lettered one joins it, any other
    /// is a preambular paragraph of its own.
    fn preamble_item(&mut self, marked: &Marked) {
        let last = self.paras.len() - 1;
        if let Some(item) = self.lists.last().and_then(|l| l.items.last()).filter(|&&i| i == last) {
            let under = labels::item_letter(&self.paras[*item].para.text);
            if under.is_some_and(|l| labels::roman_under(&l, &marked.text)) {
                self.paras[last].append(marked);
                return;
            }
        }
        self.preambular += 1;
        self.paras.push(Draft::new(ParaId::preambular(self.preambular), ParaKind::Preambular, marked));
        let item = self.paras.len() - 1;
        self.lists.last_mut().expect("an item follows its list's paragraph").items.push(item);
    }

    /// Whether a labelled paragraph is an item of a preamble list: the open list's paragraph or
    /// last item is the last paragraph read, or (as the text reader reads a labelled line after
    /// a preambular paragraph) the last paragraph is preambular and opens a list here.
    fn in_preamble_list(&mut self, marked: &Marked) -> bool {
        let Some(last) = self.paras.len().checked_sub(1) else { return false };
        if labels::sub_label(&marked.text).is_none() || self.paras[last].para.kind != ParaKind::Preambular {
            return false;
        }
        let open = self.lists.last().is_some_and(|l| *l.items.last().unwrap_or(&l.parent) == last);
        if !open {
            self.lists.push(PreambleList { parent: last, items: Vec::new() });
        }
        true
    }

    /// The operative part; `section` is the ordinal of an enclosing section, if any.
    fn body(&mut self, body: Node, section: Option<u32>) {
        let mut sections = 0;
        for child in body.children().filter(Node::is_element) {
            self.block(child, section, &mut sections);
        }
    }

    /// One block of a body; `sections` counts the divisions met so far in the body.
    fn block(&mut self, child: Node, section: Option<u32>, sections: &mut u32) {
        if self.annex && self.article_block(child) {
            return;
        }
        match child.tag_name().name() {
            "paragraph" => self.paragraph(child),
            // A `<title>` is a division as well (79/252: `<title>` A, B, … inside section I).
            "section" | "part" | "chapter" | "division" | "title" | "hcontainer" => {
                *sections += 1;
                self.body(child, Some(section.map_or(*sections, |s| s * 100 + *sections)));
            }
            // Preambular paragraphs inside a section (79/258: `<crossHeading refersTo="#preamble">`).
            "crossHeading" if child.attribute("refersTo") == Some("#preamble") => {
                self.preambular_in_body(child);
            }
            "crossHeading" | "subheading" | "heading" | "num" => self.heading(child),
            "container" | "p" | "blockList" | "list" | "tblock" => self.unnumbered(child),
            _ => {}
        }
    }

    /// In an annex, an article's heading ("Article 5", with a title on its line or in the next
    /// block) opens the article; true when `block` was its heading, or the title that follows
    /// an article's or the annex's heading.
    fn article_block(&mut self, block: Node) -> bool {
        let numbered = first(block, "num").is_some_and(|n| !plain(n).is_empty());
        let title_next = std::mem::take(&mut self.title_next);
        if numbered || !matches!(block.tag_name().name(), "paragraph" | "subheading" | "heading" | "crossHeading" | "p")
        {
            return false;
        }
        if !title_next && self.articles.opens(&plain(block)).is_none() {
            return false;
        }
        // The text as read, notes as markers (a title's note is no sentence end: 79/144).
        let marked = self.text(block);
        let opens = self.articles.opens(&marked.text);
        if title_next && opens.is_none() && scopes::is_title(&marked.text) {
            self.push_heading(&marked);
            return true;
        }
        let Some((n, len)) = opens else { return false };
        let (heading, title) = marked.split_off_number(len);
        *self = Reader {
            paras: std::mem::take(&mut self.paras),
            notes: std::mem::take(&mut self.notes),
            lists: std::mem::take(&mut self.lists),
            articles: std::mem::take(&mut self.articles),
            lang: std::mem::take(&mut self.lang),
            annex: true,
            ..Reader::default()
        };
        let d = self.articles.open(n, &heading);
        self.paras.push(d);
        if title.text.is_empty() {
            self.title_next = true;
        } else {
            self.push_heading(&title);
        }
        true
    }

    fn heading(&mut self, node: Node) {
        let marked = self.text(node);
        if marked.text.is_empty() {
            return;
        }
        self.sections.other();
        // A Chinese section number and its title in one heading (`一 维持和平行动支助账户`,
        // 79/298): two headings, as the text reader reads the line.
        if let Some(len) = labels::section_number_before_title(&marked.text) {
            let (number, title) = marked.split_off_number(len);
            self.new_section();
            self.push_heading(&number);
            self.push_heading(&title);
            return;
        }
        if node.tag_name().name() == "num" {
            self.new_section();
        }
        self.push_heading(&marked);
    }

    /// A section opens: paragraphs before its first operative one are its preamble.
    fn new_section(&mut self) {
        self.operative = None;
        self.last_letter = None;
    }

    fn push_heading(&mut self, marked: &Marked) {
        self.headings += 1;
        self.paras.push(Draft::new(ParaId::heading(self.headings), ParaKind::Heading, marked));
    }

    /// A section's number written as a paragraph (`<p>I</p>`, `<p>أولا</p>`) and the title after
    /// it are headings, as the text reader reads them; true when `marked` was one.
    fn section_heading(&mut self, marked: &Marked) -> bool {
        if let Some(len) = labels::section_number_before_title(&marked.text) {
            let (number, title) = marked.split_off_number(len);
            return self.section_heading(&number) && self.section_heading(&title);
        }
        let Some(line) = self.sections.line(&marked.text) else { return false };
        if line == labels::SectionLine::Number {
            self.new_section();
        }
        self.push_heading(marked);
        true
    }

    fn preambular_in_body(&mut self, node: Node) {
        let marked = self.text(node);
        if marked.text.is_empty() {
            return;
        }
        self.sections.other();
        self.preambular += 1;
        let mut d = Draft::new(ParaId::preambular(self.preambular), ParaKind::Preambular, &marked);
        d.para.lead = leads::preambular(&marked, &self.lang).map(str::to_owned);
        self.paras.push(d);
    }

    fn paragraph(&mut self, node: Node) {
        let num = node.children().find(|n| n.tag_name().name() == "num").map(plain);
        let Some((n, _)) = num.as_deref().and_then(|s| labels::operative(&format!("{s} "))) else {
            // A subparagraph written as a paragraph with its label as the number (Arabic 77/20:
            // `<paragraph><num>(أ)</num>…`): it belongs to the operative paragraph before it.
            let label = num.as_deref().map(str::trim).filter(|s| labels::sub_label(&format!("{s} ")).is_some());
            if let (Some(op), Some(label)) = (self.operative, label) {
                // Its own list's points nest under it (79/323 es: `g)` with `i)`, `ii)`).
                let (own, list) = split_list(node);
                let marked = self.text_of_children(&own);
                if !self.subparagraph(op, label, &marked) {
                    self.unnumbered(node);
                } else if let Some(list) = list {
                    let d = &self.paras[self.paras.len() - 1].para;
                    let (id, num) = (d.id.clone(), d.num.clone().unwrap_or_default());
                    self.points(list, &id, &num);
                }
                return;
            }
            match node.children().find(|n| n.has_tag_name("list")).filter(|_| label.is_some() && self.annex) {
                Some(list) => self.labelled_with_list(node, list),
                None => self.unnumbered(node),
            }
            return;
        };
        self.operative = Some(n);
        self.last_letter = None;
        self.sections.other();
        let id = ParaId::operative(n);
        let (intro, list) = split_list(node);
        let marked = self.text_of_children(&intro);
        let mut d = Draft::new(id.clone(), ParaKind::Operative, &marked);
        d.para.num = Some(n.to_string());
        d.para.lead = marked.leading_emphasis().map(str::to_owned);
        self.paras.push(d);
        if let Some(list) = list {
            self.points(list, &id, &n.to_string());
        }
    }

    /// The `point`s of a `list`, as subparagraphs of `parent`; nested lists nest further.
    fn points(&mut self, list: Node, parent: &ParaId, parent_num: &str) {
        let mut previous: Option<(String, ParaId, String)> = None;
        for point in list.children().filter(Node::is_element) {
            if point.tag_name().name() == "sublist" {
                self.sublist(point, parent, parent_num, previous.as_ref());
                continue;
            }
            if !matches!(point.tag_name().name(), "point" | "item" | "paragraph") {
                continue;
            }
            let label = point.children().find(|n| n.tag_name().name() == "num").map(plain).unwrap_or_default();
            // A section's number put in a list (79/1: "II. International peace and security" as a
            // point under (b)): the section's title line, as it is printed, not a subparagraph.
            if labels::section_number(&label) && !label.trim().is_empty() {
                self.unnumbered(point);
                continue;
            }
            let Some(part) = labels::normalize_label(&label, previous.as_ref().map(|p| p.0.as_str())) else {
                continue;
            };
            // A roman item after a lettered one that introduces it (80/119: "(d) The following
            // additional elements …:" then `(i)`, `(ii)` in the same list) nests under it, as
            // the text reader reads it.
            let under = previous.as_ref().filter(|(letter, _, _)| labels::nests_under(Some(letter), &part));
            if let Some((_, letter_id, letter_num)) = under {
                let (id, num) = (letter_id.child(&part), format!("{letter_num} {}", bracket(&label)));
                self.point(point, &id, &num);
                continue;
            }
            let id = parent.child(&part);
            let num = format!("{parent_num} {}", bracket(&label));
            previous = Some((part.clone(), id.clone(), num.clone()));
            self.point(point, &id, &num);
        }
    }

    /// One point, with the points of its own list.
    fn point(&mut self, point: Node, id: &ParaId, num: &str) {
        let (intro, sub) = split_list(point);
        let marked = self.text_of_children(&intro);
        let mut d = Draft::new(id.clone(), ParaKind::Subparagraph, &marked);
        d.para.num = Some(num.to_owned());
        self.paras.push(d);
        if let Some(sub) = sub {
            self.points(sub, id, num);
        }
    }

    /// A `sublist` beside the points: roman-numbered items nest under the point before it;
    /// lettered ones (a markup slip) continue the same list.
    fn sublist(
        &mut self,
        sublist: Node,
        parent: &ParaId,
        parent_num: &str,
        previous: Option<&(String, ParaId, String)>,
    ) {
        let first_label = first(sublist, "num").map(plain).unwrap_or_default();
        let first_part = labels::normalize_label(&first_label, previous.map(|p| p.0.as_str())).unwrap_or_default();
        match previous {
            Some((letter, id, num)) if labels::is_roman(&first_part) && !labels::next_letter(letter, &first_part) => {
                self.points(sublist, id, num);
            }
            _ => self.points(sublist, parent, parent_num),
        }
    }

    /// A paragraph without a number: a subparagraph written as text ("(a) …"), or body text.
    fn unnumbered(&mut self, node: Node) {
        let marked = self.text(node);
        self.unnumbered_text(marked);
    }

    /// A labelled paragraph outside any operative one (an annexed convention's "a) … las
    /// siguientes:" with its items `i)`, `ii)`): the paragraph, then each item, as lines apart.
    fn labelled_with_list(&mut self, node: Node, list: Node) {
        let intro = |n: &Node| matches!(n.tag_name().name(), "intro" | "listIntroduction");
        let mut own: Vec<Node> = node.children().filter(|n| *n != list).collect();
        own.extend(list.children().filter(intro));
        let marked = self.text_of_children(&own);
        self.unnumbered_text(marked);
        for item in list.children().filter(|n| matches!(n.tag_name().name(), "point" | "item" | "wrapUp")) {
            self.unnumbered(item);
        }
    }

    fn unnumbered_text(&mut self, mut marked: Marked) {
        if marked.text.is_empty() || self.section_heading(&marked) {
            return;
        }
        // A bullet is a list's mark, not text, as the text reader reads it.
        if let Some(rest) = marked.text.strip_prefix('•') {
            let len = marked.text.len() - rest.trim_start().len();
            marked.drop_prefix(len);
        }
        // A number printed in its own element with the text in the next one (a markup slip).
        if let Some(last) =
            self.paras.last_mut().filter(|d| d.para.kind == ParaKind::Operative && d.para.text.is_empty())
        {
            last.para.lead = marked.leading_emphasis().map(str::to_owned);
            last.append(&marked);
            return;
        }
        // A preambular paragraph the markup put in the main body, before any operative one: after
        // another, or with its lead after a formula that ends with a comma: the resolution's
        // (79/131 ar, when the paragraph ends with a comma too) or an adopted text's ("نحن،
        // الوزراء …،" then "*إذ نشير* …", 80/173 ar).
        let formula = match self.paras.last() {
            Some(d) => d.para.kind == ParaKind::Body && ends_with_comma(&d.para.text),
            None => self.formula_comma && ends_with_comma(&marked.text),
        };
        let after_formula =
            formula && (marked.leading_emphasis().is_some() || leads::opens_preambular(&marked.text, &self.lang));
        let preamble = self.preambular > 0 || after_formula;
        if self.operative.is_none() && preamble && labels::operative(&marked.text).is_none() {
            if self.in_preamble_list(&marked) {
                self.preamble_item(&marked);
                return;
            }
            self.preambular += 1;
            let mut d = Draft::new(ParaId::preambular(self.preambular), ParaKind::Preambular, &marked);
            d.para.lead = leads::preambular(&marked, &self.lang).map(str::to_owned);
            self.paras.push(d);
            return;
        }
        if let Some((n, len)) = labels::operative(&marked.text) {
            marked.drop_prefix(len);
            self.operative = Some(n);
            self.last_letter = None;
            let mut d = Draft::new(ParaId::operative(n), ParaKind::Operative, &marked);
            d.para.num = Some(n.to_string());
            d.para.lead = marked.leading_emphasis().map(str::to_owned);
            self.paras.push(d);
            return;
        }
        if let (Some(op), Some((label, len))) = (self.operative, labels::sub_label(&marked.text)) {
            let label = label.to_owned();
            let mut rest = marked.clone();
            rest.drop_prefix(len);
            if self.subparagraph(op, &label, &rest) {
                return;
            }
        }
        self.body += 1;
        self.paras.push(Draft::new(ParaId::body(self.body), ParaKind::Body, &marked));
    }

    /// Subparagraph `label` (as printed) of operative paragraph `op`, with its text; false when
    /// the label does not read as one.
    fn subparagraph(&mut self, op: u32, label: &str, marked: &Marked) -> bool {
        let Some(part) = labels::normalize_label(label, self.last_letter.as_deref()) else { return false };
        let parent = ParaId::operative(op);
        // A roman item under the lettered one before it (80/119: "(d) … elements:" / "(i) …").
        let (id, num) = if let Some(letter) = self.last_letter.clone().filter(|l| labels::nests_under(Some(l), &part)) {
            (parent.child(&letter).child(&part), format!("{op} ({letter}) {}", bracket(label)))
        } else {
            self.last_letter = Some(part.clone());
            (parent.child(&part), format!("{op} {}", bracket(label)))
        };
        let mut d = Draft::new(id, ParaKind::Subparagraph, marked);
        d.para.num = Some(num);
        self.paras.push(d);
        true
    }

    fn text(&mut self, node: Node) -> Marked {
        self.text_of_children(&node.children().collect::<Vec<_>>())
    }

    fn text_of_children(&mut self, nodes: &[Node]) -> Marked {
        let mut m = Marked::default();
        for n in nodes {
            self.inline(*n, &mut m, false);
            m.text.push(' ');
        }
        m.collapse();
        // A separator between groups of paragraphs (`* * *`, 80/131 es) is no paragraph.
        if m.text.chars().all(|c| c == '*' || c.is_whitespace()) {
            return Marked::default();
        }
        m
    }

    fn inline(&mut self, node: Node, out: &mut Marked, sup: bool) {
        if node.is_text() {
            let t = node.text().unwrap_or("");
            if sup {
                out.text.push_str(&superscript_str(t));
            } else {
                out.text.push_str(t);
            }
            return;
        }
        if !node.is_element() {
            return;
        }
        let start = out.text.len();
        match node.tag_name().name() {
            // A paragraph's or point's own number is read apart (`split_list`); a number met
            // here labels an item inside a block (a preambular paragraph's list) and stays in its text.
            "img" | "meta" => return,
            "authorialNote" | "note" => return self.note(node, out),
            "eol" | "br" => out.text.push(' '),
            "sup" => node.children().for_each(|c| self.inline(c, out, true)),
            "p" | "td" | "th" | "intro" | "wrapUp" | "content" => {
                out.text.push(' ');
                node.children().for_each(|c| self.inline(c, out, sup));
                out.text.push(' ');
            }
            _ => node.children().for_each(|c| self.inline(c, out, sup)),
        }
        let span = (start, out.text.len());
        let class = node.attribute("class").unwrap_or("");
        match node.tag_name().name() {
            "span" | "i" | "b"
                if (class.contains("italic") || class.contains("bold")) || node.tag_name().name() != "span" =>
            {
                out.emphasis.push(span);
            }
            "a" | "ref" => out.links.push(Link { span, href: node.attribute("href").unwrap_or("").to_owned() }),
            _ => {}
        }
    }

    /// A footnote anchored here: its marker goes into the text, its text into a footnote paragraph.
    fn note(&mut self, node: Node, out: &mut Marked) {
        let marker = node.attribute("marker").unwrap_or("").trim().to_owned();
        out.text.push_str(&superscript_str(&marker));
        let Ok(n) = marker.parse::<u32>() else { return };
        let id = ParaId::footnote(n);
        if self.notes.iter().any(|d| d.para.id == id) {
            return;
        }
        let mut m = Marked::default();
        for c in node.children() {
            self.inline(c, &mut m, false);
        }
        m.collapse();
        // Arabic notes open with an empty "()" where the marker was.
        if m.text.starts_with("()") {
            m.drop_prefix(2);
            m.trim();
        }
        let mut d = Draft::new(id, ParaKind::Footnote, &m);
        d.para.num = Some(n.to_string());
        self.notes.push(d);
    }
}

/// The list of a preamble `container` whose first item is numbered as an operative paragraph
/// (`1.`): a decision, not a preambular paragraph.
fn numbered_list<'a>(node: Node<'a, 'a>) -> Option<Node<'a, 'a>> {
    let list = node.children().find(|n| n.tag_name().name() == "blockList")?;
    let item = list.children().find(|n| matches!(n.tag_name().name(), "item" | "point"))?;
    let num = item.children().find(|n| n.tag_name().name() == "num").map(plain)?;
    labels::operative(&format!("{num} ")).map(|_| list)
}

/// A paragraph's or point's own text nodes, and its `list` if it has one.
fn split_list<'a>(node: Node<'a, 'a>) -> (Vec<Node<'a, 'a>>, Option<Node<'a, 'a>>) {
    let list = node.children().find(|n| matches!(n.tag_name().name(), "list" | "blockList"));
    let mut intro: Vec<Node> = node.children().filter(|n| n.tag_name().name() != "num" && Some(*n) != list).collect();
    if let Some(list) = list {
        intro.extend(list.children().filter(|n| matches!(n.tag_name().name(), "intro" | "listIntroduction")));
    }
    (intro, list)
}

/// A label as printed, in brackets the English way for the `num` field: `a)` → `(a)`.
fn bracket(label: &str) -> String {
    let inner = label.trim().trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
    format!("({inner})")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A `<title>` inside a section (a lettered subdivision, as in A/RES/79/252) is read with
    /// its number, heading and paragraphs, not skipped.
    #[test]
    fn a_title_inside_a_section_is_read_not_skipped() {
        let src = r##"<akomaNtoso><act><mainBody>
            <paragraph><num>1.</num><content><p>Takes note of the report;</p></content></paragraph>
            <section><num>I</num><heading>Conditions of service</heading>
              <title><num>A.</num><subheading>Base/floor salary scale</subheading>
                <crossHeading refersTo="#preamble"><span class="italic">Recalling</span> its resolution 44/198,</crossHeading>
                <paragraph><content><p>Approves the revised scale;</p></content></paragraph>
              </title>
            </section></mainBody></act></akomaNtoso>"##;
        let read = read(src, "title.xml").unwrap();
        let texts: Vec<&str> = read.drafts.iter().map(|d| d.para.text.as_str()).collect();
        for wanted in
            ["A.", "Base/floor salary scale", "Recalling its resolution 44/198,", "Approves the revised scale;"]
        {
            assert!(texts.contains(&wanted), "{wanted:?} not read: {texts:?}");
        }
    }

    /// A decision the markup put in the preamble as a list with numbered items (Chinese 79/259)
    /// reads as the other languages mark it up: body text, then operative paragraphs; a
    /// lettered list in the preamble stays a preambular paragraph.
    #[test]
    fn a_numbered_list_in_the_preamble_is_a_decision() {
        let src = r#"<akomaNtoso><act><preamble><formula><p>大会</p></formula>
            <container name="正式决定"><blockList><listIntroduction><span class="bold">正式决定</span>，对于2025年：</listIntroduction>
              <item><num>1.</num><p>核准批款；</p></item><item><num>2.</num><p>授权秘书长。</p></item></blockList></container>
            </preamble><mainBody><container name="table"><p>款次 数额</p></container></mainBody></act></akomaNtoso>"#;
        let read = read(src, "decision.xml").unwrap();
        // Text compared without spaces: the reader puts one between inline elements.
        let got: Vec<(String, String)> =
            read.drafts.iter().map(|d| (d.para.id.to_string(), d.para.text.replace(' ', ""))).collect();
        let want =
            [("p1", "正式决定，对于2025年："), ("op1", "核准批款；"), ("op2", "授权秘书长。"), ("p2", "款次数额")];
        assert_eq!(got, want.map(|(id, t)| (id.to_owned(), t.to_owned())));
        let lettered = src.replace("<num>1.</num>", "<num>(a)</num>").replace("<num>2.</num>", "<num>(b)</num>");
        let read = super::read(&lettered, "list.xml").unwrap();
        assert_eq!(read.drafts[0].para.id.to_string(), "pp1");
    }

    /// A preamble list that its container cuts short (Chinese 79/93: `(a)`–`(e)` in the
    /// container, the last ending with a colon; `㈠`, `㈡` and `(f)` in the main body) reads as the
    /// other languages mark it up: the paragraph and each lettered item apart, the roman items
    /// in the item before them. A list that ends with a comma joins its paragraph.
    #[test]
    fn a_preamble_list_cut_by_its_container_reads_item_by_item() {
        let src = r#"<akomaNtoso><act><preamble><formula><p>大会，</p></formula>
            <container name="敦促"><blockList><listIntroduction><span class="bold">敦促</span>所有国家：</listIntroduction>
              <item><num>(a)</num><p>开展合作；</p></item><item><num>(b)</num><p>力求提供支持，包括：</p></item></blockList></container>
            </preamble><mainBody>
              <paragraph><num>㈠</num><content><p>开发资源；</p></content></paragraph>
              <paragraph><num>㈡</num><content><p>创造条件；</p></content></paragraph>
              <paragraph><num>(c)</num><content><p>充分支持。</p></content></paragraph>
            </mainBody></act></akomaNtoso>"#;
        let read = read(src, "list.xml").unwrap();
        let got: Vec<(String, String)> =
            read.drafts.iter().map(|d| (d.para.id.to_string(), d.para.text.replace(' ', ""))).collect();
        let want = [
            ("pp1", "敦促所有国家："),
            ("pp2", "(a)开展合作；"),
            ("pp3", "(b)力求提供支持，包括：㈠开发资源；㈡创造条件；"),
            ("pp4", "(c)充分支持。"),
        ];
        assert_eq!(got, want.map(|(id, t)| (id.to_owned(), t.to_owned())));
        assert_eq!(read.drafts[0].para.lead.as_deref(), Some("敦促"));
        let joined = r#"<akomaNtoso><act><preamble><formula><p>大会，</p></formula>
            <container name="回顾"><blockList><listIntroduction>回顾其决议：</listIntroduction>
              <item><num>(a)</num><p>开展合作；</p></item><item><num>(b)</num><p>力求提供支持，</p></item></blockList></container>
            <container name="又回顾"><p>又回顾其决议，</p></container></preamble></act></akomaNtoso>"#;
        let read = super::read(joined, "joined.xml").unwrap();
        let ids: Vec<String> = read.drafts.iter().map(|d| d.para.id.to_string()).collect();
        assert_eq!(ids, ["pp1", "pp2"]);
        assert_eq!(read.drafts[0].para.text.replace(' ', ""), "回顾其决议：(a)开展合作；(b)力求提供支持，");
    }

    /// An adopted text's own preamble and body after the resolution's body (80/173) are read,
    /// not dropped; a Chinese section number and its title on one line are two headings; a
    /// preambular paragraph the markup put in the main body after the formula's comma is
    /// preambular (79/131 ar).
    #[test]
    fn every_preamble_and_body_of_the_statement_is_read() {
        let src = r#"<akomaNtoso><statement><preamble><formula><p>The General Assembly</p></formula></preamble>
            <mainBody><paragraph><content><p><i>Adopts</i> the following outcome document:</p></content></paragraph>
              <paragraph><content><p>We, the Ministers,</p></content></paragraph></mainBody>
            <preamble><container name="Recalling"><p><i>Recalling</i> resolution 70/125,</p></container></preamble>
            <mainBody><paragraph><num>1.</num><content><p>We reaffirm our commitment.</p></content></paragraph>
              <paragraph><content><p>一 立法活动</p></content></paragraph></mainBody></statement></akomaNtoso>"#;
        let read = read(src, "outcome.xml").unwrap();
        let ids: Vec<String> = read.drafts.iter().map(|d| d.para.id.to_string()).collect();
        assert_eq!(ids, ["p1", "p2", "pp1", "op1", "h1", "h2"]);
        assert_eq!(read.drafts[5].para.text, "立法活动");
        let arabic = r"<akomaNtoso><statement><preamble><formula><p><b>إن الجمعية العامة</b> ،</p></formula></preamble>
            <mainBody><paragraph><content><p><b>رغبةً منها</b> في تعزيز التعاون،</p></content></paragraph>
              <paragraph><num>1 -</num><content><p><b>تقرر</b> دعوة المنظمة؛</p></content></paragraph></mainBody></statement></akomaNtoso>";
        let ids: Vec<String> =
            super::read(arabic, "ar.xml").unwrap().drafts.iter().map(|d| d.para.id.to_string()).collect();
        assert_eq!(ids, ["pp1", "op1"]);
    }

    /// A section number the markup put in a list (A/RES/79/1: "II." as a point under (b)) is the
    /// section's title line, not a subparagraph `op31.b.ii`.
    #[test]
    fn a_section_number_in_a_list_is_not_a_subparagraph() {
        let src = r#"<akomaNtoso><act><mainBody><paragraph><num>31.</num>
            <content><p>We decide to:</p></content>
            <list><point><num>(a)</num><content><p>Advance progress;</p></content></point>
              <point><num>(b)</num><content><p>Invite the forum.</p></content></point>
              <sublist><point><num>II.</num><content><p><span class="bold">International peace and security</span></p></content></point></sublist>
            </list></paragraph></mainBody></act></akomaNtoso>"#;
        let read = read(src, "list.xml").unwrap();
        let ids: Vec<String> = read.drafts.iter().map(|d| d.para.id.to_string()).collect();
        assert_eq!(ids, ["op31", "op31.a", "op31.b", "p1"]);
        assert_eq!(read.drafts[3].para.text, "II. International peace and security");
    }

    /// The parts of a resolution in parts (`components/component/statement`) each number their
    /// paragraphs anew under their letter; annexes (`attachments`) under their number, "Annex
    /// II" in the same body opening the second, an unnumbered "Annex" inside it opening
    /// nothing (the annexed text's own annex); footnotes keep their ids.
    #[test]
    fn parts_and_annexes_number_their_paragraphs_anew() {
        let part = |letter: &str, marker: u32| {
            format!(
                r#"<component><statement><preface><p>{letter} Title</p></preface><preamble><formula><p>The General Assembly,</p></formula>
                <container><p>Recalling its work,</p></container></preamble><mainBody>
                <paragraph><num>1.</num><content><p>Decides;<authorialNote marker="{marker}"><p>A/79/1.</p></authorialNote></p></content></paragraph>
                </mainBody></statement></component>"#
            )
        };
        let src = format!(
            r#"<akomaNtoso><documentCollection><components>{}{}</components></documentCollection>
            <attachments><attachment><doc name="annex"><mainBody>
              <paragraph><subheading>Annex I</subheading></paragraph><paragraph><content><p>Global Digital Compact</p></content></paragraph>
              <paragraph><num>1.</num><content><p>We commit.</p></content></paragraph>
              <paragraph><subheading>Annex II</subheading></paragraph>
              <paragraph><num>1.</num><content><p>We act.</p></content></paragraph>
              <paragraph><subheading>Annex</subheading></paragraph>
            </mainBody></doc></attachment></attachments></akomaNtoso>"#,
            part("A", 1),
            part("B", 2)
        );
        let read = read(&src, "parts.xml").unwrap();
        let ids: Vec<String> = read.drafts.iter().map(|d| d.para.id.to_string()).collect();
        let want = [
            "a.pp1",
            "a.op1",
            "b.pp1",
            "b.op1",
            "annex1.h1",
            "annex1.h2",
            "annex1.op1",
            "annex2.h1",
            "annex2.op1",
            "annex2.p1",
            "fn1",
            "fn2",
        ];
        assert_eq!(ids, want);
    }

    /// An annexed convention: each article's heading opens it (with the title in the next
    /// block or on its line), its paragraphs number anew inside it; a roman item after a
    /// lettered one that introduces it nests under it.
    #[test]
    fn an_annexed_convention_reads_article_by_article() {
        let src = r#"<akomaNtoso><statement><mainBody><paragraph><num>1.</num><content><p>Adopts the Convention;</p></content></paragraph></mainBody>
            <attachments><attachment><doc name="annex"><mainBody>
              <paragraph><subheading>Annex</subheading></paragraph>
              <paragraph><subheading>Article 1</subheading></paragraph><paragraph><subheading>Scope</subheading></paragraph>
              <paragraph><num>1.</num><content><p>It applies:</p></content></paragraph>
              <paragraph><content><p>(a) To goods;</p></content></paragraph>
              <paragraph><content><p>(b) To the following:</p></content></paragraph>
              <paragraph><content><p>(i) Ships;</p></content></paragraph>
              <paragraph><subheading>Article 2 Terminologie</subheading></paragraph>
              <paragraph><num>1.</num><content><p>Terms.</p></content></paragraph>
            </mainBody></doc></attachment></attachments></statement></akomaNtoso>"#;
        let read = read(src, "convention.xml").unwrap();
        let ids: Vec<String> = read.drafts.iter().map(|d| d.para.id.to_string()).collect();
        let want = [
            "op1",
            "annex.h1",
            "annex.art1",
            "annex.art1.h1",
            "annex.art1.op1",
            "annex.art1.op1.a",
            "annex.art1.op1.b",
            "annex.art1.op1.b.i",
            "annex.art2",
            "annex.art2.h1",
            "annex.art2.op1",
        ];
        assert_eq!(ids, want);
        assert_eq!(read.drafts[8].para.kind, ParaKind::Article);
        assert_eq!(read.drafts[9].para.text, "Terminologie");
    }

    /// A subparagraph written as a labelled paragraph with a list of its own (79/323 es:
    /// `<paragraph><num>g)</num><list>` with points `i)`, `ii)`) has its points nested under it.
    #[test]
    fn a_labelled_paragraphs_own_list_nests_under_it() {
        let src = r"<akomaNtoso><act><mainBody>
            <paragraph><num>33.</num><content><p>Ampliar la inversión:</p></content></paragraph>
            <paragraph><num>g)</num><list><intro><p>Pedimos que las iniciativas:</p></intro>
              <point><num>i)</num><content><p>Se centren en el impacto;</p></content></point>
              <point><num>ii)</num><content><p>Promuevan la implicación.</p></content></point></list></paragraph>
            </mainBody></act></akomaNtoso>";
        let read = read(src, "list.xml").unwrap();
        let got: Vec<(String, String)> =
            read.drafts.iter().map(|d| (d.para.id.to_string(), d.para.text.clone())).collect();
        let want = [
            ("op33", "Ampliar la inversión:"),
            ("op33.g", "Pedimos que las iniciativas:"),
            ("op33.g.i", "Se centren en el impacto;"),
            ("op33.g.ii", "Promuevan la implicación."),
        ];
        assert_eq!(got, want.map(|(id, t)| (id.to_owned(), t.to_owned())));
    }

    /// A separator between groups of paragraphs (`* * *`) is no paragraph.
    #[test]
    fn a_separator_is_no_paragraph() {
        let src = "<akomaNtoso><act><preamble>
            <p>Recalling its resolutions,</p><p>* * *</p><p>Noting the report,</p>
            </preamble></act></akomaNtoso>";
        let read = read(src, "stars.xml").unwrap();
        let texts: Vec<&str> = read.drafts.iter().map(|d| d.para.text.as_str()).collect();
        assert_eq!(texts, ["Recalling its resolutions,", "Noting the report,"]);
    }
}
