import { openAppCore } from '../../main/core/app-core';
import { call } from '../bench/import.bench';

export const BASE_STAFF_NAME = 'Quản trị thử bền';

/** What the working processes need to know of the prepared folder. */
export interface SoakBase {
  venueIds: string[];
  roundId: string;
  /** The visits' date: the round starts on it and a visit may not be in the future. */
  today: string;
}

/**
 * The folder every run starts from (copied, closed cleanly): an admin, the example units
 * with the office's commune, venues with codes, and an open round planning all of them.
 */
export async function prepareBaseFolder(dataDir: string, venues = 60): Promise<SoakBase> {
  const core = openAppCore({ dataDir, appVersion: 'soak' });
  try {
    const admin = await call<{ id: string; name: string }>(core, 'staff.create', { name: BASE_STAFF_NAME, role: 'admin' });
    await call(core, 'session.start', { staffId: admin.id });
    await call(core, 'units.seedExample', {});
    const commune = (await call<Array<{ id: string; name: string }>>(core, 'units.list', {})).find((unit) => unit.name === 'Xã Kỳ Bắc')!;
    await call(core, 'settings.update', { homeCommuneId: commune.id });
    const venueIds: string[] = [];
    for (let n = 1; n <= venues; n++) {
      venueIds.push((await call<{ id: string }>(core, 'venues.create', { name: `Cơ sở nền ${n}`, acknowledgeDuplicates: true })).id);
    }
    const today = new Date().toISOString().slice(0, 10);
    const round = await call<{ id: string }>(core, 'rounds.create', { name: 'Đợt thử bền', startsOn: today, team: [{ staffId: admin.id, name: admin.name }], venueIds });
    // A first backup, so no run's opening starts a daily one of its own.
    await call(core, 'backups.make', {});
    return { venueIds, roundId: round.id, today };
  } finally {
    await core.shutdown();
  }
}
