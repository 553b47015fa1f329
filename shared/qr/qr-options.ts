import { create, type QrSymbol } from 'qrcode/lib/core/qrcode.js';

export type QrErrorCorrection = 'H' | 'Q';

export interface QrOptions {
  errorCorrectionLevel: QrErrorCorrection;
  version: number;
}

/** Above this version a symbol at H gets too dense for a small poster; Q is used instead. */
export const MAX_VERSION_AT_H = 10;

/**
 * Short codes are drawn at version 7 at least. Posters give the QR one fixed box (symbol
 * plus its 4-module quiet zone): the fewer the modules, the more of the box the quiet zone
 * takes, and a version-1 symbol would fall under 15 cm on A4; from version 7 on it is at
 * least 16 cm. A higher version only adds modules: the code decodes the same.
 */
export const MIN_VERSION = 7;

/** Modules of white around the symbol, as the QR standard asks. */
export const QUIET_ZONE = 4;

const sideOf = (version: number) => 17 + 4 * version;

/**
 * The error correction and version a payload is printed with: H (30% of the symbol may
 * be lost) when that keeps it at version 10 or below, otherwise Q (25%). Main uses the
 * same rule to check that the codes it mints stay compact.
 */
export function qrOptionsFor(payload: string): QrOptions {
  return optionsAndSymbol(payload).options;
}

/** The symbol itself, encoded with qrOptionsFor's options: what posters draw. */
export function qrSymbolFor(payload: string): QrOptions & { size: number; modules: Uint8Array } {
  const { options, symbol } = optionsAndSymbol(payload);
  return { ...options, size: symbol.modules.size, modules: symbol.modules.data };
}

/** The smallest symbol at a level, or null when even version 40 cannot hold the payload. */
function smallest(payload: string, level: QrErrorCorrection): QrSymbol | null {
  try {
    return create(payload, { errorCorrectionLevel: level });
  } catch {
    return null;
  }
}

function optionsAndSymbol(payload: string): { options: QrOptions; symbol: QrSymbol } {
  if (payload.length === 0) throw new Error('qrOptionsFor: empty payload');
  const atH = smallest(payload, 'H');
  const level: QrErrorCorrection = atH && atH.version <= MAX_VERSION_AT_H ? 'H' : 'Q';
  const natural = level === 'H' ? atH : smallest(payload, 'Q');
  if (!natural) {
    const bytes = new TextEncoder().encode(payload).length;
    throw new Error(`qrOptionsFor: ${bytes} bytes do not fit a QR code at error correction Q, even at version 40`);
  }
  const version = Math.max(MIN_VERSION, natural.version);
  const symbol = version === natural.version ? natural : create(payload, { errorCorrectionLevel: level, version });
  if (symbol.modules.size !== sideOf(version)) throw new Error(`qrOptionsFor: version ${version} gave ${symbol.modules.size} modules`);
  return { options: { errorCorrectionLevel: level, version }, symbol };
}
