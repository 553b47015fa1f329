import { z } from 'zod';
import { Id } from './fields';

/**
 * Data packages (.diemqr) a commune office sends to its upper office (the province, or
 * the district for data before 2025), and what the upper office knows of them.
 */

/** Largest package an office sends or accepts; a province's biggest commune stays well under it. */
export const PACKAGE_LIMIT_BYTES = 200 * 1024 * 1024;

/** Rows per table in a package, by the table's name (venues, posting_points, scan_counts, …). */
export const PackageCounts = z.record(z.string(), z.number().int().min(0));
export type PackageCounts = z.infer<typeof PackageCounts>;

const PhotoChoice = z.object({
  /** Full-size photos too; by default only their thumbnails travel, which keeps the file small. */
  fullPhotos: z.boolean().optional().default(false),
});

export const PreparePackage = PhotoChoice.extend({
  /** Only what changed since the last package sent (see exchange.sendChoice); else the whole register. */
  incremental: z.boolean().optional().default(false),
});

/** An upper office's return package for one commune under it. */
export const PrepareReturnPackage = PhotoChoice.extend({ communeId: Id });

/** What a commune office can send now: an incremental on the last package sent, when its state is kept. */
export const SendChoice = z.object({ incrementalBase: z.number().int().nullable() });

/** A package made and kept in the data folder: its size and counts, said before it is saved. */
export const SentPackage = z.object({
  sequence: z.number().int().min(1),
  fileName: z.string(),
  bytes: z.number().int(),
  counts: PackageCounts,
  createdAt: z.string(),
  fullPhotos: z.boolean(),
  /** An incremental package just made: the package it adds to. */
  baseSequence: z.number().int().optional(),
});
export type SentPackage = z.infer<typeof SentPackage>;

/** A package file picked at the upper office. */
export const ReceivePackage = z.object({
  fileName: z.string().max(255),
  bytesBase64: z.string().max(Math.ceil((PACKAGE_LIMIT_BYTES * 4) / 3) + 16),
});

export const ReceivedPackage = z.object({
  /** The commune that sent it, as this office's units name it. */
  communeId: Id,
  communeName: z.string(),
  /** Where its records land: the commune itself, or the one it was merged into in 2025. */
  landedInId: Id,
  landedInName: z.string(),
  officeName: z.string(),
  sequence: z.number().int(),
  createdAt: z.string(),
  receivedAt: z.string(),
  counts: PackageCounts,
  /** The same package came before: nothing changed. */
  alreadyReceived: z.boolean(),
});
export type ReceivedPackage = z.infer<typeof ReceivedPackage>;

export const DEFAULT_STALE_DAYS = 30;

export const ExchangeStatusQuery = z.object({
  staleAfterDays: z.number().int().min(1).max(3650).optional().default(DEFAULT_STALE_DAYS),
});

/** One commune under the upper office and the last package its records came from. */
export const CommuneExchangeStatus = z.object({
  communeId: Id,
  communeName: z.string(),
  lastPackage: z
    .object({
      /** The commune that sent it (an old commune merged into this one, or this one). */
      senderId: Id,
      sequence: z.number().int(),
      createdAt: z.string(),
      receivedAt: z.string(),
      counts: PackageCounts,
    })
    .nullable(),
  /** The trusted key bound to this commune (or to one merged into it); null: its packages cannot be received yet. */
  trustedKeyId: z.string().nullable(),
  /** No package yet, or the last one was made longer ago than the threshold. */
  stale: z.boolean(),
});
export type CommuneExchangeStatus = z.infer<typeof CommuneExchangeStatus>;
