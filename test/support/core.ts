import { afterEach } from 'vitest';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { makeTempDir } from './temp-dir';

/** The production core (real SQLite file, real services, real dispatcher) on a fresh folder, closed after each test. */
export function useFreshCore(): () => AppCore & { dataDir: string } {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());
  return () => {
    const temp = makeTempDir();
    const core = openAppCore({ dataDir: temp.dir, appVersion: '0.0.0-test' });
    cleanup = () => {
      core.close();
      temp.remove();
    };
    return { ...core, dataDir: temp.dir };
  };
}
