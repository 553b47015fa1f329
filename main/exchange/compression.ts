import zlib from 'node:zlib';
import { AppError } from '../../shared/api/result';
import { PACKAGE_LIMIT_BYTES } from '../../shared/domain/exchange';

/**
 * An incremental package travels gzip-compressed: it is a few near-empty tables and rows
 * of text, which SQLite stores at a page or more each, and a message app or a slow line
 * carries it better at a tenth of the size. Still a SQLite file once inflated (`gunzip`
 * then any SQLite tool), so another program reads it too. Full packages stay plain
 * SQLite, which the upper office attaches without a copy.
 */
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

export const compressPackage = (bytes: Buffer): Buffer => zlib.gzipSync(bytes, { level: 9 });

/** A compressed package inflated, refusing one that would grow past the package limit (a zip bomb). */
export function inflatePackage(bytes: Buffer): Buffer {
  if (bytes.length < 2 || !bytes.subarray(0, 2).equals(GZIP_MAGIC)) return bytes;
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: PACKAGE_LIMIT_BYTES });
  } catch (error) {
    const tooLarge = error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new AppError(
      'UNSUPPORTED_FILE',
      tooLarge
        ? `Gói dữ liệu giải nén ra lớn hơn ${PACKAGE_LIMIT_BYTES / 1024 / 1024} MB, không nhận. Chưa ghi gì.`
        : 'Tệp này không phải gói dữ liệu Điểm QR dùng được: tệp nén bị hỏng hoặc không đầy đủ. Chưa ghi gì.',
    );
  }
}
