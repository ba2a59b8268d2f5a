// Background (Chrome: module service worker; Firefox: module event page). It owns the engine:
// Chromium refuses wasm compiled in a content script on pages with a strict CSP, so the content
// script sends the live HTML here and gets the export back.
//
// Messages (runtime.sendMessage):
//   {cmd: 'state',  tabId}               -> {ok, open}            from the popup
//   {cmd: 'toggle', tabId}               -> {ok, open, notArticle?, reason?, error?}
//   {cmd: 'export', tabId, markdown}     -> {ok, article} | {ok: false, notArticle?|error}
//   {cmd: 'close'}                       -> closes the reader of the sender's tab (reader button)
// The keyboard command 'toggle-reader' toggles the active tab.
// The extension makes no network request: the wasm is loaded from the extension's own files.
import init, { extract } from '../pkg/malgeum.js';

const api = globalThis.browser ?? globalThis.chrome;

const CONTENT_FILES = ['extension/reader-css.js', 'extension/sanitize.js', 'extension/content.js'];
// User-origin stylesheet: the page's own CSS (even !important) cannot override it, and it
// changes no node of the page. Everything under <html> but <head> and the reader is hidden.
const HIDE_PAGE_CSS = `
:root > :not(head):not(#malgeum-reader) { display: none !important; }
:root > #malgeum-reader { all: initial !important; display: block !important; }
:root { overflow: auto !important; }
`;
const DEFAULT_SETTINGS = { theme: 'system', fontSize: 19, width: 'medium', font: 'sans' };

// ---- engine ----

let engineReady = null;
function engine() {
  if (!engineReady) {
    engineReady = init({ module_or_path: api.runtime.getURL('pkg/malgeum_bg.wasm') }).catch((e) => {
      engineReady = null; // let a later call try again
      throw e;
    });
  }
  return engineReady;
}

async function runEngine(html, url, markdown) {
  await engine();
  const article = extract(html, url, { markdown: !!markdown });
  if (!article || typeof article !== 'object') throw new Error('the engine returned nothing');
  return article;
}

// ---- helpers ----

const errorText = (e) => String((e && e.message) || e || 'unknown error').slice(0, 300);

// Pages the browser does not let extensions script (about:, chrome:, the web stores, …).
function isUnavailable(e) {
  return /cannot access|cannot be scripted|missing host permission|permission|no tab with id|extensions gallery|privileged|chrome:\/\/|about:/i.test(
    errorText(e),
  );
}

async function inTab(tabId, func, args = []) {
  const [res] = await api.scripting.executeScript({ target: { tabId }, func, args });
  if (res && res.error) throw new Error(errorText(res.error));
  return res ? res.result : undefined;
}

async function inject(tabId) {
  await api.scripting.executeScript({ target: { tabId }, files: CONTENT_FILES });
}

// Runs `func` on the content script's API (globalThis.__malgeum), injecting the content script
// first if the tab does not have it yet: one round trip to the page when it does.
async function withContent(tabId, func, args = []) {
  const run = (name, ...rest) =>
    globalThis.__malgeum ? { loaded: true, result: globalThis.__malgeum[name](...rest) } : { loaded: false };
  const first = await inTab(tabId, run, [func, ...args]);
  if (first.loaded) return first.result;
  await inject(tabId);
  return (await inTab(tabId, run, [func, ...args])).result;
}

// What the reader shows of the export: the rest (full text, images[], people[], related
// articles, …) would only lengthen the message to the page.
const READER_FIELDS = [
  'contentHtml', 'title', 'subtitle', 'siteName', 'section', 'byline', 'authors', 'published',
  'lang', 'dir', 'url', 'canonicalUrl', 'leadImage', 'copyright', 'stats',
];
function readerView(article) {
  const view = Object.fromEntries(READER_FIELDS.map((k) => [k, article[k]]));
  // The reader looks at the start of the text only (for Hangul when the language is unknown).
  view.text = typeof article.text === 'string' ? article.text.slice(0, 400) : '';
  return view;
}

