/**
 * The encoder core of the `qrcode` package, typed here: the app's encoder until `qr`, now
 * what tests compare `qr`'s modules with. The package's own types reference Node's, so
 * importing `qrcode` would quietly give a web page `process`, `Buffer` and the rest.
 */
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrBitMatrix {
    /** Modules per side. */
    readonly size: number;
    /** size × size, row by row; 1 is a dark module. */
    readonly data: Uint8Array;
  }
  export interface QrSymbol {
    readonly modules: QrBitMatrix;
    readonly version: number;
  }
  /** One run of text in one mode; a plain string lets qrcode split it into the cheapest runs. */
  export interface QrSegment {
    data: string;
    mode: 'numeric' | 'alphanumeric' | 'byte';
  }
  export function create(
    text: string | QrSegment[],
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; version?: number; maskPattern?: number },
  ): QrSymbol;
}
