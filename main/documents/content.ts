import { AppError } from '../../shared/api/result';
import { hasOpenFindings, type DocumentContent, type DocumentRequest } from '../../shared/domain/documents';
import { placeOf, upperVi } from '../../shared/domain/documents-vi';
import type { RoundDetail } from '../../shared/domain/inspections';
import type { Db } from '../db/open';
import { roundDetail } from '../inspections/rounds';
import { officeNameOf } from '../posters/poster-data';
import { getSettings } from '../settings/service';
import { listUnits } from '../units/service';
import { getVenue } from '../venues/rows';

/**
 * What a round's document prints, computed from today's data: the draft shown before it is
 * issued, and the snapshot issuing stores. One builder for both, so an issued document is
 * exactly the draft the leader saw.
 */

/** Refuses a reminder for a venue the round did not visit, or with nothing left to put right. */
function checkRequest(detail: RoundDetail, request: DocumentRequest): void {
  if (request.kind !== 'reminder') return;
  const venueId = request.venueId;
  if (!venueId) throw new AppError('INVALID_INPUT', 'Giấy nhắc nhở cần chọn cơ sở.', 'venueId', 'required');
  if (!detail.visits.some((visit) => visit.venueId === venueId)) {
    throw new AppError('INVALID_INPUT', 'Cơ sở này chưa được kiểm tra trong đợt này.', 'venueId', 'invalid');
  }
  if (!hasOpenFindings(detail, venueId)) {
    throw new AppError('INVALID_INPUT', 'Cơ sở này không còn tồn tại nào cần nhắc nhở.', 'venueId', 'invalid');
  }
}

const venueIdsOf = (detail: RoundDetail, request: DocumentRequest) =>
  request.kind === 'reminder' && request.venueId
    ? [request.venueId]
    : [...new Set([...detail.plannedVenueIds, ...detail.visits.map((visit) => visit.venueId)])];

export function buildDocumentContent(db: Db, request: DocumentRequest): DocumentContent {
  const detail = roundDetail(db, request.roundId);
  checkRequest(detail, request);
  const unitName = new Map(listUnits(db, true).map((unit) => [unit.id, unit.name]));
  const venues = venueIdsOf(detail, request).map((id) => {
    const venue = getVenue(db, id);
    const place = [venue.address, venue.villageId && unitName.get(venue.villageId), venue.communeId && unitName.get(venue.communeId)];
    return { id, name: venue.name, code: venue.code, ownerName: venue.ownerName, place: place.filter(Boolean).join(', ') };
  });
  const communeId = detail.round.communeId ?? getSettings(db).homeCommuneId;
  const commune = communeId ? unitName.get(communeId) : undefined;
  const villages = detail.round.villageIds.map((id) => unitName.get(id)).filter((name): name is string => Boolean(name));
  const area = commune ? (villages.length > 0 ? `${commune} (${villages.join(', ')})` : commune) : villages.join(', ') || null;
  return {
    kind: request.kind,
    detail,
    venueId: request.kind === 'reminder' ? (request.venueId ?? null) : null,
    officeName: upperVi(officeNameOf(db)),
    place: commune ? placeOf(commune) : null,
    area,
    venues,
  };
}
