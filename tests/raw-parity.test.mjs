// The engine reads raw HTML as a browser does: for every corpus page (../shared/corpus, and the
// bundled seed page), the export of the raw bytes equals the export of the same page as
// Chromium serializes it (outerHTML, JavaScript off, loaded from 127.0.0.1): same text, URLs and
// metadata. The logic is in tests/raw-parity.mjs; the report goes to parity-out/raw-parity.json.
//
//   cargo build --release && node --test tests/raw-parity.test.mjs
//   MALGEUM_PARITY_ALL=1 ...   also trafilatura-dev and wceb-dev (not in the default set)
// Pages whose bytes are valid UTF-8 are served with `charset=utf-8`: the corpus keeps pages
// without the HTTP headers their servers sent, and the CLI reads such bytes as UTF-8 whatever a
// stale <meta charset> says (as a browser does given the server's header). The test compares
// how the two read the markup, not a charset guess.
//   MALGEUM_PARITY_SNIFF=1 ...   send no charset (the browser sniffs, falling back to
//     windows-1252 when the page declares nothing)
// Needs /usr/bin/chromium (scripts/setup.sh --browsers) and target/release/malgeum; without them
// the test is skipped, or fails when MALGEUM_REQUIRE_BROWSERS=1 (or CI is set).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { missingPrerequisites, runParity, summarize, writeReport } from './raw-parity.mjs';

/** Share of pages whose two exports must be identical on every compared field. */
const MIN_IDENTICAL = 0.98;
/** Shingle F1 between the two texts that every page must reach. */
const MIN_TEXT_F1 = 0.99;

const missing = missingPrerequisites();
const skip = missing.length ? `missing: ${missing.join('; ')}` : false;
if (skip) console.error(`[raw-parity] ${skip}`);
// On CI a missing prerequisite is a failure, not a skip.
const requireAll = !!process.env.CI || process.env.MALGEUM_REQUIRE_BROWSERS === '1';

test('prerequisites: chromium, the release CLI, playwright-core', () => {
  if (requireAll) assert.deepEqual(missing, []);
}, { skip: requireAll ? false : skip });

test('raw bytes and the browser-serialized page export the same article', { skip }, async () => {
  const report = await runParity({
    all: process.env.MALGEUM_PARITY_ALL === '1',
    utf8Header: process.env.MALGEUM_PARITY_SNIFF !== '1',
  });
  const file = writeReport(report);
  console.log(`${summarize(report)}\nreport: ${file}`);
  assert.ok(report.pages > 0, 'no pages');

  const lowF1 = report.perPage.filter((r) => !r.identical && r.textF1 < MIN_TEXT_F1);
  const differing = report.perPage.filter((r) => !r.identical);
  const share = report.identicalShare;
  const problems = [];
  if (share < MIN_IDENTICAL) {
    problems.push(
      `${report.identical}/${report.pages} pages identical (${(100 * share).toFixed(1)}% < ${100 * MIN_IDENTICAL}%); ` +
        `differing: ${differing.map((r) => `${r.name} [${r.fields.join(', ')}]`).join('; ')}`,
    );
  }
  if (lowF1.length) {
    problems.push(`text F1 < ${MIN_TEXT_F1}: ${lowF1.map((r) => `${r.name} (${r.textF1.toFixed(4)})`).join('; ')}`);
  }
  assert.ok(problems.length === 0, `${problems.join('\n')}\n(details: ${file})`);
});
