import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { DATABASE_FILE } from '../../main/core/data-dir';
import { useFreshCore, type TestCore } from '../support/core';
import { communeOffice, fillRegister, receiveInput, sendPackage, upperOffice } from '../support/exchange-offices';
import { makeTempDir } from '../support/temp-dir';

const freshCore = useFreshCore();

/** Kỳ Bắc's office with two venues, and the province office that trusts its key. */
async function bacAndProvince() {
  const bac = await communeOffice(freshCore(), 'kyBac');
  await fillRegister(bac, ['Chợ Kỳ Bắc', 'Quán Hoà Bình']);
  const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }]);
  return { bac, upper };
}

/** Changes a package the way a program with SQLite would, and returns the new bytes. */
function rewritePackage(bytes: Buffer, sql: string): Buffer {
  const temp = makeTempDir();
  try {
    const file = path.join(temp.dir, 'goi.diemqr');
    fs.writeFileSync(file, bytes);
    const db = new Database(file);
    db.exec(sql);
    db.close();
    return fs.readFileSync(file);
  } finally {
    temp.remove();
  }
}

/** Nothing was written: no venue, no package on record. */
async function expectNothingReceived(core: TestCore) {
  expect((await core.call('venues.list', {})).total).toBe(0);
  expect((await core.call('exchange.status', {})).every((row) => row.lastPackage === null)).toBe(true);
}

describe('receiving refuses, naming the reason and writing nothing', () => {
  it('a package with one byte altered', async () => {
    const { bac, upper } = await bacAndProvince();
    const bytes = await sendPackage(bac);
    const at = bytes.indexOf(Buffer.from('Quán Hoà Bình'));
    expect(at).toBeGreaterThan(0);
    const altered = Buffer.from(bytes);
    altered[at] = 'K'.charCodeAt(0);
    expect(await upper.core.fail('exchange.receive', receiveInput(altered))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/nội dung không khớp mã băm đã ký.*Chưa ghi gì/),
    });
    // A manifest changed after signing (a higher sequence, say) fails the signature.
    const resequenced = rewritePackage(bytes, "UPDATE manifest SET value = '9' WHERE key = 'sequence'");
    expect((await upper.core.fail('exchange.receive', receiveInput(resequenced))).message).toMatch(/chữ ký không hợp lệ/);
    await expectNothingReceived(upper.core);
  });

  it('a package signed by another commune\'s key, or by a key not trusted', async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    await fillRegister(bac, ['Chợ Kỳ Bắc']);
    // The province bound Kỳ Bắc's office key to Kỳ Phong: it cannot speak for Kỳ Bắc.
    const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyPhong' }]);
    expect(await upper.core.fail('exchange.receive', receiveInput(await sendPackage(bac)))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/là khoá của Xã Kỳ Phong, không phải khoá của Xã Kỳ Bắc/),
    });
    const stranger = await upperOffice(freshCore(), []);
    expect((await stranger.core.fail('exchange.receive', receiveInput(await sendPackage(bac)))).message).toMatch(/chưa được tin cậy/);
    await expectNothingReceived(upper.core);
  });

  it('a replayed or older package; the same package twice is answered "already received"', async () => {
    const { bac, upper } = await bacAndProvince();
    const first = await sendPackage(bac);
    const second = await sendPackage(bac);
    await upper.core.call('exchange.receive', receiveInput(second));
    expect(await upper.core.fail('exchange.receive', receiveInput(first))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/gói số 1 của Xã Kỳ Bắc cũ hơn.*\(số 2\)/),
    });
    expect(await upper.core.call('exchange.receive', receiveInput(second))).toMatchObject({ alreadyReceived: true, sequence: 2 });
    expect((await upper.core.call('exchange.status', {}))[0].lastPackage?.sequence).toBe(2);
    // An altered copy of the package already received is refused as altered, not welcomed as "already received".
    const at = second.indexOf(Buffer.from('Quán Hoà Bình'));
    const altered = Buffer.from(second);
    altered[at] = 'K'.charCodeAt(0);
    expect((await upper.core.fail('exchange.receive', receiveInput(altered))).message).toMatch(/gói đã bị sửa/);
  });

  it('a package from a newer app, a file cut short, and a file that is no package', async () => {
    const { bac, upper } = await bacAndProvince();
    const bytes = await sendPackage(bac);
    const newer = rewritePackage(bytes, "UPDATE manifest SET value = '2' WHERE key = 'formatVersion'");
    expect(await upper.core.fail('exchange.receive', receiveInput(newer))).toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringMatching(/phiên bản mới hơn của Điểm QR.*Hãy cập nhật ứng dụng/),
    });
    const cut = bytes.subarray(0, Math.floor(bytes.length / 2));
    expect(await upper.core.fail('exchange.receive', receiveInput(cut))).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringMatching(/cắt cụt/) });
    const notSqlite = Buffer.from('PK\u0003\u0004 một tệp zip bất kỳ');
    expect((await upper.core.fail('exchange.receive', receiveInput(notSqlite))).code).toBe('UNSUPPORTED_FILE');
    const otherDb = rewritePackage(bytes, 'DROP TABLE manifest');
    expect(await upper.core.fail('exchange.receive', receiveInput(otherDb))).toMatchObject({ code: 'UNSUPPORTED_FILE', message: expect.stringMatching(/thiếu bảng manifest/) });
    await expectNothingReceived(upper.core);
  });

  it('a package from a commune not under this office, and a commune\'s package at a commune office', async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    await fillRegister(bac, ['Chợ Kỳ Bắc']);
    const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }]);
    const otherProvince = await upper.core.call('units.create', { level: 'province', name: 'Tỉnh Quảng Bình', officialCode: '44' });
    await upper.core.call('settings.update', { upperUnitId: otherProvince.id });
    expect(await upper.core.fail('exchange.receive', receiveInput(await sendPackage(bac)))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/Xã Kỳ Bắc không thuộc Tỉnh Quảng Bình/),
    });
    // A commune office takes only its upper office's return packages (exchange-return.test.ts).
    expect(await bac.core.fail('exchange.receive', receiveInput(await sendPackage(bac)))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/đây là gói dữ liệu của một xã gửi lên văn phòng cấp trên.*Chưa ghi gì/),
    });
  });
});

