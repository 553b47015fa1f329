/**
 * Bundles the Node-side entry points with esbuild: `node main/build/build-node.mjs`.
 *   out/main/index.cjs     Electron main process
 *   out/preload/index.cjs  the sandboxed preload (it may require 'electron' and nothing else)
 *   out/engine/utility.cjs the data engine in Electron's utility process
 *   out/bridge/server.mjs  the browser bridge (`npm run web`, browser tests)
 *   out/bridge/engine.mjs  the data engine in the bridge's worker thread
 *   out/engine/read-file.cjs, out/bridge/read-file.mjs  an import file read in a worker of its own, beside each engine
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

/** Bundled CommonJS dependencies may call require(); an ES module has none of its own. */
const esmRequireBanner = {
  js: "import { createRequire as __bannerCreateRequire } from 'node:module'; const require = __bannerCreateRequire(import.meta.url);",
};

/** The data engine alone opens SQLite: a window's process that loaded it would block on queries again. */
function assertNoDatabase(metafile, entry) {
  const stray = Object.values(metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((imported) => imported.path === 'better-sqlite3')
    .concat(Object.keys(metafile.inputs).filter((input) => input.startsWith('main/db/')).map((input) => ({ path: input })));
  if (stray.length > 0) {
    throw new Error(`build-node: ${entry} must leave the database to the data engine, but it loads ${stray.map((s) => s.path).join(', ')}`);
  }
}

const [electronMain, preload, , bridge] = await Promise.all([
  build({
    ...common,
    entryPoints: ['main/electron/index.ts'],
    outfile: 'out/main/index.cjs',
    format: 'cjs',
    external: ['electron', 'better-sqlite3'],
    metafile: true,
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
    entryPoints: ['main/engine/utility-process.ts'],
    outfile: 'out/engine/utility.cjs',
    format: 'cjs',
    external: ['better-sqlite3'],
  }),
  build({
    ...common,
    entryPoints: ['main/bridge/cli.ts'],
    outfile: 'out/bridge/server.mjs',
    format: 'esm',
    // playwright-core drives Chromium for the bridge's PDFs; it loads its own files at run time.
    external: ['playwright-core', 'better-sqlite3'],
    banner: esmRequireBanner,
    metafile: true,
  }),
  build({
    ...common,
    entryPoints: ['main/engine/worker-thread.ts'],
    outfile: 'out/bridge/engine.mjs',
    format: 'esm',
    external: ['better-sqlite3'],
    banner: esmRequireBanner,
  }),
]);
// The file reader beside each engine: a worker per read (main/import/read-in-worker.ts).
const [electronReader, bridgeReader] = await Promise.all([
  build({ ...common, entryPoints: ['main/import/read-worker.ts'], outfile: 'out/engine/read-file.cjs', format: 'cjs', metafile: true }),
  build({ ...common, entryPoints: ['main/import/read-worker.ts'], outfile: 'out/bridge/read-file.mjs', format: 'esm', banner: esmRequireBanner, metafile: true }),
]);
assertNoDatabase(electronReader.metafile, 'the file reader');
assertNoDatabase(bridgeReader.metafile, 'the file reader');
assertPreloadImportsOnlyElectron(preload.metafile);
assertNoDatabase(electronMain.metafile, 'the Electron main process');
assertNoDatabase(bridge.metafile, "the bridge's HTTP thread");
