import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VenueDraft, type VenueDraftInput } from '../../shared/domain/venue';
import { AppError } from '../../shared/api/result';
import { openDatabase, type Db } from '../../main/db/open';
import { createVenue, getVenue, listVenues } from '../../main/venues/service';
import { makeTempDir } from '../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;
beforeEach(() => {
  temp = makeTempDir();
  db = openDatabase(path.join(temp.dir, 'venues.sqlite3'));
});
afterEach(() => {
  db.close();
  temp.remove();
});

const add = (input: VenueDraftInput) => createVenue(db, VenueDraft.parse(input));
const search = (text: string) => listVenues(db, { search: text, limit: 50, offset: 0 });
const namesFound = (text: string) => search(text).items.map((venue) => venue.name);

describe('createVenue', () => {
  it('stores NFC text, a UUIDv7 id, a short code and timestamps', () => {
    const venue = add({ name: '  Chợ Kỳ Bắc '.normalize('NFD'), type: 'market', phone: '0912 345 678' });
    expect(venue.name).toBe('Chợ Kỳ Bắc');
    expect(venue.name).toBe(venue.name.normalize('NFC'));
    expect(venue.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(venue.code).toBe('CS-0001');
    expect(venue.status).toBe('active');
    expect(Date.parse(venue.createdAt)).not.toBeNaN();
    expect(getVenue(db, venue.id)).toEqual(venue);
  });

  it('never hands out a code twice, even after a venue is deleted', () => {
    const first = add({ name: 'Quán A' });
    db.prepare('DELETE FROM venues WHERE id = ?').run(first.id);
    const second = add({ name: 'Quán B' });
    expect(second.code).toBe('CS-0002');
  });

  it('refuses a commune that does not exist, and saves nothing', () => {
    const missing = '0190a0b0-0000-7000-8000-000000000000';
    expect(() => add({ name: 'Quán C', communeId: missing })).toThrow(AppError);
    expect(search('').total).toBe(0);
  });
});

describe('listVenues search', () => {
  beforeEach(() => {
    add({ name: 'Chợ Kỳ Bắc', type: 'market', address: 'Thôn Tân Thượng' });
    add({ name: 'Quán cà phê Đường Sắt', type: 'cafe', phone: '0912.345.678', ownerName: 'Nguyễn Văn Đức' });
    add({ name: 'Nhà nghỉ Hoà Bình', type: 'hotel' });
  });

  it.each([
    ['cho ky bac', 'Chợ Kỳ Bắc'],
    ['duong sat', 'Quán cà phê Đường Sắt'],
    ['hòa bình', 'Nhà nghỉ Hoà Bình'],
    ['HOÀ BINH', 'Nhà nghỉ Hoà Bình'],
    ['cho ky b', 'Chợ Kỳ Bắc'],
    ['tan thuong', 'Chợ Kỳ Bắc'],
    ['nguyen van duc', 'Quán cà phê Đường Sắt'],
    ['0912345678', 'Quán cà phê Đường Sắt'],
    ['CS-0003', 'Nhà nghỉ Hoà Bình'],
  ])('%j finds %j', (text, expected) => {
    expect(namesFound(text)).toEqual([expected]);
    expect(namesFound(text.normalize('NFD'))).toEqual([expected]);
  });

  it('needs every word to match', () => {
    expect(namesFound('cho sat')).toEqual([]);
  });

  it('lists everything in Vietnamese order when the search is blank', () => {
    expect(namesFound('  ')).toEqual(['Chợ Kỳ Bắc', 'Nhà nghỉ Hoà Bình', 'Quán cà phê Đường Sắt']);
    expect(search('').total).toBe(3);
  });

  it('ranks a match in the name above a match in the address', () => {
    // bm25 needs a corpus in which the word is rare to score it at all.
    for (let n = 1; n <= 20; n++) add({ name: `Tạp hoá số ${n}`, address: 'Thôn Tân Thượng' });
    add({ name: 'Tạp hoá Lan', address: 'Xóm Bình Minh' });
    const found = namesFound('binh');
    expect(found).toHaveLength(2);
    expect(found.indexOf('Nhà nghỉ Hoà Bình')).toBeLessThan(found.indexOf('Tạp hoá Lan'));
  });

  it('treats FTS syntax in the query as plain words', () => {
    expect(() => search('"cho* OR NEAR(')).not.toThrow();
    expect(namesFound('cho" OR "nha')).toEqual([]);
  });

  it('pages with limit and offset and counts the whole result', () => {
    const page = listVenues(db, { search: '', limit: 2, offset: 2 });
    expect(page.items.map((venue) => venue.name)).toEqual(['Quán cà phê Đường Sắt']);
    expect(page.total).toBe(3);
  });
});
