// Drives headless Firefox ESR through geckodriver for the extension's end-to-end tests.
// DESIGN.md §5: geckodriver runs with --allow-system-access so the chrome (privileged) context
// can open moz-extension:// pages (WebDriver refuses to navigate there), the extension is a
// temporary add-on, and its moz-extension host is pinned with `extensions.webextensions.uuids`.
//
// Everything privileged happens in the chrome context: finding a tab's WebExtension id, reading
// the clipboard, reading the reader's closed shadow root (from a frame script in the content
// process, which may use the chrome-only `openOrClosedShadowRoot`), logging every HTTP request
// the browser opens, and collecting browser-console errors.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { Builder } from 'selenium-webdriver';
import firefox from 'selenium-webdriver/firefox.js';
import { load as loadZip } from 'selenium-webdriver/io/zip.js';

export const GECKODRIVER_VERSION = '0.36.0';

export function geckodriverPath() {
  const tools = process.env.MALGEUM_TOOLS || path.join(os.homedir(), '.cache/malgeum/tools');
  return path.join(tools, `geckodriver-${GECKODRIVER_VERSION}`, 'bin', 'geckodriver');
}

export function firefoxPath() {
  return process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';
}

/** Missing prerequisites, as human-readable strings (empty when everything is there). */
export function missingPrerequisites(extDir, { packaged = [] } = {}) {
  const missing = [];
  if (!fs.existsSync(firefoxPath())) missing.push(`${firefoxPath()} (scripts/setup.sh --browsers)`);
  if (!fs.existsSync(geckodriverPath())) missing.push(`${geckodriverPath()} (scripts/setup.sh --browsers)`);
  if (extDir && !fs.existsSync(path.join(extDir, 'manifest.json'))) missing.push(`${extDir}/manifest.json (./build.sh --test)`);
  for (const p of packaged) if (!fs.existsSync(p)) missing.push(`${p} (./build.sh)`);
  return missing;
}

/**
 * A stand-in HTTP proxy on 127.0.0.1 that every non-local request is sent to. It answers 502
 * and records the host, so nothing leaves the machine and the tests see where the browser tried
 * to go (the browser never proxies 127.0.0.1 itself).
 */
