import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder per test, so every test starts from a brand-new data folder. */
export function makeTempDir(prefix = 'diemqr-'): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
