#!/usr/bin/env python3
"""Helpers for scripts/eval.sh and scripts/anchors.sh (standard library only).

    evaltool.py prepare CORPUS_DIR OUT_DIR
        Decompress scrapinghub-dev pages into OUT_DIR/pages/, write OUT_DIR/manifest.jsonl
        (one {"corpus","id","path","url","truth"} per page), OUT_DIR/url-map.json
        ({path: url}) and OUT_DIR/files-<corpus>.txt (one path per line).
    evaltool.py preds OUT_DIR RAW.jsonl NAME
        Split an extractor's output (one JSON object per line with "source" = the path it was
        given) into score.py's preds format: OUT_DIR/NAME-<corpus>.jsonl.
    evaltool.py run-each OUT_DIR BINARY [--corpus C]
        Fallback runner: BINARY PATH --url URL --format json per page, JSONL with "source".
    evaltool.py score OUT_DIR NAME [--bootstrap N] [--corpus C]
        Run ../shared/tools/score.py per corpus on OUT_DIR/NAME-<corpus>.jsonl; print its
        SUMMARY lines; keep its JSON (score-NAME-<corpus>.json) and per-page rows
        (pages-NAME-<corpus>.jsonl).
    evaltool.py worst OUT_DIR NAME N [--corpus C]
        The N worst pages by per-page F1 over the scored corpora, with P/R and token counts.
    evaltool.py changes OUT_DIR NAME [--corpus C] [-n N]
        Pages whose F1 moved (>= 0.005) or whose metadata match flipped since the previous run
        (prev-pages-NAME-<corpus>.jsonl, kept by eval.sh).
    evaltool.py table OUT_DIR [--json-out F] [--versions F]
        One markdown table per corpus (malgeum, readability.js, trafilatura) from the
        score-<tool>-<corpus>.json files; --json-out writes them as JSON.
    evaltool.py show OUT_DIR NAME ID
        One page: where it is, its scores, then the truth lines the prediction misses and the
        predicted lines the truth does not have (line = paragraph; matched by 4-gram shingles).
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

CORPORA = ("scrapinghub-dev", "readability-test-pages", "seed")
READABILITY_BASE_URL = "http://fakehost/test/page.html"
HERE = Path(__file__).resolve().parent


def rel(p):
    """Path relative to the current directory when it is below it (shorter command lines)."""
    try:
        return os.path.relpath(p)
    except ValueError:
        return str(p)


# ------------------------------------------------------------------ prepare

def prepare(corpus_dir, out_dir):
    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    rows = []

    sh = corpus_dir / "scrapinghub-dev"
    gt = json.loads((sh / "ground-truth.json").read_text(encoding="utf8"))
    pages = out_dir / "pages" / "scrapinghub-dev"
    pages.mkdir(parents=True, exist_ok=True)
    for gz in sorted((sh / "html").glob("*.html.gz")):
        pid = gz.name[: -len(".html.gz")]
        dst = pages / f"{pid}.html"
        if not dst.exists() or dst.stat().st_mtime < gz.stat().st_mtime:
            tmp = dst.with_suffix(".tmp")
            tmp.write_bytes(gzip.decompress(gz.read_bytes()))
            tmp.replace(dst)
        url = (gt.get(pid) or {}).get("url") or ""
        rows.append({"corpus": "scrapinghub-dev", "id": pid, "path": rel(dst), "url": url,
                     "truth": rel(sh / "ground-truth.json")})

    rt = corpus_dir / "readability-test-pages"
    for d in sorted(p for p in rt.iterdir() if (p / "source.html").exists()):
        rows.append({"corpus": "readability-test-pages", "id": d.name,
                     "path": rel(d / "source.html"), "url": READABILITY_BASE_URL,
                     "truth": rel(rt)})

    seed = corpus_dir / "seed"
    for d in sorted(p for p in seed.iterdir() if (p / "source.html").exists()):
        truth = json.loads((d / "truth.json").read_text(encoding="utf8"))
        rows.append({"corpus": "seed", "id": d.name, "path": rel(d / "source.html"),
                     "url": truth.get("url") or "", "truth": rel(seed)})

    with open(out_dir / "manifest.jsonl", "w", encoding="utf8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    (out_dir / "url-map.json").write_text(
        json.dumps({r["path"]: r["url"] for r in rows}, ensure_ascii=False, indent=0),
        encoding="utf8")
    for c in CORPORA:
        (out_dir / f"files-{c}.txt").write_text(
            "".join(r["path"] + "\n" for r in rows if r["corpus"] == c), encoding="utf8")
    counts = {c: sum(r["corpus"] == c for r in rows) for c in CORPORA}
    print("prepared " + ", ".join(f"{c}={n}" for c, n in counts.items()), file=sys.stderr)


def load_manifest(out_dir):
    with open(Path(out_dir) / "manifest.jsonl", encoding="utf8") as f:
        return [json.loads(line) for line in f if line.strip()]


# -------------------------------------------------------------------- preds

PRED_FIELDS = ("text", "title", "byline", "authors", "published", "lang")


def preds(out_dir, raw, name):
    manifest = load_manifest(out_dir)
    by_path = {}
    for r in manifest:
        by_path[r["path"]] = r
        by_path[os.path.normpath(os.path.abspath(r["path"]))] = r
    out = {c: [] for c in CORPORA}
    errors, unknown = [], 0
    with open(raw, encoding="utf8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"{raw}:{lineno}: not JSON ({e})")
                continue
            src = obj.get("source") or obj.get("path") or ""
            page = by_path.get(src) or by_path.get(os.path.normpath(os.path.abspath(src)))
            if page is None:
                unknown += 1
                continue
            if obj.get("error"):
                errors.append(f"{page['corpus']}/{page['id']}: {obj['error']}")
            pred = {"id": page["id"]}
            for k in PRED_FIELDS:
                pred[k] = obj.get(k)
            if pred["text"] is None and obj.get("contentHtml") is not None:
                # Tools that give HTML only: text the way score.py makes the truth's.
                pred["text"] = _load_score_module().html_text(obj["contentHtml"])
            if pred["text"] is None:
                pred["text"] = ""
            if obj.get("readerable") is False:
                pred["readerable"] = False
            out[page["corpus"]].append(pred)
    for c, rows in out.items():
        with open(Path(out_dir) / f"{name}-{c}.jsonl", "w", encoding="utf8") as f:
            for p in rows:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
    for e in errors[:20]:
        print(f"{name}: {e}", file=sys.stderr)
    if len(errors) > 20:
        print(f"{name}: ... {len(errors) - 20} more errors", file=sys.stderr)
    if unknown:
        print(f"{name}: {unknown} output lines name no corpus page", file=sys.stderr)


def run_each(out_dir, binary, corpora):
    """Fallback for an engine without --jsonl --url-map: one process per page."""
    from concurrent.futures import ThreadPoolExecutor

    pages = [r for r in load_manifest(out_dir) if r["corpus"] in corpora]

    def one(r):
        p = subprocess.run([binary, r["path"], "--url", r["url"], "--format", "json"],
                           capture_output=True, text=True)
        try:
            obj = json.loads(p.stdout) if p.returncode == 0 else None
        except json.JSONDecodeError:
            obj = None
        if not isinstance(obj, dict):
            obj = {"error": (p.stderr.strip() or f"exit {p.returncode}")[:300]}
        obj["source"] = r["path"]
        return json.dumps(obj, ensure_ascii=False)

    with ThreadPoolExecutor(max_workers=2) as ex:
        for line in ex.map(one, pages):
            print(line)


# -------------------------------------------------------------------- score

def score_py():
    root = HERE.parent.parent
    shared = Path(os.environ.get("MALGEUM_SHARED", root.parent / "shared"))
    return shared / "tools" / "score.py"


def truth_of(manifest, corpus):
    for r in manifest:
        if r["corpus"] == corpus:
            return r["truth"]
    return None


def score(out_dir, name, bootstrap, corpora):
    out_dir = Path(out_dir)
    manifest = load_manifest(out_dir)
    procs = []
    for c in (c for c in CORPORA if c in corpora):
        pred = out_dir / f"{name}-{c}.jsonl"
        truth = truth_of(manifest, c)
        if truth is None or not pred.exists():
            continue
        cmd = [sys.executable, str(score_py()), "--truth", truth, "--pred", str(pred),
               "--name", f"{name}/{c}", "-q", "--bootstrap", str(bootstrap),
               "--json-out", str(out_dir / f"score-{name}-{c}.json"),
               "--per-page-out", str(out_dir / f"pages-{name}-{c}.jsonl")]
        procs.append((c, subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)))
    rc = 0
    for c, p in procs:
        out, _ = p.communicate()
        sys.stdout.write(out)
        rc = rc or p.returncode
    return rc


# -------------------------------------------------------------------- worst

def load_pages(out_dir, name, corpora):
    rows = []
    for c in (c for c in CORPORA if c in corpora):
        f = Path(out_dir) / f"pages-{name}-{c}.jsonl"
        if not f.exists():
            continue
        for line in f.read_text(encoding="utf8").splitlines():
            if line.strip():
                r = json.loads(line)
                r["corpus"] = c
                rows.append(r)
    return rows


SHORT = {"scrapinghub-dev": "sh", "readability-test-pages": "rt", "seed": "seed"}


def worst(out_dir, name, n, corpora):
    rows = load_pages(out_dir, name, corpora)
    if not rows:
        sys.exit(f"no scored pages under {out_dir} (run scripts/eval.sh first)")
    rows.sort(key=lambda r: (r["f1"], r["corpus"], r["id"]))
    print(f"{n} worst of {len(rows)} pages by F1 (P = precision: junk kept lowers it; "
          f"R = recall: text lost lowers it)")
    print(f"{'corpus':<5} {'id':<44} {'F1':>6} {'P':>6} {'R':>6} {'true':>6} {'pred':>6}  "
          "meta misses")
    for r in rows[:n]:
        miss = [f for f in ("title", "byline", "authors", "published", "lang")
                if r.get(f + "_match") is False]
        flags = ("MISSING " if r.get("missing") else "") + " ".join(miss)
        print(f"{SHORT.get(r['corpus'], r['corpus']):<5} {r['id'][:44]:<44} {r['f1']:6.3f} "
              f"{r['precision']:6.3f} {r['recall']:6.3f} {r['true_tokens']:6d} "
              f"{r['pred_tokens']:6d}  {flags}")
    lowp = sum(r["precision"] < 0.9 for r in rows)
    lowr = sum(r["recall"] < 0.9 for r in rows)
    print(f"pages with P<0.9: {lowp}, with R<0.9: {lowr}; "
          f"details of one: scripts/eval.sh --show ID")


# ------------------------------------------------------------------ changes

def changes(out_dir, name, corpora, n, threshold=0.005):
    """Per-page F1 and metadata changes against the previous run (prev-pages-*.jsonl)."""
    out_dir = Path(out_dir)
    rows = []
    for c in (c for c in CORPORA if c in corpora):
        cur_f, prev_f = out_dir / f"pages-{name}-{c}.jsonl", out_dir / f"prev-pages-{name}-{c}.jsonl"
        if not (cur_f.exists() and prev_f.exists()):
            continue
        prev = {}
        for line in prev_f.read_text(encoding="utf8").splitlines():
            if line.strip():
                r = json.loads(line)
                prev[r["id"]] = r
        for line in cur_f.read_text(encoding="utf8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            p = prev.get(r["id"])
            if p is None:
                continue
            meta = []
            for f in ("title", "byline", "authors", "published", "lang"):
                a, b = p.get(f + "_match"), r.get(f + "_match")
                if a is not None and b is not None and a != b:
                    meta.append(("+" if b else "-") + f)
            d = r["f1"] - p["f1"]
            if abs(d) >= threshold or meta:
                rows.append((d, c, r, p, meta))
    if not rows:
        return
    better = sum(1 for d, *_ in rows if d >= threshold)
    worse = sum(1 for d, *_ in rows if d <= -threshold)
    mplus = sum(m.startswith("+") for *_, ms in rows for m in ms)
    mminus = sum(m.startswith("-") for *_, ms in rows for m in ms)
    print(f"\nvs the previous run: F1 up on {better} page(s), down on {worse}; "
          f"metadata fixed {mplus}, broken {mminus}")
    rows.sort(key=lambda x: (x[0], x[1], x[2]["id"]))
    shown = [x for x in rows if x[0] < 0 or x[4]][: n] + [x for x in reversed(rows) if x[0] > 0 and not x[4]][: max(0, n // 2)]
    for d, c, r, p, meta in sorted(shown, key=lambda x: x[0]):
        print(f"  {d:+.3f}  {SHORT.get(c, c):<4} {r['id'][:44]:<44} F1 {p['f1']:.3f} -> {r['f1']:.3f} "
              f"(P {r['precision']:.3f} R {r['recall']:.3f}) {' '.join(meta)}")


# -------------------------------------------------------------------- table

TOOLS = (("malgeum", "malgeum"), ("readability-js", "readability.js"),
         ("trafilatura", "trafilatura"))
META_COLS = ("title", "byline", "authors", "published", "lang")


def table(out_dir, json_out, versions_file):
    out_dir = Path(out_dir)
    versions = {}
    if versions_file and Path(versions_file).exists():
        versions = json.loads(Path(versions_file).read_text(encoding="utf8"))
    result = {"date": time.strftime("%Y-%m-%d %H:%M:%S %z"), "machine": machine(),
              "versions": versions, "corpora": {}}
    for c in CORPORA:
        scores = {}
        for key, label in TOOLS:
            f = out_dir / f"score-{key}-{c}.json"
            if f.exists():
                scores[label] = json.loads(f.read_text(encoding="utf8"))
        if not scores:
            continue
        any_score = next(iter(scores.values()))
        metas = [m for m in META_COLS if (any_score["meta"].get(m) or {}).get("n")]
        noise = any_score.get("noise_pages", 0) > 0
        head = ["tool", "body F1", "P", "R"] + [f"{m} exact" for m in metas]
        if noise:
            head.append("noise leaks")
        pages = any_score["pages"]
        print(f"\n{c} ({pages} page{'s' if pages != 1 else ''}"
              + (", metadata n = " + ", ".join(f"{m} {any_score['meta'][m]['n']}" for m in metas)
                 if metas else "") + ")")
        print("| " + " | ".join(head) + " |")
        print("|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|")
        rows = {}
        for key, label in TOOLS:
            s = scores.get(label)
            if s is None:
                print(f"| {label} | " + " | ".join(["n/a"] * (len(head) - 1)) + " |")
                continue
            sd = (lambda k: f" ± {s[k + '_std']:.3f}" if k + "_std" in s and c != "seed" else "")
            cells = [f"{s['f1']:.3f}{sd('f1')}", f"{s['precision']:.3f}", f"{s['recall']:.3f}"]
            for m in metas:
                mm = s["meta"][m]
                cells.append("–" if not mm["predicted"] else f"{mm['exact_rate']:.3f}")
            if noise:
                cells.append(f"{s['noise_leak_pages']}/{s['noise_pages']}")
            if s.get("missing"):
                cells[0] += f" ({s['missing']} missing)"
            print(f"| {label} | " + " | ".join(cells) + " |")
            rows[label] = {
                "f1": s["f1"], "precision": s["precision"], "recall": s["recall"],
                "f1_std": s.get("f1_std"), "accuracy": s["accuracy"], "pages": s["pages"],
                "missing": s["missing"],
                "meta": {m: {k: s["meta"][m][k] for k in
                             ("n", "exact_rate", "loose_rate", "predicted")} for m in metas},
            }
            if noise:
                rows[label]["noise_leak_pages"] = s["noise_leak_pages"]
        result["corpora"][c] = rows
    print("\n(metadata: share of the pages whose truth has the field that the tool matches "
          "exactly, per score.py; – = the tool returned no value for it on any of them)")
    if json_out:
        Path(json_out).parent.mkdir(parents=True, exist_ok=True)
        Path(json_out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n",
                                  encoding="utf8")
        print(f"wrote {json_out}", file=sys.stderr)


def machine():
    info = {"cores": os.cpu_count()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return info


# --------------------------------------------------------------------- show

_SCORE_MODULE = None


def _load_score_module():
    global _SCORE_MODULE
    if _SCORE_MODULE is not None:
        return _SCORE_MODULE
    import importlib.util
    spec = importlib.util.spec_from_file_location("score", score_py())
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    _SCORE_MODULE = mod
    return mod


def show(out_dir, name, pid, width):
    out_dir = Path(out_dir)
    manifest = load_manifest(out_dir)
    hits = [r for r in manifest if r["id"] == pid or r["id"].startswith(pid)]
    if not hits:
        sys.exit(f"no page {pid!r} in {out_dir}/manifest.jsonl")
    if len(hits) > 1 and not any(r["id"] == pid for r in hits):
        sys.exit("ambiguous: " + ", ".join(r["id"] for r in hits[:10]))
    page = next((r for r in hits if r["id"] == pid), hits[0])
    sc = _load_score_module()
    truth = sc.load_truth(page["truth"])[page["id"]]
    pred = {}
    pf = out_dir / f"{name}-{page['corpus']}.jsonl"
    if pf.exists():
        for line in pf.read_text(encoding="utf8").splitlines():
            if line.strip():
                o = json.loads(line)
                if o["id"] == page["id"]:
                    pred = o
    ptext, ttext = pred.get("text") or "", truth["text"] or ""
    c = sc.tp_fp_fn(ttext, ptext)
    p, r = sc.page_precision(*c), sc.page_recall(*c)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{page['corpus']}/{page['id']}\n  file: {page['path']}\n  url:  {page['url']}")
    print(f"  F1={f1:.3f} P={p:.3f} R={r:.3f} true_tokens={len(sc.tokenize(ttext))} "
          f"pred_tokens={len(sc.tokenize(ptext))}")
    for f in ("title", "byline", "authors", "published", "lang"):
        if truth.get(f) not in (None, "", []) or pred.get(f) not in (None, "", []):
            mark = ""
            if truth.get(f) not in (None, "", []):
                mark = "ok " if sc.meta_match(f, truth[f], pred.get(f))[0] else "XX "
            print(f"  {mark}{f}: truth={truth.get(f)!r} pred={pred.get(f)!r}")
    if pred.get("readerable") is False:
        print("  (engine said readerable: false)")

    def uncovered_runs(text, other):
        """Spans of text whose tokens are in no 4-gram shingle of `other` (what the metric
        counts as missed or extra), as (n_tokens, snippet) in page order."""
        toks = list(sc.TOKEN_RE.finditer(text))
        other_sh = sc.shingles(other)
        n = sc.NGRAM_N
        covered = [False] * len(toks)
        if len(toks) < n:
            if toks and tuple(t.group() for t in toks) in other_sh:
                covered = [True] * len(toks)
        else:
            for j in range(len(toks) - n + 1):
                if tuple(t.group() for t in toks[j:j + n]) in other_sh:
                    for k in range(j, j + n):
                        covered[k] = True
        runs, i = [], 0
        while i < len(toks):
            if covered[i]:
                i += 1
                continue
            j = i
            while j + 1 < len(toks) and not covered[j + 1]:
                j += 1
            snippet = " ".join(text[toks[i].start():toks[j].end()].split("\n"))
            runs.append((j - i + 1, " ".join(snippet.split())))
            i = j + 1
        return runs

    def clip(s):
        return s if len(s) <= width else s[: width // 2 - 2] + " … " + s[-(width // 2 - 3):]

    for title, runs, mark in (
            ("in truth, missing from prediction [recall]", uncovered_runs(ttext, ptext), "-"),
            ("in prediction, not in truth [precision]", uncovered_runs(ptext, ttext), "+")):
        total = sum(k for k, _ in runs)
        print(f"\n{mark * 3} {title}: {total} tokens in {len(runs)} spans")
        for k, snippet in runs:
            print(f"  {mark}{k:5d}  {clip(snippet)}")


# --------------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("prepare")
    a.add_argument("corpus_dir")
    a.add_argument("out_dir")
    a = sub.add_parser("preds")
    a.add_argument("out_dir")
    a.add_argument("raw")
    a.add_argument("name")
    a = sub.add_parser("run-each")
    a.add_argument("out_dir")
    a.add_argument("binary")
    a.add_argument("--corpus", action="append")
    a = sub.add_parser("score")
    a.add_argument("out_dir")
    a.add_argument("name")
    a.add_argument("--bootstrap", type=int, default=1000)
    a.add_argument("--corpus", action="append")
    a = sub.add_parser("worst")
    a.add_argument("out_dir")
    a.add_argument("name")
    a.add_argument("n", type=int)
    a.add_argument("--corpus", action="append")
    a = sub.add_parser("changes")
    a.add_argument("out_dir")
    a.add_argument("name")
    a.add_argument("--corpus", action="append")
    a.add_argument("-n", type=int, default=10)
    a = sub.add_parser("table")
    a.add_argument("out_dir")
    a.add_argument("--json-out")
    a.add_argument("--versions")
    a = sub.add_parser("show")
    a.add_argument("out_dir")
    a.add_argument("name")
    a.add_argument("id")
    a.add_argument("--width", type=int, default=int(os.environ.get("COLUMNS", "160")))
    args = ap.parse_args(argv)

    if args.cmd == "prepare":
        prepare(args.corpus_dir, args.out_dir)
    elif args.cmd == "preds":
        preds(args.out_dir, args.raw, args.name)
    elif args.cmd == "run-each":
        run_each(args.out_dir, args.binary, args.corpus or CORPORA)
    elif args.cmd == "score":
        sys.exit(score(args.out_dir, args.name, args.bootstrap, args.corpus or CORPORA))
    elif args.cmd == "worst":
        worst(args.out_dir, args.name, args.n, args.corpus or CORPORA)
    elif args.cmd == "changes":
        changes(args.out_dir, args.name, args.corpus or CORPORA, args.n)
    elif args.cmd == "table":
        table(args.out_dir, args.json_out, args.versions)
    elif args.cmd == "show":
        show(args.out_dir, args.name, args.id, args.width)


if __name__ == "__main__":
    import signal
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    main()
