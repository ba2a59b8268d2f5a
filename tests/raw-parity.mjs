// Raw-HTML parity: the engine must read a page's raw bytes as a browser does. For every corpus
// page, the export from the raw file must equal the export from the same page as Chromium
// serializes it (document.documentElement.outerHTML after loading the bytes from 127.0.0.1 with
// JavaScript disabled), which is what the extension hands the engine.
//
// The logic for tests/raw-parity.test.mjs, and a command of its own:
//   node tests/raw-parity.mjs [--all | --fixtures] [--keep] [--out parity-out/raw-parity.json]
//     --all   also trafilatura-dev and wceb-dev (not in the default set)
//     --fixtures  the page fixtures (tests/pages/*/source.html) instead of the corpus
//     --keep  keep both readings of every page under parity-out/html/ (raw and serialized)
//     --utf8-header  send `charset=utf-8` for pages whose bytes are valid UTF-8 (what the page's
//             own server most likely sent; the CLI reads such bytes as UTF-8 whatever they
//             declare). Not the default: by default the browser gets no charset and sniffs.
// Needs /usr/bin/chromium (scripts/setup.sh --browsers), target/release/malgeum
// (cargo build --release) and playwright-core (npm ci).
/* global document, location -- the page.evaluate function runs in the page */
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS, listCorpusPages, readPageBytes } from '../bench/corpus.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = join(ROOT, 'target', 'release', 'malgeum');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const OUT = join(ROOT, 'parity-out');

/** The export fields compared; `images` by their src lists. */
export const FIELDS = [
  'text', 'title', 'byline', 'authors', 'published', 'modified', 'lang', 'canonicalUrl', 'siteName',
  'leadImage', 'images', 'people', 'relatedArticles', 'tags', 'section', 'subtitle', 'dateline',
  'readerable', 'contentHtml',
];

// ------------------------------------------------------------------------------------ pages

/** The bundled seed page (examples/), then listCorpusPages(); with `all`, also trafilatura-dev
 *  and wceb-dev. Each: `{corpus, id, name, url, file}`. */
export function parityPages({ all = false, corpusDir = CORPUS } = {}) {
  const seedDir = join(ROOT, 'examples', 'businesspost-naver-sovereign-ai');
  const pages = [{
    corpus: 'examples',
    id: basename(seedDir),
    name: `examples/${basename(seedDir)}`,
    url: JSON.parse(readFileSync(join(seedDir, 'truth.json'), 'utf8')).url || '',
    file: join(seedDir, 'source.html'),
  }];
  pages.push(...listCorpusPages(corpusDir));
  if (all) pages.push(...extraCorpusPages(corpusDir));
  return pages;
}

/** The page fixtures, tests/pages/<name>/ (URL from each truth.json). */
export function fixturePages(dir = join(ROOT, 'tests', 'pages')) {
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'source.html')))
    .sort()
    .map((d) => ({
      corpus: 'fixtures',
      id: d,
      name: `fixtures/${d}`,
      url: JSON.parse(readFileSync(join(dir, d, 'truth.json'), 'utf8')).url || '',
      file: join(dir, d, 'source.html'),
    }));
}

/** trafilatura-dev (URL = the evaldata key when it is one) and wceb-dev (URL from its truth). */
export function extraCorpusPages(corpusDir = CORPUS) {
  const pages = [];
  const tf = join(corpusDir, 'trafilatura-dev');
  if (existsSync(join(tf, 'evaldata.json'))) {
    const evaldata = JSON.parse(readFileSync(join(tf, 'evaldata.json'), 'utf8'));
    for (const key of Object.keys(evaldata).sort()) {
      const file = join(tf, 'html', `${evaldata[key].file}.gz`);
      if (!existsSync(file)) continue;
      const url = /^https?:\/\//.test(key) ? key : '';
      pages.push({ corpus: 'trafilatura-dev', id: evaldata[key].file, name: `trafilatura-dev/${evaldata[key].file}`, url, file });
    }
  }
  const wc = join(corpusDir, 'wceb-dev');
  if (existsSync(join(wc, 'ground-truth.json'))) {
    const truth = JSON.parse(readFileSync(join(wc, 'ground-truth.json'), 'utf8'));
    for (const id of Object.keys(truth).sort()) {
      const file = join(wc, 'html', `${id}.html.gz`);
      if (existsSync(file)) pages.push({ corpus: 'wceb-dev', id, name: `wceb-dev/${id}`, url: truth[id].url || '', file });
    }
  }
  return pages;
}

// ------------------------------------------------------------------------------------ text F1

