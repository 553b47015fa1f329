import type { CommuneExchangeStatus, PackageCounts } from '../../shared/domain/exchange';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { communesUnder, requireUpperOffice } from './offices';

const DAY_MS = 24 * 60 * 60 * 1000;

interface LastRow {
  commune_id: string;
  sequence: number;
  created_at: string;
  received_at: string;
  counts: string;
}

/**
 * The communes under this upper office, each with the newest package whose records landed
 * in it (its own, or an old commune's merged into it), and whether it is stale: none yet,
 * or made more than `staleAfterDays` days before `now`.
 */
export function exchangeStatus(db: Db, staleAfterDays: number, now = new Date()): CommuneExchangeStatus[] {
  const upper = requireUpperOffice(db);
  const lastOf = statement<[string], LastRow>(
    db,
    `SELECT commune_id, sequence, created_at, received_at, counts FROM received_packages
     WHERE landed_in_id = ? ORDER BY created_at DESC LIMIT 1`,
  );
  const keyOf = statement<[string, string], { key_id: string }>(
    db,
    `SELECT key_id FROM trusted_keys WHERE commune_id = ? OR commune_id IN (SELECT id FROM admin_units WHERE merged_into_id = ?)
     ORDER BY added_at DESC LIMIT 1`,
  );
  return communesUnder(db, upper.id).map((commune) => {
    const last = lastOf.get(commune.id);
    const stale = !last || now.getTime() - Date.parse(last.created_at) > staleAfterDays * DAY_MS;
    return {
      communeId: commune.id,
      communeName: commune.name,
      lastPackage: last
        ? {
            senderId: last.commune_id,
            sequence: last.sequence,
            createdAt: last.created_at,
            receivedAt: last.received_at,
            counts: JSON.parse(last.counts) as PackageCounts,
          }
        : null,
      trustedKeyId: keyOf.get(commune.id, commune.id)?.key_id ?? null,
      stale,
    };
  });
}
