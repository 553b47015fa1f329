import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { IMPORT_LIMITS } from '../../shared/domain/import';
import type { Job } from '../jobs/job';
import { tooBig } from './too-big';

/**
 * An .xlsx is a zip of XML parts, and what a part unpacks to is not what the zip declares:
 * a 1 MB file can unpack to gigabytes (a zip bomb), hold one shared string of a gigabyte,
 * or nest tags a million deep. Before the spreadsheet reader sees it, every part is
 * unpacked here as a stream, a few kilobytes at a time, and measured, never kept: a file
 * past a cap is refused before any of it is parsed.
 */
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const STORED = 0;
const DEFLATED = 8;
const MAX_DEPTH = 64;
const MAX_TAG_BYTES = 64 * 1024;
/** A cell's text as XML: up to 3 bytes a character in UTF-8, more when written as entities. */
const MAX_TEXT_BYTES = IMPORT_LIMITS.cellChars * 8;
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS_PART = /^xl\/sharedStrings\.xml$/i;

interface Part {
  name: string;
  method: number;
  data: Buffer;
}

/** The zip's parts as its central directory lists them; null when it has none (then the reader calls the file corrupted). */
function zipParts(zip: Buffer): Part[] | null {
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const parts: Part[] = [];
  for (let index = 0; index < count; index++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const compressed = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (local + 30 > zip.length) return null;
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    parts.push({ name, method: zip.readUInt16LE(at + 10), data: zip.subarray(dataStart, dataStart + compressed) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

const ROW_TAG = [0x72, 0x6f, 0x77]; // "row"
const ends = (byte: number) => byte === 0x20 || byte === 0x3e || byte === 0x2f || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/** Walks XML bytes as they unpack, keeping only counters: depth, rows, the current tag's and text's length. */
class XmlShape {
  /** <row> tags seen: a sheet of a million rows is refused before any is parsed. */
  rows = 0;
  private depth = 0;
  private inTag = false;
  private tagLength = 0;
  private textLength = 0;
  /** 'open' for <a>, 'close' for </a>, 'other' for <?xml?>, <!-- -->. */
  private kind: 'open' | 'close' | 'other' = 'open';
  private previous = 0;
  /** The tag begun so far reads "row". */
  private maybeRow = false;

  /** A new part starts outside any tag; the rows counted go on across the sheets. */
  startPart(): void {
    this.depth = 0;
    this.inTag = false;
    this.textLength = 0;
  }

  feed(chunk: Buffer): void {
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index];
      if (this.inTag) {
        if (this.tagLength === 0) this.kind = byte === 0x2f ? 'close' : byte === 0x3f || byte === 0x21 ? 'other' : 'open';
        this.countRow(byte);
        if (byte === 0x3e) {
          this.inTag = false;
          if (this.kind === 'close') this.depth = Math.max(0, this.depth - 1);
          // <a/> closes itself.
          else if (this.kind === 'open' && this.previous !== 0x2f && ++this.depth > MAX_DEPTH) throw tooBig.structure();
        } else if (++this.tagLength > MAX_TAG_BYTES) throw tooBig.structure();
      } else if (byte === 0x3c) {
        this.inTag = true;
        this.tagLength = 0;
        this.textLength = 0;
      } else if (++this.textLength > MAX_TEXT_BYTES) throw tooBig.cell();
      this.previous = byte;
    }
  }

  /** Called for each byte of a tag before its length counts it: matches "<row" then a space, "/" or ">". */
  private countRow(byte: number): void {
    if (this.tagLength < ROW_TAG.length) this.maybeRow = (this.tagLength === 0 || this.maybeRow) && byte === ROW_TAG[this.tagLength];
    else if (this.tagLength === ROW_TAG.length && this.maybeRow && ends(byte) && ++this.rows > IMPORT_LIMITS.rows) throw tooBig.rows();
  }
}

/**
 * Refuses an .xlsx with more sheets than the cap, or whose parts unpack past the caps, to
 * too deep a nesting, too long a tag or a cell's text longer than Excel's own limit. Returns
 * what the parts unpack to, so the caller knows whether reading it whole is affordable.
 */
export async function guardXlsx(zip: Buffer, job: Job): Promise<{ unpackedBytes: number } | null> {
  const parts = zipParts(zip);
  if (parts === null) return null;
  if (parts.filter((part) => SHEET_PART.test(part.name)).length > IMPORT_LIMITS.sheets) throw tooBig.sheets();
  let unpacked = 0;
  const shape = new XmlShape();
  for (const part of parts) {
    if (part.method !== STORED && part.method !== DEFLATED) continue;
    const sharedStrings = SHARED_STRINGS_PART.test(part.name);
    shape.startPart();
    let partBytes = 0;
    const source = Readable.from([part.data]);
    const chunks = part.method === DEFLATED ? source.pipe(zlib.createInflateRaw()) : source;
    try {
      for await (const chunk of chunks as AsyncIterable<Buffer>) {
        partBytes += chunk.length;
        unpacked += chunk.length;
        if (unpacked > IMPORT_LIMITS.unpackedBytes) throw tooBig.unpacked();
        if (sharedStrings && partBytes > IMPORT_LIMITS.sharedStringBytes) throw tooBig.sharedStrings();
        if (part.name.endsWith('.xml') || part.name.endsWith('.rels')) shape.feed(chunk);
      }
    } catch (error) {
      // A part that does not unpack is the reader's to call corrupted; a cap passed is ours to say.
      if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('Z_')) continue;
      throw error;
    } finally {
      source.destroy();
      if (chunks !== source) (chunks as zlib.InflateRaw).destroy();
    }
    await job.pause();
  }
  return { unpackedBytes: unpacked };
}
