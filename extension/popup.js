// Popup: reader toggle, copies, reading settings. `popup.html?tab=<tabId>` acts on that tab
// instead of the active one (tests open the popup as a page). All page work happens in the
// background; the popup only writes the clipboard, which needs a document and the user's click.
const api = globalThis.browser ?? globalThis.chrome;
const $ = (id) => document.getElementById(id);
const msg = (name, subs) => api.i18n.getMessage(name, subs) || name;
const DEFAULT_SETTINGS = { theme: 'system', fontSize: 19, width: 'medium', font: 'sans' };

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
  for (const id of ['toggle', 'copy-json', 'copy-markdown']) $(id).disabled = !enabled;
}

async function resolveTab() {
  const param = new URLSearchParams(location.search).get('tab');
  if (param !== null && /^\d+$/.test(param)) return Number(param);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab ? tab.id : null;
}

async function send(message) {
  try {
    return (await api.runtime.sendMessage(message)) || { ok: false, error: 'no answer' };
  } catch (e) {
    return { ok: false, error: String((e && e.message) || e) };
  }
}

function explain(r) {
  if (r.unavailable) return msg('unavailable');
  if (r.notArticle) return msg('notArticle');
  return msg('engineError', [r.error || '?']);
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

const oneLine = (s) => String(s || '').replace(/\s+/g, ' ').trim();
const mdText = (s) => oneLine(s).replace(/([\\`*_[\]<>])/g, '\\$1');

function jsonExport(article) {
  // The export schema's fields only: drop the UI's verdict and Markdown (Copy Markdown has it).
  const { readerable: _r, reason: _why, markdown: _md, ...rest } = article;
  return `${JSON.stringify(rest, null, 2)}\n`;
}

function markdownExport(a) {
  const parts = [];
  if (a.title) parts.push(`# ${mdText(a.title)}`);
  const meta = [];
  const who = oneLine(a.byline) || (Array.isArray(a.authors) ? a.authors.map((x) => oneLine(x && x.name)).filter(Boolean).join(', ') : '');
  if (who) meta.push(mdText(who));
  const date = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(String(a.published || ''));
  if (date) meta.push(date[2] ? `${date[1]} ${date[2]}` : date[1]);
  const url = String(a.canonicalUrl || a.url || '');
  if (/^https?:\/\//i.test(url)) meta.push(a.siteName ? `[${mdText(a.siteName)}](<${url}>)` : `<${url}>`);
  if (meta.length) parts.push(meta.join(' · '));
  const body = (typeof a.markdown === 'string' && a.markdown.trim()) || (typeof a.text === 'string' && a.text.trim()) || '';
  parts.push(body);
  return `${parts.filter(Boolean).join('\n\n')}\n`;
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

async function onCopy(kind) {
  if (busy) return;
  busy = true;
  const button = $(kind === 'json' ? 'copy-json' : 'copy-markdown');
  button.disabled = true;
  status(msg('working'));
  const r = await send({ cmd: 'export', tabId, markdown: kind === 'markdown' });
  if (!r.ok) {
    const why = r.unavailable ? msg('unavailableShort') : r.notArticle ? msg('notArticleShort') : r.error || '?';
    status(msg('copyFailed', [why]), 'error');
  } else {
    const text = kind === 'json' ? jsonExport(r.article) : markdownExport(r.article);
    if (await writeClipboard(text)) status(msg(kind === 'json' ? 'copiedJson' : 'copiedMarkdown'), 'ok');
    else status(msg('copyFailed', [msg('clipboardError')]), 'error');
  }
  button.disabled = false;
  busy = false;
}

// ---- settings ----

async function loadSettings() {
  let stored = {};
  try {
    stored = (await api.storage.sync.get('settings')).settings || {};
  } catch { /* storage unavailable: defaults */ }
  const s = { ...DEFAULT_SETTINGS, ...stored };
  $('theme').value = s.theme;
  $('font-size').value = String(s.fontSize);
  $('font-size-value').textContent = String(s.fontSize);
  $('line-width').value = s.width;
  $('font-family').value = s.font;
}

function currentSettings() {
  return {
    theme: $('theme').value,
    fontSize: Number($('font-size').value),
    width: $('line-width').value,
    font: $('font-family').value,
  };
}

let saveTimer = null;
function saveSettings(delay = 0) {
  clearTimeout(saveTimer);
  // storage.sync limits writes per minute: a dragged slider saves once it rests.
  saveTimer = setTimeout(() => {
    api.storage.sync.set({ settings: currentSettings() }).catch((e) => status(String(e.message || e), 'error'));
  }, delay);
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
  $('copy-json').addEventListener('click', () => onCopy('json'));
  $('copy-markdown').addEventListener('click', () => onCopy('markdown'));
  await loadSettings();
  showShortcut();
  tabId = await resolveTab();
  if (tabId === null) {
    status(msg('unavailable'), 'error');
    return;
  }
  const r = await send({ cmd: 'state', tabId });
  setOpen(r.open);
  if (!r.ok && r.unavailable) {
    status(msg('unavailable'), 'error');
    return;
  }
  setEnabled(true);
}

main();
