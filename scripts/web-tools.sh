#!/usr/bin/env bash
# Installs what the web explorer's build (and, with --browser, its tests) needs, when it is
# missing, and skips what is present: the wasm32 target, wasm-bindgen-cli at the version of
# wasm-bindgen in Cargo.lock, the npm packages of www/ (wasm-opt from `binaryen`,
# playwright-core, axe-core) and, with --browser, Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi

# The CLI must be the exact version of the crate: read it from Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
    echo "web-tools: installing wasm-bindgen-cli $want (found: ${have:-none}; about 5 minutes)"
    # Not --locked: a locked dependency of the CLI is missing from the registry (TOOLCHAIN.md).
    cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -x www/node_modules/.bin/wasm-opt ] || [ www/package-lock.json -nt www/node_modules/.package-lock.json ]; then
    (cd www && npm ci --no-audit --no-fund)
fi

# Chromium for the end-to-end tests; a small font with Chinese glyphs, so screenshots of
# Chinese paragraphs show characters rather than boxes.
if [ "${1:-}" = "--browser" ]; then
    missing=()
    command -v chromium >/dev/null 2>&1 || missing+=(chromium chromium-driver)
    [ -e /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || missing+=(fonts-droid-fallback)
    if [ ${#missing[@]} -gt 0 ]; then
        sudo=""
        [ "$(id -u)" = 0 ] || sudo="sudo"
        $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
    fi
fi
