#!/usr/bin/env bash
# The side-by-side comparison in one command: Resolex against Pagefind and MiniSearch in one
# headless Chromium session, and against tantivy natively, on the default corpus and on all
# General Assembly resolutions of sessions 79–80 in six languages. Installs the contenders
# (npm: bench/peers/package-lock.json; crates.io: tantivy, through Cargo.lock), prepares the
# corpora, measures, and writes the tables into BENCHMARKS.md between the peers markers.
# Everything it makes goes to target/peers/ (never committed).
#
# Run: bench/peers/run.sh            (RUNS=5 cold loads and timings per query by default)
#      CORPORA=default bench/peers/run.sh   (the default corpus only, about 2 minutes: its tables
#                                            go to target/peers/report.md, BENCHMARKS.md is left)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpora=${CORPORA:-"default sessions"}
export NODE_OPTIONS=--max-old-space-size=16000

echo "== tools, the explorer's dist (the widget's engine) and the release CLI"
scripts/web-tools.sh --browser
www/build.sh >/dev/null
cargo build --quiet --release -p resolex-tui --bin resolex
cargo build --quiet --release -p resolex-bench --example peers
# `npm install`, not `npm ci`: npm leaves the other platforms' optional Pagefind binaries out of
# the lock file, and `npm ci` then refuses it. The versions are exact in package.json.
(cd bench/peers && npm install --no-audit --no-fund --loglevel=error)

if [[ " $corpora " == *" sessions "* ]]; then
  echo "== the sessions 79–80 bundle (the resolutions and their data_extract; not the archive's README)"
  mkdir -p target/unxml target/peers
  [[ -d target/unxml/79session ]] || tar -xJf ../shared/unxml/ga-79-80-akn.tar.xz -C target/unxml
  target/release/resolex build --apart --skip-duplicates -o target/peers/sessions.rlx \
    target/unxml/79session target/unxml/80session target/unxml/data_extract 2>/dev/null
fi

for corpus in $corpora; do
  echo "== $corpus: prepare (export, oracle, each contender's index)"
  node bench/peers/prepare.mjs "$corpus"
  echo "== $corpus: natively, Resolex and tantivy"
  target/release/examples/peers "$corpus"
  echo "== $corpus: in Chromium, Resolex, Pagefind and MiniSearch"
  node bench/peers/browser.mjs "$corpus"
done

node bench/peers/report.mjs $corpora
