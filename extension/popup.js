// Popup: reader toggle, copies and saves, reading settings. `popup.html?tab=<tabId>` acts on that tab
// instead of the active one (tests open the popup as a page). All page work happens in the
// background; the popup only writes the clipboard, which needs a document and the user's click.
import './shared.js';

const { SETTINGS, normalizeSettings, ERROR, failed, AUTO_SITES, siteOf, normalizeSites } =
  Object.getOwnPropertyDescriptor(globalThis, 'MalgeumShared').value;
const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const msg = (name, subs) => api.i18n.getMessage(name, subs) || name;

let tabId = null;
let busy = false;

function localize() {
  document.documentElement.lang = api.i18n.getUILanguage();
  document.documentElement.dir = api.i18n.getMessage('@@bidi_dir') || 'ltr';
  for (const e of document.querySelectorAll('[data-i18n]')) {
    const text = api.i18n.getMessage(e.dataset.i18n);
    if (text) e.textContent = text;
  }
  document.title = msg('popupTitle');
}

function status(text, kind = '') {
  const s = $('status');
  s.textContent = text;
  s.dataset.kind = kind;
}

function setOpen(open) {
  $('toggle').setAttribute('aria-pressed', String(!!open));
  $('toggle-state').textContent = msg(open ? 'stateOn' : 'stateOff');
}

function setEnabled(enabled) {
  for (const id of ['toggle', ...Object.keys(OUTPUTS)]) $(id).disabled = !enabled;
}

async function resolveTab() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

async function send(message) {
  try {
    return (await api.runtime.sendMessage(message)) || { ok: false, kind: ERROR.page, error: 'no answer' };
  } catch (e) {
    return failed(e);
  }
}

function explain(r) {
  if (r.kind === ERROR.unavailable) return msg('unavailable');
  if (r.notArticle || r.kind === ERROR.notArticle) return msg('notArticle');
  return msg('engineError', [r.error || '?']);
}

function explainShort(r) {
  if (r.kind === ERROR.unavailable) return msg('unavailableShort');
  if (r.notArticle || r.kind === ERROR.notArticle) return msg('notArticleShort');
  return r.error || '?';
}

async function onToggle() {
  if (busy) return;
  busy = true;
  $('toggle').disabled = true;
  status('');
  const r = await send({ cmd: 'toggle', tabId });
  setOpen(r.open);
  if (!r.ok || r.notArticle) status(explain(r), 'error');
  busy = false;
  $('toggle').disabled = false;
}

// ---- copies ----

