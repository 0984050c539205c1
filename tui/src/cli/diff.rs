//! `resolex diff EARLIER LATER`: how the wording changed between two resolutions, paragraph by
//! paragraph, in one language: `+` added, `-` removed, `~` reworded (words as `[-old-]{+new+}`),
//! `>` moved, with the citations of both sides; `--json` for scripts.

use super::Outcome;
use resolex_core::Corpus;
use resolex_core::corpus::parse_ref;
use resolex_core::diff::{self, Change, Comparison, Edit};

#[derive(clap::Args)]
pub struct Args {
    /// The earlier resolution (`A/RES/77/20`).
    earlier: String,
    /// The later resolution (`A/RES/79/136`).
    later: String,
    /// The language to compare in (default: English where both hold it, else the first they share).
    #[arg(long)]
    lang: Option<String>,
    /// Print unchanged paragraphs too.
    #[arg(long)]
    all: bool,
    #[arg(long)]
    json: bool,
}

pub fn run(corpus: &Corpus, args: &Args) -> Result<Outcome, String> {
    let a = corpus.resolve(parse_ref(&args.earlier).map_err(|e| e.to_string())?.0);
    let b = corpus.resolve(parse_ref(&args.later).map_err(|e| e.to_string())?.0);
    let langs = |id| corpus.versions(id).map(|d| d.lang.0.clone()).collect::<Vec<_>>();
    let (held_a, held_b) = (langs(&a), langs(&b));
    for (id, held) in [(&a, &held_a), (&b, &held_b)] {
        if held.is_empty() {
            return Ok(Outcome::NotFound(format!("no document {id} in the corpus")));
        }
    }
    let shared: Vec<String> = held_a.iter().filter(|l| held_b.contains(l)).cloned().collect();
    let lang = match &args.lang {
        Some(l) if shared.contains(l) => l.clone(),
        Some(l) => {
            return Ok(Outcome::NotFound(format!("{a} and {b} are not both held in {l}; both in: {}", list(&shared))));
        }
        None => match shared.iter().find(|l| *l == "en").or(shared.first()) {
            Some(l) => l.clone(),
            None => return Ok(Outcome::NotFound(format!("{a} and {b} share no language"))),
        },
    };
    let (Some(earlier), Some(later)) = (corpus.find(&a, Some(&lang)), corpus.find(&b, Some(&lang))) else {
        return Ok(Outcome::NotFound(format!("{a} or {b} is not held in {lang}")));
    };
    let comparison = diff::compare(earlier, later);
    if args.json {
        return super::output::json(&comparison);
    }
    print(&comparison, args.all)
}

fn list(langs: &[String]) -> String {
    if langs.is_empty() { "none".to_owned() } else { langs.join(", ") }
}

fn print(c: &Comparison, all: bool) -> Result<Outcome, String> {
    let date = |d: &Option<String>| d.as_deref().map(|d| format!(", {d}")).unwrap_or_default();
    out!(
        "{} ({}{}) → {} ({}{})",
        c.before.doc,
        c.before.lang,
        date(&c.before.date),
        c.after.doc,
        c.after.lang,
        date(&c.after.date)
    );
    if let Some(t) = &c.after.title {
        out!("{t}");
    }
    out!("{}", c.summary);
    for row in c.rows.iter().filter(|r| all || r.change != Change::Unchanged) {
        let sides: Vec<&str> = [&row.before, &row.after].into_iter().flatten().map(|s| s.cite.as_str()).collect();
        out!();
        out!("{} {}", row.change.mark(), sides.join(" → "));
        out!("    {}", marked(&row.words, row.change));
    }
    Ok(Outcome::Found)
}

/// The paragraph with its changes marked: `[-removed-]{+added+}` inside a reworded one, its
/// text as it is otherwise.
fn marked(words: &[Edit], change: Change) -> String {
    if change != Change::Reworded && change != Change::Moved {
        return words.iter().map(Edit::text).collect();
    }
    words
        .iter()
        .map(|e| match e {
            Edit::Keep(t) => t.clone(),
            Edit::Delete(t) => format!("[-{t}-]"),
            Edit::Insert(t) => format!("{{+{t}+}}"),
        })
        .collect()
}
