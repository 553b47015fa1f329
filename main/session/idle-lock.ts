import { contract, type OperationName } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { SHORTEST_IDLE_LOCK_SECONDS } from '../../shared/domain/pin';
import { monotonicNow, type WorkSession } from './session';

/** The lock screen's own poll: asking whether the session is locked is not someone working. */
const NOT_ACTIVITY: ReadonlySet<OperationName> = new Set(['session.status']);

const LOCKED: Result<never> = {
  ok: false,
  error: { code: 'SESSION_LOCKED', message: 'Phiên làm việc đã khoá vì để lâu không dùng. Hãy nhập mã PIN hoặc chọn người đang làm việc.' },
};

/**
 * Runs before every operation. After `idleSeconds` (0: never) without an operation or user
 * input (the window reports input with `session.touch`) the session locks, and until it is
 * unlocked or someone is chosen only the start screen's operations (roles 'anyone') and
 * jobs pass: an import or a PDF already running keeps reporting its progress, and that
 * progress is not counted as someone working.
 */
export function admitOperation(session: WorkSession, operation: OperationName, idleSeconds: () => number, now = monotonicNow()): Result<never> | null {
  if (session.staffId === null) return null;
  const spec = contract[operation];
  // The setting is read only once the session has been idle for the shortest lock there is,
  // not on every operation (the pages poll jobs' progress several times a second).
  if (!session.locked && now - session.lastActiveAt >= SHORTEST_IDLE_LOCK_SECONDS * 1000) {
    const seconds = idleSeconds();
    session.locked = seconds > 0 && now - session.lastActiveAt >= seconds * 1000;
  }
  if (session.locked) return spec.roles === 'anyone' || spec.kind === 'job' ? null : LOCKED;
  if (spec.kind !== 'job' && !NOT_ACTIVITY.has(operation)) session.lastActiveAt = now;
  return null;
}
