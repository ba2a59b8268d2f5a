#!/usr/bin/env python3
"""Turn a saved article page into a hand-labelling fixture under tests/pages/.

Usage:
    python3 scripts/page-to-fixture.py SAVED.html NAME [--url URL]

Creates tests/pages/NAME/ holding
  * source.html: the saved page with the bodies of <script> elements (all but
    JSON-LD, type="application/ld+json") and of <style> elements emptied. Every
    other byte is kept as it was, so an EUC-KR page stays EUC-KR.
  * truth.json: a skeleton whose fields are prefilled from the page's own
    metadata (url from --url, else canonical link, else og:url; title from
    og:title, else <title>; lang from <html lang>; published from
    article:published_time; site_name from og:site_name). authors, text and
    noise start empty and lesson/origin say TODO: a person fills them in by
    reading the page. Never fill them from an extractor's output.

Refuses to overwrite an existing folder. Standard library only.
"""
import argparse
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "pages"
NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# <script ...>body</script> and <style ...>body</style>, on bytes. Tag names and
# attributes are ASCII in every encoding a Korean page uses (UTF-8, EUC-KR/CP949),
# and no multibyte sequence of those encodings contains a byte below 0x80 that
# could be mistaken for '<' or '>', so working on bytes keeps the encoding intact.
RAW_RE = re.compile(rb"(<(script|style)\b[^>]*>)(.*?)(</\2\s*>)", re.I | re.S)
TYPE_RE = re.compile(rb"""\btype\s*=\s*["']?\s*application/ld\+json""", re.I)
CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


def strip_raw_bodies(data: bytes) -> bytes:
    def repl(m):
        open_tag, name = m.group(1), m.group(2).lower()
        if name == b"script" and TYPE_RE.search(open_tag):
            return m.group(0)
        return open_tag + m.group(4)

    return RAW_RE.sub(repl, data)


def sniff_encoding(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    m = CHARSET_RE.search(data[:8192])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        if name in ("euc-kr", "euckr", "ks_c_5601-1987", "ksc5601", "x-windows-949", "windows-949"):
            return "cp949"  # the superset browsers use for pages labelled EUC-KR
        try:
            "".encode(name)
            return name
        except LookupError:
            pass
    return "utf-8"


class MetaReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = {}
        self.canonical = None
        self.lang = None
        self.title = None
        self._in_title = False
        self._title_parts = []

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and self.lang is None and a.get("lang"):
            self.lang = a["lang"].strip()
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").strip().lower()
            if key and "content" in a and key not in self.meta:
                self.meta[key] = a["content"].strip()
        elif tag == "link" and self.canonical is None:
            if "canonical" in a.get("rel", "").lower().split() and a.get("href"):
                self.canonical = a["href"].strip()
        elif tag == "title" and self.title is None:
            self._in_title = True

    def handle_endtag(self, tag):
        if tag == "title" and self._in_title:
            self._in_title = False
            self.title = " ".join("".join(self._title_parts).split())

    def handle_data(self, data):
        if self._in_title:
            self._title_parts.append(data)


def normalise_offset(value: str) -> str:
    # 2025-07-22T17:02:49+0900 -> 2025-07-22T17:02:49+09:00 (same instant, ISO 8601 form)
    return re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value.strip())


def skeleton(text: str, url_arg):
    r = MetaReader()
    try:
        r.feed(text)
        r.close()
    except Exception as exc:  # a broken page still gets a skeleton
        print(f"warning: metadata parse stopped early: {exc}", file=sys.stderr)
    m = r.meta
    lang = (r.lang or "").split("-")[0].lower()
    published = m.get("article:published_time") or m.get("og:article:published_time") or ""
    return {
        "lesson": "TODO",
        "origin": "TODO <owner>/<repo>:<path>",
        "url": url_arg or r.canonical or m.get("og:url", ""),
        "title": html.unescape(m.get("og:title") or r.title or ""),
        "authors": [],
        "published": normalise_offset(published) if published else "",
        "lang": lang,
        "site_name": m.get("og:site_name", ""),
        "text": "",
        "noise": [],
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("saved", help="the saved page (.html)")
    ap.add_argument("name", help="folder name under tests/pages/, e.g. ko-donga-budget-vote")
    ap.add_argument("--url", help="the article's address, if the page does not say it")
    args = ap.parse_args(argv)

    if not NAME_RE.match(args.name):
        ap.error("NAME must be ASCII lowercase words joined by hyphens")
    dest = PAGES / args.name
    if dest.exists():
        print(f"refusing to overwrite {dest}", file=sys.stderr)
        return 1

    data = Path(args.saved).read_bytes()
    source = strip_raw_bodies(data)
    text = source.decode(sniff_encoding(source), errors="replace")
    truth = skeleton(text, args.url)

    dest.mkdir(parents=True)
    (dest / "source.html").write_bytes(source)
    (dest / "truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"wrote {dest}/source.html ({len(source)} bytes, was {len(data)}) and truth.json")
    print("now label truth.json by hand: lesson, origin, title, authors, published, text, noise")
    return 0


if __name__ == "__main__":
    sys.exit(main())
