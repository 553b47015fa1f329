import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppErrorData } from '../../shared/api/result';
import type { Venue, VenuePage, VenueQueryInput } from '../../shared/domain/venue';
import { api } from '../api/client';

export const PAGE_SIZE = 200;

type Count = Pick<VenuePage, 'total' | 'totalCapped'>;

export interface VenueWindow {
  /** Venues known to match; with totalCapped, more match than that (a broad search stops counting). */
  total: number | undefined;
  totalCapped: boolean;
  error: AppErrorData | undefined;
  rowAt(index: number): Venue | undefined;
  /** Asks for the rows in [first, last] that are not loaded yet. */
  ensureRange(first: number, last: number): void;
}

/** A search counts further the deeper the page asked for: keep the widest count of the current query. */
function widerCount(known: Count | undefined, answer: Count): Count {
  if (known === undefined || !answer.totalCapped) return answer;
  if (!known.totalCapped) return known;
  return answer.total > known.total ? answer : known;
}

/**
 * The venue list for 100,000 rows: only the pages the virtual list shows are fetched,
 * and answers to an older query (the clerk kept typing) are dropped.
 */
export function useVenueWindow(query: Omit<VenueQueryInput, 'limit' | 'offset'>): VenueWindow {
  const key = JSON.stringify(query);
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  // Rows of the previous query stay on screen until the new query's first answer: no flicker while typing.
  const replaceOnNextAnswer = useRef(false);
  const [pages, setPages] = useState<Map<number, Venue[]>>(new Map());
  const [count, setCount] = useState<Count>();
  const [error, setError] = useState<AppErrorData>();

  const loadPage = useCallback(
    (page: number) => {
      if (requested.current.has(page)) return;
      requested.current.add(page);
      const mine = generation.current;
      void api['venues.list']({ ...(JSON.parse(key) as VenueQueryInput), limit: PAGE_SIZE, offset: page * PAGE_SIZE }).then(
        (result) => {
          if (mine !== generation.current) return;
          if (!result.ok) return setError(result.error);
          setError(undefined);
          const replace = replaceOnNextAnswer.current;
          replaceOnNextAnswer.current = false;
          const { total, totalCapped } = result.value;
          setCount((known) => widerCount(replace ? undefined : known, { total, totalCapped }));
          setPages((current) => (replace ? new Map() : new Map(current)).set(page, result.value.items));
        },
      );
    },
    [key],
  );

  useEffect(() => {
    generation.current++;
    requested.current = new Set();
    replaceOnNextAnswer.current = true;
    loadPage(0);
  }, [loadPage]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) loadPage(page);
    },
    [loadPage],
  );

  const rowAt = (index: number) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  return { total: count?.total, totalCapped: count?.totalCapped ?? false, error, rowAt, ensureRange };
}
