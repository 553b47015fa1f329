import { z } from 'zod';
import { Id, optionalText, requiredText, Version } from './fields';

/** yyyy-MM-dd, the calendar day in Vietnam (what the clerk types; shown dd/MM/yyyy). */
export const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    const [year, month, date] = day.split('-').map(Number);
    const parsed = new Date(Date.UTC(year, month - 1, date));
    return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === date;
  }, { message: 'not a calendar day', params: { reason: 'not_a_date' } });

/**
 * The checklist of a posting point, from the field's guidance. A failed check becomes a
 * finding of the category beside it.
 */
export const CHECKS = {
  poster_present: 'missing',
  intact: 'damaged',
  large_enough: 'too_small',
  placed_well: 'hidden',
  laminated: 'not_laminated',
  current_code: 'wrong_code',
  staff_remind: 'low_scanning',
} as const;
export type CheckKey = keyof typeof CHECKS;
export const CHECK_KEYS = Object.keys(CHECKS) as CheckKey[];

export const FINDING_CATEGORIES = ['missing', 'damaged', 'too_small', 'hidden', 'not_laminated', 'wrong_code', 'low_scanning', 'other'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/** Findings that need a new poster: one click puts the venue in the reprint queue. */
export const NEEDS_NEW_POSTER: ReadonlySet<FindingCategory> = new Set(['missing', 'damaged', 'too_small', 'wrong_code']);

export const ACTION_KINDS = ['reprint', 'relocate', 'laminate', 'remind_owner', 'reregister_code'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['open', 'done', 'verified'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ROUND_STATUSES = ['open', 'closed'] as const;

export const TeamMember = z.object({ staffId: Id.nullable(), name: requiredText(120) });

export const RoundFields = z.object({
  name: requiredText(160),
  purpose: optionalText(500),
  startsOn: Day,
  endsOn: Day.nullable().default(null),
  communeId: Id.nullable().default(null),
  villageIds: z.array(Id).max(200).default([]),
  team: z.array(TeamMember).min(1).max(30),
});
export type RoundFieldsInput = z.input<typeof RoundFields>;

export const Round = RoundFields.extend({
  id: Id,
  status: z.enum(ROUND_STATUSES),
  followUpOf: Id.nullable(),
  visits: z.number().int(),
  findings: z.number().int(),
  version: Version,
});
export type Round = z.infer<typeof Round>;

/** What an inspector counted at the door: people entering and scans during N minutes. */
export const Observation = z.object({
  minutes: z.number().int().min(1).max(240),
  peopleEntering: z.number().int().min(0).max(100_000),
  scans: z.number().int().min(0).max(100_000),
});

export const PointCheck = z.object({
  postingPointId: Id,
  /** true passed, false failed; a check left out was not looked at. */
  results: z.partialRecord(z.enum(CHECK_KEYS as [CheckKey, ...CheckKey[]]), z.boolean()),
  observation: Observation.nullable().default(null),
});

/** Photos are sent as bytes (never a path) and copied into the data folder. */
export const PHOTO_LIMIT_BYTES = 10 * 1024 * 1024;
export const PhotoUpload = z.object({
  fileName: z.string().max(260),
  /** The picture, rotated upright by the renderer (EXIF orientation applied), as JPEG or PNG. */
  bytesBase64: z.string().max(Math.ceil((PHOTO_LIMIT_BYTES * 4) / 3) + 16),
  thumbnailBase64: z.string().max(400_000),
});

export const ActionFields = z.object({
  kind: z.enum(ACTION_KINDS),
  dueOn: Day,
  responsible: requiredText(120),
});

export const FindingInput = z.object({
  postingPointId: Id,
  category: z.enum(FINDING_CATEGORIES),
  note: optionalText(1000),
  photos: z.array(PhotoUpload).max(10).default([]),
  action: ActionFields.nullable().default(null),
  /** Put the venue in the reprint queue for this finding (categories that need a new poster). */
  requestReprint: z.boolean().default(false),
});

export const VisitSave = z.object({
  roundId: Id,
  venueId: Id,
  visitedOn: Day,
  note: optionalText(1000),
  points: z.array(PointCheck).max(200),
  findings: z.array(FindingInput).max(50).default([]),
  /** Set when the team saw that a door count has more scans than people entering and saves it anyway. */
  acknowledgeScansAboveEntering: z.boolean().optional().default(false),
});
export type VisitSaveInput = z.input<typeof VisitSave>;

export const Photo = z.object({ id: Id, fileName: z.string() });

export const Action = ActionFields.extend({
  id: Id,
  findingId: Id,
  venueId: Id,
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
});
export type Action = z.infer<typeof Action>;

export const Finding = z.object({
  id: Id,
  visitId: Id,
  venueId: Id,
  venueName: z.string(),
  shortCode: z.string(),
  postingPointLabel: z.string(),
  category: z.enum(FINDING_CATEGORIES),
  note: z.string(),
  photos: z.array(Photo),
  action: Action.nullable(),
  createdAt: z.string(),
  /**
   * Where a finding made at another office came from: at a commune, the upper office that
   * returned it (the commune acts on it but does not delete it); at an upper office, the
   * commune whose package brought it. Null for this office's own.
   */
  receivedFrom: z.object({ unitId: Id, unitName: z.string() }).nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const Visit = z.object({
  id: Id,
  roundId: Id,
  venueId: Id,
  venueName: z.string(),
  shortCode: z.string(),
  visitedOn: Day,
  note: z.string(),
  points: z.array(PointCheck.extend({ postingPointLabel: z.string(), scanRate: z.number().nullable() })),
  findings: z.array(Finding),
});
export type Visit = z.infer<typeof Visit>;

/** A venue an inspection round should visit, and why. */
export const SUGGESTION_REASONS = ['never_inspected', 'open_findings', 'overdue_actions', 'low_scanning'] as const;

/** Below this share of people entering who scanned, at the last door count, a venue needs a visit. */
export const LOW_SCAN_RATE = 0.5;
export const VenueSuggestion = z.object({
  venueId: Id,
  shortCode: z.string(),
  venueName: z.string(),
  reasons: z.array(z.enum(SUGGESTION_REASONS)),
});

export const RoundDetail = z.object({ round: Round, visits: z.array(Visit), plannedVenueIds: z.array(Id) });
export type RoundDetail = z.infer<typeof RoundDetail>;
