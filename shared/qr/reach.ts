import type { PosterTemplate } from '../domain/posters';

/**
 * How far a printed QR code reads, and how far each poster must read.
 *
 * The camera: a phone's main camera is a 26 mm lens in 35 mm-film terms (iPhone, Galaxy
 * and Pixel main cameras alike), so its horizontal field spans 36 mm of film at 26 mm:
 * 2·atan(18/26) ≈ 69°. Scanning runs on a 1080p preview, 1,920 pixels across that field,
 * so the focal length is 1,920 × 26 / 36 ≈ 1,387 pixels: at distance d an object of
 * w mm covers 1,387 × w / d pixels. Decoders (ZXing, the iOS and Android cameras) need
 * about 2 pixels a module to tell modules apart, so a module of m mm reads up to
 * d = 1,387 × m / 2 mm, and reading from d needs m ≥ 2 d / 1,387 (1.44 mm a metre).
 */
export const CAMERA_FOCAL_PX = (1920 * 26) / 36;
export const PX_PER_MODULE = 2;

/** The farthest distance, in metres, a module of `moduleMm` reads from. */
export const readingDistanceM = (moduleMm: number) => (CAMERA_FOCAL_PX * moduleMm) / PX_PER_MODULE / 1000;

/** The smallest module, in mm, that reads from `distanceM` metres. */
export const moduleMmFor = (distanceM: number) => (distanceM * 1000 * PX_PER_MODULE) / CAMERA_FOCAL_PX;

/** Modules of white around the symbol, as the QR standard asks. */
export const QUIET_ZONE = 4;

/** The poster formats; a sheet template prints several of one of them on an A4. */
export type PosterSize = 'a4' | 'a5' | 'a6';

export interface PosterQr {
  /** The QR box, quiet zone included, in mm (the poster layout gives it this place). */
  boxMm: number;
  /** The distance the poster must read from, in metres. */
  distanceM: number;
  /** Where it hangs, in the clerk's words, for the refusal message. */
  where: { vi: string; en: string };
}

/**
 * A4 hangs at the entrance and is read from the street, 2.5 m; A5 hangs on a wall inside,
 * read across a counter, 1.5 m; A6 is a card on a table, read from a seat, 0.8 m.
 * Largest first: the order the refusal looks for a template that can.
 */
export const POSTER_QR: Record<PosterSize, PosterQr> = {
  a4: { boxMm: 188, distanceM: 2.5, where: { vi: 'dán ở lối vào', en: 'at the entrance' } },
  a5: { boxMm: 124, distanceM: 1.5, where: { vi: 'dán trên tường', en: 'on a wall' } },
  a6: { boxMm: 82, distanceM: 0.8, where: { vi: 'đặt trên bàn', en: 'on a table' } },
};

export const POSTER_SIZES = Object.keys(POSTER_QR) as PosterSize[];

/** The module of a symbol of `modules` a side, drawn with its quiet zone in a box of `boxMm`. */
export const moduleMmIn = (boxMm: number, modules: number) => boxMm / (modules + 2 * QUIET_ZONE);

/** The poster size each template prints (sheets put several of one size on an A4). */
export const POSTER_OF_TEMPLATE: Record<PosterTemplate, PosterSize> = { a4: 'a4', a5: 'a5', a6: 'a6', sheet_2xa5: 'a5', sheet_4xa6: 'a6' };