// As /work/shared/tools/score.py: tokens = \w+ (Unicode: letters, numbers, underscore; Python's
// \w also takes no combining marks), shingles = token 4-grams (fewer than 4 tokens: one shingle
// of all of them), multiset overlap.
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;

export const tokenize = (text) => (text || '').match(TOKEN_RE) || [];

export function shingles(text, n = 4) {
  const tokens = tokenize(text);
  const counts = new Map();
  if (!tokens.length) return counts;
  const add = (k) => counts.set(k, (counts.get(k) || 0) + 1);
  if (tokens.length < n) add(tokens.join('\u0001'));
  else for (let i = 0; i + n <= tokens.length; i++) add(tokens.slice(i, i + n).join('\u0001'));
  return counts;
}

/** One page's shingle F1 of `pred` against `truth` (score.py's per-page precision and recall:
 *  1 when both have the same shingles, including none). */
export function shingleF1(truth, pred) {
  const t = shingles(truth);
  const p = shingles(pred);
  let tp = 0;
  let nt = 0;
  let np = 0;
  for (const [k, c] of t) {
    nt += c;
    tp += Math.min(c, p.get(k) || 0);
  }
  for (const c of p.values()) np += c;
  const fp = np - tp;
  const fn = nt - tp;
  if (fp === 0 && fn === 0) return 1;
  const precision = np ? tp / np : 0;
  const recall = nt ? tp / nt : 0;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

// ------------------------------------------------------------------------------------ comparing

/** The compared value of a field (absent and null are the same; images by src). */
function fieldValue(article, field) {
  const v = article[field];
  if (field === 'images') return (v || []).map((i) => i.src);
  if (v === undefined) return null;
  return v;
}

const asString = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Where two strings first differ: the offset and ~80 characters of each side from a little
 *  before it. */
export function firstDifference(a, b, width = 80) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const start = Math.max(0, i - 20);
  return { at: i, raw: a.slice(start, start + width), serialized: b.slice(start, start + width) };
}

/** Compares two exports of a page: `{identical, fields, diffs, textF1}`. */
export function compareExports(raw, ser) {
  const fields = [];
  const diffs = {};
  if (raw.error || ser.error) {
    // A page refused on either side: the refusals are what is compared.
    if (raw.error !== ser.error) {
      fields.push('error');
      diffs.error = { raw: raw.error || null, serialized: ser.error || null };
    }
    return { identical: fields.length === 0, fields, diffs, textF1: raw.error && ser.error ? 1 : 0 };
  }
  for (const f of FIELDS) {
    const a = asString(fieldValue(raw, f));
    const b = asString(fieldValue(ser, f));
    if (a === b) continue;
    fields.push(f);
    diffs[f] = firstDifference(a, b);
  }
  const textF1 = fields.includes('text') ? shingleF1(raw.text, ser.text) : 1;
  return { identical: fields.length === 0, fields, diffs, textF1 };
}

// ------------------------------------------------------------------------------------ the CLI

