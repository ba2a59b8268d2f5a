// Anchor: @mozilla/readability (npm devDependency) on linkedom, over the pages of an
// eval-out/manifest.jsonl written by scripts/eval/evaltool.py prepare.
//   node scripts/eval/anchor-readability.mjs eval-out/manifest.jsonl > raw.jsonl
// One JSON object per page: {"source", "contentHtml", "title", "byline", "published", "lang",
// "ms"}. The body text is made from contentHtml by evaltool.py with score.py's own html_text
// (newline at block boundaries, the way the corpus truth is made), not from textContent, which
// glues words across blocks.
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
    const html = readFileSync(page.path, "utf8");
    const t0 = performance.now();
    const { document } = parseHTML(html);
    // Readability resolves links against documentURI/baseURI; linkedom has no URL of its own.
    try {
      Object.defineProperty(document, "documentURI", { value: page.url, configurable: true });
      Object.defineProperty(document, "baseURI", { value: page.url, configurable: true });
    } catch {
      // not essential for the text
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
