import type { PosterData } from '../../shared/domain/posters';
import { POSTER_TEXT, officeHeader } from './poster-text';

/** The weights posters use: 400 and 600 load with the app, 800 with posters.css. */
const WEIGHTS = [400, 600, 800] as const;

const POSTER_WORDING = [
  POSTER_TEXT.scan,
  POSTER_TEXT.manual,
  POSTER_TEXT.placementWall,
  POSTER_TEXT.placementCard,
  POSTER_TEXT.postingPoint(''),
  POSTER_TEXT.issued('0123456789/', 0),
].join('');

/** Every distinct character the posters print, so each font subset they need is fetched (and no other). */
export function posterCharacters(posters: readonly PosterData[]): string {
  const chars = new Set<string>(POSTER_WORDING);
  for (const poster of posters) {
    for (const text of [officeHeader(poster.officeName), poster.venueName, poster.address, poster.postingPointLabel, poster.shortCode, poster.manualCode ?? '']) {
      for (const char of text) chars.add(char);
    }
  }
  return [...chars].join('');
}

/**
 * Loads Be Vietnam Pro for the given characters into a document and waits for it.
 * Fitting measures text, so it must run with the real font; a print iframe is a
 * document of its own and loads its own faces.
 */
export async function loadPosterFonts(doc: Document, characters: string): Promise<void> {
  await Promise.all(WEIGHTS.map((weight) => doc.fonts.load(`${weight} 16px "Be Vietnam Pro"`, characters)));
  await doc.fonts.ready;
  // A poster in the system's font is not ours: fail rather than print it.
  const missing = WEIGHTS.filter((weight) => !doc.fonts.check(`${weight} 16px "Be Vietnam Pro"`, characters));
  if (missing.length > 0) throw new Error(`Be Vietnam Pro ${missing.join(', ')} did not load`);
}
