import { AppError } from '../../shared/api/result';
import type { Finding, RoundDetail } from '../../shared/domain/inspections';
import type { WriteGate } from '../core/write-gate';
import { roundDetail } from '../inspections/rounds';
import type { PosterContext } from '../posters/service';
import { requireStaff } from '../session/session';

export type DocumentKind = 'round_record' | 'reminder';

export interface DocumentRequest {
  kind: DocumentKind;
  roundId: string;
  venueId?: string;
}

export interface DocumentContext extends PosterContext {
  gate: WriteGate;
}

/** The record's date: the round's last day, else its last visit, else its first day (yyyy-MM-dd). */
export function recordDayOf(detail: RoundDetail): string {
  const lastVisit = detail.visits.map((visit) => visit.visitedOn).sort().at(-1);
  return detail.round.endsOn ?? lastVisit ?? detail.round.startsOn;
}

/** What a reminder lists: the venue's findings in the round still to be put right (no action yet, or open). */
export const stillOpen = (finding: Finding) => finding.action === null || finding.action.status === 'open';

const safeFileName = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'co-so';

function describe(detail: RoundDetail, request: DocumentRequest): { fileName: string; viewPath: string } {
  const roundId = encodeURIComponent(request.roundId);
  if (request.kind === 'round_record') {
    return { fileName: `bien-ban-kiem-tra-${recordDayOf(detail)}.pdf`, viewPath: `#/documents/round/${roundId}` };
  }
  const venueId = request.venueId;
  if (!venueId) throw new AppError('INVALID_INPUT', 'Giấy nhắc nhở cần chọn cơ sở.', 'venueId', 'required');
  const visits = detail.visits.filter((visit) => visit.venueId === venueId);
  if (visits.length === 0) throw new AppError('INVALID_INPUT', 'Cơ sở này chưa được kiểm tra trong đợt này.', 'venueId', 'invalid');
  if (!visits.some((visit) => visit.findings.some(stillOpen))) {
    throw new AppError('INVALID_INPUT', 'Cơ sở này không còn tồn tại nào cần nhắc nhở.', 'venueId', 'invalid');
  }
  return {
    fileName: `giay-nhac-nho-${safeFileName(visits[0].shortCode)}.pdf`,
    viewPath: `#/documents/reminder/${roundId}/${encodeURIComponent(venueId)}`,
  };
}

/**
 * The inspection record of a round (biên bản kiểm tra) or a reminder notice for a venue
 * (giấy nhắc nhở) as a PDF: Chromium prints the app's own document view, the same page
 * the clerk prints from the screen. The view asks the API for its data while this waits,
 * so this operation runs outside the operation queue (see the dispatcher) and takes its
 * place in it only for its own reads.
 */
export async function documentPdf(ctx: DocumentContext, request: DocumentRequest) {
  const { fileName, viewPath } = await ctx.gate.run(() => {
    requireStaff(ctx.session);
    return describe(roundDetail(ctx.db, request.roundId), request);
  });
  try {
    const pdf = await ctx.pdfRenderer().render(viewPath);
    return { fileName, mimeType: 'application/pdf' as const, bytesBase64: Buffer.from(pdf).toString('base64') };
  } catch (error) {
    if (error instanceof AppError) throw error;
    ctx.log.error('document PDF failed', error);
    throw new AppError('INTERNAL', 'Không tạo được tệp PDF của văn bản. Chi tiết ở nhật ký.');
  }
}
