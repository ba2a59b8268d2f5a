// Background (Chrome: module service worker; Firefox: module event page). It owns the engine:
// Chromium refuses wasm compiled in a content script on pages with a strict CSP, so the content
// script sends the live HTML here and gets the export back.
//
// The message protocol (commands and answers) and the settings are in shared.js. Every call into
// the page goes through call(): the content script answers {ok: true, ...}, and anything else
// (a throw, no answer, a malformed answer) is a failure after which the page is restored and
// the user told. Failures carry a kind (shared.js ERROR), decided where they happen: the
// browser refusing to script the tab is 'unavailable', a bad answer from the page 'page', the
// engine 'engine'.
// The keyboard command 'toggle-reader' toggles the active tab.
// The extension makes no network request: the wasm is loaded from the extension's own files.
import init, { extract, dropInstance } from '../pkg/malgeum.js';
import './shared.js';

const { normalizeSettings, failure, failed, errorText, ERROR, COMMANDS, AUTO_SITES, siteOf, normalizeSites } =
  Object.getOwnPropertyDescriptor(globalThis, 'MalgeumShared').value;

const api = globalThis.browser ?? globalThis.chrome;

const CONTENT_FILES = ['extension/shared.js', 'extension/speech.js', 'extension/reader-css.js', 'extension/sanitize.js', 'extension/content.js'];
// User-origin stylesheet: the page's own CSS (even !important, inline or animated) cannot
// override it, and it changes no node of the page. It shows exactly one element: <html>'s last
// child, and only if it carries the random attribute of this opening (the reader's host; the
// content script keeps it last). Everything else under <html> is hidden, <head> included; the
// root and the host are reset (`all: initial`: no opacity, filter, transform, clip, mask, zoom
// or writing mode of the page's), and no generated content is painted on either.
const hidePageCss = (token) => `
:root > :not([data-${token}]), :root > [data-${token}]:not(:last-child) { display: none !important; }
:root { all: initial !important; display: block !important; overflow: auto !important; zoom: 1 !important; }
:root > [data-${token}]:last-child { all: initial !important; display: block !important; zoom: 1 !important; }
:root::before, :root::after, :root > [data-${token}]::before, :root > [data-${token}]::after { content: none !important; display: none !important; }
:root::backdrop { display: none !important; }
`;
const TOKEN_RE = /^[a-z0-9]{8,40}$/;
const newToken = () => `mg${[...crypto.getRandomValues(new Uint8Array(10))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
// Notices the content script may ask the background to show after closing the reader.
const CLOSE_NOTICES = new Set(['readerTampered']);

// ---- engine ----

// The engine. The .wasm is compiled once per background lifetime and the compiled module kept;
// the instance is made from it. A wasm memory never shrinks, and a huge page leaves the instance
// at its peak (about 10x the input): when a call leaves the memory above LARGE_MEMORY, the
// instance is dropped (build.sh's dropInstance() in the glue) and the next call makes a fresh
// one from the kept module, which takes a few milliseconds and no compiling.
const LARGE_MEMORY = 32 * 1024 * 1024; // bytes; the corpus's largest page (1.6 MB) peaks near 16 MB
let wasmModule = null;
let engineReady = null;
const engineStats = { instances: 0, drops: 0, peakMemory: 0, lastMemory: 0 };

// What the tests and the toggle benchmark read (extension code only reaches this global): the
// engine's instances and memory, and the phases of the last toggle.
const diag = {
  lastToggle: null,
  engine: () => ({ ...engineStats, live: engineReady !== null }),
};
Object.defineProperty(globalThis, '__malgeumDiag', { value: diag });

async function compileEngine() {
  if (!wasmModule) {
    const url = api.runtime.getURL('pkg/malgeum_bg.wasm');
    try {
      wasmModule = await WebAssembly.compileStreaming(fetch(url));
    } catch {
      wasmModule = await WebAssembly.compile(await (await fetch(url)).arrayBuffer());
    }
  }
  return wasmModule;
}

function engine() {
  if (!engineReady) {
    const ready = compileEngine().then((module) => init({ module_or_path: module })).then((exports) => {
      engineStats.instances++;
      return exports;
    });
    engineReady = ready;
    ready.catch(() => {
      if (engineReady === ready) engineReady = null; // let a later call try again
    });
  }
  return engineReady;
}

// Runs the engine; the instance it ran in is dropped afterwards if its memory grew too large.
// Between the await and the call nothing else runs, so the instance cannot go in between; an
// instance dropped while this call waited for it is waited for again.
async function extractNow(html, url, markdown) {
  let exports;
  for (;;) {
    const ready = engine();
    exports = await ready;
    if (ready === engineReady) break;
  }
  try {
    return extract(html, url, { markdown });
  } finally {
    const bytes = exports.memory.buffer.byteLength;
    engineStats.lastMemory = bytes;
    engineStats.peakMemory = Math.max(engineStats.peakMemory, bytes);
    if (bytes > LARGE_MEMORY) {
      dropInstance();
      engineReady = null;
      engineStats.drops++;
    }
  }
}

// The wasm's first run is its slowest (baseline code, cold caches): when the popup opens, the
// engine runs once on a small made-up article, so that the user's first toggle does not pay it.
let engineWarm = null;
function warmEngine() {
  if (!engineWarm) {
    engineWarm = engine().then(() => {
      const p = '<p>The council said on Monday that the harbour would reopen, and the <a href="/a">report</a> agreed, with <b>figures</b> for every quay.</p>';
      const page = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Warm-up - Gazette</title>' +
        '<meta name="author" content="A. Writer"><meta property="article:published_time" content="2025-01-01T09:00:00Z"></head><body>' +
        `<nav><ul>${'<li><a href="/s">Section</a></li>'.repeat(20)}</ul></nav><main><article><h1>Warm-up</h1>` +
        `${p.repeat(30)}<figure><img src="/i.jpg" alt="x"><figcaption>Caption</figcaption></figure><h2>More</h2>${p.repeat(10)}` +
        `</article></main><aside class="related"><ul>${'<li><a href="/r">Related</a></li>'.repeat(10)}</ul></aside><footer>© Gazette</footer></body></html>`;
      return extractNow(page, 'https://warm.invalid/a', false);
    }).catch(() => {
      engineWarm = null;
    });
  }
  return engineWarm;
}

async function runEngine(html, url, markdown) {
  let article;
  try {
    article = await extractNow(html, url, !!markdown);
  } catch (e) {
    throw failure(ERROR.engine, errorText(e));
  }
  if (!article || typeof article !== 'object') throw failure(ERROR.engine, 'the engine returned nothing');
  return article;
}

// ---- helpers ----

// Runs `func` in the tab (the extension's isolated world) and returns its result as it is.
// The browser refusing to run it (about:, chrome:, the web stores, a closed tab) is
// 'unavailable'; a throw in the page is the page's failure.
async function inTab(tabId, func, args = []) {
  let res;
  try {
    [res] = await api.scripting.executeScript({ target: { tabId }, func, args });
  } catch (e) {
    throw failure(ERROR.unavailable, errorText(e));
  }
  if (res && res.error) throw failure(ERROR.page, errorText(res.error));
  return res ? res.result : undefined;
}

async function inject(tabId) {
  try {
    await api.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
  } catch (e) {
    throw failure(ERROR.unavailable, errorText(e));
  }
}

// Calls the content script's API in the page. The API is found as an own property of the
// isolated world's global (a page's named properties, <div id="__malgeum">, are never own
// properties there). Every answer must be {ok: true, ...}: no answer, a malformed one (Chromium
// resolves a throwing func with {result: null}) or {ok: false} is an error.
const callInPage = async (name, args) => {
  const d = Object.getOwnPropertyDescriptor(globalThis, '__malgeum');
  const m = d && d.value;
  if (!m || typeof m[name] !== 'function') return { loaded: false };
  try {
    return { loaded: true, answer: await m[name](...args) };
  } catch (e) {
    return { loaded: true, answer: { ok: false, error: String((e && e.message) || e) } };
  }
};

function answerOf(reply, name) {
  const a = reply && reply.answer;
  if (!a || typeof a !== 'object' || a.ok !== true) {
    throw failure(ERROR.page, a && typeof a === 'object' && typeof a.error === 'string' ? a.error : `no answer from the page (${name})`);
  }
  return a;
}

// Calls `name` on the content script, injecting it first if the tab does not have it yet (one
// round trip to the page when it does). With `inject: false` a tab without it answers null.
async function call(tabId, name, args = [], { inject: load = true } = {}) {
  let reply = await inTab(tabId, callInPage, [name, args]);
  if (!reply || typeof reply !== 'object') throw failure(ERROR.page, `no answer from the page (${name})`);
  if (!reply.loaded) {
    if (!load) return null;
    await inject(tabId);
    reply = await inTab(tabId, callInPage, [name, args]);
    if (!reply || !reply.loaded) throw failure(ERROR.page, 'the reader scripts did not load');
  }
  return answerOf(reply, name);
}

// What the reader shows of the export: the rest (full text, images[], people[], related
// articles, …) would only lengthen the message to the page.
const READER_FIELDS = [
  'contentHtml', 'title', 'subtitle', 'siteName', 'section', 'byline', 'authors', 'published',
  'lang', 'dir', 'url', 'canonicalUrl', 'leadImage', 'notes', 'copyright', 'stats',
];
function readerView(article) {
  const view = Object.fromEntries(READER_FIELDS.map((k) => [k, article[k]]));
  // The reader looks at the start of the text only (for Hangul when the language is unknown).
  view.text = typeof article.text === 'string' ? article.text.slice(0, 400) : '';
  return view;
}

const hideCss = (tabId, token) => ({ target: { tabId }, css: hidePageCss(token), origin: 'USER' });

async function readSettings() {
  try {
    const { settings } = await api.storage.sync.get('settings');
    return normalizeSettings(settings);
  } catch {
    return normalizeSettings(null);
  }
}

// One operation per tab at a time: a double click must not open two readers.
const locks = new Map();
function withTabLock(tabId, fn) {
  const prev = locks.get(tabId) || Promise.resolve();
  const next = prev.catch(() => {}).then(fn);
  const tail = next.catch(() => {});
  locks.set(tabId, tail);
  tail.then(() => {
    if (locks.get(tabId) === tail) locks.delete(tabId);
  });
  return next;
}

// ---- operations ----

// The page is shown again before the reader goes: removing the reader and putting the scroll
// positions back then happen in one task, so nothing (a test, the user) sees the page at the
// top in between, and the scroll can be set because the page is laid out again.
async function closeReader(tabId, token) {
  if (!TOKEN_RE.test(String(token || ''))) {
    const st = await call(tabId, 'isOpen', [], { inject: false }).catch(() => null);
    token = st && st.token;
  }
  if (TOKEN_RE.test(String(token || ''))) await api.scripting.removeCSS(hideCss(tabId, token)).catch(() => {});
  openTabs.delete(tabId);
  await call(tabId, 'close', TOKEN_RE.test(String(token || '')) ? [token] : [], { inject: false });
  return { ok: true, open: false };
}

const tellIn = (tabId, name, subs) =>
  call(tabId, 'notice', [api.i18n.getMessage(name, subs)], { inject: false }).catch(() => {});

// What the reader says, in the browser's language: the content script gets its strings from here
// (in Chromium a page can take `chrome` away from it; see content.js).
const READER_STRINGS = ['readerClose', 'originalArticle', 'readerTruncated', 'readerListen', 'readerContents', 'readerPrint',
  'listenPlay', 'listenPause', 'listenStop', 'listenPrev', 'listenNext', 'listenSlower', 'listenFaster', 'listenUnsupported'];
function readerUi(article) {
  const strings = Object.fromEntries(READER_STRINGS.map((n) => [n, api.i18n.getMessage(n)]));
  const minutes = article.stats && Number(article.stats.readingMinutes);
  if (minutes > 0) strings.readingMinutes = api.i18n.getMessage('readingMinutes', [String(Math.max(1, Math.round(minutes)))]);
  strings.readerMoreImages = api.i18n.getMessage('readerMoreImages', ['{n}']);
  for (const n of ['listenVoice', 'listenNoVoice', 'listenError']) strings[n] = api.i18n.getMessage(n, ['{n}']);
  return { strings, lang: api.i18n.getUILanguage(), dir: api.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr' };
}

// Tabs with an open reader (for settings changes); a restarted background forgets them, and
// the content script then hears of changes itself when it can reach storage.onChanged.
const openTabs = new Set();

// Waits in the page for the user to ask for the reader to close (Escape, the close button),
// then closes it. The content script also sends {cmd: 'close'} when it can.
function watchClose(tabId, token) {
  call(tabId, 'waitClose', [], { inject: false }).then((a) => {
    if (!a.close) return;
    const note = CLOSE_NOTICES.has(a.notice) ? a.notice : null;
    withTabLock(tabId, async () => {
      await closeReader(tabId, TOKEN_RE.test(String(a.token || '')) ? a.token : token);
      if (note) await tellIn(tabId, note);
    }).catch(() => {});
  }, () => {});
}

// Articles read ahead when the popup opened (state()), per tab: {id, article: a promise}. At the
// click, the page's begin() answers `same: id` instead of its HTML when it has not changed since
// (same HTML, address and selection), and the toggle uses that article: neither the page's HTML
// nor the engine is on the click's path. The last few tabs only; a closed tab's goes.
const ahead = new Map();
const MAX_AHEAD = 8;

function readAhead(tabId, p) {
  if (!p || typeof p !== 'object' || typeof p.html !== 'string' || !TOKEN_RE.test(String(p.id))) return;
  const entry = { id: p.id, article: null };
  // After the popup has its answer: the engine does not delay it.
  entry.article = new Promise((resolve) => setTimeout(resolve, 0)).then(() => runEngine(p.html, String(p.url || ''), false));
  entry.article.catch(() => {});
  ahead.delete(tabId);
  ahead.set(tabId, entry);
  while (ahead.size > MAX_AHEAD) ahead.delete(ahead.keys().next().value);
}

// The article of begin()'s snapshot: read ahead, or run now on the page's HTML (asked for again
// when the page answered `same` but the background no longer has that article: restarted, or
// the popup prepared the tab again since).
async function articleOf(tabId, start) {
  if (typeof start.same === 'string') {
    const a = ahead.get(tabId);
    if (a && a.id === start.same) return a.article;
    const full = await call(tabId, 'begin', [true]);
    if (full.open || typeof full.html !== 'string') throw failure(ERROR.page, 'no answer from the page (begin)');
    return runEngine(full.html, String(full.url || ''), false);
  }
  return runEngine(start.html, String(start.url || ''), false);
}

async function toggle(tabId, { notify = false, openOnly = false } = {}) {
  const t = [performance.now()]; // the phases' times, for diag.lastToggle (the toggle benchmark)
  let start;
  try {
    start = await call(tabId, 'begin');
    t.push(performance.now());
  } catch (e) {
    return { ...failed(e), open: false };
  }
  if (start.open && openOnly) return { ok: true, open: true };
  if (start.open) {
    try {
      return await closeReader(tabId, start.token);
    } catch (e) {
      return { ...failed(e), open: false };
    }
  }
  if (typeof start.html !== 'string' && typeof start.same !== 'string') {
    await closeReader(tabId).catch(() => {});
    return { ...failed(failure(ERROR.page, 'no answer from the page (begin)')), open: false };
  }

  const tell = (name, subs) => (notify ? tellIn(tabId, name, subs) : null);

  let article;
  const settingsP = readSettings();
  try {
    article = await articleOf(tabId, start);
    t.push(performance.now());
  } catch (e) {
    await tell('engineError', [errorText(e)]);
    return { ...failed(e), open: false };
  }
  // A selection is read even when the engine would not call it an article (the user chose it),
  // as long as something of it is left.
  const chosen = start.selection === true && typeof article.contentHtml === 'string' && article.contentHtml.trim() !== '';
  if (article.readerable === false && !chosen) {
    await tell('notArticle');
    return { ok: true, open: false, notArticle: true, reason: String(article.reason || '') };
  }
  const settings = await settingsP;
  const token = newToken();
  try {
    await api.scripting.insertCSS(hideCss(tabId, token));
    t.push(performance.now());
    const shown = await call(tabId, 'show', [readerView(article), settings, token, readerUi(article)], { inject: false });
    t.push(performance.now());
    diag.lastToggle = { begin: t[1] - t[0], engine: t[2] - t[1], css: t[3] - t[2], show: t[4] - t[3], build: shown.ms, beginParts: start.ms, ahead: typeof start.same === 'string' };
    if (shown.open !== true || shown.token !== token) throw failure(ERROR.page, 'the page did not show the reader');
    openTabs.add(tabId);
    watchClose(tabId, token);
  } catch (e) {
    // Leave the page exactly as it was, and say so.
    await api.scripting.removeCSS(hideCss(tabId, token)).catch(() => {});
    await call(tabId, 'close', [], { inject: false }).catch(() => {});
    await tell('engineError', [errorText(e)]);
    return { ...failed(e), open: false };
  }
  return { ok: true, open: true, selection: start.selection === true };
}

// The popup is open: the user's click granted the tab (activeTab). The reader scripts go in now
// (they define their globals in the extension's world and touch nothing of the page) and prepare
// the stylesheet, the fonts and the reader's code, so that the first toggle does not wait for
// them; the page's snapshot comes back, and its article is read ahead (readAhead).
async function state(tabId) {
  try {
    const st = await call(tabId, 'prepare');
    if (st && !st.open && st.prepared) readAhead(tabId, st.prepared);
    return { ok: true, open: !!(st && st.open) };
  } catch (e) {
    return { ...failed(e), open: false };
  }
}

async function exportArticle(tabId, markdown) {
  let snap;
  try {
    snap = await call(tabId, 'snapshot');
    if (typeof snap.html !== 'string') throw failure(ERROR.page, 'no answer from the page (snapshot)');
  } catch (e) {
    return failed(e);
  }
  try {
    const article = await runEngine(snap.html, snap.url, markdown);
    if (article.readerable === false) {
      return { ...failed(failure(ERROR.notArticle, 'no article')), notArticle: true, reason: String(article.reason || '') };
    }
    return { ok: true, article };
  } catch (e) {
    return failed(e);
  }
}

// ---- open by itself on chosen sites ----

async function autoSites() {
  try {
    return normalizeSites((await api.storage.sync.get(AUTO_SITES))[AUTO_SITES]);
  } catch {
    return [];
  }
}

// A page of a chosen site finished loading: open the reader if the user still grants the site
// and the engine calls the page an article (toggle leaves other pages exactly as they are, and
// says nothing: the user did not ask on this page).
async function autoOpen(tabId, url) {
  const site = siteOf(url);
  if (!site || !(await autoSites()).includes(site.origin)) return;
  if (!(await api.permissions.contains({ origins: [site.pattern] }))) return;
  await withTabLock(tabId, () => toggle(tabId, { openOnly: true }));
}

async function listSites() {
  const sites = await autoSites();
  const out = [];
  for (const origin of sites) {
    const site = siteOf(`${origin}/`);
    const granted = await api.permissions.contains({ origins: [site.pattern] }).catch(() => false);
    out.push({ origin, host: site.host, granted });
  }
  return { ok: true, sites: out };
}

// ---- wiring (listeners are registered synchronously, as service workers require) ----

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || typeof message !== 'object') return false;
  // Only our own pages and our own content script talk to us.
  if (sender.id !== api.runtime.id) return false;
  if (!COMMANDS.includes(message.cmd)) return false;
  let work;
  switch (message.cmd) {
    case 'state':
      warmEngine(); // while the user reads the popup
      work = state(message.tabId);
      break;
    case 'toggle':
      work = withTabLock(message.tabId, () => toggle(message.tabId));
      break;
    case 'sites':
      work = listSites();
      break;
    case 'export':
      work = withTabLock(message.tabId, () => exportArticle(message.tabId, message.markdown));
      break;
    case 'close': {
      const tabId = sender.tab && sender.tab.id;
      if (tabId === undefined) return false;
      const token = typeof message.token === 'string' ? message.token : null;
      const note = CLOSE_NOTICES.has(message.notice) ? message.notice : null;
      work = withTabLock(tabId, async () => {
        const r = await closeReader(tabId, token);
        if (note) await tellIn(tabId, note);
        return r;
      });
      break;
    }
    default:
      return false;
  }
  work.then(sendResponse, (e) => sendResponse(failed(e)));
  return true; // the response comes asynchronously
});

api.storage.onChanged.addListener((changes, area) => {
  if (area !== 'sync' || !changes.settings) return;
  const settings = normalizeSettings(changes.settings.newValue);
  for (const tabId of openTabs) call(tabId, 'settings', [settings], { inject: false }).catch(() => openTabs.delete(tabId));
});

api.tabs.onRemoved.addListener((tabId) => {
  ahead.delete(tabId);
});

api.tabs.onUpdated.addListener((tabId, info, tab) => {
  if (info.status === 'complete' && tab && tab.url) autoOpen(tabId, tab.url).catch(() => {});
});

// The user took a site's permission back (in the browser's settings): it leaves the list.
api.permissions.onRemoved.addListener(async () => {
  const kept = (await listSites()).sites.filter((x) => x.granted).map((x) => x.origin);
  await api.storage.sync.set({ [AUTO_SITES]: kept }).catch(() => {});
});

api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'toggle-reader') return;
  const target = tab && tab.id !== undefined ? tab : (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (target && target.id !== undefined) await withTabLock(target.id, () => toggle(target.id, { notify: true }));
});
