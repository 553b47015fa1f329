// Sums the vitest and Playwright JSON reports into the one line CI reads:
// "N passed, N failed, N skipped". Exits non-zero if anything failed, including a
// gate (typecheck, lint, build) that stopped `npm test` before a suite reported.
// Skipped tests are listed with their reason first, so a skip never goes unexplained.
import fs from 'node:fs';

const testStatus = Number(process.argv[2] ?? 1);
const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);

let passed = 0;
let failed = 0;
let skipped = 0;
const skipReasons = new Map();

const vitest = readJson('test-results/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}

function collectSkips(suite) {
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      if (test.status !== 'skipped') continue;
      const reason = test.annotations?.find((note) => note.type === 'skip')?.description ?? '(no reason given)';
      skipReasons.set(reason, [...(skipReasons.get(reason) ?? []), spec.title]);
    }
  }
  for (const child of suite.suites ?? []) collectSkips(child);
}

const playwright = readJson('test-results/playwright.json');
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
  for (const suite of playwright.suites ?? []) collectSkips(suite);
}

for (const [reason, titles] of skipReasons) console.log(`Skipped ${titles.length}: ${reason}`);
if (testStatus !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
