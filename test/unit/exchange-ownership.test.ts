import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { useFreshCore } from '../support/core';
import { communeOffice, fillRegister, receiveInput, sendPackage, upperOffice } from '../support/exchange-offices';
import { checkScansAsGuessed, commitScans, scanCsv } from '../support/scan-fixtures';

const freshCore = useFreshCore();

const OWNED_BY_BAC = 'Cơ sở KB-0001 thuộc dữ liệu của Xã Kỳ Bắc, chỉ xã đó sửa được.';

/** The province office with Kỳ Bắc's package received, its own venue beside it, and Kỳ Bắc's office to send the next one. */
async function provinceWithBac() {
  const bac = await communeOffice(freshCore(), 'kyBac');
  await fillRegister(bac, ['Chợ Kỳ Bắc']);
  const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }]);
  await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
  const [received] = (await upper.core.call('venues.list', { communeId: upper.communes.kyBac })).items;
  const own = await upper.core.call('venues.create', { name: 'Trụ sở UBND tỉnh' });
  /** Kỳ Bắc's next package is still welcome: nothing here stands in its way. */
  const nextPackageReceived = async () => {
    await bac.core.call('scans.record', { venueId: received.id, firstDay: '2026-10-01', lastDay: '2026-10-31', scans: 80 });
    expect(await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)))).toMatchObject({ sequence: 2, alreadyReceived: false });
  };
  return { upper, received, own, nextPackageReceived };
}

describe('at the upper office, a venue says whose it is', () => {
  it('a received one names its commune, in the list and on its page; the office\'s own names none', async () => {
    const { upper, received, own } = await provinceWithBac();
    const bac = { communeId: upper.communes.kyBac, communeName: 'Xã Kỳ Bắc' };
    expect(received.receivedFrom).toEqual(bac);
    expect((await upper.core.call('venues.get', { id: received.id })).venue.receivedFrom).toEqual(bac);
    expect((await upper.core.call('venues.list', { search: 'cho ky bac' })).items.map((venue) => venue.receivedFrom)).toEqual([bac]);
    expect(own.receivedFrom).toBeNull();
  });
});

describe('at the upper office, a received commune\'s venue takes no', () => {
  it('count typed by hand; the office\'s own venues do', async () => {
    const { upper, received, own, nextPackageReceived } = await provinceWithBac();
    const october = { firstDay: '2026-10-01', lastDay: '2026-10-31', scans: 5 };
    expect(await upper.core.fail('scans.record', { venueId: received.id, ...october })).toMatchObject({ code: 'FORBIDDEN', message: OWNED_BY_BAC });
    expect((await upper.core.call('scans.record', { venueId: own.id, ...october })).scans).toBe(5);
    await nextPackageReceived();
  });

  it('imported count: its rows are errors naming the commune, the other rows go in', async () => {
    const { upper, received, own, nextPackageReceived } = await provinceWithBac();
    const file = scanCsv('luot-quet-10-2026.csv', [
      ['Mã cơ sở', 'Ngày', 'Số lượt quét'],
      [received.code, '01/10/2026', '7'],
      [own.code, '01/10/2026', '9'],
    ]);
    const checked = await checkScansAsGuessed(upper.core, file);
    const [refused] = (await upper.core.call('scans.rows', { importId: checked.importId, status: 'error' })).rows;
    expect(refused).toMatchObject({ rowNumber: 2, venue: { id: received.id } });
    expect(refused.errors).toEqual([
      {
        column: 'Mã cơ sở',
        reason: 'venue_received',
        params: { venue: `${received.code} — Chợ Kỳ Bắc`, owner: 'Xã Kỳ Bắc' },
        message: `Dòng 2, cột “Mã cơ sở”: cơ sở ${received.code} — Chợ Kỳ Bắc thuộc dữ liệu của Xã Kỳ Bắc, chỉ xã đó sửa được.`,
      },
    ]);
    expect((await commitScans(upper.core, checked.importId)).phase).toBe('committed');
    expect((await upper.core.call('scans.forVenue', { venueId: own.id })).counts.map((count) => count.scans)).toEqual([9]);
    expect((await upper.core.call('scans.forVenue', { venueId: received.id })).counts.map((count) => count.firstDay)).toEqual(['2026-11-01']);
    await nextPackageReceived();
  });

  it('print: no job, and the reprint queue holds only the office\'s own venues', async () => {
    const { upper, received, own, nextPackageReceived } = await provinceWithBac();
    expect(await upper.core.fail('posters.createJob', { selection: { kind: 'venues', venueIds: [received.id] }, template: 'a4' })).toMatchObject({
      code: 'FORBIDDEN',
      message: OWNED_BY_BAC,
    });
    expect((await upper.core.call('posters.queue', {})).map((entry) => entry.venueId)).toEqual([own.id]);
    expect((await upper.core.call('venues.list', { poster: 'queued' })).items.map((venue) => venue.id)).toEqual([own.id]);
    expect((await upper.core.call('posters.createJob', { selection: { kind: 'queue' }, template: 'a4' })).posters).toBe(1);
    await nextPackageReceived();
  });

  it('print recorded for a job made before its commune\'s package arrived', async () => {
    const { upper, own } = await provinceWithBac();
    const job = await upper.core.call('posters.createJob', { selection: { kind: 'venues', venueIds: [own.id] }, template: 'a4' });
    // The package arrives while the print dialog is open: the venue is now the commune's.
    const db = new Database(path.join(upper.core.dataDir, DATABASE_FILE));
    db.prepare('UPDATE venues SET received_from = ? WHERE id = ?').run(upper.communes.kyBac, own.id);
    db.close();
    expect(await upper.core.fail('posters.recordPrinted', { jobId: job.jobId })).toMatchObject({
      code: 'FORBIDDEN',
      message: `Cơ sở ${own.code} thuộc dữ liệu của Xã Kỳ Bắc, chỉ xã đó sửa được.`,
    });
    expect(await upper.core.call('posters.history', { venueId: own.id })).toEqual([]);
  });
});
