import { describe, expect, it } from 'vitest';
import { encodeWindows1258 } from '../support/import-fixtures';
import { decodeCsvBytes, parseCsv } from '../../main/import/text-decoding';

const NAMES = [
  'Chợ Kỳ Bắc',
  'Đường',
  'Nguyễn Thị Thuý',
  'Hoà Bình',
  'Hòa Bình',
  'Xóm Ngụ Quế',
  'Trường THCS Lê Quý Đôn',
  'UỶ BAN NHÂN DÂN XÃ KỲ BẮC',
  'Quán cà phê Đường Sắt',
  'Đặng Thị Ngọc Ánh',
  'Nguyễn Văn Đức',
  'Phường Đông Hà',
  'Thôn Tân Thượng',
  'Tổ dân phố Hưng Hoà',
  'Tạp hoá Bà Hương',
  'Karaoke Ước Mơ',
  'Cửa hàng xăng dầu Kỳ Anh',
  'Trạm Y tế xã Kỳ Tiến',
  'Bưu điện văn hoá xã',
  'Chùa Phước Hậu',
  'Nhà thờ Giáo xứ Xuân Hải',
  'Bến xe Hồng Lĩnh',
  'Quán bún bò Huế Ngự Bình',
  'Xưởng mộc Phúc Lộc',
  'Khách sạn Mường Thanh',
  'Hợp tác xã Thuỷ sản',
  'Quầy thuốc Khỏe',
  'Lê Thị Mỹ Duyên',
  'Huỳnh Tấn Phát',
  'ĐƯỜNG TRẦN PHÚ',
  'Ủy ban Mặt trận Tổ quốc',
  'Quán Ốc Ếch',
  'Chùa Ỷ Lan',
  'Lữ quán Khuya',
];

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (text: string) => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const decoded = decodeCsvBytes(withBom('STT;Tên cơ sở\r\n1;Chợ Kỳ Bắc\r\n'));
    expect(decoded).toEqual({ text: 'STT;Tên cơ sở\r\n1;Chợ Kỳ Bắc\r\n', encoding: 'utf-8-bom' });
  });

  it('reads UTF-8 without a BOM', () => {
    expect(decodeCsvBytes(utf8('Tên,Địa chỉ\nChợ Kỳ Bắc,Thôn 1\n'))).toEqual({
      text: 'Tên,Địa chỉ\nChợ Kỳ Bắc,Thôn 1\n',
      encoding: 'utf-8',
    });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeCsvBytes(utf8('a;b\r\n1;2\r\n'))).toEqual({ text: 'a;b\r\n1;2\r\n', encoding: 'utf-8' });
  });

  it('reads an empty file and a BOM alone', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
    expect(decodeCsvBytes(withBom(''))).toEqual({ text: '', encoding: 'utf-8-bom' });
  });

  it.each(NAMES)('reads %j from Windows-1258 bytes, in NFC', (name) => {
    const bytes = encodeWindows1258(`1;${name};0912 345 678\r\n`);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(decodeCsvBytes(bytes)).toEqual({ text: `1;${name};0912 345 678\r\n`, encoding: 'cp1258' });
  });

  it.each(NAMES)('reads %j from UTF-8, composed or decomposed, in NFC', (name) => {
    expect(decodeCsvBytes(withBom(name)).text).toBe(name);
    expect(decodeCsvBytes(utf8(name.normalize('NFD')))).toEqual({ text: name, encoding: 'utf-8' });
  });

  it('reads a whole Windows-1258 list', () => {
    const text = ['STT;Tên cơ sở;Địa chỉ', ...NAMES.map((name, index) => `${index + 1};${name};Thôn ${index % 5}`)].join('\r\n');
    const decoded = decodeCsvBytes(encodeWindows1258(text));
    expect(decoded.encoding).toBe('cp1258');
    expect(parseCsv(decoded.text).map((row) => row[1])).toEqual(['Tên cơ sở', ...NAMES]);
  });
});