function jsonExport(article) {
  // The export schema's fields only: drop the UI's verdict and Markdown (Copy Markdown has it).
  const { readerable: _r, reason: _why, markdown: _md, ...rest } = article;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

// The engine's Markdown document (front matter, title, body): the CLI's --format markdown
// prints the same.
function markdownExport(a) {
  return typeof a.markdown === 'string' && a.markdown.trim() ? a.markdown : null;
}

// ---- saves: a Blob link clicked in the popup (no `downloads` permission) ----

// `2025-07-22 네이버 국가대표 AI 경쟁에서 빛 볼까.md`: the article's date (else today's) and
// its title, without characters file systems refuse.
function fileName(article, ext) {
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(article.published || ''));
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const date = m ? m[1] : `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  let title = String(article.title || '')
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200b-\u200f\u2028-\u202e\u2066-\u2069]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  title = [...title].slice(0, 80).join('').replace(/[\s.]+$/, '').replace(/^\.+/, '');
  return `${date}${title ? ` ${title}` : ''}.${ext}`;
}

function saveFile(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has its own copy by then; keep the URL a while for slow browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

async function writeClipboard(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Fallback for browsers that refuse the async API here; the clipboard stays as it was if
    // this fails too.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    let ok;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    return ok;
  }
}

const OUTPUTS = {
  'copy-json': { markdown: false, ok: 'copiedJson', failed: 'copyFailed' },
  'copy-markdown': { markdown: true, ok: 'copiedMarkdown', failed: 'copyFailed' },
  'save-json': { markdown: false, ok: 'savedFile', failed: 'saveFailed', save: 'json' },
  'save-markdown': { markdown: true, ok: 'savedFile', failed: 'saveFailed', save: 'md' },
};

async function onOutput(id) {
  if (busy) return;
  busy = true;
  const out = OUTPUTS[id];
  const button = $(id);
  button.disabled = true;
  status(msg('working'));
  const r = await send({ cmd: 'export', tabId, markdown: out.markdown });
  if (!r.ok) {
    status(msg(out.failed, [explainShort(r)]), 'error');
  } else {
    const text = out.markdown ? markdownExport(r.article) : jsonExport(r.article);
    if (text === null) {
      status(msg(out.failed, ['no Markdown from the engine']), 'error');
    } else if (out.save) {
      const name = fileName(r.article, out.save);
      try {
        saveFile(name, text, out.save === 'json' ? 'application/json' : 'text/markdown;charset=utf-8');
        status(msg(out.ok, [name]), 'ok');
      } catch (e) {
        status(msg(out.failed, [String((e && e.message) || e)]), 'error');
      }
    } else if (await writeClipboard(text)) {
      status(msg(out.ok), 'ok');
    } else {
      status(msg(out.failed, [msg('clipboardError')]), 'error');
    }
  }
  button.disabled = false;
  busy = false;
}

// ---- settings ----

// The settings as stored (validated): what the popup has no control for (the speech rate, which
// the reader's listen bar sets) is kept as it is when the popup saves.
let loaded = normalizeSettings(null);

async function loadSettings() {
  let stored = null;
  try {
    stored = (await api.storage.sync.get('settings')).settings;
  } catch { /* storage unavailable: defaults */ }
  const s = normalizeSettings(stored);
  loaded = s;
  const size = $('font-size');
  size.min = String(SETTINGS.fontSize.min);
  size.max = String(SETTINGS.fontSize.max);
  size.step = String(SETTINGS.fontSize.step);
  $('theme').value = s.theme;
  $('font-size').value = String(s.fontSize);
  $('font-size-value').textContent = String(s.fontSize);
  $('line-width').value = s.width;
  $('font-family').value = s.font;
}

function currentSettings() {
  return normalizeSettings({
    ...loaded,
    theme: $('theme').value,
    fontSize: Number($('font-size').value),
    width: $('line-width').value,
    font: $('font-family').value,
  });
}

let saveTimer = null;
function saveSettings(delay = 0) {
  clearTimeout(saveTimer);
  // storage.sync limits writes per minute: a dragged slider saves once it rests.
  saveTimer = setTimeout(() => {
    api.storage.sync.set({ settings: currentSettings() }).catch((e) => status(String(e.message || e), 'error'));
  }, delay);
}

// ---- open by itself on this site ----

let site = null; // {origin, pattern, host} of the tab's page

async function storedSites() {
  try {
    return normalizeSites((await api.storage.sync.get(AUTO_SITES))[AUTO_SITES]);
  } catch {
    return [];
  }
}

async function saveSites(list) {
  await api.storage.sync.set({ [AUTO_SITES]: normalizeSites(list) });
}

// A pattern the manifest itself asks for (the test build's) is never given back.
const requiredByManifest = (pattern) => (api.runtime.getManifest().host_permissions || []).includes(pattern);

async function forgetSite(origin) {
  await saveSites((await storedSites()).filter((o) => o !== origin));
  const pattern = `${origin}/*`;
  if (!requiredByManifest(pattern)) await api.permissions.remove({ origins: [pattern] }).catch(() => {});
}

async function showSites() {
  const r = await send({ cmd: 'sites' });
  const list = $('auto-sites');
  list.replaceChildren();
  const sites = r.ok && Array.isArray(r.sites) ? r.sites : [];
  for (const x of sites) {
    const li = document.createElement('li');
    li.dataset.origin = x.origin;
    const name = document.createElement('span');
    name.textContent = x.origin.startsWith('http://') ? x.origin : x.host;
    name.title = x.origin;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.textContent = msg('autoRemove');
    remove.setAttribute('aria-label', msg('autoRemoveSite', [x.host]));
    remove.addEventListener('click', async () => {
      await forgetSite(x.origin);
      await showSites();
    });
    li.append(name, remove);
    list.appendChild(li);
  }
  if (site) $('auto-site').checked = sites.some((x) => x.origin === site.origin && x.granted);
}

// The permission is requested first thing in the click's handler: Firefox grants a request only
// while the user's gesture is still current.
function onAutoSite() {
  const box = $('auto-site');
  if (!site) return;
  if (box.checked) {
    api.permissions.request({ origins: [site.pattern] }).then(async (granted) => {
      if (!granted) {
        box.checked = false;
        status(msg('autoDenied', [site.host]), 'error');
        return;
      }
      await saveSites([...(await storedSites()), site.origin]);
      status(msg('autoOn', [site.host]), 'ok');
      await showSites();
    }, (e) => {
      box.checked = false;
      status(msg('autoDenied', [`${site.host}: ${String((e && e.message) || e)}`]), 'error');
    });
  } else {
    forgetSite(site.origin).then(showSites);
  }
}

async function setupAutoSite() {
  try {
    const tab = await api.tabs.get(tabId);
    site = siteOf(tab && tab.url);
  } catch {
    site = null;
  }
  if (site) {
    $('auto-host').textContent = site.host;
    $('auto-site').disabled = false;
  }
  await showSites();
}

async function showShortcut() {
  try {
    const commands = await api.commands.getAll();
    const c = commands.find((x) => x.name === 'toggle-reader');
    if (c && c.shortcut) $('shortcut').textContent = msg('shortcutHint', [c.shortcut]);
  } catch { /* no commands API: no hint */ }
}

async function main() {
  localize();
  for (const id of ['theme', 'line-width', 'font-family']) $(id).addEventListener('change', () => saveSettings());
  $('font-size').addEventListener('input', () => {
    $('font-size-value').textContent = $('font-size').value;
    saveSettings(200);
  });
  $('toggle').addEventListener('click', onToggle);
  for (const id of Object.keys(OUTPUTS)) $(id).addEventListener('click', () => onOutput(id));
  $('auto-site').addEventListener('change', onAutoSite);
  await loadSettings();
  showShortcut();
  tabId = await resolveTab();
  if (tabId === null) {
    status(msg('unavailable'), 'error');
    return;
  }
  setupAutoSite();
  const r = await send({ cmd: 'state', tabId });
  setOpen(r.open);
  if (!r.ok && r.kind === ERROR.unavailable) {
    status(msg('unavailable'), 'error');
    return;
  }
  setEnabled(true);
}

main();
