import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export default defineConfig({
  root,
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // A floor for a 2-core machine that also runs the browser suite or other jobs: ordinary
    // tests take well under a second, and heavy ones set their own, longer limit.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // The JSON report feeds .ci/summary.mjs; the default reporter is for people.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
