import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { loadOrCreateOfficeKey, type OfficeKey } from './office-key';

const RECORD = 'officePublicKey';

/** The office key, checked against the public key the database recorded when it was made. */
export function openOfficeKey(db: Db, dataDir: string): OfficeKey {
  const row = statement<[string], { value_json: string }>(db, 'SELECT value_json FROM settings WHERE key = ?').get(RECORD);
  const key = loadOrCreateOfficeKey(dataDir, row ? (JSON.parse(row.value_json) as string) : null);
  if (!row) statement(db, 'INSERT INTO settings (key, value_json) VALUES (?, ?)').run(RECORD, JSON.stringify(key.publicKey.toString('base64')));
  return key;
}
