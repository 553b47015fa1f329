import { AppError } from '../../shared/api/result';
import { recordDayOf, type DocumentContent, type DocumentPdfRequest } from '../../shared/domain/documents';
import type { WriteGate } from '../core/write-gate';
import type { PosterContext } from '../posters/service';
import { requireStaff } from '../session/session';
import { buildDocumentContent } from './content';
import { getDocument } from './store';

export interface DocumentContext extends PosterContext {
  gate: WriteGate;
}

const safeFileName = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'co-so';

/** The file's name: the record's date or the reminder's venue code, and an issued document's number ("so-01-BB-KT"). */
function fileNameOf(content: DocumentContent, number: string | null): string {
  const numbered = number === null ? '' : `-so-${safeFileName(number)}`;
  if (content.kind === 'round_record') return `bien-ban-kiem-tra-${recordDayOf(content.detail)}${numbered}.pdf`;
  const venue = content.venues.find((candidate) => candidate.id === content.venueId);
  return `giay-nhac-nho-${safeFileName(venue?.code ?? '')}${numbered}.pdf`;
}

/** What the PDF prints and which view prints it: an issued document's stored content, or today's draft. */
function describe(ctx: DocumentContext, request: DocumentPdfRequest): { fileName: string; viewPath: string } {
  if ('documentId' in request) {
    const issued = getDocument(ctx.db, request.documentId);
    return { fileName: fileNameOf(issued.content, issued.number), viewPath: `#/documents/issued/${encodeURIComponent(issued.id)}` };
  }
  const content = buildDocumentContent(ctx.db, request);
  const roundId = encodeURIComponent(request.roundId);
  const viewPath =
    request.kind === 'round_record' ? `#/documents/round/${roundId}` : `#/documents/reminder/${roundId}/${encodeURIComponent(content.venueId ?? '')}`;
  return { fileName: fileNameOf(content, null), viewPath };
}

/**
 * A round's document as a PDF: Chromium prints the app's own document view, the same page
 * the clerk prints from the screen. The view asks the API for its data while this waits,
 * so this operation runs outside the operation queue (see the dispatcher) and takes its
 * place in it only for its own reads.
 */
export async function documentPdf(ctx: DocumentContext, request: DocumentPdfRequest) {
  const { fileName, viewPath } = await ctx.gate.run(() => {
    requireStaff(ctx.session);
    return describe(ctx, request);
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
