import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract, OPERATION_NAMES } from '../../shared/api/contract';
import { operation } from '../../shared/api/operation';
import { assertHandlersMatchContract, createDispatcher, type Handlers } from '../../main/core/dispatcher';
import { createHandlers } from '../../main/core/handlers';
import type { Logger } from '../../main/core/logger';
import { WriteGate } from '../../main/core/write-gate';
import { ImportSessions } from '../../main/import/session-store';
import { PrintJobs } from '../../main/posters/service';
import { BackgroundWork } from '../../main/jobs/background';
import { ScanImports } from '../../main/scans/session-store';
import { newSession } from '../../main/session/session';
import { useFreshCore } from '../support/core';

/** Handlers whose services are never called in these tests: only their presence matters. */
const UNUSED_CONTEXT = {
  db: {} as never,
  session: newSession(),
  gate: new WriteGate(),
  log: { info: () => {}, error: () => {} },
  imports: new ImportSessions(),
  scanImports: new ScanImports(),
  officeKey: {} as never,
  printJobs: new PrintJobs(),
  background: new BackgroundWork(),
  pdfRenderer: () => ({}) as never,
  readSheets: () => Promise.reject(new Error('no files read in these tests')),
  dataDir: '/tmp',
  appVersion: 'x',
  restoreBackup: () => Promise.reject(new Error('no restore in these tests')),
};

/** A caller the role checks let through: these tests are about other things. */
const ADMIN_CALLER = () => ({ role: 'admin' as const, anyStaff: true });

const silentLog = (): Logger & { errors: unknown[] } => {
  const errors: unknown[] = [];
  return { errors, info: () => {}, error: (_message, detail) => errors.push(detail) };
};

describe('contract completeness', () => {
  it('has a handler for every declared operation and no undeclared handler', () => {
    const handlers = createHandlers(UNUSED_CONTEXT);
    expect(Object.keys(handlers).sort()).toEqual([...OPERATION_NAMES].sort());
    expect(() => assertHandlersMatchContract(contract, handlers)).not.toThrow();
  });

  it('fails when an operation is added to the contract without a handler', () => {
    const handlers = createHandlers(UNUSED_CONTEXT);
    const grown = { ...contract, 'venues.close': operation({ summary: 'x', kind: 'write', roles: ['clerk'], input: z.object({}), output: z.null() }) };
    expect(() => assertHandlersMatchContract(grown, handlers)).toThrow(/no handler for \[venues\.close\]/);
  });

  it('fails when a handler has no declared operation', () => {
    const handlers = { ...createHandlers(UNUSED_CONTEXT), 'venues.purge': () => null };
    expect(() => assertHandlersMatchContract(contract, handlers)).toThrow(/undeclared handlers \[venues\.purge\]/);
  });

  it('refuses to build a dispatcher from incomplete handlers', () => {
    const handlers = createHandlers(UNUSED_CONTEXT) as Partial<Handlers>;
    delete handlers['venues.get'];
    expect(() => createDispatcher({ main: handlers as Handlers }, silentLog(), ADMIN_CALLER)).toThrow(/venues\.get/);
  });
});

