#!/usr/bin/env bash
# Builds the Resolex web explorer into www/dist/: index.html, the JS glue, the optimised wasm,
# the default corpus bundle (the head corpus.rlx and its parts in corpus.parts/), styles — and resolex.html, the same explorer in one
# file that opens from disk; the widget (widget.js, its own smaller wasm, embed.html, the
# embedding demo); the indexer's wasm, which the explorer fetches only to open a compact
# bundle; and the comparison's, which it fetches on the first comparison. `--open` opens
# resolex.html afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/web-tools.sh

dist=www/dist
target=${CARGO_TARGET_DIR:-target}
rm -rf "$dist"
mkdir -p "$dist/pkg"

# One wasm build: `cargo build` with FEATURES, then wasm-bindgen as NAME, then wasm-opt.
wasm() {
    local name=$1
    shift
    cargo build --quiet -p resolex-wasm --target wasm32-unknown-unknown --profile wasm-release "$@"
    wasm-bindgen --target web --no-typescript --out-dir "$dist/pkg" --out-name "$name" \
        "$target/wasm32-unknown-unknown/wasm-release/resolex_wasm.wasm"
    # The features rustc turns on by default for wasm32 (the section naming them is not kept).
    www/node_modules/.bin/wasm-opt -Oz --converge --strip-debug --strip-producers \
        --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-reference-types --enable-multivalue --enable-mutable-globals \
        "$dist/pkg/${name}_bg.wasm" -o "$dist/pkg/${name}_bg.wasm"
}

echo "== the widget's wasm (the engine alone, no Yew; profile wasm-release: size over speed)"
wasm resolex_widget --no-default-features --features widget
echo "== the indexer's wasm (fetched by the explorer only for a compact bundle)"
wasm resolex_indexer --no-default-features --features indexer
echo "== the comparison's wasm (fetched by the explorer on the first comparison)"
wasm resolex_compare --no-default-features --features compare
echo "== the explorer's wasm"
wasm resolex_wasm

echo "== the default corpus bundle: its head (corpus.rlx) and parts (corpus.parts/) for static hosting, and whole for resolex.html"
cargo build --quiet --release -p resolex-tui --bin resolex
"$target/release/resolex" build --default-corpus --apart -o "$dist/corpus.rlx" >/dev/null
whole="$target/resolex-default-whole.rlx"
"$target/release/resolex" build --default-corpus -o "$whole" >/dev/null

cp www/index.html www/style.css www/main.js www/start.js www/parts.js www/favicon.svg "$dist/"
cp www/widget.js www/embed.html www/embed.css www/embed.js www/embed-demo.html www/embed-demo.css www/embed-demo.js "$dist/"
node www/tools/inline.mjs "$dist" "$whole"
ls -l "$dist" "$dist/pkg" | awk 'NF > 5 { print $5, $NF }'

page="$(pwd)/$dist/resolex.html"
echo "the explorer in one file: file://$page"
if [ "${1:-}" = "--open" ]; then
    if command -v xdg-open >/dev/null 2>&1; then xdg-open "$page" >/dev/null 2>&1 &
    elif command -v open >/dev/null 2>&1; then open "$page"
    fi
fi
