//! What each query of `bench/peers/queries.json` fetches from a bundle built `--apart` up to its
//! first results (the best LIMIT hits with their text, no facets: what the widget shows, and what
//! the explorer shows first), as the page would: the head, then rounds of parts, by kind (stored
//! bytes, what a static host sends; the parts are deflated already).
//!
//! `cargo run --release -p resolex-bench --example lazy -- HEAD.rlx [LIMIT]`; with
//! `SIZES=page,block,shard[,pack[,titles]]` (KB) the bundle is first written again with those part and
//! pack sizes (into `target/lazy/`), to weigh bytes per query against the number of files. Each
//! query also reports the bytes of the whole packs its parts lie in: what a host that ignores
//! range requests sends.

use resolex_core::bundle::{Bundle, Pending};
use std::collections::BTreeMap;
use std::path::Path;

fn main() {
    let mut head = std::env::args().nth(1).expect("usage: lazy HEAD.rlx [LIMIT]");
    let limit: usize = std::env::args().nth(2).and_then(|l| l.parse().ok()).unwrap_or(10);
    if let Ok(sizes) = std::env::var("SIZES") {
        head = rewrite(&head, &sizes);
    }
    let dir = resolex_core::bundle::parts_dir(Path::new(&head));
    let head_bytes = std::fs::read(&head).expect("the head reads");
    let set: serde_json::Value = serde_json::from_slice(
        &std::fs::read(resolex_tests::workspace_root().join("bench/peers/queries.json")).unwrap(),
    )
    .unwrap();
    let mut opens: Vec<f64> = (0..21)
        .map(|_| {
            let start = std::time::Instant::now();
            Bundle::open(Path::new(&head)).expect("the bundle opens");
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    opens.sort_by(f64::total_cmp);
    println!("head: {} bytes; Bundle::open median {:.2} ms (21 runs)", head_bytes.len(), opens[10]);
    let pack_len = pack_lengths(&Bundle::from_vec(head_bytes.clone()).expect("the head loads"));
    println!("{:<34} {:>6} {:>8} {:>8}  by kind (KB)", "query", "rounds", "KB", "packs KB");
    let (mut totals, mut wholes) = (Vec::new(), Vec::new());
    for q in set["queries"].as_array().unwrap() {
        let text = q["text"].as_str().unwrap();
        let query = match q["class"].as_str() {
            Some("phrase") => format!("\"{text}\""),
            Some("typo") => format!("{text}~"),
            _ => text.to_owned(),
        };
        let bundle = Bundle::from_vec(head_bytes.clone()).expect("the head loads");
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        let mut rounds = 0;
        loop {
            let results = resolex_core::search::hits(&bundle, &query, limit);
            for h in &results.hits {
                let _ = bundle.doc_of(h.ord).and_then(|d| bundle.title(d));
            }
            match bundle.settle() {
                Ok(()) => break,
                Err(Pending::Fault(e)) => panic!("{e}"),
                Err(Pending::Missing(parts)) => {
                    rounds += 1;
                    for i in parts {
                        let entry = bundle.parts()[i];
                        let bytes = read_part(&bundle, &dir, i);
                        bundle.supply(i, &bytes).unwrap();
                        *by.entry(entry.kind.name()).or_default() += bytes.len();
                    }
                }
            }
        }
        let total: usize = by.values().sum();
        totals.push(total);
        // From a host that ignores ranges, each pack a part lies in comes whole.
        let touched: std::collections::BTreeSet<&str> = (0..bundle.parts().len())
            .filter(|&i| bundle.has_part(i))
            .filter_map(|i| bundle.part_place(i))
            .map(|p| p.0)
            .collect();
        let whole: usize = touched.iter().map(|f| pack_len[*f]).sum();
        wholes.push(whole);
        let kinds: Vec<String> = by.iter().map(|(k, n)| format!("{k} {}", n / 1024)).collect();
        println!("{:<34} {rounds:>6} {:>8} {:>8}  {}", query, total / 1024, whole / 1024, kinds.join(", "));
    }
    totals.sort_unstable();
    wholes.sort_unstable();
    println!(
        "parts per query, median {} KB, max {} KB; whole packs (a host without ranges) median {} KB, max {} KB; {} packs",
        totals[totals.len() / 2] / 1024,
        totals[totals.len() - 1] / 1024,
        wholes[wholes.len() / 2] / 1024,
        wholes[wholes.len() - 1] / 1024,
        pack_len.len(),
    );
}

/// The length of each pack file, by name.
fn pack_lengths(bundle: &Bundle) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for (i, e) in bundle.parts().iter().enumerate() {
        let (file, _) = bundle.part_place(i).expect("an apart bundle");
        *out.entry(file.to_owned()).or_default() += e.stored as usize;
    }
    out
}

/// Part `i` as stored, read from its pack as a range request would.
fn read_part(bundle: &Bundle, dir: &Path, i: usize) -> Vec<u8> {
    use std::io::{Read, Seek, SeekFrom};
    let (file, at) = bundle.part_place(i).expect("an apart bundle");
    let mut bytes = vec![0; bundle.parts()[i].stored as usize];
    let mut f = std::fs::File::open(dir.join(file)).expect("the pack opens");
    f.seek(SeekFrom::Start(at)).and_then(|_| f.read_exact(&mut bytes)).expect("the pack holds the part");
    bytes
}

/// The bundle at `head` written again with part sizes `page,block,shard` (KB); its new head.
fn rewrite(head: &str, sizes: &str) -> String {
    let kb: Vec<usize> =
        sizes.split(',').map(|n| n.trim().parse::<usize>().expect("SIZES=page,block,shard") << 10).collect();
    let mut sizes = resolex_core::bundle::Sizes { page: kb[0], block: kb[1], shard: kb[2], ..Default::default() };
    if let Some(&pack) = kb.get(3) {
        sizes.pack = pack;
    }
    if let Some(&titles) = kb.get(4) {
        sizes.titles = titles;
    }
    let corpus = Bundle::open(Path::new(head)).and_then(|b| b.corpus()).expect("the bundle reads");
    let written = resolex_core::bundle::write_parts(&corpus, sizes).expect("the bundle writes");
    let out = resolex_tests::target_dir().join("lazy/bundle.rlx");
    let dir = resolex_core::bundle::parts_dir(&out);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let (head_bytes, parts) = written.apart();
    for (name, bytes) in &parts {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    std::fs::write(&out, head_bytes).unwrap();
    println!("{sizes:?}: {} parts in {} files", written.parts.len(), parts.len() + 1);
    out.to_string_lossy().into_owned()
}
