import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

/**
 * Hostile spreadsheets, made by code rather than kept as binaries: each is small on disk
 * and declares, unpacks to or nests far more than its real content. The .xlsx files are
 * zipped here part by part, streaming, so a part of a gigabyte is never held whole.
 */
type Text = string | Buffer;
/** A part's content as chunks, produced as the zip is written. */
type PartSource = () => Iterable<Text>;

async function deflatePart(source: PartSource) {
  let crc = 0;
  let size = 0;
  function* measured() {
    for (const text of source()) {
      const chunk = typeof text === 'string' ? Buffer.from(text) : text;
      crc = zlib.crc32(chunk, crc);
      size += chunk.length;
      yield chunk;
    }
  }
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(measured()).pipe(zlib.createDeflateRaw({ level: 6 }))) out.push(chunk as Buffer);
  return { data: Buffer.concat(out), crc, size };
}

/** A plain zip (deflate, no data descriptors): what Excel and ExcelJS write. */
async function zip(parts: Array<[string, PartSource]>): Promise<Buffer> {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, source] of parts) {
    const { data, crc, size } = await deflatePart(source);
    const fileName = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(8, 8);
    header.writeUInt16LE(0x21, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(fileName.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(fileName.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(header, fileName, data);
    central.push(entry, fileName);
    offset += header.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const once = (text: string): PartSource => () => [text];
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook of these sheets (named Trang1, Trang2…) around their sheetData's content, and shared strings if given. */
function workbook(sheets: PartSource[], sharedStrings?: PartSource): Promise<Buffer> {
  const numbers = sheets.map((_, index) => index + 1);
  const types = [
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`,
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
    '<Default Extension="xml" ContentType="application/xml"/>',
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
    ...numbers.map((n) => `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`),
    sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '',
    '</Types>',
  ].join('');
  const workbookXml = `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets>${numbers
    .map((n) => `<sheet name="Trang${n}" sheetId="${n}" r:id="rId${n}"/>`)
    .join('')}</sheets></workbook>`;
  const workbookRels = `${XML}<Relationships xmlns="${RELS}">${numbers
    .map((n) => `<Relationship Id="rId${n}" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet${n}.xml"/>`)
    .join('')}${sharedStrings ? `<Relationship Id="rIdS" Type="${DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`;
  const sheetPart = (data: PartSource): PartSource =>
    function* () {
      yield `${XML}<worksheet xmlns="${MAIN}"><sheetData>`;
      yield* data();
      yield '</sheetData></worksheet>';
    };
  return zip([
    ['[Content_Types].xml', once(types)],
    ['_rels/.rels', once(`${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`)],
    ['xl/workbook.xml', once(workbookXml)],
    ['xl/_rels/workbook.xml.rels', once(workbookRels)],
    ...(sharedStrings ? [['xl/sharedStrings.xml', sharedStrings] as [string, PartSource]] : []),
    ...sheets.map((data, index): [string, PartSource] => [`xl/worksheets/sheet${index + 1}.xml`, sheetPart(data)]),
  ]);
}

/** Rows given as [row number, column letters, inline text], in batches so a million rows are a few thousand chunks. */
function* rows(count: number, row: (index: number) => string): Iterable<string> {
  const batch: string[] = [];
  for (let index = 0; index < count; index++) {
    batch.push(row(index));
    if (batch.length === 1000) yield batch.splice(0).join('');
  }
  yield batch.join('');
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** The same bytes again and again, yielded a megabyte at a time. */
function* repeated(unit: string, bytes: number): Iterable<Buffer> {
  const chunk = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  for (let written = 0; written < bytes; written += chunk.length) yield chunk;
}
/** Excel's last column (XFD) and last row. */
const LAST_COLUMN = 'XFD';
const LAST_ROW = 1_048_576;

export interface HostileFile {
  name: string;
  fileName: string;
  /** What makes it hostile, as the finding said it. */
  about: string;
  /** The refusal it must get: a part of the Vietnamese sentence naming what was too big ('' for the control, read whole). */
  refusal: string;
  /** Slow to make or to refuse (seconds, hundreds of MB unpacked): measured by the bench, not the unit suite. */
  heavy?: boolean;
  make: () => Promise<Buffer>;
}

export const HOSTILE_FILES: HostileFile[] = [
  {
    name: 'last-column-rows',
    fileName: 'cot-cuoi.xlsx',
    about: '150,000 rows, one cell each in the last column (XFD)',
    refusal: 'Trang tính "Trang1" có hơn 400 cột',
    make: () => workbook([() => rows(150_000, (i) => `<row r="${i + 1}">${inline(`${LAST_COLUMN}${i + 1}`, 'x')}</row>`)]),
  },
  {
    name: 'last-row-50-sheets',
    fileName: 'dong-cuoi.xlsx',
    about: '50 sheets, one cell each at row 1,048,576',
    refusal: 'Tệp có hơn 200.000 dòng',
    make: () => workbook(Array.from({ length: 50 }, () => once(`<row r="${LAST_ROW}">${inline(`A${LAST_ROW}`, 'x')}</row>`))),
  },
  {
    name: 'huge-shared-string',
    fileName: 'chuoi-lon.xlsx',
    about: 'one shared string of 300 MB',
    refusal: 'có một ô dài hơn 32.767 ký tự',
    make: () =>
      workbook(
        [once('<row r="1"><c r="A1" t="s"><v>0</v></c></row>')],
        function* () {
          yield `${XML}<sst xmlns="${MAIN}" count="1" uniqueCount="1"><si><t>`;
          yield* repeated('a', 300 * 1024 * 1024);
          yield '</t></si></sst>';
        },
      ),
  },
  {
    name: 'long-inline-cell',
    fileName: 'o-dai.xlsx',
    about: 'one cell of 40,000 characters',
    refusal: 'Trang tính "Trang1" có một ô dài hơn 32.767 ký tự',
    make: () => workbook([once(`<row r="1">${inline('A1', 'a'.repeat(40_000))}</row>`)]),
  },
  {
    name: 'one-line-csv',
    fileName: 'mot-dong.csv',
    about: 'a 47 MB CSV of one line',
    refusal: 'Trang tính "mot-dong" có hơn 400 cột',
    make: async () => Buffer.from('a;'.repeat(47 * 512 * 1024)),
  },
  {
    name: 'deep-nesting',
    fileName: 'long-nhau.xlsx',
    about: 'XML nested 1,000,000 tags deep',
    refusal: 'lồng nhau quá sâu',
    make: () => workbook([() => [...repeated('<x>', 3_000_000), ...repeated('</x>', 4_000_000)]]),
  },
  {
    name: 'sheets-51',
    fileName: 'nhieu-trang.xlsx',
    about: '51 sheets of one cell',
    refusal: 'Tệp có hơn 50 trang tính',
    make: () => workbook(Array.from({ length: 51 }, () => once(`<row r="1">${inline('A1', 'x')}</row>`))),
  },
  {
    name: 'sparse-wide-rows',
    fileName: 'o-thua.xlsx',
    about: '20,000 rows of one cell each in column 400 (8,000,000 cells counted to each row end)',
    refusal: 'Tệp có hơn 6.000.000 ô',
    make: () => workbook([() => rows(20_000, (i) => `<row r="${i + 1}">${inline(`OJ${i + 1}`, 'x')}</row>`)]),
  },
  {
    name: 'zip-bomb',
    fileName: 'bom-nen.xlsx',
    about: 'a sheet that unpacks to 1 GB of empty cells',
    refusal: 'khi giải nén lớn hơn 400 MB',
    heavy: true,
    make: () => workbook([() => repeated('<c/>', 1024 * 1024 * 1024)]),
  },
  {
    name: 'million-rows',
    fileName: 'trieu-dong.xlsx',
    about: '1,000,000 rows of three cells',
    refusal: 'Tệp có hơn 200.000 dòng',
    heavy: true,
    make: () => workbook([() => rows(1_000_000, (i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c><c r="B${i + 1}"><v>${i * 7}</v></c><c r="C${i + 1}"><v>1</v></c></row>`)]),
  },
];

/**
 * The control beside the corpus: a real list near the caps, read whole, not refused (a
 * 28 MB CSV of 199,000 venues), so the bench shows what real content costs.
 */
export const LARGE_REAL_CSV: HostileFile = {
  name: 'large-real-csv',
  fileName: 'danh-sach-lon.csv',
  about: '199,000 venues of seven columns, read whole',
  refusal: '',
  heavy: true,
  make: async () => {
    const lines = ['STT;Tên cơ sở;Chủ hộ;SĐT;Địa chỉ;Thôn;Loại hình'];
    for (let i = 0; i < 199_000; i++) {
      lines.push(`${i + 1};Quán cà phê số ${i} Đường Sắt;Nguyễn Văn Đức ${i};09${String(i).padStart(8, '0')};Số ${i} đường ga, xã Kỳ Bắc;Thôn ${i % 40};Cà phê`);
    }
    return Buffer.from(lines.join('\r\n'));
  },
};

/** Writes the file into dir, returning its path. */
export async function writeHostileFile(file: HostileFile, dir: string): Promise<string> {
  const target = path.join(dir, file.fileName);
  fs.writeFileSync(target, await file.make());
  return target;
}
