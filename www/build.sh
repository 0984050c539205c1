#!/usr/bin/env bash
# Builds the Resolex web explorer into www/dist/: index.html, the JS glue, the optimised wasm,
# the default corpus bundle (corpus.rlx), styles — and resolex.html, the same explorer in one
# file that opens from disk. `--open` opens resolex.html afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/web-tools.sh

dist=www/dist
target=${CARGO_TARGET_DIR:-target}
rm -rf "$dist"
mkdir -p "$dist/pkg"

echo "== the explorer's wasm (profile wasm-release: size over speed)"
cargo build --quiet -p resolex-wasm --target wasm32-unknown-unknown --profile wasm-release
wasm-bindgen --target web --no-typescript --out-dir "$dist/pkg" \
    "$target/wasm32-unknown-unknown/wasm-release/resolex_wasm.wasm"
# The features rustc turns on by default for wasm32 (the section naming them is not kept).
www/node_modules/.bin/wasm-opt -Oz --strip-debug --strip-producers \
    --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-mutable-globals \
    "$dist/pkg/resolex_wasm_bg.wasm" -o "$dist/pkg/resolex_wasm_bg.wasm"

echo "== the default corpus bundle"
cargo run --quiet --release -p resolex-tui -- build --default-corpus -o "$dist/corpus.rlx" >/dev/null

cp www/index.html www/style.css www/main.js www/start.js "$dist/"
node www/tools/inline.mjs "$dist"
ls -l "$dist" "$dist/pkg" | awk 'NF > 5 { print $5, $NF }'

if [ "${1:-}" = "--open" ]; then
    page="$(pwd)/$dist/resolex.html"
    if command -v xdg-open >/dev/null 2>&1; then xdg-open "$page" >/dev/null 2>&1 &
    elif command -v open >/dev/null 2>&1; then open "$page"
    else echo "open file://$page in a browser"
    fi
fi
