import { afterEach } from 'vitest';
import type { InputOf, OperationName, OutputOf } from '../../shared/api/contract';
import type { AppErrorData } from '../../shared/api/result';
import { openAppCore, type AppCore, type AppCoreOptions } from '../../main/core/app-core';
import type { Dispatch } from '../../main/core/dispatcher';
import { readInWorker } from '../../main/import/read-in-worker';
import { readerBundle } from './reader-bundle';
import { makeTempDir } from './temp-dir';

export interface Callers {
  /** Calls an operation and returns its value; a failure throws with its error object. */
  call<N extends OperationName>(name: N, input: InputOf<N>): Promise<OutputOf<N>>;
  /** Calls an operation that must fail and returns its error object. */
  fail<N extends OperationName>(name: N, input: InputOf<N>): Promise<AppErrorData>;
  /** Adds a member of staff and says they are working, as the start screen does. */
  signIn(name?: string): Promise<OutputOf<'session.start'>>;
}

export interface TestCore extends AppCore, Callers {
  dataDir: string;
}

export class OperationFailed extends Error {
  constructor(readonly error: AppErrorData) {
    super(`${error.code}: ${error.message}`);
  }
}

/** Typed calls over any Dispatch: the core in this thread, or the data engine across its channel. */
export function callersOf(dispatch: Dispatch): Callers {
  const call: Callers['call'] = async (name, input) => {
    const result = await dispatch(name, input);
    if (!result.ok) throw new OperationFailed(result.error);
    return result.value as never;
  };
  const fail: Callers['fail'] = async (name, input) => {
    const result = await dispatch(name, input);
    if (result.ok) throw new Error(`${name} was expected to fail but answered ${JSON.stringify(result.value)}`);
    return result.error;
  };
  const signIn: Callers['signIn'] = async (name = 'Nguyễn Thị Lan') => {
    const staff = await call('staff.create', { name, role: 'clerk' });
    return call('session.start', { staffId: staff.id });
  };
  return { call, fail, signIn };
}

/** Seeds the example units and makes one of their communes the office's own, as a commune office must before importing. */
export async function chooseOfficeCommune(callers: Callers, name = 'Xã Kỳ Bắc'): Promise<void> {
  await callers.call('units.seedExample', {});
  const commune = (await callers.call('units.list', {})).find((unit) => unit.name === name)!;
  await callers.call('settings.update', { homeCommuneId: commune.id });
}

/**
 * The production core (real SQLite file, real services, real dispatcher, files read in a
 * worker as the data engine reads them) on a fresh folder, closed after each test.
 */
export function useFreshCore(): (options?: Partial<AppCoreOptions>) => TestCore {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    while (cleanups.length > 0) cleanups.pop()!();
  });
  return (options = {}) => {
    const temp = makeTempDir();
    const core = openAppCore({ dataDir: temp.dir, appVersion: '0.0.0-test', readSheets: readInWorker(readerBundle()), ...options });
    cleanups.push(() => {
      core.close();
      temp.remove();
    });
    return { ...core, dataDir: temp.dir, ...callersOf(core.dispatch) };
  };
}
