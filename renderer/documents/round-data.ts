import type { Result } from '../../shared/api/result';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { placeOf, upperVi } from '../../shared/domain/documents-vi';
import type { Finding, RoundDetail } from '../../shared/domain/inspections';
import type { Venue } from '../../shared/domain/venue';
import { api } from '../api/client';
import { useDocumentLoad, type Loaded } from './document-load';

/** What the documents of an inspection round (biên bản, giấy nhắc nhở) print, loaded through the API. */

export interface VenueInfo {
  name: string;
  code: string;
  ownerName: string;
  /** Address, village, commune. */
  place: string;
}

export interface DocumentData {
  detail: RoundDetail;
  officeName: string;
  /** The commune the place-and-date line names, without its level; null when unknown. */
  place: string | null;
  /** "Xã Kỳ Bắc (Thôn A, Thôn B)", or null when the round names no area and the office no commune. */
  area: string | null;
  venues: ReadonlyMap<string, VenueInfo>;
}

/** The record's date: the round's last day, else its last visit, else its first day (as main names the file). */
export function recordDayOf(detail: RoundDetail): string {
  const lastVisit = detail.visits.map((visit) => visit.visitedOn).sort().at(-1);
  return detail.round.endsOn ?? lastVisit ?? detail.round.startsOn;
}

/** What a reminder lists: findings still to be put right (no action yet, or an open one), as main checks. */
export const stillOpen = (finding: Finding) => finding.action === null || finding.action.status === 'open';

export const leaderOf = (detail: RoundDetail) => detail.round.team[0]?.name;

/** The value of an answer, or its refusal thrown for useDocumentLoad to show. */
export function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw result.error;
  return result.value;
}

async function loadDocumentData(roundId: string, venueIdsOf: (detail: RoundDetail) => string[]): Promise<DocumentData> {
  const [detail, officeKey, settings, units] = await Promise.all([
    api['rounds.get']({ id: roundId }).then(valueOf),
    api['codes.officeKey']({}).then(valueOf),
    api['settings.get']({}).then(valueOf),
    api['units.list']({ includeRetired: true }).then(valueOf),
  ]);
  const unitName = new Map(units.map((unit: AdminUnit) => [unit.id, unit.name]));
  const venueList: Venue[] = await Promise.all(
    [...new Set(venueIdsOf(detail))].map((id) => api['venues.get']({ id }).then((result) => valueOf(result).venue)),
  );
  const venues = new Map(
    venueList.map((venue) => [
      venue.id,
      {
        name: venue.name,
        code: venue.code,
        ownerName: venue.ownerName,
        place: [venue.address, venue.villageId && unitName.get(venue.villageId), venue.communeId && unitName.get(venue.communeId)]
          .filter(Boolean)
          .join(', '),
      },
    ]),
  );
  const communeId = detail.round.communeId ?? settings.homeCommuneId;
  const commune = communeId ? unitName.get(communeId) : undefined;
  const villages = detail.round.villageIds.map((id) => unitName.get(id)).filter((name): name is string => Boolean(name));
  const area = commune ? (villages.length > 0 ? `${commune} (${villages.join(', ')})` : commune) : villages.join(', ') || null;
  return { detail, officeName: upperVi(officeKey.officeName), place: commune ? placeOf(commune) : null, area, venues };
}

const allVenuesOf = (detail: RoundDetail) => [...detail.plannedVenueIds, ...detail.visits.map((visit) => visit.venueId)];

/** Loads a round with everything its documents print: the details of one venue, or (null) of every venue of the round. */
export function useDocumentData(roundId: string, venueId: string | null): Loaded<DocumentData> {
  return useDocumentLoad(`${roundId}/${venueId ?? '*'}`, () =>
    loadDocumentData(roundId, venueId === null ? allVenuesOf : () => [venueId]),
  );
}
