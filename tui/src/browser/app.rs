//! The browser's state and how each action changes it. Plain data, no terminal: the unit
//! tests drive it key by key.

use resolex_core::bundle::Bundle;
use resolex_core::cite::citation;
use resolex_core::diff::{Change, Comparison};
use resolex_core::model::{Document, Reference};
use resolex_core::search::{self, Results};

/// Hits kept for the result list.
const HITS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Search,
    Reader,
    Lexicon,
    Docs,
    /// The document beside its predecessor in its series, changes marked.
    Diff,
}

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    Escape,
    FocusQuery,
    Input(char),
    DeleteChar,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Enter,
    Back,
    NextLink,
    PrevLink,
    ToggleLangs,
    ToggleCitedBy,
    Copy,
    Show(View),
    NextLangFilter,
    /// Compare the open document with the resolution before it in its series.
    Compare,
    NextChange,
    PrevChange,
    None,
}

/// Something a paragraph points to: a reference it makes or a footnote it marks.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    Ref(Reference),
    Note(String),
}

/// A document open in the reader.
pub struct Reader {
    /// Its index in the bundle's catalog.
    pub doc: usize,
    pub document: Document,
    /// The selected paragraph.
    pub para: usize,
    /// The selected link of the selected paragraph.
    pub link: Option<usize>,
    pub langs: bool,
    pub cited_by: bool,
}

impl Reader {
    pub fn links(&self) -> Vec<Link> {
        let Some(p) = self.document.paragraphs.get(self.para) else { return Vec::new() };
        p.refs.iter().cloned().map(Link::Ref).chain(p.notes.iter().map(|n| Link::Note(n.to_string()))).collect()
    }
}

/// Where the user was, for going back.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Place {
    view: View,
    doc: Option<usize>,
    para: usize,
    hit: usize,
}

/// The comparison on screen and the row selected in it.
pub struct DiffView {
    pub comparison: Comparison,
    pub row: usize,
}

pub struct App {
    pub bundle: Bundle,
    pub view: View,
    pub help: bool,
    pub editing: bool,
    pub query: String,
    pub results: Results,
    pub hit: usize,
    pub reader: Option<Reader>,
    pub diff: Option<DiffView>,
    history: Vec<Place>,
    pub lexicon: Vec<(String, u32)>,
    pub lex: usize,
    pub doc_lang: Option<String>,
    pub doc_sel: usize,
    pub status: Option<String>,
    /// A citation to put on the clipboard (OSC 52) at the next frame.
    pub copy: Option<String>,
    pub quit: bool,
}

impl App {
    pub fn new(bundle: Bundle) -> App {
        App {
            bundle,
            view: View::Search,
            help: false,
            editing: true,
            query: String::new(),
            results: Results::default(),
            hit: 0,
            reader: None,
            diff: None,
            history: Vec::new(),
            lexicon: Vec::new(),
            lex: 0,
            doc_lang: None,
            doc_sel: 0,
            status: None,
            copy: None,
            quit: false,
        }
    }

