import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { unicodeToTcvn3Chars, unicodeToVni } from '../../main/import/legacy-encoding';

/**
 * Spreadsheets as commune offices really keep them, made by the tests themselves (the
 * generator is committed, not opaque binaries): title rows above the header, merged
 * cells, a STT column, blank rows, a total row, NFD text, old tone placement, phones
 * stored as numbers, a duplicate row, a row without a name, legacy-font text.
 */

const toBase64 = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');

export interface FixtureFile {
  fileName: string;
  bytesBase64: string;
}

/** The messy commune list: 6 data rows, of which 1 repeats another, 1 has no name and 1 a bad phone. */
export async function messyCommuneXlsx(): Promise<FixtureFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DS co so');
  sheet.addRow(['UỶ BAN NHÂN DÂN XÃ KỲ BẮC']);
  sheet.mergeCells('A1:G1');
  sheet.addRow(['DANH SÁCH CƠ SỞ PHẢI NIÊM YẾT MÃ QR']);
  sheet.mergeCells('A2:G2');
  sheet.addRow([]);
  sheet.addRow(['STT', 'Tên cơ sở', 'Chủ hộ', 'SĐT', 'Địa chỉ', 'Thôn', 'Loại hình']);
  sheet.addRow([1, 'Chợ Kỳ Bắc'.normalize('NFD'), 'Ban quản lý chợ', 912345678, 'Gần UBND xã', 'Thôn Tân Thượng', 'Chợ']);
  sheet.addRow([2, 'Nhà nghỉ Hoà Bình', 'Trần Thị Thuý', '0987.654.321', 'Quốc lộ 1A', 'Thôn Hoà Bình', 'Nhà nghỉ']);
  sheet.addRow([]);
  sheet.addRow([3, 'Quán cà phê Đường Sắt', 'Nguyễn Văn Đức', '+84 905 111 222', 'Số 12 đường ga', 'Xóm Ga', 'Cà phê']);
  sheet.addRow([4, 'Quán cà phê Đường Sắt', 'Nguyễn Văn Đức', '0905111222', 'Số 12 đường ga', 'Xóm Ga', 'Cà phê']);
  sheet.addRow([5, '', 'Lê Văn Tám', '0912000111', 'Đầu thôn', 'Thôn Tân Thượng', 'Tạp hoá']);
  sheet.addRow([6, 'Tạp hoá Bà Hương', 'Lê Thị Hương', '12345', 'Đầu thôn', 'Thôn Tân Thượng', 'Tạp hoá']);
  sheet.addRow(['Tổng cộng', '6 cơ sở']);
  workbook.addWorksheet('Ghi chú').addRow(['Danh sách do thôn gửi lên, chưa rà soát.']);
  return { fileName: 'danh-sach-ky-bac.xlsx', bytesBase64: await toBase64(workbook) };
}

const LEGACY_ROWS = [
  ['Chợ Kỳ Bắc', 'Ban quản lý chợ', '0912 345 678', 'Thôn Tân Thượng'],
  ['Nhà nghỉ Hoà Bình', 'Trần Thị Thuý', '0987 654 321', 'Thôn Hoà Bình'],
  ['Quán bún bò Ngự Bình', 'Đặng Thị Ngọc Ánh', '0905 222 333', 'Xóm Ga'],
];

/** The same list typed with a legacy font: headers and text in TCVN3 (ABC) or VNI-Windows. */
export async function legacyXlsx(encoding: 'tcvn3' | 'vni'): Promise<FixtureFile> {
  const encode = encoding === 'tcvn3' ? unicodeToTcvn3Chars : unicodeToVni;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.addRow([encode('DANH SÁCH CƠ SỞ')]);
  sheet.addRow(['STT', encode('Tên cơ sở'), encode('Chủ cơ sở'), encode('Điện thoại'), encode('Thôn')]);
  LEGACY_ROWS.forEach(([name, owner, phone, village], index) => sheet.addRow([index + 1, encode(name), encode(owner), phone, encode(village)]));
  return { fileName: `danh-sach-${encoding}.xlsx`, bytesBase64: await toBase64(workbook) };
}

export const LEGACY_NAMES = LEGACY_ROWS.map(([name]) => name);

/** What Excel saves as "CSV (Comma delimited)" on Vietnamese regional settings: BOM, ';', CRLF. */
export function semicolonCsv(): FixtureFile {
  const lines = [
    'STT;Tên cơ sở;Số điện thoại;Địa chỉ;Loại hình',
    '1;Chợ Kỳ Bắc;0912 345 678;"Thôn Tân Thượng; gần trạm y tế";Chợ',
    '2;Karaoke Ước Mơ;0987654321;Quốc lộ 1A;Karaoke',
  ];
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
  return { fileName: 'danh-sach.csv', bytesBase64: bytes.toString('base64') };
}

