#!/usr/bin/env python3
"""Helpers for scripts/eval.sh and scripts/anchors.sh (standard library only).

    evaltool.py prepare CORPUS_DIR OUT_DIR [--pages DIR]
        Decompress the scrapinghub-dev, trafilatura-dev and wceb-dev pages into OUT_DIR/pages/,
        gather the tests/pages folders whose truth.json has a "text" (corpus "pages"; their
        truth.json files are copied to OUT_DIR/truth-pages/ so that score.py sees only them),
        write OUT_DIR/manifest.jsonl (one {"corpus","id","path","url","truth"} per page),
        OUT_DIR/url-map.json ({path: url}) and OUT_DIR/files-<corpus>.txt (one path per line).
    evaltool.py preds OUT_DIR RAW.jsonl NAME
        Split an extractor's output (one JSON object per line with "source" = the path it was
        given) into score.py's preds format: OUT_DIR/NAME-<corpus>.jsonl.
    evaltool.py run-each OUT_DIR BINARY [--corpus C]
        Fallback runner: BINARY PATH --url URL --format json per page, JSONL with "source".
    evaltool.py fill-missing OUT_DIR BINARY RAW.jsonl [--corpus C]
        After a batch run that stopped early: run the pages RAW.jsonl lacks one by one (as
        run-each does) and append them to RAW.jsonl.
    evaltool.py anchor OUT_DIR NAME VERSION [--corpus C] [--refresh] -- CMD...
        Run an anchor with a per-corpus cache: OUT_DIR/anchors/NAME-VERSION/<corpus>-<hash>.jsonl,
        where VERSION names the anchor's version (and its script's hash) and <hash> the
        corpus's pages (ids, URLs, bytes). CMD (given MANIFEST.jsonl --corpus C...) runs only
        for the corpora with no cache file; the outputs are then joined into OUT_DIR/raw-NAME.jsonl.
    evaltool.py score OUT_DIR NAME [--bootstrap N] [--corpus C]
        Run ../shared/tools/score.py per corpus on OUT_DIR/NAME-<corpus>.jsonl (for
        trafilatura-dev ../shared/tools/score_segments.py); print its SUMMARY lines; keep its
        JSON (score-NAME-<corpus>.json, plus "empty": pages with an empty text where the
        truth has text) and per-page rows (pages-NAME-<corpus>.jsonl).
    evaltool.py worst OUT_DIR NAME N [--corpus C]
        The N worst pages by per-page F1 over the scored corpora, with P/R and token counts.
    evaltool.py changes OUT_DIR NAME [--corpus C] [-n N]
        Pages whose F1 moved (>= 0.005) or whose metadata match flipped since the previous run
        (prev-pages-NAME-<corpus>.jsonl, kept by eval.sh).
    evaltool.py table OUT_DIR [--tool NAME]... [--corpus C] [--json-out F] [--versions F]
        One markdown table, a row per corpus (x tool), from the score-<tool>-<corpus>.json
        files: pages, missing, empty, F1/P/R and the metadata exact rates; --json-out writes
        it as JSON.
    evaltool.py show OUT_DIR NAME ID
        One page: where it is, its scores, then the truth lines the prediction misses and the
        predicted lines the truth does not have (line = paragraph; matched by 4-gram shingles).
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

CORPORA = ("scrapinghub-dev", "readability-test-pages", "seed", "trafilatura-dev", "wceb-dev",
           "pages")
SHORT = {"scrapinghub-dev": "sh", "readability-test-pages": "rt", "seed": "seed",
         "trafilatura-dev": "tf", "wceb-dev": "wceb", "pages": "pages"}
SEGMENT_CORPORA = ("trafilatura-dev",)  # scored by score_segments.py, not score.py
CORPUS_ALIASES = {**{c: c for c in CORPORA}, **{v: k for k, v in SHORT.items()},
                  "scrapinghub": "scrapinghub-dev", "readability": "readability-test-pages",
                  "trafilatura": "trafilatura-dev", "wceb": "wceb-dev"}
READABILITY_BASE_URL = "http://fakehost/test/page.html"
PAGES_DEFAULT_URL = "https://news.example.com/story"  # tests/pages.rs's default
HERE = Path(__file__).resolve().parent


def rel(p):
    """Path relative to the current directory when it is below it (shorter command lines)."""
    try:
        return os.path.relpath(p)
    except ValueError:
        return str(p)


# ------------------------------------------------------------------ prepare

def gunzip_to(gz, dst):
    """Decompress gz to dst unless dst is already newer."""
    if not dst.exists() or dst.stat().st_mtime < gz.stat().st_mtime:
        tmp = dst.with_name(dst.name + ".tmp")
        tmp.write_bytes(gzip.decompress(gz.read_bytes()))
        tmp.replace(dst)


def prepare(corpus_dir, out_dir, pages_dir=None):
    corpus_dir, out_dir = Path(corpus_dir), Path(out_dir)
    rows = []

    sh = corpus_dir / "scrapinghub-dev"
    gt = json.loads((sh / "ground-truth.json").read_text(encoding="utf8"))
    pages = out_dir / "pages" / "scrapinghub-dev"
    pages.mkdir(parents=True, exist_ok=True)
    for gz in sorted((sh / "html").glob("*.html.gz")):
        pid = gz.name[: -len(".html.gz")]
        dst = pages / f"{pid}.html"
        gunzip_to(gz, dst)
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

    # trafilatura-dev: id = the evaldata key, which is also the URL the hidden check gives the
    # engine (a few keys are labels such as "hard::<file>"); the bytes stay as they are.
    tf = corpus_dir / "trafilatura-dev"
    if (tf / "evaldata.json").exists():
        ev = json.loads((tf / "evaldata.json").read_text(encoding="utf8"))
        pages = out_dir / "pages" / "trafilatura-dev"
        pages.mkdir(parents=True, exist_ok=True)
        for key in sorted(ev):
            gz = tf / "html" / (ev[key]["file"] + ".gz")
            if not gz.exists():
                continue
            dst = pages / ev[key]["file"]
            gunzip_to(gz, dst)
            rows.append({"corpus": "trafilatura-dev", "id": key, "path": rel(dst), "url": key,
                         "truth": rel(tf / "evaldata.json")})

    # wceb-dev: id = the file name without .html.gz; the URL where the truth has one.
    wc = corpus_dir / "wceb-dev"
    if (wc / "ground-truth.json").exists():
        gt = json.loads((wc / "ground-truth.json").read_text(encoding="utf8"))
        pages = out_dir / "pages" / "wceb-dev"
        pages.mkdir(parents=True, exist_ok=True)
        for gz in sorted((wc / "html").glob("*.html.gz")):
            pid = gz.name[: -len(".html.gz")]
            dst = pages / f"{pid}.html"
            gunzip_to(gz, dst)
            rows.append({"corpus": "wceb-dev", "id": pid, "path": rel(dst),
                         "url": (gt.get(pid) or {}).get("url") or "",
                         "truth": rel(wc / "ground-truth.json")})

    # tests/pages: only the folders whose truth.json has a non-empty "text" (the others are
    # lessons with targeted checks, see tests/pages/README.md). score.py reads a directory of
    # truth.json folders, so their truth.json files are copied into a directory of their own.
    tdir = out_dir / "truth-pages"
    if tdir.exists():
        shutil.rmtree(tdir)
    if pages_dir and Path(pages_dir).is_dir():
        for d in sorted(p for p in Path(pages_dir).iterdir()
                        if (p / "source.html").exists() and (p / "truth.json").exists()):
            try:
                truth = json.loads((d / "truth.json").read_text(encoding="utf8"))
            except (json.JSONDecodeError, UnicodeDecodeError):
                continue
            if not isinstance(truth, dict) or not str(truth.get("text") or "").strip():
                continue
            (tdir / d.name).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(d / "truth.json", tdir / d.name / "truth.json")
            rows.append({"corpus": "pages", "id": d.name, "path": rel(d / "source.html"),
                         "url": truth.get("url") or PAGES_DEFAULT_URL, "truth": rel(tdir)})

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
    print("prepared " + ", ".join(f"{SHORT[c]}={n}" for c, n in counts.items()), file=sys.stderr)


def load_manifest(out_dir):
    with open(Path(out_dir) / "manifest.jsonl", encoding="utf8") as f:
        return [json.loads(line) for line in f if line.strip()]


# -------------------------------------------------------------------- preds

PRED_FIELDS = ("text", "title", "byline", "authors", "published", "lang")


def preds(out_dir, raw, name, corpora=CORPORA):
    manifest = load_manifest(out_dir)
    by_path = {}
    for r in manifest:
        by_path[r["path"]] = r
        by_path[os.path.normpath(os.path.abspath(r["path"]))] = r
    out = {c: [] for c in CORPORA if c in corpora}
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
            if page["corpus"] not in out:
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


def run_each(out_dir, binary, corpora, skip=(), out=None):
    """Fallback for an engine without --jsonl --url-map: one process per page."""
    from concurrent.futures import ThreadPoolExecutor

    pages = [r for r in load_manifest(out_dir) if r["corpus"] in corpora and r["path"] not in skip]
    out = out or sys.stdout

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
            print(line, file=out)
    return len(pages)


def fill_missing(out_dir, binary, raw, corpora):
    """Pages a batch run left out (it stopped on one of them): one process per page."""
    done = set()
    with open(raw, encoding="utf8") as f:
        for line in f:
            try:
                done.add(json.loads(line).get("source"))
            except json.JSONDecodeError:
                pass  # a line cut short by the crash
    with open(raw, "rb+") as f:  # drop a last line cut short
        data = f.read()
        if data and not data.endswith(b"\n"):
            f.seek(0)
            f.truncate(data.rfind(b"\n") + 1)
    with open(raw, "a", encoding="utf8") as f:
        n = run_each(out_dir, binary, corpora, skip=done, out=f)
    if n:
        print(f"ran {n} page(s) the batch left out one by one", file=sys.stderr)


# ------------------------------------------------------------------- anchor

def corpus_hash(rows):
    """What an anchor's output over a corpus depends on besides the anchor: ids, URLs, bytes."""
    h = hashlib.sha256()
    for r in sorted(rows, key=lambda r: r["id"]):
        h.update(json.dumps([r["id"], r["url"]]).encode())
        with open(r["path"], "rb") as f:
            h.update(hashlib.sha256(f.read()).digest())
    return h.hexdigest()[:16]


