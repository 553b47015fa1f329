import { VenueQuery, type VenueQueryInput } from '../../shared/domain/venue';

/**
 * The venue list's filters in its address (#/venues?villageId=…&poster=laminated): what a
 * figure of the dashboard or the report clicks through to, what the list shows and the
 * clerk can bookmark. The names are VenueQuery's own.
 */
export const URL_FILTER_KEYS = [
  'communeId',
  'villageId',
  'type',
  'status',
  'missingUnit',
  'code',
  'poster',
  'posterMonths',
  'from',
  'to',
  'inspected',
  'findings',
  'findingCategory',
  'overdueActions',
  'scanning',
  'sort',
] as const satisfies ReadonlyArray<keyof VenueQueryInput>;

export type VenueFilterValue = Pick<VenueQueryInput, (typeof URL_FILTER_KEYS)[number]>;

const BOOLEAN_KEYS: ReadonlySet<string> = new Set(['inspected', 'overdueActions']);

/** Each value of the address checked by the query's own schema; one that does not parse is left out. */
export function filtersFromSearch(search: URLSearchParams): VenueFilterValue {
  const filters: Record<string, unknown> = {};
  for (const key of URL_FILTER_KEYS) {
    const text = search.get(key);
    if (text === null || text === '') continue;
    const raw = BOOLEAN_KEYS.has(key) ? text === 'true' || text === '1' : key === 'posterMonths' ? Number(text) : text;
    const parsed = VenueQuery.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== false) filters[key] = parsed.data;
  }
  // The default order is no choice of the clerk's.
  if (filters.sort === 'name') delete filters.sort;
  return filters as VenueFilterValue;
}

/** The address's query string of some filters: no empty values, no "false", no default sort. */
export function searchOfFilters(filters: VenueFilterValue): string {
  const search = new URLSearchParams();
  for (const key of URL_FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === null || value === false || (key === 'sort' && value === 'name')) continue;
    search.set(key, value === true ? '1' : String(value));
  }
  return search.toString();
}

/** The venue list showing these filters. */
export const venueListPath = (filters: VenueFilterValue): string => {
  const search = searchOfFilters(filters);
  return search ? `/venues?${search}` : '/venues';
};
