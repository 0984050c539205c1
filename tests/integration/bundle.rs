//! The bundle: a round trip keeps every document; the inline file, the head with its parts
//! supplied, and the directory of parts answer alike; truncated, bit-flipped, foreign and
//! newer-version files, and every kind of part corrupted or absent, each get a clear error
//! naming what is wrong — never a panic, never a wrong answer.

use resolex_core::bundle::{self, Bundle, BundleError, PartKind, Pending, Sizes, Written};
use resolex_core::search;
use resolex_tests::Rng;

/// Small parts, so that the default corpus makes several of every kind.
const SMALL: Sizes = Sizes { page: 2048, block: 4096, shard: 512, outline: 256, titles: 256, pack: 32 << 10, leads: 8 };
const QUERIES: [&str; 9] = [
    "INTERPOL",
    "\"police cooperation\"",
    "coop",
    "terorism~",
    "terorism",
    "lang:fr coopération",
    "国际刑警",
    "cites:71/19",
    "kind:operative lead:encourages",
];

fn written() -> Written {
    bundle::write_parts(&resolex_core::default_corpus::load(), SMALL).unwrap()
}

fn default_bytes() -> Vec<u8> {
    bundle::write(&resolex_core::default_corpus::load()).unwrap()
}

/// Where each part starts in the inline file.
fn offsets(w: &Written) -> Vec<usize> {
    let head = w.inline().len() - w.parts.iter().map(Vec::len).sum::<usize>();
    w.parts.iter().scan(head, |at, p| Some(std::mem::replace(at, *at + p.len()))).collect()
}

/// The answers to `QUERIES` (hits in order, totals and facets), as JSON.
fn answers(b: &Bundle) -> Vec<String> {
    QUERIES.iter().map(|q| serde_json::to_string(&search::search(b, q, 50)).unwrap()).collect()
}

/// The answer to `q` as JSON, or the fault that makes it wrong; parts are never missing from a
/// whole file.
fn answer_or_fault(b: &Bundle, q: &str) -> Result<String, BundleError> {
    let answer = serde_json::to_string(&search::search(b, q, 50)).unwrap();
    match b.settle() {
        Ok(()) => Ok(answer),
        Err(Pending::Fault(e)) => Err(e),
        Err(Pending::Missing(p)) => panic!("{q}: parts {p:?} missing from a whole file"),
    }
}

#[test]
fn round_trip_keeps_every_document() {
    let corpus = resolex_core::default_corpus::load();
    let loaded = Bundle::from_vec(default_bytes()).unwrap().corpus().unwrap();
    assert_eq!(loaded.docs, corpus.docs);
    let small = Bundle::from_vec(written().inline()).unwrap();
    assert!(small.parts().len() > 20, "{} parts", small.parts().len());
    assert_eq!(small.corpus().unwrap().docs, corpus.docs);
}

#[test]
fn part_sizes_do_not_change_an_answer() {
    let whole = Bundle::from_vec(default_bytes()).unwrap();
    let small = Bundle::from_vec(written().inline()).unwrap();
    // Every kind but the compact layout's documents.
    for kind in PartKind::ALL.into_iter().filter(|&k| k != PartKind::Documents) {
        assert!(small.parts().iter().filter(|p| p.kind == kind).count() >= 2, "{kind:?}");
    }
    assert_eq!(answers(&small), answers(&whole));
    assert!(small.settle().is_ok());
}

/// The browser's way: the head first, then rounds of fetching what a query lacked.
#[test]
fn a_head_with_parts_supplied_on_demand_answers_as_the_whole_file() {
    let w = written();
    let whole = Bundle::from_vec(w.inline()).unwrap();
    let (head, _) = w.apart();
    for (q, expected) in QUERIES.iter().zip(answers(&whole)) {
        let lazy = Bundle::from_vec(head.clone()).unwrap();
        let mut rounds = 0;
        let answer = loop {
            let answer = serde_json::to_string(&search::search(&lazy, q, 50)).unwrap();
            match lazy.settle() {
                Ok(()) => break answer,
                Err(Pending::Missing(parts)) => {
                    for i in parts {
                        lazy.supply(i, &w.parts[i]).unwrap();
                    }
                }
                Err(Pending::Fault(e)) => panic!("{q}: {e}"),
            }
            rounds += 1;
            assert!(rounds <= 6, "{q}: still missing parts after {rounds} rounds");
        };
        assert_eq!(answer, expected, "{q}");
        let fetched = (0..w.parts.len()).filter(|&i| lazy.has_part(i)).count();
        if !q.ends_with('~') {
            assert!(fetched < w.parts.len(), "{q}: every part was fetched");
        }
    }
}

