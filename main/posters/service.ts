import { PDFDocument } from 'pdf-lib';
import { newId } from '../core/ids';
import { AppError } from '../../shared/api/result';
import { PAPER, type PosterData, type PosterTemplate, type PosterSelection, type PrintJob, type PrintJobStatus, type PrintSlice } from '../../shared/domain/posters';
import type { OfficeKey } from '../codes/office-key';
import type { Logger } from '../core/logger';
import type { WriteGate } from '../core/write-gate';
import type { Db } from '../db/open';
import { writeTransaction } from '../db/statements';
import { Job, JobCancelled } from '../jobs/job';
import type { BackgroundWork } from '../jobs/background';
import { RecentJobs } from '../jobs/recent';
import { requireStaff, type Session } from '../session/session';
import { listVenues } from '../venues/search';
import { appendPdf, printViewPath, type PdfRenderer } from './pdf-renderer';
import { officeNameOf, postersOfVenue } from './poster-data';
import { recordPrints, type PrintDetails } from './prints';
import { listQueue } from './queue';
import { POSTER_OF_TEMPLATE } from '../../shared/qr/reach';
import { reachRefusal } from '../../shared/qr/reach-refusal';
import { storageFailure } from '../core/storage-failure';

/** Posters rendered per Chromium pass: a multiple of every sheet's count, so no sheet is split. */
const PART = 100;

interface PrintJobState {
  id: string;
  details: Omit<PrintDetails, 'output'>;
  posters: PosterData[];
  phase: PrintJobStatus['phase'];
  job: Job;
  error: PrintJobStatus['error'];
  pdf: Uint8Array | null;
  /** Prints are recorded once per job, however often its PDF is made or its dialog opened. */
  recorded: boolean;
}

/** The three most recent print jobs; a PDF of thousands of posters is large. */
export class PrintJobs extends RecentJobs<PrintJobState> {
  constructor() {
    super(3, 'Không còn lượt in này; hãy chọn lại các cơ sở cần in.');
  }
}

export interface PosterContext {
  db: Db;
  /** Recording prints is a write: it queues with every other operation (see WriteGate). */
  gate: WriteGate;
  session: Session;
  officeKey: OfficeKey;
  log: Logger;
  printJobs: PrintJobs;
  /** Where the PDF rendering runs, so that closing the app waits for it. */
  background: BackgroundWork;
  /** Chromium for PDFs, made on first use: Electron's hidden window or the bridge's browser. */
  pdfRenderer(): PdfRenderer;
}

function venueIdsOf(db: Db, selection: PosterSelection): string[] {
  switch (selection.kind) {
    case 'venues':
      return selection.venueIds;
    case 'filter':
      return listVenues(db, { ...selection.query, limit: Number.MAX_SAFE_INTEGER, offset: 0 }).items.map((venue) => venue.id);
    case 'queue':
      return listQueue(db).map((entry) => entry.venueId);
  }
}

/**
 * Refuses a print whose template cannot hold one of its codes legibly from the template's
 * distance (an official code too long for an A6 card), naming the venue, the reason and
 * the sizes that can. Thrown inside the transaction, so codes minted for it are not kept.
 */
function requireReadable(posters: readonly PosterData[], template: PosterTemplate): void {
  const poster = POSTER_OF_TEMPLATE[template];
  const unreadable = posters.flatMap((data) => {
    const refusal = reachRefusal(data.payload, poster);
    return refusal ? [{ data, refusal }] : [];
  });
  if (unreadable.length === 0) return;
  const [{ data, refusal }] = unreadable;
  const more = unreadable.length > 1 ? ` (và ${unreadable.length - 1} cơ sở khác)` : '';
  throw new AppError('INVALID_INPUT', `Cơ sở ${data.shortCode}${more}: ${refusal.vi}`, 'template', 'too_long');
}

const pagesOf = (state: PrintJobState) => Math.ceil(state.posters.length / PAPER[state.details.template].perPage);

/** Gathers the posters of a print (issuing codes the venues lack) for the print view and the PDF. */
export function createPrintJob(ctx: PosterContext, input: { selection: PosterSelection } & PrintJobState['details']): PrintJob {
  const actor = requireStaff(ctx.session);
  const posters = writeTransaction(ctx.db, () => {
    const officeName = officeNameOf(ctx.db);
    const gathered = venueIdsOf(ctx.db, input.selection).flatMap((venueId) => postersOfVenue(ctx.db, ctx.officeKey, actor, venueId, officeName));
    requireReadable(gathered, input.template);
    return gathered;
  });
  if (posters.length === 0) throw new AppError('INVALID_INPUT', 'Không có cơ sở nào để in.', 'selection', 'required');
  const state: PrintJobState = {
    id: newId(),
    details: { template: input.template, copies: input.copies, reason: input.reason, laminated: input.laminated },
    posters,
    phase: 'ready',
    job: new Job(),
    error: null,
    pdf: null,
    recorded: false,
  };
  ctx.printJobs.add(state);
  return { jobId: state.id, template: state.details.template, posters: posters.length, pages: pagesOf(state) };
}

