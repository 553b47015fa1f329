import type { PosterData } from '../../shared/domain/posters';
import { manualEntryOf } from '../../shared/qr/manual-entry';
import { formatDate } from '../../shared/text/date';
import { ensureCode } from '../codes/service';
import type { OfficeKey } from '../codes/office-key';
import type { Db } from '../db/open';
import { requireOwnVenue } from '../exchange/ownership';
import { listPostingPoints } from '../posting-points/service';
import { officeUnitOf } from '../exchange/offices';
import { getSettings } from '../settings/service';
import { findUnit } from '../units/service';
import { getVenue } from '../venues/rows';

/** The poster header: the office's own name if set, else "UBND" and its unit (commune, or province at an upper office), else a neutral one. */
export function officeNameOf(db: Db): string {
  const settings = getSettings(db);
  if (settings.officeName) return settings.officeName;
  const unit = officeUnitOf(db);
  return unit ? `UBND ${unit.name}`.toUpperCase() : 'ỦY BAN NHÂN DÂN XÃ';
}

/**
 * One poster per posting point in use (a market prints one per gate), each carrying the
 * venue's current code, minted now if the venue has none yet. A received commune's venue
 * is refused here, before any PDF is made: its prints are that commune's to record. Runs
 * inside the caller's write transaction.
 */
export function postersOfVenue(db: Db, key: OfficeKey, actor: string | null, venueId: string, officeName: string): PosterData[] {
  const venue = getVenue(db, venueId);
  requireOwnVenue(db, venueId);
  const code = ensureCode(db, key, actor, venueId);
  const place = [venue.address, venue.villageId && findUnit(db, venue.villageId)?.name].filter(Boolean).join(', ');
  return listPostingPoints(db, venueId)
    .filter((point) => !point.retired)
    .map((point) => ({
      venueId,
      postingPointId: point.id,
      postingPointLabel: point.label,
      shortCode: venue.code,
      manualCode: manualEntryOf(code.source, code.payload, venue.code),
      venueName: venue.name,
      address: place,
      officeName,
      payload: code.payload,
      revision: code.revision,
      issuedOn: formatDate(code.issuedAt),
    }));
}
