import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flagValue } from '../core/cli-flags';
import { resolveDataDir } from '../core/data-dir';
import { connectEngine } from '../engine/host';
import { chromiumPdfRenderer } from './chromium-pdf';
import { startEngineWorker } from './engine-worker';
import { startBridge } from './server';

declare const __APP_VERSION__: string;

/** `npm run web -- --data-dir DIR --port N`: the whole app in a browser, no Electron needed. */
function portFlag(argv: readonly string[]): number {
  const value = flagValue(argv, 'port');
  const port = value === undefined ? 0 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: not a port number: ${value}`);
  return port;
}

async function main() {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv);
  let url = '';
  const pdf = chromiumPdfRenderer(() => url);
  const here = path.dirname(fileURLToPath(import.meta.url));
  // The data engine runs in a worker thread, as it runs in a utility process under Electron.
  const engine = await connectEngine(
    startEngineWorker(path.join(here, 'engine.mjs'), { dataDir, appVersion: __APP_VERSION__, readerEntry: path.join(here, 'read-file.mjs') }),
    () => pdf,
  );
  const bridge = await startBridge({
    dispatch: engine.dispatch,
    rendererDir: path.resolve(here, '../renderer'),
    port: portFlag(argv),
  });
  url = bridge.url;
  // The URL is the first line on stdout: tests and scripts read it from there.
  process.stdout.write(`${bridge.url}\n`);
  process.stdout.write(`Dữ liệu / data: ${dataDir}\n`);
  // Jobs end and the database closes before Chromium goes: a PDF being printed is cancelled, not cut.
  const stop = () => {
    void bridge
      .close()
      .then(() => engine.shutdown())
      .then(() => pdf.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