    pub fn update(&mut self, action: Action) {
        if action != Action::None {
            self.status = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.help = !self.help,
            Action::Escape if self.help => self.help = false,
            Action::Escape => self.editing = false,
            Action::FocusQuery => {
                self.view = View::Search;
                self.editing = true;
            }
            Action::Input(c) => {
                self.query.push(c);
                self.run_query();
            }
            Action::DeleteChar => {
                self.query.pop();
                self.run_query();
            }
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-10),
            Action::PageDown => self.step(10),
            Action::Top => self.step(isize::MIN / 2),
            Action::Bottom => self.step(isize::MAX / 2),
            Action::Enter => self.enter(),
            Action::Back => self.back(),
            Action::NextLink => self.cycle_link(1),
            Action::PrevLink => self.cycle_link(-1),
            Action::ToggleLangs => {
                if let Some(r) = &mut self.reader {
                    r.langs = !r.langs;
                    r.cited_by = false;
                }
            }
            Action::ToggleCitedBy => {
                if let Some(r) = &mut self.reader {
                    r.cited_by = !r.cited_by;
                    r.langs = false;
                }
            }
            Action::Copy => self.copy_citation(),
            Action::Show(v) => self.show(v),
            Action::NextLangFilter => self.next_lang_filter(),
            Action::Compare => self.compare(),
            Action::NextChange => self.next_change(1),
            Action::PrevChange => self.next_change(-1),
            Action::None => {}
        }
    }

    fn run_query(&mut self) {
        self.view = View::Search;
        // Snippets, no facets: what the list draws (the words past each snippet are not analyzed).
        self.results = search::hits(&self.bundle, &self.query, HITS);
        self.hit = 0;
    }

    fn step(&mut self, by: isize) {
        let move_in =
            |at: usize, len: usize| -> usize { if len == 0 { 0 } else { at.saturating_add_signed(by).min(len - 1) } };
        match self.view {
            View::Search => {
                self.editing = false;
                self.hit = move_in(self.hit, self.results.hits.len());
            }
            View::Reader => {
                if let Some(r) = &mut self.reader {
                    r.para = move_in(r.para, r.document.paragraphs.len());
                    r.link = None;
                }
            }
            View::Lexicon => self.lex = move_in(self.lex, self.lexicon.len()),
            View::Docs => self.doc_sel = move_in(self.doc_sel, self.visible_docs().len()),
            View::Diff => {
                if let Some(d) = &mut self.diff {
                    d.row = move_in(d.row, d.comparison.rows.len());
                }
            }
        }
    }

    /// Opens the comparison of the open document with the one before it in its series, in the
    /// same language (else English, else the first version held).
    fn compare(&mut self) {
        let Some(r) = &self.reader else { return };
        let (doc, lang) = (r.document.doc.clone(), r.document.lang.0.clone());
        let Some(earlier) = resolex_core::series::previous(&self.bundle, &doc) else {
            self.status = Some(format!("{doc} recalls no earlier resolution of its title in this corpus"));
            return;
        };
        let found = resolex_core::reading::preferred_version(&self.bundle, &earlier, Some(&lang));
        let Some(before) = found.and_then(|i| self.bundle.document(i).ok()) else { return };
        let after = match self.bundle.find_doc(&doc, Some(before.lang.as_str())) {
            Some(i) if before.lang.0 != lang => self.bundle.document(i).ok(),
            _ => Some(r.document.clone()),
        };
        let Some(after) = after else { return };
        self.remember();
        let comparison = resolex_core::diff::compare(&before, &after);
        let row = comparison.rows.iter().position(|r| r.change != Change::Unchanged).unwrap_or(0);
        self.status = Some(format!("{} → {} ({}): {}", earlier, doc, after.lang, comparison.summary));
        self.diff = Some(DiffView { comparison, row });
        self.view = View::Diff;
        self.editing = false;
    }

    /// Moves to the next (`by` > 0) or previous change of the comparison.
    fn next_change(&mut self, by: isize) {
        let Some(d) = &mut self.diff else { return };
        let rows = &d.comparison.rows;
        let changed = |i: &usize| rows[*i].change != Change::Unchanged;
        let next = if by > 0 { (d.row + 1..rows.len()).find(changed) } else { (0..d.row).rev().find(changed) };
        match next {
            Some(i) => d.row = i,
            None => self.status = Some("no further change".into()),
        }
    }

    fn enter(&mut self) {
        match self.view {
            View::Search if self.editing => self.editing = false,
            View::Search => {
                let Some(h) = self.results.hits.get(self.hit) else { return };
                let (doc, para) = (h.doc.clone(), h.para.clone());
                let lang = h.lang.clone();
                if let Some(d) = self.bundle.find_doc(&resolex_core::DocId(doc), Some(&lang)) {
                    self.remember();
                    self.open(d, Some(&para));
                }
            }
            View::Reader => self.follow(),
            View::Lexicon => {
                if let Some((term, _)) = self.lexicon.get(self.lex) {
                    self.query = format!("{term} ");
                    self.run_query();
                    self.editing = false;
                }
            }
            View::Docs => {
                if let Some(&d) = self.visible_docs().get(self.doc_sel) {
                    self.remember();
                    self.open(d, None);
                }
            }
            View::Diff => self.open_compared(),
        }
    }

    /// Opens the selected pair's paragraph in the reader: the later one, or the earlier one
    /// where it was removed.
    fn open_compared(&mut self) {
        let Some(d) = &self.diff else { return };
        let c = &d.comparison;
        let Some(row) = c.rows.get(d.row) else { return };
        let (version, side) = match (&row.after, &row.before) {
            (Some(side), _) => (&c.after, side),
            (None, Some(side)) => (&c.before, side),
            (None, None) => return,
        };
        let found = self.bundle.find_doc(&resolex_core::DocId(version.doc.clone()), Some(&version.lang));
        if let Some(i) = found {
            let para = side.para.clone();
            self.remember();
            self.open(i, Some(&para));
        }
    }

    /// Opens document `d` in the reader at paragraph `para` (an id), or at the top.
    pub fn open(&mut self, d: usize, para: Option<&str>) {
        let document = match self.bundle.document(d) {
            Ok(doc) => doc,
            Err(e) => {
                self.status = Some(e.to_string());
                return;
            }
        };
        let at = para.and_then(|p| document.paragraphs.iter().position(|x| x.id.as_str() == p)).unwrap_or(0);
        let (langs, cited_by) = self.reader.as_ref().map_or((false, false), |r| (r.langs, r.cited_by));
        self.reader = Some(Reader { doc: d, document, para: at, link: None, langs, cited_by });
        self.view = View::Reader;
        self.editing = false;
    }

    fn follow(&mut self) {
        let Some(r) = &self.reader else { return };
        let links = r.links();
        let Some(link) = r.link.and_then(|i| links.get(i)).or(links.first()).cloned() else {
            self.status = Some("this paragraph has no references; Tab selects one when it does".into());
            return;
        };
        let lang = r.document.lang.0.clone();
        match link {
            Link::Note(id) => {
                let d = r.doc;
                self.remember();
                self.open(d, Some(&id));
            }
            Link::Ref(reference) => {
                let target = resolex_core::DocId(reference.target.clone());
                let found = resolex_core::reading::preferred_version(&self.bundle, &target, Some(&lang));
                if let Some(d) = found {
                    self.remember();
                    self.open(d, None);
                } else {
                    let url = reference.undocs_url().unwrap_or_else(|| "no public address".into());
                    self.status =
                        Some(format!("{} ({}) is not in this corpus: {url}", reference.target, reference.kind));
                }
            }
        }
    }

    fn cycle_link(&mut self, by: isize) {
        let Some(r) = &mut self.reader else { return };
        let n = r.links().len();
        if n == 0 || self.view != View::Reader {
            return;
        }
        r.link = Some(match r.link {
            None if by > 0 => 0,
            None => n - 1,
            Some(i) if by > 0 => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        });
    }

    fn remember(&mut self) {
        let (doc, para) = self.reader.as_ref().map_or((None, 0), |r| (Some(r.doc), r.para));
        self.history.push(Place { view: self.view, doc, para, hit: self.hit });
    }

    fn back(&mut self) {
        let Some(place) = self.history.pop() else {
            self.status = Some("nothing to go back to".into());
            return;
        };
        if let Some(d) = place.doc {
            if self.reader.as_ref().is_none_or(|r| r.doc != d) {
                self.open(d, None);
            }
            if let Some(r) = &mut self.reader {
                r.para = place.para.min(r.document.paragraphs.len().saturating_sub(1));
                r.link = None;
            }
        }
        self.view = place.view;
        self.hit = place.hit;
        self.editing = false;
    }

    fn copy_citation(&mut self) {
        let cite = match self.view {
            View::Reader => self
                .reader
                .as_ref()
                .and_then(|r| r.document.paragraphs.get(r.para).map(|p| citation(&r.document.doc, p))),
            _ => self.results.hits.get(self.hit).map(|h| h.cite.clone()),
        };
        if let Some(c) = cite {
            self.status = Some(format!("copied: {c}  (if your terminal ignores OSC 52, copy it from here)"));
            self.copy = Some(c);
        }
    }

    fn show(&mut self, view: View) {
        if view == View::Diff && self.diff.is_none() {
            return;
        }
        if view == View::Reader && self.reader.is_none() {
            self.status = Some("no document open yet: search and press Enter, or pick one in 4 Documents".into());
            return;
        }
        if view == View::Lexicon && self.lexicon.is_empty() {
            self.lexicon = self.bundle.lexicon("");
        }
        self.view = view;
        self.editing = false;
    }

    /// Catalog indexes of the documents the documents view lists.
    pub fn visible_docs(&self) -> Vec<usize> {
        let docs = self.bundle.docs();
        (0..docs.len()).filter(|&i| self.doc_lang.as_ref().is_none_or(|l| &docs[i].lang.0 == l)).collect()
    }

    fn next_lang_filter(&mut self) {
        let langs = self.bundle.langs();
        self.doc_lang = match &self.doc_lang {
            None => langs.first().cloned(),
            Some(l) => langs.iter().skip_while(|x| *x != l).nth(1).cloned(),
        };
        self.doc_sel = 0;
    }
}
