// Serves the browser tests' pages from 127.0.0.1 only (never the network).
// Routes: /seed.html (bundled businesspost example), /seed-csp.html (same page with a strict
// Content-Security-Policy header), /large.html (a generated article page with ~100,000 nodes of
// page chrome around it), /huge.html (about 8 MB, for the engine's memory),
// /html5-charrefs.html (character references HTML 4 lacks), and every file under
// tests/browser/pages/ by name.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const seedPage = path.join(root, 'examples/businesspost-naver-sovereign-ai/source.html');

// A large page: a real-length article inside ~100,000 elements of navigation, lists and comments.
function largePage() {
  const words = ['tide', 'harbour', 'turbine', 'estuary', 'council', 'engineers', 'sediment', 'grid', 'monitoring', 'habitat'];
  const sentence = (i) => `Paragraph ${i} of the report notes that the ${words[i % 10]} and the ${words[(i * 3) % 10]} were studied for years before the decision, and that the findings, published in full, run to several hundred pages.`;
  const parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Large page: the estuary report - Harbour Gazette</title>',
    '<meta property="og:title" content="Large page: the estuary report"><meta name="author" content="Morgan Ellis"></head><body>'];
  parts.push('<nav class="mega-menu"><ul>');
  for (let i = 0; i < 20000; i++) parts.push(`<li class="menu-item"><a href="/section/${i}"><span>Section ${i}</span></a></li>`);
  parts.push('</ul></nav><main><article><h1>Large page: the estuary report</h1><p class="byline">By Morgan Ellis</p>');
  for (let i = 0; i < 120; i++) parts.push(`<p>${sentence(i)}</p>`);
  parts.push('<p>The last paragraph of the large report says the estuary will be watched for a decade.</p></article></main>');
  parts.push('<section class="comments">');
  for (let i = 0; i < 13000; i++) parts.push(`<div class="comment"><b>reader${i}</b><p>comment ${i}</p></div>`);
  parts.push('</section><footer>© Harbour Gazette</footer></body></html>');
  return parts.join('\n');
}

// An article with 2,000 figures (images without a size, lazy in the page: data-src only), to
// count how many the reader asks for when it opens. Images are /img/N.svg, answered below.
function manyImagesPage() {
  const parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Two thousand photographs of the estuary - Harbour Gazette</title>',
    '<meta name="author" content="Morgan Ellis"></head><body><main><article><h1>Two thousand photographs of the estuary</h1>'];
  for (let i = 0; i < 2000; i++) {
    parts.push(`<p>Photograph ${i} of the survey shows the mudflats at low tide, where the council's engineers counted birds, measured sediment and logged the water level for the archive.</p>`);
    parts.push(`<figure><img data-src="/img/${i}.svg" alt="Survey photograph ${i}"><figcaption>Survey photograph ${i}</figcaption></figure>`);
  }
  parts.push('<p>The last photograph of the survey was taken at dusk.</p></article></main></body></html>');
  return parts.join('\n');
}

// An article longer than the reader's sanitizer budget (200,000 nodes): 70,000 paragraphs.
function longArticlePage() {
  const parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>The complete estuary record - Harbour Gazette</title>',
    '<meta name="author" content="Morgan Ellis"></head><body><main><article><h1>The complete estuary record</h1>'];
  for (let i = 0; i < 70000; i++) parts.push(`<p>Entry ${i}: the tide gauge read <b>${i % 97}</b> centimetres, as it was logged.</p>`);
  parts.push('<p>FINAL ENTRY OF THE RECORD.</p></article></main></body></html>');
  return parts.join('\n');
}

// A huge page (about 8 MB): a short article inside a very long run of page chrome. The engine's
// wasm memory grows to several times that while it reads it; the extension then drops the
// instance, so that the memory goes back (README, Robustness).
function hugePage() {
  const parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Huge page: the tide tables - Harbour Gazette</title>',
    '<meta name="author" content="Morgan Ellis"></head><body><nav class="mega-menu"><ul>'];
  for (let i = 0; i < 60000; i++) parts.push(`<li class="menu-item"><a href="/section/${i}"><span>Section ${i} of the harbour archive</span></a></li>`);
  parts.push('</ul></nav><main><article><h1>Huge page: the tide tables</h1>');
  for (let i = 0; i < 40; i++) parts.push(`<p>Paragraph ${i} of the tide tables explains, at some length and with care, how the readings were taken, checked and published.</p>`);
  parts.push('<p>The tide tables end with the spring tides of the year.</p></article></main><section class="comments">');
  for (let i = 0; i < 30000; i++) parts.push(`<div class="comment"><b>reader${i}</b><p>comment number ${i} on the tables</p></div>`);
  parts.push('</section><footer>© Harbour Gazette</footer></body></html>');
  return parts.join('\n');
}

// An article written with named character references that HTML 4 does not have (`&percnt;`,
// `&lpar;`, `&DoubleRightArrow;`…): the wasm build's table has only HTML 4's names, and the
// page must still read in full, because the browser decoded them before the engine sees the page.
function html5CharrefsPage() {
  const para = (i) => `<p>Section ${i} of the levy rules sets the rate at 12&percnt; &lpar;up from 9&percnt;&rpar; for every berth, and the council publishes the figures each quarter &DoubleRightArrow; in the harbour bulletin&period;</p>`;
  const parts = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour levy rises to 12&percnt; - Harbour Gazette</title>',
    '<meta name="author" content="Morgan Ellis"></head><body><main><article><h1>Harbour levy rises to 12&percnt;</h1><p class="byline">By Morgan Ellis</p>'];
  for (let i = 1; i <= 6; i++) parts.push(para(i));
  parts.push('<p>The new rate applies from April&comma; the council said&excl;</p></article></main></body></html>');
  return parts.join('\n');
}

const IMAGE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450"><rect width="800" height="450" fill="#c9ced6"/></svg>';

const routes = {
  '/large.html': { generate: largePage },
  '/huge.html': { generate: hugePage },
  '/many-images.html': { generate: manyImagesPage },
  '/long-article.html': { generate: longArticlePage },
  '/html5-charrefs.html': { generate: html5CharrefsPage },
  '/seed.html': { file: seedPage },
  '/seed-csp.html': { file: seedPage, headers: { 'Content-Security-Policy': "script-src 'self'" } },
};

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
};

function routeFor(urlPath) {
  if (routes[urlPath]) return routes[urlPath];
  const name = path.basename(urlPath);
  if (name && /^[\w.-]+$/.test(name)) return { file: path.join(here, 'pages', name) };
  return null;
}

export async function startServer(port = 0) {
  const hits = []; // every request's path, in order (tests count the images asked for)
  const server = http.createServer(async (req, res) => {
    const urlPath = new URL(req.url, 'http://127.0.0.1').pathname;
    hits.push(urlPath);
    if (/^\/img\/\d+\.svg$/.test(urlPath)) {
      res.writeHead(200, { 'Content-Type': types['.svg'], 'Cache-Control': 'no-store' });
      res.end(IMAGE_SVG);
      return;
    }
    const route = routeFor(urlPath);
    try {
      if (!route) throw new Error('no route');
      const body = route.generate ? (route.body ??= route.generate()) : await readFile(route.file);
      const type = route.generate ? types['.html'] : types[path.extname(route.file)] || 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type, ...(route.headers || {}) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, hits, close: () => new Promise((resolve) => server.close(resolve)) };
}

// `node tests/browser/server.mjs [port]` serves until killed (for looking at pages by hand).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { origin } = await startServer(Number(process.argv[2] || 8089));
  console.log(`serving ${origin}`);
}
