import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/**
 * Random bytes for this many ids are drawn from the OS at once: uuid draws 16 bytes per
 * id, one system call each, which was a third of an import's commit (three ids a venue).
 */
const IDS_PER_DRAW = 256;
const pool = new Uint8Array(16 * IDS_PER_DRAW);
let used = IDS_PER_DRAW;

/** uuid's own rule, kept here because only its default call keeps it: ids made in one millisecond still sort in order. */
const clock = { msecs: -Infinity, seq: 0 };

function advance(random: Uint8Array): void {
  const now = Date.now();
  if (now > clock.msecs) {
    clock.msecs = now;
    clock.seq = ((random[6] & 0x7f) << 24) | (random[7] << 16) | (random[8] << 8) | random[9];
  } else {
    clock.seq = (clock.seq + 1) | 0;
    if (clock.seq === 0) clock.msecs++;
  }
}

/** A new record id: a UUIDv7, sortable by creation time and unique across offices. */
export function newId(): string {
  if (used === IDS_PER_DRAW) {
    randomFillSync(pool);
    used = 0;
  }
  const random = pool.subarray(16 * used, 16 * ++used);
  advance(random);
  return v7({ random, msecs: clock.msecs, seq: clock.seq });
}
