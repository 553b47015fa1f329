import type { QueueEntry } from '../../shared/domain/prints';
import type { PrintReason } from '../../shared/domain/posters';
import { PRINT_REASONS } from '../../shared/domain/posters';
import { vietnameseSortKey } from '../../shared/text/sort-key';

/** One line of the queue as shown: a village's heading, or a venue under it. */
export type QueueRow = { kind: 'village'; villageId: string | null; name: string; count: number } | { kind: 'venue'; entry: QueueEntry };

/** The queue grouped by village, villages in Vietnamese order and "no village" last; venues keep the queue's order. */
export function queueRows(entries: readonly QueueEntry[], villageName: (id: string | null) => string): QueueRow[] {
  const groups = new Map<string | null, QueueEntry[]>();
  for (const entry of entries) {
    const group = groups.get(entry.villageId);
    if (group) group.push(entry);
    else groups.set(entry.villageId, [entry]);
  }
  const keyOf = (id: string | null) => (id === null ? '\uffff' : vietnameseSortKey(villageName(id)));
  const ordered = [...groups.entries()].sort(([a], [b]) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  return ordered.flatMap(([villageId, group]): QueueRow[] => [
    { kind: 'village', villageId, name: villageName(villageId), count: group.length },
    ...group.map((entry) => ({ kind: 'venue' as const, entry })),
  ]);
}

const isPrintReason = (reason: string): reason is PrintReason => (PRINT_REASONS as readonly string[]).includes(reason);

/**
 * The reason a print of the whole queue is recorded with, from why the venues wait: the
 * reason most of them share (a code revoked, a finding's "damaged"), else a first poster.
 */
export function printReasonForQueue(entries: readonly QueueEntry[]): PrintReason {
  const tally = new Map<PrintReason, number>();
  for (const entry of entries) {
    const reasons: PrintReason[] = entry.reasons.includes('code_revoked') ? ['code_revoked'] : entry.requestReasons.filter(isPrintReason);
    for (const reason of reasons.length > 0 ? reasons : (['new'] as const)) tally.set(reason, (tally.get(reason) ?? 0) + 1);
  }
  return [...tally.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'new';
}
