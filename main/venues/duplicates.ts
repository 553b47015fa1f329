import type { DuplicateCandidate } from '../../shared/domain/venue';
import { foldVietnamese } from '../../shared/text/fold';
import { phoneDigits } from '../../shared/text/phone';
import type { Db } from '../db/open';
import { getVenue } from './rows';
import { statement } from '../db/statements';

interface Candidate {
  name: string;
  villageId: string | null;
  phones: readonly string[];
  excludeId?: string;
}

/**
 * Venues that look like the one being saved: the same folded name in the same village,
 * or a phone number in common. A warning, not a rule: two shops may share a name.
 */
export function findDuplicates(db: Db, candidate: Candidate): DuplicateCandidate[] {
  const reasons = new Map<string, Set<DuplicateCandidate['reasons'][number]>>();
  const add = (id: string, reason: DuplicateCandidate['reasons'][number]) => {
    if (id === candidate.excludeId) return;
    if (!reasons.has(id)) reasons.set(id, new Set());
    reasons.get(id)!.add(reason);
  };
  if (candidate.villageId !== null) {
    const sameName = statement<[string, string], { id: string }>(db, 'SELECT id FROM venues WHERE village_id = ? AND name_folded = ?')
      .all(candidate.villageId, foldVietnamese(candidate.name));
    for (const { id } of sameName) add(id, 'same_name_in_village');
  }
  const samePhone = statement<[string], { venue_id: string }>(db, 'SELECT venue_id FROM venue_phones WHERE digits = ?');
  for (const phone of candidate.phones) {
    const digits = phoneDigits(phone);
    if (digits === null) continue;
    for (const { venue_id } of samePhone.all(digits)) add(venue_id, 'same_phone');
  }
  return [...reasons].map(([id, why]) => ({ venue: getVenue(db, id), reasons: [...why] }));
}