const hideCss = (tabId) => ({ target: { tabId }, css: HIDE_PAGE_CSS, origin: 'USER' });

async function readSettings() {
  try {
    const { settings } = await api.storage.sync.get('settings');
    return { ...DEFAULT_SETTINGS, ...(settings || {}) };
  } catch {
    return { ...DEFAULT_SETTINGS };
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
async function closeReader(tabId) {
  await api.scripting.removeCSS(hideCss(tabId)).catch(() => {});
  await inTab(tabId, () => globalThis.__malgeum.close());
  return { ok: true, open: false };
}

async function toggle(tabId, { notify = false } = {}) {
  let start;
  try {
    start = await withContent(tabId, 'begin');
  } catch (e) {
    return { ok: false, open: false, unavailable: isUnavailable(e), error: errorText(e) };
  }
  if (start.open) return closeReader(tabId);

  const tell = (name, subs) =>
    notify ? inTab(tabId, (t) => globalThis.__malgeum.notice(t), [api.i18n.getMessage(name, subs)]).catch(() => {}) : null;

  let article;
  const settingsP = readSettings();
  try {
    article = await runEngine(start.html, start.url, false);
  } catch (e) {
    await tell('engineError', [errorText(e)]);
    return { ok: false, open: false, error: errorText(e) };
  }
  if (article.readerable === false) {
    await tell('notArticle');
    return { ok: true, open: false, notArticle: true, reason: String(article.reason || '') };
  }
  const settings = await settingsP;
  try {
    await api.scripting.insertCSS(hideCss(tabId));
    await inTab(tabId, (a, s) => globalThis.__malgeum.show(a, s), [readerView(article), settings]);
  } catch (e) {
    // Leave the page exactly as it was.
    await closeReader(tabId).catch(() => {});
    await tell('engineError', [errorText(e)]);
    return { ok: false, open: false, error: errorText(e) };
  }
  return { ok: true, open: true };
}

async function state(tabId) {
  try {
    const open = await inTab(tabId, () => !!(globalThis.__malgeum && globalThis.__malgeum.isOpen()));
    return { ok: true, open: !!open };
  } catch (e) {
    return { ok: false, open: false, unavailable: isUnavailable(e), error: errorText(e) };
  }
}

async function exportArticle(tabId, markdown) {
  let snap;
  try {
    snap = await withContent(tabId, 'snapshot');
  } catch (e) {
    return { ok: false, unavailable: isUnavailable(e), error: errorText(e) };
  }
  try {
    const article = await runEngine(snap.html, snap.url, markdown);
    if (article.readerable === false) return { ok: false, notArticle: true, reason: String(article.reason || '') };
    return { ok: true, article };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}

// ---- wiring (listeners are registered synchronously, as service workers require) ----

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!message || typeof message !== 'object') return false;
  // Only our own pages and our own content script talk to us.
  if (sender.id !== api.runtime.id) return false;
  let work;
  switch (message.cmd) {
    case 'state':
      engine().catch(() => {}); // warm the engine while the user reads the popup
      work = state(message.tabId);
      break;
    case 'toggle':
      work = withTabLock(message.tabId, () => toggle(message.tabId));
      break;
    case 'export':
      work = withTabLock(message.tabId, () => exportArticle(message.tabId, message.markdown));
      break;
    case 'close': {
      const tabId = sender.tab && sender.tab.id;
      if (tabId === undefined) return false;
      work = withTabLock(tabId, () => closeReader(tabId));
      break;
    }
    default:
      return false;
  }
  work.then(sendResponse, (e) => sendResponse({ ok: false, error: errorText(e) }));
  return true; // the response comes asynchronously
});

api.commands.onCommand.addListener(async (command, tab) => {
  if (command !== 'toggle-reader') return;
  const target = tab && tab.id !== undefined ? tab : (await api.tabs.query({ active: true, currentWindow: true }))[0];
  if (target && target.id !== undefined) await withTabLock(target.id, () => toggle(target.id, { notify: true }));
});