describe('parseCsv', () => {
  it('parses what Excel saves with Vietnamese regional settings: BOM, ";" and CRLF', () => {
    const csv = 'STT;Tên cơ sở;Số điện thoại;Địa chỉ\r\n1;Chợ Kỳ Bắc;0912 345 678;Thôn 1\r\n2;Nhà nghỉ Hoà Bình;+84 912.345.679;Thôn 2\r\n';
    expect(parseCsv(decodeCsvBytes(withBom(csv)).text)).toEqual([
      ['STT', 'Tên cơ sở', 'Số điện thoại', 'Địa chỉ'],
      ['1', 'Chợ Kỳ Bắc', '0912 345 678', 'Thôn 1'],
      ['2', 'Nhà nghỉ Hoà Bình', '+84 912.345.679', 'Thôn 2'],
    ]);
  });

  it('parses "," with LF and no BOM', () => {
    expect(parseCsv(decodeCsvBytes(utf8('Tên,SĐT\nChợ Kỳ Bắc,0912345678\nTạp hoá Bà Hương,0987654321\n')).text)).toEqual([
      ['Tên', 'SĐT'],
      ['Chợ Kỳ Bắc', '0912345678'],
      ['Tạp hoá Bà Hương', '0987654321'],
    ]);
  });

  it('parses tab-separated text', () => {
    expect(parseCsv('Tên\tSĐT\r\nChợ Kỳ Bắc\t0912345678\r\n')).toEqual([
      ['Tên', 'SĐT'],
      ['Chợ Kỳ Bắc', '0912345678'],
    ]);
  });

  it('keeps quoted separators, doubled quotes and line breaks inside a cell', () => {
    const csv = 'Tên;Địa chỉ;Ghi chú\r\n"Quán ""Hoa Sen""";"Thôn 1; xã Kỳ Bắc\r\nHà Tĩnh";"a, b"\r\nChợ;Thôn 2;\r\n';
    expect(parseCsv(csv)).toEqual([
      ['Tên', 'Địa chỉ', 'Ghi chú'],
      ['Quán "Hoa Sen"', 'Thôn 1; xã Kỳ Bắc\r\nHà Tĩnh', 'a, b'],
      ['Chợ', 'Thôn 2', ''],
    ]);
    expect(parseCsv('Tên;Địa chỉ\n"Chợ";"Thôn 1;\nHà Tĩnh"\n')).toEqual([
      ['Tên', 'Địa chỉ'],
      ['Chợ', 'Thôn 1;\nHà Tĩnh'],
    ]);
  });

  it('normalizes every cell to NFC', () => {
    const rows = parseCsv('Tên;Địa chỉ\nChợ Kỳ Bắc;Xóm Ngụ Quế\n'.normalize('NFD'));
    expect(rows).toEqual([
      ['Tên', 'Địa chỉ'],
      ['Chợ Kỳ Bắc', 'Xóm Ngụ Quế'],
    ]);
    for (const cell of rows.flat()) expect(cell).toBe(cell.normalize('NFC'));
  });

  it('drops blank lines at the end but keeps those in the middle, so row numbers stay right', () => {
    expect(parseCsv('a;b\r\n\r\n1;2\r\n;\r\n\r\n')).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(parseCsv('a;b\n1;2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('chooses ";" even when unquoted addresses hold commas', () => {
    const csv = 'STT;Tên cơ sở;Địa chỉ\n1;Chợ Kỳ Bắc;Thôn 1, xã Kỳ Bắc\n2;Quán Hoa;Thôn 2, xã Kỳ Bắc, Hà Tĩnh\n3;Tạp hoá;Thôn 3, xã Kỳ Bắc\n';
    expect(parseCsv(csv).map((row) => row.length)).toEqual([3, 3, 3, 3]);
    expect(parseCsv(csv)[2][2]).toBe('Thôn 2, xã Kỳ Bắc, Hà Tĩnh');
  });

  it('chooses "," when a name holds a semicolon', () => {
    const csv = 'STT,Tên cơ sở,SĐT\n1,Chợ; Kỳ Bắc,0912345678\n2,Quán Hoa,0912345679\n';
    expect(parseCsv(csv)).toEqual([
      ['STT', 'Tên cơ sở', 'SĐT'],
      ['1', 'Chợ; Kỳ Bắc', '0912345678'],
      ['2', 'Quán Hoa', '0912345679'],
    ]);
  });

  it('reads title rows above the header, padded by Excel', () => {
    const csv = 'UỶ BAN NHÂN DÂN XÃ KỲ BẮC;;\r\nDANH SÁCH CƠ SỞ;;\r\n;;\r\nSTT;Tên cơ sở;SĐT\r\n1;Chợ Kỳ Bắc;0912345678\r\n;;\r\n';
    expect(parseCsv(csv)).toEqual([
      ['UỶ BAN NHÂN DÂN XÃ KỲ BẮC', '', ''],
      ['DANH SÁCH CƠ SỞ', '', ''],
      ['', '', ''],
      ['STT', 'Tên cơ sở', 'SĐT'],
      ['1', 'Chợ Kỳ Bắc', '0912345678'],
    ]);
  });

  it('reads a single column, an empty text and a leading BOM', () => {
    expect(parseCsv('Tên\nChợ Kỳ Bắc\n')).toEqual([['Tên'], ['Chợ Kỳ Bắc']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFFa;b\r\n')).toEqual([['a', 'b']]);
  });

  it.each(NAMES)('round-trips %j through a ";" CSV saved as UTF-8 with BOM and as Windows-1258', (name) => {
    const csv = `STT;Tên cơ sở\r\n1;"${name}"\r\n`;
    expect(parseCsv(decodeCsvBytes(withBom(csv)).text)[1]).toEqual(['1', name]);
    expect(parseCsv(decodeCsvBytes(encodeWindows1258(csv)).text)[1]).toEqual(['1', name]);
  });
});
