import { z } from 'zod';
import { normalizePhone } from '../text/phone';
import { Id, optionalText, requiredText, Version } from './fields';
import { Day, FINDING_CATEGORIES } from './inspections';

/** Venue types from the field (the UI shows them through i18n, key venueType.<value>). */
export const VENUE_TYPES = [
  'household_business',
  'shop',
  'supermarket',
  'market',
  'market_stall',
  'restaurant',
  'cafe',
  'hotel',
  'entertainment',
  'fuel_station',
  'bank_post',
  'office',
  'school',
  'health',
  'religious',
  'transport',
  'factory',
  'other',
] as const;
export type VenueType = (typeof VENUE_TYPES)[number];

export const VENUE_STATUSES = ['active', 'suspended', 'closed'] as const;
export type VenueStatus = (typeof VENUE_STATUSES)[number];

export const VENUE_LIMITS = {
  name: 200,
  address: 300,
  ownerName: 120,
  phone: 40,
  phones: 3,
  businessRegNo: 30,
  notes: 2000,
} as const;

/** One phone number, accepted in any common way of writing it and stored as "0912 345 678". */
export const Phone = z
  .string()
  .max(VENUE_LIMITS.phone)
  .transform((value, context) => {
    const normalized = normalizePhone(value);
    if (normalized === null) {
      context.addIssue({ code: 'custom', message: 'phone' });
      return z.NEVER;
    }
    return normalized;
  });

const Coordinate = (limit: number) => z.number().min(-limit).max(limit).nullable().optional().default(null);

/** What a clerk types for a venue; the same schema checks the form and the operation. */
export const VenueFields = z.object({
  name: requiredText(VENUE_LIMITS.name),
  type: z.enum(VENUE_TYPES).default('other'),
  ownerName: optionalText(VENUE_LIMITS.ownerName),
  phones: z.array(Phone).max(VENUE_LIMITS.phones).optional().default([]),
  address: optionalText(VENUE_LIMITS.address),
  communeId: Id.nullable().optional().default(null),
  villageId: Id.nullable().optional().default(null),
  businessRegNo: optionalText(VENUE_LIMITS.businessRegNo),
  notes: optionalText(VENUE_LIMITS.notes),
  latitude: Coordinate(90),
  longitude: Coordinate(180),
});
export type VenueFieldsInput = z.input<typeof VenueFields>;
export type VenueFieldsValue = z.output<typeof VenueFields>;

export const VenueCreate = VenueFields.extend({
  status: z.enum(VENUE_STATUSES).default('active'),
  /** Set when the clerk saw the duplicate warning and chose to save anyway. */
  acknowledgeDuplicates: z.boolean().optional().default(false),
});
export type VenueCreateInput = z.input<typeof VenueCreate>;

export const VenueUpdate = VenueFields.extend({
  id: Id,
  version: Version,
  acknowledgeDuplicates: z.boolean().optional().default(false),
});
export type VenueUpdateInput = z.input<typeof VenueUpdate>;

export const VenueStatusChange = z.object({ id: Id, version: Version, status: z.enum(VENUE_STATUSES) });

export const Venue = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  type: z.enum(VENUE_TYPES),
  ownerName: z.string(),
  phones: z.array(z.string()),
  address: z.string(),
  communeId: Id.nullable(),
  villageId: Id.nullable(),
  businessRegNo: z.string(),
  notes: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  status: z.enum(VENUE_STATUSES),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  version: z.number().int(),
  /** At an upper office, the commune whose package brought the venue: only that commune edits it. */
  receivedFrom: z.object({ communeId: Id, communeName: z.string() }).nullable(),
});
export type Venue = z.infer<typeof Venue>;

/** The label every venue's first posting point gets; posters leave it out (it goes without saying). */
export const MAIN_ENTRANCE_LABEL = 'Cửa chính';