/// A build without the `inflate` feature (the widget's wasm) is given the head and each deflated
/// part inflated by its host, beside the part as stored: it answers as the whole file, checks the
/// stored bytes' checksums, and refuses inflated bytes of the wrong length by the part's name.
#[test]
fn a_head_and_parts_inflated_by_the_host_answer_as_the_whole_file() {
    let host = |stored: &[u8]| miniz_oxide::inflate::decompress_to_vec(stored).expect("it inflates");
    let w = written();
    let whole = Bundle::from_vec(w.inline()).unwrap();
    let (head, _) = w.apart();
    let span = bundle::format::head_span(&head).unwrap();
    let inflated_head = host(&head[span]);
    let supply = |lazy: &Bundle, i: usize| {
        let e = &lazy.parts()[i];
        if e.stored == e.raw {
            lazy.supply(i, &w.parts[i])
        } else {
            lazy.supply_inflated(i, &w.parts[i], host(&w.parts[i]))
        }
    };
    for (q, expected) in QUERIES.iter().zip(answers(&whole)) {
        let lazy = Bundle::from_vec_inflated(head.clone(), Some(&inflated_head)).unwrap();
        let answer = loop {
            let answer = serde_json::to_string(&search::search(&lazy, q, 50)).unwrap();
            match lazy.settle() {
                Ok(()) => break answer,
                Err(Pending::Missing(parts)) => parts.into_iter().for_each(|i| supply(&lazy, i).unwrap()),
                Err(Pending::Fault(e)) => panic!("{q}: {e}"),
            }
        };
        assert_eq!(answer, expected, "{q}");
    }
    let lazy = Bundle::from_vec_inflated(head.clone(), Some(&inflated_head)).unwrap();
    let deflated = (0..w.parts.len()).find(|&i| lazy.parts()[i].stored != lazy.parts()[i].raw).unwrap();
    let mut short = host(&w.parts[deflated]);
    short.pop();
    let e = lazy.supply_inflated(deflated, &w.parts[deflated], short).unwrap_err().to_string();
    assert!(e.contains(&format!("part {deflated}")) && e.contains("inflates to"), "{e}");
    let mut flipped = w.parts[deflated].clone();
    flipped[0] ^= 0x10;
    let e = lazy.supply_inflated(deflated, &flipped, host(&w.parts[deflated])).unwrap_err().to_string();
    assert!(e.contains("checksum"), "{e}");
    assert!(!lazy.has_part(deflated));
    // A head given inflated is still checked as stored, and read as given.
    let mut bad = head.clone();
    bad[bundle::format::head_span(&head).unwrap().start] ^= 0x10;
    let e = Bundle::from_vec_inflated(bad, Some(&inflated_head)).err().expect("refused");
    assert!(e.to_string().contains("checksum"), "{e}");
    let cut = &inflated_head[..inflated_head.len() / 2];
    assert!(matches!(Bundle::from_vec_inflated(head, Some(cut)), Err(BundleError::Head(_))));
}

/// A lazily loaded answer shows no hits while its ranking lacks a list (their texts would be
/// fetched for nothing), then asks for the texts of its hits and their titles in one round.
#[test]
fn a_lazy_answer_waits_for_its_whole_ranking_then_fetches_texts_and_titles_together() {
    let w = written();
    let lazy = Bundle::from_vec(w.apart().0).unwrap();
    let held_back = [PartKind::StemPostings, PartKind::Block, PartKind::Titles];
    for (i, p) in lazy.parts().iter().enumerate() {
        if !held_back.contains(&p.kind) {
            lazy.supply(i, &w.parts[i]).unwrap();
        }
    }
    let mut asked = Vec::new();
    let hits = loop {
        let hits = search::hits(&lazy, "cooperation", 10).hits;
        match lazy.settle() {
            Ok(()) => break hits,
            Err(Pending::Missing(parts)) => {
                assert!(hits.is_empty(), "hits shown before the parts {parts:?} arrived");
                let mut kinds: Vec<PartKind> = parts.iter().map(|&i| lazy.parts()[i].kind).collect();
                kinds.dedup();
                asked.push(kinds);
                for i in parts {
                    lazy.supply(i, &w.parts[i]).unwrap();
                }
            }
            Err(Pending::Fault(e)) => panic!("{e}"),
        }
    };
    assert_eq!(hits.len(), 10);
    assert_eq!(asked, [vec![PartKind::StemPostings], vec![PartKind::Block, PartKind::Titles]]);
}

