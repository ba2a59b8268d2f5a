// What the background, the popup and the content script share: the reading settings (defaults,
// limits, validation) and the message protocol (commands and answers), written once.
//
// A classic script: the background and the popup import it for its effect (`import
// './shared.js'`), the background injects it as a content script file before content.js. It
// defines `MalgeumShared` as an own, read-only, non-configurable property of the global, and
// the others read it only as an own property, so in the page a named property (<form
// id="MalgeumShared">) cannot stand in for it; the object and everything in it is frozen.
//
// ## Protocol (runtime.sendMessage to the background)
//
//   {cmd: 'state',  tabId}            -> {ok, open}    from the popup, which opening also prepares
//                                        the tab for a fast first toggle and reads its article
//                                        ahead (background.js state(), readAhead())
//   {cmd: 'toggle', tabId}            -> {ok, open, selection?, notArticle?}  from the popup;
//                                        `selection`: the reader opened on the user's selection
//   {cmd: 'export', tabId, markdown}  -> {ok, article}                     Copy / Save
//   {cmd: 'sites'}                    -> {ok, sites: [{origin, host, granted}]}  the auto list
//   {cmd: 'close', token?, notice?}   -> closes the reader of the sender's tab (its close
//                                        button, the user's Escape); `notice` names a message
//                                        to show after
// Every answer is {ok: true, ...} or {ok: false, kind, error}: `kind` (ERROR) says what went
// wrong, `error` is a text for people and never parsed. `notArticle: true` comes with ok: true
// from toggle (the page was left alone on purpose) and with kind 'notArticle' from export.
(() => {
  'use strict';
  if (Object.getOwnPropertyDescriptor(globalThis, 'MalgeumShared')) return;

  const freeze = (o) => {
    for (const v of Object.values(o)) if (v && typeof v === 'object') freeze(v);
    return Object.freeze(o);
  };

  const SETTINGS = {
    defaults: { theme: 'system', fontSize: 19, width: 'medium', font: 'sans', rate: 1 },
    themes: ['system', 'light', 'sepia', 'dark'],
    widths: ['narrow', 'medium', 'wide'],
    fonts: ['sans', 'serif'],
    fontSize: { min: 14, max: 28, step: 1 },
    rate: { min: 0.5, max: 2, step: 0.1 }, // speech rate of Listen
  };

  const clamp = (v, { min, max }, fallback) => {
    const n = Number(v);
    return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
  };

  /** A complete, valid settings object from anything (stored data may be old or damaged). */
  function normalizeSettings(s) {
    const v = s && typeof s === 'object' ? s : {};
    const d = SETTINGS.defaults;
    const pick = (value, allowed, fallback) => (allowed.includes(value) ? value : fallback);
    return {
      theme: pick(v.theme, SETTINGS.themes, d.theme),
      fontSize: Math.round(clamp(v.fontSize, SETTINGS.fontSize, d.fontSize)),
      width: pick(v.width, SETTINGS.widths, d.width),
      font: pick(v.font, SETTINGS.fonts, d.font),
      rate: Math.round(clamp(v.rate, SETTINGS.rate, d.rate) * 10) / 10,
    };
  }

  const COMMANDS = ['state', 'toggle', 'export', 'sites', 'close'];

  // Sites where the reader opens by itself: storage.sync[AUTO_SITES] holds their origins
  // (`https://news.example`: scheme and host, any port), each granted through
  // optional_host_permissions for its own pattern when the user asked, at that moment.
  const AUTO_SITES = 'autoSites';
  const MAX_AUTO_SITES = 200;

  /** {origin, pattern, host} of an http(s) page's site, or null. */
  function siteOf(url) {
    let u;
    try {
      u = new URL(String(url || ''));
    } catch {
      return null;
    }
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return null;
    return { origin: `${u.protocol}//${u.hostname}`, pattern: `${u.protocol}//${u.hostname}/*`, host: u.hostname };
  }

  /** The stored list, valid and without duplicates. */
  function normalizeSites(list) {
    const out = [];
    for (const o of Array.isArray(list) ? list : []) {
      const site = siteOf(typeof o === 'string' ? `${o}/` : '');
      if (site && site.origin === o && !out.includes(o)) out.push(o);
    }
    return out.slice(0, MAX_AUTO_SITES);
  }

  // What went wrong, for the popup to say.
  const ERROR = {
    unavailable: 'unavailable', // the browser does not let extensions script this tab
    notArticle: 'notArticle', // the engine found no article
    engine: 'engine', // the engine failed
    page: 'page', // the page did not answer as it should (the reader was not shown)
  };

  /** An error that knows its kind; `kindOf` reads it back (anything else is 'engine'). */
  function failure(kind, message) {
    const e = new Error(String(message || kind).slice(0, 300));
    e.kind = ERROR[kind] || ERROR.engine;
    return e;
  }
  const kindOf = (e) => (e && typeof e === 'object' && ERROR[e.kind] ? e.kind : ERROR.engine);
  const errorText = (e) => String((e && e.message) || e || 'unknown error').slice(0, 300);
  /** The answer for a failure: {ok: false, kind, error}. */
  const failed = (e) => ({ ok: false, kind: kindOf(e), error: errorText(e) });

  Object.defineProperty(globalThis, 'MalgeumShared', {
    value: freeze({ SETTINGS, normalizeSettings, COMMANDS, ERROR, failure, kindOf, errorText, failed, AUTO_SITES, siteOf, normalizeSites }),
    writable: false,
    enumerable: false,
    configurable: false,
  });
})();
