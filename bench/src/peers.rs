//! The peers: a plain scan of the texts (the baseline any index must beat) and tantivy, a
//! mature Rust search engine, indexing the same paragraphs.

use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
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

/// tantivy with one text field (positions indexed, not stored), in RAM.
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
        let mut writer = index.writer(200_000_000).expect("writer");
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
        let searcher = self.reader.searcher();
        let parser = QueryParser::for_index(&self.index, vec![self.field]);
        let cleaned: String = query
            .split_whitespace()
            .filter(|w| !w.contains(':'))
            .map(|w| w.trim_end_matches('~'))
            .collect::<Vec<_>>()
            .join(" ");
        let (q, _) = parser.parse_query_lenient(&cleaned);
        let (top, count) = searcher.search(&q, &(TopDocs::with_limit(10), Count)).expect("search");
        (count, top.len())
    }
}