export function printSlice(ctx: PosterContext, input: { jobId: string; offset: number; limit: number }): PrintSlice {
  const state = ctx.printJobs.get(input.jobId);
  return { template: state.details.template, posters: state.posters.slice(input.offset, input.offset + input.limit), total: state.posters.length };
}

const fileNameOf = (state: PrintJobState) => `ap-phich-${state.details.template}-${state.posters.length}-co-so.pdf`;

export function printJobStatus(ctx: PosterContext, jobId: string): PrintJobStatus {
  const state = ctx.printJobs.get(jobId);
  return {
    jobId,
    phase: state.phase,
    progress: { done: state.job.done, total: state.job.total },
    error: state.error,
    fileName: state.pdf ? fileNameOf(state) : null,
  };
}

/**
 * Renders the whole job to one PDF in parts, reporting progress and stopping between
 * parts when cancelled; the prints are recorded only once the PDF is complete.
 */
export function exportPdf(ctx: PosterContext, jobId: string): PrintJobStatus {
  const actor = requireStaff(ctx.session);
  const state = ctx.printJobs.get(jobId);
  if (state.phase === 'rendering') throw new AppError('CONFLICT', 'Tệp PDF của lượt in này đang được tạo.');
  state.phase = 'rendering';
  state.error = null;
  state.job = new Job();
  const job = state.job;
  ctx.background.start(async () => {
    const merged = await PDFDocument.create();
    let printed: Uint8Array | null = null;
    job.report(0, state.posters.length);
    // One page for every part (the app boots once); freed however the job ends.
    const pageKey = `print-job:${jobId}`;
    try {
      for (let offset = 0; offset < state.posters.length; offset += PART) {
        const printing = ctx.pdfRenderer().render(printViewPath(jobId, offset, PART), pageKey);
        // Awaited below: a failure while the previous part is copied is not an unhandled one.
        printing.catch(() => undefined);
        // The previous part's pages are copied while Chromium prints this one.
        if (printed) await appendPdf(merged, printed, PAPER[state.details.template]);
        printed = await printing;
        job.report(Math.min(state.posters.length, offset + PART));
        await job.pause();
      }
    } finally {
      await ctx.pdfRenderer().release(pageKey);
    }
    if (printed) await appendPdf(merged, printed, PAPER[state.details.template]);
    const pdf = await merged.save();
    await job.pause();
    await ctx.gate.run(() => recordOnce(ctx, state, actor, 'pdf'));
    // Only a PDF whose prints are recorded is handed out.
    state.pdf = pdf;
    state.phase = 'done';
  }, (error) => {
    state.phase = error instanceof JobCancelled ? 'cancelled' : 'failed';
    if (!(error instanceof JobCancelled)) {
      ctx.log.error('poster PDF failed', error);
      state.error = storageFailure(error) ?? { code: 'INTERNAL', message: 'Không tạo được tệp PDF; không có bản in nào được ghi. Chi tiết ở nhật ký.' };
    }
  });
  return printJobStatus(ctx, jobId);
}

export function cancelPrintJob(ctx: PosterContext, jobId: string): PrintJobStatus {
  ctx.printJobs.get(jobId).job.cancel();
  return printJobStatus(ctx, jobId);
}

export function downloadPdf(ctx: PosterContext, jobId: string) {
  const state = ctx.printJobs.get(jobId);
  if (!state.pdf) throw new AppError('CONFLICT', 'Tệp PDF chưa tạo xong.');
  return { fileName: fileNameOf(state), mimeType: 'application/pdf', bytesBase64: Buffer.from(state.pdf).toString('base64') };
}

function recordOnce(ctx: PosterContext, state: PrintJobState, actor: string, output: PrintDetails['output']): number {
  if (state.recorded) return 0;
  const recorded = writeTransaction(ctx.db, () => recordPrints(ctx.db, actor, state.posters, { ...state.details, output }));
  state.recorded = true;
  return recorded;
}

/** After the OS print dialog, once the clerk confirms paper came out: records the job's posters. */
export function recordPrinterPrint(ctx: PosterContext, jobId: string): { recorded: number } {
  const actor = requireStaff(ctx.session);
  return { recorded: recordOnce(ctx, ctx.printJobs.get(jobId), actor, 'printer') };
}
