// Toggle-to-reader-visible through the real extension: the unpacked test build (dist/test) in
// headless Debian chromium, on every page of ../shared/corpus served from 127.0.0.1 with page
// scripts off. A benchmark command, not a test: it asserts nothing about time.
//
//   node bench/toggle.mjs                       all 222 pages, 5 toggles of each
//   node bench/toggle.mjs --reps 9 --filter yahoo --limit 20 --out bench-out/x.json
//   node bench/toggle.mjs --timeout 30          per-page budget in seconds (default 15)
//   node bench/toggle.mjs --no-breakdown        skip the per-page outerHTML/engine timings
//   node bench/toggle.mjs --compare DIR         A/B: also an other unpacked build (B), interleaved
//
// With --compare each page is measured with both builds, each in a browser of its own, one after
// the other and in alternating order (A then B, B then A), so that both see the same machine load;
// each build gets its summary, then the ratios B/A of the first toggle's and later toggles'
// median and p95.
//
// Needs /usr/bin/chromium ($CHROMIUM) and the unpacked test build from `./build.sh --test`
// (dist/test, or $MALGEUM_EXT_DIR: its 127.0.0.1 host permission lets the bench drive the
// extension without the toolbar click that grants activeTab), and npm's playwright-core.
//
// How a page is measured: it is served from 127.0.0.1 with a Content-Security-Policy
// `script-src 'none'` (everything else 'self'; the server answers 404 to every other path), so no
// script of the page runs and the time is the extension's, not the page's; a page's own <meta>
// CSP is made inert as in bench/browser.mjs. Requests for any other host are aborted (and no
// name but 127.0.0.1 resolves). Each page gets a tab of its own and, as in
// tests/browser/chromium.test.mjs, the popup `extension/popup.html?tab=<id>` in a window of its
// own (the page stays the visible tab of its window and keeps painting frames), one popup per
// tab. Then, --reps times: `#toggle` is clicked in the popup (the real path: popup -> background
// injects the content script the first time, snapshots document.documentElement.outerHTML, runs
// the wasm engine, inserts the hiding CSS, calls show()), and the time is taken, with the
// chromium test's definition, from the click event in the popup to the task after the first
// animation frame after #malgeum-reader entered the page's DOM (both clocks are
// performance.timeOrigin + performance.now()); "in DOM" is the click to the insertion. The reader
// is then toggled off the same way and the bench waits until it is gone. Per page the median of
// the reps is kept (the first toggle, which injects the content script, counts as one of them
// and is also reported apart). A page the engine declares not an article (the popup says so and
// no reader opens) is counted apart and left out of the timings. After the toggles, unless
// --no-breakdown, the popup page takes the same snapshot through chrome.scripting (timing
// outerHTML in the page and the round trip) and runs the same wasm extract() on it (median of 3
// after a warm-up), to tell where a slow page's time goes. A page that does not finish within
// the budget counts as a failure and the run goes on.
//
// Printed and written to bench-out/toggle.json: the seed page's median, the largest corpus page
// (by HTML bytes) with its size and median, the median and p95 over article pages of the per-page
// medians (bar: p95 <= 100 ms), the slowest pages, not-article pages and failures.
// Exit code 0 when the run happened (whatever the numbers), 1 when it could not start.
/* global window, document, chrome, location, MutationObserver, requestAnimationFrame */ // run in the page or popup
import { createServer } from "node:http";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CORPUS, listCorpusPages, pageCsp, pageResponse, readPageBytes } from "./corpus.mjs";
import { median, quantile, r2 } from "./stats.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const EXT = resolve(process.env.MALGEUM_EXT_DIR || join(ROOT, "dist", "test"));
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const BAR_P95_MS = 100;

