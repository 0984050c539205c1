//! Ingest: the bytes of one source file → one [`Document`], whatever the format.
//!
//! `.txt` and `.md` go through [`text`] lines, `.html` through [`html`] into the same lines;
//! lines that hold an enacting formula are read as a [`resolution`], others as a [`page`].
//! `.xml` is Akoma Ntoso, read by [`akn`]. `.json`/`.jsonl` files are the UN's `data_extract`
//! metadata lines ([`extract`]). Every reader ends in [`finish`], which finds references and
//! footnote links the same way for all formats.

pub mod akn;
pub mod decode;
pub mod draft;
pub mod extract;
pub mod html;
pub mod inline;
pub mod labels;
pub mod lang;
pub mod leads;
pub mod lists;
pub mod meta;
pub mod page;
pub mod resolution;
pub mod scopes;
pub mod sections;
pub mod text;

use crate::error::{IngestError, Location};
use crate::fold::superscript_digit;
use crate::model::{DocId, DocKind, Document, Lang, Metadata, ParaId, ParaKind};
use draft::Draft;

/// What one source file holds.
#[derive(Debug)]
pub enum Source {
    Document(Box<Document>),
    Metadata(Vec<extract::Extract>),
}

/// The kinds of file ingest reads, told by the file's extension. Front ends that walk folders
/// ask [`Format::of`] which files to take, so they read exactly what ingest reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Seed text (`.txt`): a resolution as the UN prints it, or a page.
    Text,
    Markdown,
    Html,
    /// The UN's Akoma Ntoso XML.
    Akn,
    /// `data_extract` lines: votes, sponsors, subjects, SDGs.
    Metadata,
}

impl Format {
    /// Every extension read (lower case, without the dot), with its format.
    pub const EXTENSIONS: [(&'static str, Format); 10] = [
        ("txt", Format::Text),
        ("md", Format::Markdown),
        ("markdown", Format::Markdown),
        ("html", Format::Html),
        ("htm", Format::Html),
        ("xhtml", Format::Html),
        ("xml", Format::Akn),
        ("akn", Format::Akn),
        ("json", Format::Metadata),
        ("jsonl", Format::Metadata),
    ];

    /// The format of the file `name` (a path or a file name), by its extension in any case.
    pub fn of(name: &str) -> Option<Format> {
        let ext = extension(name);
        Self::EXTENSIONS.iter().find(|(e, _)| *e == ext).map(|&(_, f)| f)
    }
}

/// Reads one file. `name` is its path or file name as the user gave it: the extension picks
/// the reader, the stem gives the document id and language when the text does not.
pub fn read(name: &str, bytes: &[u8]) -> Result<Source, IngestError> {
    let at = |line| Location { file: name.to_owned(), line };
    let Some(format) = Format::of(name) else {
        return Err(IngestError::Unsupported { at: at(None), extension: extension(name) });
    };
    let src = decode::text(name, bytes)?;
    let (meta, drafts, declared_lang) = match format {
        Format::Metadata => return extract::parse(name, src).map(Source::Metadata),
        Format::Akn => {
            let a = akn::read(src, name)?;
            (a.meta, a.drafts, a.lang)
        }
        Format::Html => {
            let h = html::read(src);
            let (meta, drafts) = structure(&h.lines, h.lang.as_deref().unwrap_or(""), false);
            (meta, drafts, h.lang)
        }
        Format::Text | Format::Markdown => {
            let lines = text::lines(src);
            let suffix = lang::from_file_name(name);
            let (meta, drafts) = structure(&lines, suffix.as_deref().unwrap_or(""), format == Format::Text);
            (meta, drafts, None)
        }
    };
    if drafts.is_empty() {
        return Err(IngestError::Empty { at: at(None) });
    }
    let lang = lang::from_file_name(name).or(declared_lang).unwrap_or_else(|| lang::detect(&drafts));
    Ok(Source::Document(Box::new(finish(name, &lang, meta, drafts))))
}

/// Lines → paragraphs: a resolution when an enacting formula is found, else a page.
fn structure(lines: &[text::TextLine], lang: &str, guess_headings: bool) -> (Metadata, Vec<Draft>) {
    // A declaration made of articles may contain "The General Assembly" too; it is not a resolution.
    let has_articles = lines.iter().any(|l| l.article.is_some());
    match resolution::formula_index(lines).filter(|_| !has_articles) {
        Some(i) => resolution::read(lines, i, lang),
        None => page::read(lines, guess_headings),
    }
}

fn extension(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

/// The document id a file name gives: its stem without a language suffix.
fn stem_id(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = file.split_once('.').map_or(file, |(s, _)| s);
    stem.to_owned()
}

/// Finds references and footnote links, settles ids and kind: the common end of every reader.
fn finish(name: &str, lang: &str, meta: Metadata, drafts: Vec<Draft>) -> Document {
    let footnotes: Vec<ParaId> =
        drafts.iter().filter(|d| d.para.kind == ParaKind::Footnote).map(|d| d.para.id.clone()).collect();
    let mut seen = std::collections::HashSet::new();
    let paragraphs = drafts
        .into_iter()
        .filter(|d| seen.insert(d.para.id.clone()))
        .map(|d| {
            let mut p = d.para;
            p.refs = crate::refs::extract(&p.text, &d.links);
            if p.kind != ParaKind::Footnote {
                p.notes =
                    markers(&p.text).into_iter().map(ParaId::footnote).filter(|id| footnotes.contains(id)).collect();
            }
            p
        })
        .collect::<Vec<_>>();
    let kind = if paragraphs.iter().any(|p| matches!(p.kind, ParaKind::Preambular | ParaKind::Operative)) {
        DocKind::Resolution
    } else if paragraphs.iter().any(|p| p.kind == ParaKind::Article) {
        DocKind::Declaration
    } else {
        DocKind::Page
    };
    let doc = meta.symbol.clone().unwrap_or_else(|| stem_id(name));
    let refs = meta.draft.as_deref().map(crate::refs::from_draft).unwrap_or_default();
    Document { doc: DocId(doc), lang: Lang::new(lang), source: name.to_owned(), kind, meta, paragraphs, refs }
}

/// The footnote numbers printed as superscript runs in a paragraph's text, in order.
fn markers(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut current: Option<u32> = None;
    for c in text.chars() {
        match superscript_digit(c) {
            Some(d) => current = Some(current.unwrap_or(0).saturating_mul(10).saturating_add(d)),
            None => out.extend(current.take()),
        }
    }
    out.extend(current);
    out.dedup();
    out
}
