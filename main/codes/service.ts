import { newId } from '../core/ids';
import { postersThatHold } from '../../shared/qr/qr-options';
import { reachRefusal } from '../../shared/qr/reach-refusal';
import { AppError } from '../../shared/api/result';
import type { VenueCode, Verification } from '../../shared/domain/codes';
import { recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import { requireOwnVenue } from '../exchange/ownership';
import type { Db } from '../db/open';
import { statement, writeTransaction } from '../db/statements';
import { requireStaff, type Session } from '../session/session';
import { getSettings } from '../settings/service';
import { findUnit } from '../units/service';
import { getVenue } from '../venues/rows';
import { mintPayload, parseMinted, signatureValid, wrapInUrl } from './minted-payload';
import { keyIdOf, type OfficeKey } from './office-key';
import { isUsablePublicKey } from './strict-ed25519';

interface CodeRow {
  id: string;
  venue_id: string;
  revision: number;
  source: 'minted' | 'official';
  payload: string;
  issued_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
}

const CODE_COLUMNS = 'id, venue_id, revision, source, payload, issued_at, revoked_at, revoke_reason';

const toCode = (row: CodeRow): VenueCode => ({
  id: row.id,
  venueId: row.venue_id,
  revision: row.revision,
  source: row.source,
  payload: row.payload,
  issuedAt: row.issued_at,
  revokedAt: row.revoked_at,
  revokeReason: row.revoke_reason,
});

/** The venue's codes, newest revision first. */
export function listCodes(db: Db, venueId: string): VenueCode[] {
  return statement<[string], CodeRow>(db, `SELECT ${CODE_COLUMNS} FROM venue_codes WHERE venue_id = ? ORDER BY revision DESC`)
    .all(venueId)
    .map(toCode);
}

export function currentCode(db: Db, venueId: string): VenueCode | null {
  const row = statement<[string], CodeRow>(
    db,
    `SELECT ${CODE_COLUMNS} FROM venue_codes WHERE venue_id = ? AND revoked_at IS NULL ORDER BY revision DESC LIMIT 1`,
  ).get(venueId);
  return row ? toCode(row) : null;
}

const lastRevision = (db: Db, venueId: string) =>
  statement<[string], { revision: number | null }>(db, 'SELECT max(revision) AS revision FROM venue_codes WHERE venue_id = ?').get(venueId)
    ?.revision ?? 0;

function insertCode(db: Db, actor: string | null, code: Omit<VenueCode, 'id' | 'issuedAt' | 'revokedAt' | 'revokeReason'> & { keyId: string | null }) {
  const id = newId();
  statement(
    db,
    `INSERT INTO venue_codes (id, venue_id, revision, source, payload, key_id, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, code.venueId, code.revision, code.source, code.payload, code.keyId, nowIso(), actor);
  recordAudit(db, { staffId: actor, entity: 'venue', entityId: code.venueId, action: 'code_issued', after: { revision: code.revision, source: code.source } });
  return id;
}

function mintNext(db: Db, key: OfficeKey, actor: string | null, venueId: string): void {
  const venue = getVenue(db, venueId);
  requireOwnVenue(db, venueId);
  const revision = lastRevision(db, venueId) + 1;
  const payload = wrapInUrl(mintPayload({ shortCode: venue.code, revision, keyId: key.keyId }, key.privateKey), getSettings(db).codeUrlTemplate);
  insertCode(db, actor, { venueId, revision, source: 'minted', payload, keyId: key.keyId });
}

/** The venue's current code, minting revision 1 (or the next) when it has none in force. */
export function ensureCode(db: Db, key: OfficeKey, actor: string | null, venueId: string): VenueCode {
  return writeTransaction(db, () => {
    const existing = currentCode(db, venueId);
    if (existing) return existing;
    mintNext(db, key, actor, venueId);
    return currentCode(db, venueId)!;
  });
}

function revokeCurrent(db: Db, actor: string, venueId: string, reason: string): void {
  statement(db, 'UPDATE venue_codes SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE venue_id = ? AND revoked_at IS NULL').run(
    nowIso(),
    actor,
    reason,
    venueId,
  );
}

/**
 * Revokes the current code (lost, misused, venue moved) and issues the next revision:
 * posters of the old revision are then recognised as outdated, and the venue enters the
 * reprint queue.
 */
export function revokeCode(db: Db, session: Session, key: OfficeKey, venueId: string, reason: string): VenueCode {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    requireOwnVenue(db, venueId);
    const before = currentCode(db, venueId);
    revokeCurrent(db, actor, venueId, reason);
    recordAudit(db, { staffId: actor, entity: 'venue', entityId: venueId, action: 'code_revoked', before: { revision: before?.revision ?? null }, after: { reason } });
    mintNext(db, key, actor, venueId);
    return currentCode(db, venueId)!;
  });
}

/**
 * A code that no poster size prints legibly from its distance (shared/qr/reach.ts) is of no
 * use on paper: refused when it is entered. One that only some sizes hold is kept, and
 * printing refuses the others (posters.createJob).
 */
export function unprintableReason(payload: string): string | null {
  return postersThatHold(payload).length === 0 ? reachRefusal(payload, 'a4')!.vi : null;
}

function requirePrintable(payload: string): void {
  const reason = unprintableReason(payload);
  if (reason) throw new AppError('INVALID_INPUT', reason, 'payload', 'too_long');
}

/** Records the string the national system issued, byte for byte, as the venue's next revision. */
export function setOfficialCode(db: Db, session: Session, venueId: string, payload: string): VenueCode {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    requirePrintable(payload);
    getVenue(db, venueId);
    requireOwnVenue(db, venueId);
    const current = currentCode(db, venueId);
    if (current?.payload === payload) return current;
    revokeCurrent(db, actor, venueId, 'official_code');
    insertCode(db, actor, { venueId, revision: lastRevision(db, venueId) + 1, source: 'official', payload, keyId: null });
    return currentCode(db, venueId)!;
  });
}

interface Verifier {
  key: OfficeKey;
  officeName: string;
}

const empty: Omit<Verification, 'verdict'> = { venueId: null, shortCode: null, revision: null, currentRevision: null, officeName: null };

/**
 * What a scanned or typed code is: ours and current, an old revision, another venue's,
 * another office's, forged or altered, or nothing we know. Works offline with the keys
 * in the database; `expectedVenueId` is the venue an inspector is standing in.
 */
export function verifyCode(db: Db, verifier: Verifier, text: string, expectedVenueId?: string): Verification {
  const minted = parseMinted(text);
  if (!minted) {
    // The same string may have been issued twice (re-entered, or to two venues): prefer the
    // venue being inspected, then the code in force.
    const official = statement<[string, string | null], CodeRow>(
      db,
      `SELECT ${CODE_COLUMNS} FROM venue_codes WHERE payload = ? AND source = 'official'
       ORDER BY venue_id = ? DESC, revoked_at IS NULL DESC, revision DESC LIMIT 1`,
    ).get(text, expectedVenueId ?? null);
    if (!official) return { ...empty, verdict: 'unrecognised' };
    return verdictFor(db, official.venue_id, official.revision, expectedVenueId, 'official_current', null);
  }
  if (minted.keyId !== verifier.key.keyId) {
    const trusted = statement<[string], { name: string; public_key: string }>(db, 'SELECT name, public_key FROM trusted_keys WHERE key_id = ?').get(minted.keyId);
    if (!trusted) return { ...empty, verdict: 'unknown_office', shortCode: minted.shortCode, revision: minted.revision };
    const genuine = signatureValid(minted, Buffer.from(trusted.public_key, 'base64'));
    return { ...empty, verdict: genuine ? 'other_office' : 'invalid_signature', shortCode: minted.shortCode, revision: minted.revision, officeName: trusted.name };
  }
  if (!signatureValid(minted, verifier.key.publicKey)) {
    return { ...empty, verdict: 'invalid_signature', shortCode: minted.shortCode, revision: minted.revision };
  }
  const venue = statement<[string], { id: string }>(db, 'SELECT id FROM venues WHERE code = ?').get(minted.shortCode);
  if (!venue) return { ...empty, verdict: 'unknown_venue', shortCode: minted.shortCode, revision: minted.revision };
  // Signed by us, but is it what we printed? A genuine code copied into another link is not.
  const issued = statement<[string, number], { payload: string }>(db, 'SELECT payload FROM venue_codes WHERE venue_id = ? AND revision = ?').get(venue.id, minted.revision);
  if (!issued || issued.payload !== text) return { ...empty, verdict: 'invalid_signature', shortCode: minted.shortCode, revision: minted.revision };
  return verdictFor(db, venue.id, minted.revision, expectedVenueId, 'genuine_current', verifier.officeName);
}

function verdictFor(
  db: Db,
  venueId: string,
  revision: number,
  expectedVenueId: string | undefined,
  good: 'genuine_current' | 'official_current',
  officeName: string | null,
): Verification {
  const venue = getVenue(db, venueId);
  const current = currentCode(db, venueId);
  const base = { venueId, shortCode: venue.code, revision, currentRevision: current?.revision ?? null, officeName };
  if (expectedVenueId && expectedVenueId !== venueId) return { ...base, verdict: 'other_venue' };
  if (!current || current.revision !== revision) return { ...base, verdict: 'outdated_revision' };
  return { ...base, verdict: good };
}

/**
 * Adds another office's public key, so its posters verify as genuine here. At an upper
 * office the key may be bound to a commune: then it signs that commune's data packages.
 */
export function trustOfficeKey(
  db: Db,
  session: Session,
  key: OfficeKey,
  input: { officeName: string; publicKey: string; communeId: string | null },
): { keyId: string } {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    // A commune merged in 2025 (retired) may still send its last packages, so retired communes are allowed.
    // A key bound to a province or district is that upper office's: it signs return packages to its communes.
    const level = input.communeId === null ? null : findUnit(db, input.communeId)?.level;
    if (input.communeId !== null && level !== 'commune' && level !== 'province' && level !== 'district') {
      throw new AppError(
        'INVALID_INPUT',
        'Khoá chỉ gắn được với một xã/phường, hoặc với tỉnh/huyện của văn phòng cấp trên, có trong danh mục.',
        'communeId',
        'unknown_reference',
      );
    }
    const raw = Buffer.from(input.publicKey.trim(), 'base64');
    if (raw.length !== 32) {
      throw new AppError('INVALID_INPUT', 'Khoá công khai phải là 32 byte Ed25519, viết dạng base64.', 'publicKey', 'invalid');
    }
    if (!isUsablePublicKey(raw)) {
      throw new AppError('INVALID_INPUT', 'Khoá công khai này không dùng được để kiểm tra chữ ký (khoá yếu hoặc viết sai chuẩn); không thêm. Hãy xin lại khoá từ văn phòng gửi.', 'publicKey', 'invalid');
    }
    const keyId = keyIdOf(raw);
    const known = statement<[string], { public_key: string }>(db, 'SELECT public_key FROM trusted_keys WHERE key_id = ?').get(keyId);
    if (keyId === keyIdOf(key.publicKey) || (known && known.public_key !== raw.toString('base64'))) {
      // Two different keys with one short id: never let the second replace the first unnoticed.
      throw new AppError('CONFLICT', `Đã có một khoá khác cùng mã ${keyId}; không thêm khoá này. Hãy kiểm tra lại với văn phòng gửi khoá.`, 'publicKey', 'invalid');
    }
    statement(
      db,
      `INSERT INTO trusted_keys (key_id, name, public_key, added_at, added_by, commune_id) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key_id) DO UPDATE SET name = excluded.name, commune_id = excluded.commune_id`,
    ).run(keyId, input.officeName, raw.toString('base64'), nowIso(), actor, input.communeId);
    recordAudit(db, {
      staffId: actor,
      entity: 'settings',
      entityId: 'trusted_keys',
      action: 'trust_key',
      after: { keyId, officeName: input.officeName, communeId: input.communeId },
    });
    return { keyId };
  });
}
