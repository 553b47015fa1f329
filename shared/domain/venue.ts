import { z } from 'zod';
import { cleanText } from '../text/fold';

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

export const VENUE_LIMITS = { name: 200, address: 300, owner: 120, phone: 40 } as const;

const text = (max: number) => z.string().max(max).transform(cleanText);
const requiredText = (max: number) =>
  z
    .string()
    .transform(cleanText)
    .pipe(z.string().min(1).max(max));
const optionalText = (max: number) => text(max).optional().default('');

export const Id = z.string().uuid();

export const VenueDraft = z.object({
  name: requiredText(VENUE_LIMITS.name),
  type: z.enum(VENUE_TYPES).default('other'),
  address: optionalText(VENUE_LIMITS.address),
  ownerName: optionalText(VENUE_LIMITS.owner),
  phone: optionalText(VENUE_LIMITS.phone),
  communeId: Id.nullable().optional().default(null),
  villageId: Id.nullable().optional().default(null),
  status: z.enum(VENUE_STATUSES).default('active'),
});
export type VenueDraftInput = z.input<typeof VenueDraft>;
export type VenueDraftValue = z.output<typeof VenueDraft>;

export const Venue = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  type: z.enum(VENUE_TYPES),
  address: z.string(),
  ownerName: z.string(),
  phone: z.string(),
  communeId: Id.nullable(),
  villageId: Id.nullable(),
  status: z.enum(VENUE_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type Venue = z.infer<typeof Venue>;

export const VenueQuery = z.object({
  search: z.string().max(200).optional().default(''),
  limit: z.number().int().min(1).max(500).optional().default(100),
  offset: z.number().int().min(0).optional().default(0),
});
export type VenueQueryInput = z.input<typeof VenueQuery>;

export const VenuePage = z.object({
  items: z.array(Venue),
  total: z.number().int(),
});
export type VenuePage = z.infer<typeof VenuePage>;
