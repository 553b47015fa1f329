import { useMemo } from 'react';
import { qrSymbolFor } from '../../shared/qr/qr-options';
import { POSTER_QR, QUIET_ZONE, type PosterSize } from '../../shared/qr/reach';

/** The dark modules as one path of horizontal runs: one fill, so no seams between modules. */
function qrPath(size: number, modules: Uint8Array, offset: number): string {
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!modules[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && modules[row * size + col]) col++;
      parts.push(`M${start + offset} ${row + offset}h${col - start}v1h-${col - start}z`);
    }
  }
  return parts.join('');
}

interface QrSvgProps {
  payload: string;
  /** The poster it is drawn on: its QR box (quiet zone included) and the distance it must read from. */
  poster: PosterSize;
  /** What a screen reader says. */
  label: string;
  className?: string;
}

/**
 * A QR code as inline SVG, drawn in modules (the viewBox) and scaled to the poster's QR box
 * in millimetres, so print and PDF get exact vector edges at any size.
 */
export function QrSvg({ payload, poster, label, className }: QrSvgProps) {
  const symbol = useMemo(() => qrSymbolFor(payload, poster), [payload, poster]);
  const sizeMm = POSTER_QR[poster].boxMm;
  const side = symbol.size + 2 * QUIET_ZONE;
  const path = useMemo(() => qrPath(symbol.size, symbol.modules, QUIET_ZONE), [symbol]);
  return (
    <svg
      className={className}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${side} ${side}`}
      width={`${sizeMm}mm`}
      height={`${sizeMm}mm`}
      shapeRendering="crispEdges"
      role="img"
      aria-label={label}
      data-qr-version={symbol.version}
      data-qr-level={symbol.errorCorrectionLevel}
      data-qr-modules={symbol.size}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
