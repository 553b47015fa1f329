import { newId } from '../core/ids';
import { AppError } from '../../shared/api/result';
import { MAIN_ENTRANCE_LABEL, type Venue, type VenueDetail, type VenueFieldsValue, type VenueStatus } from '../../shared/domain/venue';
import { phoneDigits } from '../../shared/text/phone';
import { vietnameseSortKey } from '../../shared/text/sort-key';
import { changedFields, filledFields, recordAudit } from '../audit/service';
import { nowIso } from '../core/clock';
import { requireOwnVenue } from '../exchange/ownership';
import type { Db } from '../db/open';
import { insertPostingPoint, listPostingPoints } from '../posting-points/service';
import { requireStaff, type Session } from '../session/session';
import { getSettings } from '../settings/service';
import { requireUnit } from '../units/service';
import { codePrefixOf, nextVenueCode } from './codes';
import { findDuplicates } from './duplicates';
import { getVenue } from './rows';
import { venueSearchColumns } from './search-text';
import { statement, writeTransaction } from '../db/statements';

/** The fields a clerk edits, as the audit log compares them. */
const EDITABLE = [
  'name', 'type', 'ownerName', 'phones', 'address', 'communeId', 'villageId', 'businessRegNo', 'notes', 'latitude', 'longitude',
] as const;

const pick = (venue: VenueFieldsValue | Venue) => Object.fromEntries(EDITABLE.map((key) => [key, venue[key]]));

/**
 * Fills the commune from the village (a village belongs to one commune) or from the
 * office's home commune, and refuses a village of another commune.
 */
function resolvePlace(db: Db, fields: VenueFieldsValue): VenueFieldsValue {
  let communeId = fields.communeId;
  if (fields.villageId !== null) {
    const village = requireUnit(db, fields.villageId, 'village', 'villageId');
    if (communeId !== null && village.parentId !== communeId) {
      throw new AppError('INVALID_INPUT', 'Thôn/xóm không thuộc xã/phường đã chọn', 'villageId', 'invalid');
    }
    communeId = village.parentId;
  }
  communeId ??= getSettings(db).homeCommuneId;
  if (communeId !== null) requireUnit(db, communeId, 'commune', 'communeId');
  return { ...fields, communeId };
}

function refuseUnacknowledgedDuplicates(db: Db, fields: VenueFieldsValue, acknowledged: boolean, excludeId?: string) {
  if (acknowledged) return;
  const duplicates = findDuplicates(db, { ...fields, excludeId });
  if (duplicates.length > 0) {
    throw new AppError(
      'DUPLICATE',
      `Có ${duplicates.length} cơ sở giống cơ sở này (${duplicates.map((d) => d.venue.code).join(', ')}). Kiểm tra lại hoặc xác nhận lưu.`,
    );
  }
}

function writePhones(db: Db, venueId: string, phones: readonly string[]) {
  statement(db, 'DELETE FROM venue_phones WHERE venue_id = ?').run(venueId);
  const insert = statement(db, 'INSERT OR IGNORE INTO venue_phones (venue_id, digits) VALUES (?, ?)');
  for (const phone of phones) insert.run(venueId, phoneDigits(phone));
}

const columnsOf = (fields: VenueFieldsValue, code: string) => ({
  ...fields,
  phones: JSON.stringify(fields.phones),
  sortKey: vietnameseSortKey(fields.name),
  ...venueSearchColumns({ ...fields, code }),
});

export function createVenue(
  db: Db,
  session: Session,
  input: VenueFieldsValue & { status: VenueStatus; acknowledgeDuplicates: boolean },
): Venue {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const fields = resolvePlace(db, input);
    refuseUnacknowledgedDuplicates(db, fields, input.acknowledgeDuplicates);
    const id = newId();
    const code = nextVenueCode(db, codePrefixOf(db, fields.communeId));
    const now = nowIso();
    statement(db, 
      `INSERT INTO venues (id, code, name, sort_key, type, owner_name, phones, address, commune_id, village_id,
         business_reg_no, status, notes, latitude, longitude, name_folded, details_folded,
         created_at, created_by, updated_at, updated_by)
       VALUES (@id, @code, @name, @sortKey, @type, @ownerName, @phones, @address, @communeId, @villageId,
         @businessRegNo, @status, @notes, @latitude, @longitude, @nameFolded, @detailsFolded,
         @now, @actor, @now, @actor)`,
    ).run({ ...columnsOf(fields, code), id, code, status: input.status, now, actor });
    writePhones(db, id, fields.phones);
    insertPostingPoint(db, id, MAIN_ENTRANCE_LABEL, true);
    recordAudit(db, { staffId: actor, entity: 'venue', entityId: id, action: 'create', after: filledFields({ code, ...pick(fields), status: input.status }) });
    return getVenue(db, id);
  });
}

/** Fails with CONFLICT when someone saved the venue after this edit was started. */
function requireVersion(venue: Venue, version: number) {
  if (venue.version !== version) {
    throw new AppError(
      'CONFLICT',
      `Cơ sở ${venue.code} đã được người khác sửa trong lúc bạn đang sửa. Hãy tải lại để xem thay đổi mới nhất.`,
    );
  }
}

export function updateVenue(
  db: Db,
  session: Session,
  input: VenueFieldsValue & { id: string; version: number; acknowledgeDuplicates: boolean },
): Venue {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const before = getVenue(db, input.id);
    requireOwnVenue(db, input.id);
    requireVersion(before, input.version);
    const fields = resolvePlace(db, input);
    refuseUnacknowledgedDuplicates(db, fields, input.acknowledgeDuplicates, input.id);
    const change = changedFields(pick(before), pick(fields));
    if (change === null) return before;
    statement(db, 
      `UPDATE venues SET name = @name, sort_key = @sortKey, type = @type, owner_name = @ownerName, phones = @phones,
         address = @address, commune_id = @communeId, village_id = @villageId, business_reg_no = @businessRegNo,
         notes = @notes, latitude = @latitude, longitude = @longitude, name_folded = @nameFolded,
         details_folded = @detailsFolded, updated_at = @now, updated_by = @actor, version = version + 1
       WHERE id = @id`,
    ).run({ ...columnsOf(fields, before.code), id: input.id, now: nowIso(), actor });
    writePhones(db, input.id, fields.phones);
    recordAudit(db, { staffId: actor, entity: 'venue', entityId: input.id, action: 'update', ...change });
    return getVenue(db, input.id);
  });
}

/** Close, suspend or reopen: venues with history are never deleted. */
export function setVenueStatus(db: Db, session: Session, input: { id: string; version: number; status: VenueStatus }): Venue {
  return writeTransaction(db, () => {
    const actor = requireStaff(session);
    const before = getVenue(db, input.id);
    requireOwnVenue(db, input.id);
    requireVersion(before, input.version);
    if (before.status === input.status) return before;
    statement(db, 
      'UPDATE venues SET status = ?, updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?',
    ).run(input.status, nowIso(), actor, input.id);
    recordAudit(db, {
      staffId: actor,
      entity: 'venue',
      entityId: input.id,
      action: 'status',
      before: { status: before.status },
      after: { status: input.status },
    });
    return getVenue(db, input.id);
  });
}

export function getVenueDetail(db: Db, id: string): VenueDetail {
  return { venue: getVenue(db, id), postingPoints: listPostingPoints(db, id) };
}