export async function startBlackholeProxy() {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push({ method: req.method, url: req.url });
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('blocked by test proxy');
  });
  server.on('connect', (req, socket) => {
    hits.push({ method: 'CONNECT', url: req.url });
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    hits,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}

async function readManifest(ext) {
  if (fs.statSync(ext).isDirectory()) return JSON.parse(fs.readFileSync(path.join(ext, 'manifest.json'), 'utf8'));
  const zip = await loadZip(ext); // a packaged .zip / .xpi
  return JSON.parse((await zip.getFile('manifest.json')).toString('utf8'));
}

async function readManifestGeckoId(ext) {
  const manifest = await readManifest(ext);
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${ext}: manifest.json has no browser_specific_settings.gecko.id`);
  return { id, manifest };
}

// Preferences that keep Firefox from talking to Mozilla's services during a test run, so that
// the request log holds only what the pages and the extension asked for.
const QUIET_PREFS = {
  'app.normandy.enabled': false,
  'app.shield.optoutstudies.enabled': false,
  'app.update.auto': false,
  'app.update.enabled': false,
  'browser.aboutHomeStartupCache.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.newtabpage.activity-stream.feeds.section.topstories': false,
  'browser.newtabpage.activity-stream.feeds.topsites': false,
  'browser.newtabpage.activity-stream.showSponsored': false,
  'browser.newtabpage.activity-stream.showSponsoredTopSites': false,
  'browser.ping-centre.telemetry': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.provider.mozilla.updateURL': '',
  'browser.search.update': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.page': 0,
  'browser.topsites.contile.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'dom.push.connection.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.http.speculative-parallel-limit': 0,
  'network.prefetch-next': false,
  'network.trr.mode': 5,
  'security.OCSP.enabled': 0,
  'services.settings.server': 'http://127.0.0.1:9/',
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.server': '',
  'toolkit.telemetry.unified': false,
  // The reader may load the page's own images; keep devtools quiet.
  'devtools.console.stdout.content': false,
  // Clipboard: allow reads from the privileged scope without a paste prompt.
  'dom.events.asyncClipboard.readText': true,
  'dom.events.testing.asyncClipboard': true,
};

/**
 * Starts headless Firefox with the unpacked extension in `extDir` installed as a temporary
 * add-on, its moz-extension host pinned to `uuid`. Returns a FirefoxSession.
 */
export async function launchFirefox({ extDir, uuid = 'a5b3c1d2-0e0f-4a4b-9c9d-7e7f5a5b3c3d', proxyPort, width = 1280, height = 900 }) {
  const { id: geckoId, manifest } = await readManifestGeckoId(extDir);
  const options = new firefox.Options()
    .setBinary(firefoxPath())
    .addArguments('-headless', `--width=${width}`, `--height=${height}`);
  // geckodriver creates a fresh temporary profile per session and removes it on quit.
  for (const [k, v] of Object.entries(QUIET_PREFS)) options.setPreference(k, v);
  options.setPreference('extensions.webextensions.uuids', JSON.stringify({ [geckoId]: uuid }));
  // Saves (a Blob link clicked in the popup) go to a directory of this run, without a dialog.
  const downloadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'malgeum-ff-downloads-'));
  options.setPreference('browser.download.folderList', 2);
  options.setPreference('browser.download.dir', downloadDir);
  options.setPreference('browser.download.useDownloadDir', true);
  options.setPreference('browser.download.always_ask_before_handling_new_types', false);
  options.setPreference('browser.download.start_downloads_in_tmp_dir', false);
  options.setPreference('browser.download.alwaysOpenPanel', false);
  options.setPreference('browser.download.panel.shown', true);
  // window.print() prints silently to a PDF in that directory (no dialog to hang a headless run).
  options.setPreference('print.always_print_silent', true);
  options.setPreference('print.show_print_progress', false);
  options.setPreference('print_printer', 'Mozilla Save to PDF');
  options.setPreference('print.printer_Mozilla_Save_to_PDF.print_to_file', true);
  options.setPreference('print.printer_Mozilla_Save_to_PDF.print_to_filename', path.join(downloadDir, 'printed.pdf'));
  if (proxyPort) {
    options.setPreference('network.proxy.type', 1);
    for (const scheme of ['http', 'ssl']) {
      options.setPreference(`network.proxy.${scheme}`, '127.0.0.1');
      options.setPreference(`network.proxy.${scheme}_port`, proxyPort);
    }
    options.setPreference('network.proxy.share_proxy_settings', true);
    options.setPreference('network.proxy.no_proxies_on', '');
    options.setPreference('network.proxy.allow_hijacking_localhost', false);
    options.setPreference('network.proxy.socks_remote_dns', false);
  }
  const service = new firefox.ServiceBuilder(geckodriverPath()).addArguments('--allow-system-access');
  if (process.env.MALGEUM_GECKO_LOG) service.setStdio(['ignore', 'inherit', 'inherit']);
  const driver = await new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  const session = new FirefoxSession(driver, { extDir, geckoId, uuid, manifest });
  session.downloadDir = downloadDir;
  // Do not leave Firefox and geckodriver behind when the test run is interrupted.
  const onSignal = (sig) => { session.quit().finally(() => process.exit(sig === 'SIGINT' ? 130 : 143)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  session.offSignals = () => { process.off('SIGINT', onSignal); process.off('SIGTERM', onSignal); };
  try {
    await session.init();
  } catch (e) {
    await session.quit();
    throw e;
  }
  return session;
}

export class FirefoxSession {
  constructor(driver, { extDir, geckoId, uuid, manifest }) {
    this.driver = driver;
    this.extDir = extDir;
    this.geckoId = geckoId;
    this.uuid = uuid;
    this.manifest = manifest;
    this.base = `moz-extension://${uuid}/`;
    this.tabIds = new Map(); // WebDriver window handle -> WebExtension tab id
  }

  /** The WebExtension tabs-API id of a tab opened with openTab(). */
  tabIdOf(handle) {
    const id = this.tabIds.get(handle);
    if (id == null) throw new Error(`unknown tab handle ${handle}`);
    return id;
  }

  async init() {
    // Log requests and console messages before the extension starts, so its background's
    // start-up is covered too.
    await this.chrome(INSTALL_MONITORS);
    this.addonId = await this.driver.installAddon(this.extDir, true);
    // The background page / scripts start asynchronously: wait until the policy is active.
    await this.chrome(`
      const [uuid, done] = [arguments[0], arguments[arguments.length - 1]];
      const { WebExtensionPolicy } = globalThis;
      const t0 = Date.now();
      (function poll() {
        const p = WebExtensionPolicy.getByHostname(uuid);
        if (p && p.active) return done(p.id);
        if (Date.now() - t0 > 15000) return done('timeout');
        setTimeout(poll, 50);
      })();`, [this.uuid], { async: true });
    this.mainHandle = await this.driver.getWindowHandle();
  }

  /** Runs `script` (a function body; `arguments` as usual) in the chrome context. */
  async chrome(script, args = [], { async = false } = {}) {
    await this.driver.setContext(firefox.Context.CHROME);
    try {
      return async ? await this.driver.executeAsyncScript(script, ...args) : await this.driver.executeScript(script, ...args);
    } finally {
      await this.driver.setContext(firefox.Context.CONTENT);
    }
  }

  /** Opens `url` in a new foreground tab (any scheme, moz-extension:// included) and switches WebDriver to it. */
  async openTab(url) {
    const before = new Set(await this.driver.getAllWindowHandles());
    const tabId = await this.chrome(`
      const tab = gBrowser.addTab(arguments[0], {
        triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
      });
      gBrowser.selectedTab = tab;
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      return ExtensionParent.apiManager.global.tabTracker.getId(tab);`, [url]);
    let handle;
    for (let i = 0; i < 200 && !handle; i++) {
      handle = (await this.driver.getAllWindowHandles()).find((h) => !before.has(h));
      if (!handle) await sleep(25);
    }
    if (!handle) throw new Error(`no window handle appeared for ${url}`);
    this.tabIds.set(handle, tabId);
    await this.driver.switchTo().window(handle);
    await this.waitForLoad(url);
    return handle;
  }

  /** Waits until the current tab shows `url` (not the initial about:blank) and has loaded. */
  async waitForLoad(url, timeout = 15000) {
    const t0 = Date.now();
    let last;
    for (;;) {
      try {
        last = await this.driver.executeScript('return [document.URL, document.readyState]');
        if ((!url || last[0] === url) && last[1] === 'complete') return;
      } catch (e) {
        last = [String(e.message || e)];
      }
      if (Date.now() - t0 > timeout) throw new Error(`tab did not load ${url} within ${timeout} ms (at ${JSON.stringify(last)})`);
      await sleep(25);
    }
  }

  /** Opens the extension's popup page for `tabId` in a new tab and switches to it. */
  async openPopup(tabId, popupPath = 'extension/popup.html') {
    const handle = await this.openTab(`${this.base}${popupPath}${tabId == null ? '' : `?tab=${tabId}`}`);
    return handle;
  }

  /** Selects the tab with WebDriver handle `handle` in the browser UI too, and switches WebDriver to it. */
  async selectTab(handle) {
    await this.driver.switchTo().window(handle);
  }

  async closeTab(handle) {
    await this.driver.switchTo().window(handle);
    await this.driver.close();
    const handles = await this.driver.getAllWindowHandles();
    await this.driver.switchTo().window(handles.includes(this.mainHandle) ? this.mainHandle : handles[0]);
  }

  /** The WebExtension tabs-API id of the tab whose content URL is `url` (first match). */
  async extensionTabId(url) {
    const id = await this.chrome(`
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const tracker = ExtensionParent.apiManager.global.tabTracker;
      for (const tab of gBrowser.tabs) {
        if (tab.linkedBrowser.currentURI.spec === arguments[0]) return tracker.getId(tab);
      }
      return null;`, [url]);
    if (id == null) throw new Error(`no tab with URL ${url}`);
    return id;
  }

  /** Text on the system clipboard (Firefox's headless clipboard), read with the system principal. */
  async readClipboard() {
    return this.chrome(`
      const trans = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
      trans.init(null);
      trans.addDataFlavor('text/plain');
      try {
        Services.clipboard.getData(trans, Ci.nsIClipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
      } catch (e) {
        Services.clipboard.getData(trans, Ci.nsIClipboard.kGlobalClipboard);
      }
      const data = {};
      try { trans.getTransferData('text/plain', data); } catch (e) { return null; }
      return data.value ? data.value.QueryInterface(Ci.nsISupportsString).data : null;`);
  }

  /** Puts `text` on the clipboard (so a later read proves that a copy replaced it). */
  async writeClipboard(text) {
    await this.chrome(`
      Cc['@mozilla.org/widget/clipboardhelper;1'].getService(Ci.nsIClipboardHelper).copyString(arguments[0]);`, [text]);
  }

  /**
   * Inspects the reader in the tab with WebExtension id `tabId` from the content process with chrome
   * privileges: count of #malgeum-reader, whether it has a (closed) shadow root, the shadow
   * root's text and HTML, and the `hidden`/display state of the page's original body children.
   */
  async inspectReader(tabId) {
    return this.chrome(`
      const [tabId, done] = [arguments[0], arguments[arguments.length - 1]];
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const tab = ExtensionParent.apiManager.global.tabTracker.getTab(tabId, null);
      if (!tab) return done({ error: 'no tab with id ' + tabId });
      const mm = tab.linkedBrowser.messageManager;
      const name = 'malgeum-test:reader:' + Math.random().toString(36).slice(2);
      const listener = (msg) => { mm.removeMessageListener(name, listener); done(msg.data); };
      mm.addMessageListener(name, listener);
      const frameScript = '(' + function (name) {
        const doc = content.document;
        const hosts = doc.querySelectorAll('#malgeum-reader');
        const out = { count: hosts.length, url: doc.URL };
        const host = hosts[0];
        if (host) {
          const root = host.openOrClosedShadowRoot;
          out.hasShadowRoot = !!root;
          out.shadowMode = root ? root.mode : null;
          const scope = root || host;
          out.text = scope.textContent;
          // innerText of the shadow tree's top elements approximates what a user sees.
          out.visibleText = Array.from(scope.children || []).map((e) => e.innerText || '').join('\\n');
          out.html = root ? root.innerHTML : host.innerHTML;
          out.lang = (scope.querySelector && scope.querySelector('[lang]')) ? scope.querySelector('[lang]').getAttribute('lang') : host.getAttribute('lang');
          out.dir = (scope.querySelector && scope.querySelector('[dir]')) ? scope.querySelector('[dir]').getAttribute('dir') : host.getAttribute('dir');
          out.anchors = root ? Array.from(root.querySelectorAll('a')).map((a) => ({ cls: a.className, text: a.textContent, href: a.getAttribute('href') })) : [];
          // The colours a reader shows: the first opaque background from the host down.
          const opaque = (c) => c && c !== 'transparent' && !/rgba\\(.*,\\s*0\\)$/.test(c);
          let bg = null, fg = null;
          const walk = [host, ...(root ? root.querySelectorAll('*') : [])].slice(0, 40);
          for (const e of walk) {
            const cs = content.getComputedStyle(e);
            if (!bg && opaque(cs.backgroundColor)) bg = cs.backgroundColor;
            if (!fg && e !== host && e.textContent.trim()) fg = cs.color;
          }
          // Images wider than the block they sit in (they would overflow the text column).
          out.overflowingImages = root ? Array.from(root.querySelectorAll('img')).map((img) => {
            const w = img.getBoundingClientRect().width;
            const box = img.parentElement.getBoundingClientRect().width;
            return { src: img.getAttribute('src'), width: Math.round(w), container: Math.round(box), cls: img.parentElement.className };
          }).filter((x) => x.width > x.container + 1) : [];
          const para = root ? root.querySelector('p') : null;
          if (para) {
            const cs = content.getComputedStyle(para);
            out.paragraphStyle = { wordBreak: cs.wordBreak, lineHeight: parseFloat(cs.lineHeight) / parseFloat(cs.fontSize), fontFamily: cs.fontFamily };
          }
          out.background = bg;
          out.color = fg;
          const r = host.getBoundingClientRect();
          out.hostRect = { w: r.width, h: r.height };
          out.hostDisplay = content.getComputedStyle(host).display;
        }
        // Is the original content still in the DOM, and is it hidden?
        const originals = Array.from(doc.body ? doc.body.children : []).filter((e) => e.id !== 'malgeum-reader');
        out.originalCount = originals.length;
        out.originalVisible = originals.filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && content.getComputedStyle(e).visibility !== 'hidden'; }).map((e) => e.tagName + (e.id ? '#' + e.id : ''));
        sendAsyncMessage(name, out);
      } + ')(' + JSON.stringify(name) + ')';
      mm.loadFrameScript('data:,' + encodeURIComponent(frameScript), false);
    `, [tabId], { async: true });
  }

  /**
   * Runs `fnSource` (the source of a function of `content`, returning something JSON-able) in
   * the tab's content process with chrome privileges (closed shadow roots readable), and
   * returns its result.
   */
  async inContent(tabId, fnSource) {
    return this.chrome(`
      const [tabId, fnSource, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const tab = ExtensionParent.apiManager.global.tabTracker.getTab(tabId, null);
      if (!tab) return done({ error: 'no tab with id ' + tabId });
      const mm = tab.linkedBrowser.messageManager;
      const name = 'malgeum-test:eval:' + Math.random().toString(36).slice(2);
      const listener = (msg) => { mm.removeMessageListener(name, listener); done(msg.data); };
      mm.addMessageListener(name, listener);
      // The function is part of the frame script's own source (eval is not allowed there).
      const frameScript = '(' + function (name, fn) {
        let out;
        try { out = fn(content); } catch (e) { out = { error: String(e) }; }
        sendAsyncMessage(name, out);
      } + ')(' + JSON.stringify(name) + ', ' + fnSource + ')';
      mm.loadFrameScript('data:,' + encodeURIComponent(frameScript), false);
    `, [tabId, fnSource], { async: true });
  }

  /** Shows the tab with WebExtension id `tabId` as if printing (CSS media 'print'), or not. */
  async emulatePrint(tabId, on) {
    return this.chrome(`
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const tab = ExtensionParent.apiManager.global.tabTracker.getTab(arguments[0], null);
      tab.linkedBrowser.browsingContext.mediumOverride = arguments[1] ? 'print' : '';
      return true;`, [tabId, on]);
  }

  /** Finished downloads since start: [{path, name, succeeded, source}]. */
  async downloads() {
    return this.chrome(`
      const done = arguments[arguments.length - 1];
      const { Downloads } = ChromeUtils.importESModule('resource://gre/modules/Downloads.sys.mjs');
      Downloads.getList(Downloads.ALL).then((l) => l.getAll()).then((all) => done(all.map((d) => ({
        path: d.target.path, succeeded: d.succeeded, error: d.error ? String(d.error.message || d.error) : null,
        source: d.source.url,
      }))), (e) => done({ error: String(e) }));`, [], { async: true });
  }

  /** Every HTTP(S) request the browser has opened since start, with what triggered it. */
  async requestLog() {
    return this.chrome('return window.__malgeumTest.requests.slice()');
  }

  /** Browser-console errors and warnings since start (page, extension and chrome). */
  async consoleLog() {
    return this.chrome('return window.__malgeumTest.console.slice()');
  }

  async quit() {
    this.offSignals?.();
    if (this.downloadDir) fs.rmSync(this.downloadDir, { recursive: true, force: true });
    if (this.quitting) return this.quitting;
    this.quitting = this.driver.quit().catch(() => { /* already gone */ });
    return this.quitting;
  }
}

