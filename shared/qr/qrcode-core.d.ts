/**
 * The encoder core of the `qrcode` package, typed here. The package's own types
 * reference Node's, so importing `qrcode` would quietly give the renderer (a web page,
 * compiled without Node types) `process`, `Buffer` and the rest; the core needs none.
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
  export function create(text: string, options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; version?: number }): QrSymbol;
}
