import type { z } from 'zod';
import type { Result } from '../../shared/api/result';
import { NO_VENUES, type VenuePage, type VenueQuery } from '../../shared/domain/venue';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { SEARCH_PAUSE_MS, useSettledValue } from './use-settled-value';

type Scope = Omit<z.input<typeof VenueQuery>, 'search'>;

export interface VenueSearch {
  /** The venues found for the text as it stood when the clerk paused (none for blank text). */
  found: Result<VenuePage> | undefined;
  /** Whether `found` answers the text as typed now: false while typing or waiting for the answer. */
  current: boolean;
}

/**
 * A small venue search box's results (round planning, scan rows): it asks when typing
 * pauses, not at every keystroke, and keeps only the newest answer, as the venue list does.
 */
export function useVenueSearch(search: string, scope: Scope): VenueSearch {
  const settled = useSettledValue(search.trim(), SEARCH_PAUSE_MS);
  const scopeKey = JSON.stringify(scope);
  const answer = useOperation(async () => {
    const found = settled === '' ? ({ ok: true, value: NO_VENUES } as const) : await api['venues.list']({ ...scope, search: settled });
    return { ok: true, value: { text: settled, found } } as const;
  }, [settled, scopeKey]);
  const value = answer?.ok ? answer.value : undefined;
  return { found: value?.found, current: value !== undefined && value.text === search.trim() };
}
