#!/usr/bin/env bash
# Runs each ingest fuzz target for SECONDS (default 60) on nightly, seeded with the default
# corpus. Needs `cargo install cargo-fuzz`. Crashes land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
for pair in text:txt markdown:md html:html xml:xml; do
    target="ingest_${pair%%:*}"
    ext="${pair##*:}"
    mkdir -p "fuzz/corpus/$target"
    find core/corpus -name "*.$ext" -exec cp {} "fuzz/corpus/$target/" \;
    [ "$ext" = md ] && cp core/corpus/*.txt "fuzz/corpus/$target/"
    [ "$ext" = html ] && printf '<h1>Article 1</h1><p>All human beings <b>are</b> free.</p><ul><li>one</li></ul>' >"fuzz/corpus/$target/seed.html"
    echo "== $target for ${seconds}s"
    cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=65536 -timeout=10 2>&1 |
        grep -E '^(#[0-9]+\s+DONE|Done|==[0-9]+==|SUMMARY|thread)' || true
done
