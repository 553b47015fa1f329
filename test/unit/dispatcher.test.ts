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
import { useFreshCore } from '../support/core';

/** Handlers whose services are never called in these tests: only their presence matters. */
const UNUSED_CONTEXT = {
  db: {} as never,
  session: { staffId: null },
  gate: new WriteGate(),
  log: { info: () => {}, error: () => {} },
  imports: new ImportSessions(),
  officeKey: {} as never,
  printJobs: new PrintJobs(),
  pdfRenderer: () => ({}) as never,
  dataDir: '/tmp',
  appVersion: 'x',
};

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
    const grown = { ...contract, 'venues.close': operation({ summary: 'x', input: z.object({}), output: z.null() }) };
    expect(() => assertHandlersMatchContract(grown, handlers)).toThrow(/no handler for \[venues\.close\]/);
  });

  it('fails when a handler has no declared operation', () => {
    const handlers = { ...createHandlers(UNUSED_CONTEXT), 'venues.purge': () => null };
    expect(() => assertHandlersMatchContract(contract, handlers)).toThrow(/undeclared handlers \[venues\.purge\]/);
  });

  it('refuses to build a dispatcher from incomplete handlers', () => {
    const handlers = createHandlers(UNUSED_CONTEXT) as Partial<Handlers>;
    delete handlers['venues.get'];
    expect(() => createDispatcher(handlers as Handlers, silentLog())).toThrow(/venues\.get/);
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
    const { dispatch } = freshCore();
    const result = await dispatch('venues.create', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field, reason } });
  });

  it('answers NOT_FOUND for a missing venue', async () => {
    const { dispatch } = freshCore();
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
    const result = await createDispatcher(handlers, log)('venues.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/secret|disk on fire|at /);
    expect(String(log.errors[0])).toMatch(/disk on fire/);
  });

  it('checks answers against the output schema', async () => {
    const handlers = createHandlers(UNUSED_CONTEXT);
    handlers['app.info'] = () => ({ appVersion: 1 }) as never;
    const result = await createDispatcher(handlers, silentLog())('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
