import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
// electron-builder's own loader and schema check; both work offline (packaging does not).
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger())).resolves.toBeUndefined();
    // The schema check loads electron-builder's large validator: seconds on a loaded machine.
  }, 60_000);

  it('ships every bundle and our Electron-built SQLite instead of rebuilding, and sets the security fuses', async () => {
    const config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
    expect(config.npmRebuild).toBe(false);
    // Each bundle the Electron app runs: main, the data engine's utility process, preload, renderer.
    const shipped = (config.files as Array<{ filter: string[] }>).flatMap((entry) => entry.filter);
    expect(shipped).toEqual(expect.arrayContaining(['out/main/**', 'out/engine/**', 'out/preload/**', 'out/renderer/**']));
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'out/native/electron', to: 'native' })]);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
