import encodeQR, { _ALPHANUMERIC, _BYTES, _ECC_BLOCKS, _WORDS_PER_BLOCK, type ErrorCorrection } from 'qr';
import { POSTER_QR, POSTER_SIZES, moduleMmFor, moduleMmIn, readingDistanceM, type PosterSize } from './reach';

/** The levels a poster may use, strongest first: H lets 30% of the symbol be lost, Q 25%, M 15%. */
export const POSTER_LEVELS = ['H', 'Q', 'M'] as const;
export type QrErrorCorrection = (typeof POSTER_LEVELS)[number];

const ECC: Record<QrErrorCorrection, ErrorCorrection> = { H: 'high', Q: 'quartile', M: 'medium' };

export interface QrOptions {
  errorCorrectionLevel: QrErrorCorrection;
  version: number;
}

export interface QrSymbol extends QrOptions {
  /** Modules a side, quiet zone excluded. */
  size: number;
  /** size × size, row by row, 1 for a dark module. */
  modules: Uint8Array;
}

const sideOf = (version: number) => 17 + 4 * version;

/** Text made only of `qr`'s alphanumeric set (0-9 A-Z space $ % * + - . / :). */
const ALPHANUMERIC_TEXT = new RegExp(`^[${_ALPHANUMERIC.replace(/[-\\\]^]/g, '\\$&')}]*$`);

/**
 * The smallest version that holds the payload at a level, or null past version 40. The same
 * single-mode rule as `qr` (numeric, alphanumeric or UTF-8 bytes for the whole text), worked out
 * from its ISO 18004 tables so a poster's level is chosen without encoding at every level.
 */
export function smallestVersion(payload: string, level: QrErrorCorrection): number | null {
  const numeric = /^[0-9]*$/.test(payload);
  const alphanumeric = ALPHANUMERIC_TEXT.test(payload);
  const length = alphanumeric ? payload.length : new TextEncoder().encode(payload).length;
  const dataBits = numeric
    ? Math.floor(length / 3) * 10 + [0, 4, 7][length % 3]
    : alphanumeric
      ? Math.floor(length / 2) * 11 + (length % 2) * 6
      : length * 8;
  const lengthBits = numeric ? [10, 12, 14] : alphanumeric ? [9, 11, 13] : [8, 16, 16];
  const ecc = ECC[level];
  for (let version = 1; version <= 40; version++) {
    const countBits = lengthBits[Math.floor((version + 7) / 17)];
    const capacityBits = (_BYTES[version - 1] - _WORDS_PER_BLOCK[ecc][version - 1] * _ECC_BLOCKS[ecc][version - 1]) * 8;
    if (length < 2 ** countBits && 4 + countBits + dataBits <= capacityBits) return version;
  }
  return null;
}

/** How a payload prints on one poster size, and how far it then reads. */
export interface PosterQrPlan extends QrOptions {
  moduleMm: number;
  reachM: number;
  /** The symbol reads from the poster's distance. */
  reaches: boolean;
}

/**
 * The strongest level whose smallest symbol still reads from the poster's distance (modules
 * at least moduleMmFor(distance) in the poster's QR box); when none does, M, the farthest
 * reading, with reaches false. Null when the payload does not fit a QR code even at M.
 */
export function qrPlanFor(payload: string, poster: PosterSize): PosterQrPlan | null {
  const { boxMm, distanceM } = POSTER_QR[poster];
  let plan: PosterQrPlan | null = null;
  for (const level of POSTER_LEVELS) {
    const version = smallestVersion(payload, level);
    if (version === null) continue;
    const moduleMm = moduleMmIn(boxMm, sideOf(version));
    plan = { errorCorrectionLevel: level, version, moduleMm, reachM: readingDistanceM(moduleMm), reaches: moduleMm >= moduleMmFor(distanceM) };
    if (plan.reaches) return plan;
  }
  return plan;
}

/** The poster sizes, largest first, on which the payload reads from their distance. */
export const postersThatHold = (payload: string): PosterSize[] => POSTER_SIZES.filter((poster) => qrPlanFor(payload, poster)?.reaches);

/** The module matrix at exactly these options, by `qr` (the fastest encoder on npm), its own mask choice. */
export function encodeSymbol(payload: string, { errorCorrectionLevel, version }: QrOptions, mask?: number): QrSymbol {
  // border 1 is the smallest `qr` draws; the ring is cut off here, QUIET_ZONE is drawn by the poster.
  const rows = encodeQR(payload, 'raw', { ecc: ECC[errorCorrectionLevel], version, mask, border: 1 });
  const size = sideOf(version);
  if (rows.length !== size + 2) throw new Error(`encodeSymbol: version ${version} gave ${rows.length - 2} modules`);
  const modules = new Uint8Array(size * size);
  for (let row = 0; row < size; row++) {
    const line = rows[row + 1];
    for (let col = 0; col < size; col++) modules[row * size + col] = line[col + 1] ? 1 : 0;
  }
  return { errorCorrectionLevel, version, size, modules };
}

/** What a poster of this size draws: the symbol of qrPlanFor's level and version. */
export function qrSymbolFor(payload: string, poster: PosterSize): QrSymbol {
  const plan = qrPlanFor(payload, poster);
  if (!plan) throw new Error(`qrSymbolFor: ${new TextEncoder().encode(payload).length} bytes do not fit a QR code at level M, even at version 40`);
  return encodeSymbol(payload, plan);
}
