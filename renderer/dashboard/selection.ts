import { DashboardQuery, type DashboardQueryInput } from '../../shared/domain/dashboard';
import { PERIOD_CHOICES, presetPeriod, type PeriodChoice } from './period';

/**
 * What the dashboard shows, kept in its address (#/dashboard?period=lastMonth&communeId=…):
 * Back from a list a figure opened returns to the same figures.
 */
export interface Selection {
  choice: PeriodChoice;
  query: DashboardQueryInput;
}

const textOf = (search: URLSearchParams, key: string) => search.get(key) ?? undefined;

/** The address's choice, checked by the query's schema; anything that does not parse falls back to this month, the whole area. */
export function selectionFromSearch(search: URLSearchParams): Selection {
  const named = PERIOD_CHOICES.find((choice) => choice === search.get('period')) ?? 'thisMonth';
  const period = named === 'custom' ? { from: textOf(search, 'from') ?? '', to: textOf(search, 'to') ?? '' } : presetPeriod(named);
  const area = { communeId: textOf(search, 'communeId'), villageId: textOf(search, 'villageId'), type: textOf(search, 'type') };
  const parsed = DashboardQuery.safeParse({ ...period, ...area });
  if (parsed.success) return { choice: named, query: parsed.data };
  const fallback = DashboardQuery.safeParse({ ...presetPeriod('thisMonth'), ...area });
  return { choice: 'thisMonth', query: fallback.success ? fallback.data : presetPeriod('thisMonth') };
}

/** The address of a selection: a preset names itself, custom days are written out. */
export function searchOfSelection({ choice, query }: Selection): Record<string, string> {
  const search: Record<string, string> = { period: choice };
  if (choice === 'custom') Object.assign(search, { from: query.from, to: query.to });
  for (const key of ['communeId', 'villageId', 'type'] as const) {
    const value = query[key];
    if (value) search[key] = value;
  }
  return search;
}
