#!/usr/bin/env bash
# Quality side by side: the engine and the anchors available from registries, over every corpus
# of scripts/eval.sh (../shared/corpus and the tests/pages folders with a text truth), scored as
# eval.sh scores them; one table with a row per corpus x extractor.
#
#   scripts/anchors.sh              build + run malgeum (scripts/eval.sh), @mozilla/readability
#                                   (npm devDependency) on linkedom, trafilatura and
#                                   readability-lxml (PyPI, pinned in
#                                   scripts/eval/requirements-anchors.txt, in .venv); print the
#                                   table; write bench-out/quality.json
#   scripts/anchors.sh --no-build   use the existing target/release/malgeum
#   scripts/anchors.sh --no-engine  anchors only (the malgeum rows from the last eval.sh run, if any)
#   scripts/anchors.sh --corpus C   only this corpus (repeatable): sh, rt, seed, tf, wceb, pages
#   scripts/anchors.sh --refresh    run the anchors again even where their output is cached
#
# Cache: an anchor's output over a corpus is kept in eval-out/anchors/<anchor>-<version>/
# <corpus>-<hash>.jsonl, where <version> is the anchor's version plus a hash of its script (and
# of the pinned requirements for the Python anchors) and <hash> covers the corpus's page ids, URLs
# and bytes. A second run reuses it (then scoring takes most of the ~1 min); a new anchor version, a changed anchor script or
# changed pages give a new file. --refresh ignores it; deleting eval-out/anchors/ clears it.
#
# Readability.js's and readability-lxml's text is made from their content HTML with score.py's own
# html_text (a newline at block boundaries), as the corpus truth is; trafilatura runs with its
# defaults, comments excluded. The anchors read the same page files and URLs as the engine
# (trafilatura-dev's "hard::" label keys are given as no URL). Nothing is fetched but the
# packages: set-up on first run is `npm ci` when node_modules lacks the packages and a .venv
# (~30 s).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${MALGEUM_SHARED:-$ROOT/../shared}
OUT=${MALGEUM_EVAL_OUT:-eval-out}
TOOL="python3 scripts/eval/evaltool.py"
REQ=scripts/eval/requirements-anchors.txt
say() { echo "anchors: $*" >&2; }

engine=1 eval_args=() corpus_args=() refresh=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) eval_args+=(--no-build); shift ;;
    --no-engine) engine=0; shift ;;
    --corpus) corpus_args+=(--corpus "${2:?--corpus C}"); shift 2 ;;
    --corpus=*) corpus_args+=(--corpus "${1#*=}"); shift ;;
    --refresh) refresh=(--refresh); shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) say "unknown argument $1 (see --help)"; exit 2 ;;
  esac
done
T0=$(date +%s)

# --- set-up (idempotent)
if [ ! -f node_modules/@mozilla/readability/package.json ] || [ ! -f node_modules/linkedom/package.json ]; then
  say "npm ci"
  npm ci --silent --no-audit --no-fund >/dev/null
fi
stamp=.venv/.anchors-$(sha256sum "$REQ" | cut -c1-16)
if [ ! -f "$stamp" ]; then
  say "creating .venv with $(grep -o '^trafilatura==.*' "$REQ"), $(grep -o '^readability-lxml==.*' "$REQ")"
  [ -x .venv/bin/python ] || python3 -m venv .venv
  # The file is a complete pip freeze: no resolving needed (and the pip of some Pythons fails
  # to resolve lxml[html-clean] asked for twice).
  .venv/bin/pip install -q --disable-pip-version-check --no-deps -r "$REQ"
  touch "$stamp"
fi

# --- the engine (prints its own summaries and table to stderr); a broken build leaves its rows n/a
if [ $engine = 1 ]; then
  if ! scripts/eval.sh "${eval_args[@]+"${eval_args[@]}"}" "${corpus_args[@]+"${corpus_args[@]}"}" >&2; then
    say "scripts/eval.sh failed: the malgeum rows will be n/a"
    rm -f "$OUT"/score-malgeum-*.json
  fi
