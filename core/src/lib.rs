//! Resolex core: turns UN resolutions and the texts around them into one document model.
//!
//! The pipeline is `ingest` (bytes of a `.txt`, `.md`, `.html` or AKN `.xml` file → [`Document`])
//! → `refs` (citations found in paragraph text → [`Reference`]) → [`Corpus`] (documents joined
//! by a reference graph) → `export` (JSON, Markdown, Akoma Ntoso). The core never touches a
//! terminal or a browser, and reads files only through the caller: every entry point takes bytes.

pub mod analyze;
pub mod bundle;
pub mod cite;
pub mod corpus;
pub mod default_corpus;
pub mod diff;
pub mod display;
pub mod error;
pub mod export;
pub mod fold;
pub mod index;
pub mod ingest;
pub mod model;
pub mod reading;
pub mod refs;
pub mod search;
pub mod series;

pub use corpus::{Corpus, Duplicates, RefEdge};
pub use error::{Error, IngestError, Result};
pub use model::{DocId, DocKind, Document, Lang, Metadata, ParaId, ParaKind, Paragraph, RefKind, Reference, Scope};
