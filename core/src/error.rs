//! Errors of the core. Each variant names the file (and line, where known) and says what is
//! wrong in words a user can act on.

use std::fmt;

/// Where in a source file something went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file name as the caller gave it.
    pub file: String,
    /// 1-based line, when the format lets us know it.
    pub line: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

/// Why a file could not be read into documents.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum IngestError {
    /// The file holds no bytes at all, or only white space.
    #[error("{at}: the file is empty")]
    Empty { at: Location },
    /// A NUL byte or other binary content: not a text document.
    #[error("{at}: this is a binary file, not a text document (byte {offset} is {byte:#04x})")]
    Binary { at: Location, offset: usize, byte: u8 },
    /// The bytes are not UTF-8; Resolex reads UTF-8 only.
    #[error("{at}: invalid UTF-8 at byte {offset}; save the file as UTF-8")]
    Utf8 { at: Location, offset: usize },
    /// Larger than the ingest limit; such a file is almost certainly not one document.
    #[error("{at}: the file is {size} bytes, more than the limit of {limit} bytes for one document")]
    TooLarge { at: Location, size: usize, limit: usize },
    /// XML that does not parse.
    #[error("{at}: malformed XML: {message}")]
    Xml { at: Location, message: String },
    /// XML that parses but is not Akoma Ntoso.
    #[error("{at}: not an Akoma Ntoso document: {message}")]
    NotAkn { at: Location, message: String },
    /// The file name's extension is not one Resolex reads.
    #[error("{at}: unsupported file type {extension:?}; Resolex reads .txt, .md, .html and .xml")]
    Unsupported { at: Location, extension: String },
    /// A `data_extract` metadata line that is not valid JSON.
    #[error("{at}: bad metadata line: {message}")]
    Metadata { at: Location, message: String },
}

/// Errors of the corpus as a whole.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// Two files give the same document in the same language (when skipped, `first` is kept).
    #[error("{doc} in language {lang} is given twice: by {first} and by {second}")]
    Duplicate { doc: String, lang: String, first: String, second: String },
    /// A file read twice by a build (to settle the corpus, then to index it) gave another
    /// document the second time.
    #[error("{file} changed while the corpus was being built; build again")]
    Changed { file: String },
    /// A reference (`A/RES/79/136#op21.b`) that does not parse.
    #[error("bad reference {input:?}: {reason}")]
    BadRef { input: String, reason: String },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
