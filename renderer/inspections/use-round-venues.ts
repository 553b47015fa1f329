import { useEffect, useState } from 'react';
import type { RoundDetail, Visit } from '../../shared/domain/inspections';
import type { VenueStatus } from '../../shared/domain/venue';
import { api } from '../api/client';

export interface RoundVenue {
  id: string;
  code: string;
  name: string;
  status: VenueStatus | null;
  visit: Visit | null;
}

interface Summary {
  code: string;
  name: string;
  status: VenueStatus;
}

/** Venues already looked up in this window: going from one venue's visit to the next does not ask again. */
const known = new Map<string, Summary>();
const AT_ONCE = 6;

const byCode = new Intl.Collator('vi', { numeric: true });

/**
 * The round's planned venues in the order the team works through them (by venue code),
 * each with its name and its visit if there is one. Names of venues not yet visited are
 * looked up a few at a time; undefined until the round itself has loaded.
 */
export function useRoundVenues(detail: RoundDetail | undefined): RoundVenue[] | undefined {
  const [, setLookedUp] = useState(0);
  const visited = new Map((detail?.visits ?? []).map((visit) => [visit.venueId, visit]));
  const missing = (detail?.plannedVenueIds ?? []).filter((id) => !visited.has(id) && !known.has(id));
  const missingKey = missing.join(',');

  useEffect(() => {
    if (missingKey === '') return;
    const ids = missingKey.split(',');
    let live = true;
    void (async () => {
      for (let start = 0; start < ids.length && live; start += AT_ONCE) {
        const batch = ids.slice(start, start + AT_ONCE);
        const answers = await Promise.all(batch.map((id) => api['venues.get']({ id })));
        answers.forEach((answer) => {
          if (answer.ok) known.set(answer.value.venue.id, { code: answer.value.venue.code, name: answer.value.venue.name, status: answer.value.venue.status });
        });
        if (live) setLookedUp((count) => count + 1);
      }
    })();
    return () => {
      live = false;
    };
  }, [missingKey]);

  if (!detail) return undefined;
  const ids = [...new Set([...detail.plannedVenueIds, ...visited.keys()])];
  return ids
    .map((id): RoundVenue => {
      const visit = visited.get(id) ?? null;
      const summary = known.get(id);
      return {
        id,
        code: visit?.shortCode ?? summary?.code ?? '',
        name: visit?.venueName ?? summary?.name ?? '…',
        status: summary?.status ?? null,
        visit,
      };
    })
    .sort((a, b) => byCode.compare(a.code, b.code));
}

/** The first venue not yet visited after `currentId` in the round's order, coming round to the start. */
export function nextUnvisited(venues: readonly RoundVenue[], currentId: string): RoundVenue | undefined {
  const start = venues.findIndex((venue) => venue.id === currentId);
  const rotated = [...venues.slice(start + 1), ...venues.slice(0, Math.max(0, start))];
  return rotated.find((venue) => venue.visit === null && venue.status !== 'closed');
}