describe('receiving guards the upper office\'s own data', () => {
  it('refuses venue codes that another commune already uses here', async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    const phong = await communeOffice(freshCore(), 'kyPhong');
    // Kỳ Phong's office numbers its venues with Kỳ Bắc's prefix: KB-0001 twice.
    const unit = (await phong.core.call('units.list', {})).find((candidate) => candidate.id === phong.communeId)!;
    await phong.core.call('units.update', { id: unit.id, version: unit.version, name: unit.name, officialCode: unit.officialCode, codePrefix: 'KB' });
    await fillRegister(bac, ['Chợ Kỳ Bắc']);
    await fillRegister(phong, ['Chợ Kỳ Phong']);
    const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }, { office: phong, commune: 'kyPhong' }]);
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
    expect(await upper.core.fail('exchange.receive', receiveInput(await sendPackage(phong)))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/mã cơ sở KB-0001 của Xã Kỳ Phong trùng.*tiền tố mã cơ sở riêng/),
    });
    expect((await upper.core.call('venues.list', {})).items.map((venue) => venue.name)).toEqual(['Chợ Kỳ Bắc']);
  });

  it('refuses counts the upper office recorded itself for a received venue, and keeps the previous package\'s state', async () => {
    const { bac, upper } = await bacAndProvince();
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
    const before = (await upper.core.call('venues.list', {})).items;
    const october = { venueId: before[0].id, firstDay: '2026-10-01', lastDay: '2026-10-31' };
    // The app refuses such a count now (test/unit/exchange-ownership.test.ts); one written
    // behind its back, or by an older version, must still not be overwritten silently.
    const db = new Database(path.join(upper.core.dataDir, DATABASE_FILE));
    db.prepare("INSERT INTO scan_sources (id, kind, file_name, first_day, last_day, row_count, created_at) VALUES ('upper-count', 'manual', '', ?, ?, 1, ?)")
      .run(october.firstDay, october.lastDay, new Date().toISOString());
    db.prepare("INSERT INTO scan_counts (venue_id, first_day, last_day, scans, source_id) VALUES (?, ?, ?, 5, 'upper-count')").run(october.venueId, october.firstDay, october.lastDay);
    db.close();
    await bac.core.call('scans.record', { ...october, scans: 80 });
    expect(await upper.core.fail('exchange.receive', receiveInput(await sendPackage(bac)))).toMatchObject({
      code: 'CONFLICT',
      message: `Không nhận gói dữ liệu: số lượt quét của cơ sở ${before[0].code} từ ngày 2026-10-01 đã có ở văn phòng này từ nguồn khác. Chưa ghi gì.`,
    });
    expect((await upper.core.call('venues.list', {})).items).toEqual(before);
    expect((await upper.core.call('exchange.status', {}))[0].lastPackage?.sequence).toBe(1);
  });

  it('refuses a photo over the size limit, and never uses a path the package names', async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    await fillRegister(bac, ['Chợ Kỳ Bắc']);
    const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }]);
    // The commune's own database claims its photo lives outside any data folder.
    const communeDb = new Database(path.join(bac.core.dataDir, DATABASE_FILE));
    const thumbnail = communeDb.prepare<[], { thumbnail: string }>('SELECT thumbnail FROM finding_photos').get()!.thumbnail;
    communeDb.prepare("UPDATE finding_photos SET stored_as = '../../../../etc/passwd', file_name = '../../evil.png'").run();
    communeDb.close();
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
    const [venue] = (await upper.core.call('venues.list', {})).items;
    const [finding] = await upper.core.call('findings.forVenue', { venueId: venue.id });
    const full = await upper.core.call('findings.photo', { photoId: finding.photos[0].id, thumbnail: false });
    expect(PNG.sync.read(Buffer.from(full.bytesBase64, 'base64')).width).toBe(8);
    expect(fs.readdirSync(upper.core.dataDir).sort()).toEqual([DATABASE_FILE, `${DATABASE_FILE}-shm`, `${DATABASE_FILE}-wal`, 'keys', 'logs']);

    // A "thumbnail" of several megabytes is no thumbnail.
    const noise = new PNG({ width: 800, height: 800 });
    for (let index = 0; index < noise.data.length; index++) noise.data[index] = Math.floor(Math.random() * 256);
    fs.writeFileSync(path.join(bac.core.dataDir, thumbnail), PNG.sync.write(noise));
    expect(await upper.core.fail('exchange.receive', receiveInput(await sendPackage(bac)))).toMatchObject({
      code: 'UNSUPPORTED_FILE',
      message: expect.stringMatching(/1 ảnh vượt quá giới hạn dung lượng/),
    });
  });
});

