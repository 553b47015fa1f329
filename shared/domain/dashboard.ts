import { z } from 'zod';
import { Id } from './fields';
import { ACTION_STATUSES, Day, FINDING_CATEGORIES, type FindingCategory } from './inspections';
import { VENUE_TYPES, type VenueQueryInput, type VenueType } from './venue';

/**
 * What the dashboard and the monthly report are computed for: a period (calendar days in
 * Vietnam, both ends included) and an area (the whole office, one commune or one village),
 * optionally one venue type. The report stores this with its figures.
 */
export const DashboardQuery = z
  .object({
    from: Day,
    to: Day,
    communeId: Id.optional(),
    villageId: Id.optional(),
    type: z.enum(VENUE_TYPES).optional(),
  })
  .refine((query) => query.from <= query.to, { path: ['to'], message: 'The period ends before it starts' });
export type DashboardQuery = z.infer<typeof DashboardQuery>;
export type DashboardQueryInput = z.input<typeof DashboardQuery>;

/**
 * Venue counts of one slice (the whole area, one village or commune, one venue type). Each
 * is a number of venues and clicks through to the venue list with the matching filter.
 */
export const VenueFigures = z.object({
  /** Every venue in the register, whatever its status. */
  registered: z.number().int(),
  /** Status "active". */
  active: z.number().int(),
  /** Active venues with a code not revoked. */
  withCurrentCode: z.number().int(),
  /** Venues with at least one poster print recorded, ever. */
  posterPrinted: z.number().int(),
  /** Venues whose last print lies within the 12 months before the period's end. */
  posterRecent: z.number().int(),
  /** Venues whose last print was laminated. */
  laminated: z.number().int(),
  /** Venues visited by an inspection round during the period. */
  inspected: z.number().int(),
  /** Venues with a finding still open (no action yet, or an action not done). */
  withOpenFindings: z.number().int(),
  /** Venues with an open action whose due day lies before the period's end (or today, if earlier). */
  withOverdueActions: z.number().int(),
  /** Scans in the period (counts over periods that straddle its ends are prorated by days). */
  scans: z.number(),
  /**
   * Scans per venue per day: scans / (active venues with a current code × scanDays, the
   * days of the period that imported scan files cover: a file for half the month is not
   * half the rate). Null when no file covers any day of the period ("no data" is not
   * zero), or when no venue has a current code.
   */
  scansPerVenueDay: z.number().nullable(),
  /** Active venues with a current code and no scan at all in the period (only when data exists). */
  zeroScans: z.number().int(),
  /** Active venues with a current code in the lowest quartile of their type in their commune. */
  lowScanning: z.number().int(),
});
export type VenueFigures = z.infer<typeof VenueFigures>;

export const AreaFigures = VenueFigures.extend({ unitId: Id.nullable(), unitName: z.string() });
export type AreaFigures = z.infer<typeof AreaFigures>;

export const TypeFigures = VenueFigures.extend({ type: z.enum(VENUE_TYPES) });
export type TypeFigures = z.infer<typeof TypeFigures>;

export const DashboardFigures = z.object({
  query: DashboardQuery,
  /** Days in the period, both ends included. */
  days: z.number().int(),
  /** Days of the period that imported scan files cover (a count typed by hand speaks for one venue only); 0: no scan data. */
  scanDays: z.number().int(),
  /** The days any scan count covers, over the whole register (null when none was ever imported). */
  scanData: z.object({ firstDay: Day, lastDay: Day }).nullable(),
  totals: VenueFigures,
  /** One row per village when the area is a commune (or the office's home commune), else per commune; sorted in Vietnamese order. */
  areaLevel: z.enum(['commune', 'village']),
  byArea: z.array(AreaFigures),
  /** One row per venue type present in the area, in the order of VENUE_TYPES. */
  byType: z.array(TypeFigures),
  /**
   * Scans over time: a point per day when the period is at most 62 days, else per month
   * (first day of each). Null for a point no scan count (file or typed) covers: no data, not zero.
   */
  scanSeries: z.array(z.object({ day: Day, scans: z.number().nullable() })),
  /** Findings recorded at visits during the period, by category (every category, in order), with the venues they concern. */
  findingsByCategory: z.array(z.object({ category: z.enum(FINDING_CATEGORIES), findings: z.number().int(), venues: z.number().int() })),
  /** Venues with a finding of this category still open now (the report's shortcomings); every category, in order. */
  openFindingsByCategory: z.array(z.object({ category: z.enum(FINDING_CATEGORIES), venues: z.number().int() })),
  /** Actions of the area's venues by status as they stand, plus the open ones past due. */
  actions: z.object({
    byStatus: z.array(z.object({ status: z.enum(ACTION_STATUSES), count: z.number().int() })),
    overdue: z.number().int(),
  }),
});
export type DashboardFigures = z.infer<typeof DashboardFigures>;

