import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../../main/db/open';

/**
 * Service-level helpers for exchange tests and benches that seed a register straight
 * into a database (seedProvince) instead of through the operations.
 */

/** A staff row to work as (the services record who prepared and received). */
export function addStaff(db: Db): string {
  const id = uuidv7();
  const now = new Date().toISOString();
  db.prepare("INSERT INTO staff (id, name, name_folded, role, created_at, updated_at) VALUES (?, 'Bench', 'bench', 'admin', ?, ?)").run(id, now, now);
  return id;
}

export const setSetting = (db: Db, key: string, value: unknown) =>
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json').run(key, JSON.stringify(value));

/** Edits `count` of a commune's venues as a clerk would: a note, a new version, the time of the edit. */
export function changeVenues(db: Db, communeId: string, count: number): void {
  db.prepare(
    `UPDATE venues SET notes = 'Đã cập nhật biển hiệu', version = version + 1, updated_at = ?
     WHERE id IN (SELECT id FROM venues WHERE commune_id = ? ORDER BY id LIMIT ?)`,
  ).run(new Date().toISOString(), communeId, count);
}
