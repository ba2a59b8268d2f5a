#!/usr/bin/env python3
"""Anchor: trafilatura (PyPI, pinned in requirements-anchors.txt, run from .venv) over the
pages of an eval-out/manifest.jsonl written by evaltool.py prepare.

    .venv/bin/python scripts/eval/anchor_trafilatura.py eval-out/manifest.jsonl > raw.jsonl

One JSON object per page: {"source", "text", "title", "byline", "published", "lang", "ms"}.
Defaults of trafilatura.bare_extraction (its own precision/recall balance), comments excluded
from the body; the page bytes are given as read so that trafilatura finds the charset itself.
"""
import json
import re
import sys
import time
from concurrent.futures import ProcessPoolExecutor

import trafilatura
from trafilatura import bare_extraction


def one(page):
    row = {"source": page["path"]}
    try:
        with open(page["path"], "rb") as f:
            data = f.read()
        t0 = time.perf_counter()
        # trafilatura-dev's label keys ("hard::<file>") are no URL: none then.
        url = page["url"] if page["url"].startswith(("http://", "https://")) else None
        doc = bare_extraction(data, url=url, with_metadata=True,
                              include_comments=False)
        row["ms"] = round((time.perf_counter() - t0) * 1000, 2)
        if doc is None:
            row["text"] = ""
            row["readerable"] = False
            return row
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        row["text"] = d.get("text") or ""
        row["title"] = d.get("title")
        row["byline"] = d.get("author")
        # No author list in trafilatura: its author string, split, stands in (seed only).
        row["authors"] = [a.strip() for a in re.split(r"\s*(?:,|;|\band\b|&)\s*",
                                                      row["byline"]) if a.strip()] \
            if row["byline"] else None
        row["published"] = d.get("date")
        row["lang"] = d.get("language")
    except Exception as e:  # one bad page must not sink the run
        row["error"] = f"{type(e).__name__}: {e}"[:300]
    return row


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit("usage: anchor_trafilatura.py MANIFEST.jsonl [--corpus C]... [--jobs N]")
    corpora, jobs = [], 1
    i = 1
    while i < len(args):
        if args[i] == "--corpus":
            corpora.append(args[i + 1])
            i += 2
        elif args[i] == "--jobs":
            jobs = int(args[i + 1])
            i += 2
        else:
            sys.exit(f"unknown argument {args[i]}")
    with open(args[0], encoding="utf8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    pages = [p for p in pages if not corpora or p["corpus"] in corpora]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as ex:
            rows = list(ex.map(one, pages, chunksize=4))
    else:
        rows = [one(p) for p in pages]
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))
    failed = sum(1 for r in rows if r.get("error"))
    print(f"trafilatura {trafilatura.__version__}: {len(rows)} pages, {failed} failed",
          file=sys.stderr)


if __name__ == "__main__":
    main()
