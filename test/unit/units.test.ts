import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AdminUnit } from '../../shared/domain/admin-unit';
import { buildTree, type UnitNode } from '../../renderer/units/unit-tree';
import { useFreshCore, type TestCore } from '../support/core';

const freshCore = useFreshCore();

async function signedInCore(): Promise<TestCore> {
  const core = freshCore();
  await core.signIn();
  return core;
}

const allUnits = (core: TestCore) => core.call('units.list', { includeRetired: true });

async function unitNamed(core: TestCore, name: string): Promise<AdminUnit> {
  const unit = (await allUnits(core)).find((candidate) => candidate.name === name);
  if (!unit) throw new Error(`no unit named ${name}`);
  return unit;
}

/** A workbook like the statistics office's downloads, as the renderer would send it. */
async function xlsxBase64(rows: unknown[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const TITLE_ROWS = [['DANH MỤC ĐƠN VỊ HÀNH CHÍNH VIỆT NAM'], ['Ngày xuất: 15/03/2024'], []];

/** Before 2025: province → district → commune; codes as numbers, as Excel keeps them when typed. */
const OLD_LIST = [
  ...TITLE_ROWS,
  ['Tỉnh / Thành phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp', 'Tên Tiếng Anh'],
  ['Thành phố Hà Nội', 1, 'Quận Ba Đình', 1, 'Phường Phúc Xá', 1, 'Phường', 'Phuc Xa Ward'],
  ['Thành phố Hà Nội', 1, 'Quận Ba Đình', 1, 'Phường Trúc Bạch', 4, 'Phường', 'Truc Bach Ward'],
  ['Tỉnh Hà Tĩnh', '42', 'Huyện Kỳ Anh', '444', 'Xã Kỳ Bắc', '18070', 'Xã', 'Ky Bac Commune'],
  ['Tỉnh Hà Tĩnh', '42', 'Huyện Kỳ Anh', '444', 'Xã Kỳ Phong', '18073', 'Xã', 'Ky Phong Commune'],
  [],
  ['Ghi chú: danh sách do cơ quan thống kê cung cấp'],
];

/** Since 2025: no districts; names without their kind, which the "Cấp" column gives. */
const NEW_LIST = [
  ['DANH MỤC ĐƠN VỊ HÀNH CHÍNH SAU SẮP XẾP'],
  [],
  ['STT', 'Mã tỉnh', 'Tỉnh / Thành phố', 'Mã xã', 'Tên xã', 'Cấp'],
  [1, '42', 'Tỉnh Hà Tĩnh', '18070', 'Kỳ Bắc', 'Xã'],
  [2, '42', 'Tỉnh Hà Tĩnh', '18073', 'Xã Kỳ Phong', 'Xã'],
  [3, '42', 'Tỉnh Hà Tĩnh', '18100', 'Kỳ Lạc', 'Xã'],
];

describe('units.create', () => {
  it('places each level under a level above it, a commune under a district or straight under its province', async () => {
    const core = await signedInCore();
    const province = await core.call('units.create', { level: 'province', name: 'Tỉnh Hà Tĩnh' });
    const district = await core.call('units.create', { level: 'district', name: 'Huyện Kỳ Anh', parentId: province.id });
    const underDistrict = await core.call('units.create', { level: 'commune', name: 'Xã Kỳ Bắc', parentId: district.id });
    const underProvince = await core.call('units.create', { level: 'commune', name: 'Xã Kỳ Lạc', parentId: province.id });
    const village = await core.call('units.create', { level: 'village', name: ' Thôn  Tân Thượng ', parentId: underDistrict.id });

    expect(village).toMatchObject({ name: 'Thôn Tân Thượng', parentId: underDistrict.id, isExample: false, retired: false, version: 1 });
    expect(underProvince.parentId).toBe(province.id);
    expect((await allUnits(core)).map((unit) => unit.level)).toEqual(['commune', 'commune', 'district', 'province', 'village']);
  });

  it('refuses a parent of the wrong level, a missing or unknown parent, and saves nothing', async () => {
    const core = await signedInCore();
    const province = await core.call('units.create', { level: 'province', name: 'Tỉnh Hà Tĩnh' });
    const cases = [
      [{ level: 'village', name: 'Thôn A', parentId: province.id }, 'parentId', 'invalid'],
      [{ level: 'province', name: 'Tỉnh B', parentId: province.id }, 'parentId', 'invalid'],
      [{ level: 'district', name: 'Huyện C' }, 'parentId', 'required'],
      [{ level: 'commune', name: 'Xã D', parentId: '0190a0b0-0000-7000-8000-000000000000' }, 'parentId', 'unknown_reference'],
      [{ level: 'commune', name: '   ', parentId: province.id }, 'name', 'required'],
      [{ level: 'district', name: 'Huyện E', parentId: province.id, codePrefix: 'KB' }, 'codePrefix', 'invalid'],
    ] as const;
    for (const [input, field, reason] of cases) {
      expect(await core.fail('units.create', input)).toMatchObject({ code: 'INVALID_INPUT', field, reason });
    }
    expect(await allUnits(core)).toHaveLength(1);
  });

  it('needs someone signed in', async () => {
    const core = freshCore();
    expect(await core.fail('units.create', { level: 'province', name: 'Tỉnh Hà Tĩnh' })).toMatchObject({ code: 'NOT_SIGNED_IN' });
  });

  it('keeps official codes unique per level, whether typed as "1" or "01"', async () => {
    const core = await signedInCore();
    const hanoi = await core.call('units.create', { level: 'province', name: 'Thành phố Hà Nội', officialCode: '1' });
    expect(hanoi.officialCode).toBe('01');
    expect(await core.fail('units.create', { level: 'province', name: 'Tỉnh Khác', officialCode: '01' })).toMatchObject({
      code: 'DUPLICATE',
      field: 'officialCode',
    });
    // The same digits at another level are another code.
    const district = await core.call('units.create', { level: 'district', name: 'Quận Ba Đình', parentId: hanoi.id, officialCode: '01' });
    expect(district.officialCode).toBe('001');

    const hatinh = await core.call('units.create', { level: 'province', name: 'Tỉnh Hà Tĩnh', officialCode: '42' });
    const taken = await core.fail('units.update', { id: hatinh.id, version: hatinh.version, name: hatinh.name, officialCode: '01' });
    expect(taken).toMatchObject({ code: 'DUPLICATE', field: 'officialCode' });
  });
});

describe('units.update', () => {
  it('renames and sets the code prefix, audited with who did it; a stale version is a CONFLICT', async () => {
    const core = await signedInCore();
    const staff = (await core.call('session.get', {})).staff!;
    const province = await core.call('units.create', { level: 'province', name: 'Tỉnh Hà Tĩnh' });
    const commune = await core.call('units.create', { level: 'commune', name: 'Xã Kỳ Bắc', parentId: province.id });

    const renamed = await core.call('units.update', { id: commune.id, version: commune.version, name: 'Phường Kỳ Bắc', codePrefix: 'kb 2' });
    expect(renamed).toMatchObject({ name: 'Phường Kỳ Bắc', codePrefix: 'KB2', version: 2 });
    expect((await core.call('venues.create', { name: 'Chợ Kỳ Bắc', communeId: commune.id })).code).toMatch(/^KB2-/);

    const stale = await core.fail('units.update', { id: commune.id, version: commune.version, name: 'Xã Kỳ Bắc Mới' });
    expect(stale.code).toBe('CONFLICT');
    expect((await unitNamed(core, 'Phường Kỳ Bắc')).version).toBe(2);

    const [latest] = await core.call('audit.list', { entity: 'unit', entityId: commune.id });
    expect(latest).toMatchObject({
      action: 'update',
      staffId: staff.id,
      before: { name: 'Xã Kỳ Bắc', codePrefix: null },
      after: { name: 'Phường Kỳ Bắc', codePrefix: 'KB2' },
    });
  });

  it('refuses a code prefix that cannot be read over the phone', async () => {
    const core = await signedInCore();
    const province = await core.call('units.create', { level: 'province', name: 'Tỉnh Hà Tĩnh' });
    const commune = await core.call('units.create', { level: 'commune', name: 'Xã Kỳ Bắc', parentId: province.id });
    const refused = await core.fail('units.update', { id: commune.id, version: 1, name: commune.name, codePrefix: 'K-B' });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', field: 'codePrefix' });
  });
});

describe('units.seedExample', () => {
  it('adds the labelled Hà Tĩnh example once, however often it is pressed', async () => {
    const core = await signedInCore();
    expect(await core.call('units.seedExample', {})).toEqual({ added: 9 });
    const first = await allUnits(core);
    expect(first.every((unit) => unit.isExample)).toBe(true);
    expect(first.map((unit) => unit.name)).toEqual(
      expect.arrayContaining(['Tỉnh Hà Tĩnh', 'Huyện Kỳ Anh', 'Xã Kỳ Bắc', 'Xã Kỳ Phong', 'Thôn Tân Thượng', 'Thôn Hoà Bình', 'Xóm Ga', 'Thôn Bắc Phong', 'Thôn Đông Phong']),
    );
    const xomGa = await unitNamed(core, 'Xóm Ga');
    expect(xomGa.parentId).toBe((await unitNamed(core, 'Xã Kỳ Bắc')).id);

    expect(await core.call('units.seedExample', {})).toEqual({ added: 0 });
    expect(await allUnits(core)).toEqual(first);
  });
});

describe('units.merge', () => {
  async function seeded() {
    const core = await signedInCore();
    await core.call('units.seedExample', {});
    return { core, kyBac: await unitNamed(core, 'Xã Kỳ Bắc'), kyPhong: await unitNamed(core, 'Xã Kỳ Phong'), xomGa: await unitNamed(core, 'Xóm Ga') };
  }

  it('moves venues and villages to the target commune, keeps their history, and retires the merged commune', async () => {
    const { core, kyBac, kyPhong, xomGa } = await seeded();
    const market = await core.call('venues.create', { name: 'Chợ Kỳ Bắc', type: 'market', communeId: kyBac.id });
    const shop = await core.call('venues.create', { name: 'Tạp hoá Xóm Ga', type: 'shop', villageId: xomGa.id });
    expect(await core.call('units.venueCounts', {})).toMatchObject({ [kyBac.id]: 2, [xomGa.id]: 1 });

    const result = await core.call('units.merge', { fromId: kyBac.id, intoId: kyPhong.id });
    expect(result).toMatchObject({ into: { id: kyPhong.id }, venuesMoved: 2, unitsMoved: 3 });

    const movedMarket = (await core.call('venues.get', { id: market.id })).venue;
    expect(movedMarket).toMatchObject({ communeId: kyPhong.id, villageId: null, code: market.code, version: market.version + 1 });
    expect((await core.call('venues.get', { id: shop.id })).venue).toMatchObject({ communeId: kyPhong.id, villageId: xomGa.id });
    expect((await unitNamed(core, 'Xóm Ga')).parentId).toBe(kyPhong.id);
    expect(await core.call('units.venueCounts', {})).toEqual({ [kyPhong.id]: 2, [xomGa.id]: 1 });

    const history = await core.call('audit.list', { entity: 'venue', entityId: market.id });
    expect(history.map((entry) => entry.action)).toEqual(['unit_merge', 'create']);
    expect(history[0]).toMatchObject({
      before: { communeId: kyBac.id, villageId: null },
      after: { communeId: kyPhong.id, villageId: null },
      staffName: 'Nguyễn Thị Lan',
    });

    expect(await unitNamed(core, 'Xã Kỳ Bắc')).toMatchObject({ retired: true, mergedIntoId: kyPhong.id });
    const inUse = await core.call('units.list', {});
    expect(inUse.map((unit) => unit.name)).not.toContain('Xã Kỳ Bắc');
  });

  it('takes a merged village’s venues to the target village and its commune', async () => {
    const { core, kyPhong, xomGa } = await seeded();
    const bacPhong = await unitNamed(core, 'Thôn Bắc Phong');
    const shop = await core.call('venues.create', { name: 'Tạp hoá Xóm Ga', villageId: xomGa.id });
    await core.call('units.merge', { fromId: xomGa.id, intoId: bacPhong.id });
    expect((await core.call('venues.get', { id: shop.id })).venue).toMatchObject({ communeId: kyPhong.id, villageId: bacPhong.id });
  });

  it('refuses another level, the unit itself or a retired unit, and changes nothing', async () => {
    const { core, kyBac, xomGa } = await seeded();
    const before = await allUnits(core);
    for (const intoId of [xomGa.id, kyBac.id]) {
      expect(await core.fail('units.merge', { fromId: kyBac.id, intoId })).toMatchObject({ code: 'INVALID_INPUT', field: 'intoId' });
    }
    const hoaBinh = await unitNamed(core, 'Thôn Hoà Bình');
    await core.call('units.merge', { fromId: hoaBinh.id, intoId: xomGa.id });
    expect(await core.fail('units.merge', { fromId: xomGa.id, intoId: hoaBinh.id })).toMatchObject({ field: 'intoId' });
    expect(await core.fail('units.merge', { fromId: hoaBinh.id, intoId: xomGa.id })).toMatchObject({ field: 'fromId' });
    expect((await allUnits(core)).filter((unit) => unit.retired).map((unit) => unit.id)).toEqual([hoaBinh.id]);
    expect((await allUnits(core)).length).toBe(before.length);
  });
});

describe('units.retire', () => {
  it('refuses a unit that venues or units in use depend on, retires an unused one', async () => {
    const core = await signedInCore();
    await core.call('units.seedExample', {});
    const kyBac = await unitNamed(core, 'Xã Kỳ Bắc');
    const xomGa = await unitNamed(core, 'Xóm Ga');
    const hoaBinh = await unitNamed(core, 'Thôn Hoà Bình');
    await core.call('venues.create', { name: 'Quán nước Xóm Ga', villageId: xomGa.id });

    expect(await core.fail('units.retire', { id: kyBac.id })).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(await core.fail('units.retire', { id: xomGa.id })).toMatchObject({ code: 'CONFLICT', field: 'id' });

    const retired = await core.call('units.retire', { id: hoaBinh.id });
    expect(retired).toMatchObject({ retired: true, mergedIntoId: null, version: hoaBinh.version + 1 });
    expect(await core.call('units.retire', { id: hoaBinh.id })).toEqual(retired);
    const [entry] = await core.call('audit.list', { entity: 'unit', entityId: hoaBinh.id });
    expect(entry).toMatchObject({ action: 'retire', before: { retired: false }, after: { retired: true } });
  });
});

describe('units.import', () => {
  it('reads the list below its title rows, pads numeric codes, and re-importing adds nothing', async () => {
    const core = await signedInCore();
    const bytesBase64 = await xlsxBase64(OLD_LIST);
    const summary = await core.call('units.import', { fileName: 'danh-muc-2024.xlsx', bytesBase64 });
    expect(summary).toEqual({ provinces: 2, districts: 2, communes: 4, added: 8, updated: 0 });

    expect(await unitNamed(core, 'Phường Phúc Xá')).toMatchObject({ officialCode: '00001', level: 'commune' });
    expect(await unitNamed(core, 'Thành phố Hà Nội')).toMatchObject({ officialCode: '01', parentId: null });
    const kyAnh = await unitNamed(core, 'Huyện Kỳ Anh');
    expect(await unitNamed(core, 'Xã Kỳ Bắc')).toMatchObject({ parentId: kyAnh.id, officialCode: '18070' });

    const before = await allUnits(core);
    const again = await core.call('units.import', { fileName: 'danh-muc-2024.xlsx', bytesBase64 });
    expect(again).toEqual({ provinces: 2, districts: 2, communes: 4, added: 0, updated: 0 });
    expect(await allUnits(core)).toEqual(before);
  });

  it('follows a district-less list from 2025: communes move under the province, new ones are added, none duplicated', async () => {
    const core = await signedInCore();
    await core.call('units.import', { fileName: 'cu.xlsx', bytesBase64: await xlsxBase64(OLD_LIST) });
    const summary = await core.call('units.import', { fileName: 'moi.xlsx', bytesBase64: await xlsxBase64(NEW_LIST) });
    expect(summary).toEqual({ provinces: 1, districts: 0, communes: 3, added: 1, updated: 2 });

    const hatinh = await unitNamed(core, 'Tỉnh Hà Tĩnh');
    const communes = (await allUnits(core)).filter((unit) => unit.level === 'commune' && unit.parentId === hatinh.id);
    expect(communes.map((unit) => unit.name).sort()).toEqual(['Xã Kỳ Bắc', 'Xã Kỳ Lạc', 'Xã Kỳ Phong']);
    // The abolished district stays on record, empty, for the office to retire.
    expect(await core.call('units.retire', { id: (await unitNamed(core, 'Huyện Kỳ Anh')).id })).toMatchObject({ retired: true });
    expect((await allUnits(core)).filter((unit) => unit.officialCode === '18070')).toHaveLength(1);
  });

  it('gives its code to a unit typed by hand instead of adding it twice', async () => {
    const core = await signedInCore();
    const typed = await core.call('units.create', { level: 'province', name: 'Tỉnh Hà Tĩnh' });
    await core.call('units.import', { fileName: 'moi.xlsx', bytesBase64: await xlsxBase64(NEW_LIST) });
    expect(await unitNamed(core, 'Tỉnh Hà Tĩnh')).toMatchObject({ id: typed.id, officialCode: '42' });
    expect((await allUnits(core)).filter((unit) => unit.level === 'province')).toHaveLength(1);
  });

  it('refuses a file that is not the list with UNSUPPORTED_FILE and writes nothing', async () => {
    const core = await signedInCore();
    const files = [
      Buffer.from('Tỉnh,Mã TP,Phường Xã,Mã PX\nHà Tĩnh,42,Kỳ Bắc,18070\n').toString('base64'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]).toString('base64'),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]).toString('base64'),
      await xlsxBase64([['Họ tên', 'Số điện thoại'], ['Nguyễn Văn An', '0912345678']]),
    ];
    for (const bytesBase64 of files) {
      expect(await core.fail('units.import', { fileName: 'sai.xlsx', bytesBase64 })).toMatchObject({
        code: 'UNSUPPORTED_FILE',
        message: expect.stringContaining('importUnits: sai.xlsx'),
      });
    }
    expect(await allUnits(core)).toEqual([]);
  });

  it('names the row that lacks a code or name, and imports none of the file', async () => {
    const core = await signedInCore();
    const broken = [...OLD_LIST.slice(0, 6), ['Tỉnh Hà Tĩnh', '', 'Huyện Kỳ Anh', '444', 'Xã Kỳ Bắc', '18070', 'Xã']];
    const error = await core.fail('units.import', { fileName: 'loi.xlsx', bytesBase64: await xlsxBase64(broken) });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'rows.7', message: expect.stringContaining('dòng 7') });
    expect(await allUnits(core)).toEqual([]);
  });

  it('refuses a file over 20 MB before reading it', async () => {
    const core = await signedInCore();
    const error = await core.fail('units.import', { fileName: 'lon.xlsx', bytesBase64: 'QUJD'.repeat(7_000_001) });
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'bytesBase64', reason: 'too_long' });
  });
});