def anchor(out_dir, name, version, cmd, corpora, refresh):
    """Run CMD MANIFEST --corpus C... for the corpora with no cached output, then join the
    cached outputs of the selected corpora into OUT_DIR/raw-NAME.jsonl."""
    out_dir = Path(out_dir)
    manifest = load_manifest(out_dir)
    safe = re.sub(r"[^\w.+-]+", "_", version).strip("_")
    cache = out_dir / "anchors" / f"{name}-{safe}"
    cache.mkdir(parents=True, exist_ok=True)
    todo, files = [], {}
    for c in (c for c in CORPORA if c in corpora):
        rows = [r for r in manifest if r["corpus"] == c]
        if not rows:
            continue
        files[c] = cache / f"{c}-{corpus_hash(rows)}.jsonl"
        if refresh or not files[c].exists():
            todo.append(c)
    if todo:
        sub = out_dir / f"manifest-{name}.jsonl"
        with open(sub, "w", encoding="utf8") as f:
            for r in manifest:
                if r["corpus"] in todo:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
        n = sum(r["corpus"] in todo for r in manifest)
        print(f"{name}: running on {n} pages ({', '.join(SHORT[c] for c in todo)})",
              file=sys.stderr)
        t0 = time.time()
        p = subprocess.run(cmd + [str(sub)], stdout=subprocess.PIPE)
        took = time.time() - t0
        if p.returncode != 0:
            print(f"{name}: exited {p.returncode}; nothing cached", file=sys.stderr)
            return p.returncode
        by_path = {r["path"]: r for r in manifest}
        out = {c: [] for c in todo}
        # "\n" only: str.splitlines() also splits on U+2028, U+0085 and others, which JSON
        # strings may hold unescaped.
        for line in p.stdout.decode("utf8").split("\n"):
            if not line.strip():
                continue
            obj = json.loads(line)
            page = by_path.get(obj.pop("source", None))
            if page is None or page["corpus"] not in out:
                continue
            out[page["corpus"]].append(json.dumps({"id": page["id"], **obj}, ensure_ascii=False))
        for c in todo:
            tmp = files[c].with_suffix(".tmp")
            tmp.write_text("".join(x + "\n" for x in out[c]), encoding="utf8")
            tmp.replace(files[c])
        print(f"{name}: {n} pages in {took:.1f} s, cached in {rel(cache)}/", file=sys.stderr)
    cached = [c for c in files if c not in todo]
    if cached:
        print(f"{name}: cached output for {', '.join(SHORT[c] for c in cached)} "
              f"({rel(cache)}/)", file=sys.stderr)
    by_id = {(r["corpus"], r["id"]): r for r in manifest}
    with open(out_dir / f"raw-{name}.jsonl", "w", encoding="utf8") as f:
        for c, path in files.items():
            for obj in read_jsonl(path):
                page = by_id.get((c, obj.pop("id")))
                if page is not None:
                    f.write(json.dumps({"source": page["path"], **obj}, ensure_ascii=False) + "\n")
    return 0


