import { z } from 'zod';
import { DashboardFigures } from './dashboard';
import { Id, requiredText } from './fields';
import { Day } from './inspections';
import { VenueQuery } from './venue';

/**
 * Reports an office sends upward. One kind so far: "Báo cáo tình hình niêm yết và quét mã
 * QR" for a period and an area, written from the dashboard's figures. An issued report is
 * a fixed record: its figures and sentences are stored as they were, so it reads the same
 * whatever data arrives later.
 */
export const REPORT_KINDS = ['qr_posting_scanning'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What the report is computed for: a period (Vietnamese calendar days, both ends included) and an area. */
export const ReportParams = z
  .object({
    from: Day,
    to: Day,
    /** A commune, or none: the whole office. */
    communeId: Id.optional(),
    /** A village of that commune, or none: the whole commune. */
    villageId: Id.optional(),
  })
  .refine((params) => params.from <= params.to, { path: ['to'], message: 'The period ends before it starts' });
export type ReportParams = z.infer<typeof ReportParams>;

/** What the clerk writes into the report: its number, addressees, signer and proposals. */
export const ReportRequest = z.object({
  params: ReportParams,
  /** Số, ký hiệu: "15/BC-UBND". */
  number: requiredText(40),
  /** Kính gửi: one addressee a line. */
  recipients: z.array(requiredText(200)).min(1).max(12),
  /** The signer's authority and title, a line each: "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH". */
  signerTitle: z.array(requiredText(80)).min(1).max(4),
  /** Left empty to be written by hand. */
  signerName: z.string().max(120).transform((name) => name.normalize('NFC').replace(/\s+/g, ' ').trim()),
  /** IV. Đề xuất, kiến nghị: one paragraph an item. */
  proposals: z.array(requiredText(2000)).max(30),
});
export type ReportRequest = z.infer<typeof ReportRequest>;
export type ReportRequestInput = z.input<typeof ReportRequest>;

/**
 * The list behind a figure of the report: the venue list's own filters (the period and
 * the area are the report's). On screen the figure links there; on paper it is plain text.
 */
export const ReportTrace = VenueQuery.pick({
  type: true,
  status: true,
  code: true,
  poster: true,
  inspected: true,
  findings: true,
  findingCategory: true,
  overdueActions: true,
  scanning: true,
});
export type ReportTrace = z.infer<typeof ReportTrace>;

/** A piece of a sentence; a figure carries the list it counts. */
export const ReportPart = z.object({ text: z.string(), trace: ReportTrace.optional() });
export type ReportPart = z.infer<typeof ReportPart>;

export const ReportSentence = z.object({ parts: z.array(ReportPart) });
export type ReportSentence = z.infer<typeof ReportSentence>;

/** Everything the report prints, fixed when it is issued (a preview is the same, not stored). */
export const ReportContent = z.object({
  kind: z.enum(REPORT_KINDS),
  params: ReportParams,
  /** Heading, in capitals: "UBND XÃ KỲ BẮC". */
  officeName: z.string(),
  /** The place of the place-and-date line, without its level ("Kỳ Bắc"); null: unknown. */
  place: z.string().nullable(),
  /** "xã Kỳ Bắc", "thôn Hoà Bình, xã Kỳ Bắc"; null: the whole office's area. */
  areaName: z.string().nullable(),
  /** "tháng 11 năm 2026", or "từ ngày 05/11/2026 đến ngày 20/11/2026". */
  periodText: z.string(),
  issuedOn: Day,
  number: z.string(),
  recipients: z.array(z.string()),
  signerTitle: z.array(z.string()),
  signerName: z.string(),
  proposals: z.array(z.string()),
  figures: DashboardFigures,
  /** No scan counts and no inspection in the period (or no venue at all): the report says so instead of printing zeros. */
  empty: z.boolean(),
  intro: ReportSentence,
  /** I. Tình hình chung. */
  overview: z.array(ReportSentence),
  /** II. Kết quả thực hiện: the sentences above its tables (when empty: the sentence saying there is no data). */
  results: z.array(ReportSentence),
  /** III. Tồn tại, hạn chế: the lead-in, then one item a shortcoming (only those whose figure is not zero). */
  shortcomingsLead: ReportSentence,
  shortcomings: z.array(ReportSentence),
  /** "Trên đây là báo cáo …/.", after the proposals. */
  closing: ReportSentence,
});
export type ReportContent = z.infer<typeof ReportContent>;

/** A report computed for the form's values, not stored; with proposals written from its shortcomings, for the clerk to take or leave. */
export const ReportPreview = z.object({ content: ReportContent, suggestedProposals: z.array(z.string()) });
export type ReportPreview = z.infer<typeof ReportPreview>;

export const Report = z.object({
  id: Id,
  kind: z.enum(REPORT_KINDS),
  number: z.string(),
  content: ReportContent,
  issuedAt: z.string(),
  issuedBy: z.object({ id: Id, name: z.string() }).nullable(),
});
export type Report = z.infer<typeof Report>;

export const ReportSummary = z.object({
  id: Id,
  kind: z.enum(REPORT_KINDS),
  number: z.string(),
  from: Day,
  to: Day,
  areaName: z.string().nullable(),
  issuedAt: z.string(),
  issuedByName: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

/** The report's files, as every file the app makes crosses to the renderer. */
export const ReportFile = z.object({ fileName: z.string(), mimeType: z.string(), bytesBase64: z.string() });