/**
 * Bytes as Excel writes "CSV" on a Vietnamese Windows: Windows-1258 has the modified
 * letters (ă â ê ô ơ ư đ) and a few toned ones, and writes the other tones as a base
 * letter plus a combining tone mark.
 */
export function encodeWindows1258(text: string): Uint8Array {
  const pieces = Array.from(text.normalize('NFC'), (char) => {
    const whole = iconv.encode(char, 'cp1258');
    if (char === '?' || !whole.equals(Buffer.from('?'))) return whole;
    // NFD puts the dot below before a circumflex or breve: take the tone out wherever it is.
    const decomposed = char.normalize('NFD');
    const tone = decomposed.match(/[\u0300\u0301\u0303\u0309\u0323]/)?.[0] ?? '';
    return iconv.encode(decomposed.replace(tone, '').normalize('NFC') + tone, 'cp1258');
  });
  return Uint8Array.from(Buffer.concat(pieces));
}

/** The same CSV saved in Windows-1258 (older Excel, "CSV (MS-DOS)"). */
export function windows1258Csv(): FixtureFile {
  const text = 'Tên cơ sở,Số điện thoại\r\nQuán phở Hưng Hoà,0912 111 222\r\n';
  return { fileName: 'cu.csv', bytesBase64: Buffer.from(encodeWindows1258(text)).toString('base64') };
}

/** A zip that is not a workbook: what a broken download or USB stick leaves. */
export function corruptedXlsx(): FixtureFile {
  const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 0x41)]);
  return { fileName: 'hong.xlsx', bytesBase64: bytes.toString('base64') };
}

/** The start of an OLE file, as an old .xls has. */
export function oldXls(): FixtureFile {
  const bytes = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]);
  return { fileName: 'cu.xls', bytesBase64: bytes.toString('base64') };
}

/** An .xlsx of N synthetic venue rows, for the 100k import benchmark and the cancel test. */
export async function bigXlsx(rows: ReadonlyArray<{ name: string; ownerName: string; phones: string[]; address: string }>): Promise<FixtureFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['STT', 'Tên cơ sở', 'Chủ cơ sở', 'Số điện thoại', 'Địa chỉ']);
  rows.forEach((row, index) => sheet.addRow([index + 1, row.name, row.ownerName, row.phones.join(', '), row.address]));
  return { fileName: 'lon.xlsx', bytesBase64: await toBase64(workbook) };
}

/** Rows of a list whose phone column says "none" in the ways offices type it, beside a real number. */
export const NO_PHONE_ROWS = [
  ['Tạp hoá Cô Ba', 'không có', 'Thôn Tân Thượng'],
  ['Quán nước Ông Tư', 'ko', 'Thôn Hoà Bình'],
  ['Tiệm may Hồng Nhung', '-', 'Xóm Ga'],
  ['Chợ Kỳ Bắc', '0912 345 678', 'Thôn Tân Thượng'],
];

export async function noPhoneXlsx(): Promise<FixtureFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['Tên cơ sở', 'Điện thoại', 'Thôn']);
  NO_PHONE_ROWS.forEach((row) => sheet.addRow(row));
  return { fileName: 'khong-co-so.xlsx', bytesBase64: await toBase64(workbook) };
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const columnLetter = (index: number) => String.fromCharCode(65 + index);

/**
 * A valid workbook as other software's exporters write it (SheetJS and the like): cells as
 * inline strings, no styles, and the parts in an order Excel and a full read accept but
 * ExcelJS's streaming reader cannot follow: the shared strings and relationships first,
 * the worksheet next, the workbook part last (the streaming reader then names the sheet
 * before it knows the workbook, and throws).
 */
export async function exporterXlsx(rows: string[][], sheetName = 'Danh sách'): Promise<FixtureFile> {
  const [header, ...body] = rows;
  const cell = (text: string, row: number, column: number) =>
    `<c r="${columnLetter(column)}${row}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`;
  const sheetRows = [
    // The header through the shared strings, the data inline: exporters mix both.
    `<row r="1">${header.map((_, column) => `<c r="${columnLetter(column)}1" t="s"><v>${column}</v></c>`).join('')}</row>`,
    ...body.map((cells, index) => `<row r="${index + 2}">${cells.map((text, column) => cell(text, index + 2, column)).join('')}</row>`),
  ];
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const part = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="${part}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${part}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${part}.sharedStrings+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    'xl/sharedStrings.xml',
    `${XML_HEAD}<sst xmlns="${main}" count="${header.length}" uniqueCount="${header.length}">${header.map((text) => `<si><t>${xmlText(text)}</t></si>`).join('')}</sst>`,
  );
  zip.file('xl/worksheets/sheet1.xml', `${XML_HEAD}<worksheet xmlns="${main}"><sheetData>${sheetRows.join('')}</sheetData></worksheet>`);
  zip.file(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  );
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { fileName: 'xuat-tu-phan-mem-khac.xlsx', bytesBase64: bytes.toString('base64') };
}
