// Anchor: @mozilla/readability (npm devDependency) on linkedom, over the pages of an
// eval-out/manifest.jsonl written by scripts/eval/evaltool.py prepare.
//   node scripts/eval/anchor-readability.mjs eval-out/manifest.jsonl > raw.jsonl
// One JSON object per page: {"source", "contentHtml", "title", "byline", "published", "lang",
// "ms"}. The body text is made from contentHtml by evaltool.py with score.py's own html_text
// (newline at block boundaries, the way the corpus truth is made), not from textContent, which
// glues words across blocks. The page bytes are decoded as a browser would (a BOM, else a
// <meta charset> in the first 1024 bytes, else UTF-8 when they are valid UTF-8, else
// windows-1252): trafilatura-dev keeps pages in their own encodings.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";

const require = createRequire(import.meta.url);
const version = require("@mozilla/readability/package.json").version;

const manifest = process.argv[2];
if (!manifest) {
  console.error("usage: anchor-readability.mjs MANIFEST.jsonl [--corpus C]...");
  process.exit(2);
}
const corpora = [];
for (let i = 3; i < process.argv.length; i++) {
  if (process.argv[i] === "--corpus") corpora.push(process.argv[++i]);
}
const pages = readFileSync(manifest, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l))
  .filter((p) => corpora.length === 0 || corpora.includes(p.corpus));

function decode(bytes) {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 1024));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head);
  let label = m ? m[1].toLowerCase() : null;
  if (label && /^utf-16/.test(label)) label = "utf-8";
  if (label === "x-user-defined") label = "windows-1252";
  if (label) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // unknown label: as if there were none
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

function splitNames(byline) {
  return byline
    .split(/\s*(?:,|;|\band\b|&)\s*/)
    .map((s) => s.trim())
    .filter(Boolean);
}

const out = [];
let failed = 0;
for (const page of pages) {
  const row = { source: page.path };
  try {
    const html = decode(readFileSync(page.path));
    const t0 = performance.now();
    let { document } = parseHTML(html);
    // linkedom does not imply <html> and <body> as browsers do: a page that starts with, say,
    // a <table> becomes a document whose root is that table, and Readability.js then fails.
    // Such pages are parsed again inside an <html><body> of their own.
    if (!document.documentElement || document.documentElement.tagName !== "HTML") {
      ({ document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`));
    }
    // Readability resolves links against documentURI/baseURI; linkedom has no URL of its own.
    // trafilatura-dev's label keys ("hard::<file>") are no URL: none then.
    if (/^https?:\/\//.test(page.url)) {
      try {
        Object.defineProperty(document, "documentURI", { value: page.url, configurable: true });
        Object.defineProperty(document, "baseURI", { value: page.url, configurable: true });
      } catch {
        // not essential for the text
      }
    }
    const article = new Readability(document).parse();
    row.ms = +(performance.now() - t0).toFixed(2);
    if (article) {
      row.contentHtml = article.content || "";
      row.title = article.title || null;
      row.byline = article.byline || null;
      // Readability.js has no author list: its byline stands in (scored on the seed only).
      row.authors = row.byline ? splitNames(row.byline) : null;
      row.published = article.publishedTime || null;
      row.lang = article.lang || null;
    } else {
      row.contentHtml = "";
      row.readerable = false;
    }
  } catch (e) {
    failed++;
    row.error = String(e && e.message ? e.message : e).slice(0, 300);
  }
  out.push(JSON.stringify(row));
}
process.stdout.write(out.join("\n") + "\n");
console.error(`readability.js ${version}: ${pages.length} pages, ${failed} failed`);
