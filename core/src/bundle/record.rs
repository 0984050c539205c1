//! A document's record in a block: everything about it but its paragraphs' texts (which the
//! block holds apart), in the [`bytes`](super::bytes) module's forms.
//!
//! Hand-written rather than JSON (format 6; JSON before): the explorer reads records for the
//! reading view and then needs no JSON parser. Fields in the order of the model, each once:
//!
//! ```text
//! doc | lang | source | kind | symbol? | title? | date? | session? | agenda item? | draft? | meeting?
//! | vote? (kind, in favour, against, abstaining) | sponsors | subjects | sdgs
//! | paragraphs (id, kind, number?, lead?, references, notes) | references
//! ```
//!
//! `?` marks an optional field (a string: its length plus one, or 0; a number: itself plus one,
//! or 0); lists are a count, then each item; a reference is its target, kind and span.

use super::bytes::{Reader, Writer};
use crate::model::{DocId, Document, Lang, Metadata, ParaId, ParaKind, Paragraph, RefKind, Reference, Vote};

/// Appends `doc`'s record (its paragraphs' texts left out) to `w`.
pub fn write(w: &mut Writer, doc: &Document) {
    w.str(doc.doc.as_str());
    w.str(doc.lang.as_str());
    w.str(&doc.source);
    w.num(super::catalog::kind_code(doc.kind));
    write_meta(w, &doc.meta);
    w.list(&doc.paragraphs, |w, p| {
        w.str(p.id.as_str());
        w.num(u64::from(super::write::kind_code(p.kind)));
        w.opt_str(p.num.as_deref());
        w.opt_str(p.lead.as_deref());
        w.list(&p.refs, write_ref);
        w.list(&p.notes, |w, n| w.str(n.as_str()));
    });
    w.list(&doc.refs, write_ref);
}

/// The next record of `r`, its paragraphs with empty texts.
pub fn read(r: &mut Reader) -> Result<Document, String> {
    let doc = DocId(r.str("a document's symbol")?);
    let lang = Lang(r.str("a document's language")?);
    let source = r.str("a document's source")?;
    let kind = super::catalog::kind_of(r.num("a document's kind")?)?;
    let meta = read_meta(r)?;
    let paragraphs = r.list("a document's paragraphs", |r| {
        let id = ParaId::stored(r.str("a paragraph's id")?);
        let code = r.num("a paragraph's kind")?;
        let kind = *ParaKind::ALL.get(code as usize).ok_or_else(|| format!("unknown paragraph kind {code}"))?;
        let mut p = Paragraph::new(id, kind, String::new());
        p.num = r.opt_str("a paragraph's number")?;
        p.lead = r.opt_str("a paragraph's lead")?;
        p.refs = r.list("a paragraph's references", read_ref)?;
        p.notes = r.list("a paragraph's notes", |r| Ok(ParaId::stored(r.str("a note's id")?)))?;
        Ok(p)
    })?;
    let refs = r.list("a document's references", read_ref)?;
    Ok(Document { doc, lang, source, kind, meta, paragraphs, refs })
}

fn write_meta(w: &mut Writer, m: &Metadata) {
    for s in [&m.symbol, &m.title, &m.date] {
        w.opt_str(s.as_deref());
    }
    w.num(m.session.map_or(0, |n| u64::from(n) + 1));
    w.opt_str(m.agenda_item.as_deref());
    w.opt_str(m.draft.as_deref());
    w.num(m.meeting.map_or(0, |n| u64::from(n) + 1));
    match &m.vote {
        None => w.num(0),
        Some(v) => {
            w.num(1);
            w.str(v.kind.as_str());
            for n in [v.in_favour, v.against, v.abstaining] {
                w.num(u64::from(n));
            }
        }
    }
    for list in [&m.sponsors, &m.subjects, &m.sdgs] {
        w.list(list, |w, s| w.str(s));
    }
}

