import { AppError } from '../../shared/api/result';
import { Settings, type SettingsPatch } from '../../shared/domain/settings';
import { changedFields, recordAudit } from '../audit/service';
import type { Db } from '../db/open';
import { requireStaff, type Session } from '../session/session';
import { findUnit, requireUnit } from '../units/service';
import { statement, writeTransaction } from '../db/statements';
import { POSTER_SIZES } from '../../shared/qr/reach';
import { reachRefusal } from '../../shared/qr/reach-refusal';

/** The longest code we could mint, as a phone would see it inside the template. */
const WORST_CASE_CODE = `DQR1:ABCD-999999:999999:ABCDEF:${'A'.repeat(103)}`;

/**
 * Minted codes print on every poster size, so a link template is refused when it would make
 * them unreadable from some poster's distance. A link in QR's alphanumeric set (capitals,
 * digits, space $ % * + - . / :) packs 5.5 bits a character instead of 8 (see README).
 */
function requireCompactTemplate(template: string): void {
  const payload = template.replace('{code}', WORST_CASE_CODE);
  const refusal = POSTER_SIZES.map((poster) => reachRefusal(payload, poster)).find((sentence) => sentence !== null);
  if (refusal) {
    const hint = 'Hãy dùng đường dẫn ngắn hơn, chỉ chữ in hoa, số và / . : - (ví dụ HTTPS://KYBAC.VN/Q/{code}).';
    throw new AppError('INVALID_INPUT', `Đường dẫn quá dài: ${refusal.vi} ${hint}`, 'codeUrlTemplate', 'too_long');
  }
}

/** An upper office serves a province, or a district for data before the 2025 reorganisation. */
function requireUpperUnit(db: Db, id: string): void {
  const unit = findUnit(db, id);
  if (!unit || unit.retired || (unit.level !== 'province' && unit.level !== 'district')) {
    throw new AppError('INVALID_INPUT', 'Văn phòng cấp trên phải chọn một tỉnh/thành phố hoặc quận/huyện đang dùng.', 'upperUnitId', 'unknown_reference');
  }
}

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
    if (patch.codeUrlTemplate) requireCompactTemplate(patch.codeUrlTemplate);
    if (patch.upperUnitId) requireUpperUnit(db, patch.upperUnitId);
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
