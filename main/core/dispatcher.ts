import { contract, isOperationName, type OperationName, type OutputOf, type ParsedInputOf } from '../../shared/api/contract';
import { mayCall, type OperationSpec } from '../../shared/api/operation';
import type { StaffRole } from '../../shared/domain/staff';
import { AppError, type Result } from '../../shared/api/result';
import { invalidInputError, parseInput } from '../../shared/api/validation';
import type { Logger } from './logger';
import { storageFailure } from './storage-failure';
import { WriteGate } from './write-gate';

export type Handlers = {
  [N in OperationName]: (input: ParsedInputOf<N>) => OutputOf<N> | Promise<OutputOf<N>>;
};

/** The handlers of one area's operations (main/<area>/handlers.ts), merged into createHandlers. */
export type HandlersOf<Operations> = Pick<Handlers, Extract<keyof Operations, OperationName>>;

export type Dispatch = (operation: string, input: unknown) => Promise<Result<unknown>>;

/**
 * Fails at start-up, not at the first click, when the contract and the handlers disagree:
 * every declared operation needs a handler and every handler a declared operation.
 */
export function assertHandlersMatchContract(
  operations: Record<string, OperationSpec>,
  handlers: Record<string, unknown>,
): void {
  const missing = Object.keys(operations).filter((name) => typeof handlers[name] !== 'function');
  const extra = Object.keys(handlers).filter((name) => !(name in operations));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `Contract and handlers disagree: no handler for [${missing.join(', ')}]; undeclared handlers [${extra.join(', ')}]`,
    );
  }
}

const INTERNAL_MESSAGE = 'Đã xảy ra lỗi ngoài dự kiến. Chi tiết đã được ghi vào nhật ký của ứng dụng.';

/** Who is calling: the role of the person signed in (null: nobody yet), and whether anyone is registered. */
export type CallerOf = () => { role: StaffRole | null; anyStaff: boolean };

const ROLE_NAMES_VI: Record<StaffRole, string> = {
  clerk: 'cán bộ văn phòng',
  inspector: 'tổ kiểm tra',
  leader: 'lãnh đạo',
  admin: 'quản trị',
};

/** Refuses, before any work, a caller the operation's declared roles leave out. */
function checkAccess(operation: OperationName, spec: OperationSpec, callerOf: CallerOf): Result<never> | null {
  if (spec.roles === 'anyone') return null;
  const caller = callerOf();
  if (spec.openBeforeFirstStaff && !caller.anyStaff) return null;
  if (mayCall(spec.roles, caller.role)) return null;
  if (caller.role === null) {
    return { ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Hãy chọn người đang làm việc trước.' } };
  }
  const allowed = spec.roles === 'staff' ? [] : [...spec.roles, 'admin' as const];
  return {
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message: `Việc này (${operation}) chỉ dành cho ${allowed.map((role) => ROLE_NAMES_VI[role]).join(', ')}.`,
    },
  };
}

/**
 * The handlers, twice over when the database has a read-only connection beside the main
 * one: `read` operations then run on it at once, outside the write queue.
 */
export interface HandlerSets {
  main: Handlers;
  reader?: Handlers;
}

/**
 * The one entry point of every transport (Electron IPC, the browser bridge, tests):
 * validates the input with the operation's schema, runs its handler, checks the answer
 * against the output schema, and turns every failure into a Result. Writes queue in
 * the gate; jobs (progress, cancel) do not; reads do not when there is a reader.
 */
export function createDispatcher({ main, reader }: HandlerSets, log: Logger, callerOf: CallerOf, gate = new WriteGate()): Dispatch {
  assertHandlersMatchContract(contract, main);
  if (reader) assertHandlersMatchContract(contract, reader);
  return async (operation, input) => {
    if (!isOperationName(operation)) {
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `Không có thao tác "${operation}"` } };
    }

    const spec: OperationSpec = contract[operation];
    const refused = checkAccess(operation, spec, callerOf);
    if (refused) return refused;
    const parsed = parseInput(spec.input, input ?? {});
    if (!parsed.success) return { ok: false, error: invalidInputError(operation, parsed.error) };
    try {
      const onReader = spec.kind === 'read' && reader !== undefined;
      const handler = (onReader ? reader : main)[operation] as (value: unknown) => unknown;
      const run = () => handler(parsed.data);
      const value = spec.output.parse(await (spec.kind === 'job' || onReader ? run() : gate.run(run)));
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toData() };
      log.error(`${operation} failed`, error);
      return { ok: false, error: storageFailure(error) ?? { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
    }
  };
}
