#!/usr/bin/env bash
# Evaluate the engine over ../shared/corpus with ../shared/tools/score.py.
#
#   scripts/eval.sh                 build the release CLI, run it on every page of every corpus,
#                                   print each corpus's summary (score.py; score_segments.py for
#                                   trafilatura-dev), the pages that changed since the previous
#                                   run, and at the end one table: a row per corpus with pages,
#                                   missing, empty, F1/P/R and the metadata exact rates
#   scripts/eval.sh --worst N       ... then list the N worst pages by per-page F1 (with P/R)
#   scripts/eval.sh --show ID       ... then show one page: its scores, metadata vs truth, the
#                                   spans of truth it misses and the spans it adds, as the
#                                   metric sees them (ID may be a prefix of a scrapinghub hash)
# Corpora (../shared/corpus unless said): sh = scrapinghub-dev, rt = readability-test-pages, seed,
# tf = trafilatura-dev, wceb = wceb-dev, pages = the tests/pages folders whose truth.json has a
# "text" (the other folders are lessons with targeted checks: cargo test --test pages).
# "empty" counts the pages where malgeum gave an empty text while the truth has text.
# Options:
#   --corpus C     only this corpus (repeatable): sh, rt, seed, tf, wceb, pages (or full names)
#   --no-build     use the existing target/release/malgeum
#   --cached       no build, no run: re-read the last run's outputs (with --worst / --show)
#   --bootstrap N  score.py's bootstrap resamples (default 1000; 0 = off)
#
# Outputs (gitignored): eval-out/malgeum-<corpus>.jsonl (preds in the scorers' format),
# eval-out/raw-malgeum.jsonl (the CLI's own JSONL), eval-out/score-malgeum-<corpus>.json,
# eval-out/pages-malgeum-<corpus>.jsonl (per-page rows), eval-out/manifest.jsonl.
# The corpus is ../shared/corpus relative to the repo root (override: MALGEUM_SHARED=DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SHARED=${MALGEUM_SHARED:-$ROOT/../shared}
CORPUS=$SHARED/corpus
OUT=${MALGEUM_EVAL_OUT:-eval-out}
TOOL="python3 scripts/eval/evaltool.py"

worst=0 show="" build=1 run=1 bootstrap=1000 corpora=()
while [ $# -gt 0 ]; do
  case "$1" in
    --worst) worst=${2:?--worst N}; shift 2 ;;
    --worst=*) worst=${1#*=}; shift ;;
    --show) show=${2:?--show ID}; shift 2 ;;
    --show=*) show=${1#*=}; shift ;;
    --corpus) corpora+=("$2"); shift 2 ;;
    --corpus=*) corpora+=("${1#*=}"); shift ;;
    --no-build) build=0; shift ;;
    --cached) build=0 run=0; shift ;;
    --bootstrap) bootstrap=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "eval.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

[ -d "$CORPUS" ] || { echo "eval.sh: no corpus at $CORPUS (set MALGEUM_SHARED)" >&2; exit 2; }

sel=()
for c in "${corpora[@]+"${corpora[@]}"}"; do
  case "$c" in
    sh|scrapinghub|scrapinghub-dev) sel+=(scrapinghub-dev) ;;
    rt|readability|readability-test-pages) sel+=(readability-test-pages) ;;
    seed) sel+=(seed) ;;
    tf|trafilatura|trafilatura-dev) sel+=(trafilatura-dev) ;;
    wceb|wceb-dev) sel+=(wceb-dev) ;;
    pages) sel+=(pages) ;;
    *) echo "eval.sh: unknown corpus $c" >&2; exit 2 ;;
  esac
done
[ ${#sel[@]} -gt 0 ] || sel=(scrapinghub-dev readability-test-pages seed trafilatura-dev wceb-dev pages)
corpus_args=()
for c in "${sel[@]}"; do corpus_args+=(--corpus "$c"); done

BIN=${MALGEUM_BIN:-target/release/malgeum}
if [ $build = 1 ] && [ -z "${MALGEUM_BIN:-}" ]; then
  cargo build --release --quiet --bin malgeum
fi

if [ $run = 1 ]; then
  [ -x "$BIN" ] || { echo "eval.sh: $BIN missing (drop --no-build)" >&2; exit 2; }
  mkdir -p "$OUT"
  $TOOL prepare "$CORPUS" "$OUT" --pages tests/pages
  files=()
  for c in "${sel[@]}"; do mapfile -t -O ${#files[@]} files < "$OUT/files-$c.txt"; done
  raw=$OUT/raw-malgeum.jsonl
  t0=$(date +%s.%N)
  status=0
  "$BIN" --jsonl --url-map "$OUT/url-map.json" "${files[@]}" > "$raw" 2> "$OUT/stderr-malgeum.txt" || status=$?
  if [ ! -s "$raw" ]; then
    # An engine without --url-map (or a failed batch): one process per page, --url each.
    echo "eval.sh: batch run gave no output (exit $status), running page by page" >&2
    head -5 "$OUT/stderr-malgeum.txt" >&2 || true
    $TOOL run-each "$OUT" "$BIN" "${corpus_args[@]}" > "$raw"
  elif [ $status != 0 ]; then
    echo "eval.sh: malgeum exited $status; first stderr lines:" >&2
    head -5 "$OUT/stderr-malgeum.txt" >&2 || true
    # A batch that stopped on a page (a panic) leaves the rest unrun: run those one by one.
    $TOOL fill-missing "$OUT" "$BIN" "$raw" "${corpus_args[@]}"
  fi
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v n="${#files[@]}" \
    'BEGIN { printf "malgeum: %d pages in %.2f s\n", n, b - a }' >&2
  $TOOL preds "$OUT" "$raw" malgeum "${corpus_args[@]}"
  for c in "${sel[@]}"; do
    [ -f "$OUT/pages-malgeum-$c.jsonl" ] && mv "$OUT/pages-malgeum-$c.jsonl" "$OUT/prev-pages-malgeum-$c.jsonl"
  done
  $TOOL score "$OUT" malgeum --bootstrap "$bootstrap" "${corpus_args[@]}"
  $TOOL changes "$OUT" malgeum "${corpus_args[@]}"
fi

if [ "$worst" != 0 ]; then
  echo
  $TOOL worst "$OUT" malgeum "$worst" "${corpus_args[@]}"
fi
if [ -n "$show" ]; then
  echo
  $TOOL show "$OUT" malgeum "$show"
fi
if [ $run = 1 ] || { [ "$worst" = 0 ] && [ -z "$show" ]; }; then
  echo
  $TOOL table "$OUT" --tool malgeum "${corpus_args[@]}"
fi