/// A long document runs on over several blocks: a hit in it reads one of them, opening it
/// asks for all of them in one round, and it reads back whole.
#[test]
fn a_long_document_runs_on_over_blocks_read_one_for_a_hit_and_all_to_open_it() {
    let corpus = resolex_core::default_corpus::load();
    let w = written();
    let lazy = Bundle::from_vec(w.apart().0).unwrap();
    for (i, p) in lazy.parts().iter().enumerate() {
        if p.kind != PartKind::Block {
            lazy.supply(i, &w.parts[i]).unwrap();
        }
    }
    let text = |d: &resolex_core::Document| d.paragraphs.iter().map(|p| p.text.len()).sum::<usize>();
    let (i, longest) = corpus.docs.iter().enumerate().max_by_key(|(_, d)| text(d)).unwrap();
    assert!(text(longest) > 4 * SMALL.block, "{} bytes", text(longest));
    let blocks = |parts: &[usize]| parts.iter().filter(|&&p| lazy.parts()[p].kind == PartKind::Block).count();
    // A hit in its last paragraph: one block.
    let last = lazy.catalog.docs[i].first + lazy.catalog.docs[i].count - 1;
    assert!(lazy.paragraph(last).is_none());
    let Err(Pending::Missing(parts)) = lazy.settle() else { panic!("the paragraph's block was at hand") };
    assert_eq!(blocks(&parts), 1, "{parts:?}");
    // The whole document: every block it runs on, asked for at once.
    assert!(lazy.document(i).is_err());
    let Err(Pending::Missing(parts)) = lazy.settle() else { panic!("the document's blocks were at hand") };
    let n = blocks(&parts);
    assert!(n > 1 && n <= text(longest) / SMALL.block + 1, "{n} blocks for {} bytes", text(longest));
    for p in parts {
        lazy.supply(p, &w.parts[p]).unwrap();
    }
    assert_eq!(&lazy.document(i).unwrap(), longest);
    assert!(lazy.settle().is_ok());
}

#[test]
fn a_part_supplied_wrong_is_refused_by_name() {
    let w = written();
    let (head, _) = w.apart();
    let lazy = Bundle::from_vec(head).unwrap();
    let e = lazy.supply(3, &w.parts[3][1..]).unwrap_err();
    assert!(e.to_string().contains("part 3") && e.to_string().contains("bytes arrived"), "{e}");
    let e = lazy.supply(3, &w.parts[4]).unwrap_err();
    assert!(e.to_string().contains("part 3"), "{e}");
    let mut flipped = w.parts[3].clone();
    let last = flipped.len() - 1;
    flipped[last] ^= 0x10;
    assert!(lazy.supply(3, &flipped).is_err());
    assert!(!lazy.has_part(3));
    lazy.supply(3, &w.parts[3]).unwrap();
    assert!(lazy.has_part(3));
}