describe('a commune merged in the 2025 reorganisation', () => {
  it('sends a package that lands under the commune it was merged into, beside that commune\'s own', async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    const phong = await communeOffice(freshCore(), 'kyPhong');
    await fillRegister(bac, ['Chợ Kỳ Bắc', 'Quán Hoà Bình']);
    await fillRegister(phong, ['Chợ Kỳ Phong']);
    const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }, { office: phong, commune: 'kyPhong' }]);
    await upper.core.call('units.merge', { fromId: upper.communes.kyBac, intoId: upper.communes.kyPhong });

    const landed = await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
    expect(landed).toMatchObject({ communeId: upper.communes.kyBac, landedInId: upper.communes.kyPhong, landedInName: 'Xã Kỳ Phong' });
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(phong)));
    expect((await upper.core.call('venues.list', { communeId: upper.communes.kyPhong })).total).toBe(3);
    // The old commune's next package replaces only its own records, not Kỳ Phong's.
    await bac.core.call('venues.create', { name: 'Hiệu thuốc Tâm An', villageId: bac.villageId });
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
    expect((await upper.core.call('venues.list', { communeId: upper.communes.kyPhong })).total).toBe(4);
    const status = await upper.core.call('exchange.status', {});
    expect(status.map((row) => row.communeName)).toEqual(['Xã Kỳ Lâm', 'Xã Kỳ Phong']);
  });

  it('brings the commune\'s villages once, keeping two old communes\' villages of one name apart', async () => {
    const bac = await communeOffice(freshCore(), 'kyBac');
    const phong = await communeOffice(freshCore(), 'kyPhong');
    await fillRegister(bac, ['Chợ Kỳ Bắc']);
    await fillRegister(phong, ['Chợ Kỳ Phong']);
    const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }, { office: phong, commune: 'kyPhong' }]);
    await upper.core.call('units.merge', { fromId: upper.communes.kyBac, intoId: upper.communes.kyPhong });
    for (let round = 0; round < 2; round++) {
      await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
      await upper.core.call('exchange.receive', receiveInput(await sendPackage(phong)));
    }
    const villages = (await upper.core.call('units.list', {})).filter((unit) => unit.level === 'village');
    expect(villages.map((unit) => [unit.name, unit.parentId])).toEqual([
      ['Thôn Trung', upper.communes.kyPhong],
      ['Thôn Trung', upper.communes.kyPhong],
    ]);
    const venues = (await upper.core.call('venues.list', {})).items;
    expect(new Set(venues.map((venue) => venue.villageId))).toEqual(new Set(villages.map((unit) => unit.id)));
  });
});
