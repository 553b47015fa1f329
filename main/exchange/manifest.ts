import crypto from 'node:crypto';
import { z } from 'zod';
import { PackageCounts } from '../../shared/domain/exchange';
import type { Db } from '../db/open';
import { PACKAGE_KEYS, PACKAGE_TABLES, quoted, TOMBSTONES } from './package-tables';

/** The package format this app writes and reads; a newer one is refused with a clear message. */
export const FORMAT_NAME = 'diemqr-package';
export const FORMAT_VERSION = 1;

/**
 * What a package says about itself, one row per key in its `manifest` table (value as
 * JSON). The signature is Ed25519 by the sending office's key over the canonical text of
 * every other row (see canonicalManifest), so another program can check it too.
 */
export const PACKAGE_KINDS = ['commune', 'return'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

export const Manifest = z.object({
  format: z.literal(FORMAT_NAME),
  /**
   * Which way it travels: `commune`, a commune's records up to its upper office; `return`,
   * the upper office's own inspections of that commune's venues, down to the commune.
   * Packages made before return packages existed say nothing and are commune packages.
   */
  kind: z.enum(PACKAGE_KINDS).default('commune'),
  formatVersion: z.number().int(),
  schemaVersion: z.number().int(),
  appVersion: z.string(),
  officeName: z.string(),
  /** The commune whose records these are (commune package) or which they are for (return package). */
  communeId: z.string(),
  communeName: z.string(),
  communeOfficialCode: z.string().nullable(),
  sequence: z.number().int().min(1),
  createdAt: z.string(),
  fullPhotos: z.boolean(),
  /**
   * An incremental package names the package it adds to (its sequence and content hash):
   * it carries only rows new or changed since then, and tombstones for rows gone. Null
   * (or absent, in packages made before incrementals): a full package.
   */
  base: z
    .object({ sequence: z.number().int().min(1), contentHash: z.string().regex(/^[0-9a-f]{64}$/) })
    .nullable()
    .default(null),
  counts: PackageCounts,
  /** SHA-256, hex, over every table's rows as contentHash reads them. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  signerKeyId: z.string(),
  /** Raw 32-byte Ed25519 public key, base64: informative only, the receiver uses the key it trusts. */
  signerPublicKey: z.string(),
});
export type Manifest = z.infer<typeof Manifest>;

export const SIGNATURE_KEY = 'signature';

/** JSON of the manifest's rows sorted by key, without the signature: the bytes that are signed. */
export function canonicalManifest(rows: Record<string, unknown>): Buffer {
  const entries = Object.entries(rows)
    .filter(([key]) => key !== SIGNATURE_KEY)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(JSON.stringify(Object.fromEntries(entries)), 'utf8');
}

/** A value as the hash reads it: BLOBs as base64 strings tagged so they never equal a text. */
const hashable = (value: unknown) => (Buffer.isBuffer(value) ? { base64: value.toString('base64') } : value);

export const hasTombstones = (db: Db, schema: string) =>
  db.prepare(`SELECT 1 FROM ${schema}.sqlite_master WHERE type = 'table' AND name = ?`).get(TOMBSTONES) !== undefined;

/**
 * SHA-256 over the records of a package attached as `schema`: for each table in
 * PACKAGE_TABLES order (then an incremental's tombstones), its name and column names as
 * JSON, then each row in key order as a JSON array of its values, one line each. Sender
 * and receiver compute it the same way.
 */
export function contentHash(db: Db, schema: string): string {
  const hash = crypto.createHash('sha256');
  const tables: Array<[string, readonly string[]]> = PACKAGE_TABLES.map((table) => [table, PACKAGE_KEYS[table]]);
  if (hasTombstones(db, schema)) tables.push([TOMBSTONES, ['table_name', 'key']]);
  for (const [table, keys] of tables) {
    const query = db.prepare(`SELECT * FROM ${schema}.${table} ORDER BY ${keys.map(quoted).join(', ')}`).raw();
    hash.update(`${JSON.stringify([table, query.columns().map((column) => column.name)])}\n`);
    // The same bytes as one line per row, handed to the hash a batch at a time: a call per row cost more than the hashing.
    let batch: string[] = [];
    for (const row of query.iterate() as Iterable<unknown[]>) {
      batch.push(`${JSON.stringify(row.map(hashable))}\n`);
      if (batch.length === 2000) {
        hash.update(batch.join(''));
        batch = [];
      }
    }
    hash.update(batch.join(''));
  }
  return hash.digest('hex');
}

export function tableCounts(db: Db, schema: string): PackageCounts {
  return Object.fromEntries(
    PACKAGE_TABLES.map((table) => [table, db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${schema}.${table}`).get()!.n]),
  );
}

/** Writes the manifest and its signature into the package attached as `schema`. */
export function writeManifest(db: Db, schema: string, key: { privateKey: crypto.KeyObject }, manifest: Manifest): void {
  const rows: Record<string, unknown> = { ...manifest };
  const signature = crypto.sign(null, canonicalManifest(rows), key.privateKey).toString('base64');
  db.exec(`CREATE TABLE ${schema}.manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  const insert = db.prepare(`INSERT INTO ${schema}.manifest (key, value) VALUES (?, ?)`);
  for (const [name, value] of Object.entries({ ...rows, [SIGNATURE_KEY]: signature })) insert.run(name, JSON.stringify(value));
}

/** The manifest's rows as they are in the file, each value parsed from its JSON. */
export function readManifestRows(db: Db, schema: string): Record<string, unknown> {
  const rows = db.prepare<[], { key: string; value: string }>(`SELECT key, value FROM ${schema}.manifest`).all();
  return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
}
