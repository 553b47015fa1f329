import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadOrCreateOfficeKey } from '../../main/codes/office-key';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { openDatabase } from '../../main/db/open';
import { PACKAGE_LIMIT_BYTES } from '../../shared/domain/exchange';
import { PACKAGE_KEYS, RECEIVED_TABLES } from '../../main/exchange/package-tables';
import { preparePackage } from '../../main/exchange/prepare';
import { useFreshCore } from '../support/core';
import { communeOffice, fillRegister, receiveInput, upperOffice, type CommuneOffice } from '../support/exchange-offices';
import { addStaff, changeVenues, setSetting } from '../support/exchange-seed';
import { seedProvince } from '../support/synthetic-province';
import { makeTempDir } from '../support/temp-dir';

const freshCore = useFreshCore();

/** Prepares a package (full or incremental) and returns its bytes and what prepare said of it. */
async function send(office: CommuneOffice, incremental: boolean) {
  const prepared = await office.core.call('exchange.prepare', { incremental });
  const file = await office.core.call('exchange.download', { sequence: prepared.sequence });
  return { prepared, bytes: Buffer.from(file.bytesBase64, 'base64') };
}

/** Every table the upper office holds for the commune, row by row in key order, and the photo bytes. */
function communeTables(dataDir: string, communeId: string): Record<string, unknown[]> {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const tables: Record<string, unknown[]> = {};
    for (const table of RECEIVED_TABLES) {
      tables[table] = db.prepare(`SELECT * FROM ${table} WHERE received_from = ? ORDER BY ${PACKAGE_KEYS[table].join(', ')}`).all(communeId);
    }
    tables.received_photos = db.prepare('SELECT * FROM received_photos WHERE received_from = ? ORDER BY photo_id').all(communeId);
    return tables;
  } finally {
    db.close();
  }
}

/** Kỳ Bắc with a register sent once in full to the province, then edited: a changed venue, a new one, a phone removed, a new code and scans. */
async function sentOnceThenEdited() {
  const bac = await communeOffice(freshCore(), 'kyBac');
  const [market, cafe] = await fillRegister(bac, ['Chợ Kỳ Bắc', 'Quán cà phê Hoà Bình']);
  const shop = await bac.core.call('venues.create', { name: 'Tạp hoá Minh', villageId: bac.villageId, type: 'shop', phones: ['0912345678', '0987654321'] });
  const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }]);
  const full = await send(bac, false);
  await upper.core.call('exchange.receive', receiveInput(full.bytes));

  await bac.core.call('venues.update', { id: shop.id, version: shop.version, name: 'Tạp hoá Minh Anh', villageId: bac.villageId, type: 'shop', phones: ['0912345678'] });
  await bac.core.call('venues.create', { name: 'Nhà nghỉ Sông Trí', villageId: bac.villageId, type: 'hotel', acknowledgeDuplicates: true });
  await bac.core.call('codes.ensure', { venueId: cafe.id });
  await bac.core.call('scans.record', { venueId: market.id, firstDay: '2026-10-01', lastDay: '2026-10-31', scans: 80 });
  return { bac, upper, kyBac: upper.communes.kyBac };
}

