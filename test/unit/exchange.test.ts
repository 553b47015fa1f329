import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { verifyStrict } from '../../main/codes/strict-ed25519';
import { canonicalManifest, contentHash, readManifestRows } from '../../main/exchange/manifest';
import { useFreshCore } from '../support/core';
import { communeOffice, fillRegister, receiveInput, sendPackage, upperOffice } from '../support/exchange-offices';
import { makeTempDir } from '../support/temp-dir';

const freshCore = useFreshCore();

/** Opens package bytes the way another program would: as a plain SQLite file. */
function openPackage(bytes: Buffer) {
  const temp = makeTempDir();
  const file = path.join(temp.dir, 'goi.diemqr');
  fs.writeFileSync(file, bytes);
  const db = new Database(file, { readonly: true });
  return { db, close: () => (db.close(), temp.remove()) };
}

describe('the commune package', () => {
  it('says its size and counts, holds the commune records, and is signed over its manifest', async () => {
    const office = await communeOffice(freshCore(), 'kyBac');
    await fillRegister(office, ['Chợ Kỳ Bắc', 'Quán cà phê Hoà Bình']);
    const prepared = await office.core.call('exchange.prepare', {});
    expect(prepared).toMatchObject({ sequence: 1, fullPhotos: false });
    expect(prepared.fileName).toMatch(/^xa-ky-bac-0001-\d{8}\.diemqr$/);
    expect(prepared.counts).toMatchObject({ venues: 2, posting_points: 2, venue_codes: 1, scan_counts: 2, visits: 1, findings: 1, photo_files: 1 });
    const bytes = Buffer.from((await office.core.call('exchange.download', { sequence: 1 })).bytesBase64, 'base64');
    expect(bytes.length).toBe(prepared.bytes);
    expect(await office.core.call('exchange.sent', {})).toEqual([prepared]);

    const pkg = openPackage(bytes);
    try {
      const rows = readManifestRows(pkg.db, 'main');
      expect(rows).toMatchObject({ format: 'diemqr-package', formatVersion: 1, communeId: office.communeId, sequence: 1, counts: prepared.counts });
      const signature = Buffer.from(rows.signature as string, 'base64');
      const publicKey = Buffer.from(office.key.publicKey, 'base64');
      expect(verifyStrict(signature, canonicalManifest(rows), publicKey)).toBe(true);
      expect(verifyStrict(signature, canonicalManifest({ ...rows, sequence: 2 }), publicKey)).toBe(false);
      expect(contentHash(pkg.db, 'main')).toBe(rows.contentHash);
      const names = pkg.db.prepare<[], { name: string }>('SELECT name FROM venues ORDER BY name').all().map((row) => row.name);
      expect(names).toEqual(['Chợ Kỳ Bắc', 'Quán cà phê Hoà Bình']);
      // Thumbnails only by default: the full photo stays at the commune.
      expect(pkg.db.prepare('SELECT full IS NULL AS thumbOnly FROM photo_files').get()).toEqual({ thumbOnly: 1 });
    } finally {
      pkg.close();
    }
    expect((await office.core.call('exchange.prepare', { fullPhotos: true })).sequence).toBe(2);
  });

  it('is made only by a commune office that chose its commune, and an upper unit must be a province or district', async () => {
    const core = freshCore();
    await core.signIn();
    expect((await core.fail('exchange.prepare', {})).code).toBe('CONFLICT');
    const village = await core.call('units.create', { level: 'village', parentId: (await core.call('units.create', { level: 'commune', name: 'Xã A', parentId: (await core.call('units.create', { level: 'province', name: 'Tỉnh B' })).id })).id, name: 'Thôn C' });
    expect(await core.fail('settings.update', { upperUnitId: village.id })).toMatchObject({ code: 'INVALID_INPUT', field: 'upperUnitId' });
  });
});

