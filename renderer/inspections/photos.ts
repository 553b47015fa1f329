import { PHOTO_LIMIT_BYTES } from '../../shared/domain/inspections';
import { readFileAsBase64 } from '../files/file-base64';

/** A phone photo is stored at most this long on its longest side: enough to read a poster, a tenth of the bytes. */
const STORED_SIDE = 2400;
const THUMBNAIL_SIDE = 320;
const JPEG_QUALITY = 0.85;

/** A photo ready to send with a finding: upright, re-encoded as JPEG, with its thumbnail. */
export interface PreparedPhoto {
  fileName: string;
  bytesBase64: string;
  thumbnailBase64: string;
  /** The thumbnail as a data: URL, to show before saving. */
  previewUrl: string;
}

export type PhotoRefusal = 'not_image' | 'too_big' | 'unreadable';

export type PhotoResult = { ok: true; photo: PreparedPhoto } | { ok: false; fileName: string; reason: PhotoRefusal };

export const PHOTO_LIMIT_MB = PHOTO_LIMIT_BYTES / 1024 / 1024;

/** The bitmap drawn with its longest side at most `side`, on white (a transparent PNG must not turn black), as JPEG. */
async function jpeg(bitmap: ImageBitmap, side: number): Promise<Blob> {
  const scale = Math.min(1, side / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('preparePhoto: no 2D canvas');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
}

const base64Of = (blob: Blob, name: string) => readFileAsBase64(new File([blob], name, { type: blob.type }));

/** "IMG_2041.HEIC.png" → "IMG_2041.HEIC.jpg": the name says what is stored. */
const jpegName = (name: string) => `${name.replace(/\.[^./\\]*$/, '') || 'anh'}.jpg`;

/**
 * Checks a picked file and makes what a finding stores: the photo turned upright as the
 * camera's EXIF orientation says (so the photo is never shown lying on its side), at most
 * 2400 px, as JPEG, and a 320 px thumbnail. Files that are not images, or larger than the
 * limit, are refused here, before anything is sent.
 */
export async function preparePhoto(file: File): Promise<PhotoResult> {
  if (!file.type.startsWith('image/')) return { ok: false, fileName: file.name, reason: 'not_image' };
  if (file.size > PHOTO_LIMIT_BYTES) return { ok: false, fileName: file.name, reason: 'too_big' };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    // Named an image but not one this browser can open (a HEIC photo, a broken file).
    return { ok: false, fileName: file.name, reason: 'unreadable' };
  }
  try {
    const fileName = jpegName(file.name);
    const [full, thumbnail] = await Promise.all([jpeg(bitmap, STORED_SIDE), jpeg(bitmap, THUMBNAIL_SIDE)]);
    if (full.size > PHOTO_LIMIT_BYTES) return { ok: false, fileName: file.name, reason: 'too_big' };
    const [bytesBase64, thumbnailBase64] = await Promise.all([base64Of(full, fileName), base64Of(thumbnail, fileName)]);
    return { ok: true, photo: { fileName, bytesBase64, thumbnailBase64, previewUrl: `data:image/jpeg;base64,${thumbnailBase64}` } };
  } finally {
    bitmap.close();
  }
}
