import { AppError } from '../../shared/api/result';
import type { Staff } from '../../shared/domain/staff';
import { recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { requireStaff, type WorkSession } from '../session/session';
import { hashPin, isCurrentStrength, pinMatches, PinParams, type StoredPin } from './pin-hash';
import { getStaff } from './service';

function storedPin(db: Db, staffId: string): StoredPin | null {
  const row = statement<[string], { pin_hash: Buffer | null; pin_salt: Buffer | null; pin_params: string | null }>(
    db,
    'SELECT pin_hash, pin_salt, pin_params FROM staff WHERE id = ?',
  ).get(staffId);
  if (!row?.pin_hash || !row.pin_salt || !row.pin_params) return null;
  return { hash: row.pin_hash, salt: row.pin_salt, params: PinParams.parse(JSON.parse(row.pin_params)) };
}

function writePin(db: Db, staffId: string, pin: StoredPin | null): void {
  statement(db, 'UPDATE staff SET pin_hash = ?, pin_salt = ?, pin_params = ?, updated_at = ? WHERE id = ?').run(
    pin?.hash ?? null,
    pin?.salt ?? null,
    pin ? JSON.stringify(pin.params) : null,
    nowIso(),
    staffId,
  );
}

/**
 * Checks the PIN of a person who has one (nobody else is asked): missing, wrong, or tried
 * too often is refused and nothing is written. A PIN hashed with weaker parameters than
 * today's is rehashed once it is typed right.
 */
export function requirePinOf(db: Db, session: WorkSession, staffId: string, pin: string | undefined, field = 'pin'): void {
  const stored = storedPin(db, staffId);
  if (stored === null) return;
  if (pin === undefined) throw new AppError('INVALID_INPUT', 'Hãy nhập mã PIN.', field, 'required');
  session.pinTries.requireMayTry(staffId);
  if (!pinMatches(pin, stored)) {
    session.pinTries.failed(staffId);
    throw new AppError('WRONG_PIN', 'Mã PIN không đúng.', field);
  }
  session.pinTries.succeeded(staffId);
  if (!isCurrentStrength(stored.params)) writeTransaction(db, () => writePin(db, staffId, hashPin(pin)));
}

/** The person working sets, changes (with the PIN they have) or removes (newPin null) their own PIN. */
export function setOwnPin(db: Db, session: WorkSession, input: { currentPin?: string; newPin: string | null }): Staff {
  const actor = requireStaff(session);
  requirePinOf(db, session, actor, input.currentPin, 'currentPin');
  const had = storedPin(db, actor) !== null;
  // Stretched before the transaction: the write itself stays short.
  const next = input.newPin === null ? null : hashPin(input.newPin);
  return writeTransaction(db, () => {
    writePin(db, actor, next);
    recordAudit(db, { staffId: actor, entity: 'staff', entityId: actor, action: next ? (had ? 'pin_changed' : 'pin_set') : 'pin_removed' });
    return getStaff(db, actor);
  });
}

/** An admin removes someone's PIN (forgotten): that person then signs in without one and may set a new one. */
export function clearPin(db: Db, session: WorkSession, staffId: string): Staff {
  const actor = requireStaff(session);
  return writeTransaction(db, () => {
    getStaff(db, staffId);
    writePin(db, staffId, null);
    recordAudit(db, { staffId: actor, entity: 'staff', entityId: staffId, action: 'pin_cleared' });
    return getStaff(db, staffId);
  });
}
