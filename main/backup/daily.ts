import type { Logger } from '../core/logger';
import type { WriteGate } from '../core/write-gate';
import type { Db } from '../db/open';
import { listBackups } from './folders';
import { makeBackup } from './make-backup';

const HOUR = 3_600_000;
export const DAILY_AFTER_MS = 24 * HOUR;
/** The first look waits a little, so opening the app (or a test's core) is not slowed by a copy. */
const FIRST_LOOK_MS = 60_000;

/** Whether a daily backup is due: none newer than a day, and the database holds something worth keeping. */
export function dailyBackupDue(db: Db, dataDir: string, now: Date): boolean {
  const newest = listBackups(dataDir)[0];
  if (newest && now.getTime() - Date.parse(newest.createdAt) < DAILY_AFTER_MS) return false;
  return (db.prepare('SELECT count(*) AS n FROM staff').get() as { n: number }).n > 0;
}

/**
 * Looks every hour (the app may stay open for weeks) and makes the day's backup in the
 * write queue when one is due. A failure is logged and tried again at the next look.
 */
export function keepDailyBackup(db: Db, dataDir: string, gate: WriteGate, log: Logger): { stop(): void } {
  let stopped = false;
  const look = () =>
    void gate
      .run(async () => {
        if (stopped || !dailyBackupDue(db, dataDir, new Date())) return;
        const made = await makeBackup(db, dataDir, 'daily');
        log.info('daily backup made', { id: made.id });
      })
      .catch((error: unknown) => log.error('daily backup failed', error));
  const first = setTimeout(look, FIRST_LOOK_MS);
  const hourly = setInterval(look, HOUR);
  first.unref();
  hourly.unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(hourly);
    },
  };
}