describe('buildTree (the units page)', () => {
  /** The tree as indented lines, as the page shows it. */
  const outline = (nodes: UnitNode[], depth = 0): string[] =>
    nodes.flatMap((node) => [`${'  '.repeat(depth)}${node.unit.name}`, ...outline(node.children, depth + 1)]);

  it('nests units in Vietnamese order and filters by folded name, keeping the way down and what is below', async () => {
    const core = await signedInCore();
    await core.call('units.seedExample', {});
    const units = await allUnits(core);

    expect(outline(buildTree(units, ''))).toEqual([
      'Tỉnh Hà Tĩnh',
      '  Huyện Kỳ Anh',
      '    Xã Kỳ Bắc',
      '      Thôn Hoà Bình',
      '      Thôn Tân Thượng',
      '      Xóm Ga',
      '    Xã Kỳ Phong',
      '      Thôn Bắc Phong',
      '      Thôn Đông Phong',
    ]);
    expect(outline(buildTree(units, 'KY PHONG'))).toEqual([
      'Tỉnh Hà Tĩnh',
      '  Huyện Kỳ Anh',
      '    Xã Kỳ Phong',
      '      Thôn Bắc Phong',
      '      Thôn Đông Phong',
    ]);
    expect(outline(buildTree(units, 'hòa binh'))).toEqual(['Tỉnh Hà Tĩnh', '  Huyện Kỳ Anh', '    Xã Kỳ Bắc', '      Thôn Hoà Bình']);
    expect(buildTree(units, 'không có')).toEqual([]);
  });
});
