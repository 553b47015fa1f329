import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openAppCore } from '../../main/core/app-core';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { connectEngine } from '../../main/engine/host';
import type { EngineLink, EngineMessage, HostMessage } from '../../main/engine/messages';
import { serveEngine } from '../../main/engine/serve';
import type { ImportStatus } from '../../shared/domain/import';
import { callersOf, chooseOfficeCommune, type Callers } from '../support/core';
import { bigXlsx } from '../support/import-fixtures';
import { syntheticVenues } from '../support/synthetic-venues';
import { readerBundle } from '../support/reader-bundle';
import { makeTempDir } from '../support/temp-dir';

const temps: Array<ReturnType<typeof makeTempDir>> = [];
afterEach(() => {
  while (temps.length > 0) temps.pop()!.remove();
});

const noChromium = () => ({
  render: () => Promise.reject(new Error('no Chromium in this test')),
  release: async () => {},
  close: async () => {},
});

/**
 * The production engine and host on the two ends of a real MessageChannel (structured
 * clone, as across a worker or a utility process); `stopped` says whether the host ended it.
 */
function engineIn(dataDir: string) {
  const { port1, port2 } = new MessageChannel();
  const exitListeners: Array<() => void> = [];
  const state = { stopped: false };
  serveEngine(
    { post: (message: EngineMessage) => port1.postMessage(message), onMessage: (listener: (message: HostMessage) => void) => port1.on('message', listener) },
    { dataDir, appVersion: '0.0.0-test', readerEntry: readerBundle() },
  );
  const link: EngineLink = {
    post: (message) => port2.postMessage(message),
    onMessage: (listener) => port2.on('message', listener),
    onExit: (listener) => exitListeners.push(listener),
    stop: () => {
      state.stopped = true;
      port1.close();
      port2.close();
      exitListeners.forEach((listener) => listener());
    },
  };
  return { connection: connectEngine(link, noChromium), state };
}

function freshDataDir(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return temp.dir;
}

const SETTLED: readonly string[] = ['read', 'checked', 'committed', 'failed', 'cancelled'];

/** Follows an import's status until its step has ended. */
async function settle(callers: Callers, status: ImportStatus): Promise<ImportStatus> {
  let current = status;
  await expect
    .poll(async () => (current = await callers.call('imports.status', { importId: status.importId })).phase, { timeout: 60_000, interval: 10 })
    .toSatisfy((phase: string) => SETTLED.includes(phase));
  return current;
}

describe('the data engine across its channel', () => {
  it('answers operations and refusals as the dispatcher does', async () => {
    const engine = await engineIn(freshDataDir()).connection;
    const callers = callersOf(engine.dispatch);
    expect((await callers.fail('venues.create', { name: 'Quán nước' })).code).toBe('NOT_SIGNED_IN');
    await callers.signIn();
    const created = await callers.call('venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
    const refused = await callers.fail('venues.create', { name: '' });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    const listed = await callers.call('venues.list', { search: 'cho ky bac' });
    expect(listed.items.map((venue) => venue.id)).toEqual([created.id]);
    await engine.shutdown();
  });

  it('reports a database from a newer app as its start-up failure, and is ended', async () => {
    const dataDir = freshDataDir();
    openAppCore({ dataDir, appVersion: '0.0.0-test' }).close();
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.pragma('user_version = 999');
    db.close();
    const { connection, state } = engineIn(dataDir);
    await expect(connection).rejects.toMatchObject({ code: 'DB_FUTURE_VERSION' });
    expect(state.stopped).toBe(true);
  });

  it(
    'on shutdown cancels an import being committed, waits for it, closes the database and answers no more',
    async () => {
      const dataDir = freshDataDir();
      const { connection, state } = engineIn(dataDir);
      const engine = await connection;
      const callers = callersOf(engine.dispatch);
      await callers.signIn();
      await chooseOfficeCommune(callers);
      await callers.call('venues.create', { name: 'Quán nước đầu ngõ' });
      const read = await settle(callers, await callers.call('imports.open', await bigXlsx(syntheticVenues(3000))));
      const sheet = read.sheets.find((candidate) => candidate.headerRow !== null)!;
      const columns = sheet.columns.map((column) => ({ index: column.index, field: column.guess, encoding: column.encoding }));
      const checked = await settle(
        callers,
        await callers.call('imports.check', { importId: read.importId, sheet: sheet.name, headerRow: sheet.headerRow!, columns }),
      );
      const started = await callers.call('imports.commit', { importId: checked.importId, duplicateInFile: 'import', duplicateExisting: 'import' });
      expect(started.phase).toBe('committing');

      await engine.shutdown();
      expect(state.stopped).toBe(true);
      expect((await engine.dispatch('venues.list', {})).ok).toBe(false);
      // Closed cleanly (the WAL merged into the file), with only what was saved before the import.
      expect(fs.existsSync(path.join(dataDir, `${DATABASE_FILE}-wal`))).toBe(false);
      const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
      expect(db.prepare('SELECT name FROM venues').pluck().all()).toEqual(['Quán nước đầu ngõ']);
      db.close();
    },
    60_000,
  );
});
