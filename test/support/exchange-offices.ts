import { PNG } from 'pngjs';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import type { TestCore } from './core';

/**
 * Offices that exchange packages, each a production core in its own data folder. Every
 * office types the same province and communes with the statistics office's codes, as
 * importing the official list would; their unit ids differ, as they would in the field.
 */
export const COMMUNES = {
  kyBac: { name: 'Xã Kỳ Bắc', officialCode: '18001', codePrefix: 'KB' },
  kyPhong: { name: 'Xã Kỳ Phong', officialCode: '18002', codePrefix: 'KP' },
  kyLam: { name: 'Xã Kỳ Lâm', officialCode: '18003', codePrefix: 'KL' },
} as const;
export type CommuneName = keyof typeof COMMUNES;

export async function addUnits(core: TestCore, provinceName = 'Tỉnh Hà Tĩnh', provinceCode = '42') {
  const province = await core.call('units.create', { level: 'province', name: provinceName, officialCode: provinceCode });
  const communes = {} as Record<CommuneName, string>;
  for (const [key, commune] of Object.entries(COMMUNES) as Array<[CommuneName, (typeof COMMUNES)[CommuneName]]>) {
    communes[key] = (await core.call('units.create', { level: 'commune', parentId: province.id, ...commune })).id;
  }
  return { provinceId: province.id, communes };
}

/** A commune office: its units, its own commune in Settings, a village, and an administrator working. */
export async function communeOffice(core: TestCore, commune: CommuneName) {
  await core.signIn('Nguyễn Thị Lan');
  const { communes } = await addUnits(core);
  await core.call('settings.update', { homeCommuneId: communes[commune] });
  const village = await core.call('units.create', { level: 'village', parentId: communes[commune], name: 'Thôn Trung' });
  const key = await core.call('codes.officeKey', {});
  return { core, communeId: communes[commune], villageId: village.id, key };
}
export type CommuneOffice = Awaited<ReturnType<typeof communeOffice>>;

/** An upper office for the province, trusting each commune office's key bound to its commune. */
export async function upperOffice(core: TestCore, offices: Array<{ office: CommuneOffice; commune: CommuneName }>) {
  await core.signIn('Phạm Văn Tỉnh');
  const units = await addUnits(core);
  await core.call('settings.update', { officeKind: 'upper', upperUnitId: units.provinceId });
  for (const { office, commune } of offices) {
    await core.call('codes.trustKey', { officeName: COMMUNES[commune].name, publicKey: office.key.publicKey, communeId: units.communes[commune] });
  }
  return { core, ...units };
}

/** Prepares a package at a commune office and returns its bytes, as the clerk would save them. */
export async function sendPackage(office: CommuneOffice, fullPhotos = false): Promise<Buffer> {
  const prepared = await office.core.call('exchange.prepare', { fullPhotos });
  const file = await office.core.call('exchange.download', { sequence: prepared.sequence });
  return Buffer.from(file.bytesBase64, 'base64');
}

export const receiveInput = (bytes: Buffer) => ({ fileName: 'goi-du-lieu.diemqr', bytesBase64: bytes.toString('base64') });

/** A tiny real PNG, as a phone photo stand-in. */
export function png(width = 8, height = 8): string {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return PNG.sync.write(image).toString('base64');
}

const allGood = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));

/** Venues, a code, a print, scans and an inspection with a damaged-poster finding and its photo. */
export async function fillRegister(office: CommuneOffice, names: string[]) {
  const { core, villageId } = office;
  const venues = [];
  for (const name of names) venues.push(await core.call('venues.create', { name, villageId, type: 'shop', acknowledgeDuplicates: true }));
  const [first] = venues;
  await core.call('codes.ensure', { venueId: first.id });
  for (const venue of venues) await core.call('scans.record', { venueId: venue.id, firstDay: '2026-11-01', lastDay: '2026-11-30', scans: 120 });
  const staff = await core.call('session.get', {});
  const round = await core.call('rounds.create', {
    name: 'Đợt kiểm tra tháng 11',
    startsOn: '2026-11-20',
    team: [{ staffId: staff.staff!.id, name: staff.staff!.name }],
    venueIds: [first.id],
  });
  const point = (await core.call('venues.get', { id: first.id })).postingPoints[0].id;
  await core.call('visits.save', {
    roundId: round.id,
    venueId: first.id,
    visitedOn: '2026-11-20',
    points: [{ postingPointId: point, results: { ...allGood, intact: false } }],
    findings: [
      {
        postingPointId: point,
        category: 'damaged',
        note: 'Áp phích rách góc',
        photos: [{ fileName: 'IMG_0001.png', bytesBase64: png(40, 30), thumbnailBase64: png(8, 6) }],
        action: { kind: 'reprint', dueOn: '2026-11-30', responsible: 'Văn phòng xã' },
        requestReprint: true,
      },
    ],
  });
  return venues;
}
