import { describe, expect, it } from 'vitest';
import type { VenueCreateInput } from '../../shared/domain/venue';
import { useFreshCore, type TestCore } from '../support/core';

const freshCore = useFreshCore();

async function signedInCore(): Promise<TestCore> {
  const core = freshCore();
  await core.signIn();
  return core;
}

const add = (core: TestCore, input: VenueCreateInput) => core.call('venues.create', { acknowledgeDuplicates: true, ...input });
const search = (core: TestCore, text: string) => core.call('venues.list', { search: text, limit: 50 });
const namesFound = async (core: TestCore, text: string) => (await search(core, text)).items.map((venue) => venue.name);

describe('venues.create', () => {
  it('stores NFC text, a UUIDv7 id, a short code, who and when', async () => {
    const core = freshCore();
    const staff = await core.signIn('Trần Văn Bình');
    const venue = await add(core, { name: '  Chợ Kỳ Bắc '.normalize('NFD'), type: 'market', phones: ['+84 912.345.678'] });
    expect(venue.name).toBe('Chợ Kỳ Bắc');
    expect(venue.name).toBe(venue.name.normalize('NFC'));
    expect(venue.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(venue.code).toBe('CS-0001');
    expect(venue.phones).toEqual(['0912 345 678']);
    expect(venue.status).toBe('active');
    expect(venue.createdBy).toBe(staff.id);
    expect(Date.parse(venue.createdAt)).not.toBeNaN();
    const detail = await core.call('venues.get', { id: venue.id });
    expect(detail.venue).toEqual(venue);
    expect(detail.postingPoints).toMatchObject([{ label: 'Cửa chính', isMain: true, retired: false }]);
  });

  it('needs someone signed in, and saves nothing without', async () => {
    const core = freshCore();
    expect(await core.fail('venues.create', { name: 'Quán A' })).toMatchObject({ code: 'NOT_SIGNED_IN' });
    await core.signIn();
    expect((await search(core, '')).total).toBe(0);
  });

  it('never hands out a code twice, even after a venue is deleted', async () => {
    const core = await signedInCore();
    const first = await add(core, { name: 'Quán A' });
    // No operation deletes a venue; a database edited by hand must still not reuse codes.
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(`${core.dataDir}/diem-qr.sqlite3`);
    raw.pragma('foreign_keys = ON');
    raw.prepare('DELETE FROM posting_points WHERE venue_id = ?').run(first.id);
    raw.prepare('DELETE FROM venues WHERE id = ?').run(first.id);
    raw.close();
    expect((await add(core, { name: 'Quán B' })).code).toBe('CS-0002');
  });

  it('refuses a commune that does not exist, and saves nothing', async () => {
    const core = await signedInCore();
    const error = await core.fail('venues.create', { name: 'Quán C', communeId: '0190a0b0-0000-7000-8000-000000000000' });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'communeId', reason: 'unknown_reference' });
    expect((await search(core, '')).total).toBe(0);
  });

  it.each([
    [{ name: '   ' }, 'name', 'required'],
    [{ name: 'x'.repeat(201) }, 'name', 'too_long'],
    [{ name: 'Quán', phones: ['12345'] }, 'phones.0', 'invalid'],
    [{ name: 'Quán', phones: ['0912 345 678', 'abc'] }, 'phones.1', 'invalid'],
    [{ name: 'Quán', address: 'x'.repeat(301) }, 'address', 'too_long'],
    [{ name: 'Quán', latitude: 123 }, 'latitude', 'out_of_range'],
  ])('refuses %j on field %s and saves nothing', async (input, field, reason) => {
    const core = await signedInCore();
    expect(await core.fail('venues.create', input as VenueCreateInput)).toMatchObject({ code: 'INVALID_INPUT', field, reason });
    expect((await search(core, '')).total).toBe(0);
  });
});