/** The venue figures that count venues (scans and the rate do not), each with the list behind it. */
export const VENUE_COUNT_FIGURES = [
  'registered',
  'active',
  'withCurrentCode',
  'posterPrinted',
  'posterRecent',
  'laminated',
  'inspected',
  'withOpenFindings',
  'withOverdueActions',
  'zeroScans',
  'lowScanning',
] as const satisfies ReadonlyArray<keyof VenueFigures>;
export type VenueCountFigure = (typeof VENUE_COUNT_FIGURES)[number];

/** The months of "poster printed recently" (the "in the last 12 months"). */
export const RECENT_PRINT_MONTHS = 12;

/** The venue list's filters, as far as a figure clicks through to it. */
export type VenueListFilter = Pick<
  VenueQueryInput,
  | 'communeId'
  | 'villageId'
  | 'type'
  | 'status'
  | 'missingUnit'
  | 'code'
  | 'poster'
  | 'posterMonths'
  | 'from'
  | 'to'
  | 'inspected'
  | 'findings'
  | 'findingCategory'
  | 'overdueActions'
  | 'scanning'
>;

const FIGURE_FILTERS: Record<VenueCountFigure, (query: DashboardQuery) => VenueListFilter> = {
  registered: () => ({}),
  active: () => ({ status: 'active' }),
  withCurrentCode: () => ({ status: 'active', code: 'current' }),
  posterPrinted: () => ({ poster: 'printed' }),
  posterRecent: ({ to }) => ({ poster: 'recent', posterMonths: RECENT_PRINT_MONTHS, to }),
  laminated: () => ({ poster: 'laminated' }),
  inspected: ({ from, to }) => ({ inspected: true, from, to }),
  withOpenFindings: () => ({ findings: 'open' }),
  // The list counts an action overdue before the period's end or today, whichever comes first, as the dashboard does.
  withOverdueActions: ({ to }) => ({ overdueActions: true, to }),
  zeroScans: ({ from, to }) => ({ scanning: 'zero', from, to }),
  lowScanning: ({ from, to }) => ({ scanning: 'low', from, to }),
};

/** One row of a table by area or type; none for the whole area. */
export type FigureSlice = { areaLevel: 'commune' | 'village'; unitId: string | null } | { type: VenueType };

/** The area of the query narrowed to a slice: a village or commune (or those with none recorded), or a type. */
function areaFilterOf(query: DashboardQuery, slice: FigureSlice | undefined): VenueListFilter {
  const area: VenueListFilter = { communeId: query.communeId, villageId: query.villageId, type: query.type };
  if (slice === undefined) return area;
  if ('type' in slice) return { ...area, type: slice.type };
  if (slice.unitId === null) return { ...area, missingUnit: slice.areaLevel };
  return slice.areaLevel === 'village' ? { ...area, villageId: slice.unitId } : { ...area, communeId: slice.unitId };
}

const defined = (filter: VenueListFilter): VenueListFilter =>
  Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as VenueListFilter;

/** The venue list behind a venue figure: its total equals the figure (test/unit/dashboard.test.ts). */
export const venueFilterOf = (query: DashboardQuery, figure: VenueCountFigure, slice?: FigureSlice): VenueListFilter =>
  defined({ ...areaFilterOf(query, slice), ...FIGURE_FILTERS[figure](query) });

/** The venues behind a row of findings by category: recorded during the period, or still open now. */
export const findingFilterOf = (query: DashboardQuery, category: FindingCategory, state: 'recorded' | 'open'): VenueListFilter =>
  defined({
    ...areaFilterOf(query, undefined),
    findings: state,
    findingCategory: category,
    ...(state === 'recorded' ? { from: query.from, to: query.to } : {}),
  });
