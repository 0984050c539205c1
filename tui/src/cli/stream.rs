//! `resolex build` without holding the corpus: every file is read and parsed once to settle
//! which file gives each document version ([`settle`]), then the chosen files are read again,
//! in corpus order, and each document goes into the index as it is parsed ([`documents`]).
//! Files are parsed on worker threads and handed over in order; at most a few documents are
//! held at any time, whatever the corpus's size.

use resolex_core::corpus::Plan;
use resolex_core::ingest::{self, Source};
use resolex_core::{Document, Duplicates};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// How far workers may parse ahead of the file handed over last.
const AHEAD: usize = 16;

/// Reads every file, notes each document and drops it: the corpus settled. Duplicates are
/// warned about under [`Duplicates::Skip`].
pub fn settle(files: &[PathBuf], duplicates: Duplicates) -> Result<Plan, String> {
    let mut plan = Plan::new(duplicates);
    let mut step = super::progress::Step::start(&format!("parsing {} files", files.len()), files.len() as u64, false);
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    in_order(files, &(0..files.len()).collect::<Vec<_>>(), workers, |i, source| {
        plan.note(i, source?).map_err(|e| e.to_string())?;
        step.tick();
        Ok(())
    })?;
    step.finish();
    for skipped in &plan.skipped {
        super::output::warn(&format!("warning: {skipped}; skipped the second"));
    }
    Ok(plan)
}

/// The corpus's documents, in order, each read again from its file and handed to `add`.
pub fn documents(
    files: &[PathBuf],
    plan: &Plan,
    mut add: impl FnMut(Document) -> Result<(), String>,
) -> Result<(), String> {
    let order: Vec<usize> = plan.files().collect();
    let mut n = 0;
    // One worker parses while this thread indexes.
    in_order(files, &order, 1, |_, source| {
        let d = plan.complete(n, source?).map_err(|e| e.to_string())?;
        n += 1;
        add(d)
    })
}

/// Reads and parses `files[order[0]]`, `files[order[1]]`, … on `workers` threads and calls `f`
/// with each, in that order; stops at the first error `f` returns.
fn in_order(
    files: &[PathBuf],
    order: &[usize],
    workers: usize,
    mut f: impl FnMut(usize, Result<Source, String>) -> Result<(), String>,
) -> Result<(), String> {
    let next = AtomicUsize::new(0);
    let handed = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let (tx, rx) = mpsc::sync_channel::<(usize, Result<Source, String>)>(AHEAD);
        for _ in 0..workers.max(1) {
            let tx = tx.clone();
            let (next, handed) = (&next, &handed);
            scope.spawn(move || {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&i) = order.get(k) else { break };
                    while k >= handed.load(Ordering::Acquire) + AHEAD {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    if tx.send((k, parse(&files[i]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        for (k, parsed) in &rx {
            waiting.insert(k, parsed);
            let mut at = handed.load(Ordering::Acquire);
            while let Some(parsed) = waiting.remove(&at) {
                let result = f(order[at], parsed);
                at += 1;
                handed.store(at, Ordering::Release);
                if let Err(e) = result {
                    // Workers waiting to parse ahead are let go: nothing more is handed over.
                    handed.store(usize::MAX / 2, Ordering::Release);
                    return Err(e);
                }
            }
        }
        Ok(())
    })
}

fn parse(path: &PathBuf) -> Result<Source, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    ingest::read(&path.display().to_string(), &bytes).map_err(|e| resolex_core::Error::from(e).to_string())
}