describe('venues.update and venues.setStatus', () => {
  it('records who changed what, before and after, in the audit log', async () => {
    const core = freshCore();
    const lan = await core.signIn('Nguyễn Thị Lan');
    const venue = await add(core, { name: 'Quán cà phê Đường Sắt', phones: ['0912345678'] });
    const updated = await core.call('venues.update', { ...venue, phones: ['0987 654 321'], ownerName: 'Lê Văn Tám' });
    expect(updated.version).toBe(venue.version + 1);
    const history = await core.call('audit.list', { entity: 'venue', entityId: venue.id });
    expect(history.map((entry) => entry.action)).toEqual(['update', 'create']);
    expect(history[0]).toMatchObject({
      staffId: lan.id,
      staffName: 'Nguyễn Thị Lan',
      before: { phones: ['0912 345 678'], ownerName: '' },
      after: { phones: ['0987 654 321'], ownerName: 'Lê Văn Tám' },
    });
  });

  it('refuses an edit based on a stale version with CONFLICT, saving nothing', async () => {
    const core = await signedInCore();
    const venue = await add(core, { name: 'Nhà nghỉ Hoà Bình' });
    await core.call('venues.update', { ...venue, notes: 'Đã kiểm tra' });
    const error = await core.fail('venues.update', { ...venue, name: 'Nhà nghỉ Hòa Bình 2' });
    expect(error.code).toBe('CONFLICT');
    expect((await core.call('venues.get', { id: venue.id })).venue).toMatchObject({ name: 'Nhà nghỉ Hoà Bình', notes: 'Đã kiểm tra' });
  });

  it('closes and reopens a venue without deleting anything', async () => {
    const core = await signedInCore();
    const venue = await add(core, { name: 'Karaoke Ước Mơ' });
    const closed = await core.call('venues.setStatus', { id: venue.id, version: venue.version, status: 'closed' });
    expect(closed.status).toBe('closed');
    expect((await core.call('venues.list', { status: 'closed' })).total).toBe(1);
    expect((await core.call('venues.list', { status: 'active' })).total).toBe(0);
    const reopened = await core.call('venues.setStatus', { id: venue.id, version: closed.version, status: 'active' });
    expect(reopened.status).toBe('active');
    const actions = (await core.call('audit.list', { entity: 'venue', entityId: venue.id })).map((e) => e.action);
    expect(actions).toEqual(['status', 'status', 'create']);
  });
});

describe('duplicate warning', () => {
  it('finds the same phone, refuses to save unless acknowledged, then saves', async () => {
    const core = await signedInCore();
    const first = await add(core, { name: 'Tạp hoá Bà Hương', phones: ['0905 111 222'] });
    const candidates = await core.call('venues.findDuplicates', { name: 'Cửa hàng Hương', phones: ['+84905111222'] });
    expect(candidates).toMatchObject([{ venue: { id: first.id }, reasons: ['same_phone'] }]);
    const error = await core.fail('venues.create', { name: 'Cửa hàng Hương', phones: ['905111222'] });
    expect(error.code).toBe('DUPLICATE');
    expect((await search(core, '')).total).toBe(1);
    await core.call('venues.create', { name: 'Cửa hàng Hương', phones: ['905111222'], acknowledgeDuplicates: true });
    expect((await search(core, '')).total).toBe(2);
  });

  it('does not warn about the venue being edited itself', async () => {
    const core = await signedInCore();
    const venue = await add(core, { name: 'Quán A', phones: ['0912345678'] });
    expect(await core.call('venues.findDuplicates', { name: 'Quán A', phones: ['0912345678'], excludeId: venue.id })).toEqual([]);
    await core.call('venues.update', { ...venue, notes: 'x' });
  });
});

describe('posting points', () => {
  it('adds, renames and retires points, always keeping one in use', async () => {
    const core = await signedInCore();
    const market = await add(core, { name: 'Chợ Kỳ Bắc', type: 'market' });
    const [main] = (await core.call('venues.get', { id: market.id })).postingPoints;
    const gate = await core.call('postingPoints.add', { venueId: market.id, label: 'Cổng phụ' });
    await core.call('postingPoints.rename', { id: gate.id, label: 'Cổng phía Nam' });
    await core.call('postingPoints.retire', { id: main.id });
    const points = (await core.call('venues.get', { id: market.id })).postingPoints;
    expect(points).toMatchObject([
      { label: 'Cửa chính', retired: true, isMain: false },
      { label: 'Cổng phía Nam', retired: false, isMain: true },
    ]);
    expect(await core.fail('postingPoints.retire', { id: gate.id })).toMatchObject({ code: 'CONFLICT' });
    const actions = (await core.call('audit.list', { entity: 'venue', entityId: market.id })).map((e) => e.action);
    expect(actions).toEqual(['retire_posting_point', 'rename_posting_point', 'add_posting_point', 'create']);
  });
});

