import { AppError } from '../../shared/api/result';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { receivedPhoto } from '../exchange/received-photos';
import { readPhoto } from './photos';

/** A finding's photo (or its thumbnail) from the data folder, for the venue page and documents. */
export function findingPhoto(db: Db, dataDir: string, photoId: string, thumbnail: boolean) {
  const received = receivedPhoto(db, photoId, thumbnail);
  if (received) return received;
  const row = statement<[string], { stored_as: string; thumbnail: string }>(
    db,
    'SELECT stored_as, thumbnail FROM finding_photos WHERE id = ?',
  ).get(photoId);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy ảnh.');
  const file = thumbnail ? row.thumbnail : row.stored_as;
  // A photo received from a commune without its bytes has no file here.
  if (!file) throw new AppError('NOT_FOUND', 'Ảnh không được gửi kèm gói dữ liệu của xã.');
  const mimeType = file.endsWith('.png') ? 'image/png' : 'image/jpeg';
  return { mimeType, bytesBase64: readPhoto(dataDir, file).toString('base64') };
}
