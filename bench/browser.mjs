// Browser speed: the engine in wasm next to Readability.js, in one headless chromium, on every
// page of ../shared/corpus served from 127.0.0.1 with page scripts off.
//
//   node bench/browser.mjs                      all 222 pages, 9 timed runs of each per page
//   node bench/browser.mjs --reps 15 --filter yahoo --limit 20 --out bench-out/x.json
//   node bench/browser.mjs --pkg DIR            another wasm-bindgen --target web build
//
// Needs /usr/bin/chromium (scripts/setup.sh --browsers), npm devDependencies (playwright-core,
// @mozilla/readability) and, for the engine's column, pkg/malgeum.js + pkg/malgeum_bg.wasm from
// ./build.sh (without pkg/ only Readability.js is timed).
//
// How a page is measured: it is served from 127.0.0.1 with a Content-Security-Policy that allows
// scripts from the benchmark's own /__bench/ path only (`script-src http://127.0.0.1:PORT/__bench/
// 'wasm-unsafe-eval'`, everything else 'self'), and the server answers 404 to every other path:
// no inline script, event handler or script file of the page runs, and nothing leaves the machine.
// A page's own <meta http-equiv="Content-Security-Policy"> is renamed so that it cannot forbid the
// benchmark's wasm (it would stack on ours). The benchmark's code runs
// through page.evaluate (DevTools, not subject to the CSP) and loads the engine and Readability.js
// with dynamic import() from /__bench/, which adds nothing to the page's DOM. Then, in the same
// tab, interleaved (the order alternates every run), after one untimed warm-up of each:
//   ours        `document.documentElement.outerHTML` -> wasm `extract(html, url)` -> JS object
//   readability `new Readability(document.cloneNode(true)).parse()`
//   outerHTML   `document.documentElement.outerHTML` alone (for scale)
// Per page the median of the runs is kept. Printed and written to bench-out/browser.json: the
// median and p95 over pages of those per-page medians, and the median per-page ratio
// readability/ours (bars: ratio >= 2.5, ours p95 <= 25 ms).
/* global document */ // measure() runs in the page
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CORPUS, listCorpusPages, pageCsp, pageResponse } from "./corpus.mjs";
import { median, quantile, r2 } from "./stats.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

const args = {
  reps: 9,
  filter: "",
  limit: 0,
  out: join(ROOT, "bench-out", "browser.json"),
  pkg: process.env.MALGEUM_PKG || join(ROOT, "pkg"),
};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const val = () => process.argv[++i];
  if (a === "--reps") args.reps = Math.max(1, parseInt(val(), 10));
  else if (a === "--filter") args.filter = val();
  else if (a === "--limit") args.limit = parseInt(val(), 10);
  else if (a === "--out") args.out = resolve(val());
  else if (a === "--pkg") args.pkg = resolve(val());
  else if (a === "--no-wasm") args.noWasm = true;
  else if (a === "-h" || a === "--help") {
    console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\nimport ")[0]);
    process.exit(0);
  } else {
    console.error(`unknown argument ${a} (see --help)`);
    process.exit(2);
  }
}

// ------------------------------------------------------------------- pages
let pages = listCorpusPages().filter((p) => !args.filter || `${p.corpus}/${p.id}`.includes(args.filter));
if (args.limit > 0) pages = pages.slice(0, args.limit);
if (pages.length === 0) {
  console.error(`no pages under ${CORPUS}`);
  process.exit(1);
}
const byPath = new Map();
for (const p of pages) {
  p.path = `/p/${p.corpus}/${p.id}.html`;
  byPath.set(p.path, p);
}

// ------------------------------------------------------------------ assets
const pkgJs = join(args.pkg, "malgeum.js");
const pkgWasm = join(args.pkg, "malgeum_bg.wasm");
const haveWasm = !args.noWasm && existsSync(pkgJs) && existsSync(pkgWasm);
if (!haveWasm && !args.noWasm) {
  console.error("bench: pkg/malgeum.js or pkg/malgeum_bg.wasm missing (run ./build.sh): timing Readability.js only");
}
const readabilityJs = join(ROOT, "node_modules", "@mozilla", "readability", "Readability.js");
const readabilityVersion = JSON.parse(
  readFileSync(join(ROOT, "node_modules", "@mozilla", "readability", "package.json"), "utf8"),
).version;
const assets = {
  // Readability.js is a classic script; as a module it exports the class.
  "/__bench/readability.mjs": () => [
    "text/javascript",
    readFileSync(readabilityJs, "utf8") + "\nexport default Readability;\n",
  ],
};
if (haveWasm) {
  assets["/__bench/malgeum.js"] = () => ["text/javascript", readFileSync(pkgJs)];
  assets["/__bench/malgeum_bg.wasm"] = () => ["application/wasm", readFileSync(pkgWasm)];
}

