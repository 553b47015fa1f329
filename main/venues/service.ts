import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../shared/api/result';
import type { Venue, VenueDraftValue, VenuePage, VenueStatus, VenueType } from '../../shared/domain/venue';
import { foldedWords } from '../../shared/text/fold';
import { vietnameseSortKey } from '../../shared/text/sort-key';
import { nowIso } from '../core/clock';
import type { Db } from '../db/open';
import { requireUnit } from '../units/service';
import { nextVenueCode } from './codes';
import { venueSearchColumns } from './search-text';

interface VenueRow {
  id: string;
  code: string;
  name: string;
  type: VenueType;
  address: string;
  owner_name: string;
  phone: string;
  commune_id: string | null;
  village_id: string | null;
  status: VenueStatus;
  created_at: string;
  updated_at: string;
  version: number;
}

const VENUE_COLUMNS = `v.id, v.code, v.name, v.type, v.address, v.owner_name, v.phone, v.commune_id,
  v.village_id, v.status, v.created_at, v.updated_at, v.version`;

const toVenue = (row: VenueRow): Venue => ({
  id: row.id,
  code: row.code,
  name: row.name,
  type: row.type,
  address: row.address,
  ownerName: row.owner_name,
  phone: row.phone,
  communeId: row.commune_id,
  villageId: row.village_id,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  version: row.version,
});

export function getVenue(db: Db, id: string): Venue {
  const row = db.prepare<[string], VenueRow>(`SELECT ${VENUE_COLUMNS} FROM venues v WHERE v.id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy cơ sở ${id}`);
  return toVenue(row);
}

export function createVenue(db: Db, draft: VenueDraftValue): Venue {
  const create = db.transaction((): string => {
    if (draft.communeId) requireUnit(db, draft.communeId, 'commune', 'communeId');
    if (draft.villageId) requireUnit(db, draft.villageId, 'village', 'villageId');
    const id = uuidv7();
    const code = nextVenueCode(db);
    const now = nowIso();
    db.prepare(
      `INSERT INTO venues (id, code, name, sort_key, type, address, owner_name, phone, commune_id,
         village_id, status, name_folded, details_folded, created_at, updated_at)
       VALUES (@id, @code, @name, @sortKey, @type, @address, @ownerName, @phone, @communeId,
         @villageId, @status, @nameFolded, @detailsFolded, @now, @now)`,
    ).run({
      ...draft,
      id,
      code,
      now,
      sortKey: vietnameseSortKey(draft.name),
      ...venueSearchColumns({ ...draft, code }),
    });
    return id;
  });
  return getVenue(db, create.immediate());
}

/** Each typed word matches the start of a word, so "cho ky b" already finds "Chợ Kỳ Bắc". */
function ftsQueryOf(search: string): string | null {
  const words = foldedWords(search);
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

export function listVenues(db: Db, query: { search: string; limit: number; offset: number }): VenuePage {
  const match = ftsQueryOf(query.search);
  if (match === null) {
    const items = db
      .prepare<[number, number], VenueRow>(
        `SELECT ${VENUE_COLUMNS} FROM venues v ORDER BY v.sort_key, v.code LIMIT ? OFFSET ?`,
      )
      .all(query.limit, query.offset);
    const { total } = db.prepare<[], { total: number }>('SELECT count(*) AS total FROM venues').get()!;
    return { items: items.map(toVenue), total };
  }
  // Best matches first (bm25, a hit in the name weighing ten times one in the details), then Vietnamese order.
  const items = db
    .prepare<[string, number, number], VenueRow>(
      `SELECT ${VENUE_COLUMNS} FROM venues_fts f JOIN venues v ON v.rowid = f.rowid
       WHERE venues_fts MATCH ? ORDER BY bm25(venues_fts, 10.0, 1.0), v.sort_key LIMIT ? OFFSET ?`,
    )
    .all(match, query.limit, query.offset);
  const { total } = db
    .prepare<[string], { total: number }>('SELECT count(*) AS total FROM venues_fts WHERE venues_fts MATCH ?')
    .get(match)!;
  return { items: items.map(toVenue), total };
}
