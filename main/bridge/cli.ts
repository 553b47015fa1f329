import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAppCore } from '../core/app-core';
import { flagValue } from '../core/cli-flags';
import { resolveDataDir } from '../core/data-dir';
import { chromiumPdfRenderer } from './chromium-pdf';
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
  const core = openAppCore({ dataDir, appVersion: __APP_VERSION__, pdfRenderer: () => pdf });
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bridge = await startBridge({
    dispatch: core.dispatch,
    rendererDir: path.resolve(here, '../renderer'),
    port: portFlag(argv),
  });
  url = bridge.url;
  // The URL is the first line on stdout: tests and scripts read it from there.
  process.stdout.write(`${bridge.url}\n`);
  process.stdout.write(`Dữ liệu / data: ${dataDir}\n`);
  const stop = () => {
    void Promise.all([bridge.close(), pdf.close()]).then(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
