import { describe, expect, it } from 'vitest';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import { useFreshCore } from '../support/core';
import { communeOffice, fillRegister, png, receiveInput, sendPackage, upperOffice, type CommuneOffice } from '../support/exchange-offices';

const freshCore = useFreshCore();

/**
 * The return package (upper office → commune): the province inspects a venue Kỳ Bắc sent
 * it, returns the finding to Kỳ Bắc, which fixes it (a reprint), and the province sees the
 * outcome on its own record when Kỳ Bắc's next package arrives.
 */

const allGood = Object.fromEntries(CHECK_KEYS.map((key) => [key, true]));

/** Kỳ Bắc's office trusting the province office's key as its upper office's (bound to the province). */
async function trustUpperOffice(office: CommuneOffice, upperKey: string) {
  const province = (await office.core.call('units.list', {})).find((unit) => unit.level === 'province')!;
  await office.core.call('codes.trustKey', { officeName: 'UBND Tỉnh Hà Tĩnh', publicKey: upperKey, communeId: province.id });
}

/** The province with Kỳ Bắc's package received, and its own inspection of a Kỳ Bắc venue: a torn poster, reprint asked. */
async function provinceInspectsBac() {
  const bac = await communeOffice(freshCore(), 'kyBac');
  await fillRegister(bac, ['Chợ Kỳ Bắc', 'Quán Hoà Bình']);
  const upper = await upperOffice(freshCore(), [{ office: bac, commune: 'kyBac' }]);
  await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
  await trustUpperOffice(bac, (await upper.core.call('codes.officeKey', {})).publicKey);
  const venue = (await upper.core.call('venues.list', { search: 'quan hoa binh' })).items[0];
  const point = (await upper.core.call('venues.get', { id: venue.id })).postingPoints[0].id;
  const staff = (await upper.core.call('session.get', {})).staff!;
  const round = await upper.core.call('rounds.create', {
    name: 'Kiểm tra của tỉnh quý IV',
    startsOn: '2026-11-25',
    team: [{ staffId: staff.id, name: staff.name }],
    venueIds: [venue.id],
  });
  await upper.core.call('visits.save', {
    roundId: round.id,
    venueId: venue.id,
    visitedOn: '2026-11-25',
    points: [{ postingPointId: point, results: { ...allGood, intact: false } }],
    findings: [
      {
        postingPointId: point,
        category: 'damaged',
        note: 'Tỉnh: áp phích bạc màu',
        photos: [{ fileName: 'tinh.png', bytesBase64: png(40, 30), thumbnailBase64: png(8, 6) }],
        action: { kind: 'reprint', dueOn: '2026-12-15', responsible: 'Văn phòng xã Kỳ Bắc' },
        requestReprint: true,
      },
    ],
  });
  const returnPackage = async (commune = upper.communes.kyBac) => {
    const prepared = await upper.core.call('exchange.prepareReturn', { communeId: commune, fullPhotos: false });
    return Buffer.from((await upper.core.call('exchange.download', { sequence: prepared.sequence })).bytesBase64, 'base64');
  };
  return { bac, upper, venueId: venue.id, returnPackage };
}

const upperAction = async (core: CommuneOffice['core']) => (await core.call('actions.list', {})).find((action) => action.responsible === 'Văn phòng xã Kỳ Bắc');

describe('return package: the upper office\'s findings go down to the commune and their outcome comes back up', () => {
  it('arrive as findings from the upper office, with the action listed and the reprint queued; fixed there, they show fixed above', async () => {
    const { bac, upper, venueId, returnPackage } = await provinceInspectsBac();
    const bytes = await returnPackage();
    expect(await bac.core.call('exchange.receive', receiveInput(bytes))).toMatchObject({ communeName: 'Tỉnh Hà Tĩnh', alreadyReceived: false });
    const findings = await bac.core.call('findings.forVenue', { venueId });
    const fromAbove = findings.find((finding) => finding.note === 'Tỉnh: áp phích bạc màu');
    expect(fromAbove).toMatchObject({ receivedFrom: { unitName: 'Tỉnh Hà Tĩnh' }, action: { status: 'open', dueOn: '2026-12-15' } });
    expect(findings.filter((finding) => finding.receivedFrom === null)).toHaveLength(0);
    expect((await bac.core.call('findings.photo', { photoId: fromAbove!.photos[0].id, thumbnail: true })).mimeType).toBe('image/png');
    expect((await bac.core.call('posters.queue', {})).find((entry) => entry.venueId === venueId)?.reasons).toContain('requested');
    // The same package again changes nothing.
    expect(await bac.core.call('exchange.receive', receiveInput(bytes))).toMatchObject({ alreadyReceived: true });
    expect(await bac.core.call('findings.forVenue', { venueId })).toHaveLength(1);

    // The province's round is the province's: Kỳ Bắc acts on its findings but does not add to it or close it.
    const round = (await bac.core.call('rounds.list', {})).find((candidate) => candidate.name === 'Kiểm tra của tỉnh quý IV')!;
    expect(await bac.core.fail('rounds.close', { id: round.id, version: round.version, closeWithUnvisited: true })).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Đợt "Kiểm tra của tỉnh quý IV" là của Tỉnh Hà Tĩnh, chỉ văn phòng đó thêm cơ sở, ghi kết quả hay kết thúc đợt.',
    });

    // Kỳ Bắc reprints the venue's poster: the request clears and the action is done.
    const job = await bac.core.call('posters.createJob', { selection: { kind: 'venues', venueIds: [venueId] }, template: 'a4', reason: 'faded' });
    await bac.core.call('posters.recordPrinted', { jobId: job.jobId });
    expect(await upperAction(bac.core)).toMatchObject({ status: 'done' });

    // A second return package (nothing new) keeps what the commune did.
    await bac.core.call('exchange.receive', receiveInput(await returnPackage()));
    expect(await upperAction(bac.core)).toMatchObject({ status: 'done' });

    // Kỳ Bắc's next package carries the record back: the province's own record is now done, not doubled.
    expect(await upperAction(upper.core)).toMatchObject({ status: 'open' });
    await upper.core.call('exchange.receive', receiveInput(await sendPackage(bac)));
    const above = await upper.core.call('findings.forVenue', { venueId });
    expect(above.filter((finding) => finding.note === 'Tỉnh: áp phích bạc màu')).toEqual([
      expect.objectContaining({ receivedFrom: null, action: expect.objectContaining({ status: 'done' }) }),
    ]);
    expect((await upper.core.call('rounds.list', {})).filter((round) => round.name === 'Kiểm tra của tỉnh quý IV')).toHaveLength(1);
  });
});