#[test]
fn the_directory_of_parts_opens_and_names_a_lost_part() {
    let w = written();
    let dir = std::env::temp_dir().join(format!("resolex-parts-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let head_path = dir.join("corpus.rlx");
    let (head, packs) = w.apart();
    assert!(packs.len() >= 3, "{} packs", packs.len());
    std::fs::write(&head_path, head).unwrap();
    let parts_dir = bundle::parts_dir(&head_path);
    std::fs::create_dir_all(&parts_dir).unwrap();
    for (name, bytes) in &packs {
        std::fs::write(parts_dir.join(name), bytes).unwrap();
    }
    let opened = Bundle::open(&head_path).unwrap();
    opened.verify().unwrap();
    assert_eq!(answers(&opened), answers(&Bundle::from_vec(w.inline()).unwrap()));

    let inline_path = dir.join("inline.rlx");
    std::fs::write(&inline_path, w.inline()).unwrap();
    assert_eq!(answers(&Bundle::open(&inline_path).unwrap()), answers(&opened));

    // A pack cut short loses its last part, which is named.
    let (name, bytes) = packs
        .iter()
        .find(|(name, _)| {
            let last = (0..w.parts.len()).rev().find(|&i| opened.part_place(i).is_some_and(|p| p.0 == name));
            last.is_some_and(|i| w.head.parts[i].kind == PartKind::Block)
        })
        .expect("a pack that ends with a block");
    let lost = (0..w.parts.len()).rev().find(|&i| opened.part_place(i).is_some_and(|p| p.0 == name)).unwrap();
    std::fs::write(parts_dir.join(name), &bytes[..bytes.len() - 1]).unwrap();
    let e = Bundle::open(&head_path).unwrap().verify().unwrap_err();
    assert!(matches!(e, BundleError::Unreadable { .. }), "{e}");
    assert!(e.to_string().contains(&format!("block part {lost}")), "{e}");
    // A pack that is gone names the first part it held.
    std::fs::remove_file(parts_dir.join(name)).unwrap();
    let e = Bundle::open(&head_path).unwrap().verify().unwrap_err();
    assert!(e.to_string().contains(name.as_str()) && e.to_string().contains("could not be read"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_truncation_is_an_error() {
    let bytes = bundle::write_parts(&resolex_core::default_corpus::load(), Sizes::default()).unwrap().inline();
    for len in 0..bytes.len() {
        let e = Bundle::from_vec(bytes[..len].to_vec()).err().unwrap_or_else(|| panic!("{len} bytes loaded"));
        assert!(!e.to_string().is_empty());
    }
}

/// A flip anywhere: the head does not load, or the part it hit is named when read — and no
/// query panics or answers differently without saying so.
#[test]
fn a_thousand_bit_flips_are_errors() {
    let w = written();
    let bytes = w.inline();
    let expected = answers(&Bundle::from_vec(bytes.clone()).unwrap());
    let starts = offsets(&w);
    let mut rng = Rng::new(42);
    for _ in 0..1000 {
        let mut b = bytes.clone();
        let at = rng.below(b.len());
        b[at] ^= 1 << rng.below(8);
        let Ok(loaded) = Bundle::from_vec(b) else { continue };
        let part = starts.iter().rposition(|&s| s <= at).unwrap_or_else(|| panic!("a flip in the head at {at} loaded"));
        let name = format!("{} part {part}", w.head.parts[part].kind.name());
        let e = loaded.verify().expect_err("a flipped part verified");
        assert!(e.to_string().contains(&name), "{e} (flip at {at}, in {name})");
        for (q, expected) in QUERIES.iter().zip(&expected) {
            match answer_or_fault(&loaded, q) {
                Ok(answer) => assert_eq!(&answer, expected, "{q}: a wrong answer after a flip in {name}"),
                Err(e) => assert!(e.to_string().contains(&name), "{e}"),
            }
        }
    }
}

/// Every part, of every kind, broken in turn: the query that needs it says which, by name.
#[test]
fn each_part_broken_is_named_by_the_reads_that_need_it() {
    let w = written();
    let bytes = w.inline();
    let expected = answers(&Bundle::from_vec(bytes.clone()).unwrap());
    let starts = offsets(&w);
    for (i, entry) in w.head.parts.iter().enumerate() {
        let mut b = bytes.clone();
        b[starts[i] + entry.stored as usize / 2] ^= 0x20;
        let loaded = Bundle::from_vec(b).unwrap();
        let name = format!("{} part {i}", entry.kind.name());
        let e = loaded.verify().unwrap_err();
        assert!(matches!(e, BundleError::Part { .. }) && e.to_string().contains(&name), "{e}");
        let mut named = false;
        for (k, q) in QUERIES.iter().chain(&["a", "the", "de", "le"]).enumerate() {
            match answer_or_fault(&loaded, q) {
                Ok(answer) => {
                    assert!(expected.get(k).is_none_or(|e| *e == answer), "{q}: a wrong answer with {name} broken");
                }
                Err(e) => {
                    assert!(e.to_string().contains(&name), "{q}: {e}");
                    named = true;
                }
            }
        }
        let docs = (0..loaded.docs().len()).map(|d| loaded.document(d)).find_map(Result::err);
        named |= docs.is_some_and(|e| e.to_string().contains(&name));
        assert!(named || entry.kind != PartKind::Block, "no read named {name}");
    }
}

#[test]
fn foreign_and_newer_files_say_what_they_are() {
    let e = Bundle::from_vec(b"%PDF-1.7 not a bundle at all".to_vec()).err().unwrap();
    assert_eq!(e, BundleError::NotABundle);
    let mut newer = default_bytes();
    newer[8..12].copy_from_slice(&(bundle::VERSION + 1).to_le_bytes());
    let e = Bundle::from_vec(newer).err().unwrap();
    assert!(matches!(e, BundleError::NewerVersion { .. }));
    assert!(e.to_string().contains("newer Resolex"), "{e}");
    let mut older = default_bytes();
    older[8..12].copy_from_slice(&1u32.to_le_bytes());
    let e = Bundle::from_vec(older).err().unwrap();
    assert!(e.to_string().contains("resolex build"), "{e}");
    let mut layout = default_bytes();
    layout[12..16].copy_from_slice(&7u32.to_le_bytes());
    assert!(Bundle::from_vec(layout).err().unwrap().to_string().contains("layout 7"));
}

/// Every part replaced by hostile content that passes its checksum (empty, random, another
/// part's bytes): the readers of each kind never panic, and what they find wrong names a part
/// of that kind (a postings list that runs from one page into the broken next is blamed on the
/// page where it starts).
#[test]
fn hostile_content_in_any_part_never_panics() {
    let w = written();
    let mut rng = Rng::new(7);
    for i in 0..w.parts.len() {
        let random: Vec<u8> = (0..300).map(|_| rng.below(256) as u8).collect();
        let other = w.parts[(i + 1) % w.parts.len()].clone();
        for raw in [Vec::new(), random, other] {
            let bundle = Bundle::from_vec(w.clone().with_raw_part(i, &raw).inline()).unwrap();
            let kind = format!("{} part ", w.head.parts[i].kind.name());
            if let Err(e) = bundle.verify() {
                assert!(e.to_string().contains(&format!("{kind}{i}")), "{e}");
            }
            for q in QUERIES {
                if let Err(Pending::Fault(e)) = search::checked(&bundle, q, 20) {
                    assert!(e.to_string().contains(&kind), "{q}: {e} (part {i} broken)");
                }
            }
        }
    }
}

/// The compact layout: the documents alone, indexed again when opened — from memory, from a
/// file and from the program — into a bundle that answers as the full one, at a fraction of
/// the bytes.
#[test]
fn a_compact_bundle_is_indexed_when_opened_and_answers_as_the_whole_file() {
    let corpus = resolex_core::default_corpus::load();
    let compact = bundle::write_compact(&corpus).unwrap();
    let whole = default_bytes();
    assert!(compact.len() * 2 < whole.len(), "compact {} bytes, whole {}", compact.len(), whole.len());
    let expected = answers(&Bundle::from_vec(whole).unwrap());
    let from_memory = Bundle::from_vec(compact.clone()).unwrap();
    assert_eq!(from_memory.corpus().unwrap().docs, corpus.docs);
    assert!(from_memory.parts().iter().any(|p| p.kind == PartKind::Postings), "the index was built again");
    assert_eq!(answers(&from_memory), expected);
    let path = resolex_tests::target_dir().join("bundle-test/compact.rlx");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, &compact).unwrap();
    assert_eq!(answers(&Bundle::open(&path).unwrap()), expected);
    let embedded: &'static [u8] = Box::leak(compact.into_boxed_slice());
    assert_eq!(answers(&Bundle::from_static(embedded).unwrap()), expected);
}

/// `n` copies of `bytes`, each with one bit flipped at a place drawn from `seed`, and where.
fn flipped(bytes: &[u8], seed: u64, n: usize) -> Vec<(usize, Vec<u8>)> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| {
            let mut b = bytes.to_vec();
            let at = rng.below(b.len());
            b[at] ^= 1 << rng.below(8);
            (at, b)
        })
        .collect()
}

/// A compact bundle expanded (what the explorer's indexer does for a reader without one) is a
/// whole file that answers as the full build; a bundle that is not compact, or a compact one
/// cut short or with a bit flipped, is refused with the reason, never expanded wrong.
#[test]
fn a_compact_bundle_expands_into_a_whole_file_that_answers_as_the_full_build() {
    let corpus = resolex_core::default_corpus::load();
    let compact = bundle::write_compact(&corpus).unwrap();
    let whole = default_bytes();
    assert!(Bundle::is_compact(&compact) && !Bundle::is_compact(&whole));
    let expected = answers(&Bundle::from_vec(whole.clone()).unwrap());
    let expanded = Bundle::expand(compact.clone()).unwrap();
    assert!(!Bundle::is_compact(&expanded));
    let opened = Bundle::from_vec(expanded).unwrap();
    assert!(opened.verify().is_ok());
    assert_eq!(opened.corpus().unwrap().docs, corpus.docs);
    assert_eq!(answers(&opened), expected);
    let e = Bundle::expand(whole).expect_err("a whole file expanded");
    assert!(e.to_string().contains("not compact"), "{e}");
    let e = Bundle::expand(compact[..compact.len() - 1].to_vec()).expect_err("a truncated file expanded");
    assert!(e.to_string().contains("documents part 0"), "{e}");
    for (at, b) in flipped(&compact, 11, 50) {
        match Bundle::expand(b) {
            Ok(bytes) => assert_eq!(answers(&Bundle::from_vec(bytes).unwrap()), expected, "a flip at {at}"),
            Err(e) => assert!(e.to_string().contains("head") || e.to_string().contains("documents part 0"), "{e}"),
        }
    }
}

/// A compact file cut short or with a bit flipped anywhere does not open, or opens to the same
/// answers (a flip the LZMA stream does not read); the error names the head or the part.
#[test]
fn a_compact_bundle_truncated_or_flipped_is_an_error() {
    let bytes = bundle::write_compact(&resolex_core::default_corpus::load()).unwrap();
    for len in (0..bytes.len()).step_by(97) {
        let e = Bundle::from_vec(bytes[..len].to_vec()).err().unwrap_or_else(|| panic!("{len} bytes loaded"));
        assert!(!e.to_string().is_empty());
    }
    let expected = answers(&Bundle::from_vec(bytes.clone()).unwrap());
    for (at, b) in flipped(&bytes, 7, 200) {
        match Bundle::from_vec(b) {
            Ok(loaded) => assert_eq!(answers(&loaded), expected, "a flip at {at} loaded and answers otherwise"),
            Err(e) => assert!(e.to_string().contains("head") || e.to_string().contains("documents part 0"), "{e}"),
        }
    }
}

/// A head whose counts disagree, or that claims more paragraphs than a reader takes, is refused
/// by name before any table is sized by it.
#[test]
fn a_head_that_claims_too_many_paragraphs_is_refused() {
    let mut w = written();
    w.head.catalog.paragraphs = u32::MAX;
    let e = Bundle::from_vec(w.inline()).err().expect("a head claiming 4 billion paragraphs loaded");
    assert!(e.to_string().contains("claims 4294967295 paragraphs"), "{e}");
    let mut w = written();
    w.head.catalog.docs[0].count += 1;
    let e = Bundle::from_vec(w.inline()).err().expect("a head whose counts disagree loaded");
    assert!(e.to_string().contains("its documents hold"), "{e}");
    let mut w = written();
    w.head.outline.len += 3;
    let e = Bundle::from_vec(w.inline()).err().expect("a head whose outline disagrees loaded");
    assert!(e.to_string().contains("its outline has"), "{e}");
}

/// A compact head whose order of documents does not give each document one place (a crafted
/// file: the checksum holds) is refused by name, not read into a corpus with a gap.
#[test]
fn a_compact_bundle_with_a_wrong_order_is_refused() {
    use resolex_core::bundle::format;
    let bytes = bundle::write_compact(&resolex_core::default_corpus::load()).unwrap();
    let (layout, head, end) = format::read_head(&bytes).unwrap();
    assert_eq!(layout, bundle::Layout::Compact);
    let orders = [vec![0; head.order.len()], head.order[1..].to_vec(), head.order.iter().map(|o| o + 1).collect()];
    for order in orders {
        let mut crafted = format::write_head(&format::Head { order, ..head.clone() }, layout);
        crafted.extend_from_slice(&bytes[end..]);
        let e = Bundle::from_vec(crafted).err().expect("a wrong order loaded");
        assert!(e.to_string().contains("order of the documents"), "{e}");
    }
}

/// A compact bundle whose documents part passes its checksum but holds a broken LZMA stream, or
/// documents that do not read, is an error naming the part.
#[test]
fn a_compact_bundle_with_broken_documents_names_the_part() {
    let w = bundle::write_compact_parts(&resolex_core::default_corpus::load()).unwrap();
    let (stored, raw) = (w.parts[0].clone(), w.head.parts[0].raw);
    let mut cut = stored.clone();
    cut.truncate(stored.len() / 2);
    let mut flipped = stored.clone();
    flipped[stored.len() / 3] ^= 0x10;
    let broken = [
        w.clone().with_stored_part(0, &cut, raw),
        w.clone().with_stored_part(0, &flipped, raw),
        w.clone().with_stored_part(0, b"not documents", 13),
    ];
    for b in broken {
        let e = Bundle::from_vec(b.compact()).err().expect("broken documents loaded");
        assert!(e.to_string().contains("documents part 0"), "{e}");
    }
}

/// A compact bundle whose one part is not of the documents kind (what builds before the
/// documents part stored: a deflated block) asks to be built again instead of reading wrong.
#[test]
fn a_compact_bundle_of_an_earlier_build_asks_to_be_built_again() {
    let mut w = bundle::write_compact_parts(&resolex_core::default_corpus::load()).unwrap();
    w.head.parts[0].kind = PartKind::Block;
    let e = Bundle::from_vec(w.compact()).err().expect("a compact bundle with a block part loaded");
    assert!(e.to_string().contains("build it again"), "{e}");
}

/// A bundle written a document at a time with its parts put into a directory as they are
/// stored answers as the one written whole; a directory that cannot take them is named.
#[test]
fn a_writer_apart_puts_each_part_in_its_file_and_names_the_one_it_cannot_write() {
    let corpus = resolex_core::default_corpus::load();
    let dir = resolex_tests::target_dir().join("bundle-test/writer-apart");
    let head_path = dir.join("corpus.rlx");
    let parts = bundle::parts_dir(&head_path);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&parts).unwrap();
    let mut writer = bundle::Writer::apart(SMALL, &parts);
    for doc in &corpus.docs {
        writer.add(doc).unwrap();
    }
    let written = writer.finish().unwrap();
    assert!(written.parts.is_empty(), "the parts were kept as well as written");
    let files: Vec<_> = std::fs::read_dir(&parts).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(files.len(), written.head.packs.len(), "{files:?}");
    assert!(files.len() >= 3 && files.len() < written.head.parts.len() / 4, "{} packs", files.len());
    // The same packs as cut from the parts held in memory.
    let (_, in_memory) = bundle::write_parts(&corpus, SMALL).unwrap().apart();
    for (name, bytes) in &in_memory {
        assert_eq!(&std::fs::read(parts.join(name)).unwrap(), bytes, "{name}");
    }
    std::fs::write(&head_path, written.apart().0).unwrap();
    let from_files = Bundle::open(&head_path).unwrap();
    from_files.verify().unwrap();
    assert_eq!(answers(&from_files), answers(&Bundle::from_vec(written_inline()).unwrap()));
    let whole: Vec<_> = from_files.into_documents().collect::<Result<Vec<_>, _>>().unwrap().concat();
    assert_eq!(whole, corpus.docs);

    let mut writer = bundle::Writer::apart(SMALL, &dir.join("no such directory"));
    writer.add(&corpus.docs[0]).unwrap();
    let e = writer.finish().err().expect("a part was written into a missing directory");
    assert!(
        e.to_string().contains("block part 0 could not be written") && e.to_string().contains("no such directory"),
        "{e}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

fn written_inline() -> Vec<u8> {
    written().inline()
}
