import type { PosterData, PosterTemplate } from '../../shared/domain/posters';
import { Poster } from './Poster';
import { cutLinesOf, SHEET_LAYOUT } from './poster-layout';

/** Cut marks reach this far in from each edge, past any printer's unprintable margin. */
const TICK_MM = 8;

/** Ticks at the paper's edges and a faint dashed line along each cut between posters. */
function CutMarks({ template }: { template: PosterTemplate }) {
  const { widthMm, heightMm } = SHEET_LAYOUT[template].paper;
  const lines = cutLinesOf(template);
  if (lines.length === 0) return null;
  return (
    <svg
      className="poster-cut-marks"
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${widthMm} ${heightMm}`}
      width={`${widthMm}mm`}
      height={`${heightMm}mm`}
      aria-hidden="true"
    >
      {lines.map(({ axis, atMm }) => {
        const [x1, y1, x2, y2] = axis === 'x' ? [atMm, 0, atMm, heightMm] : [0, atMm, widthMm, atMm];
        const along = axis === 'x' ? heightMm : widthMm;
        const tick = (from: number, to: number) =>
          axis === 'x' ? { x1: atMm, y1: from, x2: atMm, y2: to } : { x1: from, y1: atMm, x2: to, y2: atMm };
        return (
          <g key={`${axis}${atMm}`}>
            <line className="poster-cut-line" x1={x1} y1={y1} x2={x2} y2={y2} />
            <line className="poster-cut-tick" {...tick(0, TICK_MM)} />
            <line className="poster-cut-tick" {...tick(along - TICK_MM, along)} />
          </g>
        );
      })}
    </svg>
  );
}

interface PosterSheetProps {
  template: PosterTemplate;
  /** The posters on this sheet: one, or up to the template's perPage. */
  posters: readonly PosterData[];
}

/** One sheet of paper, exactly the template's page size: the unit the print view lays out, one per page. */
export function PosterSheet({ template, posters }: PosterSheetProps) {
  const layout = SHEET_LAYOUT[template];
  return (
    <section className={`poster-sheet poster-sheet-${template}`} data-template={template}>
      {posters.map((poster, index) => (
        <div className="poster-cell" key={index}>
          <Poster poster={poster} size={layout.poster} />
        </div>
      ))}
      <CutMarks template={template} />
    </section>
  );
}