// Scripts only from /__bench/ (a path-restricted source), nothing from elsewhere.
let CSP = "";
const makeCsp = (origin) => pageCsp(`${origin}/__bench/ 'wasm-unsafe-eval'`);

const server = createServer((req, res) => {
  const path = decodeURI(new URL(req.url, "http://127.0.0.1").pathname);
  const page = byPath.get(path);
  if (page) {
    const { body, type, metaCspInert } = pageResponse(page.file);
    if (metaCspInert) page.metaCspInert = true;
    res.writeHead(200, { "content-type": type, "content-security-policy": CSP, "cache-control": "no-store" });
    res.end(body);
    return;
  }
  if (assets[path]) {
    const [type, body] = assets[path]();
    res.writeHead(200, { "content-type": type, "cache-control": "no-store" });
    res.end(body);
    return;
  }
  res.writeHead(404, { "content-type": "text/plain" });
  res.end("not found");
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const origin = `http://127.0.0.1:${server.address().port}`;
CSP = makeCsp(origin);

// ------------------------------------------------------------- in the page
// Runs in the page through page.evaluate; must be self-contained.
async function measure({ reps, url, haveWasm, origin }) {
  // Absolute URLs: a page's <base href> must not redirect the imports.
  const { default: Readability } = await import(`${origin}/__bench/readability.mjs`);
  let extract = null;
  if (haveWasm) {
    const m = await import(`${origin}/__bench/malgeum.js`);
    await m.default({ module_or_path: `${origin}/__bench/malgeum_bg.wasm` });
    extract = m.extract;
  }
  const ours = () => extract(document.documentElement.outerHTML, url);
  const theirs = () => new Readability(document.cloneNode(true)).parse();
  const outer = () => document.documentElement.outerHTML.length;
  const out = {
    ours: [],
    readability: [],
    outerHTML: [],
    first: {},
    htmlChars: document.documentElement.outerHTML.length,
  };
  const time = (fn, into) => {
    const t0 = performance.now();
    const r = fn();
    into.push(performance.now() - t0);
    return r;
  };
  // First (cold) call of each, timed apart: a user toggles reader mode once per page.
  const first = { ours: [], readability: [], outerHTML: [] };
  try {
    const a = extract ? time(ours, first.ours) : null;
    if (a) {
      out.oursResult = { title: a.title ?? null, textChars: (a.text || "").length, readerable: a.readerable ?? null };
    }
  } catch (e) {
    out.oursError = String(e && e.message ? e.message : e).slice(0, 300);
    extract = null;
  }
  const b = time(theirs, first.readability);
  out.readabilityResult = b ? { title: b.title ?? null, textChars: (b.textContent || "").length } : null;
  time(outer, first.outerHTML);
  for (const k of Object.keys(first)) out.first[k] = first[k].length ? first[k][0] : null;
  for (let i = 0; i < reps; i++) {
    const order = i % 2 === 0 ? [0, 1, 2] : [2, 1, 0];
    for (const k of order) {
      if (k === 0 && extract) time(ours, out.ours);
      else if (k === 1) time(theirs, out.readability);
      else if (k === 2) time(outer, out.outerHTML);
    }
  }
  return out;
}

// -------------------------------------------------------------- the run

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--headless=new", "--no-sandbox", "--disable-background-networking", "--disable-component-update"],
});
const browserVersion = browser.version();
const context = await browser.newContext();
const tab = await context.newPage();
const consoleErrors = [];
tab.on("pageerror", (e) => consoleErrors.push(String(e).slice(0, 200)));

