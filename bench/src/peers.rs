//! The peers: a plain scan of the texts (the baseline any index must beat) and tantivy, a
//! mature Rust search engine, indexing the same paragraphs.

use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Query, QueryParser, RegexQuery};
use tantivy::schema::{Field, Schema, TEXT};
use tantivy::{Directory, HasLen, Index, IndexReader, doc};

/// The lower-cased texts, scanned for every query word.
pub struct Scan {
    lower: Vec<String>,
}

impl Scan {
    pub fn new(texts: &[&str]) -> Scan {
        Scan { lower: texts.iter().map(|t| t.to_lowercase()).collect() }
    }

    /// Paragraphs containing every word of the query (filters and operators dropped), first 10.
    pub fn search(&self, query: &str) -> (usize, Vec<usize>) {
        let words: Vec<String> = query
            .split(|c: char| c.is_whitespace() || c == '"')
            .filter(|w| !w.is_empty() && !w.contains(':') && *w != "OR" && !w.starts_with('-'))
            .map(|w| w.trim_end_matches(['*', '~']).to_lowercase())
            .collect();
        let hits: Vec<usize> =
            (0..self.lower.len()).filter(|&i| words.iter().all(|w| self.lower[i].contains(w.as_str()))).collect();
        (hits.len(), hits.into_iter().take(10).collect())
    }
}

/// tantivy with one text field (positions indexed, not stored), in RAM, built by one thread
/// (as Resolex builds) into one segment, so that a document's id is its position in the texts.
pub struct Tantivy {
    pub index: Index,
    reader: IndexReader,
    field: Field,
}

impl Tantivy {
    pub fn build(texts: &[&str]) -> Tantivy {
        let mut schema = Schema::builder();
        let field = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 2_000_000_000).expect("writer");
        for t in texts {
            writer.add_document(doc!(field => *t)).expect("add");
        }
        writer.commit().expect("commit");
        let reader = index.reader().expect("reader");
        Tantivy { index, reader, field }
    }

    /// Bytes of its index files.
    pub fn size(&self) -> usize {
        let dir = self.index.directory();
        let metas = self.index.searchable_segment_metas().expect("metas");
        metas
            .iter()
            .flat_map(tantivy::SegmentMeta::list_files)
            .filter_map(|p| dir.open_read(&p).ok().map(|f| f.len()))
            .sum()
    }

    /// Top 10 and the count; Resolex filters are not tantivy syntax and are dropped.
    pub fn search(&self, query: &str) -> (usize, usize) {
        let parser = QueryParser::for_index(&self.index, vec![self.field]);
        let cleaned: String = query
            .split_whitespace()
            .filter(|w| !w.contains(':'))
            .map(|w| w.trim_end_matches('~'))
            .collect::<Vec<_>>()
            .join(" ");
        self.top(parser.parse_query_lenient(&cleaned).0.as_ref())
    }

    /// A query of the side-by-side set (`bench/peers/queries.json`) in tantivy's own terms:
    /// phrases quoted, the unfinished last word of a prefix query as a term prefix, typos with
    /// fuzzy terms (1 edit, 2 from 8 letters, as Resolex's `~`), every word required.
    pub fn parse(&self, class: &str, text: &str) -> Box<dyn Query> {
        let mut parser = QueryParser::for_index(&self.index, vec![self.field]);
        parser.set_conjunction_by_default();
        let query = match class {
            "phrase" => format!("\"{text}\""),
            "prefix" => return self.prefix(&parser, text),
            "typo" => {
                parser.set_field_fuzzy(self.field, false, if text.chars().count() >= 8 { 2 } else { 1 }, true);
                text.to_owned()
            }
            _ => text.to_owned(),
        };
        parser.parse_query_lenient(&query).0
    }

    /// Every word but the last as a term, the last as the prefix of a term (tantivy's query
    /// syntax has prefixes only at the end of a phrase).
    fn prefix(&self, parser: &QueryParser, text: &str) -> Box<dyn Query> {
        let (words, last) = text.rsplit_once(' ').unwrap_or(("", text));
        let pattern: String = last
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c.to_string() } else { format!("\\{c}") })
            .collect();
        let prefix = RegexQuery::from_pattern(&format!("{pattern}.*"), self.field).expect("a prefix pattern");
        if words.is_empty() {
            return Box::new(prefix);
        }
        Box::new(BooleanQuery::intersection(vec![parser.parse_query_lenient(words).0, Box::new(prefix)]))
    }

    /// The count and the top 10 of a parsed query.
    pub fn top(&self, query: &dyn Query) -> (usize, usize) {
        let (top, count) = self.reader.searcher().search(query, &(TopDocs::with_limit(10), Count)).expect("search");
        (count, top.len())
    }

    /// Every paragraph (by its position in `texts` of [`Tantivy::build`]) a parsed query matches.
    pub fn all(&self, query: &dyn Query) -> Vec<usize> {
        let searcher = self.reader.searcher();
        assert_eq!(searcher.segment_readers().len(), 1, "tantivy wrote more than one segment");
        let found = searcher.search(query, &DocSetCollector).expect("search");
        let mut all: Vec<usize> = found.into_iter().map(|d| d.doc_id as usize).collect();
        all.sort_unstable();
        all
    }
}
