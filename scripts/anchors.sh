#!/usr/bin/env bash
# Quality side by side: the engine and the anchors available from registries, over
# ../shared/corpus, scored by ../shared/tools/score.py; one table per corpus.
#
#   scripts/anchors.sh              build + run malgeum (scripts/eval.sh), @mozilla/readability
#                                   (npm devDependency) on linkedom, trafilatura (PyPI, pinned in
#                                   scripts/eval/requirements-anchors.txt, in .venv); print the
#                                   tables; write bench-out/quality.json
#   scripts/anchors.sh --no-build   use the existing target/release/malgeum
#   scripts/anchors.sh --no-engine  anchors only (the malgeum row from the last eval.sh run, if any)
#
# Readability.js's text is made from its content HTML with score.py's own html_text (a newline at
# block boundaries), as the corpus truth is; trafilatura runs with its defaults, comments excluded.
# Set-up on first run: `npm ci` when node_modules lacks the packages, a .venv (~20 s).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${MALGEUM_SHARED:-$ROOT/../shared}
OUT=${MALGEUM_EVAL_OUT:-eval-out}
TOOL="python3 scripts/eval/evaltool.py"
REQ=scripts/eval/requirements-anchors.txt
say() { echo "anchors: $*" >&2; }

engine=1 eval_args=()
for a in "$@"; do
  case "$a" in
    --no-build) eval_args+=(--no-build) ;;
    --no-engine) engine=0 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) say "unknown argument $a (see --help)"; exit 2 ;;
  esac
done

# --- set-up (idempotent)
if [ ! -f node_modules/@mozilla/readability/package.json ] || [ ! -f node_modules/linkedom/package.json ]; then
  say "npm ci"
  npm ci --silent --no-audit --no-fund >/dev/null
fi
stamp=.venv/.anchors-$(sha256sum "$REQ" | cut -c1-16)
if [ ! -f "$stamp" ]; then
  say "creating .venv with $(grep -o '^trafilatura==.*' "$REQ")"
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r "$REQ"
  touch "$stamp"
fi

# --- the engine (prints its own score.py summaries); a broken build leaves its row empty
rm -f "$OUT"/score-*-*.json
if [ $engine = 1 ]; then
  if ! scripts/eval.sh "${eval_args[@]+"${eval_args[@]}"}" >&2; then
    say "scripts/eval.sh failed: the malgeum row will be n/a"
    rm -f "$OUT"/score-malgeum-*.json
  fi
else
  mkdir -p "$OUT"
  python3 scripts/eval/evaltool.py prepare "$SHARED/corpus" "$OUT"
  [ -f "$OUT/malgeum-seed.jsonl" ] && $TOOL score "$OUT" malgeum --bootstrap 1000 >&2 || true
fi
[ -f "$OUT/manifest.jsonl" ] || $TOOL prepare "$SHARED/corpus" "$OUT"

# --- the anchors, side by side (one core each)
node scripts/eval/anchor-readability.mjs "$OUT/manifest.jsonl" > "$OUT/raw-readability-js.jsonl" &
rpid=$!
.venv/bin/python scripts/eval/anchor_trafilatura.py "$OUT/manifest.jsonl" > "$OUT/raw-trafilatura.jsonl"
wait $rpid
$TOOL preds "$OUT" "$OUT/raw-readability-js.jsonl" readability-js
$TOOL preds "$OUT" "$OUT/raw-trafilatura.jsonl" trafilatura
$TOOL score "$OUT" readability-js >&2
$TOOL score "$OUT" trafilatura >&2

# --- versions and the tables
commit=$(git rev-parse --short HEAD 2>/dev/null || echo none)
dirty=$(git status --porcelain -- src Cargo.toml 2>/dev/null | head -1)
cat > "$OUT/versions.json" <<EOF
{"malgeum": "$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1) ($commit${dirty:+, uncommitted src changes})",
 "readability.js": "$(node -p 'require("./node_modules/@mozilla/readability/package.json").version') + linkedom $(node -p 'require("./node_modules/linkedom/package.json").version')",
 "trafilatura": "$(.venv/bin/python -c 'import trafilatura; print(trafilatura.__version__)')",
 "score.py": "$(sha256sum "$SHARED/tools/score.py" | cut -c1-12)"}
EOF
$TOOL table "$OUT" --json-out bench-out/quality.json --versions "$OUT/versions.json"
