import path from 'node:path';
import Database from 'better-sqlite3';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { backupDatabase, listBackups } from '../../main/backup/folders';
import { call } from '../bench/import.bench';
import { BASE_STAFF_NAME } from './base-folder';
import type { WriteEvent } from './events';

type Reader = Database.Database;
const count = (db: Reader, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

function integrityOf(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.pragma('integrity_check', { simple: true }));
  } finally {
    db.close();
  }
}

/** Each import is there whole or not at all; one that was answered is there whole. */
function importsAllOrNothing(db: Reader, events: readonly WriteEvent[]): string[] {
  const acked = new Set(events.filter((event) => event.event === 'ack').map((event) => event.key));
  const problems: string[] = [];
  for (const event of events) {
    if (event.event !== 'start' || event.kind !== 'import') continue;
    const found = count(db, 'SELECT count(*) AS n FROM venues WHERE name LIKE ?', `${event.key} quán số %`);
    if (found !== 0 && found !== event.rows) problems.push(`import ${event.key}: ${found} of ${event.rows} rows`);
    if (acked.has(event.key) && found !== event.rows) problems.push(`import ${event.key} was answered but ${found} of ${event.rows} rows are there`);
  }
  return problems;
}

/** Every poster whose print was answered is in the register; none that was never asked for. */
function printsRecorded(db: Reader, events: readonly WriteEvent[]): string[] {
  const tally = (kind: 'start' | 'ack') => {
    const perVenue = new Map<string, number>();
    for (const event of events) if (event.event === kind && event.kind === 'print') perVenue.set(event.key, (perVenue.get(event.key) ?? 0) + 1);
    return perVenue;
  };
  const [asked, answered] = [tally('start'), tally('ack')];
  const problems: string[] = [];
  for (const [venueId, started] of asked) {
    const found = count(db, 'SELECT count(*) AS n FROM prints WHERE venue_id = ?', venueId);
    const acked = answered.get(venueId) ?? 0;
    if (found < acked || found > started) problems.push(`prints of ${venueId}: ${found}, answered ${acked}, asked ${started}`);
  }
  return problems;
}

/** Every visit that was answered is there with its photo, which the app still shows. */
async function visitsKept(core: AppCore, db: Reader, events: readonly WriteEvent[]): Promise<string[]> {
  const problems: string[] = [];
  for (const event of events) {
    if (event.event !== 'ack' || event.kind !== 'visit') continue;
    if (count(db, 'SELECT count(*) AS n FROM visits WHERE id = ?', event.key) !== 1) problems.push(`visit ${event.key} was answered but is missing`);
    const photo = await core.dispatch('findings.photo', { photoId: event.photoId, thumbnail: false });
    if (!photo.ok) problems.push(`photo ${event.photoId} of visit ${event.key}: ${photo.error.code} ${photo.error.message}`);
  }
  return problems;
}

/**
 * The newest backup that was answered is listed (older ones may have been rotated away),
 * and every listed backup's database is sound: a copy cut short by the kill is not listed.
 */
function backupsSound(dataDir: string, events: readonly WriteEvent[]): string[] {
  const listed = listBackups(dataDir);
  const problems: string[] = [];
  const newest = events.findLast((event) => event.event === 'ack' && event.kind === 'backup');
  if (newest && !listed.some((backup) => backup.id === newest.key)) problems.push(`backup ${newest.key} was answered but is not listed`);
  for (const backup of listed) {
    const integrity = integrityOf(backupDatabase(dataDir, backup.id));
    if (integrity !== 'ok') problems.push(`backup ${backup.id} is listed but its database says ${integrity}`);
  }
  return problems;
}

/**
 * A restore brings back the backup without the markers written after it: a marker answered
 * before an answered restore is gone; one answered after the last restore was asked for stays.
 */
function restoresWhole(db: Reader, events: readonly WriteEvent[]): string[] {
  const restoreEvents = events.filter((event) => event.kind === 'restore');
  const lastAnsweredRestore = restoreEvents.findLastIndex((event) => event.event === 'ack' && event.key.startsWith('restore:'));
  const lastAskedRestore = restoreEvents.findLastIndex((event) => event.event === 'start' && event.key.startsWith('restore:'));
  const problems: string[] = [];
  restoreEvents.forEach((event, index) => {
    if (event.event !== 'ack' || !event.key.startsWith('marker:')) return;
    const found = count(db, 'SELECT count(*) AS n FROM venues WHERE name = ?', event.key.slice('marker:'.length));
    if (index < lastAnsweredRestore && found !== 0) problems.push(`${event.key} was written before an answered restore but is still there`);
    if (index > lastAskedRestore && found !== 1) problems.push(`${event.key} was answered after the last restore but is missing`);
  });
  return problems;
}

/**
 * Opens a killed run's folder as the app would at its next start, then checks it: the app
 * opens and answers, the database and every listed backup are intact, and what the killed
 * process was told is saved is there. Returns the problems found (none: the run passed).
 */
export async function checkKilledFolder(dataDir: string, events: readonly WriteEvent[]): Promise<string[]> {
  let core: AppCore;
  try {
    core = openAppCore({ dataDir, appVersion: 'soak-check' });
  } catch (error) {
    return [`the app refused to open the folder: ${error instanceof Error ? error.message : String(error)}`];
  }
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const admin = (await call<Array<{ id: string; name: string }>>(core, 'staff.list', {})).find((staff) => staff.name === BASE_STAFF_NAME)!;
    await call(core, 'session.start', { staffId: admin.id });
    await call(core, 'venues.list', { limit: 5 });
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    return [
      ...(integrity === 'ok' ? [] : [`integrity_check: ${integrity}`]),
      ...importsAllOrNothing(db, events),
      ...printsRecorded(db, events),
      ...(await visitsKept(core, db, events)),
      ...backupsSound(dataDir, events),
      ...restoresWhole(db, events),
    ];
  } catch (error) {
    return [`checking the reopened folder failed: ${error instanceof Error ? error.message : String(error)}`];
  } finally {
    db.close();
    await core.shutdown();
  }
}
