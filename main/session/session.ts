import { AppError } from '../../shared/api/result';
import { PinTries } from '../staff/pin-tries';

/**
 * Who is working at this PC now. Chosen at start ("Ai đang làm việc?") and kept in the
 * main process, so every change the services make is recorded against that person.
 */
export interface Session {
  staffId: string | null;
}

/** The app's one session, with the idle lock's state and the wrong PINs typed at this PC. */
export interface WorkSession extends Session {
  /** Locked after the idle time set in Settings (main/session/idle-lock.ts) until unlocked or someone is chosen. */
  locked: boolean;
  /** When the last operation or user input came (monotonicNow()), for the idle lock. */
  lastActiveAt: number;
  pinTries: PinTries;
}

/**
 * Milliseconds on a clock that only moves forward: idle time and PIN waits are not cut
 * short (or stretched) when the PC's clock is set, as old office PCs' often are.
 */
export const monotonicNow = (): number => performance.now();

export const newSession = (): WorkSession => ({ staffId: null, locked: false, lastActiveAt: monotonicNow(), pinTries: new PinTries(monotonicNow) });

/** Someone says who is working, or unlocks: the idle time starts again. */
export function beginWork(session: WorkSession, staffId: string): void {
  session.staffId = staffId;
  session.locked = false;
  session.lastActiveAt = monotonicNow();
}

export function requireStaff(session: Session): string {
  if (session.staffId === null) {
    throw new AppError('NOT_SIGNED_IN', 'Hãy chọn người đang làm việc trước khi thay đổi dữ liệu.');
  }
  return session.staffId;
}
