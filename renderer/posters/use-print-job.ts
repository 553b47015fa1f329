import { useEffect, useState } from 'react';
import type { AppErrorData } from '../../shared/api/result';
import type { PosterData, PosterTemplate } from '../../shared/domain/posters';
import { api } from '../api/client';

/** The most the print view asks for at once (posters.slice accepts up to 200). */
const SLICE = 200;

export type PrintJobPosters =
  | { state: 'loading'; loaded: number; total: number | null }
  | { state: 'ready'; template: PosterTemplate; posters: PosterData[]; total: number }
  | { state: 'failed'; error: AppErrorData };

export interface PosterRange {
  offset: number;
  /** Posters from offset; null for all the rest. */
  limit: number | null;
}

const LOADING: PrintJobPosters = { state: 'loading', loaded: 0, total: null };

/**
 * Loads a print job's posters (or a part of them) slice by slice. An answer counts only
 * for the request it was made for: asking for another part shows "loading" at once.
 */
export function usePrintJobPosters(jobId: string, { offset, limit }: PosterRange): PrintJobPosters {
  const key = `${jobId}:${offset}:${limit ?? 'all'}`;
  const [answer, setAnswer] = useState<{ key: string; result: PrintJobPosters } | null>(null);
  useEffect(() => {
    let current = true;
    const report = (result: PrintJobPosters) => current && setAnswer({ key, result });
    void (async () => {
      const posters: PosterData[] = [];
      let template: PosterTemplate | null = null;
      let end = limit === null ? Infinity : offset + limit;
      while (current) {
        const at = offset + posters.length;
        const slice = await api['posters.slice']({ jobId, offset: at, limit: Math.max(1, Math.min(SLICE, end - at)) });
        if (!slice.ok) return report({ state: 'failed', error: slice.error });
        template = slice.value.template;
        end = Math.min(end, slice.value.total);
        posters.push(...slice.value.posters.slice(0, Math.max(0, end - at)));
        if (offset + posters.length >= end || slice.value.posters.length === 0) break;
        report({ state: 'loading', loaded: posters.length, total: end - offset });
      }
      if (template) report({ state: 'ready', template, posters, total: posters.length });
    })();
    return () => {
      current = false;
    };
  }, [key, jobId, offset, limit]);
  return answer?.key === key ? answer.result : LOADING;
}

/** Posters in groups of one sheet each. */
export function sheetsOf<T>(posters: readonly T[], perPage: number): T[][] {
  const sheets: T[][] = [];
  for (let at = 0; at < posters.length; at += perPage) sheets.push(posters.slice(at, at + perPage));
  return sheets;
}