describe('venues.list search', () => {
  async function threeVenues() {
    const core = await signedInCore();
    await add(core, { name: 'Chợ Kỳ Bắc', type: 'market', address: 'Thôn Tân Thượng' });
    await add(core, { name: 'Quán cà phê Đường Sắt', type: 'cafe', phones: ['0912.345.678'], ownerName: 'Nguyễn Văn Đức' });
    await add(core, { name: 'Nhà nghỉ Hoà Bình', type: 'hotel' });
    return core;
  }

  it.each([
    ['cho ky bac', 'Chợ Kỳ Bắc'],
    ['duong sat', 'Quán cà phê Đường Sắt'],
    ['hòa bình', 'Nhà nghỉ Hoà Bình'],
    ['HOÀ BINH', 'Nhà nghỉ Hoà Bình'],
    ['cho ky b', 'Chợ Kỳ Bắc'],
    ['tan thuong', 'Chợ Kỳ Bắc'],
    ['nguyen van duc', 'Quán cà phê Đường Sắt'],
    ['0912345678', 'Quán cà phê Đường Sắt'],
    ['912345678', 'Quán cà phê Đường Sắt'],
    ['0912', 'Quán cà phê Đường Sắt'],
    ['0912 345 678', 'Quán cà phê Đường Sắt'],
    ['cs-0003', 'Nhà nghỉ Hoà Bình'],
    ['q', 'Quán cà phê Đường Sắt'],
    ['CS-0003', 'Nhà nghỉ Hoà Bình'],
  ])('%j finds %j', async (text, expected) => {
    const core = await threeVenues();
    expect(await namesFound(core, text)).toEqual([expected]);
    expect(await namesFound(core, text.normalize('NFD'))).toEqual([expected]);
  });

  it('needs every word to match, and treats FTS syntax as plain words', async () => {
    const core = await threeVenues();
    expect(await namesFound(core, 'cho sat')).toEqual([]);
    expect(await namesFound(core, '"cho* OR NEAR(')).toEqual([]);
  });

  it('lists in Vietnamese order, by code or by last change', async () => {
    const core = await threeVenues();
    expect(await namesFound(core, '  ')).toEqual(['Chợ Kỳ Bắc', 'Nhà nghỉ Hoà Bình', 'Quán cà phê Đường Sắt']);
    const byCode = await core.call('venues.list', { sort: 'code' });
    expect(byCode.items.map((v) => v.code)).toEqual(['CS-0001', 'CS-0002', 'CS-0003']);
    const cafe = byCode.items[1];
    // Timestamps have millisecond resolution: the edit must come in a later millisecond than the creations.
    const before = Date.now();
    await expect.poll(() => Date.now()).toBeGreaterThan(before);
    await core.call('venues.update', { ...cafe, notes: 'mới sửa' });
    const byUpdate = await core.call('venues.list', { sort: 'updated' });
    expect(byUpdate.items[0].name).toBe('Quán cà phê Đường Sắt');
  });

  it('filters by type and status, with and without search', async () => {
    const core = await threeVenues();
    expect((await core.call('venues.list', { type: 'cafe' })).items.map((v) => v.name)).toEqual(['Quán cà phê Đường Sắt']);
    expect((await core.call('venues.list', { type: 'cafe', search: 'cho' })).total).toBe(0);
    expect((await core.call('venues.list', { type: 'market', search: 'cho' })).total).toBe(1);
  });

  it('ranks a match in the name above a match in the address', async () => {
    const core = await threeVenues();
    // bm25 needs a corpus in which the word is rare to score it at all.
    for (let n = 1; n <= 20; n++) await add(core, { name: `Tạp hoá số ${n}`, address: 'Thôn Tân Thượng' });
    await add(core, { name: 'Tạp hoá Lan', address: 'Xóm Bình Minh' });
    expect(await namesFound(core, 'binh')).toEqual(['Nhà nghỉ Hoà Bình', 'Tạp hoá Lan']);
  });

  it('pages with limit and offset and counts the whole result', async () => {
    const core = await threeVenues();
    const page = await core.call('venues.list', { limit: 2, offset: 2 });
    expect(page.items.map((venue) => venue.name)).toEqual(['Quán cà phê Đường Sắt']);
    expect(page.total).toBe(3);
  });
});