const args = {
  reps: 5,
  filter: "",
  limit: 0,
  out: join(ROOT, "bench-out", "toggle.json"),
  timeout: 15,
  breakdown: true,
  compare: null,
};
for (let i = 2; i < process.argv.length; i++) {
  const a = process.argv[i];
  const val = () => process.argv[++i];
  if (a === "--reps") args.reps = Math.max(1, parseInt(val(), 10) || 1);
  else if (a === "--filter") args.filter = val() || "";
  else if (a === "--limit") args.limit = parseInt(val(), 10) || 0;
  else if (a === "--out") args.out = resolve(val());
  else if (a === "--timeout") args.timeout = Math.max(1, parseFloat(val()) || 15);
  else if (a === "--no-breakdown") args.breakdown = false;
  else if (a === "--compare") args.compare = resolve(val());
  else if (a === "-h" || a === "--help") {
    console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n/* global")[0]);
    process.exit(0);
  } else {
    console.error(`unknown argument ${a} (see --help)`);
    process.exit(2);
  }
}
const BUDGET = args.timeout * 1000;

function setupFailure(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}
if (!existsSync(join(EXT, "manifest.json"))) setupFailure(`no unpacked test build at ${EXT}: run ./build.sh --test first`);
if (args.compare && !existsSync(join(args.compare, "manifest.json"))) setupFailure(`no unpacked build at ${args.compare} (--compare)`);
if (!existsSync(CHROMIUM)) setupFailure(`${CHROMIUM} missing: run scripts/setup.sh --browsers`);

// ------------------------------------------------------------------- pages
let pages = listCorpusPages().filter((p) => !args.filter || `${p.corpus}/${p.id}`.includes(args.filter));
if (args.limit > 0) pages = pages.slice(0, args.limit);
if (pages.length === 0) setupFailure(`no pages under ${CORPUS}${args.filter ? ` matching "${args.filter}"` : ""}`);
const byPath = new Map();
for (const p of pages) {
  p.path = `/p/${p.corpus}/${p.id}.html`;
  p.bytes = readPageBytes(p.file).length;
  byPath.set(p.path, p);
}

// ------------------------------------------------------------------ server
// No script of the page runs; styles and images only from the server itself (which has none).
const CSP = pageCsp("'none'");

const server = createServer((req, res) => {
  const path = decodeURI(new URL(req.url, "http://127.0.0.1").pathname);
  const page = byPath.get(path);
  if (!page) {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
    return;
  }
  const { body, type, metaCspInert } = pageResponse(page.file);
  if (metaCspInert) page.metaCspInert = true;
  res.writeHead(200, { "content-type": type, "content-security-policy": CSP, "cache-control": "no-store" });
  res.end(body);
});
try {
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", ok);
  });
} catch (e) {
  setupFailure(`cannot serve on 127.0.0.1: ${e.message}`);
}
const origin = `http://127.0.0.1:${server.address().port}`;

// ----------------------------------------------------------------- browser
const isLocal = (u) => {
  const url = new URL(u);
  return url.hostname === "127.0.0.1" || ["chrome-extension:", "data:", "blob:", "about:", "chrome:"].includes(url.protocol);
};
// Requests for other hosts, aborted: while a page loads (its own links) and while the reader is
// open (the article's images, which the reader asks for from the extension's isolated world).
const offHost = { load: 0, reader: 0 };
let phase = "load";

// The chromium test's launch: headless, no sandbox, no background traffic, only the extension.
async function launch(ext) {
  const userDir = mkdtempSync(join(tmpdir(), "malgeum-toggle-"));
  let ctx;
  try {
    ctx = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1000, height: 860 },
      ignoreDefaultArgs: ["--disable-extensions"],
      env: { ...process.env, LANGUAGE: "en_US", LANG: "en_US.UTF-8", LC_ALL: "" },
      args: [
        "--lang=en-US",
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-sync",
        "--disable-background-networking",
        "--disable-component-update",
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        `--disable-extensions-except=${ext}`,
        `--load-extension=${ext}`,
      ],
    });
    const b = { ctx, userDir, closed: false };
    ctx.on("close", () => {
      b.closed = true;
    });
    await ctx.route((url) => !isLocal(url.href), (route) => {
      offHost[phase]++;
      return route.abort("blockedbyclient");
    });
    const sw =
      ctx.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://")) ||
      (await ctx.waitForEvent("serviceworker", { timeout: 15000 }));
    b.extId = new URL(sw.url()).host;
    const first = ctx.pages()[0] || (await ctx.newPage());
    b.cdp = await ctx.newCDPSession(first); // opens the popups in windows of their own
    b.version = (await b.cdp.send("Browser.getVersion")).product.replace(/^\D*\//, "");
    b.extVersion = await sw.evaluate(() => chrome.runtime.getManifest().version);
    return b;
  } catch (e) {
    if (ctx) await ctx.close().catch(() => {});
    rmSync(userDir, { recursive: true, force: true });
    throw e;
  }
}

async function shutdown(b) {
  if (!b) return;
  await b.ctx.close().catch(() => {});
  rmSync(b.userDir, { recursive: true, force: true });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(fn, what, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

function worker(b) {
  const sw = b.ctx.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${b.extId}/`));
  if (!sw) throw new Error("the extension's service worker is gone");
  return sw;
}

// ------------------------------------------------------ in the page / popup
// Runs in the page: resolves, without polling, when #malgeum-reader is in the DOM and a frame
// has been produced with it (the chromium test's definition), or with null after limitMs.
function armPage(limitMs) {
  window.__mgShown = new Promise((resolve) => {
    const now = () => performance.timeOrigin + performance.now();
    const timer = setTimeout(() => {
      obs.disconnect();
      resolve(null);
    }, limitMs);
    const obs = new MutationObserver(() => {
      if (!document.getElementById("malgeum-reader")) return;
      obs.disconnect();
      const inserted = now();
      // The frame that shows it: the next animation frame, then the task after it.
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          clearTimeout(timer);
          resolve({ inserted, shown: now() });
        };
        ch.port2.postMessage(0);
      });
    });
    obs.observe(document.documentElement, { childList: true });
  });
}

// Runs in the popup: stamps the click on #toggle and resolves when the popup has the answer
// (it re-enables the button after showing the state and any message), or after limitMs.
function armPopup(limitMs) {
  const button = document.getElementById("toggle");
  const status = document.getElementById("status");
  status.textContent = "";
  status.dataset.kind = "";
  window.__mgClick = null;
  button.addEventListener("click", () => { window.__mgClick = performance.timeOrigin + performance.now(); }, { capture: true, once: true });
  window.__mgOp = new Promise((resolve) => {
    const done = (timeout) => {
      obs.disconnect();
      clearTimeout(timer);
      resolve({
        timeout,
        click: window.__mgClick,
        answered: performance.timeOrigin + performance.now(),
        pressed: button.getAttribute("aria-pressed"),
        kind: status.dataset.kind,
        text: status.textContent,
        notArticleText: chrome.i18n.getMessage("notArticle"),
      });
    };
    const timer = setTimeout(() => done(true), limitMs);
    const obs = new MutationObserver(() => {
      if (window.__mgClick && !button.disabled) done(false);
    });
    obs.observe(button, { attributes: true, attributeFilter: ["disabled"] });
  });
}

// Runs in the page: true once the reader element is gone (null after limitMs).
function readerGone(limitMs) {
  return new Promise((resolve) => {
    if (!document.getElementById("malgeum-reader")) return resolve(true);
    const timer = setTimeout(() => {
      obs.disconnect();
      resolve(null);
    }, limitMs);
    const obs = new MutationObserver(() => {
      if (document.getElementById("malgeum-reader")) return;
      obs.disconnect();
      clearTimeout(timer);
      resolve(true);
    });
    obs.observe(document.documentElement, { childList: true });
  });
}

// Runs in the popup: the background's snapshot step (outerHTML in the page's isolated world, and
// the round trip through chrome.scripting), then the same wasm extract() as the background.
async function breakdown({ tabId, runs }) {
  const t0 = performance.now();
  const [r] = await chrome.scripting.executeScript({
    target: { tabId },
    func: () => {
      const t = performance.now();
      const html = document.documentElement.outerHTML;
      return { html, url: location.href, ms: performance.now() - t };
    },
  });
  const snapshot = performance.now() - t0;
  const { html, url, ms } = r.result;
  const m = await import(chrome.runtime.getURL("pkg/malgeum.js"));
  await m.default({ module_or_path: chrome.runtime.getURL("pkg/malgeum_bg.wasm") });
  const times = [];
  let a = null;
  for (let i = 0; i <= runs; i++) {
    const t = performance.now();
    a = m.extract(html, url, { markdown: false });
    if (i > 0) times.push(performance.now() - t);
  }
  times.sort((x, y) => x - y);
  return {
    htmlChars: html.length,
    outerHTML: ms,
    snapshot,
    engine: times[Math.floor(times.length / 2)],
    readerable: a.readerable !== false,
    reason: a.readerable === false ? String(a.reason || "") : undefined,
    textChars: (a.text || "").length,
  };
}

// --------------------------------------------------------------- one page
async function tabIdOf(b, url) {
  return waitFor(
    () =>
      worker(b).evaluate(async (u) => {
        const t = (await chrome.tabs.query({})).find((x) => x.url === u);
        return t ? t.id : null;
      }, url),
    `the tab id of ${url}`,
    5000,
  );
}

async function openPopup(b, tabId, h) {
  const url = `chrome-extension://${b.extId}/extension/popup.html?tab=${tabId}`;
  const [popup] = await Promise.all([
    b.ctx.waitForEvent("page", { predicate: (p) => p.url() === url, timeout: BUDGET }),
    b.cdp.send("Target.createTarget", { url, newWindow: true }),
  ]);
  h.popup = popup;
  await popup.waitForSelector("#toggle:not([disabled])", { timeout: BUDGET });
  return popup;
}

// One toggle click in the popup; the popup's answer.
async function clickToggle(popup) {
  await popup.evaluate(armPopup, BUDGET);
  await popup.click("#toggle", { timeout: BUDGET });
  const op = await popup.evaluate(() => window.__mgOp);
  if (op.timeout) throw new Error("the popup got no answer to the toggle");
  return op;
}

async function measurePage(b, p, row, h) {
  const page = await b.ctx.newPage();
  h.page = page;
  await page.goto(origin + p.path, { waitUntil: "load", timeout: BUDGET });
  const tabId = await tabIdOf(b, page.url());
  h.tabId = tabId;
  const popup = await openPopup(b, tabId, h);
  if ((await popup.getAttribute("#toggle", "aria-pressed")) !== "false") throw new Error("the popup says the reader is already open");
  const visible = [];
  const inDom = [];
  const answered = [];
  const closing = [];
  const phases = [];
  phase = "reader";
  for (let i = 0; i < args.reps; i++) {
    await page.evaluate(armPage, BUDGET);
    const on = await clickToggle(popup);
    if (on.pressed !== "true") {
      if (on.kind === "error" && on.text === on.notArticleText) {
        row.notArticle = true;
        return;
      }
      throw new Error(`the reader did not open: ${on.text || "no message"}`);
    }
    const shown = await page.evaluate(() => window.__mgShown);
    if (!shown) throw new Error("the popup says open but the reader never showed");
    visible.push(shown.shown - on.click);
    inDom.push(shown.inserted - on.click);
    phases.push(await worker(b).evaluate(() => {
      const d = Object.getOwnPropertyDescriptor(globalThis, "__malgeumDiag");
      return d && d.value.lastToggle ? { ...d.value.lastToggle } : null;
    }).catch(() => null));
    answered.push(on.answered - on.click);
    const off = await clickToggle(popup);
    if (off.pressed !== "false") throw new Error(`the reader did not close: ${off.text || "no message"}`);
    if (!(await page.evaluate(readerGone, BUDGET))) throw new Error("the reader element stayed in the page");
    closing.push(off.answered - off.click);
    await sleep(30); // let the page go quiet between toggles
  }
  row.reps = visible.map(r2);
  row.median = r2(median(visible));
  row.first = r2(visible[0]);
  row.firstInDom = r2(inDom[0]);
  row.firstFrame = r2(visible[0] - inDom[0]);
  row.laterFrame = r2(median(visible.slice(1).map((x, i) => x - inDom[i + 1])));
  if (phases[0]) row.firstPhases = roundPhases(phases[0]);
  const later = phases.slice(1).filter(Boolean);
  if (later.length) row.laterPhases = roundPhases(Object.fromEntries(Object.keys(later[0]).map((k) => [k, medianOf(later.map((x) => x[k]))])));
  row.inDom = r2(median(inDom));
  row.popupAnswer = r2(median(answered));
  row.close = r2(median(closing));
}

// The background's own stamps of a toggle's phases (ms): begin (the snapshot's round trip;
// beginParts: [snapshot, saving the scroll positions] in the page), engine, css (insertCSS), show
// (the round trip that builds the reader; build: [building, attaching up to the focus, which
// computes its style, the rest] in the page), html (characters).
function medianOf(xs) {
  if (Array.isArray(xs[0])) return xs[0].map((_, i) => median(xs.map((x) => x[i])));
  return median(xs);
}
function roundPhases(p) {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.map(r2) : r2(v)]));
}

async function closeHandles(h) {
  if (h.popup) await h.popup.close().catch(() => {});
  if (h.page) await h.page.close().catch(() => {});
}

// Rejects after ms; the caller closes what the work opened, which makes its pending calls fail.
async function withBudget(ms, work, what) {
  let timer;
  const limit = new Promise((_, fail) => {
    timer = setTimeout(() => fail(new Error(`${what} timed out after ${ms / 1000} s`)), ms);
  });
  work.catch(() => {});
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

const errText = (e) => String(e && e.message ? e.message : e).split("\n")[0].slice(0, 300);

// -------------------------------------------------------------- the run
const arms = [{ label: "A", ext: EXT }];
if (args.compare) arms.push({ label: "B", ext: args.compare });
for (const arm of arms) {
  try {
    arm.b = await launch(arm.ext);
  } catch (e) {
    for (const x of arms) await shutdown(x.b);
    server.close();
    setupFailure(`cannot start chromium with the extension ${arm.ext}: ${errText(e)}`);
  }
  arm.rows = [];
  arm.relaunches = 0;
  arm.aborted = null;
  arm.offHost = { load: 0, reader: 0 };
}
const browserVersion = arms[0].b.version;
const extVersion = arms[0].b.extVersion;
console.error(
  `bench: chromium ${browserVersion}, extension ${extVersion} from ${EXT}${args.compare ? ` (A) and ${args.compare} (B)` : ""}, ${pages.length} pages, ` +
    `${args.reps} toggles each, ${args.timeout} s budget per page`,
);

async function runPage(arm, p) {
  const row = { page: p.name, bytes: p.bytes };
  arm.rows.push(row);
  if (arm.aborted) {
    row.error = arm.aborted;
    return;
  }
  if (arm.b.closed) {
    // The browser went away (crash): start another one and go on.
    await shutdown(arm.b);
    try {
      arm.b = await launch(arm.ext);
      arm.relaunches++;
    } catch (e) {
      arm.aborted = `browser gone and could not be restarted: ${errText(e)}`;
      row.error = arm.aborted;
      return;
    }
  }
  const b = arm.b;
  const h = {};
  phase = "load";
  const seen = { ...offHost };
  try {
    await withBudget(BUDGET, measurePage(b, p, row, h), "the page");
  } catch (e) {
    row.error = errText(e);
  }
  if (args.breakdown && h.popup && !h.popup.isClosed() && h.tabId != null && !row.error) {
    try {
      const r = await withBudget(BUDGET, h.popup.evaluate(breakdown, { tabId: h.tabId, runs: 3 }), "the breakdown");
      row.breakdown = {
        htmlChars: r.htmlChars,
        outerHTML: r2(r.outerHTML),
        snapshot: r2(r.snapshot),
        engine: r2(r.engine),
        readerable: r.readerable,
        textChars: r.textChars,
      };
      if (!r.readerable) row.breakdown.reason = r.reason;
    } catch (e) {
      row.breakdownError = errText(e);
    }
  }
  if (p.metaCspInert) row.metaCspInert = true;
  await closeHandles(h);
  for (const k of Object.keys(offHost)) arm.offHost[k] += offHost[k] - seen[k];
}

const t0 = Date.now();
for (const [i, p] of pages.entries()) {
  for (const arm of i % 2 ? [...arms].reverse() : arms) await runPage(arm, p);
  if ((i + 1) % 25 === 0) console.error(`bench: ${i + 1}/${pages.length} pages, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
for (const arm of arms) await shutdown(arm.b);
server.close();

// ------------------------------------------------------------- summary
const stat = (v) => ({ pages: v.length, median: r2(median(v)), p95: r2(quantile(v, 0.95)), max: r2(v.length ? Math.max(...v) : null) });
const fmt = (x) => (x == null ? "n/a" : x.toFixed(1));
const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const verdict = (r) => (!r ? null : r.error ? `failed: ${r.error}` : r.notArticle ? "not an article" : null);

// Summarizes and prints one build's rows.
function report(arm) {
  const rows = arm.rows;
  const offHost = arm.offHost;
  const relaunches = arm.relaunches;
  const timed = rows.filter((r) => typeof r.median === "number");
  const notArticles = rows.filter((r) => r.notArticle);
  const failures = rows.filter((r) => r.error);
  const pick = (k) => timed.map((r) => r[k]).filter((x) => typeof x === "number");
  function phaseStats(key) {
    const rs = timed.map((r) => r[key]).filter(Boolean);
    if (!rs.length) return null;
    const out = {};
    for (const k of ["begin", "engine", "css", "show"]) out[k] = stat(rs.map((x) => x[k]).filter((x) => typeof x === "number"));
    const parts = (field, names) => {
      const xs = rs.map((x) => x[field]).filter(Array.isArray);
      if (xs.length) names.forEach((n, i) => { if (n) out[n] = stat(xs.map((x) => x[i]).filter((v) => typeof v === "number")); });
    };
    parts("build", ["show.build", "show.attach", "show.rest"]);
    parts("beginParts", ["begin.snapshot", "begin.saveView"]);
    return out;
  }
  const seedRow = rows.find((r) => r.page.startsWith("seed/"));
  const largestPage = pages.reduce((a, x) => (x.bytes > a.bytes ? x : a), pages[0]);
  const largestRow = rows.find((r) => r.page === largestPage.name);
  const slowest = [...timed].sort((x, y) => y.median - x.median).slice(0, 5);
  const summary = {
    pages: rows.length,
    timed: timed.length,
    notArticle: notArticles.length,
    failed: failures.length,
    visible: stat(pick("median")),
    inDom: stat(pick("inDom")),
    first: stat(pick("first")),
    later: stat(timed.map((r) => median(r.reps.slice(1))).filter((x) => typeof x === "number")),
    firstInDom: stat(pick("firstInDom")),
    firstFrame: stat(pick("firstFrame")),
    laterFrame: stat(pick("laterFrame")),
    firstPhases: phaseStats("firstPhases"),
    laterPhases: phaseStats("laterPhases"),
    close: stat(pick("close")),
    bar: { p95MaxMs: BAR_P95_MS, met: timed.length ? quantile(pick("median"), 0.95) <= BAR_P95_MS : null },
    seed: seedRow ? { page: seedRow.page, bytes: seedRow.bytes, median: seedRow.median ?? null, reps: seedRow.reps ?? null, note: verdict(seedRow) } : null,
    largest: largestRow ? { page: largestRow.page, bytes: largestRow.bytes, median: largestRow.median ?? null, reps: largestRow.reps ?? null, note: verdict(largestRow) } : null,
    slowest: slowest.map((r) => ({ page: r.page, median: r.median, inDom: r.inDom, bytes: r.bytes, breakdown: r.breakdown })),
    offHostRequestsAborted: offHost,
    browserRestarts: relaunches,
  };

  const line = (label, r) => {
    if (!r) return;
    const why = verdict(r);
    console.log(`${label} ${r.page} (${kb(r.bytes)}): ${why || `median ${fmt(r.median)} ms (reps ${r.reps.map(fmt).join(", ")}; in DOM ${fmt(r.inDom)} ms)`}`);
  };
  console.log(`${arms.length > 1 ? `[${arm.label}] ${arm.ext}\n` : ""}toggle-to-visible through the popup, per-page median of ${args.reps} (ms): click -> reader in the DOM -> next frame`);
  line("seed page:", seedRow);
  line("largest page:", largestRow);
  const v = summary.visible;
  console.log(
    `over ${v.pages} article pages: median ${fmt(v.median)}, p95 ${fmt(v.p95)}, max ${fmt(v.max)} ms` +
      `   (bar: p95 <= ${BAR_P95_MS} ms: ${summary.bar.met === null ? "n/a" : summary.bar.met ? "met" : "missed"})`,
  );
  console.log(
    `  first toggle on a page (injects the content script): median ${fmt(summary.first.median)}, p95 ${fmt(summary.first.p95)} ms; ` +
      `click -> in DOM: median ${fmt(summary.inDom.median)}, p95 ${fmt(summary.inDom.p95)} ms; toggle off: median ${fmt(summary.close.median)} ms`,
  );
  console.log(
    `  later toggles (2nd to last): median ${fmt(summary.later.median)}, p95 ${fmt(summary.later.p95)} ms; ` +
      `first toggle click -> in DOM: median ${fmt(summary.firstInDom.median)}, p95 ${fmt(summary.firstInDom.p95)}; ` +
      `in DOM -> frame: first median ${fmt(summary.firstFrame.median)}, p95 ${fmt(summary.firstFrame.p95)}, later median ${fmt(summary.laterFrame.median)}, p95 ${fmt(summary.laterFrame.p95)} ms`,
  );
  for (const [label, ph] of [["first", summary.firstPhases], ["later", summary.laterPhases]]) {
    if (!ph) continue;
    console.log(`  ${label} toggle phases (median / p95 ms): ` + Object.entries(ph).map(([k, x]) => `${k} ${fmt(x.median)}/${fmt(x.p95)}`).join(", "));
}
  console.log(
    `not an article (excluded): ${notArticles.length}` +
      (notArticles.length ? ` (${notArticles.slice(0, 5).map((r) => r.page).join(", ")}${notArticles.length > 5 ? ", ..." : ""})` : ""),
  );
  console.log(`failed: ${failures.length}`);
  for (const r of failures.slice(0, 10)) console.log(`  ${r.page}: ${r.error}`);
  if (failures.length > 10) console.log(`  ... (${failures.length - 10} more in the JSON)`);
  if (slowest.length) {
    console.log("slowest pages (ms visible / in DOM / outerHTML / snapshot round trip / wasm extract, HTML size):");
    for (const r of slowest) {
      const bd = r.breakdown || {};
      console.log(
        `  ${fmt(r.median).padStart(7)} ${fmt(r.inDom).padStart(7)} ${fmt(bd.outerHTML).padStart(6)} ${fmt(bd.snapshot).padStart(6)} ` +
          `${fmt(bd.engine).padStart(6)} ${kb(r.bytes).padStart(8)}  ${r.page}`,
      );
    }
  }
  if (offHost.load || offHost.reader) {
    console.log(`requests for other hosts aborted: ${offHost.load} while pages loaded, ${offHost.reader} from open readers (images)`);
  }
  if (relaunches) console.log(`chromium restarted ${relaunches} time(s)`);
  return summary;
}

for (const arm of arms) arm.summary = report(arm);
let comparison = null;
if (arms.length > 1) {
  const [a, b] = arms.map((x) => x.summary);
  const ratio = (x, y) => (x && y ? r2(y / x) : null);
  comparison = {
    firstMedian: ratio(a.first.median, b.first.median),
    firstP95: ratio(a.first.p95, b.first.p95),
    laterMedian: ratio(a.later.median, b.later.median),
    laterP95: ratio(a.later.p95, b.later.p95),
  };
  console.log(
    `B/A: first toggle median ${fmt(comparison.firstMedian)}, p95 ${fmt(comparison.firstP95)}; ` +
      `later toggles median ${fmt(comparison.laterMedian)}, p95 ${fmt(comparison.laterP95)}`,
  );
}

const result = {
  date: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model },
  browser: `chromium ${browserVersion}`,
  extension: { dir: EXT, version: extVersion },
  compare: args.compare ? { dir: args.compare, summary: arms[1].summary, comparison, pages: arms[1].rows } : null,
  reps: args.reps,
  timeoutSeconds: args.timeout,
  filter: args.filter || null,
  limit: args.limit || null,
  method:
    "page from 127.0.0.1 with CSP script-src 'none'; one tab per page and popup.html?tab=<id> in its own window; " +
    "time = click event on #toggle in the popup -> task after the first animation frame after #malgeum-reader " +
    "entered the page's DOM; per-page median of reps (first toggle included); not-article pages excluded; " +
    "summary over pages of per-page medians",
  summary: arms[0].summary,
  pages: arms[0].rows,
};
mkdirSync(dirname(args.out), { recursive: true });
writeFileSync(args.out, JSON.stringify(result, null, 2) + "\n");
console.error(`bench: wrote ${args.out} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
