/**
 * Bundles the Node-side entry points with esbuild: `node main/build/build-node.mjs`.
 *   out/main/index.cjs     Electron main process
 *   out/preload/index.cjs  the sandboxed preload (it may require 'electron' and nothing else)
 *   out/bridge/server.mjs  the browser bridge (`npm run web`, browser tests)
 * better-sqlite3 stays external: it loads a native binary, which cannot be bundled.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(version) },
};

/** A sandboxed preload has no Node: any require but 'electron' would fail only at run time. */
function assertPreloadImportsOnlyElectron(metafile) {
  const stray = Object.values(metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((imported) => imported.external && imported.path !== 'electron')
    .map((imported) => imported.path);
  if (stray.length > 0) {
    throw new Error(`build-node: the sandboxed preload must not import ${[...new Set(stray)].join(', ')}`);
  }
}

const [, preload] = await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/index.ts'],
    outfile: 'out/main/index.cjs',
    format: 'cjs',
    external: ['electron', 'better-sqlite3'],
  }),
  build({
    ...common,
    entryPoints: ['main/preload/index.ts'],
    outfile: 'out/preload/index.cjs',
    format: 'cjs',
    external: ['electron'],
    metafile: true,
  }),
  build({
    ...common,
    entryPoints: ['main/bridge/cli.ts'],
    outfile: 'out/bridge/server.mjs',
    format: 'esm',
    // playwright-core drives Chromium for the bridge's PDFs; it loads its own files at run time.
    external: ['better-sqlite3', 'playwright-core'],
    // Bundled CommonJS dependencies may call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);",
    },
  }),
]);
assertPreloadImportsOnlyElectron(preload.metafile);