fn read_meta(r: &mut Reader) -> Result<Metadata, String> {
    let opt_num = |r: &mut Reader, what: &str| -> Result<Option<u32>, String> { Ok(r.u32(what)?.checked_sub(1)) };
    let symbol = r.opt_str("a symbol")?;
    let title = r.opt_str("a title")?;
    let date = r.opt_str("a date")?;
    let session = opt_num(r, "a session")?;
    let agenda_item = r.opt_str("an agenda item")?;
    let draft = r.opt_str("a draft")?;
    let meeting = opt_num(r, "a meeting")?;
    let vote = match r.num("whether a vote follows")? {
        0 => None,
        1 => Some(Vote {
            kind: r.str("a vote's kind")?.into(),
            in_favour: r.u32("votes in favour")?,
            against: r.u32("votes against")?,
            abstaining: r.u32("abstentions")?,
        }),
        n => return Err(format!("a vote marked {n}")),
    };
    let sponsors = r.list("sponsors", |r| r.str("a sponsor"))?;
    let subjects = r.list("subjects", |r| r.str("a subject"))?;
    let sdgs = r.list("goals", |r| r.str("a goal"))?;
    Ok(Metadata { symbol, title, date, session, agenda_item, draft, meeting, vote, sponsors, subjects, sdgs })
}

fn write_ref(w: &mut Writer, r: &Reference) {
    w.str(&r.target);
    w.count(RefKind::ALL.iter().position(|&k| k == r.kind).unwrap_or_default());
    for n in r.span {
        w.num(n as u64);
    }
}

fn read_ref(r: &mut Reader) -> Result<Reference, String> {
    let target = r.str("a reference's target")?;
    let code = r.num("a reference's kind")?;
    let kind = *RefKind::ALL.get(code as usize).ok_or_else(|| format!("unknown reference kind {code}"))?;
    let mut offset = |what: &str| usize::try_from(r.num(what)?).map_err(|_| format!("{what} is past any text"));
    let span = [offset("a reference's start")?, offset("a reference's end")?];
    Ok(Reference { target, kind, span })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::VoteKind;

    /// The document without its paragraphs' texts: what a record keeps.
    fn shell(doc: &Document) -> Document {
        let mut shell = doc.clone();
        shell.paragraphs.iter_mut().for_each(|p| p.text.clear());
        shell
    }

    fn round_trip(doc: &Document) -> Result<Document, String> {
        let mut w = Writer::default();
        write(&mut w, doc);
        let mut r = Reader::new(&w.out);
        let read = read(&mut r)?;
        r.finish("the record")?;
        Ok(read)
    }

    /// Every field set, each reference kind, a vote of a kind the UN may add later, and every
    /// document of the default corpus come back as they went in; every record cut short is
    /// refused, never a panic.
    #[test]
    fn records_keep_every_field() {
        let mut doc =
            crate::default_corpus::load().docs.into_iter().find(|d| d.doc.as_str() == "A/RES/79/136").unwrap();
        doc.meta = Metadata {
            symbol: Some("A/RES/79/136".into()),
            title: Some("Cooperation between the United Nations and INTERPOL".into()),
            date: Some("2024-12-04".into()),
            session: Some(79),
            agenda_item: Some("125 (y)".into()),
            draft: Some("A/79/L.17".into()),
            meeting: Some(0),
            vote: Some(Vote {
                kind: VoteKind::Other("adoptedByConsensus".into()),
                in_favour: 1,
                against: 2,
                abstaining: 3,
            }),
            sponsors: vec!["France".into(), "Côte d’Ivoire".into()],
            subjects: vec!["INTERPOL".into()],
            sdgs: vec!["16".into()],
        };
        doc.refs = RefKind::ALL
            .iter()
            .map(|&kind| Reference { target: format!("{kind}"), kind, span: [0, usize::MAX] })
            .collect();
        doc.paragraphs[0].notes = vec![ParaId::footnote(1), ParaId::footnote(2)];
        assert_eq!(round_trip(&doc), Ok(shell(&doc)));
        for d in crate::default_corpus::load().docs {
            assert_eq!(round_trip(&d), Ok(shell(&d)), "{}", d.doc);
        }
        let mut w = Writer::default();
        write(&mut w, &doc);
        for cut in 0..w.out.len() {
            let mut r = Reader::new(&w.out[..cut]);
            assert!(read(&mut r).is_err(), "a record cut at {cut} read");
        }
    }
}
