import type { PosterData } from '../../shared/domain/posters';
import { FitText } from './FitText';
import { POSTER_LAYOUT, type PosterSize } from './poster-layout';
import { POSTER_TEXT, namesPostingPoint, officeHeader } from './poster-text';
import { QrSvg } from './QrSvg';
import './posters.css';

interface PosterProps {
  poster: PosterData;
  size: PosterSize;
}

/**
 * One poster: the office, the venue name as large as it fits, the address, the posting
 * point (unless it is the main entrance), the QR, the short code, how to scan, what to type
 * when the camera fails (only what a citizen can type for this code), where to put the
 * poster, and the code's issue date and revision. Every value is a text node: a name such as "<script>" prints as those characters.
 */
export function Poster({ poster, size }: PosterProps) {
  const layout = POSTER_LAYOUT[size];
  const showPoint = namesPostingPoint(poster.postingPointLabel);
  return (
    <article
      className={`poster poster-${size}`}
      lang="vi"
      data-venue-id={poster.venueId}
      data-posting-point-id={poster.postingPointId}
      data-revision={poster.revision}
    >
      <FitText className="poster-office" text={officeHeader(poster.officeName)} range={layout.office} />
      <FitText className="poster-name" text={poster.venueName} range={layout.name} />
      {poster.address.trim() !== '' && <FitText className="poster-address" text={poster.address} range={layout.address} />}
      {showPoint && (
        <FitText className="poster-point" text={POSTER_TEXT.postingPoint(poster.postingPointLabel.trim())} range={layout.postingPoint} />
      )}
      <QrSvg className="poster-qr" payload={poster.payload} poster={size} label={POSTER_TEXT.qrLabel} />
      <p className="poster-code">{poster.shortCode}</p>
      <p className="poster-scan">{POSTER_TEXT.scan}</p>
      {poster.manualCode !== null && (
        <p className="poster-manual">
          {POSTER_TEXT.manual} <strong>{poster.manualCode}</strong>
        </p>
      )}
      <p className="poster-placement">{layout.placement === 'card' ? POSTER_TEXT.placementCard : POSTER_TEXT.placementWall}</p>
      <p className="poster-issued">{POSTER_TEXT.issued(poster.issuedOn, poster.revision)}</p>
    </article>
  );
}
