#!/usr/bin/env bash
# Behaviour unchanged? Run two builds of the CLI over every corpus page (eval-out/files-*.txt
# and eval-out/url-map.json, written by scripts/eval.sh: run it once first) and every page
# fixture (tests/pages/*/source.html, at its truth.json "url" or the runner's default
# address: they hold Korean templates the corpora lack) with --jsonl, and compare the exports
# byte for byte. Prints how many are identical and, for each page that
# differs, the fields that differ (dotted paths: `extractor.rule`, `authors`). Exits 1 when
# any export differs, 0 when all are identical.
#
#   scripts/same-exports.sh OLD_BIN [NEW_BIN]           NEW_BIN defaults to target/release/malgeum
#   scripts/same-exports.sh --allow extractor.rule OLD_BIN [NEW_BIN]
#                                   a change meant to be made: pages whose exports differ in
#                                   the allowed fields only are counted apart and do not fail
#                                   the run (repeatable; a path allows everything under it)
#
# A refactor is checked by building the commit before it once (cargo build --release, then
# copying target/release/malgeum aside) and running this against the new build.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${MALGEUM_EVAL_OUT:-eval-out}
allow=()
while [ $# -gt 0 ]; do
  case "$1" in
    --allow) allow+=("${2:?--allow FIELD}"); shift 2 ;;
    --allow=*) allow+=("${1#*=}"); shift ;;
    -h|--help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "same-exports.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) break ;;
  esac
done
old=${1:?usage: scripts/same-exports.sh [--allow FIELD]... OLD_BIN [NEW_BIN]}
new=${2:-target/release/malgeum}
for b in "$old" "$new"; do
  [ -x "$b" ] || { echo "same-exports.sh: $b is not an executable" >&2; exit 2; }
done
ls $OUT/files-*.txt > /dev/null 2>&1 ||
  { echo "same-exports.sh: no $OUT/files-*.txt (run scripts/eval.sh once)" >&2; exit 2; }
# The corpus pages and the fixtures, once each, with one address map for both.
python3 - "$OUT" <<'PY'
import glob, json, os, sys
out = sys.argv[1]
urls = json.load(open(f"{out}/url-map.json", encoding="utf-8"))
files = [l.strip() for f in sorted(glob.glob(f"{out}/files-*.txt")) for l in open(f) if l.strip()]
for page in sorted(glob.glob("tests/pages/*/source.html")):
    truth = os.path.join(os.path.dirname(page), "truth.json")
    url = json.load(open(truth, encoding="utf-8")).get("url") if os.path.exists(truth) else None
    urls.setdefault(page, url or "https://news.example.com/story")  # tests/pages.rs's default
    files.append(page)
seen = set()
with open(f"{out}/same-files.txt", "w") as f:
    for page in files:
        if page not in seen:
            seen.add(page)
            f.write(page + "\n")
json.dump(urls, open(f"{out}/same-url-map.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
mapfile -t files < $OUT/same-files.txt
# One process per build over all pages, as eval.sh runs it; a page the CLI refuses gives no
# line, and both builds must refuse the same pages.
"$old" --jsonl --url-map $OUT/same-url-map.json "${files[@]}" > $OUT/same-a.jsonl 2> $OUT/same-a.err || true
"$new" --jsonl --url-map $OUT/same-url-map.json "${files[@]}" > $OUT/same-b.jsonl 2> $OUT/same-b.err || true
python3 - "$OUT" "${#files[@]}" "${allow[@]+"${allow[@]}"}" <<'PY'
import collections, json, sys

out, pages, allowed = sys.argv[1], int(sys.argv[2]), sys.argv[3:]

def load(path):
    rows = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        rows[json.loads(line)["source"]] = line
    return rows

def diff(a, b, path=""):
    """The dotted paths at which two JSON values differ (lists compared whole)."""
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            yield from diff(a.get(k), b.get(k), f"{path}.{k}" if path else k)
    elif a != b:
        yield path or "(whole export)"

def is_allowed(field):
    return any(field == p or field.startswith(p + ".") for p in allowed)

a, b = load(f"{out}/same-a.jsonl"), load(f"{out}/same-b.jsonl")
identical, only_allowed, differ = 0, [], []
fields = collections.Counter()
for source in sorted(set(a) | set(b)):
    if a.get(source) == b.get(source):
        identical += 1
        continue
    if source not in a or source not in b:
        changed = [f"(only {'new' if source in b else 'old'} build exported it)"]
    else:
        changed = list(diff(json.loads(a[source]), json.loads(b[source])))
        # Same JSON, different bytes (key order, escaping): still a difference.
        changed = changed or ["(bytes only)"]
    fields.update(changed)
    page = source.split("corpus/", 1)[-1]
    (only_allowed if all(map(is_allowed, changed)) else differ).append((page, changed))

total = len(set(a) | set(b))
for page, changed in differ:
    print("differs:", page, "--", ", ".join(changed))
for page, changed in only_allowed[:10]:
    print("allowed:", page, "--", ", ".join(changed))
if len(only_allowed) > 10:
    print(f"allowed: ... and {len(only_allowed) - 10} more pages")
if fields:
    print("fields that differ (pages):",
          ", ".join(f"{f} ({n})" for f, n in fields.most_common()))
print(f"{identical} of {total} exports byte-identical ({pages} pages given)", end="")
if allowed:
    print(f"; {len(only_allowed)} differ only in {', '.join(allowed)}", end="")
print(f"; {len(differ)} differ otherwise" if differ else "")
sys.exit(1 if differ else 0)
PY