const INSTALL_MONITORS = `
  if (window.__malgeumTest) return;
  const state = window.__malgeumTest = { requests: [], console: [] };
  const origin = (p) => { try { return p ? (p.isSystemPrincipal ? '[system]' : p.origin) : null; } catch (e) { return String(e); } };
  const observer = {
    observe(subject, topic) {
      try {
        const ch = subject.QueryInterface(Ci.nsIHttpChannel);
        const li = ch.loadInfo;
        state.requests.push({
          t: Date.now(),
          url: ch.URI.spec,
          host: ch.URI.host,
          triggering: li ? origin(li.triggeringPrincipal) : null,
          loading: li ? origin(li.loadingPrincipal) : null,
          type: li ? li.externalContentPolicyType : null,
        });
      } catch (e) { state.requests.push({ error: String(e) }); }
    },
  };
  Services.obs.addObserver(observer, 'http-on-opening-request');
  state.observer = observer;
  const listener = {
    observe(msg) {
      try {
        if (msg instanceof Ci.nsIScriptError) {
          const warn = msg.flags & Ci.nsIScriptError.warningFlag;
          state.console.push({ level: warn ? 'warning' : 'error', message: msg.errorMessage, source: msg.sourceName, line: msg.lineNumber, category: msg.category });
        } else {
          state.console.push({ level: 'log', message: msg.message });
        }
      } catch (e) { /* ignore */ }
    },
  };
  Services.console.registerListener(listener);
  state.consoleListener = listener;
`;

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
