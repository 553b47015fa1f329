import type { ImportPhase, ImportStatus } from '../../shared/domain/import';
import type { TestCore } from './core';

/** The phases an import's step ends in; the page stops polling there. */
export const SETTLED: readonly ImportPhase[] = ['read', 'checked', 'committed', 'failed', 'cancelled'];

/** Follows a venue import's running step until it settles, as the import page polls. */
export async function settleImport(core: TestCore, status: ImportStatus): Promise<ImportStatus> {
  let current = status;
  while (!SETTLED.includes(current.phase)) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    current = await core.call('imports.status', { importId: status.importId });
  }
  return current;
}
