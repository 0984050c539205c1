//! The default corpus, embedded: the UN–INTERPOL cooperation set of `core/corpus/` (see its
//! `MANIFEST.md`). Until the bundle exists, front ends build it in memory at start-up.

use crate::corpus::Corpus;

/// File name and bytes of each default corpus file.
pub const FILES: [(&str, &[u8]); 22] = [
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
    // The series before 79/136: 75/10 and 77/20 in six languages (MANIFEST.md).
    ("75_10_A.xml", include_bytes!("../corpus/75_10_A.xml")),
    ("75_10_C.xml", include_bytes!("../corpus/75_10_C.xml")),
    ("75_10_E.xml", include_bytes!("../corpus/75_10_E.xml")),
    ("75_10_F.xml", include_bytes!("../corpus/75_10_F.xml")),
    ("75_10_R.xml", include_bytes!("../corpus/75_10_R.xml")),
    ("75_10_S.xml", include_bytes!("../corpus/75_10_S.xml")),
    ("A_RES_77_20-2226542A.xml", include_bytes!("../corpus/A_RES_77_20-2226542A.xml")),
    ("A_RES_77_20-2226542C.xml", include_bytes!("../corpus/A_RES_77_20-2226542C.xml")),
    ("A_RES_77_20-2226542E.xml", include_bytes!("../corpus/A_RES_77_20-2226542E.xml")),
    ("A_RES_77_20-2226542F.xml", include_bytes!("../corpus/A_RES_77_20-2226542F.xml")),
    ("A_RES_77_20-2226542R.xml", include_bytes!("../corpus/A_RES_77_20-2226542R.xml")),
    ("A_RES_77_20-2226542S.xml", include_bytes!("../corpus/A_RES_77_20-2226542S.xml")),
];

/// The default corpus, read from the embedded files.
pub fn load() -> Corpus {
    Corpus::from_files(FILES).expect("the embedded default corpus is tested to ingest")
}
