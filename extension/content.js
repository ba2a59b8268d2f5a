// Content script: injected on demand by the background (scripting.executeScript, after the user's
// gesture granted activeTab), never declared in the manifest. It runs in the extension's isolated
// world, so the page's scripts and prototype overrides cannot reach it.
//
// It does not run the engine (Chromium applies a strict page CSP to wasm compiled here): it hands
// the live DOM to the background and renders what comes back. The page is never modified: while
// the reader is open, a user-origin stylesheet inserted by the background hides every child of
// <html> except the one reader element, which holds a closed shadow root. Closing removes that
// element and the stylesheet and puts the scroll positions back.
//
// Classic script: defines globalThis.__malgeum, which the background calls through
// scripting.executeScript({func}) in this same isolated world.
(() => {
  'use strict';
  if (globalThis.__malgeum) return;

  const api = globalThis.browser ?? globalThis.chrome;
  const HOST_ID = 'malgeum-reader';
  const NOTICE_ID = 'malgeum-notice';
  // Scroll containers that matter (app shells, article panes) are ancestors of most content, so
  // they come early in document order: the first elements are checked, a page's tail is not.
  const MAX_SCROLLERS_SCANNED = 5000;
  const DEFAULT_SETTINGS = { theme: 'system', fontSize: 19, width: 'medium', font: 'sans' };

  const state = {
    host: null, // the #malgeum-reader element while the reader is open
    root: null, // .mg-root inside the closed shadow root
    snapshot: null, // {html, url} the open reader was made from (copies use it too)
    pending: null, // snapshot taken by begin(), committed by show()
    saved: null, // scroll positions and focus from before the reader opened
    onKey: null,
  };

  const msg = (name, subs) => {
    try {
      return api.i18n.getMessage(name, subs) || name;
    } catch {
      return name;
    }
  };

  function takeSnapshot() {
    return { html: document.documentElement.outerHTML, url: location.href };
  }

  // Scroll positions of the viewport and of any scrolled element: display:none loses them.
  function saveView() {
    const els = [];
    const all = document.body ? document.body.getElementsByTagName('*') : [];
    const n = Math.min(all.length, MAX_SCROLLERS_SCANNED);
    for (let i = 0; i < n; i++) {
      const el = all[i];
      if (el.scrollTop || el.scrollLeft) els.push([el, el.scrollTop, el.scrollLeft]);
    }
    const body = document.body;
    if (body && (body.scrollTop || body.scrollLeft)) els.push([body, body.scrollTop, body.scrollLeft]);
    return { x: window.scrollX, y: window.scrollY, els, focus: document.activeElement };
  }

  function restoreView(saved) {
    if (!saved) return;
    for (const [el, top, left] of saved.els) {
      if (el.isConnected) {
        el.scrollTop = top;
        el.scrollLeft = left;
      }
    }
    window.scrollTo(saved.x, saved.y);
    const f = saved.focus;
    if (f && f !== document.body && f.isConnected && typeof f.focus === 'function') {
      try {
        f.focus({ preventScroll: true });
      } catch { /* the page's element may refuse focus */ }
    }
  }

  // ---- reader construction (text via textContent; page HTML only through MalgeumSanitize) ----

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  const str = (v) => (typeof v === 'string' ? v.trim() : '');

  function formatDate(iso, lang) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(str(iso));
    if (!m) return null;
    // Show the time as printed on the page (its own offset), not converted to the reader's zone.
    const hasTime = m[4] !== undefined;
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], hasTime ? +m[4] : 0, hasTime ? +m[5] : 0));
    const opts = hasTime
      ? { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }
      : { dateStyle: 'long', timeZone: 'UTC' };
    try {
      return new Intl.DateTimeFormat(lang || undefined, opts).format(d);
    } catch {
      return new Intl.DateTimeFormat(undefined, opts).format(d);
    }
  }

  function authorsText(a) {
    const byline = str(a.byline);
    if (byline) return byline;
    const names = Array.isArray(a.authors) ? a.authors.map((x) => str(x && x.name)).filter(Boolean) : [];
    return names.join(', ');
  }

  function applySettings(root, s) {
    const v = { ...DEFAULT_SETTINGS, ...(s || {}) };
    root.dataset.theme = ['light', 'sepia', 'dark', 'system'].includes(v.theme) ? v.theme : 'system';
    root.dataset.width = ['narrow', 'medium', 'wide'].includes(v.width) ? v.width : 'medium';
    root.dataset.font = v.font === 'serif' ? 'serif' : 'sans';
    const size = Math.min(32, Math.max(12, Number(v.fontSize) || DEFAULT_SETTINGS.fontSize));
    root.style.setProperty('--mg-font-size', `${size}px`);
  }

  function adoptStyles(shadow) {
    const css = globalThis.MALGEUM_READER_CSS || '';
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      if (shadow.adoptedStyleSheets.length === 1) return;
    } catch { /* fall back to a <style> element below */ }
    shadow.appendChild(el('style', null, css));
  }

  function buildReader(a) {
    const { sanitizeHtml, safeUrl } = globalThis.MalgeumSanitize;
    // The engine's language; failing that, Hangul in the title or text means Korean typography.
    const lang = str(a.lang) || (/[\uac00-\ud7a3]/.test(`${str(a.title)} ${str(a.text).slice(0, 400)}`) ? 'ko' : '');
    const root = el('div', 'mg-root');
    if (lang) root.lang = lang;
    // The engine's direction; failing that, the language's; failing that, the text's own.
    const rtlLang = /^(ar|he|iw|fa|ur|yi|ps|sd|ug|dv|ckb)(-|$)/i.test(lang);
    root.dir = a.dir === 'rtl' || a.dir === 'ltr' ? a.dir : lang ? (rtlLang ? 'rtl' : 'ltr') : 'auto';

    const bar = el('div', 'mg-bar');
    const close = el('button', 'mg-close', '×');
    close.type = 'button';
    close.title = msg('readerClose');
    close.setAttribute('aria-label', msg('readerClose'));
    close.addEventListener('click', requestClose);
    bar.appendChild(close);
    root.appendChild(bar);

    const article = el('article', 'mg-article');
    const header = el('header', 'mg-header');
    const site = [str(a.siteName), ...(Array.isArray(a.section) ? a.section.map(str) : [])].filter(Boolean);
    if (site.length) header.appendChild(el('p', 'mg-site', site.join(' › ')));
    header.appendChild(el('h1', 'mg-title', str(a.title)));
    if (str(a.subtitle)) header.appendChild(el('p', 'mg-subtitle', str(a.subtitle)));
    const meta = el('p', 'mg-meta');
    const who = authorsText(a);
    if (who) meta.appendChild(el('span', 'mg-byline', who));
    const when = formatDate(a.published, lang);
    if (when) {
      const t = el('time', 'mg-date', when);
      t.setAttribute('datetime', str(a.published));
      meta.appendChild(t);
    }
    const minutes = a.stats && Number(a.stats.readingMinutes);
    if (minutes > 0) {
      // In the browser's language, which may run the other way than the article's: isolated in
      // an inner span, so the separator before it stays on the article's side.
      const span = el('span', 'mg-minutes');
      const inner = el('span', null, msg('readingMinutes', [String(Math.max(1, Math.round(minutes)))]));
      inner.lang = api.i18n.getUILanguage();
      inner.dir = msg('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
      span.appendChild(inner);
      meta.appendChild(span);
    }
    if (meta.childNodes.length) header.appendChild(meta);
    article.appendChild(header);

    const content = el('div', 'mg-content');
    content.appendChild(sanitizeHtml(typeof a.contentHtml === 'string' ? a.contentHtml : '', document, a.url));

    // The lead image, unless the body already shows it.
    const lead = a.leadImage && safeUrl(a.leadImage.src, a.url, 'src');
    if (lead && ![...content.querySelectorAll('img')].some((img) => img.getAttribute('src') === lead)) {
      const fig = el('figure', 'mg-lead');
      const img = el('img');
      img.src = lead;
      img.alt = str(a.leadImage.alt);
      img.decoding = 'async';
      fig.appendChild(img);
      if (str(a.leadImage.caption) || str(a.leadImage.credit)) {
        const cap = el('figcaption', null, str(a.leadImage.caption));
        if (str(a.leadImage.credit)) cap.appendChild(el('span', 'mg-credit', str(a.leadImage.credit)));
        fig.appendChild(cap);
      }
      article.appendChild(fig);
    }
    article.appendChild(content);

    const footer = el('footer', 'mg-footer');
    if (str(a.copyright)) footer.appendChild(el('p', 'mg-copyright', str(a.copyright)));
    const src = safeUrl(a.canonicalUrl || a.url, a.url, 'href');
    if (src) {
      const p = el('p');
      const link = el('a', null, msg('originalArticle'));
      link.href = src;
      link.rel = 'noopener noreferrer';
      p.appendChild(link);
      footer.appendChild(p);
    }
    article.appendChild(footer);
    root.appendChild(article);
    return root;
  }

  function requestClose() {
    api.runtime.sendMessage({ cmd: 'close' }).catch(() => {});
  }

  // ---- the API the background calls ----

  /** First step of a toggle: tells whether the reader is open; if not, snapshots the page. */
  function begin() {
    if (state.host) return { open: true };
    state.pending = takeSnapshot();
    state.saved = saveView();
    return { open: false, html: state.pending.html, url: state.pending.url };
  }

  /** The page as the reader (or a copy) should see it: the reader's own snapshot while open. */
  function snapshot() {
    return state.host && state.snapshot ? { ...state.snapshot, open: true } : { ...takeSnapshot(), open: false };
  }

  /** Builds the reader and puts it in the page. Called after the hiding stylesheet is in. */
  function show(article, settings) {
    if (state.host) return { open: true };
    removeNotice();
    const root = buildReader(article);
    applySettings(root, settings);
    const host = document.createElement('div');
    host.id = HOST_ID;
    const shadow = host.attachShadow({ mode: 'closed' });
    adoptStyles(shadow);
    shadow.appendChild(root);
    state.host = host;
    state.root = root;
    state.snapshot = state.pending || takeSnapshot();
    state.pending = null;
    document.documentElement.appendChild(host);
    window.scrollTo(0, 0);
    state.onKey = (e) => {
      if (e.key === 'Escape' && !e.isComposing && !e.defaultPrevented) requestClose();
    };
    document.addEventListener('keydown', state.onKey, true);
    return { open: true };
  }

  /** Removes the reader element and puts the page's scroll positions and focus back. The
   *  background has already removed the hiding stylesheet, so the page can scroll again. */
  function close() {
    const saved = state.saved;
    state.saved = null;
    state.pending = null;
    if (state.host) {
      document.removeEventListener('keydown', state.onKey, true);
      state.host.remove();
      state.host = null;
      state.root = null;
      state.snapshot = null;
      state.onKey = null;
    }
    restoreView(saved);
    return { open: false };
  }

  function removeNotice() {
    const old = document.getElementById(NOTICE_ID);
    if (old && old.dataset.malgeum === '1') old.remove();
  }

  /** A short message on the page (for the keyboard shortcut, which has no popup to speak in).
   *  It hangs off <html>, outside <body>, and goes away by itself. */
  function notice(text) {
    removeNotice();
    const host = document.createElement('div');
    host.id = NOTICE_ID;
    host.dataset.malgeum = '1';
    const shadow = host.attachShadow({ mode: 'closed' });
    adoptStyles(shadow);
    const box = el('div', 'mg-notice', text);
    box.setAttribute('role', 'status');
    box.addEventListener('click', () => host.remove());
    shadow.appendChild(box);
    document.documentElement.appendChild(host);
    setTimeout(() => host.remove(), 5000);
    return true;
  }

  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes.settings && state.root) applySettings(state.root, changes.settings.newValue);
  });

  globalThis.__malgeum = Object.freeze({
    isOpen: () => !!state.host,
    begin,
    snapshot,
    show,
    close,
    notice,
  });
})();
