import { formatDate, formatDateTime } from '../../shared/text/date';
import type { FindingDraft, PointDraft } from './visit-draft';

/**
 * A visit's form as it was left, kept per round and venue until the visit is saved or the
 * clerk discards it. It lives in the renderer's IndexedDB, not in the database: it is the
 * clerk's scratch on this PC, never a record (no exchange package, no backup, no history),
 * and IndexedDB holds the prepared photos as they are (a 2400 px JPEG is about 1 MB, beyond
 * localStorage's few MB). In Electron that storage sits in <data>/chromium, so it survives a
 * restart and stays with its data folder.
 */
export interface VisitDraft {
  roundId: string;
  venueId: string;
  /** ISO time of the last change kept. */
  savedAt: string;
  visitedOn: string;
  note: string;
  points: PointDraft[];
  findings: FindingDraft[];
}

const DATABASE = 'diemqr-drafts';
const STORE = 'visits';

let opened: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opened ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('visit drafts: the store does not open'));
  });
  return opened;
}

const keyOf = (roundId: string, venueId: string) => `${roundId}/${venueId}`;

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const store = (await database()).transaction(STORE, mode).objectStore(STORE);
  return new Promise((resolve, reject) => {
    const request = work(store);
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error ?? new Error('visit drafts: a request failed'));
  });
}

/** Writes one after another: a keep still running must not bring back a draft just dropped by a save. */
let queue: Promise<unknown> = Promise.resolve();
const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
};

export const loadVisitDraft = (roundId: string, venueId: string) =>
  inTurn(async () => (await run<VisitDraft | undefined>('readonly', (store) => store.get(keyOf(roundId, venueId)))) ?? null);

export const keepVisitDraft = (draft: VisitDraft) =>
  inTurn(() => run<unknown>('readwrite', (store) => store.put(draft, keyOf(draft.roundId, draft.venueId))));

export const dropVisitDraft = (roundId: string, venueId: string) =>
  inTurn(() => run<unknown>('readwrite', (store) => store.delete(keyOf(roundId, venueId))));

/** "14:05" for today's draft, "30/11/2026 14:05" for an older one. */
export function draftTime(savedAt: string): string {
  const full = formatDateTime(savedAt);
  return formatDate(savedAt) === formatDate(new Date().toISOString()) ? full.slice(-5) : full;
}
