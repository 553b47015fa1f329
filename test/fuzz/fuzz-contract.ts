import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { contract, OPERATION_NAMES, type OperationName } from '../../shared/api/contract';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { arbitraryOf, mutatedOf, type JsonSchema } from './schema-arbitrary';

export interface FuzzOptions {
  dataDir: string;
  /** Inputs per operation. */
  runs: number;
  seed: number;
  operations?: readonly OperationName[];
}

export interface FuzzReport {
  calls: number;
  /** Answers per error code, per operation ('ok' for a value). */
  answers: Record<string, Record<string, number>>;
  /** Every INTERNAL answer: the operation and the input that caused it. */
  internal: Array<{ operation: string; input: unknown }>;
  /** Errors that escaped the dispatcher (a rejected call, an unhandled rejection, an uncaught exception). */
  crashes: string[];
  /** The log's ERROR lines, where an INTERNAL's cause is written. */
  loggedErrors: string[];
}

async function call(core: AppCore, name: string, input: unknown): Promise<{ id: string }> {
  const result = await core.dispatch(name, input);
  if (!result.ok) throw new Error(`fuzz seed: ${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as { id: string };
}

/** An office with a little of everything, so generated ids sometimes name real records. */
async function seedOffice(core: AppCore): Promise<{ adminId: string; ids: string[] }> {
  const admin = await call(core, 'staff.create', { name: 'Nguyễn Thị Lan', role: 'admin' });
  await call(core, 'session.start', { staffId: admin.id });
  const clerk = await call(core, 'staff.create', { name: 'Lê Văn Tám', role: 'clerk' });
  await call(core, 'units.seedExample', {});
  const units = (await core.dispatch('units.list', {})) as { ok: true; value: Array<{ id: string; level: string }> };
  const commune = units.value.find((unit) => unit.level === 'commune')!;
  await call(core, 'settings.update', { homeCommuneId: commune.id });
  const venues = [];
  for (const name of ['Chợ Kỳ Bắc', 'Quán phở Hạnh', 'Nhà nghỉ Hoà Bình']) venues.push(await call(core, 'venues.create', { name, type: 'market', acknowledgeDuplicates: true }));
  const round = await call(core, 'rounds.create', { name: 'Đợt tháng 11', startsOn: '2026-11-20', team: [{ staffId: admin.id, name: 'Nguyễn Thị Lan' }], venueIds: venues.map((v) => v.id) });
  return { adminId: admin.id, ids: [admin.id, clerk.id, round.id, ...venues.map((v) => v.id), ...units.value.map((unit) => unit.id)] };
}

/**
 * Every operation of the contract called through the production dispatcher with inputs
 * generated from its own schema (fast-check), well-shaped, broken in one part, or anything
 * at all: a bad input must answer a clear refusal, never INTERNAL, and never crash.
 */
export async function fuzzContract(options: FuzzOptions): Promise<FuzzReport> {
  const report: FuzzReport = { calls: 0, answers: {}, internal: [], crashes: [], loggedErrors: [] };
  const onCrash = (error: unknown) => report.crashes.push(String(error instanceof Error ? error.stack : error));
  process.on('unhandledRejection', onCrash);
  process.on('uncaughtException', onCrash);
  const core = openAppCore({ dataDir: options.dataDir, appVersion: 'fuzz' });
  try {
    const { adminId, ids } = await seedOffice(core);
    for (const operation of options.operations ?? OPERATION_NAMES) {
      const schema = z.toJSONSchema(contract[operation].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      const inputs = mutatedOf(arbitraryOf(schema, { ids }));
      const answers: Record<string, number> = {};
      report.answers[operation] = answers;
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          // An earlier call may have ended the session or changed who is working: each call starts signed in as the admin.
          await core.dispatch('session.start', { staffId: adminId });
          report.calls++;
          try {
            const result = await core.dispatch(operation, input);
            const code = result.ok ? 'ok' : result.error.code;
            answers[code] = (answers[code] ?? 0) + 1;
            if (code === 'INTERNAL') report.internal.push({ operation, input });
          } catch (error) {
            onCrash(error);
          }
        }),
        { numRuns: options.runs, seed: options.seed + OPERATION_NAMES.indexOf(operation), endOnFailure: true },
      );
    }
  } finally {
    await core.shutdown();
    process.off('unhandledRejection', onCrash);
    process.off('uncaughtException', onCrash);
  }
  const log = path.join(options.dataDir, 'logs', 'main.log');
  if (fs.existsSync(log)) report.loggedErrors = fs.readFileSync(log, 'utf8').split('\n').filter((line) => line.includes(' ERROR '));
  return report;
}
