import { Settings, type SettingsPatch } from '../../shared/domain/settings';
import { changedFields, recordAudit } from '../audit/service';
import type { Db } from '../db/open';
import { requireStaff, type Session } from '../session/session';
import { requireUnit } from '../units/service';
import { statement, writeTransaction } from '../db/statements';

/** Settings are one JSON value per key; unknown or unreadable values fall back to defaults. */
export function getSettings(db: Db): Settings {
  const rows = statement<[], { key: string; value_json: string }>(db, 'SELECT key, value_json FROM settings').all();
  const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value_json) as unknown]));
  const parsed = Settings.safeParse(stored);
  return parsed.success ? parsed.data : Settings.parse({});
}

export function updateSettings(db: Db, session: Session, patch: SettingsPatch): Settings {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    if (patch.homeCommuneId) requireUnit(db, patch.homeCommuneId, 'commune', 'homeCommuneId');
    const before = getSettings(db);
    const upsert = statement(db, 
      'INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json',
    );
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
    const after = getSettings(db);
    const change = changedFields(before, after);
    if (change) recordAudit(db, { staffId: actor, entity: 'settings', entityId: 'office', action: 'update', ...change });
    return after;
  });
}
