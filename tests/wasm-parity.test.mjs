// The browser's engine is the native engine: pkg/malgeum_bg.wasm (built by wasm/ with the
// UTF-8-only encoding_rs of crates/encoding-utf8) must export exactly what the native CLI
// (the real encoding_rs) exports for the same text. (Text written with named character
// references beyond HTML 4's would differ: the browser build leaves those to the browser, which
// decodes them before the engine sees the page; src/charref.rs, and a Chromium test.)
//
// Pages: the bundled seed page, the browser tests' pages, text built to stress the non-ASCII
// paths, and, when ../shared/corpus is there, every corpus page whose bytes are UTF-8. Each is
// written to a temporary file with a UTF-8 BOM (which wins over any <meta charset>) for one
// `malgeum --jsonl --url-map` run, and handed to the wasm `extract` as a string.
//
//   node --test tests/wasm-parity.test.mjs      (after ./build.sh and cargo build --release)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { listCorpusPages, readPageText } from '../bench/corpus.mjs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'target', 'release', 'malgeum');

function repoPages() {
  const pages = [];
  const seed = join(ROOT, 'examples', 'businesspost-naver-sovereign-ai');
  pages.push({
    name: 'seed',
    url: JSON.parse(readFileSync(join(seed, 'truth.json'), 'utf8')).url,
    html: readFileSync(join(seed, 'source.html'), 'utf8'),
  });
  const dir = join(ROOT, 'tests', 'browser', 'pages');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
    pages.push({ name: `pages/${f}`, url: `http://127.0.0.1/${f}`, html: readFileSync(join(dir, f), 'utf8') });
  }
  // Non-ASCII everywhere the engine reads: text, attributes, titles, entities, 4-byte characters.
  const para = (i) => `<p class="본문">문단 ${i}: 맑음 ☀ — «guillemets», emoji 🌤️👩‍💻, Ünïcödé, العربية, 日本語テキスト, &amp;&#xAC00;&hearts;. ${'가나다라마바사 '.repeat(12)}</p>`;
  pages.push({
    name: 'synthetic non-ASCII',
    url: 'https://example.org/기사/1',
    html: `<!doctype html><html lang="ko"><head><meta charset="euc-kr"><title>제목 &lt;b&gt;굵게&lt;/b&gt; — 맑음</title>
<meta property="og:title" content="오픈그래프 제목 🌤️"></head><body><nav>메뉴 홈 정치 경제</nav>
<article><h1>제목</h1><p class="byline">홍길동 기자 hong@example.org</p>${Array.from({ length: 12 }, (_, i) => para(i)).join('\n')}
<figure><img src="/사진.jpg" alt="사진 &lt;설명&gt;"><figcaption>캡션 <사진제공></figcaption></figure></article></body></html>`,
  });
  return pages;
}

/** The corpus pages whose bytes are UTF-8 (the wasm gets text; the CLI decodes bytes). */
const corpusPages = () =>
  listCorpusPages()
    .map((p) => ({ name: p.name, url: p.url, html: readPageText(p.file) }))
    .filter((p) => p.html !== null);

test('the wasm engine exports exactly what the native engine exports', async () => {
  assert.ok(existsSync(CLI), `${CLI} (cargo build --release)`);
  const wasmFile = join(ROOT, 'pkg', 'malgeum_bg.wasm');
  assert.ok(existsSync(wasmFile), `${wasmFile} (./build.sh)`);
  const engine = await import(join(ROOT, 'pkg', 'malgeum.js'));
  engine.initSync({ module: readFileSync(wasmFile) });

  const pages = [...repoPages(), ...corpusPages()];
  const tmp = mkdtempSync(join(tmpdir(), 'malgeum-parity-'));
  try {
    const files = pages.map((p, i) => {
      const f = join(tmp, `${i}.html`);
      writeFileSync(f, `\uFEFF${p.html}`);
      return f;
    });
    const map = Object.fromEntries(files.map((f, i) => [f, pages[i].url]));
    writeFileSync(join(tmp, 'urls.json'), JSON.stringify(map));
    // Exit status 1 when a page is refused; its line is then {source, error}, compared too.
    const run = spawnSync(CLI, ['--jsonl', '--url-map', join(tmp, 'urls.json'), ...files], {
      maxBuffer: 1 << 30,
      encoding: 'utf8',
    });
    assert.ok(run.status === 0 || run.status === 1, `malgeum exited with ${run.status}: ${run.stderr}`);
    const native = run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(native.length, pages.length, 'one native export per page');

    let compared = 0;
    for (const [i, page] of pages.entries()) {
      const { source, ...nativeExport } = native[i];
      assert.equal(source, files[i]);
      let wasmExport;
      try {
        wasmExport = JSON.parse(JSON.stringify(engine.extract(page.html, page.url, { markdown: true })));
      } catch (e) {
        wasmExport = { error: String(e.message || e) };
      }
      assert.deepEqual(wasmExport, nativeExport, `${page.name}: wasm and native exports differ`);
      compared++;
    }
    console.log(`${compared} pages exported identically by wasm and native (${pages.length - repoPages().length} from the corpus)`);
    assert.ok(compared >= 5);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
