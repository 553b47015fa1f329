import jsQR from 'jsqr';
import { create, type QrSegment } from 'qrcode/lib/core/qrcode.js';
import { describe, expect, it } from 'vitest';
import { POSTER_LEVELS, encodeSymbol, postersThatHold, qrPlanFor, qrSymbolFor, smallestVersion, type QrSymbol } from '../../shared/qr/qr-options';
import { moduleMmFor, readingDistanceM } from '../../shared/qr/reach';
import { reachRefusal } from '../../shared/qr/reach-refusal';

/** A minted code's shape: DQR1:<short code>:<revision>:<key id>:<103 base32 characters of signature>. */
const MINTED = `DQR1:KB-0042:2:ABCDEF:${'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'.repeat(4).slice(0, 103)}`;
const PAYLOADS = [MINTED, 'https://qr.kybac.gov.vn/v?c=Phở Hà Nội', '0123456789012', 'KB-0042-ABCDE'];

/** The symbol as a grey image, 4 pixels a module inside a 4-module quiet zone, read by jsQR. */
function decode({ size, modules }: QrSymbol): string | undefined {
  const scale = 4;
  const side = (size + 8) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const [row, col] = [Math.floor(y / scale) - 4, Math.floor(x / scale) - 4];
      if (row < 0 || col < 0 || row >= size || col >= size || !modules[row * size + col]) continue;
      rgba.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return jsQR(rgba, side, side)?.data;
}

const modeOf = (text: string): QrSegment['mode'] => (/^[0-9]*$/.test(text) ? 'numeric' : /^[0-9A-Z $%*+\-./:]*$/.test(text) ? 'alphanumeric' : 'byte');

describe('QR modules by qr (the fast encoder)', () => {
  it('are identical to qrcode\'s at the same version, level and mask, one segment of the same mode', () => {
    for (const payload of PAYLOADS) {
      for (const level of POSTER_LEVELS) {
        const version = smallestVersion(payload, level)!;
        // qrcode's own smallest version for the same single-mode segment: the capacity rule agrees.
        expect(create([{ data: payload, mode: modeOf(payload) }], { errorCorrectionLevel: level }).version, `${payload} at ${level}`).toBe(version);
        for (let mask = 0; mask < 8; mask++) {
          const ours = encodeSymbol(payload, { errorCorrectionLevel: level, version }, mask);
          const theirs = create([{ data: payload, mode: modeOf(payload) }], { errorCorrectionLevel: level, version, maskPattern: mask }).modules;
          expect(ours.size).toBe(theirs.size);
          expect(Buffer.from(ours.modules).equals(Buffer.from(theirs.data)), `${payload} at ${level}/${version}, mask ${mask}`).toBe(true);
        }
      }
    }
  });

  it('are the same on every call, and decode to the text qrcode\'s symbol decodes to', () => {
    for (const payload of PAYLOADS) {
      for (const poster of ['a4', 'a5', 'a6'] as const) {
        const symbol = qrSymbolFor(payload, poster);
        expect(Buffer.from(qrSymbolFor(payload, poster).modules).equals(Buffer.from(symbol.modules))).toBe(true);
        const old = create(payload, { errorCorrectionLevel: symbol.errorCorrectionLevel }).modules;
        expect(decode(symbol), `${payload} on ${poster}`).toBe(payload);
        expect(decode({ ...symbol, size: old.size, modules: old.data })).toBe(payload);
      }
    }
  });
});

describe('posters that read at their distance', () => {
  it('models a 1080p phone camera: 2 pixels a module, 1.44 mm of module a metre', () => {
    expect(moduleMmFor(2.5)).toBeCloseTo(3.61, 2);
    expect(moduleMmFor(0.8)).toBeCloseTo(1.15, 2);
    expect(readingDistanceM(moduleMmFor(1.7))).toBeCloseTo(1.7, 6);
  });

  it('draws the smallest version for the text, no padding: a 13-character code on A4 reads from about 4 m', () => {
    const plan = qrPlanFor('KB-0042-ABCDE', 'a4')!;
    expect(plan).toMatchObject({ errorCorrectionLevel: 'H', version: 2, reaches: true });
    expect(plan.reachM).toBeGreaterThan(3.9);
  });

  it('keeps the strongest level that still reads: a minted code is M on A4 (2.66 m), Q on A5, H on A6', () => {
    expect(qrPlanFor(MINTED, 'a4')).toMatchObject({ errorCorrectionLevel: 'M', version: 6, reaches: true });
    expect(qrPlanFor(MINTED, 'a5')).toMatchObject({ errorCorrectionLevel: 'Q', version: 7, reaches: true });
    expect(qrPlanFor(MINTED, 'a6')).toMatchObject({ errorCorrectionLevel: 'H', version: 9, reaches: true });
    expect(qrPlanFor(MINTED, 'a4')!.reachM).toBeGreaterThanOrEqual(2.5);
    expect(postersThatHold(MINTED)).toEqual(['a4', 'a5', 'a6']);
  });

  it('refuses a code on a size it cannot read from, naming the size that can', () => {
    const lowercaseLink = `https://qr.kybac.gov.vn/v?c=${MINTED}`;
    expect(postersThatHold(lowercaseLink)).toEqual(['a6']);
    const refusal = reachRefusal(lowercaseLink, 'a4')!;
    expect(refusal.vi).toBe('Mã dài 153 ký tự: trên khổ A4 chỉ đọc được từ 2,1 m, cần 2,5 m (dán ở lối vào). Hãy in khổ A6.');
    expect(refusal.en).toBe('The code is 153 characters long: on A4 it reads from 2.1 m only, 2.5 m is needed (at the entrance). Print it on A6.');
    expect(reachRefusal(lowercaseLink, 'a6')).toBeNull();
  });

  it('refuses a 1,000-character code everywhere: it would read from under half a metre on A6', () => {
    const long = 'x'.repeat(1000);
    expect(qrPlanFor(long, 'a6')!.reachM).toBeLessThan(0.5);
    expect(postersThatHold(long)).toEqual([]);
    expect(reachRefusal(long, 'a6')!.vi).toMatch(/^Mã dài 1\.000 ký tự: trên khổ A6 chỉ đọc được từ 0,4 m, cần 0,8 m \(đặt trên bàn\)\. Không khổ giấy nào/);
  });
});
