#!/usr/bin/env python3
"""Anchor: readability-lxml (PyPI, pinned in requirements-anchors.txt, run from .venv) over the
pages of an eval-out/manifest.jsonl written by evaltool.py prepare.

    .venv/bin/python scripts/eval/anchor_readability_lxml.py eval-out/manifest.jsonl > raw.jsonl

One JSON object per page: {"source", "contentHtml", "title", "ms"}. Document(page bytes, url)
with its defaults: the bytes are given as read, so that readability-lxml finds the charset
itself; .summary(html_partial=True) is the content HTML, whose text evaltool.py makes with
score.py's html_text as for Readability.js; .short_title() is the title. It gives no byline,
date or language.
"""
import json
import logging
import sys
import time
from importlib.metadata import version

from readability import Document


# readability-lxml logs a traceback for a page it cannot read; the error is in the output row.
logging.getLogger("readability.readability").setLevel(logging.CRITICAL)


def one(page):
    row = {"source": page["path"]}
    try:
        with open(page["path"], "rb") as f:
            data = f.read()
        t0 = time.perf_counter()
        url = page["url"] if page["url"].startswith(("http://", "https://")) else None
        doc = Document(data, url=url)
        row["contentHtml"] = doc.summary(html_partial=True) or ""
        row["title"] = doc.short_title() or None
        row["ms"] = round((time.perf_counter() - t0) * 1000, 2)
    except Exception as e:  # one bad page must not sink the run
        row["error"] = f"{type(e).__name__}: {e}"[:300]
    return row


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit("usage: anchor_readability_lxml.py MANIFEST.jsonl [--corpus C]...")
    corpora = [args[i + 1] for i in range(1, len(args) - 1) if args[i] == "--corpus"]
    with open(args[0], encoding="utf8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    pages = [p for p in pages if not corpora or p["corpus"] in corpora]
    failed = 0
    for p in pages:
        r = one(p)
        failed += bool(r.get("error"))
        print(json.dumps(r, ensure_ascii=False), flush=False)
    print(f"readability-lxml {version('readability-lxml')}: {len(pages)} pages, {failed} failed",
          file=sys.stderr)


if __name__ == "__main__":
    main()
