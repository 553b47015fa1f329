import { useEffect, useState } from 'react';
import type { AppErrorData } from '../../shared/api/result';

/** A document's data on its way: the sheet shows once it is ready, or says why it cannot. */
export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; error: AppErrorData };

/** An API refusal as it came, anything else (a bug, a dropped connection) as INTERNAL. */
export function errorDataOf(error: unknown): AppErrorData {
  return typeof error === 'object' && error !== null && 'code' in error ? (error as AppErrorData) : { code: 'INTERNAL', message: String(error) };
}

/**
 * Loads what a document prints, once per key (the route's ids), keeping only the answer
 * for the current key: a document opened after another never shows the first one's data.
 */
export function useDocumentLoad<T>(key: string, load: () => Promise<T>): Loaded<T> {
  const [answer, setAnswer] = useState<{ key: string; loaded: Loaded<T> } | null>(null);
  useEffect(() => {
    let current = true;
    load().then(
      (data) => current && setAnswer({ key, loaded: { state: 'ready', data } }),
      (error: unknown) => current && setAnswer({ key, loaded: { state: 'failed', error: errorDataOf(error) } }),
    );
    return () => {
      current = false;
    };
    // The key names everything the load depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return answer?.key === key ? answer.loaded : { state: 'loading' };
}
