import { AppError } from '../../shared/api/result';
import type { Venue, VenueStatus, VenueType } from '../../shared/domain/venue';
import type { Db } from '../db/open';
import { statement } from '../db/statements';

export interface VenueRow {
  id: string;
  code: string;
  name: string;
  type: VenueType;
  owner_name: string;
  phones: string;
  address: string;
  commune_id: string | null;
  village_id: string | null;
  business_reg_no: string;
  notes: string;
  latitude: number | null;
  longitude: number | null;
  status: VenueStatus;
  created_at: string;
  created_by: string | null;
  updated_at: string;
  updated_by: string | null;
  version: number;
  received_from: string | null;
  received_from_name: string | null;
}

/**
 * The columns toVenue reads, from a venues table aliased as v. The sending commune's name
 * is looked up per venue read (a page of a list, not the whole register).
 */
export const VENUE_COLUMNS = `v.id, v.code, v.name, v.type, v.owner_name, v.phones, v.address, v.commune_id,
  v.village_id, v.business_reg_no, v.notes, v.latitude, v.longitude, v.status, v.created_at, v.created_by,
  v.updated_at, v.updated_by, v.version, v.received_from,
  (SELECT unit.name FROM admin_units unit WHERE unit.id = v.received_from) AS received_from_name`;

export const toVenue = (row: VenueRow): Venue => ({
  id: row.id,
  code: row.code,
  name: row.name,
  type: row.type,
  ownerName: row.owner_name,
  phones: JSON.parse(row.phones) as string[],
  address: row.address,
  communeId: row.commune_id,
  villageId: row.village_id,
  businessRegNo: row.business_reg_no,
  notes: row.notes,
  latitude: row.latitude,
  longitude: row.longitude,
  status: row.status,
  createdAt: row.created_at,
  createdBy: row.created_by,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  version: row.version,
  receivedFrom: row.received_from === null ? null : { communeId: row.received_from, communeName: row.received_from_name ?? '' },
});

export function getVenue(db: Db, id: string): Venue {
  const row = statement<[string], VenueRow>(db, `SELECT ${VENUE_COLUMNS} FROM venues v WHERE v.id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy cơ sở ${id}`);
  return toVenue(row);
}