describe('return package refusals name the reason and write nothing', () => {
  const nothingFromAbove = async (office: CommuneOffice, venueId: string) =>
    expect((await office.core.call('findings.forVenue', { venueId })).filter((finding) => finding.receivedFrom !== null)).toEqual([]);

  it('one byte altered', async () => {
    const { bac, venueId, returnPackage } = await provinceInspectsBac();
    const bytes = await returnPackage();
    const at = bytes.indexOf(Buffer.from('Tỉnh: áp phích bạc màu'));
    expect(at).toBeGreaterThan(0);
    const altered = Buffer.from(bytes);
    altered[at] = 'X'.charCodeAt(0);
    expect(await bac.core.fail('exchange.receive', receiveInput(altered))).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/gói đã bị sửa.*Chưa ghi gì/),
      // The same reason named for the page in English.
      sentence: { key: 'hashDiffers' },
    });
    await nothingFromAbove(bac, venueId);
  });

  it('signed by a key not trusted as the upper office\'s: one bound to a commune, or none trusted', async () => {
    const { bac, upper, venueId, returnPackage } = await provinceInspectsBac();
    const bytes = await returnPackage();
    const fresh = await communeOffice(freshCore(), 'kyBac');
    await fillRegister(fresh, ['Chợ Kỳ Bắc']);
    expect((await fresh.core.fail('exchange.receive', receiveInput(bytes))).message).toMatch(/chưa được tin cậy.*Chưa ghi gì/);
    // The province's key trusted, but bound to a commune: not the upper office's key.
    const phong = (await fresh.core.call('units.list', {})).find((unit) => unit.name === 'Xã Kỳ Phong')!;
    const upperKey = (await upper.core.call('codes.officeKey', {})).publicKey;
    await fresh.core.call('codes.trustKey', { officeName: 'UBND Tỉnh Hà Tĩnh', publicKey: upperKey, communeId: phong.id });
    expect((await fresh.core.fail('exchange.receive', receiveInput(bytes))).message).toMatch(
      /là khoá của Xã Kỳ Phong, không phải khoá của văn phòng cấp trên của Xã Kỳ Bắc.*Chưa ghi gì/,
    );
    expect((await fresh.core.fail('exchange.receive', receiveInput(bytes))).sentence?.key).toBe('notTheUpperOfficesKey');
    await nothingFromAbove(bac, venueId);
  });

  it('older than one received, or made for another commune, or a commune\'s package', async () => {
    const { bac, venueId, returnPackage, upper } = await provinceInspectsBac();
    const first = await returnPackage();
    const second = await returnPackage();
    const forPhong = await returnPackage(upper.communes.kyPhong);
    expect(await bac.core.fail('exchange.receive', receiveInput(forPhong))).toMatchObject({
      message: expect.stringMatching(/gói này dành cho Xã Kỳ Phong, không phải Xã Kỳ Bắc.*Chưa ghi gì/),
      sentence: { key: 'forAnotherCommune', values: { commune: 'Xã Kỳ Phong', home: 'Xã Kỳ Bắc' } },
    });
    expect((await bac.core.fail('exchange.receive', receiveInput(await sendPackage(bac)))).message).toMatch(
      /đây là gói dữ liệu của một xã gửi lên văn phòng cấp trên/,
    );
    await nothingFromAbove(bac, venueId);
    await bac.core.call('exchange.receive', receiveInput(second));
    expect(await bac.core.fail('exchange.receive', receiveInput(first))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/cũ hơn.*Chưa ghi gì/),
      sentence: { key: 'older', values: { sequence: 1, sender: 'Tỉnh Hà Tĩnh', last: 2 } },
    });
    // At the upper office a return package is not a commune's package.
    expect((await upper.core.fail('exchange.receive', receiveInput(first))).message).toMatch(/đây là gói trả về của văn phòng cấp trên/);
  });
});
