import { AppError } from '../../shared/api/result';
import type { DuplicateDecision, ImportField, ImportSummary } from '../../shared/domain/import';
import type { Venue, VenueFieldsValue } from '../../shared/domain/venue';
import type { Db } from '../db/open';
import { inSlices, type Job } from '../jobs/job';
import type { Session } from '../session/session';
import { requireStaff } from '../session/session';
import { insertUnit } from '../units/write';
import { getVenue } from '../venues/rows';
import { createVenue, setVenueStatus, updateVenue } from '../venues/service';
import type { CheckedRow } from './check-rows';
import { indexImportedVenues, setAsideSearchIndexing } from './bulk-search-index';
import { newVillageKey } from './new-villages';

const SLICE = 250;

/** Which import field fills each venue field: an update changes only what the file has a column for. */
const SOURCE: Record<keyof VenueFieldsValue, ImportField> = {
  name: 'name',
  type: 'type',
  ownerName: 'ownerName',
  phones: 'phones',
  address: 'address',
  communeId: 'commune',
  villageId: 'village',
  businessRegNo: 'businessRegNo',
  notes: 'notes',
  latitude: 'latitude',
  longitude: 'longitude',
};

/**
 * An update changes only what the file says: a field whose column is not mapped, or
 * whose cell is blank, keeps the venue's current value (a blank cell is not an order to erase).
 */
function mergeForUpdate(existing: Venue, incoming: VenueFieldsValue, values: Record<string, string>, mapped: ReadonlySet<ImportField>): VenueFieldsValue {
  const merged = { ...incoming };
  for (const key of Object.keys(SOURCE) as Array<keyof VenueFieldsValue>) {
    const source = key === 'communeId' && mapped.has('village') ? 'village' : SOURCE[key];
    if (!mapped.has(source) || !values[source]?.trim()) (merged as Record<string, unknown>)[key] = existing[key];
  }
  return merged;
}

/** Says which row failed: a commit refused half way names the row the clerk must look at. */
function withRowNumber(rowNumber: number, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return new AppError(error.code, `Dòng ${rowNumber}: ${error.message}`, error.field, error.reason);
}

/** The decision for each row: the clerk's per-row choice, else the default for its kind. */
export interface Decisions {
  duplicateExisting: DuplicateDecision;
  duplicateInFile: 'skip' | 'import';
  overrides: Map<number, DuplicateDecision>;
}

function decisionFor(checked: CheckedRow, decisions: Decisions): DuplicateDecision {
  const override = decisions.overrides.get(checked.row.rowNumber);
  switch (checked.row.status) {
    case 'ready':
      return 'import';
    case 'update_by_code':
      return override ?? 'update';
    case 'duplicate_existing':
      return override ?? decisions.duplicateExisting;
    case 'duplicate_in_file':
      return override ?? decisions.duplicateInFile;
    default:
      return 'skip';
  }
}

/** Villages named in the file that their commune lacks, created once each. */
function createVillages(db: Db, actor: string, rows: readonly CheckedRow[]): Map<string, string> {
  const created = new Map<string, string>();
  for (const { newVillage } of rows) {
    if (!newVillage) continue;
    const key = newVillageKey(newVillage);
    if (created.has(key)) continue;
    const unit = insertUnit(db, actor, { parentId: newVillage.communeId, level: 'village', name: newVillage.name, officialCode: null, codePrefix: null }, 'import');
    created.set(key, unit.id);
  }
  return created;
}

/**
 * Writes the checked rows in ONE transaction, slice by slice so progress and cancel are
 * answered meanwhile (the write gate holds every other operation back). A cancel or any
 * failure rolls everything back: an import is all or nothing.
 */
export async function commitRows(
  db: Db,
  session: Session,
  rows: readonly CheckedRow[],
  mapped: ReadonlySet<ImportField>,
  decisions: Decisions,
  job: Job,
  /** A row's checked fields (null: it has errors); a compacted row's are read again from the sheet. */
  fieldsOf: (checked: CheckedRow) => CheckedRow['fields'],
): Promise<ImportSummary> {
  const actor = requireStaff(session);
  const summary: ImportSummary = { added: 0, updated: 0, skipped: 0, errors: 0, villagesCreated: 0 };
  db.exec('BEGIN IMMEDIATE');
  try {
    const searchIndexing = setAsideSearchIndexing(db);
    const decided = rows.map((checked) => ({ checked, decision: decisionFor(checked, decisions) }));
    const villages = createVillages(db, actor, decided.filter((d) => d.decision !== 'skip').map((d) => d.checked));
    summary.villagesCreated = villages.size;
    await inSlices(job, decided, SLICE, ({ checked, decision }) => {
      const { row, newVillage } = checked;
      const fields = fieldsOf(checked);
      if (!fields) {
        summary.errors++;
        return;
      }
      if (decision === 'skip') {
        summary.skipped++;
        return;
      }
      const villageId = newVillage ? villages.get(newVillageKey(newVillage))! : fields.villageId;
      const incoming = { ...fields, villageId };
      const target = row.duplicateOf?.venueId;
      try {
        if (decision === 'update' && target) {
          const existing = getVenue(db, target);
          const updated = updateVenue(db, session, {
            ...mergeForUpdate(existing, incoming, row.values, mapped),
            id: target,
            // The version seen at check time: an edit made since then is refused, not overwritten.
            version: checked.checkedVersion ?? existing.version,
            acknowledgeDuplicates: true,
          });
          if (mapped.has('status') && row.values.status?.trim() && updated.status !== fields.status) {
            setVenueStatus(db, session, { id: target, version: updated.version, status: fields.status });
          }
          summary.updated++;
        } else {
          createVenue(db, session, { ...incoming, acknowledgeDuplicates: true });
          summary.added++;
        }
      } catch (error) {
        throw withRowNumber(row.rowNumber, error);
      }
    });
    indexImportedVenues(db, searchIndexing);
    db.exec('COMMIT');
    return summary;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
