#!/usr/bin/env python3
"""List the trafilatura-dev "with" segments malgeum misses, each with where it sits in the page.

    python3 scripts/missed-segments.py [--pred eval-out/malgeum-trafilatura-dev.jsonl] [--page KEY]

Run `bash scripts/eval.sh` first (it writes the predictions). For every missed segment it prints
the page, the segment, and a guess at the cause:

  empty        malgeum gave no text for the page
  not-in-page  the segment is not in the page's text as this crude parser reads it (markup
               inside a word, text from a script, an annotation typo)
  before/after/inside  the segment lies before the first / after the last extracted paragraph,
               or between them (a block dropped from the middle)

and the element path that holds it (tag.class#id, innermost last), so kinds can be grouped:
`<pre>`, comment containers, `<noscript>`, tables, a sibling section... Standard library only.
"""
import argparse
import gzip
import html
import json
import re
from collections import Counter
from html.parser import HTMLParser

CORPUS = "../shared/corpus/trafilatura-dev"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param", "keygen"}
SKIP = {"script", "style", "template", "svg"}


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


class Texts(HTMLParser):
    """Text runs of a page, each with the path of the elements around it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.runs = []  # (text, path)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        a = dict(attrs)
        label = tag
        if a.get("class"):
            label += "." + ".".join(a["class"].split()[:3])
        if a.get("id"):
            label += "#" + a["id"]
        # Implied ends, roughly: a new <p>/<li> closes an open one of its kind.
        if tag in ("p", "li", "dt", "dd", "tr", "td", "th", "option"):
            for k in range(len(self.stack) - 1, max(-1, len(self.stack) - 4), -1):
                if self.stack[k][0] == tag:
                    del self.stack[k:]
                    break
        self.stack.append((tag, label))

    def handle_endtag(self, tag):
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k][0] == tag:
                del self.stack[k:]
                return

    def handle_data(self, data):
        if any(t in SKIP for t, _ in self.stack):
            return
        if data.strip():
            self.runs.append((data, [lbl for _, lbl in self.stack]))


def page_text(raw):
    for enc in ("utf-8", "cp1252"):
        try:
            s = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        s = raw.decode("utf-8", "replace")
    p = Texts()
    try:
        p.feed(s)
        p.close()
    except Exception:
        pass
    return p.runs


def locate(runs, needle):
    """The run where `needle` starts in the runs' joined, normalized text, or None."""
    joined, starts = [], []
    pos = 0
    for t, _ in runs:
        n = norm(t)
        starts.append(pos)
        joined.append(n)
        pos += len(n) + 1
    text = " ".join(joined)
    at = text.find(needle)
    if at < 0:
        return None, text
    k = 0
    while k + 1 < len(starts) and starts[k + 1] <= at:
        k += 1
    return k, text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pred", default="eval-out/malgeum-trafilatura-dev.jsonl")
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--page", help="only this evaldata key (or a substring of it)")
    ap.add_argument("--kept", action="store_true", help="list kept 'without' segments instead")
    args = ap.parse_args()
    data = json.load(open(f"{args.corpus}/evaldata.json", encoding="utf8"))
    preds = {}
    for line in open(args.pred, encoding="utf8"):
        if line.strip():
            row = json.loads(line)
            preds[str(row["id"])] = row.get("text") or ""
    causes = Counter()
    pages = Counter()
    for key, item in sorted(data.items()):
        if args.page and args.page not in key:
            continue
        out = norm(preds.get(key, ""))
        if args.kept:
            segs = [w for w in item["without"] if norm(w) in out]
        else:
            segs = [w for w in item["with"] if norm(w) not in out]
        if not segs:
            continue
        raw = gzip.open(f"{args.corpus}/html/{item['file']}.gz").read()
        runs = page_text(raw)
        paras = [norm(p) for p in preds.get(key, "").split("\n\n") if len(norm(p)) > 30]
        first = locate(runs, paras[0][:60])[0] if paras else None
        last = locate(runs, paras[-1][:60])[0] if paras else None
        print(f"{key}  ({item['file']})  out={len(out)} chars")
        for s in segs:
            ns = norm(html.unescape(s))
            k, _ = locate(runs, ns[:50])
            if not out:
                cause = "empty"
            elif k is None:
                cause = "not-in-page"
            elif first is not None and k < first:
                cause = "before"
            elif last is not None and k > last:
                cause = "after"
            else:
                cause = "inside"
            causes[cause] += 1
            pages[cause] += 1
            path = " > ".join(runs[k][1][-6:]) if k is not None else ""
            print(f"  [{cause}] {ns[:100]!r}\n      {path}")
    print()
    for c, n in causes.most_common():
        print(f"{c}: {n}")


if __name__ == "__main__":
    main()
