#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 60) on nightly: the ingest targets seeded with the
# default corpus, the bundle targets with the default bundle, the query target with the
# benchmark's queries. Needs `cargo install cargo-fuzz`. Crashes land in fuzz/artifacts/.
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

run() {
    local target=$1
    echo "== $target for ${seconds}s"
    cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$seconds" -max_len=1048576 -timeout=10 2>&1 |
        grep -E '^(#[0-9]+\s+DONE|Done|==[0-9]+==|SUMMARY|thread)' || true
}
mkdir -p fuzz/corpus/bundle_file fuzz/corpus/bundle_part fuzz/corpus/bundle_compact fuzz/corpus/query
cargo run --quiet --release -p resolex-tui -- build --default-corpus -o fuzz/corpus/bundle_file/default.rlx >/dev/null
printf '\0\0not a part' >fuzz/corpus/bundle_part/seed
# The compact bundle's one part, two seeds (the target's first byte chooses): 0 and the documents
# as `bundle::compact` lays them out, decompressed (raw LZMA with the properties of
# `bundle::format`'s `lzma` module); 1 and the part's LZMA stream as stored.
cargo run --quiet --release -p resolex-tui -- build --default-corpus --compact -o target/fuzz-compact.rlx >/dev/null
python3 -c 'import lzma, struct; b = open("target/fuzz-compact.rlx", "rb").read(); head = struct.unpack_from("<I", b, 16)[0]
part = b[24 + head:]
open("fuzz/corpus/bundle_compact/stream", "wb").write(b"\x01" + part)
open("fuzz/corpus/bundle_compact/documents", "wb").write(b"\x00" + lzma.decompress(part, format=lzma.FORMAT_RAW,
    filters=[{"id": lzma.FILTER_LZMA1, "lc": 2, "lp": 0, "pb": 0, "dict_size": 1 << 26}]))'
node -e 'for (const [i, q] of require("./bench/peers/queries.json").queries.entries()) require("fs").writeFileSync(`fuzz/corpus/query/q${i}`, q.text)'
for target in bundle_file bundle_part bundle_compact query; do run "$target"; done