/** One `malgeum --jsonl --url-map` run over `files` (urls[i] for files[i]): the exports, in order. */
export function runCli(files, urls, workDir) {
  const mapFile = join(workDir, `urls-${process.hrtime.bigint()}.json`);
  writeFileSync(mapFile, JSON.stringify(Object.fromEntries(files.map((f, i) => [f, urls[i]]))));
  // Exit status 1 when a page is refused: its line is then {source, error}.
  const run = spawnSync(CLI, ['--jsonl', '--url-map', mapFile, ...files], { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (run.status !== 0 && run.status !== 1) throw new Error(`malgeum exited with ${run.status}: ${run.stderr}`);
  const out = run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  if (out.length !== files.length) throw new Error(`malgeum gave ${out.length} exports for ${files.length} files`);
  return out;
}

// ------------------------------------------------------------------------------------ the browser

/** Serves `bodies[i]` at /p/i.html from 127.0.0.1 as `text/html` with no charset parameter, so the
 *  browser finds the charset in the bytes as the CLI does (or with `types[i]` when given). */
export async function startPageServer(bodies, types = []) {
  const server = http.createServer((req, res) => {
    const m = /^\/p\/(\d+)\.html$/.exec(new URL(req.url, 'http://127.0.0.1').pathname);
    const body = m ? bodies[Number(m[1])] : undefined;
    if (body === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': types[Number(m[1])] || 'text/html', 'Cache-Control': 'no-store' });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((ok) => server.close(ok)) };
}

/** The doctype as the HTML serializer writes it (name, public and system ids), so the second
 *  reading starts in the same mode (quirks or not) as the browser's. */
export function doctypeString(dt) {
  if (!dt) return '';
  let s = `<!DOCTYPE ${dt.name}`;
  if (dt.publicId) s += ` PUBLIC "${dt.publicId}"`;
  if (dt.systemId) s += `${dt.publicId ? '' : ' SYSTEM'} "${dt.systemId}"`;
  return `${s}>`;
}

export const LAUNCH_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-quic', '--no-first-run', '--disable-sync',
];

/**
 * Loads every `bodies[i]` in headless Chromium with JavaScript off and every other request
 * refused, and returns per page `{html, doctype, compatMode, charset}` (html = the doctype, if
 * any, then document.documentElement.outerHTML) or `{error}`. `offHost` lists the requests
 * the pages' markup asked for other hosts (all refused: nothing leaves 127.0.0.1).
 */
export async function serializeInChromium(bodies, { concurrency = 3, timeout = 30000, types = [] } = {}) {
  const { chromium } = await import('playwright-core');
  const server = await startPageServer(bodies, types);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
  const offHost = [];
  const results = new Array(bodies.length);
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block' });
    let next = 0;
    const worker = async () => {
      const page = await context.newPage();
      let url = '';
      // Only the page itself: no image, style sheet, frame or redirect is fetched. A navigation
      // away (<meta http-equiv="refresh">, which runs with JavaScript off) gets 204 No Content,
      // so the page's document stays (an aborted navigation would replace it by an error page).
      await page.route('**/*', (route) => {
        const req = route.request();
        const u = req.url();
        if (u === url) return route.continue();
        if (!/^https?:\/\/127\.0\.0\.1[:/]/.test(u) && /^https?:/.test(u)) offHost.push(u);
        if (req.isNavigationRequest() && req.frame() === page.mainFrame()) return route.fulfill({ status: 204, body: '' });
        return route.abort();
      });
      for (;;) {
        const i = next++;
        if (i >= bodies.length) break;
        url = `${server.origin}/p/${i}.html`;
        try {
          const resp = await page.goto(url, { waitUntil: 'load', timeout });
          if (!resp || resp.status() !== 200) throw new Error(`status ${resp && resp.status()}`);
          const got = await page.evaluate(() => ({
            html: document.documentElement ? document.documentElement.outerHTML : '',
            doctype: document.doctype
              ? { name: document.doctype.name, publicId: document.doctype.publicId, systemId: document.doctype.systemId }
              : null,
            compatMode: document.compatMode,
            charset: document.characterSet,
            href: location.href,
          }));
          if (got.href !== url) throw new Error(`the page went to ${got.href}`);
          results[i] = { html: doctypeString(got.doctype) + got.html, doctype: got.doctype, compatMode: got.compatMode, charset: got.charset };
        } catch (e) {
          results[i] = { error: String(e && e.message ? e.message : e).split('\n')[0] };
        }
      }
      await page.close();
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  } finally {
    await browser.close();
    await server.close();
  }
  return { results, offHost };
}

// ------------------------------------------------------------------------------------ the run

const isUtf8 = (bytes) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/**
 * Both readings of every page, compared. Returns the report:
 * `{pages, identical, identicalShare, lowF1, fieldCounts, seconds, perPage: [...]}`.
 */
export async function runParity({
  all = false, keep = false, utf8Header = false, concurrency = 3, pages = parityPages({ all }), log = () => {},
} = {}) {
  const t0 = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'malgeum-raw-parity-'));
  const keepDir = join(OUT, 'html');
  if (keep) mkdirSync(keepDir, { recursive: true });
  try {
    const bodies = pages.map((p) => readPageBytes(p.file));
    const slug = (p) => p.name.replace(/[^\w.-]+/g, '_');
    const rawFiles = pages.map((p, i) => {
      const f = keep ? join(keepDir, `${slug(p)}.raw.html`) : join(tmp, `${i}.raw.html`);
      writeFileSync(f, bodies[i]);
      return f;
    });
    log(`serializing ${pages.length} pages in Chromium`);
    const t1 = Date.now();
    const utf8 = bodies.map(isUtf8);
    const types = utf8Header ? utf8.map((ok) => (ok ? 'text/html; charset=utf-8' : '')) : [];
    const { results, offHost } = await serializeInChromium(bodies, { concurrency, types });
    const browserSeconds = (Date.now() - t1) / 1000;
    const serFiles = pages.map((p, i) => {
      const f = keep ? join(keepDir, `${slug(p)}.serialized.html`) : join(tmp, `${i}.serialized.html`);
      // A UTF-8 byte-order mark: the text is already decoded, whatever its <meta charset> says.
      writeFileSync(f, `\uFEFF${results[i].html ?? ''}`);
      return f;
    });
    const urls = pages.map((p) => p.url);
    const t2 = Date.now();
    const rawOut = runCli(rawFiles, urls, tmp);
    const serOut = runCli(serFiles, urls, tmp);
    const cliSeconds = (Date.now() - t2) / 1000;

    const perPage = pages.map((p, i) => {
      // charsetMismatch: the bytes are UTF-8 (so the CLI reads them as UTF-8) but the browser
      // decoded them with another charset (no declaration: the locale's windows-1252; or the
      // page's <meta charset> says something else).
      const base = {
        name: p.name,
        url: p.url,
        charset: results[i].charset,
        utf8Bytes: utf8[i],
        charsetMismatch: utf8[i] && !!results[i].charset && results[i].charset !== 'UTF-8',
        compatMode: results[i].compatMode,
      };
      if (results[i].error) return { ...base, identical: false, fields: ['browser'], textF1: 0, diffs: { browser: results[i].error } };
      return { ...base, ...compareExports(rawOut[i], serOut[i]) };
    });
    const identical = perPage.filter((r) => r.identical).length;
    const fieldCounts = {};
    for (const r of perPage) for (const f of r.fields) fieldCounts[f] = (fieldCounts[f] || 0) + 1;
    const sortedCounts = Object.fromEntries(Object.entries(fieldCounts).sort((a, b) => b[1] - a[1]));
    const lowF1 = perPage.filter((r) => r.textF1 < 0.99).map((r) => ({ name: r.name, textF1: r.textF1 }));
    return {
      serveCharset: utf8Header ? 'utf-8 when the bytes are UTF-8, else none' : 'none',
      pages: pages.length,
      identical,
      identicalShare: pages.length ? identical / pages.length : 1,
      lowF1,
      fieldCounts: sortedCounts,
      differingWithCharsetMismatch: perPage.filter((r) => !r.identical && r.charsetMismatch).length,
      // Requests the pages' markup asked for other hosts: all refused, counted for the record.
      refusedOffHost: offHost.length,
      seconds: { total: (Date.now() - t0) / 1000, browser: browserSeconds, cli: cliSeconds },
      perPage: perPage.map((r) => (r.identical ? { name: r.name, identical: true, charset: r.charset } : r)),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Writes the report (default parity-out/raw-parity.json); returns its path. */
export function writeReport(report, file = join(OUT, 'raw-parity.json')) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 1)}\n`);
  return file;
}

/** A few lines for the console. */
export function summarize(report) {
  const pct = (100 * report.identicalShare).toFixed(1);
  const lines = [
    `raw parity: ${report.pages} pages, ${report.identical} identical (${pct}%), ` +
      `${report.lowF1.length} with text F1 < 0.99; ${report.seconds.total.toFixed(1)} s ` +
      `(browser ${report.seconds.browser.toFixed(1)} s, CLI ${report.seconds.cli.toFixed(1)} s)`,
    `differing pages whose UTF-8 bytes the browser decoded as another charset: ${report.differingWithCharsetMismatch}`,
    `differing fields: ${Object.entries(report.fieldCounts).map(([f, n]) => `${f} ${n}`).join(', ') || 'none'}`,
  ];
  for (const r of report.lowF1.slice(0, 20)) lines.push(`  text F1 ${r.textF1.toFixed(4)}  ${r.name}`);
  if (report.lowF1.length > 20) lines.push(`  … and ${report.lowF1.length - 20} more`);
  lines.push(`requests for other hosts refused: ${report.refusedOffHost}`);
  return lines.join('\n');
}

/** What is missing to run: [] when chromium and the release CLI are there. */
export function missingPrerequisites() {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (scripts/setup.sh --browsers)`);
  if (!existsSync(CLI)) missing.push(`${CLI} (cargo build --release)`);
  if (!existsSync(join(ROOT, 'node_modules', 'playwright-core'))) missing.push('playwright-core (npm ci)');
  return missing;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const missing = missingPrerequisites();
  if (missing.length) {
    console.error(`raw parity: missing ${missing.join('; ')}`);
    process.exit(2);
  }
  const report = await runParity({
    ...(args.includes('--fixtures') ? { pages: fixturePages() } : {}),
    all: args.includes('--all'),
    keep: args.includes('--keep'),
    utf8Header: args.includes('--utf8-header'),
    log: (m) => console.error(m),
  });
  const file = writeReport(report, outAt >= 0 ? resolve(args[outAt + 1]) : undefined);
  console.log(summarize(report));
  console.log(`report: ${file}`);
}
