// The one door through which page-derived HTML enters the reader.
//
// The engine already allowlists its output, but the reader does not trust it: every string of
// markup is parsed into an inert document (DOMParser: no scripts run, nothing loads, no handlers
// fire), then a fresh tree is rebuilt in the target document with createElement/createTextNode,
// copying only allowlisted elements and attributes and only http(s) URLs. Nothing is ever
// assigned to innerHTML. scripts/lint-innerhtml.sh keeps it the only parser of HTML in extension/.
//
// Classic script (content scripts cannot be modules): it defines globalThis.MalgeumSanitize as an
// own, read-only, non-configurable property of the isolated world's global. The page can put
// named properties on window (<form id="MalgeumSanitize">), which a plain `globalThis.X` read
// would find; own properties come first, and only our scripts can create them in this world.
(() => {
  'use strict';
  if (Object.getOwnPropertyDescriptor(globalThis, 'MalgeumSanitize')) return;

  const HTML_NS = 'http://www.w3.org/1999/xhtml';
  const MAX_DEPTH = 64; // deeper elements are unwrapped: their text stays, their nesting does not
  const MAX_NODES = 200000; // a hostile input cannot make the reader build an unbounded tree

  // Elements dropped together with everything inside them.
  const DROP = new Set([
    'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed',
    'applet', 'param', 'canvas', 'audio', 'video', 'source', 'track', 'map', 'area', 'form', 'input',
    'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output', 'progress', 'meter',
    'link', 'meta', 'base', 'title', 'head', 'dialog', 'slot', 'portal', 'xmp', 'plaintext',
    'noembed', 'noframes', 'nav', 'menu', 'svg', 'math', 'marquee', 'fencedframe', 'search',
  ]);

  // Allowed elements -> allowed attributes (besides the global lang and dir).
  const ALLOW = {
    p: [], br: [], hr: [], div: [], span: [], section: [], article: [], main: [], aside: [],
    header: [], footer: [], address: [], center: [],
    h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
    blockquote: [], pre: [], code: [], kbd: [], samp: [], var: [],
    ul: [], ol: ['start', 'reversed', 'type'], li: ['value'], dl: [], dt: [], dd: [],
    em: [], strong: [], b: [], i: [], u: [], s: [], strike: [], del: [], ins: [], mark: [],
    small: [], big: [], sub: [], sup: [], q: [], cite: [], dfn: [], abbr: ['title'], bdi: [], bdo: [],
    ruby: [], rt: [], rp: [], wbr: [], time: ['datetime'],
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    figure: [], figcaption: [], picture: [],
    table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], colgroup: ['span'], col: ['span'],
    th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'],
    details: [], summary: [],
  };
  // Renamed on the way in: the reader's own <h1> is the title; old presentational tags.
  const RENAME = { h1: 'h2', center: 'div', strike: 's', big: 'span', main: 'div' };

  const URL_SCHEMES = { href: new Set(['http:', 'https:', 'mailto:']), src: new Set(['http:', 'https:']) };

  /** Returns an absolute, allowlisted URL string, or null. */
  function safeUrl(value, baseUrl, kind = 'href') {
    if (typeof value !== 'string') return null;
    const trimmed = value.trim();
    if (!trimmed || trimmed.length > 8192) return null;
    let url;
    try {
      url = new URL(trimmed, baseUrl || undefined);
    } catch {
      return null;
    }
    if (!URL_SCHEMES[kind === 'src' ? 'src' : 'href'].has(url.protocol)) return null;
    return url.href;
  }

  function cleanAttr(tag, name, value, baseUrl) {
    switch (name) {
      case 'href':
        return safeUrl(value, baseUrl, 'href');
      case 'src':
        return safeUrl(value, baseUrl, 'src');
      case 'lang':
        return /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(value) ? value : null;
      case 'dir':
        return /^(ltr|rtl|auto)$/i.test(value) ? value.toLowerCase() : null;
      case 'width': case 'height': case 'span': case 'colspan': case 'rowspan': case 'start': case 'value':
        return /^\d{1,5}$/.test(value.trim()) ? value.trim() : null;
      case 'reversed':
        return '';
      case 'type':
        return /^[1aAiI]$/.test(value) ? value : null;
      case 'scope':
        return /^(row|col|rowgroup|colgroup)$/i.test(value) ? value.toLowerCase() : null;
      case 'datetime':
        return /^[0-9T:+\-.Z ]{4,40}$/.test(value) ? value : null;
      default: // alt, title: plain text, at a sane length
        return value.length > 2000 ? value.slice(0, 2000) : value;
    }
  }

  function parseInert(html) {
    // DOMParser documents have no browsing context: nothing executes or loads.
    return new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${html}</body></html>`, 'text/html');
  }

  /**
   * Parses `html` and returns a DocumentFragment of `doc` holding only allowlisted markup.
   * `baseUrl` resolves relative links and images.
   * `opts` (optional): `maxImages` — images past this many get no `src` (the caller keeps their
   * URLs and loads them on demand); `report` — an object filled with `truncated` (the node budget
   * ran out before the end) and `deferred` ([img, url] for the images held back).
   */
  function sanitizeHtml(html, doc, baseUrl, opts) {
    const out = doc.createDocumentFragment();
    const maxImages = opts && Number.isInteger(opts.maxImages) && opts.maxImages >= 0 ? opts.maxImages : Infinity;
    const report = (opts && opts.report && typeof opts.report === 'object') ? opts.report : {};
    report.truncated = false;
    report.deferred = [];
    let images = 0;
    if (typeof html !== 'string' || html === '') return out;
    const src = parseInert(html).body;
    let budget = MAX_NODES;
    // Iterative walk: [source node, destination parent, depth].
    const stack = [];
    for (let c = src.lastChild; c; c = c.previousSibling) stack.push([c, out, 0]);
    while (stack.length && budget-- > 0) {
      const [node, parent, depth] = stack.pop();
      if (node.nodeType === 3) { // text
        parent.appendChild(doc.createTextNode(node.data));
        continue;
      }
      if (node.nodeType !== 1) continue; // comments, processing instructions
      if (node.namespaceURI !== HTML_NS) continue; // svg, math and whatever lives inside them
      const tag = node.localName;
      if (DROP.has(tag)) continue;
      let target = parent;
      if (Object.hasOwn(ALLOW, tag) && depth < MAX_DEPTH) {
        const el = doc.createElement(RENAME[tag] || tag);
        let src = null;
        if (tag === 'img') {
          // An image fetches as soon as it has a src, attached or not: lazy loading has to be
          // set first, and the src last.
          src = node.hasAttribute('src') ? cleanAttr(tag, 'src', node.getAttribute('src'), baseUrl) : null;
          if (src === null) continue; // an image without a safe source is nothing
          el.setAttribute('loading', 'lazy');
          el.setAttribute('decoding', 'async');
        }
        for (const name of ALLOW[tag].concat(['lang', 'dir'])) {
          if (name === 'src' || !node.hasAttribute(name)) continue;
          const v = cleanAttr(tag, name, node.getAttribute(name), baseUrl);
          if (v !== null) el.setAttribute(name, v);
        }
        if (tag === 'a' && el.hasAttribute('href')) el.setAttribute('rel', 'noopener noreferrer');
        if (src !== null) {
          if (images++ < maxImages) el.setAttribute('src', src);
          else report.deferred.push([el, src]);
        }
        parent.appendChild(el);
        target = el;
      }
      // Unknown elements (and too-deep ones) are unwrapped: their children go to `parent`.
      const childDepth = target === parent ? depth : depth + 1;
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push([c, target, childDepth]);
    }
    report.truncated = stack.length > 0;
    return out;
  }

  Object.defineProperty(globalThis, 'MalgeumSanitize', {
    value: Object.freeze({ sanitizeHtml, safeUrl }),
    writable: false,
    enumerable: false,
    configurable: false,
  });
})();