# -------------------------------------------------------------------- score

def score_py():
    root = HERE.parent.parent
    shared = Path(os.environ.get("MALGEUM_SHARED", root.parent / "shared"))
    return shared / "tools" / "score.py"


def score_segments_py():
    return score_py().with_name("score_segments.py")


def truth_of(manifest, corpus):
    for r in manifest:
        if r["corpus"] == corpus:
            return r["truth"]
    return None


def read_jsonl(path):
    with open(path, encoding="utf8") as f:
        return [json.loads(line) for line in f if line.strip()]


SEGMENTS_RE = re.compile(r"(\w+)=(\S+)")


def score_segments(name, corpus, truth, pred, out_dir):
    """trafilatura-dev: score_segments.py's numbers as they come (its summary line), per-page
    rows made with its own failures() (page P/R/F1 from the page's segment counts)."""
    cmd = [sys.executable, str(score_segments_py()), "--evaldata", truth, "--pred", str(pred)]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    line = (p.stdout.strip().splitlines() or [""])[-1]
    vals = dict(SEGMENTS_RE.findall(line))
    if p.returncode != 0 or "F1" not in vals:
        print(f"{name}/{corpus}: score_segments.py failed: {line}", file=sys.stderr)
        return p.returncode or 1
    num = {k: (float(v) if "." in v else int(v)) for k, v in vals.items()}
    agg = {"name": f"{name}/{corpus}", "scorer": "score_segments.py",
           "pages": num["pages"], "missing": num["missing"], "extra_ids": num["extra_ids"],
           "tp": num["TP"], "fp": num["FP"], "fn": num["FN"], "tn": num["TN"],
           "precision": num["P"], "recall": num["R"], "accuracy": num["acc"], "f1": num["F1"],
           "meta": {}, "noise_pages": 0, "noise_leak_pages": 0}
    seg = _load_module("score_segments", score_segments_py())
    evaldata = json.loads(Path(truth).read_text(encoding="utf8"))
    preds = {str(r["id"]): r.get("text") or "" for r in read_jsonl(pred)}
    rows = []
    for key, item in sorted(evaldata.items()):
        text = preds.get(key, "")
        missed, kept = seg.failures(item, text)
        tp, fn = len(item["with"]) - len(missed), len(missed)
        fp = len(kept)
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        rows.append({"id": key, "missing": key not in preds,
                     "f1": 2 * pr * rc / (pr + rc) if pr + rc else 0.0,
                     "precision": pr, "recall": rc, "with": len(item["with"]),
                     "without": len(item["without"]), "missed": len(missed), "kept": len(kept),
                     "true_tokens": sum(len(TOKEN_RE.findall(w)) for w in item["with"]),
                     "pred_tokens": len(TOKEN_RE.findall(text))})
    with open(out_dir / f"pages-{name}-{corpus}.jsonl", "w", encoding="utf8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    (out_dir / f"score-{name}-{corpus}.json").write_text(json.dumps(agg, indent=2, sort_keys=True))
    print(f"SUMMARY {name}/{corpus} (score_segments.py): {line}")
    return 0


TOKEN_RE = re.compile(r"\w+", re.UNICODE)  # score.py's tokens


def add_empty(out_dir, name, corpus):
    """Count the pages where the tool gave an empty text (whitespace only) while the truth has
    text; store it in score-NAME-CORPUS.json as "empty" and in the per-page rows."""
    sf = out_dir / f"score-{name}-{corpus}.json"
    pf = out_dir / f"pages-{name}-{corpus}.jsonl"
    if not (sf.exists() and pf.exists()):
        return
    texts = {str(r["id"]): r.get("text") or "" for r in read_jsonl(out_dir / f"{name}-{corpus}.jsonl")}
    rows = read_jsonl(pf)
    n = 0
    for r in rows:
        r["empty"] = (not r["missing"] and r["true_tokens"] > 0
                      and not texts.get(r["id"], "").strip())
        n += r["empty"]
    with open(pf, "w", encoding="utf8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    agg = json.loads(sf.read_text(encoding="utf8"))
    agg["empty"] = n
    sf.write_text(json.dumps(agg, indent=2, sort_keys=True))


def score(out_dir, name, bootstrap, corpora):
    out_dir = Path(out_dir)
    manifest = load_manifest(out_dir)
    procs, rc = [], 0
    for c in (c for c in CORPORA if c in corpora):
        pred = out_dir / f"{name}-{c}.jsonl"
        truth = truth_of(manifest, c)
        for stale in (out_dir / f"score-{name}-{c}.json", out_dir / f"pages-{name}-{c}.jsonl"):
            stale.unlink(missing_ok=True)
        if truth is None or not pred.exists():
            continue
        if c in SEGMENT_CORPORA:
            rc = rc or score_segments(name, c, truth, pred, out_dir)
            add_empty(out_dir, name, c)
            continue
        cmd = [sys.executable, str(score_py()), "--truth", truth, "--pred", str(pred),
               "--name", f"{name}/{c}", "-q", "--bootstrap", str(bootstrap),
               "--json-out", str(out_dir / f"score-{name}-{c}.json"),
               "--per-page-out", str(out_dir / f"pages-{name}-{c}.jsonl")]
        procs.append((c, subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)))
        while len([q for _, q in procs if q.poll() is None]) >= 2:  # two cores
            time.sleep(0.05)
    for c, p in procs:
        out, _ = p.communicate()
        sys.stdout.write(out)
        rc = rc or p.returncode
        add_empty(out_dir, name, c)
    return rc


# -------------------------------------------------------------------- worst

def load_pages(out_dir, name, corpora):
    rows = []
    for c in (c for c in CORPORA if c in corpora):
        f = Path(out_dir) / f"pages-{name}-{c}.jsonl"
        if not f.exists():
            continue
        for r in read_jsonl(f):
            r["corpus"] = c
            rows.append(r)
    return rows



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
        flags = ("MISSING " if r.get("missing") else "") + ("EMPTY " if r.get("empty") else "") \
            + " ".join(miss)
        if "missed" in r:
            flags += f"segments: {r['missed']}/{r['with']} missed, {r['kept']}/{r['without']} kept"
        print(f"{SHORT.get(r['corpus'], r['corpus']):<5} {r['id'][:44]:<44} {r['f1']:6.3f} "
              f"{r['precision']:6.3f} {r['recall']:6.3f} {r['true_tokens']:6d} "
              f"{r['pred_tokens']:6d}  {flags}")
    lowp = sum(r["precision"] < 0.9 for r in rows)
    lowr = sum(r["recall"] < 0.9 for r in rows)
    if any("missed" in r for r in rows[:n]):
        print("(tf: P/R/F1 of the page's segments; true = tokens of its \"with\" segments)")
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
        prev = {r["id"]: r for r in read_jsonl(prev_f)}
        for r in read_jsonl(cur_f):
            p = prev.get(r["id"])
            if p is None:
                continue
            meta = []
            for f in ("title", "byline", "authors", "published", "lang"):
                a, b = p.get(f + "_match"), r.get(f + "_match")
                if a is not None and b is not None and a != b:
                    meta.append(("+" if b else "-") + f)
            if p.get("empty") is not None and r.get("empty") is not None \
                    and p["empty"] != r["empty"]:
                meta.append("now-EMPTY" if r["empty"] else "no-longer-empty")
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

TOOLS = {"malgeum": "malgeum", "readability-js": "readability.js",
         "readability-lxml": "readability-lxml", "trafilatura": "trafilatura"}
META_COLS = ("title", "byline", "authors", "published", "lang")


def table(out_dir, tools, corpora, json_out, versions_file):
    """One markdown table: a row per corpus (per corpus x tool when there are several tools)."""
    out_dir = Path(out_dir)
    versions = {}
    if versions_file and Path(versions_file).exists():
        versions = json.loads(Path(versions_file).read_text(encoding="utf8"))
    result = {"date": time.strftime("%Y-%m-%d %H:%M:%S %z"), "machine": machine(),
              "versions": versions, "corpora": {}}
    try:
        in_manifest = {r["corpus"] for r in load_manifest(out_dir)}
    except FileNotFoundError:
        in_manifest = set()
    scores = {}
    for c in (c for c in CORPORA if c in corpora):
        for key in tools:
            f = out_dir / f"score-{key}-{c}.json"
            if f.exists():
                scores[c, key] = json.loads(f.read_text(encoding="utf8"))
    metas = [m for m in META_COLS
             if any((s["meta"].get(m) or {}).get("n") for s in scores.values())]
    noise = any(s.get("noise_pages") for s in scores.values())
    several = len(tools) > 1
    head = ["corpus"] + (["tool"] if several else []) + \
        ["pages", "missing", "empty", "F1", "P", "R"] + [f"{m} exact" for m in metas] + \
        (["noise leaks"] if noise else [])
    lines = ["| " + " | ".join(head) + " |",
             "|" + "|".join(["---"] * (2 if several else 1) + ["---:"] * (len(head) - (2 if several else 1))) + "|"]
    meta_n = []
    for c in (c for c in CORPORA if c in corpora):
        label_c = SHORT[c]
        if c not in in_manifest:
            lines.append(f"| {label_c} | " + ("| " if several else "") + "none yet |"
                         + " |" * (len(head) - (3 if several else 2)))
            continue
        rows = {}
        cm = {}
        for key in tools:
            s = scores.get((c, key))
            lead = [label_c] + ([TOOLS.get(key, key)] if several else [])
            if s is None:
                lines.append("| " + " | ".join(lead + ["n/a"] * (len(head) - len(lead))) + " |")
                continue
            sd = f" ± {s['f1_std']:.3f}" if s.get("f1_std") and s["pages"] > 1 else ""
            cells = lead + [str(s["pages"]), str(s["missing"]), str(s.get("empty", "?")),
                            f"{s['f1']:.3f}{sd}", f"{s['precision']:.3f}", f"{s['recall']:.3f}"]
            for m in metas:
                mm = s["meta"].get(m) or {}
                if not mm.get("n"):
                    cells.append("")
                else:
                    cm[m] = mm["n"]
                    cells.append("–" if not mm["predicted"] else f"{mm['exact_rate']:.3f}")
            if noise:
                cells.append(f"{s['noise_leak_pages']}/{s['noise_pages']}" if s.get("noise_pages") else "")
            lines.append("| " + " | ".join(cells) + " |")
            rows[TOOLS.get(key, key)] = {
                k: s.get(k) for k in ("scorer", "pages", "missing", "empty", "f1", "f1_std",
                                      "precision", "recall", "accuracy", "tp", "fp", "fn", "tn")
                if s.get(k) is not None}
            rows[TOOLS.get(key, key)]["meta"] = {
                m: {k: s["meta"][m][k] for k in ("n", "exact_rate", "loose_rate", "predicted")}
                for m in metas if (s["meta"].get(m) or {}).get("n")}
            if s.get("noise_pages"):
                rows[TOOLS.get(key, key)]["noise_leak_pages"] = s["noise_leak_pages"]
        if cm:
            meta_n.append(f"{label_c}: " + ", ".join(f"{m} {n}" for m, n in cm.items()))
        result["corpora"][c] = rows
    print("\n".join(lines))
    print("empty = pages where the tool gave an empty text while the truth has text (not counted "
          "in missing). F1/P/R: score.py (token 4-grams; F1 of mean page P and mean page R, ± "
          "bootstrap sd); tf: score_segments.py (segments found, summed over pages).")
    if metas:
        print("metadata: share of the pages whose truth has the field that the tool matches "
              "exactly (– = no value given for it on any of them); pages with that truth: "
              + "; ".join(meta_n) + ".")
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

_MODULES = {}


def _load_module(name, path):
    if name not in _MODULES:
        import importlib.util
        spec = importlib.util.spec_from_file_location(name, path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        _MODULES[name] = mod
    return _MODULES[name]


def _load_score_module():
    return _load_module("score", score_py())


def show(out_dir, name, pid, width):
    out_dir = Path(out_dir)
    manifest = load_manifest(out_dir)
    hits = [r for r in manifest if r["id"] == pid or r["id"].startswith(pid)]
    if not hits:
        sys.exit(f"no page {pid!r} in {out_dir}/manifest.jsonl")
    if len(hits) > 1 and not any(r["id"] == pid for r in hits):
        sys.exit("ambiguous: " + ", ".join(r["id"] for r in hits[:10]))
    page = next((r for r in hits if r["id"] == pid), hits[0])
    if page["corpus"] in SEGMENT_CORPORA:
        return show_segments(out_dir, name, page)
    sc = _load_score_module()
    truth = sc.load_truth(page["truth"])[page["id"]]
    pred = {}
    pf = out_dir / f"{name}-{page['corpus']}.jsonl"
    if pf.exists():
        pred = next((o for o in read_jsonl(pf) if o["id"] == page["id"]), {})
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


def show_segments(out_dir, name, page):
    seg = _load_module("score_segments", score_segments_py())
    item = json.loads(Path(page["truth"]).read_text(encoding="utf8"))[page["id"]]
    text = ""
    pf = out_dir / f"{name}-{page['corpus']}.jsonl"
    if pf.exists():
        text = next((r.get("text") or "" for r in read_jsonl(pf) if r["id"] == page["id"]), "")
    missed, kept = seg.failures(item, text)
    print(f"{page['corpus']}/{page['id']}\n  file: {page['path']}\n  url:  {page['url']}")
    print(f"  segments: {len(item['with']) - len(missed)}/{len(item['with'])} \"with\" found, "
          f"{len(kept)}/{len(item['without'])} \"without\" kept; pred_tokens="
          f"{len(TOKEN_RE.findall(text))}")
    for label, mark, segs in (("with (must appear), missing from the text [recall]", "-", missed),
                              ("without (must not appear), in the text [precision]", "+", kept)):
        print(f"\n{mark * 3} {label}: {len(segs)}")
        for x in segs:
            print(f"  {mark} {seg.norm(x)[:300]}")


# --------------------------------------------------------------------- main

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("prepare")
    a.add_argument("corpus_dir")
    a.add_argument("out_dir")
    a.add_argument("--pages", help="tests/pages (folders with a truth.json \"text\" only)")
    a = sub.add_parser("preds")
    a.add_argument("out_dir")
    a.add_argument("raw")
    a.add_argument("name")
    a.add_argument("--corpus", action="append")
    a = sub.add_parser("fill-missing")
    a.add_argument("out_dir")
    a.add_argument("binary")
    a.add_argument("raw")
    a.add_argument("--corpus", action="append")
    a = sub.add_parser("anchor")
    a.add_argument("out_dir")
    a.add_argument("name")
    a.add_argument("version")
    a.add_argument("--corpus", action="append")
    a.add_argument("--refresh", action="store_true")
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
    a.add_argument("--tool", action="append")
    a.add_argument("--corpus", action="append")
    a.add_argument("--json-out")
    a.add_argument("--versions")
    a = sub.add_parser("show")
    a.add_argument("out_dir")
    a.add_argument("name")
    a.add_argument("id")
    a.add_argument("--width", type=int, default=int(os.environ.get("COLUMNS", "160")))
    argv = list(sys.argv[1:] if argv is None else argv)
    command = []
    if "--" in argv:  # anchor ... -- CMD...
        command = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    args = ap.parse_args(argv)

    if getattr(args, "corpus", None):
        args.corpus = [CORPUS_ALIASES.get(c, c) for c in args.corpus]
        bad = [c for c in args.corpus if c not in CORPORA]
        if bad:
            sys.exit(f"unknown corpus {bad[0]} (one of: {', '.join(CORPUS_ALIASES)})")
    if args.cmd == "prepare":
        prepare(args.corpus_dir, args.out_dir, args.pages)
    elif args.cmd == "preds":
        preds(args.out_dir, args.raw, args.name, args.corpus or CORPORA)
    elif args.cmd == "fill-missing":
        fill_missing(args.out_dir, args.binary, args.raw, args.corpus or CORPORA)
    elif args.cmd == "anchor":
        if not command:
            sys.exit("anchor: no command (after --)")
        cmd = command
        sys.exit(anchor(args.out_dir, args.name, args.version, cmd, args.corpus or CORPORA,
                        args.refresh))
    elif args.cmd == "run-each":
        run_each(args.out_dir, args.binary, args.corpus or CORPORA)
    elif args.cmd == "score":
        sys.exit(score(args.out_dir, args.name, args.bootstrap, args.corpus or CORPORA))
    elif args.cmd == "worst":
        worst(args.out_dir, args.name, args.n, args.corpus or CORPORA)
    elif args.cmd == "changes":
        changes(args.out_dir, args.name, args.corpus or CORPORA, args.n)
    elif args.cmd == "table":
        table(args.out_dir, args.tool or ["malgeum"], args.corpus or CORPORA, args.json_out,
              args.versions)
    elif args.cmd == "show":
        show(args.out_dir, args.name, args.id, args.width)


if __name__ == "__main__":
    import signal
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    main()