describe('dispatch', () => {
  const freshCore = useFreshCore();

  it('runs an operation and answers {ok:true,value}', async () => {
    const { dispatch, signIn } = freshCore();
    await signIn();
    const created = await dispatch('venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
    expect(created).toMatchObject({ ok: true, value: { name: 'Chợ Kỳ Bắc', code: 'CS-0001' } });
  });

  it('answers INVALID_INPUT naming the field, in Vietnamese, and saves nothing', async () => {
    const { dispatch, signIn } = freshCore();
    await signIn();
    const result = await dispatch('venues.create', { name: '   ' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'name', reason: 'required', message: expect.stringMatching(/không được để trống/) },
    });
    expect(await dispatch('venues.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it.each([
    [{ name: 'x'.repeat(201) }, 'name', 'too_long'],
    [{ name: 'Quán', type: 'spaceship' }, 'type', 'invalid'],
    [{ name: 42 }, 'name', 'invalid'],
    [{}, 'name', 'required'],
    [{ name: 'Quán', villageId: 'not-a-uuid' }, 'villageId', 'invalid'],
  ])('refuses %j on field %s (%s)', async (input, field, reason) => {
    const { dispatch, signIn } = freshCore();
    await signIn();
    const result = await dispatch('venues.create', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field, reason } });
  });

  it('answers NOT_FOUND for a missing venue', async () => {
    const { dispatch, signIn } = freshCore();
    await signIn();
    const result = await dispatch('venues.get', { id: '0190a0b0-0000-7000-8000-000000000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers UNKNOWN_OPERATION for a name not in the contract', async () => {
    const { dispatch } = freshCore();
    expect(await dispatch('venues.dropAll', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('logs an unexpected exception and answers INTERNAL without the stack', async () => {
    const log = silentLog();
    const handlers = createHandlers(UNUSED_CONTEXT);
    handlers['venues.list'] = () => {
      throw new Error('disk on fire at /secret/path');
    };
    const result = await createDispatcher({ main: handlers }, log, ADMIN_CALLER)('venues.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|disk on fire|at /);
    expect(String(log.errors[0])).toMatch(/disk on fire/);
  });

  it('checks answers against the output schema', async () => {
    const handlers = createHandlers(UNUSED_CONTEXT);
    handlers['app.info'] = () => ({ appVersion: 1 }) as never;
    const result = await createDispatcher({ main: handlers }, silentLog(), ADMIN_CALLER)('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('who may call', () => {
  const freshCore = useFreshCore();

  it('every operation declares its kind and roles', () => {
    for (const name of OPERATION_NAMES) {
      const spec = contract[name];
      expect(['read', 'write', 'job'], name).toContain(spec.kind);
      expect(spec.roles === 'anyone' || spec.roles === 'staff' || (Array.isArray(spec.roles) && spec.roles.length > 0), name).toBe(true);
    }
  });

  it('lets the start screen work before anyone signs in, and the first person register', async () => {
    const { dispatch } = freshCore();
    expect(await dispatch('staff.list', {})).toMatchObject({ ok: true, value: [] });
    expect(await dispatch('staff.create', { name: 'Nguyễn Thị Lan' })).toMatchObject({ ok: true, value: { role: 'admin' } });
    // From then on adding staff is an admin's work: nobody is signed in yet.
    expect(await dispatch('staff.create', { name: 'Trần Văn Nam' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('answers NOT_SIGNED_IN to reads and writes before someone says who is working', async () => {
    const { dispatch } = freshCore();
    expect(await dispatch('venues.list', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await dispatch('venues.create', { name: 'Chợ' })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('refuses with FORBIDDEN, naming who may, what a role is not for, and writes nothing', async () => {
    const { dispatch, call, signIn } = freshCore();
    await signIn('Quản trị');
    const inspector = await call('staff.create', { name: 'Lê Văn Kiểm', role: 'inspector' });
    const clerk = await call('staff.create', { name: 'Phạm Thị Văn', role: 'clerk' });

    await call('session.start', { staffId: inspector.id });
    const refused = await dispatch('venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/cán bộ văn phòng/) } });
    expect(await dispatch('venues.list', {})).toMatchObject({ ok: true, value: { total: 0 } });

    await call('session.start', { staffId: clerk.id });
    expect(await dispatch('venues.create', { name: 'Chợ Kỳ Bắc', type: 'market' })).toMatchObject({ ok: true });
    expect(await dispatch('staff.update', { id: clerk.id, name: 'Phạm Thị Văn', role: 'admin', active: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await dispatch('staff.list', {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.objectContaining({ id: clerk.id, role: 'clerk' })]) });
  });
});