export const PostingPoint = z.object({
  id: Id,
  venueId: Id,
  label: z.string(),
  isMain: z.boolean(),
  retired: z.boolean(),
});
export type PostingPoint = z.infer<typeof PostingPoint>;

export const VenueDetail = z.object({ venue: Venue, postingPoints: z.array(PostingPoint) });
export type VenueDetail = z.infer<typeof VenueDetail>;

/**
 * Poster state: never printed, last print older than posterMonths, waiting in the reprint
 * queue; printed at least once, printed within posterMonths before the period's end (or
 * now), last print laminated (the dashboard's poster figures).
 */
export const POSTER_FILTERS = ['none', 'older', 'queued', 'printed', 'recent', 'laminated'] as const;
export type PosterFilter = (typeof POSTER_FILTERS)[number];

/** Findings still open (no action yet, or an action not done), or recorded at a visit during the period. */
export const FINDING_FILTERS = ['open', 'recorded'] as const;
/** Scan counts in the period: none at all, or the lowest quartile of the venue's type in its commune (main/scans/low-scanning.ts). */
export const SCANNING_FILTERS = ['zero', 'low'] as const;
/** Venues with no commune, or no village, recorded: the "not recorded" row of a table by area. */
export const MISSING_UNIT_FILTERS = ['commune', 'village'] as const;

export const VENUE_SORTS = ['name', 'code', 'updated'] as const;
export type VenueSort = (typeof VENUE_SORTS)[number];

export const VenueQuery = z.object({
  search: z.string().max(200).optional().default(''),
  communeId: Id.optional(),
  villageId: Id.optional(),
  type: z.enum(VENUE_TYPES).optional(),
  status: z.enum(VENUE_STATUSES).optional(),
  missingUnit: z.enum(MISSING_UNIT_FILTERS).optional(),
  poster: z.enum(POSTER_FILTERS).optional(),
  posterMonths: z.number().int().min(1).max(120).optional().default(12),
  /** Only venues whose code is current (issued and not revoked). */
  code: z.enum(['current']).optional(),
  /**
   * The period a dashboard figure was counted for (Vietnamese calendar days, both ends
   * included). The filters that depend on time use it: visits, findings recorded, scans,
   * recent prints and overdue actions (due before its end, or today if earlier).
   */
  from: Day.optional(),
  to: Day.optional(),
  /** Visited by an inspection round (during the period, if one is given). */
  inspected: z.boolean().optional(),
  findings: z.enum(FINDING_FILTERS).optional(),
  /** Narrows `findings` to one category. */
  findingCategory: z.enum(FINDING_CATEGORIES).optional(),
  /** With an open corrective action past its due day. */
  overdueActions: z.boolean().optional(),
  /** Without a period: the 30 days up to today. */
  scanning: z.enum(SCANNING_FILTERS).optional(),
  /** Ignored while searching: best matches come first. */
  sort: z.enum(VENUE_SORTS).optional().default('name'),
  limit: z.number().int().min(1).max(500).optional().default(100),
  offset: z.number().int().min(0).optional().default(0),
});
export type VenueQueryInput = z.input<typeof VenueQuery>;
export type VenueQueryValue = z.output<typeof VenueQuery>;

export const VenuePage = z.object({
  items: z.array(Venue),
  total: z.number().int(),
  /** A search stopped counting at `total`: more venues match (main/venues/search.ts, COUNT_STEP). */
  totalCapped: z.boolean(),
});
export type VenuePage = z.infer<typeof VenuePage>;
/** What a search box shows before anything is typed. */
export const NO_VENUES: VenuePage = { items: [], total: 0, totalCapped: false };

export const DUPLICATE_REASONS = ['same_name_in_village', 'same_phone'] as const;
export const DuplicateCandidate = z.object({
  venue: Venue,
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const DuplicateQuery = VenueFields.pick({ name: true, villageId: true, phones: true }).extend({
  excludeId: Id.optional(),
});