else
  mkdir -p "$OUT"
  $TOOL prepare "$SHARED/corpus" "$OUT" --pages tests/pages
  if ls "$OUT"/malgeum-*.jsonl >/dev/null 2>&1; then
    $TOOL score "$OUT" malgeum --bootstrap 1000 "${corpus_args[@]+"${corpus_args[@]}"}" >&2 || true
  fi
fi
[ -f "$OUT/manifest.jsonl" ] || $TOOL prepare "$SHARED/corpus" "$OUT" --pages tests/pages

# --- versions: the cache key of each anchor
h() { cat "$@" | sha256sum | cut -c1-8; }
v_rjs="$(node -p 'require("./node_modules/@mozilla/readability/package.json").version')+linkedom$(node -p 'require("./node_modules/linkedom/package.json").version')"
v_tf=$(.venv/bin/python -c 'import trafilatura; print(trafilatura.__version__)')
v_rl=$(.venv/bin/python -c 'from importlib.metadata import version; print(version("readability-lxml"))')
k_rjs="$v_rjs-$(h scripts/eval/anchor-readability.mjs package-lock.json)"
k_tf="$v_tf-$(h scripts/eval/anchor_trafilatura.py "$REQ")"
k_rl="$v_rl-$(h scripts/eval/anchor_readability_lxml.py "$REQ")"

# --- the anchors: Readability.js on one core, the Python ones one after the other on the other
ca=("${corpus_args[@]+"${corpus_args[@]}"}" "${refresh[@]+"${refresh[@]}"}")
t0=$(date +%s)
rm -f "$OUT"/raw-readability-js.jsonl "$OUT"/raw-trafilatura.jsonl "$OUT"/raw-readability-lxml.jsonl
$TOOL anchor "$OUT" readability-js "$k_rjs" "${ca[@]+"${ca[@]}"}" -- node scripts/eval/anchor-readability.mjs &
rpid=$!
$TOOL anchor "$OUT" trafilatura "$k_tf" "${ca[@]+"${ca[@]}"}" -- .venv/bin/python scripts/eval/anchor_trafilatura.py \
  || say "trafilatura failed: its rows will be n/a"
$TOOL anchor "$OUT" readability-lxml "$k_rl" "${ca[@]+"${ca[@]}"}" -- .venv/bin/python scripts/eval/anchor_readability_lxml.py \
  || say "readability-lxml failed: its rows will be n/a"
wait $rpid || say "readability.js failed: its rows will be n/a"
say "anchors took $(( $(date +%s) - t0 )) s"
for a in readability-js trafilatura readability-lxml; do
  rm -f "$OUT"/score-$a-*.json
  [ -f "$OUT/raw-$a.jsonl" ] || continue
  $TOOL preds "$OUT" "$OUT/raw-$a.jsonl" "$a" "${corpus_args[@]+"${corpus_args[@]}"}"
  $TOOL score "$OUT" "$a" "${corpus_args[@]+"${corpus_args[@]}"}" >&2
done

# --- versions and the table
commit=$(git rev-parse --short HEAD 2>/dev/null || echo none)
dirty=$(git status --porcelain -- src Cargo.toml 2>/dev/null | head -1)
cat > "$OUT/versions.json" <<EOV
{"malgeum": "$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1) ($commit${dirty:+, uncommitted src changes})",
 "readability.js": "$(node -p 'require("./node_modules/@mozilla/readability/package.json").version') + linkedom $(node -p 'require("./node_modules/linkedom/package.json").version')",
 "trafilatura": "$v_tf",
 "readability-lxml": "$v_rl",
 "score.py": "$(sha256sum "$SHARED/tools/score.py" | cut -c1-12)",
 "score_segments.py": "$(sha256sum "$SHARED/tools/score_segments.py" | cut -c1-12)"}
EOV
echo
$TOOL table "$OUT" --tool malgeum --tool readability-js --tool trafilatura --tool readability-lxml \
  "${corpus_args[@]+"${corpus_args[@]}"}" --json-out bench-out/quality.json --versions "$OUT/versions.json"
say "done in $(( $(date +%s) - T0 )) s"
