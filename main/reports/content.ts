import { AppError } from '../../shared/api/result';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { levelLowered, placeOf, upperVi } from '../../shared/domain/documents-vi';
import type { ReportPreview, ReportRequest } from '../../shared/domain/reports';
import { dashboardFigures } from '../dashboard/figures';
import type { Db } from '../db/open';
import { officeUnitOf } from '../exchange/offices';
import { officeNameOf } from '../posters/poster-data';
import { getSettings } from '../settings/service';
import { findUnit, requireUnit } from '../units/service';
import { writeReport } from './sentences';

interface Area {
  communeId?: string;
  villageId?: string;
  /** As a sentence names it; null: the office's whole area. */
  name: string | null;
}

/** The report's area from its parameters: a village names its commune too ("thôn Hoà Bình, xã Kỳ Bắc"). */
function areaOf(db: Db, params: ReportRequest['params']): Area {
  if (params.villageId) {
    const village = requireUnit(db, params.villageId, 'village', 'params.villageId');
    const communeId = params.communeId ?? village.parentId ?? undefined;
    if (params.communeId && village.parentId !== params.communeId) {
      throw new AppError('INVALID_INPUT', 'Thôn/xóm đã chọn không thuộc xã/phường đã chọn.', 'params.villageId', 'invalid');
    }
    const commune = communeId ? findUnit(db, communeId) : undefined;
    const name = commune ? `${levelLowered(village.name)}, ${levelLowered(commune.name)}` : levelLowered(village.name);
    return { communeId, villageId: village.id, name };
  }
  if (params.communeId) {
    const commune = requireUnit(db, params.communeId, 'commune', 'params.communeId');
    return { communeId: commune.id, name: levelLowered(commune.name) };
  }
  return { name: null };
}

/** The office as its sentences name it: "UBND xã Kỳ Bắc", "UBND tỉnh Hà Tĩnh" (never the heading's capitals). */
function officePhraseOf(db: Db, officeUnit: AdminUnit | undefined): string {
  if (officeUnit) return `UBND ${levelLowered(officeUnit.name)}`;
  return getSettings(db).officeName ?? 'Ủy ban nhân dân';
}

/**
 * The report for the clerk's values, computed now from the dashboard's figures: what a
 * preview shows and what issuing stores. `today` (yyyy-MM-dd, Vietnam) dates it; a period
 * may not end after it, since a report tells what happened.
 */
export function buildReport(db: Db, request: ReportRequest, today: string): ReportPreview {
  const { params } = request;
  if (params.to > today) {
    throw new AppError('INVALID_INPUT', 'Kỳ báo cáo không được kết thúc sau hôm nay.', 'params.to', 'invalid');
  }
  const area = areaOf(db, params);
  const figures = dashboardFigures(db, { from: params.from, to: params.to, communeId: area.communeId, villageId: area.villageId }, today);
  const officeUnit = officeUnitOf(db);
  const text = writeReport({ figures, areaName: area.name, officePhrase: officePhraseOf(db, officeUnit) });
  const { suggestedProposals, ...written } = text;
  return {
    content: {
      kind: 'qr_posting_scanning',
      params: { from: params.from, to: params.to, communeId: area.communeId, villageId: area.villageId },
      officeName: upperVi(officeNameOf(db)),
      place: officeUnit ? placeOf(officeUnit.name) : null,
      areaName: area.name,
      issuedOn: today,
      number: request.number,
      recipients: request.recipients,
      signerTitle: request.signerTitle,
      signerName: request.signerName,
      proposals: request.proposals,
      figures,
      ...written,
    },
    suggestedProposals,
  };
}
