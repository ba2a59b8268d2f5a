// Engine speed A/B in Node: two wasm builds (wasm-bindgen --target web directories) run
// extract() over the same benchmark pages (bench/corpus.mjs: the 222 pages of the browser
// benchmark), interleaved page by page (the order alternates), no browser. For build options
// that change only the code's shape (inlining, wasm-opt passes): the per-page time is the engine's
// alone, and both builds see the same machine at the same moment.
//
//   node bench/engine-ab.mjs DIR_A DIR_B [--reps 7]
//
// Prints the sum over pages of each build's per-page median (ms) and B's share of A's.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { listCorpusPages, readPageText } from "./corpus.mjs";

const args = process.argv.slice(2);
const repsAt = args.indexOf("--reps");
const reps = repsAt >= 0 ? Number(args.splice(repsAt, 2)[1]) : 7;
const [dirA, dirB] = args;
if (!dirA || !dirB || !(reps > 0)) {
  console.error("usage: node bench/engine-ab.mjs DIR_A DIR_B [--reps N]");
  process.exit(2);
}

async function load(dir) {
  const glue = await import(pathToFileURL(resolve(dir, "malgeum.js")).href);
  glue.initSync({ module: readFileSync(resolve(dir, "malgeum_bg.wasm")) });
  return glue;
}

const builds = [await load(dirA), await load(dirB)];
const pages = listCorpusPages()
  .map((p) => ({ url: p.url, html: readPageText(p.file) }))
  .filter((p) => p.html);
const times = builds.map(() => pages.map(() => []));
for (let rep = 0; rep < reps; rep++) {
  pages.forEach((page, i) => {
    const order = (rep + i) % 2 ? [0, 1] : [1, 0];
    for (const b of order) {
      const start = performance.now();
      builds[b].extract(page.html, page.url);
      times[b][i].push(performance.now() - start);
    }
  });
}
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
const [a, b] = times.map((perPage) => perPage.reduce((sum, xs) => sum + median(xs), 0));
console.log(
  `${pages.length} pages, ${reps} runs each: A ${a.toFixed(1)} ms, B ${b.toFixed(1)} ms (sum of per-page medians), B/A ${(b / a).toFixed(3)}`,
);
