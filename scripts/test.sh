#!/usr/bin/env bash
# Every test: formatting and lints, the engine's unit and fixture tests, the wasm build and the
# extension packages, the extension's lints, and the end-to-end tests in headless Chromium and
# Firefox ESR. Installs what it needs first (scripts/setup.sh --browsers, via build.sh --test).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*" >&2; }

step "build: wasm engine, extension packages, test build (installs tools on first run)"
./build.sh --test

step "rust: fmt, clippy, tests (engine; wasm binding; the wasm build's UTF-8-only encoding_rs)"
SHIM=crates/encoding-utf8/Cargo.toml
for manifest in Cargo.toml wasm/Cargo.toml "$SHIM"; do cargo fmt --check --manifest-path "$manifest"; done
cargo clippy -q --all-targets -- -D warnings
cargo clippy -q --lib --no-default-features -- -D warnings
cargo clippy -q --manifest-path wasm/Cargo.toml --target wasm32-unknown-unknown --target-dir target -- -D warnings
cargo clippy -q --manifest-path "$SHIM" --all-targets --target-dir target -- -D warnings
# Release: the hostile-page tests (60 MB, 300,000-deep pages) take minutes in a debug build.
cargo test --release -q 2>&1 | grep -v '^$'
cargo test -q --manifest-path "$SHIM" --target-dir target 2>&1 | grep -v '^$'
python3 scripts/gen-charrefs.py --check
# The public API documented (missing_docs), and no broken doc links.
RUSTDOCFLAGS="-D warnings" cargo doc -q --no-deps
# No function over 120 lines in src/ without a comment saying why it must be one piece.
python3 scripts/long-fns.py >/dev/null || python3 scripts/long-fns.py

step "wasm = native: the browser's engine exports what the CLI exports"
node --test tests/wasm-parity.test.mjs

step "raw = browser: each corpus page exports the same from its bytes as from Chromium's outerHTML"
MALGEUM_REQUIRE_BROWSERS=1 node --test tests/raw-parity.test.mjs

step "extension: eslint, innerHTML lint, web-ext lint"
npx --no-install eslint .
scripts/lint-innerhtml.sh
# web-ext exits non-zero on errors; its summary says how many of each.
npx --no-install web-ext lint --source-dir dist/test --self-hosted --output text >/tmp/malgeum-web-ext-lint.txt 2>&1 \
  || { cat /tmp/malgeum-web-ext-lint.txt; exit 1; }
grep -E '^(errors|notices|warnings) ' /tmp/malgeum-web-ext-lint.txt

step "browsers: Chromium (playwright-core) and Firefox ESR (geckodriver)"
# A missing browser or build fails the run instead of skipping its tests.
export MALGEUM_REQUIRE_BROWSERS=1
node --test --test-concurrency=1 tests/browser/chromium.test.mjs tests/browser/firefox.test.mjs
