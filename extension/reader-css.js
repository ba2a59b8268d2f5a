// Styles of the reader, which lives in a closed shadow root: page CSS cannot reach inside and
// these rules cannot leak out. Kept as a string so that the content script can adopt it
// without making the file web-accessible (which would let pages fingerprint the extension).
// Classic script: defines globalThis.MALGEUM_READER_CSS, an own read-only property of the
// isolated world's global (a page's <div id="MALGEUM_READER_CSS"> cannot stand in for it).
if (!Object.getOwnPropertyDescriptor(globalThis, 'MALGEUM_READER_CSS')) Object.defineProperty(globalThis, 'MALGEUM_READER_CSS', { writable: false, enumerable: false, configurable: false, value: String.raw`
.mg-root {
  --mg-bg: #ffffff;
  --mg-fg: #1d2025;
  --mg-muted: #5f6672;
  --mg-rule: #e3e5e8;
  --mg-link: #1a5fb4;
  --mg-quote: #c9cdd3;
  --mg-code-bg: #f3f4f6;
  --mg-font-size: 19px;
  --mg-width: 38em;
  --mg-sans: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue",
    Arial, "Apple SD Gothic Neo", "Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", "맑은 고딕",
    "Noto Sans Arabic", "Noto Sans Hebrew", sans-serif;
  --mg-serif: Charter, "Iowan Old Style", Georgia, Cambria, "Noto Serif", "Times New Roman",
    "AppleMyungjo", "Noto Serif KR", "Noto Serif CJK KR", "Nanum Myeongjo", "Batang", "바탕",
    "Noto Naskh Arabic", "Noto Serif Hebrew", serif;
  --mg-mono: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono", "D2Coding", monospace;

  box-sizing: border-box;
  display: block;
  min-height: 100vh;
  margin: 0;
  padding: 56px 24px 120px;
  background: var(--mg-bg);
  color: var(--mg-fg);
  font-family: var(--mg-sans);
  font-size: var(--mg-font-size);
  line-height: 1.75;
  text-align: start;
  -webkit-text-size-adjust: 100%;
  text-size-adjust: 100%;
  overflow-wrap: break-word;
  font-kerning: normal;
}
.mg-root[data-font="serif"] { font-family: var(--mg-serif); }
.mg-root:focus { outline: none; }
/* The reader's own modal dialog, used only when the page has one open (see content.js). */
.mg-top {
  position: fixed;
  inset: 0;
  box-sizing: border-box;
  width: 100%;
  height: 100%;
  max-width: none;
  max-height: none;
  margin: 0;
  padding: 0;
  border: 0;
  overflow: auto;
  background: none;
  color: inherit;
}
.mg-top::backdrop { background: none; }

/* Korean typography: fonts made for Hangul first, whole words kept on a line, roomier leading. */
.mg-root:lang(ko) {
  --mg-sans: "Pretendard", "Apple SD Gothic Neo", "Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic",
    "맑은 고딕", -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif;
  --mg-serif: "Noto Serif KR", "Noto Serif CJK KR", "Nanum Myeongjo", "나눔명조", "AppleMyungjo",
    "Batang", "바탕", Georgia, serif;
  word-break: keep-all;
  overflow-wrap: anywhere;
  line-height: 1.85;
  letter-spacing: -0.003em;
}
.mg-root:lang(ja), .mg-root:lang(zh) { line-break: strict; line-height: 1.85; }
.mg-root:lang(ar), .mg-root:lang(fa), .mg-root:lang(ur) {
  --mg-sans: "Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", Tahoma, "Geeza Pro", sans-serif;
  --mg-serif: "Noto Naskh Arabic", "Amiri", "Times New Roman", serif;
  line-height: 1.9;
}
.mg-root:lang(he) {
  --mg-sans: "Noto Sans Hebrew", "Segoe UI", Arial, "Arial Hebrew", sans-serif;
  --mg-serif: "Noto Serif Hebrew", "Times New Roman", serif;
}

.mg-root[data-width="narrow"] { --mg-width: 32em; }
.mg-root[data-width="medium"] { --mg-width: 38em; }
.mg-root[data-width="wide"] { --mg-width: 48em; }

.mg-root[data-theme="sepia"] {
  --mg-bg: #f6eedc; --mg-fg: #43372a; --mg-muted: #7a6a55; --mg-rule: #e2d5bb;
  --mg-link: #8a4b12; --mg-quote: #d4c3a1; --mg-code-bg: #ede2c8;
}
.mg-root[data-theme="dark"] {
  --mg-bg: #17191d; --mg-fg: #dadde2; --mg-muted: #9aa1ab; --mg-rule: #2e3238;
  --mg-link: #8ab4f8; --mg-quote: #3d434b; --mg-code-bg: #22252a;
  color-scheme: dark;
}
@media (prefers-color-scheme: dark) {
  .mg-root[data-theme="system"] {
    --mg-bg: #17191d; --mg-fg: #dadde2; --mg-muted: #9aa1ab; --mg-rule: #2e3238;
    --mg-link: #8ab4f8; --mg-quote: #3d434b; --mg-code-bg: #22252a;
    color-scheme: dark;
  }
}
.mg-root[data-theme="dark"] img, .mg-root[data-theme="system"] img { filter: brightness(0.92); }
@media (prefers-color-scheme: light) {
  .mg-root[data-theme="system"] img { filter: none; }
}

.mg-bar {
  position: fixed;
  inset-block-start: 12px;
  inset-inline-end: 12px;
  z-index: 2;
  display: flex;
  gap: 6px;
}
.mg-btn {
  all: unset;
  box-sizing: border-box;
  min-width: 36px;
  height: 36px;
  padding: 0 8px;
  border-radius: 18px;
  display: grid;
  place-items: center;
  cursor: pointer;
  background: var(--mg-bg);
  color: var(--mg-muted);
  border: 1px solid var(--mg-rule);
  font: 16px/1 system-ui, sans-serif;
}
.mg-btn:hover, .mg-btn[aria-pressed="true"], .mg-btn[aria-expanded="true"] { color: var(--mg-fg); }
.mg-btn:focus-visible { outline: 2px solid var(--mg-link); outline-offset: 2px; }
.mg-close { font-size: 20px; }
.mg-btn svg { width: 18px; height: 18px; }
.mg-icon-line { fill: none; stroke: currentColor; stroke-width: 1.8; stroke-linejoin: round; }
.mg-icon-solid { fill: currentColor; stroke: none; }
/* Listen: a bar at the bottom; the sentence being read is highlighted, its block marked. */
.mg-listen {
  position: fixed;
  inset-block-end: 14px;
  inset-inline: 0;
  margin-inline: auto;
  z-index: 2;
  box-sizing: border-box;
  width: fit-content;
  max-width: calc(100vw - 24px);
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px;
  padding: 6px 10px;
  border: 1px solid var(--mg-rule);
  border-radius: 24px;
  background: var(--mg-bg);
  color: var(--mg-fg);
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.14);
  font: 14px/1.3 system-ui, sans-serif;
}
.mg-listen-rate { min-width: 3em; text-align: center; font-variant-numeric: tabular-nums; }
.mg-listen-status { max-width: 22em; color: var(--mg-muted); font-size: 13px; padding-inline: 4px; }
.mg-reading { background: color-mix(in srgb, var(--mg-link) 7%, transparent); border-radius: 3px; }
::highlight(mg-spoken) { background-color: #ffe58a; color: #1d2025; }

/* Contents: a panel at the reader's side. */
.mg-toc {
  position: fixed;
  inset-block-start: 60px;
  inset-inline-end: 12px;
  z-index: 2;
  box-sizing: border-box;
  width: min(300px, calc(100vw - 24px));
  max-height: calc(100vh - 84px);
  overflow: auto;
  padding: 12px 14px;
  border: 1px solid var(--mg-rule);
  border-radius: 8px;
  background: var(--mg-bg);
  color: var(--mg-fg);
  font-size: 15px;
  line-height: 1.45;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.12);
}
.mg-toc[hidden] { display: none; }
.mg-toc-title { margin: 0 0 6px; font-weight: 700; color: var(--mg-muted); font-size: 13px; }
.mg-toc ol { list-style: none; margin: 0; padding: 0; }
.mg-toc li { margin: 0; }
.mg-toc .mg-toc-h3 { padding-inline-start: 1em; }
.mg-toc .mg-toc-h4 { padding-inline-start: 2em; }
.mg-toc button {
  all: unset;
  box-sizing: border-box;
  display: block;
  width: 100%;
  padding: 5px 6px;
  border-radius: 4px;
  cursor: pointer;
}
.mg-toc button:hover { background: var(--mg-code-bg); }
.mg-toc button:focus-visible { outline: 2px solid var(--mg-link); }
.mg-close:focus-visible { outline: 2px solid var(--mg-link); outline-offset: 2px; }

.mg-article { max-width: var(--mg-width); margin: 0 auto; }
.mg-header { margin-block-end: 2em; padding-block-end: 1.4em; border-block-end: 1px solid var(--mg-rule); }
.mg-site {
  margin: 0 0 0.8em;
  font-size: 0.78em;
  color: var(--mg-muted);
  letter-spacing: 0.02em;
}
.mg-title {
  margin: 0 0 0.5em;
  font-size: 1.9em;
  line-height: 1.3;
  font-weight: 700;
  letter-spacing: -0.01em;
}
.mg-subtitle { margin: 0 0 0.8em; font-size: 1.12em; line-height: 1.55; color: var(--mg-muted); }
.mg-meta { margin: 0; font-size: 0.82em; color: var(--mg-muted); }
.mg-meta > * + *::before { content: "·"; margin-inline: 0.5em; color: var(--mg-rule); }

.mg-content > :first-child { margin-block-start: 0; }
.mg-content p, .mg-content ul, .mg-content ol, .mg-content dl, .mg-content table,
.mg-content pre, .mg-content blockquote, .mg-content details { margin: 0 0 1.15em; }
.mg-content h2, .mg-content h3, .mg-content h4, .mg-content h5, .mg-content h6 {
  margin: 1.8em 0 0.6em;
  line-height: 1.35;
}
.mg-content h2 { font-size: 1.4em; }
.mg-content h3 { font-size: 1.2em; }
.mg-content h4, .mg-content h5, .mg-content h6 { font-size: 1em; }
.mg-content a, .mg-footer a { color: var(--mg-link); text-decoration: underline; text-underline-offset: 0.15em; }
.mg-content img, .mg-lead img {
  display: block;
  max-width: 100%;
  height: auto;
  margin: 0 auto;
  border-radius: 3px;
}
.mg-content figure, .mg-lead { margin: 1.8em 0; }
.mg-content figure img, .mg-lead img { width: auto; }
/* Until it loads, an image without a height of its own holds a place: lazy loading then sees only
   the images near the viewport (zero-height ones would all be "near"). */
.mg-content img:not([height]):not(.mg-loaded), .mg-lead img:not(.mg-loaded) { min-height: 12em; object-fit: contain; }
/* Images past the reader's cap wait for "show more". */
.mg-content img:not([src]) { display: none; }
.mg-note {
  margin: 0 0 1.4em;
  padding: 0.6em 0.9em;
  border-inline-start: 3px solid var(--mg-link);
  background: var(--mg-code-bg);
  font-size: 0.85em;
  color: var(--mg-fg);
}
.mg-more {
  all: unset;
  box-sizing: border-box;
  display: block;
  margin: 1.5em auto;
  padding: 0.5em 1.2em;
  border: 1px solid var(--mg-rule);
  border-radius: 999px;
  cursor: pointer;
  color: var(--mg-link);
  font-size: 0.85em;
}
.mg-more:focus-visible { outline: 2px solid var(--mg-link); outline-offset: 2px; }
.mg-content figcaption, .mg-lead figcaption {
  margin-block-start: 0.6em;
  font-size: 0.8em;
  line-height: 1.55;
  color: var(--mg-muted);
}
.mg-credit { margin-inline-start: 0.4em; opacity: 0.85; }
.mg-content blockquote {
  margin-inline: 0;
  padding-inline-start: 1em;
  border-inline-start: 3px solid var(--mg-quote);
  color: var(--mg-muted);
}
.mg-content ul, .mg-content ol { padding-inline-start: 1.4em; }
.mg-content li { margin-block-end: 0.35em; }
.mg-content pre, .mg-content code {
  font-family: var(--mg-mono);
  font-size: 0.85em;
  background: var(--mg-code-bg);
  border-radius: 3px;
}
.mg-content code { padding: 0.1em 0.3em; }
.mg-content pre { padding: 0.8em 1em; overflow-x: auto; line-height: 1.5; }
.mg-content pre code { padding: 0; background: none; font-size: 1em; }
.mg-content table { border-collapse: collapse; display: block; overflow-x: auto; font-size: 0.88em; }
.mg-content th, .mg-content td { border: 1px solid var(--mg-rule); padding: 0.35em 0.6em; vertical-align: top; }
.mg-content hr { border: 0; border-block-start: 1px solid var(--mg-rule); margin: 2em 0; }
.mg-footer {
  margin-block-start: 2.5em;
  padding-block-start: 1.2em;
  border-block-start: 1px solid var(--mg-rule);
  font-size: 0.8em;
  color: var(--mg-muted);
}
.mg-footer p { margin: 0 0 0.5em; }

@media (max-width: 600px) {
  .mg-root { padding: 52px 16px 80px; }
  .mg-title { font-size: 1.6em; }
}

/* The small notice shown on the page when the keyboard shortcut finds no article. */
.mg-notice {
  position: fixed;
  inset-block-start: 16px;
  inset-inline-end: 16px;
  z-index: 2147483647;
  max-width: 360px;
  padding: 12px 16px;
  border-radius: 8px;
  background: #1d2025;
  color: #fff;
  font: 14px/1.5 -apple-system, "Segoe UI", Roboto, "Noto Sans KR", "Noto Sans CJK KR", sans-serif;
  word-break: keep-all;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.25);
  cursor: pointer;
}

/* Print: the article alone, dark text on white whatever the theme, link addresses after the
   links, figures and images never split across pages. */
@media print {
  .mg-bar, .mg-toc, .mg-listen, .mg-more, .mg-notice { display: none !important; }
  .mg-root, .mg-root[data-theme] {
    --mg-bg: #ffffff; --mg-fg: #000000; --mg-muted: #333333; --mg-rule: #999999;
    --mg-link: #000000; --mg-quote: #999999; --mg-code-bg: #f2f2f2;
    color-scheme: light;
    padding: 0;
    min-height: 0;
    background: #ffffff;
    color: #000000;
  }
  .mg-article { max-width: none; }
  .mg-root img, .mg-root[data-theme] img { filter: none; }
  .mg-content a[href^="http"]::after, .mg-footer a[href^="http"]::after {
    content: " (" attr(href) ")";
    font-size: 0.85em;
    overflow-wrap: anywhere;
    word-break: break-all;
  }
  .mg-content figure, .mg-lead, .mg-content img, .mg-content table, .mg-content pre, .mg-content blockquote { break-inside: avoid; }
  .mg-content h2, .mg-content h3, .mg-content h4 { break-after: avoid; }
  .mg-spoken { background: none !important; }
}
` });
