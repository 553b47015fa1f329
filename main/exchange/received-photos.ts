import type { Db } from '../db/open';
import { statement } from '../db/statements';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/**
 * A photo that came inside a commune's package (kept in the database, never as a file at
 * a path the package named). Without the full photo, the thumbnail stands in for it.
 */
export function receivedPhoto(db: Db, photoId: string, thumbnail: boolean): { mimeType: string; bytesBase64: string } | null {
  const row = statement<[string], { thumbnail: Buffer; full: Buffer | null }>(
    db,
    'SELECT thumbnail, full FROM received_photos WHERE photo_id = ?',
  ).get(photoId);
  if (!row) return null;
  const bytes = thumbnail ? row.thumbnail : (row.full ?? row.thumbnail);
  return { mimeType: bytes.subarray(0, 4).equals(PNG_MAGIC) ? 'image/png' : 'image/jpeg', bytesBase64: bytes.toString('base64') };
}
