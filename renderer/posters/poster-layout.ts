import { PAPER, type PosterTemplate } from '../../shared/domain/posters';
import { POSTER_OF_TEMPLATE, type PosterSize } from '../../shared/qr/reach';
import type { FitRange } from './FitText';

export type { PosterSize };

export interface PosterLayout {
  office: FitRange;
  name: FitRange;
  address: FitRange;
  postingPoint: FitRange;
  /** The table card says where to stand it; wall posters say where to put them up. */
  placement: 'wall' | 'card';
}

/**
 * Sizes, in mm and points, chosen so every element has a fixed place and the name takes
 * what is left (the fixed heights are in posters.css). The QR box (shared/qr/reach.ts,
 * POSTER_QR, which main checks codes against) holds the symbol and its 4-module quiet zone;
 * its version and level are chosen to read from the poster's distance (qrPlanFor).
 */
export const POSTER_LAYOUT: Record<PosterSize, PosterLayout> = {
  a4: {
    office: { maxPt: 14, minPt: 9, maxLines: 1, lineHeight: 1.3 },
    name: { maxPt: 46, minPt: 16, maxLines: 3, lineHeight: 1.15 },
    address: { maxPt: 13, minPt: 9, maxLines: 2, lineHeight: 1.2 },
    postingPoint: { maxPt: 14, minPt: 9, maxLines: 1, lineHeight: 1.25 },
    placement: 'wall',
  },
  a5: {
    office: { maxPt: 10, minPt: 7, maxLines: 1, lineHeight: 1.3 },
    name: { maxPt: 32, minPt: 12, maxLines: 3, lineHeight: 1.15 },
    address: { maxPt: 9.5, minPt: 7, maxLines: 2, lineHeight: 1.2 },
    postingPoint: { maxPt: 10, minPt: 7, maxLines: 1, lineHeight: 1.25 },
    placement: 'wall',
  },
  a6: {
    office: { maxPt: 7.5, minPt: 6, maxLines: 1, lineHeight: 1.3 },
    name: { maxPt: 22, minPt: 8.5, maxLines: 3, lineHeight: 1.15 },
    address: { maxPt: 7, minPt: 6, maxLines: 2, lineHeight: 1.2 },
    postingPoint: { maxPt: 7.5, minPt: 6, maxLines: 1, lineHeight: 1.25 },
    placement: 'card',
  },
};

export interface SheetLayout {
  poster: PosterSize;
  paper: { widthMm: number; heightMm: number };
  columns: number;
  rows: number;
}

export const SHEET_LAYOUT: Record<PosterTemplate, SheetLayout> = {
  a4: { poster: POSTER_OF_TEMPLATE.a4, paper: PAPER.a4, columns: 1, rows: 1 },
  a5: { poster: POSTER_OF_TEMPLATE.a5, paper: PAPER.a5, columns: 1, rows: 1 },
  a6: { poster: POSTER_OF_TEMPLATE.a6, paper: PAPER.a6, columns: 1, rows: 1 },
  sheet_2xa5: { poster: POSTER_OF_TEMPLATE.sheet_2xa5, paper: PAPER.sheet_2xa5, columns: 2, rows: 1 },
  sheet_4xa6: { poster: POSTER_OF_TEMPLATE.sheet_4xa6, paper: PAPER.sheet_4xa6, columns: 2, rows: 2 },
};

/** A poster format's own paper size, in mm. */
export const posterPaper = (size: PosterSize) => PAPER[size];

export interface CutLine {
  /** 'x' for a vertical cut at x mm, 'y' for a horizontal one at y mm. */
  axis: 'x' | 'y';
  atMm: number;
}

/** Where to cut a sheet: between its posters, which are centred on the paper. */
export function cutLinesOf(template: PosterTemplate): CutLine[] {
  const { poster, paper, columns, rows } = SHEET_LAYOUT[template];
  const { widthMm, heightMm } = posterPaper(poster);
  const left = (paper.widthMm - columns * widthMm) / 2;
  const top = (paper.heightMm - rows * heightMm) / 2;
  const lines: CutLine[] = [];
  for (let column = 1; column < columns; column++) lines.push({ axis: 'x', atMm: left + column * widthMm });
  for (let row = 1; row < rows; row++) lines.push({ axis: 'y', atMm: top + row * heightMm });
  return lines;
}
