//! The default corpus, embedded: the UN–INTERPOL cooperation set of `core/corpus/` (see its
//! `MANIFEST.md`). Until the bundle exists, front ends build it in memory at start-up.

use crate::corpus::Corpus;

/// File name and bytes of each default corpus file.
pub const FILES: [(&str, &[u8]); 10] = [
    ("A-RES-79-136.en.txt", include_bytes!("../corpus/A-RES-79-136.en.txt")),
    ("A_RES_79_136-2423454A.xml", include_bytes!("../corpus/A_RES_79_136-2423454A.xml")),
    ("A_RES_79_136-2423454C.xml", include_bytes!("../corpus/A_RES_79_136-2423454C.xml")),
    ("A_RES_79_136-2423454F.xml", include_bytes!("../corpus/A_RES_79_136-2423454F.xml")),
    ("A_RES_79_136-2423454R.xml", include_bytes!("../corpus/A_RES_79_136-2423454R.xml")),
    ("A_RES_79_136-2423454S.xml", include_bytes!("../corpus/A_RES_79_136-2423454S.xml")),
    ("A-RES-71-19.zh.txt", include_bytes!("../corpus/A-RES-71-19.zh.txt")),
    ("interpol-un-resolutions.fr.txt", include_bytes!("../corpus/interpol-un-resolutions.fr.txt")),
    ("interpol-ga-2025-marrakech.en.txt", include_bytes!("../corpus/interpol-ga-2025-marrakech.en.txt")),
    ("data_extract.jsonl", include_bytes!("../corpus/data_extract.jsonl")),
];

/// The default corpus, read from the embedded files.
pub fn load() -> Corpus {
    Corpus::from_files(FILES).expect("the embedded default corpus is tested to ingest")
}
