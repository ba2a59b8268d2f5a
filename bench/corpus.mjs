// The pages of ../shared/corpus as the benchmarks and the wasm parity test read them: which pages
// there are (with the URL each was published at, as scripts/eval.sh gives the engine), their
// bytes, and how a benchmark server sends one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** ../shared/corpus, or $MALGEUM_SHARED/corpus. */
export const CORPUS = join(process.env.MALGEUM_SHARED || join(ROOT, "..", "shared"), "corpus");

/** Every corpus page that is there: `{corpus, id, name, url, file}`, in a stable order. */
export function listCorpusPages(corpusDir = CORPUS) {
  const pages = [];
  const add = (corpus, id, url, file) => pages.push({ corpus, id, name: `${corpus}/${id}`, url, file });
  const sh = join(corpusDir, "scrapinghub-dev");
  if (existsSync(join(sh, "html"))) {
    const truthFile = join(sh, "ground-truth.json");
    const truth = existsSync(truthFile) ? JSON.parse(readFileSync(truthFile, "utf8")) : {};
    for (const f of readdirSync(join(sh, "html")).sort()) {
      if (!f.endsWith(".html.gz")) continue;
      const id = f.slice(0, -".html.gz".length);
      add("scrapinghub-dev", id, truth[id]?.url || "", join(sh, "html", f));
    }
  }
  for (const corpus of ["readability-test-pages", "seed"]) {
    const dir = join(corpusDir, corpus);
    if (!existsSync(dir)) continue;
    for (const d of readdirSync(dir).sort()) {
      const file = join(dir, d, "source.html");
      if (!existsSync(file)) continue;
      let url = "http://fakehost/test/page.html"; // readability-test-pages' own
      const truth = join(dir, d, "truth.json");
      if (corpus === "seed" && existsSync(truth)) url = JSON.parse(readFileSync(truth, "utf8")).url || "";
      add(corpus, d, url, file);
    }
  }
  return pages;
}

/** A page's bytes (scrapinghub's are gzipped). */
export const readPageBytes = (file) => (file.endsWith(".gz") ? gunzipSync(readFileSync(file)) : readFileSync(file));

/** A page's text if its bytes are UTF-8, else null. */
export function readPageText(file) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(readPageBytes(file));
  } catch {
    return null;
  }
}

/**
 * What a benchmark server sends for a page: the bytes, the content type and whether the page's
 * own <meta> Content-Security-Policy was made inert (it would stack on the server's and could
 * forbid what the benchmark runs; the page's outerHTML changes by a few bytes).
 */
export function pageResponse(file) {
  const text = readPageText(file);
  // Not UTF-8: the browser finds the charset in the page.
  if (text === null) return { body: readPageBytes(file), type: "text/html", metaCspInert: false };
  const inert = text.replace(/(http-equiv\s*=\s*["']?)(content-security-policy)/gi, "$1x-bench-inert-csp");
  return { body: Buffer.from(inert), type: "text/html; charset=utf-8", metaCspInert: inert !== text };
}

/** The Content-Security-Policy a benchmark serves pages with: scripts only from `scriptSrc`
 *  (so no script of the page runs), styles, images and fonts only from the server itself. */
export const pageCsp = (scriptSrc) =>
  [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
  ].join("; ");
