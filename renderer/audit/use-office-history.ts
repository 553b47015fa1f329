import { useState } from 'react';
import type { InputOf } from '../../shared/api/contract';
import type { AppErrorData } from '../../shared/api/result';
import type { AuditLogEntry } from '../../shared/domain/audit';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';

type Filters = Omit<InputOf<'audit.search'>, 'before' | 'limit'>;

interface MorePages {
  /** The filters these pages were read under: other filters start over from their first page. */
  key: string;
  entries: AuditLogEntry[];
  nextBefore: string | null;
}

/**
 * The office's history under the chosen filters, a page at a time: the first page follows
 * the filters, "more" appends the next one. A page read under filters no longer chosen is dropped.
 */
export function useOfficeHistory(filters: Filters) {
  const key = JSON.stringify(filters);
  const first = useOperation(() => api['audit.search'](filters), [key]);
  const [pages, setPages] = useState<MorePages>();
  const [busy, setBusy] = useState(false);
  const [moreFailure, setMoreFailure] = useState<AppErrorData>();

  const more = pages?.key === key ? pages : undefined;
  const entries = [...(first?.ok ? first.value.entries : []), ...(more?.entries ?? [])];
  const nextBefore = more ? more.nextBefore : first?.ok ? first.value.nextBefore : null;

  async function readMore(before: string) {
    setBusy(true);
    const result = await api['audit.search']({ ...filters, before });
    setBusy(false);
    if (!result.ok) return setMoreFailure(result.error);
    setMoreFailure(undefined);
    // Kept under the filters it was read for: if they changed meanwhile, it is never shown.
    setPages({ key, entries: [...(more?.entries ?? []), ...result.value.entries], nextBefore: result.value.nextBefore });
  }

  return {
    entries,
    failure: first?.ok === false ? first.error : moreFailure,
    loading: first === undefined || busy,
    more: nextBefore === null ? null : () => void readMore(nextBefore),
  };
}
