import type { CodeSource } from '../domain/codes';

/**
 * The longest official code a poster offers for typing: a citizen copies up to about two
 * groups of ten characters without losing their place.
 */
const MAX_TYPEABLE = 20;

/** Capitals, digits and inner hyphens only: nothing a phone keyboard hides, no case to get wrong. */
const TYPEABLE = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/**
 * What the poster's "if you cannot scan, type:" line offers, or null to leave the line out.
 * A code minted here carries the venue's short code (KB-0042), which is what posters have
 * always offered for typing. An official code is the national system's string, byte for byte: the register's short
 * code means nothing there, and a part of it (a URL's last segment, say) is a guess at what
 * that system accepts. So the whole string is offered only when it is itself short and
 * typeable (an id such as "4210300042"); a link or a long token gets no line at all rather
 * than 100 characters nobody can type.
 */
export function manualEntryOf(source: CodeSource, payload: string, shortCode: string): string | null {
  if (source === 'minted') return shortCode;
  return payload.length <= MAX_TYPEABLE && TYPEABLE.test(payload) ? payload : null;
}
