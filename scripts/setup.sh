#!/usr/bin/env bash
# Installs everything the build and the tests need, idempotently and quietly when already done.
#   scripts/setup.sh            toolchain for the engine and the wasm build
#   scripts/setup.sh --browsers also Debian chromium, firefox-esr, CJK fonts, geckodriver, npm deps
# Tools built from crates.io go into a machine-wide folder keyed by version, so a fresh clone on
# the same machine reuses them; on a new machine they are rebuilt from the registry.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' wasm/Cargo.toml | head -1)
GECKODRIVER_VERSION=0.36.0
TOOLS=${MALGEUM_TOOLS:-$HOME/.cache/malgeum/tools}
say() { echo "setup: $*" >&2; }
apt_install() {
  say "apt-get install $*"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=300 update -qq >/dev/null
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "$@" >/dev/null
}
# One installer at a time (two checkouts, or a build and a test run, may start together).
mkdir -p "$TOOLS"
exec 8>"$TOOLS/.setup.lock"
flock 8

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown >/dev/null
fi

# binaryen's wasm-opt shrinks the engine's .wasm before wasm-bindgen reads it (build.sh).
command -v wasm-opt >/dev/null || apt_install binaryen

WB_ROOT="$TOOLS/wasm-bindgen-$WASM_BINDGEN_VERSION"
if [ ! -x "$WB_ROOT/bin/wasm-bindgen" ]; then
  say "building wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes ~7 minutes once)"
  # No --locked: the registry copy lacks one locked dependency (DESIGN §5).
  cargo install -q wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --root "$WB_ROOT"
fi

if [ "${1:-}" = "--browsers" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/bin/firefox-esr ] || need+=(firefox-esr)
  # (grep >/dev/null, not -q: -q closes the pipe early and pipefail would call that failure)
  fc-list 2>/dev/null | grep -i "noto sans cjk" >/dev/null || need+=(fonts-noto-cjk)
  [ -d /usr/lib/chromium/locales ] && [ -f /usr/lib/chromium/locales/ko.pak ] || need+=(chromium-l10n)
  command -v zip >/dev/null || need+=(zip)
  [ ${#need[@]} -eq 0 ] || apt_install "${need[@]}"
  GD_ROOT="$TOOLS/geckodriver-$GECKODRIVER_VERSION"
  if [ ! -x "$GD_ROOT/bin/geckodriver" ]; then
    say "building geckodriver $GECKODRIVER_VERSION (takes ~3 minutes once)"
    cargo install -q geckodriver --version "$GECKODRIVER_VERSION" --root "$GD_ROOT"
  fi
  if [ -f package.json ] && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
    say "npm ci"
    npm ci --silent --no-audit --no-fund >/dev/null
  fi
fi
