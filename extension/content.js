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
// scripting.executeScript({func}) in this same isolated world. It and the four scripts injected
// before it (shared.js, speech.js, reader-css.js, sanitize.js) are own, read-only, non-configurable properties of the
// isolated world's global, and are only ever read as own properties: a page can add named
// properties to window (<form id="MalgeumSanitize">, <div id="__malgeum">), never own
// properties to this world's global. Every function of the API answers {ok: true, ...} or
// {ok: false, error}; the background treats anything else as a failure and restores the page.
//
// While the reader is open: only trusted events act on it; trusted key events stop at the
// window (capture phase) so that the page's shortcuts do not fire under the reader; the reader's
// host stays the last child of <html> and keeps its attributes; anything the page changes inside
// the shadow root (Firefox lets a page reach it through the selection) is thrown away and the
// reader rebuilt.
(() => {
  'use strict';
  if (Object.getOwnPropertyDescriptor(globalThis, '__malgeum')) return;

  const own = (name) => {
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    return d && 'value' in d ? d.value : undefined;
  };
  const SHARED = own('MalgeumShared');
  const SPEECH = own('MalgeumSpeech');
  const SANITIZE = own('MalgeumSanitize');
  const READER_CSS = own('MALGEUM_READER_CSS');
  // The extension API: a page's <form id="browser"><input name="runtime"> is a named property
  // of window, and Chromium's isolated world has no `browser` of its own to hide it.
  const isApi = (x) => !!x && typeof x === 'object' && !!x.runtime && typeof x.runtime.sendMessage === 'function' &&
    typeof x.runtime.id === 'string' && !!x.i18n && typeof x.i18n.getMessage === 'function';
  // Chromium goes further: when the page has a named property `chrome` (<form id="chrome">), the
  // isolated world's `chrome` *is* that element, and a form's named controls hide whatever is
  // put on it. So the content script needs no extension API: the background hands it its
  // strings, settings and a promise to wait on (waitClose); the API, when it is there, is only a
  // second way to ask for the reader to close and to hear of settings changes.
  const api = [own('browser'), own('chrome'), globalThis.browser, globalThis.chrome].find(isApi) || null;
  const HOST_ID = 'malgeum-reader';
  const TOKEN_RE = /^[a-z0-9]{8,40}$/;
  const LANG_RE = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;
  // Images with a src when the reader opens; the rest wait for "show more" (a page's 2,000 images
  // were once all requested at once). Lazy loading limits the first ones to those near the viewport.
  const MAX_IMAGES = 40;
  const MAX_REBUILDS = 5; // the page changed the reader this often: close it
  const MAX_REINSERTS = 50; // the page fought over <html>'s last child this often: close it
  const KEY_EVENTS = ['keydown', 'keypress', 'keyup'];
  const NOTICE_ID = 'malgeum-notice';
  // Scroll containers that matter (app shells, article panes) are ancestors of most content, so
  // they come early in document order: the first elements are checked, a page's tail is not.
  const MAX_SCROLLERS_SCANNED = 5000;

  const state = {
    host: null, // the #malgeum-reader element while the reader is open
    shadow: null, // the reader's closed shadow root
    root: null, // .mg-root inside the closed shadow root
    snapshot: null, // {html, url} the open reader was made from (copies use it too)
    pending: null, // snapshot taken by begin(), committed by show()
    saved: null, // scroll positions and focus from before the reader opened
    token: null, // the random attribute name (data-mg-…) the hiding stylesheet shows
    article: null, // what the reader was built from, to rebuild it after tampering
    settings: null,
    deferred: [], // [img, url] of images not loaded yet
    onKey: null,
    guard: null, // MutationObserver on the shadow root
    keeper: null, // MutationObserver on <html> and the host
    topWatch: null, // MutationObserver on `open` attributes (modal dialogs of the page)
    top: null, // our own modal <dialog> in the shadow root, once the page opened a modal one
    rebuilds: 0,
    reinserts: 0,
    ui: null, // {strings, lang, dir} from the background
    speech: null, // {speaker, bar, blocks} while the listen bar is open
    speechEngine: null, // a stand-in speech engine (tests), else the browser's
    waiters: [], // resolve functions of waitClose() promises
  };

  // Strings come from the background with show(): {name: text}, `{n}` standing for a number.
  const msg = (name, subs) => {
    const ui = state.ui && state.ui.strings;
    const text = ui && typeof ui[name] === 'string' ? ui[name] : null;
    if (text !== null) return text.replace('{n}', subs && subs.length ? String(subs[0]) : '');
    try {
      return (api && api.i18n.getMessage(name, subs)) || name;
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

  // Settings are validated by shared.js (the same defaults and limits as the popup's).
  function applySettings(root, s) {
    const v = SHARED.normalizeSettings(s);
    root.dataset.theme = v.theme;
    root.dataset.width = v.width;
    root.dataset.font = v.font;
    root.style.setProperty('--mg-font-size', `${v.fontSize}px`);
  }

  // The reader's stylesheet, parsed once per page (prepare() or the first show()) and shared by
  // the reader and the notice.
  let sheet = null;
  function readerSheet() {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(typeof READER_CSS === 'string' ? READER_CSS : '');
    }
    return sheet;
  }

  function adoptStyles(shadow) {
    try {
      shadow.adoptedStyleSheets = [readerSheet()];
      if (shadow.adoptedStyleSheets.length === 1) return;
    } catch { /* fall back to a <style> element below */ }
    shadow.appendChild(el('style', null, typeof READER_CSS === 'string' ? READER_CSS : ''));
  }

  // The first reader in a tab paid for looking up its fonts (every family of its stacks, most of
  // them absent on a given system) in its first frame. prepare() does those lookups before the
  // click, by measuring text on a canvas that is never attached: the page sees nothing.
  let fontsWarm = false;
  function warmFonts() {
    if (fontsWarm || typeof READER_CSS !== 'string') return;
    fontsWarm = true;
    const stacks = new Set(['system-ui, sans-serif']);
    for (const m of READER_CSS.matchAll(/--mg-(?:sans|serif|mono):([^;]+);/g)) stacks.add(m[1].replace(/\s+/g, ' ').trim());
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 48;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    for (const stack of stacks) {
      for (const weight of ['400', '700']) {
        ctx.font = `${weight} 19px ${stack}`;
        ctx.measureText('Aa 가나 あ 中 ب ש');
      }
    }
    // The glyphs most text is made of, drawn once at the reader's sizes (body, title, headings,
    // meta and captions at the default font size), so that the first frame finds them rasterized.
    const latin = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:!?\'"()-–—’“”·›×';
    const hangul = '이의다는에가을를하고기지로서사한자시으도정대수스일인라리해전부니아어들나게주상적국공보제있것장원화만에서했다며과와업회년월';
    const sans = [...stacks].find((x) => /Segoe UI/.test(x)) || 'sans-serif';
    const koSans = [...stacks].find((x) => /^"Pretendard"/.test(x)) || sans;
    for (const [px, weight] of [[19, 400], [19, 700], [36.1, 700], [26.6, 700], [15.58, 400], [15.2, 400]]) {
      ctx.font = `${weight} ${px}px ${sans}`;
      ctx.fillText(latin, 0, 36);
      ctx.font = `${weight} ${px}px ${koSans}`;
      ctx.fillText(hangul, 0, 36);
    }
  }

  // The reader is built once from a small made-up article (into a tree that is never attached),
  // so that the first reader does not run its code cold: the sanitizer, the contents panel, and
  // above all the first Intl.DateTimeFormat of the page's world, which loads the locale data
  // (about 17 ms of the first toggle, measured; later ones take a tenth of a millisecond). The
  // sample has no image and no link that would load: nothing is requested.
  let readerWarm = false;
  function warmReader() {
    if (readerWarm || !SANITIZE || state.host) return;
    readerWarm = true;
    const pageLang = document.documentElement.getAttribute('lang') || '';
    const para = '<p>A <a href="#x">link</a>, <b>bold</b> and <i>italic</i> text, 3.5 and 다.</p>';
    const sample = {
      title: 'Sample', subtitle: 'Sample', siteName: 'Sample', byline: 'A. Writer',
      lang: LANG_RE.test(pageLang) ? pageLang : '', published: '2025-01-01T09:00:00+09:00',
      stats: { readingMinutes: 2 }, url: location.href, text: '',
      contentHtml: `${'<h2>Sample</h2>'.repeat(3)}${para.repeat(20)}<ul><li>one</li><li>two</li></ul><blockquote>${para}</blockquote>`,
    };
    const deferred = state.deferred;
    try {
      buildReader(sample);
    } finally {
      state.deferred = deferred;
    }
  }

  // The snapshot prepare() handed to the background ({id, html, url, selection}); kept for the
  // toggles that follow while the page stays the same (the reader restores it exactly). Pages
  // larger than MAX_PREPARED characters are not read ahead (nor kept twice in memory).
  const MAX_PREPARED = 3000000;
  let prepared = null;
  // Whether the page's DOM changed since prepare(): a MutationObserver on the whole document from
  // prepare() until the first change, when it lets go. Unchanged, the DOM serializes to the
  // prepared HTML, so begin() need not serialize it again. The reader's own host and notice
  // coming and going under <html> (and the host's attributes) are not changes of the page.
  const ownNodes = new WeakSet();
  let watcher = null;
  let unchanged = false;
  const isOwn = (n) => ownNodes.has(n);
  const pageChange = (r) => !(isOwn(r.target) || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOwn)));
  function pageChanged() {
    unchanged = false;
    if (watcher) watcher.disconnect();
  }
  function watchChanges() {
    if (!watcher) {
      watcher = new MutationObserver((records) => {
        if (records.some(pageChange)) pageChanged();
      });
    }
    watcher.disconnect();
    watcher.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    unchanged = true;
  }

  const newId = () => [...crypto.getRandomValues(new Uint8Array(10))].map((b) => b.toString(16).padStart(2, '0')).join('');

  /** Called when the popup opens (the user's click granted the tab): the stylesheet parsed, the
   *  fonts looked up and the reader's code run once ahead of the toggle, and the page's snapshot
   *  handed to the background to read ahead. Changes nothing in the page. */
  function prepare() {
    try {
      readerSheet();
    } catch { /* show() falls back to a <style> element */ }
    try {
      warmFonts();
      warmReader();
      saveView(); // read-only: its loop over the page's elements runs warm at the click
    } catch { /* only a head start */ }
    if (state.host) return { ok: true, open: true, token: state.token };
    // The page as the toggle would read it now: the background runs the engine on it while the
    // user looks at the popup. At the click, begin() compares the page with it and, when nothing
    // changed, sends only its id instead of the page again.
    const snap = selectionSnapshot() || takeSnapshot();
    prepared = snap.html.length <= MAX_PREPARED ? { id: newId(), ...snap, selection: !!snap.selection } : null;
    if (prepared) watchChanges();
    return { ok: true, open: false, token: null, prepared: prepared ? { id: prepared.id, html: prepared.html, url: prepared.url, selection: prepared.selection } : null };
  }

  function buildReader(a) {
    const { sanitizeHtml, safeUrl } = SANITIZE;
    // The engine's language; failing that, Hangul in the title or text means Korean typography.
    const lang = str(a.lang) || (/[\uac00-\ud7a3]/.test(`${str(a.title)} ${str(a.text).slice(0, 400)}`) ? 'ko' : '');
    const root = el('div', 'mg-root');
    if (lang) root.lang = lang;
    // The engine's direction; failing that, the language's; failing that, the text's own.
    const rtlLang = /^(ar|he|iw|fa|ur|yi|ps|sd|ug|dv|ckb)(-|$)/i.test(lang);
    root.dir = a.dir === 'rtl' || a.dir === 'ltr' ? a.dir : lang ? (rtlLang ? 'rtl' : 'ltr') : 'auto';

    // The reader's buttons: [data-action] listen, toc (articles with three sub-headings or more),
    // print, close. Only the user's (trusted) clicks act.
    const bar = el('div', 'mg-bar');
    bar.setAttribute('role', 'toolbar');
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
      const uiLang = state.ui && typeof state.ui.lang === 'string' ? state.ui.lang : '';
      if (/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(uiLang)) inner.lang = uiLang;
      inner.dir = state.ui && state.ui.dir === 'rtl' ? 'rtl' : 'ltr';
      span.appendChild(inner);
      meta.appendChild(span);
    }
    if (meta.childNodes.length) header.appendChild(meta);
    article.appendChild(header);

    const content = el('div', 'mg-content');
    const report = {};
    content.appendChild(sanitizeHtml(typeof a.contentHtml === 'string' ? a.contentHtml : '', document, a.url,
      { maxImages: MAX_IMAGES, report }));
    for (const img of content.querySelectorAll('img')) watchImage(img);

    // The lead image, unless the body already shows it.
    const lead = a.leadImage && safeUrl(a.leadImage.src, a.url, 'src');
    if (lead && ![...content.querySelectorAll('img')].some((img) => img.getAttribute('src') === lead)) {
      const fig = el('figure', 'mg-lead');
      const img = el('img');
      img.decoding = 'async';
      img.alt = str(a.leadImage.alt);
      watchImage(img);
      img.src = lead;
      fig.appendChild(img);
      if (str(a.leadImage.caption) || str(a.leadImage.credit)) {
        const cap = el('figcaption', null, str(a.leadImage.caption));
        if (str(a.leadImage.credit)) cap.appendChild(el('span', 'mg-credit', str(a.leadImage.credit)));
        fig.appendChild(cap);
      }
      article.appendChild(fig);
    }
    if (report.truncated || a.truncated === true) {
      // The sanitizer's node budget (or the engine) cut the article: say so where it is cut.
      const note = el('p', 'mg-note', msg('readerTruncated'));
      note.setAttribute('role', 'note');
      article.appendChild(note.cloneNode(true));
      content.appendChild(note);
    }
    article.appendChild(content);
    const toc = contentsPanel(content, lang);
    for (const [action, label, text] of [
      ['listen', 'readerListen', '▶'],
      ...(toc ? [['toc', 'readerContents', '☰']] : []),
      ['print', 'readerPrint', null],
      ['close', 'readerClose', '×'],
    ]) bar.appendChild(barButton(action, msg(label), text));
    if (toc) root.appendChild(toc);
    state.deferred = report.deferred || [];
    if (state.deferred.length) article.appendChild(moreImagesButton());

    const footer = el('footer', 'mg-footer');
    // The outlet's notes about the article (how it was written, who supported it) and the
    // copyright notice, which the engine moved out of the story.
    for (const note of Array.isArray(a.notes) ? a.notes.slice(0, 5) : []) {
      if (str(note)) footer.appendChild(el('p', 'mg-note', str(note)));
    }
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

  function barButton(action, label, text) {
    const b = el('button', action === 'close' ? 'mg-btn mg-close' : `mg-btn mg-act-${action}`, text);
    b.type = 'button';
    b.dataset.action = action;
    b.title = label;
    b.setAttribute('aria-label', label);
    if (action === 'toc') b.setAttribute('aria-expanded', 'false');
    if (text === null) b.appendChild(icon(action));
    if (action === 'listen') b.setAttribute('aria-pressed', 'false');
    b.addEventListener('click', (e) => {
      if (e.isTrusted) act(action);
    });
    return b;
  }

  // Icons, drawn (no font has these glyphs everywhere): a printer, and the listen bar's.
  const ICONS = {
    print: ['M6 9V3h12v6', 'M6 18H4a1 1 0 0 1-1-1v-6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v6a1 1 0 0 1-1 1h-2', 'M6 14h12v7H6z'],
    play: ['M8 5v14l11-7z'],
    pause: ['M7 5h3v14H7z', 'M14 5h3v14h-3z'],
    stop: ['M6 6h12v12H6z'],
    prev: ['M6 6h2v12H6z', 'M9.5 12L18 18V6z'],
    next: ['M16 6h2v12h-2z', 'M6 18l8.5-6L6 6z'],
  };
  function icon(name) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('class', name === 'print' ? 'mg-icon-line' : 'mg-icon-solid');
    for (const d of ICONS[name]) {
      const p = document.createElementNS(NS, 'path');
      p.setAttribute('d', d);
      svg.appendChild(p);
    }
    return svg;
  }

  function act(action) {
    if (!state.root) return;
    if (action === 'close') requestClose();
    else if (action === 'print') printReader();
    else if (action === 'toc') toggleContents();
    else if (action === 'listen') toggleListen();
  }

  // ---- contents: the article's sub-headings, for articles with three or more ----

  const MIN_HEADINGS = 3;

  function contentsPanel(content, lang) {
    const heads = [...content.querySelectorAll('h2, h3, h4')].filter((h) => h.textContent.trim());
    if (heads.length < MIN_HEADINGS) return null;
    const nav = el('nav', 'mg-toc');
    nav.hidden = true;
    nav.setAttribute('aria-label', msg('readerContents'));
    if (lang) nav.lang = lang;
    nav.appendChild(el('p', 'mg-toc-title', msg('readerContents')));
    const list = el('ol');
    for (const h of heads) {
      const item = el('li', `mg-toc-${h.localName}`);
      const b = el('button', null, h.textContent.replace(/\s+/g, ' ').trim());
      b.type = 'button';
      b.addEventListener('click', (e) => {
        if (!e.isTrusted) return;
        h.scrollIntoView({ block: 'start', behavior: 'instant' });
      });
      item.appendChild(b);
      list.appendChild(item);
    }
    nav.appendChild(list);
    return nav;
  }

  function toggleContents() {
    const nav = state.root.querySelector('.mg-toc');
    const b = state.root.querySelector('[data-action="toc"]');
    if (!nav || !b) return;
    quiet(() => {
      nav.hidden = !nav.hidden;
      b.setAttribute('aria-expanded', String(!nav.hidden));
    });
    if (!nav.hidden) {
      const first = nav.querySelector('button');
      if (first) first.focus({ preventScroll: true });
    }
  }

  // ---- listen: the article read aloud (speech.js), the sentence being read highlighted ----

  // Blocks read aloud, in order: the title and dek, then the body's text blocks (the innermost
  // ones: a <p> inside an <li> is read once). Captions are left out, as in the text export.
  const READ_BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, dd, dt, pre, td, th';
  function readableBlocks(root) {
    const body = [...root.querySelectorAll(`.mg-content :is(${READ_BLOCKS})`)]
      .filter((b) => !b.querySelector(READ_BLOCKS) && !b.closest('figcaption'));
    return [...root.querySelectorAll('.mg-title, .mg-subtitle'), ...body].filter((b) => b.textContent.trim());
  }

  // A block's text nodes with their offsets, to turn a sentence back into a Range.
  function blockText(block) {
    const nodes = [];
    let text = '';
    const walk = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      nodes.push([n, text.length]);
      text += n.data;
    }
    return { text, nodes };
  }

  function rangeIn(info, start, end) {
    const at = (offset, isEnd) => {
      for (let i = info.nodes.length - 1; i >= 0; i--) {
        const [n, from] = info.nodes[i];
        if (from < offset || (!isEnd && from === offset) || (isEnd && from <= offset && offset <= from + n.data.length)) {
          return [n, Math.min(n.data.length, offset - from)];
        }
      }
      return info.nodes.length ? [info.nodes[0][0], 0] : null;
    };
    const a = at(start, false);
    const b = at(end, true);
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    return r;
  }

  function speechEngine() {
    if (state.speechEngine) return state.speechEngine;
    return SPEECH ? SPEECH.browserEngine(window) : null;
  }

  function languageName(lang) {
    try {
      const ui = state.ui && typeof state.ui.lang === 'string' ? state.ui.lang : undefined;
      return new Intl.DisplayNames(ui ? [ui] : undefined, { type: 'language' }).of(lang) || lang;
    } catch {
      return lang;
    }
  }

  function listenBar() {
    const bar = el('div', 'mg-listen');
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', msg('readerListen'));
    const button = (what, label) => {
      const b = el('button', 'mg-btn');
      b.type = 'button';
      b.dataset.listen = what;
      b.title = msg(label);
      b.setAttribute('aria-label', msg(label));
      if (ICONS[what]) b.appendChild(icon(what));
      b.addEventListener('click', (e) => {
        if (e.isTrusted) listenAction(what);
      });
      return b;
    };
    bar.append(button('prev', 'listenPrev'), button('play', 'listenPlay'), button('stop', 'listenStop'), button('next', 'listenNext'));
    const slower = button('slower', 'listenSlower');
    slower.textContent = '−';
    const faster = button('faster', 'listenFaster');
    faster.textContent = '+';
    const rate = el('span', 'mg-listen-rate');
    bar.append(slower, rate, faster, el('span', 'mg-listen-status'));
    bar.querySelector('[data-listen="play"]').setAttribute('aria-pressed', 'false');
    bar.querySelector('.mg-listen-status').setAttribute('role', 'status');
    return bar;
  }

  function listenStatus(text) {
    const sp = state.speech;
    if (sp) quiet(() => { sp.bar.querySelector('.mg-listen-status').textContent = text; });
  }

  function showRate() {
    const sp = state.speech;
    if (sp) quiet(() => { sp.bar.querySelector('.mg-listen-rate').textContent = `${sp.rate.toFixed(1)}×`; });
  }

  function highlight(p, s) {
    const sp = state.speech;
    if (!sp) return;
    const block = sp.blocks[p];
    const sentence = block && block.sentences[s];
    quiet(() => {
      for (const b of sp.root.querySelectorAll('.mg-reading')) b.classList.remove('mg-reading');
      if (block) block.el.classList.add('mg-reading');
    });
    if (!block) return;
    const range = sentence ? rangeIn(block.info, sentence.start, sentence.end) : null;
    try {
      if (range && globalThis.CSS && CSS.highlights && typeof Highlight === 'function') CSS.highlights.set('mg-spoken', new Highlight(range));
    } catch { /* no highlight API: the block's own mark stays */ }
    // Kept in view: the sentence (else its block) is scrolled to the upper third when it is not
    // comfortably on screen.
    const rect = (range || block.el).getBoundingClientRect();
    if (rect.top < 60 || rect.bottom > window.innerHeight - 90) {
      const scroller = state.top && state.top.open ? state.top : document.scrollingElement || document.documentElement;
      scroller.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
    }
  }

  function clearHighlight() {
    try {
      if (globalThis.CSS && CSS.highlights) CSS.highlights.delete('mg-spoken');
    } catch { /* nothing to clear */ }
    if (state.root) quiet(() => { for (const b of state.root.querySelectorAll('.mg-reading')) b.classList.remove('mg-reading'); });
  }

  function setPlaying(mode) {
    const sp = state.speech;
    if (!sp) return;
    const play = sp.bar.querySelector('[data-listen="play"]');
    const playing = mode === 'playing';
    quiet(() => {
      play.setAttribute('aria-pressed', String(playing));
      play.title = msg(playing ? 'listenPause' : 'listenPlay');
      play.setAttribute('aria-label', play.title);
      play.replaceChildren(icon(playing ? 'pause' : 'play'));
      sp.bar.dataset.mode = mode;
    });
    if (mode === 'stopped') clearHighlight();
  }

  function startListening() {
    const engine = speechEngine();
    const root = state.root;
    if (!SPEECH || !root) return;
    const lang = root.lang || (state.ui && state.ui.lang) || '';
    const blocks = readableBlocks(root).map((b) => {
      const info = blockText(b);
      return { el: b, info, sentences: SPEECH.splitSentences(info.text) };
    }).filter((b) => b.sentences.length);
    const bar = listenBar();
    const rate = SHARED.normalizeSettings(state.settings).rate;
    state.speech = { bar, blocks, root, rate, speaker: null };
    quiet(() => {
      root.appendChild(bar);
      const b = root.querySelector('[data-action="listen"]');
      if (b) b.setAttribute('aria-pressed', 'true');
    });
    showRate();
    if (!engine) {
      listenStatus(msg('listenUnsupported'));
      return;
    }
    let voices = [];
    try {
      voices = engine.getVoices() || [];
    } catch { /* no voices */ }
    const voice = SPEECH.chooseVoice(voices, lang);
    const langTag = /^ko(-|$)/i.test(lang) ? 'ko-KR' : lang;
    listenStatus(voice ? msg('listenVoice', [`${voice.name} (${voice.lang})`]) : msg('listenNoVoice', [`${languageName(lang || 'und')} (${langTag || '?'})`]));
    state.speech.speaker = SPEECH.Speaker({
      engine,
      lang: voice ? voice.lang : langTag,
      voice,
      rate,
      paragraphs: blocks.map((b) => b.sentences.map((x) => x.text.replace(/\s+/g, ' '))),
      onSentence: highlight,
      onState: setPlaying,
      onError: (why) => listenStatus(msg('listenError', [why])),
    });
    try {
      state.speech.speaker.play();
    } catch (e) {
      listenStatus(msg('listenError', [String((e && e.message) || e)]));
    }
  }

  function listenAction(what) {
    const sp = state.speech;
    if (!sp || !sp.speaker) return;
    const k = sp.speaker;
    if (what === 'play') {
      if (k.mode === 'playing') k.pause();
      else k.play();
    } else if (what === 'stop') k.stop();
    else if (what === 'next') k.next();
    else if (what === 'prev') k.prev();
    else if (what === 'slower' || what === 'faster') {
      const { min, max } = SHARED.SETTINGS.rate;
      sp.rate = Math.round(Math.min(max, Math.max(min, sp.rate + (what === 'faster' ? 0.1 : -0.1))) * 10) / 10;
      showRate();
      k.setRate(sp.rate);
    }
  }

  function toggleListen() {
    const sp = state.speech;
    if (!sp) startListening();
    else if (sp.speaker && sp.speaker.mode === 'playing') sp.speaker.pause();
    else if (sp.speaker) sp.speaker.play();
  }

  /** Silence: the reader closes, is rebuilt, or the page goes away. */
  function stopListening() {
    const sp = state.speech;
    state.speech = null;
    if (sp && sp.speaker) {
      try {
        sp.speaker.stop();
      } catch { /* already silent */ }
    }
    clearHighlight();
    if (sp) quiet(() => sp.bar.remove());
  }

  window.addEventListener('pagehide', (e) => {
    if (e.isTrusted) stopListening();
  });

  // ---- print: the hiding stylesheet applies to print too, so only the reader is printed, in
  // its print styles (reader-css.js: no buttons, dark on white, link URLs, figures kept whole) ----

  function printReader() {
    try {
      window.print();
    } catch { /* printing disabled: nothing to do */ }
  }

  // Images without a size of their own take room until they load, so that lazy loading sees
  // only the first few near the viewport (zero-height images would all be "near").
  function watchImage(img) {
    const done = () => quiet(() => img.classList.add('mg-loaded'));
    img.addEventListener('load', done, { once: true });
    img.addEventListener('error', done, { once: true });
  }

  function moreImagesButton() {
    const b = el('button', 'mg-more', msg('readerMoreImages', [String(state.deferred.length)]));
    b.type = 'button';
    b.addEventListener('click', (e) => {
      if (!e.isTrusted) return;
      quiet(() => {
        for (const [img, url] of state.deferred.splice(0, MAX_IMAGES)) img.setAttribute('src', url);
        if (state.deferred.length) b.textContent = msg('readerMoreImages', [String(state.deferred.length)]);
        else b.remove();
      });
    });
    return b;
  }

  // Asks the background to close the reader: through the promise it waits on (waitClose), and
  // through runtime messaging when the API is reachable (the background may have been restarted
  // since it started waiting).
  function requestClose(noticeName) {
    const answer = { ok: true, close: true, token: state.token, notice: noticeName || null };
    for (const resolve of state.waiters.splice(0)) resolve(answer);
    if (api) {
      try {
        api.runtime.sendMessage({ cmd: 'close', token: state.token, notice: noticeName || undefined }).catch(() => {});
      } catch { /* the background still hears it through waitClose */ }
    }
  }

  /** Resolves when the user asks to close the reader ({close: true}) or it closes ({close: false}). */
  function waitClose() {
    if (!state.host) return { ok: true, close: false };
    return new Promise((resolve) => state.waiters.push(resolve));
  }

  // Our own changes inside the reader are not tampering: the guard's records are dropped.
  function quiet(fn) {
    try {
      return fn();
    } finally {
      if (state.guard) state.guard.takeRecords();
    }
  }

  // A modal <dialog> of the page (shown before or while the reader is open) makes everything
  // outside it inert, the reader included, even though the hiding stylesheet keeps it from
  // being painted. The reader then moves into a modal dialog of its own, shown after the
  // page's: the topmost modal is the one that is not inert. It scrolls inside that dialog.
  function pageHasModal() {
    try {
      const m = document.querySelector(':modal');
      return !!m;
    } catch {
      return false;
    }
  }

  function enterTopLayer() {
    if (!state.host || !pageHasModal()) return;
    if (++state.reinserts > MAX_REINSERTS) {
      giveUp();
      return;
    }
    quiet(() => {
      let top = state.top;
      if (!top) {
        top = el('dialog', 'mg-top');
        top.addEventListener('cancel', (e) => e.preventDefault()); // our own key listener handles Escape
        top.addEventListener('close', () => {
          if (state.top === top && state.host) requestClose();
        });
        top.appendChild(state.root);
        state.shadow.appendChild(top);
        state.top = top;
      } else if (top.open) {
        const t = top;
        state.top = null; // its close event is ours, not the user's
        t.close();
        state.top = t;
      }
      top.showModal();
      state.root.focus({ preventScroll: true });
    });
  }

  // ---- defences while the reader is open ----

  // Trusted key events stop at the window in the capture phase: listeners the page added later,
  // on the document, the body or the host, or in the bubble phase, do not see them. Default
  // actions (scrolling with Space, arrows, Page Down) still happen. Untrusted (page-made) events
  // act on nothing. The user's Escape closes the reader even if the page cancelled it.
  function onKey(e) {
    if (!e.isTrusted || !state.host) return;
    e.stopImmediatePropagation();
    if (e.type === 'keydown' && e.key === 'Escape' && !e.isComposing) requestClose();
  }

  function hostAttrsOk(host) {
    if (host.attributes.length !== 2 || host.id !== HOST_ID || !host.hasAttribute(`data-${state.token}`)) return false;
    return true;
  }

  function resetHost(host) {
    for (const a of [...host.attributes]) host.removeAttribute(a.name);
    host.id = HOST_ID;
    host.setAttribute(`data-${state.token}`, '');
  }

  // The hiding stylesheet shows only <html>'s last child, and only if it carries the random
  // attribute: keep the host there, with exactly its own attributes.
  function keep() {
    const host = state.host;
    if (!host) return;
    const html = document.documentElement;
    const moved = host.parentNode !== html || html.lastElementChild !== host;
    const attrs = !hostAttrsOk(host);
    if (!moved && !attrs) return;
    if (++state.reinserts > MAX_REINSERTS) {
      giveUp();
      return;
    }
    quiet(() => {
      if (attrs) resetHost(host);
      if (moved && html) html.appendChild(host);
    });
  }

  function guardShadow(records) {
    const real = records.filter((r) => !(r.type === 'attributes' && r.attributeName === 'open' && r.target.localName === 'details'));
    if (!real.length || !state.host) return;
    if (++state.rebuilds > MAX_REBUILDS) {
      giveUp();
      return;
    }
    stopListening();
    quiet(() => {
      const root = buildReader(state.article);
      applySettings(root, state.settings);
      root.tabIndex = -1;
      const shadow = state.shadow;
      const top = state.top;
      state.top = null;
      if (top && top.open) top.close();
      while (shadow.lastChild) shadow.lastChild.remove();
      shadow.appendChild(root);
      state.root = root;
    });
    enterTopLayer();
  }

  function giveUp() {
    stopDefences();
    requestClose('readerTampered');
  }

  function stopDefences() {
    for (const t of KEY_EVENTS) window.removeEventListener(t, onKey, true);
    if (state.guard) state.guard.disconnect();
    if (state.keeper) state.keeper.disconnect();
    if (state.topWatch) state.topWatch.disconnect();
    state.guard = null;
    state.keeper = null;
    state.topWatch = null;
    const top = state.top;
    state.top = null;
    if (top && top.open) top.close();
  }

  // ---- the API the background calls ----

  // A selection of at least this many characters (not counting spaces) is what the reader opens
  // on: a stray click's word is not.
  const MIN_SELECTION = 12;

  /** The page with only the user's selection as its body (its <head> kept for the title, author
   *  and date), or null without a selection worth reading. The engine and the sanitizer treat it
   *  as any page. */
  function selectionSnapshot() {
    const sel = window.getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
    if (sel.toString().replace(/\s+/g, '').length < MIN_SELECTION) return null;
    const box = document.createElement('div');
    for (let i = 0; i < sel.rangeCount; i++) box.appendChild(sel.getRangeAt(i).cloneContents());
    const lang = document.documentElement.getAttribute('lang') || '';
    const head = document.head ? document.head.outerHTML : '<head></head>';
    const html = `<!DOCTYPE html><html${LANG_RE.test(lang) ? ` lang="${lang}"` : ''}>${head}<body><article>${box.innerHTML}</article></body></html>`;
    return { html, url: location.href, selection: true };
  }

  /** First step of a toggle: tells whether the reader is open; if not, snapshots the page (or
   *  the user's selection, which the reader then opens on). */
  /** First step of a toggle: tells whether the reader is open; if not, snapshots the page (or
   *  the user's selection, which the reader then opens on). When the snapshot is the one
   *  prepare() sent (same HTML, address and kind) and `full` is not asked for, it answers that
   *  snapshot's id (`same`) instead of the HTML. */
  function begin(full) {
    if (state.host) return { ok: true, open: true, token: state.token };
    const t0 = performance.now();
    if (watcher && unchanged && watcher.takeRecords().some(pageChange)) pageChanged();
    const p = prepared;
    const sel = selectionSnapshot();
    // The page as prepare() saw it, without serializing it again, when its DOM has not changed.
    const snap = sel || (p && unchanged && !p.selection && p.url === location.href ? { html: p.html, url: p.url } : takeSnapshot());
    state.pending = snap;
    const t1 = performance.now();
    state.saved = saveView();
    const selection = !!snap.selection;
    // ms: [snapshot, saving the scroll positions], for the toggle benchmark.
    const ms = [t1 - t0, performance.now() - t1];
    if (full !== true && p && p.selection === selection && p.url === snap.url && p.html === snap.html) {
      return { ok: true, open: false, same: p.id, url: snap.url, selection, ms };
    }
    return { ok: true, open: false, html: snap.html, url: snap.url, selection, ms };
  }

  /** The page as the reader (or a copy) should see it: the reader's own snapshot while open. */
  function snapshot() {
    return state.host && state.snapshot ? { ok: true, ...state.snapshot, open: true } : { ok: true, ...takeSnapshot(), open: false };
  }

  /** Builds the reader and puts it in the page. Called after the hiding stylesheet is in. */
  function show(article, settings, token, ui) {
    if (state.host) return { ok: true, open: true, token: state.token };
    if (!SANITIZE || typeof SANITIZE.sanitizeHtml !== 'function' || typeof READER_CSS !== 'string' ||
      !SHARED || typeof SHARED.normalizeSettings !== 'function' || !SPEECH || typeof SPEECH.Speaker !== 'function') {
      return { ok: false, error: 'the reader scripts did not load' };
    }
    if (!article || typeof article !== 'object' || typeof token !== 'string' || !TOKEN_RE.test(token)) {
      return { ok: false, error: 'bad request' };
    }
    removeNotice();
    let host = null;
    const t0 = performance.now();
    try {
      state.token = token;
      state.ui = ui && typeof ui === 'object' ? ui : null;
      state.article = article;
      state.settings = settings;
      state.rebuilds = 0;
      state.reinserts = 0;
      const root = buildReader(article);
      const t1 = performance.now();
      applySettings(root, settings);
      root.tabIndex = -1;
      host = document.createElement('div');
      ownNodes.add(host);
      host.id = HOST_ID;
      host.setAttribute(`data-${token}`, '');
      const shadow = host.attachShadow({ mode: 'closed' });
      adoptStyles(shadow);
      shadow.appendChild(root);
      state.host = host;
      state.shadow = shadow;
      state.root = root;
      state.snapshot = state.pending || takeSnapshot();
      state.pending = null;
      state.onKey = onKey;
      for (const t of KEY_EVENTS) window.addEventListener(t, onKey, true);
      document.documentElement.appendChild(host);
      state.guard = new MutationObserver(guardShadow);
      state.guard.observe(shadow, { subtree: true, childList: true, attributes: true, characterData: true });
      state.keeper = new MutationObserver(keep);
      state.keeper.observe(document.documentElement, { childList: true });
      state.keeper.observe(host, { attributes: true });
      state.topWatch = new MutationObserver(enterTopLayer);
      state.topWatch.observe(document.documentElement, { subtree: true, attributes: true, attributeFilter: ['open'] });
      window.scrollTo(0, 0);
      // The reader takes the focus (and with it the keys): a page input that had it must not
      // receive what the user types while reading.
      root.focus({ preventScroll: true });
      const t2 = performance.now();
      enterTopLayer();
      // ms: [building the reader, putting it in the page up to its focus (which computes its
      // style), the rest], for the toggle benchmark.
      return { ok: true, open: true, token, ms: [t1 - t0, t2 - t1, performance.now() - t2] };
    } catch (e) {
      stopDefences();
      if (host) host.remove();
      state.host = null;
      state.shadow = null;
      state.root = null;
      state.snapshot = null;
      state.article = null;
      state.deferred = [];
      return { ok: false, error: String((e && e.message) || e).slice(0, 300) };
    }
  }

  /** Removes the reader element and puts the page's scroll positions and focus back. The
   *  background has already removed the hiding stylesheet, so the page can scroll again. */
  function close(token) {
    // A close request from an earlier opening (a late Escape) leaves a newer reader alone.
    if (typeof token === 'string' && state.host && token !== state.token) return { ok: true, open: true, stale: true };
    const saved = state.saved;
    state.saved = null;
    state.pending = null;
    stopListening();
    stopDefences();
    for (const resolve of state.waiters.splice(0)) resolve({ ok: true, close: false });
    if (state.host) {
      state.host.remove();
      state.host = null;
      state.shadow = null;
      state.root = null;
      state.snapshot = null;
      state.article = null;
      state.deferred = [];
      state.token = null;
    }
    restoreView(saved);
    return { ok: true, open: false };
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
    ownNodes.add(host);
    host.id = NOTICE_ID;
    host.dataset.malgeum = '1';
    const shadow = host.attachShadow({ mode: 'closed' });
    adoptStyles(shadow);
    const box = el('div', 'mg-notice', String(text));
    box.setAttribute('role', 'status');
    box.addEventListener('click', (e) => {
      if (e.isTrusted) host.remove();
    });
    shadow.appendChild(box);
    document.documentElement.appendChild(host);
    setTimeout(() => host.remove(), 5000);
    return { ok: true };
  }

  function setSettings(settings) {
    if (state.root) {
      state.settings = settings;
      quiet(() => applySettings(state.root, settings));
    }
    return { ok: true, open: !!state.host };
  }

  if (api) {
    api.storage.onChanged.addListener((changes, area) => {
      if (area === 'sync' && changes.settings) setSettings(changes.settings.newValue);
    });
  }

  // Every entry point answers {ok, ...}: an exception becomes {ok: false, error}.
  const guarded = (fn) => (...args) => {
    try {
      return fn(...args);
    } catch (e) {
      return { ok: false, error: String((e && e.message) || e).slice(0, 300) };
    }
  };

  Object.defineProperty(globalThis, '__malgeum', {
    value: Object.freeze({
      isOpen: guarded(() => ({ ok: true, open: !!state.host, token: state.token })),
      prepare: guarded(prepare),
      begin: guarded(begin),
      snapshot: guarded(snapshot),
      show: guarded(show),
      close: guarded(close),
      notice: guarded(notice),
      settings: guarded(setSettings),
      waitClose: guarded(waitClose),
      // A stand-in speech engine (speech.js's interface) for tests; null puts the browser's back.
      // Only the extension reaches this world: the page cannot call it.
      useSpeech: guarded((engine) => {
        const fns = ['getVoices', 'createUtterance', 'speak', 'pause', 'resume', 'cancel'];
        if (engine !== null && (!engine || fns.some((f) => typeof engine[f] !== 'function'))) return { ok: false, error: 'bad engine' };
        stopListening();
        state.speechEngine = engine;
        return { ok: true };
      }),
    }),
    writable: false,
    enumerable: false,
    configurable: false,
  });
})();
