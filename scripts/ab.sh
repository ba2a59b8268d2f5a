#!/usr/bin/env bash
# A/B: run two builds of the CLI over every corpus page (eval-out/files-*.txt, written by
# scripts/eval.sh) and list, per page, the paragraphs the new one has that the old lacks (+)
# and the reverse (-).
#
#   scripts/ab.sh OLD_BIN [NEW_BIN]      NEW_BIN defaults to target/release/malgeum
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=eval-out
old=${1:?old binary}
new=${2:-target/release/malgeum}
mapfile -t files < <(cat $OUT/files-*.txt)
"$old" --jsonl --url-map $OUT/url-map.json "${files[@]}" > $OUT/ab-a.jsonl 2>/dev/null || true
"$new" --jsonl --url-map $OUT/url-map.json "${files[@]}" > $OUT/ab-b.jsonl 2>/dev/null || true
python3 - "$OUT" <<'PY'
import json, sys
out = sys.argv[1]
def load(p):
    d = {}
    for line in open(p):
        r = json.loads(line)
        d[r["source"]] = r.get("text") or ""
    return d
a, b = load(f"{out}/ab-a.jsonl"), load(f"{out}/ab-b.jsonl")
n = 0
for k in a:
    if a[k] == b.get(k):
        continue
    n += 1
    pa = set(a[k].split("\n\n")); pb = set(b.get(k, "").split("\n\n"))
    print("==", k.replace("/work/shared/corpus/", "").replace("eval-out/pages/", ""))
    for p in [p for p in b.get(k, "").split("\n\n") if p not in pa][:6]:
        print("  +", p[:160].replace("\n", " "))
    for p in [p for p in a[k].split("\n\n") if p not in pb][:6]:
        print("  -", p[:160].replace("\n", " "))
print(n, "pages differ")
PY