describe('incremental packages', () => {
  it('carry only what changed, and leave the upper office exactly as a full package would', async () => {
    const { bac, upper, kyBac } = await sentOnceThenEdited();
    expect(await bac.core.call('exchange.sendChoice', {})).toEqual({ incrementalBase: 1 });
    const step = await send(bac, true);
    expect(step.prepared).toMatchObject({ sequence: 2, baseSequence: 1 });
    // Two venues changed or new (not the untouched market), one phone row gone.
    expect(step.prepared.counts).toMatchObject({ venues: 2, deleted_rows: 1, findings: 0, photo_files: 0 });
    expect(await upper.core.call('exchange.receive', receiveInput(step.bytes))).toMatchObject({ sequence: 2, alreadyReceived: false });
    const afterIncremental = communeTables(upper.core.dataDir, kyBac);

    // A full package of the same state, received on top, rewrites everything: nothing differs.
    const full = await send(bac, false);
    await upper.core.call('exchange.receive', receiveInput(full.bytes));
    const afterFull = communeTables(upper.core.dataDir, kyBac);
    expect(afterIncremental).toEqual(afterFull);
    expect(afterFull.venues).toHaveLength(4);
    expect(afterFull.venue_phones).toHaveLength(1);
    expect(afterFull.received_photos).toHaveLength(1);
  });

  it('twice, or again after newer packages, changes nothing; an older one never received is refused', async () => {
    const { bac, upper, kyBac } = await sentOnceThenEdited();
    const tables = () => communeTables(upper.core.dataDir, kyBac);
    const second = await send(bac, true);
    await upper.core.call('exchange.receive', receiveInput(second.bytes));
    const afterSecond = tables();
    expect(await upper.core.call('exchange.receive', receiveInput(second.bytes))).toMatchObject({ alreadyReceived: true, sequence: 2 });
    expect(tables()).toEqual(afterSecond);

    const market = (await bac.core.call('venues.list', {})).items[0].id;
    await bac.core.call('scans.record', { venueId: market, firstDay: '2026-09-01', lastDay: '2026-09-30', scans: 5 });
    const third = await send(bac, true);
    await upper.core.call('exchange.receive', receiveInput(third.bytes));
    const afterThird = tables();
    expect(afterThird.scan_counts.length).toBe(afterSecond.scan_counts.length + 1);
    // The second again does not roll the third's rows back.
    expect(await upper.core.call('exchange.receive', receiveInput(second.bytes))).toMatchObject({ alreadyReceived: true });
    expect(tables()).toEqual(afterThird);

    await bac.core.call('scans.record', { venueId: market, firstDay: '2026-08-01', lastDay: '2026-08-31', scans: 7 });
    const fourth = await send(bac, true); // never reaches the upper office before the fifth
    const fifth = await send(bac, false);
    await upper.core.call('exchange.receive', receiveInput(fifth.bytes));
    const afterFifth = tables();
    expect(await upper.core.fail('exchange.receive', receiveInput(fourth.bytes))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/gói số 4 của Xã Kỳ Bắc cũ hơn.*\(số 5\)/),
    });
    expect(tables()).toEqual(afterFifth);
  });

  it('on a base the upper office does not hold is refused naming it, nothing written', async () => {
    const { bac, upper, kyBac } = await sentOnceThenEdited();
    const missed = await send(bac, true); // package 2, lost on the way
    expect(missed.prepared.baseSequence).toBe(1);
    await bac.core.call('venues.create', { name: 'Tiệm vàng Kim Long', villageId: bac.villageId, type: 'shop', acknowledgeDuplicates: true });
    const next = await send(bac, true);
    expect(next.prepared.baseSequence).toBe(2);
    const before = communeTables(upper.core.dataDir, kyBac);
    const refused = await upper.core.fail('exchange.receive', receiveInput(next.bytes));
    expect(refused).toMatchObject({ code: 'CONFLICT' });
    expect(refused.message).toMatch(/gói bổ sung số 3 của Xã Kỳ Bắc nối tiếp gói số 2, văn phòng này đang có gói số 1.*gửi gói đầy đủ.*Chưa ghi gì/);
    expect(communeTables(upper.core.dataDir, kyBac)).toEqual(before);
    expect((await upper.core.call('exchange.status', {})).find((row) => row.communeId === kyBac)?.lastPackage?.sequence).toBe(1);
    // The lost package, then the next, are taken in order.
    await upper.core.call('exchange.receive', receiveInput(missed.bytes));
    await upper.core.call('exchange.receive', receiveInput(next.bytes));
    expect(communeTables(upper.core.dataDir, kyBac).venues).toHaveLength(5);
  });

  it('travels compressed; a cut-short copy or a zip bomb is refused, nothing written', async () => {
    const { bac, upper, kyBac } = await sentOnceThenEdited();
    const step = await send(bac, true);
    expect(gunzipSync(step.bytes).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const before = communeTables(upper.core.dataDir, kyBac);
    const cut = await upper.core.fail('exchange.receive', receiveInput(step.bytes.subarray(0, step.bytes.length - 20)));
    expect(cut).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringMatching(/tệp nén bị hỏng/) });
    const bomb = gzipSync(Buffer.alloc(PACKAGE_LIMIT_BYTES + 1024));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await upper.core.fail('exchange.receive', receiveInput(bomb))).message).toMatch(/giải nén ra lớn hơn 200 MB/);
    expect(communeTables(upper.core.dataDir, kyBac)).toEqual(before);
  }, 60_000);

  it('is refused at the commune before any package was sent', async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    expect(await bac.core.call('exchange.sendChoice', {})).toEqual({ incrementalBase: null });
    expect((await bac.core.fail('exchange.prepare', { incremental: true })).message).toMatch(/Hãy lập gói đầy đủ/);
  });

  it('with 100 of 5,000 venues changed (codes, prints, scans) is under 50 KB', () => {
    const temp = makeTempDir();
    const db = openDatabase(path.join(temp.dir, 'xa.sqlite3'));
    try {
      const [commune] = seedProvince(db, { venues: 5_000, scanRows: 30_000, lastScanDay: '2026-11-30', communes: 1, inspectedVenues: 300, actorId: null }).communes;
      setSetting(db, 'homeCommuneId', commune.id);
      const context = { db, session: { staffId: addStaff(db) }, dataDir: temp.dir, officeKey: loadOrCreateOfficeKey(path.join(temp.dir, 'key'), null), appVersion: 'test' };
      const full = preparePackage(context, false);
      expect(full.counts).toMatchObject({ venues: 5_000, scan_counts: 30_000 });
      expect(full.counts.venue_codes).toBeGreaterThan(1_000);
      expect(full.counts.prints).toBeGreaterThan(1_000);
      changeVenues(db, commune.id, 100);
      const step = preparePackage(context, false, true);
      expect(step.counts).toMatchObject({ venues: 100, venue_codes: 0, prints: 0, scan_counts: 0, deleted_rows: 0 });
      expect(fs.statSync(path.join(temp.dir, 'exchange', 'sent', step.fileName)).size).toBe(step.bytes);
      expect(step.bytes).toBeLessThan(50 * 1024);
    } finally {
      db.close();
      temp.remove();
    }
  }, 120_000);
});
