//! Official citations of a paragraph, the way the UN and the literature write them:
//! `A/RES/79/136, para. 21 (b)`, `A/RES/79/136, preambular para. 5`, `A/RES/79/136, footnote 4`.

use crate::model::{DocId, ParaKind, Paragraph};

pub fn citation(doc: &DocId, p: &Paragraph) -> String {
    citation_of(doc, p.kind, p.id.as_str(), p.num.as_deref())
}

/// The citation from a paragraph's parts: its kind, id and number as printed.
pub fn citation_of(doc: &DocId, kind: ParaKind, id: &str, num: Option<&str>) -> String {
    let num = num.map_or_else(|| digits(id), str::to_owned);
    match kind {
        ParaKind::Operative | ParaKind::Subparagraph => format!("{doc}, para. {num}"),
        ParaKind::Preambular => format!("{doc}, preambular para. {}", digits(id)),
        ParaKind::Footnote => format!("{doc}, footnote {num}"),
        ParaKind::Article => format!("{doc}, art. {}", digits(id)),
        ParaKind::Heading | ParaKind::Body | ParaKind::ListItem => format!("{doc}#{id}"),
    }
}

fn digits(id: &str) -> String {
    id.chars().skip_while(|c| !c.is_ascii_digit()).take_while(char::is_ascii_digit).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParaId;

    #[test]
    fn citations() {
        let doc = DocId("A/RES/79/136".into());
        let mut p = Paragraph::new(ParaId::operative(21).child("b"), ParaKind::Subparagraph, String::new());
        p.num = Some("21 (b)".into());
        assert_eq!(citation(&doc, &p), "A/RES/79/136, para. 21 (b)");
        let pp = Paragraph::new(ParaId::preambular(5), ParaKind::Preambular, String::new());
        assert_eq!(citation(&doc, &pp), "A/RES/79/136, preambular para. 5");
    }
}
