import { AppError } from '../../shared/api/result';
import type { Staff } from '../../shared/domain/staff';
import type { Db } from '../db/open';
import { beginWork, requireStaff, type WorkSession } from '../session/session';
import { requirePinOf } from './pin';
import { getStaff } from './service';

/** Says who is working; only an active member of staff can, with their PIN if they set one. */
export function startSession(db: Db, session: WorkSession, staffId: string, pin?: string): Staff {
  const staff = getStaff(db, staffId);
  if (!staff.active) throw new AppError('INVALID_INPUT', `${staff.name} đã ngừng làm việc.`, 'staffId', 'invalid');
  requirePinOf(db, session, staff.id, pin);
  beginWork(session, staff.id);
  return staff;
}

/** Unlocks the idle-locked session of the person working, with their PIN if they have one. */
export function unlockSession(db: Db, session: WorkSession, pin: string | undefined): Staff {
  const staffId = requireStaff(session);
  requirePinOf(db, session, staffId, pin);
  beginWork(session, staffId);
  return getStaff(db, staffId);
}