console.error(
  `bench: chromium ${browserVersion}, ${pages.length} pages, ${args.reps} runs each` +
    (haveWasm ? "" : " (Readability.js only)"),
);
const rows = [];
const t0 = Date.now();
for (const [i, p] of pages.entries()) {
  const row = { page: `${p.corpus}/${p.id}` };
  try {
    await tab.goto(origin + p.path, { waitUntil: "load", timeout: 30000 });
    const r = await tab.evaluate(measure, { reps: args.reps, url: p.url, haveWasm, origin });
    row.htmlChars = r.htmlChars;
    row.ours = r2(median(r.ours));
    row.readability = r2(median(r.readability));
    row.outerHTML = r2(median(r.outerHTML));
    if (row.ours && row.readability) row.ratio = r2(median(r.readability) / median(r.ours));
    row.first = { ours: r2(r.first.ours), readability: r2(r.first.readability), outerHTML: r2(r.first.outerHTML) };
    if (row.first.ours && row.first.readability) row.first.ratio = r2(r.first.readability / r.first.ours);
    if (r.oursResult) row.oursResult = r.oursResult;
    if (r.oursError) row.oursError = r.oursError;
    row.readabilityResult = r.readabilityResult;
    if (p.metaCspInert) row.metaCspInert = true;
  } catch (e) {
    row.error = String(e && e.message ? e.message : e).split("\n")[0].slice(0, 300);
  }
  rows.push(row);
  if ((i + 1) % 25 === 0) console.error(`bench: ${i + 1}/${pages.length} pages, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
await browser.close();
server.close();

const col = (k) => rows.map((r) => r[k]).filter((x) => typeof x === "number");
const summary = {};
for (const k of ["ours", "readability", "outerHTML"]) {
  const v = col(k);
  summary[k] = { pages: v.length, median: r2(median(v)), p95: r2(quantile(v, 0.95)), max: r2(v.length ? Math.max(...v) : null) };
}
summary.ratio_readability_over_ours = { median: r2(median(col("ratio"))), p5: r2(quantile(col("ratio"), 0.05)) };
const colFirst = (k) => rows.map((r) => r.first?.[k]).filter((x) => typeof x === "number");
summary.first_call = {};
for (const k of ["ours", "readability", "outerHTML"]) {
  const v = colFirst(k);
  summary.first_call[k] = { pages: v.length, median: r2(median(v)), p95: r2(quantile(v, 0.95)) };
}
summary.first_call.ratio_readability_over_ours = { median: r2(median(colFirst("ratio"))) };

const fmt = (x) => (x == null ? "n/a" : x.toFixed(2));
console.log(`${"per-page medians (ms)".padEnd(26)} ${"median".padStart(8)} ${"p95".padStart(8)} ${"max".padStart(8)}  pages`);
for (const [k, label] of [
  ["ours", "malgeum (outerHTML+wasm)"],
  ["readability", `Readability.js ${readabilityVersion}`],
  ["outerHTML", "outerHTML alone"],
]) {
  const s = summary[k];
  console.log(`${label.padEnd(26)} ${fmt(s.median).padStart(8)} ${fmt(s.p95).padStart(8)} ${fmt(s.max).padStart(8)}  ${s.pages}`);
}
console.log(
  `median per-page ratio Readability.js / malgeum: ${fmt(summary.ratio_readability_over_ours.median)}` +
    "   (bars: ratio >= 2.5, malgeum p95 <= 25 ms)",
);
const fc = summary.first_call;
console.log(
  `first (cold) call per page, median/p95 ms: malgeum ${fmt(fc.ours.median)}/${fmt(fc.ours.p95)}, ` +
    `Readability.js ${fmt(fc.readability.median)}/${fmt(fc.readability.p95)}, ` +
    `median ratio ${fmt(fc.ratio_readability_over_ours.median)}`,
);
const failed = rows.filter((r) => r.error || r.oursError);
if (failed.length) {
  console.log(`${failed.length} page(s) with errors, e.g. ${failed[0].page}: ${failed[0].error || failed[0].oursError}`);
}
const slow = rows.filter((r) => typeof r.ours === "number").sort((a, b) => b.ours - a.ours).slice(0, 5);
if (slow.length) {
  console.log("slowest pages for malgeum (ms ours / readability / outerHTML, KB):");
  for (const r of slow) {
    console.log(`  ${fmt(r.ours).padStart(7)} ${fmt(r.readability).padStart(7)} ${fmt(r.outerHTML).padStart(6)} ${(r.htmlChars / 1e3).toFixed(0).padStart(6)}  ${r.page}`);
  }
}

const result = {
  date: new Date().toISOString(),
  machine: { cores: (await import("node:os")).cpus().length, cpu: (await import("node:os")).cpus()[0]?.model },
  browser: `chromium ${browserVersion}`,
  readability: readabilityVersion,
  wasm: haveWasm ? { bytes: readFileSync(pkgWasm).length } : null,
  reps: args.reps,
  filter: args.filter || null,
  method:
    "same tab, interleaved, one warm-up; page served from 127.0.0.1 with CSP script-src <origin>/__bench/ " +
    "'wasm-unsafe-eval' (no page script runs); per-page median of reps; summary over pages of per-page medians",
  summary,
  pageErrors: consoleErrors.slice(0, 20),
  pages: rows,
};
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, JSON.stringify(result, null, 2) + "\n");
console.error(`bench: wrote ${args.out}`);