describe('the upper office', () => {
  it('receives two communes: totals equal their sum, photos and status follow', async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    const phong = await communeOffice(freshCore(), 'kyPhong');
    await fillRegister(bac, ['Chợ Kỳ Bắc', 'Quán Hoà Bình']);
    await fillRegister(phong, ['Chợ Kỳ Phong', 'Tiệm vàng Kim Long', 'Nhà nghỉ Sông Trí']);
    const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }, { office: phong, commune: 'kyPhong' }]);

    const fromBac = await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac, true)));
    expect(fromBac).toMatchObject({ communeId: upper.communes.kyBac, landedInId: upper.communes.kyBac, sequence: 1, alreadyReceived: false });
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(phong)));

    expect((await upper.core.call('venues.list', {})).total).toBe(5);
    expect((await upper.core.call('venues.list', { communeId: upper.communes.kyPhong })).total).toBe(3);
    const period = { from: '2026-11-01', to: '2026-11-30' };
    const above = (await upper.core.call('dashboard.figures', period)).totals;
    const below = [(await bac.core.call('dashboard.figures', period)).totals, (await phong.core.call('dashboard.figures', period)).totals];
    for (const figure of ['registered', 'active', 'withCurrentCode', 'inspected', 'withOpenFindings', 'scans'] as const) {
      expect(above[figure], figure).toBe(below[0][figure] + below[1][figure]);
    }
    expect(above.scans).toBe(600);

    // The full photo came with Kỳ Bắc's package; Kỳ Phong sent its thumbnail only.
    const [bacVenue] = (await upper.core.call('venues.list', { communeId: upper.communes.kyBac, search: 'chợ' })).items;
    const [finding] = await upper.core.call('findings.forVenue', { venueId: bacVenue.id });
    const photo = await upper.core.call('findings.photo', { photoId: finding.photos[0].id, thumbnail: false });
    expect(PNG.sync.read(Buffer.from(photo.bytesBase64, 'base64')).width).toBe(40);
    expect(fs.existsSync(path.join(upper.core.dataDir, 'photos'))).toBe(false);

    const status = await upper.core.call('exchange.status', {});
    expect(status.map((row) => [row.communeName, row.lastPackage?.sequence ?? null, row.stale])).toEqual([
      ['Xã Kỳ Bắc', 1, false],
      ['Xã Kỳ Lâm', null, true],
      ['Xã Kỳ Phong', 1, false],
    ]);
    expect(status[0].lastPackage?.counts.venues).toBe(2);
    expect(status.map((row) => row.trustedKeyId)).toEqual([bac.key.keyId, null, phong.key.keyId]);
    // The threshold is a parameter: packages made today are fresh even at one day.
    const strict = await upper.core.call('exchange.status', { staleAfterDays: 1 });
    expect(strict.map((row) => row.stale)).toEqual([false, true, false]);
  });

  it('replaces a commune\'s records with its next package; the same package twice changes nothing', async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    const [market, cafe] = await fillRegister(bac, ['Chợ Kỳ Bắc', 'Quán Hoà Bình']);
    const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }]);
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));

    await bac.core.call('venues.setStatus', { id: cafe.id, version: cafe.version, status: 'closed' });
    await bac.core.call('venues.update', { ...market, name: 'Chợ Kỳ Bắc mới', acknowledgeDuplicates: true });
    await bac.core.call('venues.create', { name: 'Hiệu thuốc Tâm An', villageId: bac.villageId });
    const second = await sendPackage(bac);
    expect((await upper.core.call('exchange.receive', receiveInput(second))).alreadyReceived).toBe(false);

    const list = await upper.core.call('venues.list', {});
    expect(list.items.map((venue) => [venue.name, venue.status]).sort()).toEqual([
      ['Chợ Kỳ Bắc mới', 'active'],
      ['Hiệu thuốc Tâm An', 'active'],
      ['Quán Hoà Bình', 'closed'],
    ]);
    expect((await upper.core.call('venues.list', { search: 'cho ky bac moi' })).total).toBe(1);

    const again = await upper.core.call('exchange.receive', receiveInput(second));
    expect(again).toMatchObject({ alreadyReceived: true, sequence: 2 });
    expect((await upper.core.call('venues.list', {})).items).toEqual(list.items);
  });

  it('never edits a received commune\'s venue, posting points or codes', async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    await fillRegister(bac, ['Chợ Kỳ Bắc']);
    const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }]);
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
    const [venue] = (await upper.core.call('venues.list', {})).items;
    const point = (await upper.core.call('venues.get', { id: venue.id })).postingPoints[0];

    const refusals = [
      await upper.core.fail('venues.update', { ...venue, name: 'Tên khác' }),
      await upper.core.fail('venues.setStatus', { id: venue.id, version: venue.version, status: 'closed' }),
      await upper.core.fail('postingPoints.add', { venueId: venue.id, label: 'Cổng sau' }),
      await upper.core.fail('postingPoints.rename', { id: point.id, label: 'Cổng chính' }),
      await upper.core.fail('codes.revoke', { venueId: venue.id, reason: 'lost' }),
      await upper.core.fail('codes.setOfficial', { venueId: venue.id, payload: 'QUOCGIA-123' }),
    ];
    for (const error of refusals) {
      expect(error).toMatchObject({ code: 'FORBIDDEN', message: 'Cơ sở KB-0001 thuộc dữ liệu của Xã Kỳ Bắc, chỉ xã đó sửa được.' });
    }
    expect((await upper.core.call('venues.get', { id: venue.id })).venue).toEqual(venue);
    // The upper office's own venues stay editable.
    const own = await upper.core.call('venues.create', { name: 'Trụ sở UBND tỉnh' });
    expect((await upper.core.call('venues.update', { ...own, name: 'Trụ sở UBND tỉnh Hà Tĩnh' })).name).toBe('Trụ sở UBND tỉnh Hà Tĩnh');
  });

  it('of a district, with the example units at both offices, finds the commune by its name', async () => {
    const commune = freshCore();
    await commune.signIn();
    await commune.call('units.seedExample', {});
    const kyBac = (await commune.call('units.list', {})).find((unit) => unit.name === 'Xã Kỳ Bắc')!;
    await commune.call('settings.update', { homeCommuneId: kyBac.id });
    await commune.call('venues.create', { name: 'Chợ Kỳ Bắc' });
    const prepared = await commune.call('exchange.prepare', {});
    const bytes = Buffer.from((await commune.call('exchange.download', { sequence: prepared.sequence })).bytesBase64, 'base64');

    const district = freshCore();
    await district.signIn();
    await district.call('units.seedExample', {});
    const units = await district.call('units.list', {});
    const huyen = units.find((unit) => unit.level === 'district')!;
    const ourKyBac = units.find((unit) => unit.name === 'Xã Kỳ Bắc')!;
    await district.call('settings.update', { officeKind: 'upper', upperUnitId: huyen.id });
    const key = await commune.call('codes.officeKey', {});
    await district.call('codes.trustKey', { officeName: key.officeName, publicKey: key.publicKey, communeId: ourKyBac.id });
    expect(await district.call('exchange.receive', receiveInput(bytes))).toMatchObject({ communeId: ourKyBac.id, landedInName: 'Xã Kỳ Bắc' });
    expect((await district.call('venues.list', { communeId: ourKyBac.id })).items.map((venue) => venue.code)).toEqual(['KB-0001']);
  });
});
