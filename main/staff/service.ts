import { newId } from '../core/ids';
import { AppError } from '../../shared/api/result';
import type { Staff, StaffRole } from '../../shared/domain/staff';
import { foldVietnamese } from '../../shared/text/fold';
import { changedFields, recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { requireStaff, type Session } from '../session/session';
import { statement, writeTransaction } from '../db/statements';

interface StaffRow {
  id: string;
  name: string;
  role: StaffRole;
  active: number;
  has_pin: number;
}

const toStaff = (row: StaffRow): Staff => ({ id: row.id, name: row.name, role: row.role, active: row.active === 1, hasPin: row.has_pin === 1 });

/** The columns a Staff is made of: whether a PIN is set, never the PIN's hash. */
const STAFF_COLUMNS = 'id, name, role, active, pin_hash IS NOT NULL AS has_pin';

export function listStaff(db: Db, includeInactive: boolean): Staff[] {
  return statement<[number], StaffRow>(db, `SELECT ${STAFF_COLUMNS} FROM staff WHERE ? OR active = 1 ORDER BY name_folded`)
    .all(includeInactive ? 1 : 0)
    .map(toStaff);
}

export function getStaff(db: Db, id: string): Staff {
  const row = statement<[string], StaffRow>(db, `SELECT ${STAFF_COLUMNS} FROM staff WHERE id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy cán bộ ${id}`, 'staffId', 'unknown_reference');
  return toStaff(row);
}

const hasStaff = (db: Db) => statement(db, 'SELECT 1 FROM staff LIMIT 1').get() !== undefined;

/**
 * Adds a member of staff. The very first one can be added before anyone is signed in
 * (a new install has nobody to sign in as) and is made an admin.
 */
export function createStaff(db: Db, session: Session, input: { name: string; role: StaffRole }): Staff {
  return writeTransaction(db, () => {
    const first = !hasStaff(db);
    const actor = first ? null : requireStaff(session);
    const id = newId();
    const role = first ? 'admin' : input.role;
    const now = nowIso();
    statement(db, 
      'INSERT INTO staff (id, name, name_folded, role, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)',
    ).run(id, input.name, foldVietnamese(input.name), role, now, now);
    recordAudit(db, { staffId: actor ?? id, entity: 'staff', entityId: id, action: 'create', after: { name: input.name, role } });
    return getStaff(db, id);
  });
}

const otherActiveAdmins = (db: Db, id: string) =>
  statement<[string], { n: number }>(db, "SELECT count(*) AS n FROM staff WHERE role = 'admin' AND active = 1 AND id != ?").get(id)!.n;

export function updateStaff(
  db: Db,
  session: Session,
  input: { id: string; name: string; role: StaffRole; active: boolean },
): Staff {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const before = getStaff(db, input.id);
    if (input.id === actor && !input.active) {
      throw new AppError('INVALID_INPUT', 'Không thể tự ngừng tài khoản của người đang làm việc.', 'active', 'invalid');
    }
    if (before.role === 'admin' && before.active && (input.role !== 'admin' || !input.active) && otherActiveAdmins(db, input.id) === 0) {
      // Nobody could then add staff, change roles or settings: the office would be locked out.
      throw new AppError(
        'INVALID_INPUT',
        `${before.name} là quản trị viên duy nhất còn làm việc; hãy giao quyền quản trị cho người khác trước khi ngừng tài khoản hoặc đổi vai trò.`,
        input.active ? 'role' : 'active',
        'invalid',
      );
    }
    statement(db, 'UPDATE staff SET name = ?, name_folded = ?, role = ?, active = ?, updated_at = ? WHERE id = ?').run(
      input.name,
      foldVietnamese(input.name),
      input.role,
      input.active ? 1 : 0,
      nowIso(),
      input.id,
    );
    const after = getStaff(db, input.id);
    const change = changedFields(before, after);
    if (change) recordAudit(db, { staffId: actor, entity: 'staff', entityId: input.id, action: 'update', ...change });
    return after;
  });
}

/** The role the dispatcher checks an operation's declared roles against. */
export function callerOf(db: Db, session: Session): { role: StaffRole | null; anyStaff: boolean } {
  const staff = currentStaff(db, session);
  return { role: staff?.active ? staff.role : null, anyStaff: staff !== null || hasStaff(db) };
}

export function currentStaff(db: Db, session: Session): Staff | null {
  return session.staffId === null ? null : getStaff(db, session.staffId);
}
