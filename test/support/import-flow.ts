import { setTimeout as nextPoll } from 'node:timers/promises';
import type { ImportPhase, ImportStatus } from '../../shared/domain/import';
import type { ScanImportStatus } from '../../shared/domain/scans';
import type { TestCore } from './core';

/** The phases an import's step ends in; the page stops polling there. */
const SETTLED: readonly ImportPhase[] = ['read', 'checked', 'committed', 'failed', 'cancelled'];

/**
 * Follows a running import step (venues or scan counts) until it settles, as the page
 * polls: a wait for that condition, however long a busy machine takes (the test's own
 * timeout bounds it). Plain Node, not vitest's expect.poll: the browser specs and the
 * benches import the scan fixtures that use it.
 */
async function settled<S extends { phase: ImportPhase }>(status: S, next: () => Promise<S>): Promise<S> {
  let current = status;
  while (!SETTLED.includes(current.phase)) {
    await nextPoll(5);
    current = await next();
  }
  return current;
}

export const settleImport = (core: TestCore, status: ImportStatus) =>
  settled(status, () => core.call('imports.status', { importId: status.importId }));

export const settleScans = (core: TestCore, status: ScanImportStatus) =>
  settled(status, () => core.call('scans.status', { importId: status.importId }));
