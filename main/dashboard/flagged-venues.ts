import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { lowScanningVenues, type LowScanning, type ScanScope, type ScanWindow } from '../scans/low-scanning';

/**
 * The zero and low-scanning venues of a window (and scope), kept until the database
 * changes. A quartile needs the venue's whole (commune, type) group, so
 * without this every figure of a commune, every page of a filtered venue list and every
 * return from a list to the dashboard would compute the province's flags again.
 *
 * "Changed" is SQLite's own count: data_version moves when another connection commits,
 * total_changes() when this one writes (a write rolled back only costs a recount).
 */
interface Kept {
  version: string;
  flags: Map<string, LowScanning>;
}

/** Windows kept per connection: the dashboard's period and a list's, a few periods back and forth. */
const KEPT_WINDOWS = 4;
const kept = new WeakMap<Db, Map<string, Kept>>();

const versionOf = (db: Db) =>
  `${db.pragma('data_version', { simple: true }) as number}:${statement<[], { changes: number }>(db, 'SELECT total_changes() AS changes').get()!.changes}`;

export function flaggedVenues(db: Db, window: ScanWindow, scope: ScanScope = {}): Map<string, LowScanning> {
  const version = versionOf(db);
  const key = `${window.from}…${window.to}|${scope.communeId ?? ''}|${scope.type ?? ''}`;
  let windows = kept.get(db);
  if (!windows) kept.set(db, (windows = new Map()));
  const hit = windows.get(key);
  if (hit?.version === version) return hit.flags;
  const flags = lowScanningVenues(db, window, scope);
  windows.delete(key);
  windows.set(key, { version, flags });
  if (windows.size > KEPT_WINDOWS) windows.delete(windows.keys().next().value!);
  return flags;
}

/**
 * The narrowest scope that holds an area's venues: its commune (a village's parent) and
 * the type asked for. Flags of the venues in the area are the same as the register-wide ones.
 */
export function scopeOfArea(db: Db, area: { communeId?: string; villageId?: string; type?: string }): ScanScope {
  const communeId =
    area.communeId ??
    (area.villageId === undefined
      ? null
      : (statement<[string], { parent_id: string | null }>(db, 'SELECT parent_id FROM admin_units WHERE id = ?').get(area.villageId)?.parent_id ?? null));
  return { communeId, type: area.type ?? null };
}
