import fs from 'node:fs';
import path from 'node:path';
import { newId } from '../core/ids';
import { AppError } from '../../shared/api/result';
import { PHOTO_LIMIT_BYTES } from '../../shared/domain/inspections';

const KINDS: Array<{ magic: number[]; mimeType: string; extension: string }> = [
  { magic: [0xff, 0xd8, 0xff], mimeType: 'image/jpeg', extension: 'jpg' },
  { magic: [0x89, 0x50, 0x4e, 0x47], mimeType: 'image/png', extension: 'png' },
];

function kindOf(bytes: Buffer, field: string) {
  const kind = KINDS.find(({ magic }) => magic.every((byte, index) => bytes[index] === byte));
  if (!kind) throw new AppError('INVALID_INPUT', 'Tệp ảnh không phải ảnh JPEG hoặc PNG.', field, 'invalid');
  return kind;
}

export interface StoredPhoto {
  id: string;
  fileName: string;
  storedAs: string;
  thumbnail: string;
  mimeType: string;
  bytes: number;
}

/**
 * Copies a photo (and its thumbnail) into the data folder, so a finding never depends on
 * where the picture was picked from; the database keeps paths relative to that folder.
 */
export function storePhoto(dataDir: string, upload: { fileName: string; bytesBase64: string; thumbnailBase64: string }, field: string): StoredPhoto {
  const bytes = Buffer.from(upload.bytesBase64, 'base64');
  if (bytes.length > PHOTO_LIMIT_BYTES) {
    throw new AppError('INVALID_INPUT', `Ảnh lớn hơn ${PHOTO_LIMIT_BYTES / 1024 / 1024} MB.`, field, 'too_long');
  }
  const kind = kindOf(bytes, field);
  const thumb = Buffer.from(upload.thumbnailBase64, 'base64');
  const thumbKind = kindOf(thumb, `${field}.thumbnail`);
  const id = newId();
  const folder = path.join('photos', new Date().toISOString().slice(0, 7));
  fs.mkdirSync(path.join(dataDir, folder), { recursive: true });
  const storedAs = path.join(folder, `${id}.${kind.extension}`);
  const thumbnail = path.join(folder, `${id}-thumb.${thumbKind.extension}`);
  fs.writeFileSync(path.join(dataDir, storedAs), bytes, { flag: 'wx' });
  try {
    fs.writeFileSync(path.join(dataDir, thumbnail), thumb, { flag: 'wx' });
  } catch (error) {
    fs.rmSync(path.join(dataDir, storedAs), { force: true });
    throw error;
  }
  return { id, fileName: upload.fileName, storedAs, thumbnail, mimeType: kind.mimeType, bytes: bytes.length };
}

/** Removes files of a save that did not go through, so a refused visit leaves nothing behind. */
export function removePhotos(dataDir: string, photos: readonly StoredPhoto[]): void {
  for (const photo of photos) {
    fs.rmSync(path.join(dataDir, photo.storedAs), { force: true });
    fs.rmSync(path.join(dataDir, photo.thumbnail), { force: true });
  }
}

export function readPhoto(dataDir: string, relativePath: string): Buffer {
  return fs.readFileSync(path.join(dataDir, relativePath));
}
