import fs from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { loadOrCreateOfficeKey } from '../../main/codes/office-key';
import { openDatabase, type Db } from '../../main/db/open';
import { withAttachedPackage } from '../../main/exchange/attach';
import { packageColumns, quoted, RECEIVED_TABLES } from '../../main/exchange/package-tables';
import { preparePackage } from '../../main/exchange/prepare';
import { receivePackage } from '../../main/exchange/receive';
import { addStaff, changeVenues, setSetting } from '../support/exchange-seed';
import { seedProvince } from '../support/synthetic-province';
import { makeTempDir } from '../support/temp-dir';
import { table, timed } from './measure';
import { recordResult } from './results';

/**
 * A province receiving every commune's full package, for `npm run bench` (measures, never
 * asserts): the communes' registers are seeded in one database (each package made with
 * that commune as the office's own, signed by a key of its own), then the upper office
 * receives all of them through receivePackage (decode, checks, signature, content hash,
 * replace in one transaction) against the bare floor on another database with the same
 * units: each file written and attached, its rows inserted with one INSERT … SELECT per
 * table in one transaction.
 */
export interface ExchangeBenchOptions {
  venues: number;
  scanRows: number;
  print: (line: string) => void;
}

const CHANGED_VENUES = 100;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/**
 * The synthetic province imports its monthly scan files once for all communes; in the
 * field every commune imports its own, so each commune gets its own source rows.
 */
function splitScanSources(db: Db): void {
  db.transaction(() => {
    db.exec(`CREATE TEMP TABLE source_split AS
      SELECT DISTINCT c.source_id AS old_id, v.commune_id, NULL AS new_id FROM scan_counts c JOIN venues v ON v.id = c.venue_id`);
    const pairs = db.prepare<[], { old_id: string; commune_id: string }>('SELECT old_id, commune_id FROM temp.source_split').all();
    const name = db.prepare('UPDATE temp.source_split SET new_id = ? WHERE old_id = ? AND commune_id = ?');
    for (const pair of pairs) name.run(uuidv7(), pair.old_id, pair.commune_id);
    db.exec(`INSERT INTO scan_sources (id, kind, file_name, first_day, last_day, row_count, created_at, created_by)
      SELECT s.new_id, o.kind, o.file_name, o.first_day, o.last_day, 0, o.created_at, o.created_by FROM temp.source_split s JOIN scan_sources o ON o.id = s.old_id`);
    db.exec(`UPDATE scan_counts SET source_id = (SELECT s.new_id FROM temp.source_split s JOIN venues v ON v.commune_id = s.commune_id
      WHERE v.id = scan_counts.venue_id AND s.old_id = scan_counts.source_id)`);
    db.exec('DELETE FROM scan_sources WHERE id IN (SELECT old_id FROM temp.source_split)');
    db.exec('DROP TABLE temp.source_split');
  })();
}

/** Another database with the same units (so both sides start alike). */
function upperDatabase(file: string, source: string): Db {
  const db = openDatabase(file);
  withAttachedPackage(db, source, () => db.exec('INSERT INTO main.admin_units SELECT * FROM package.admin_units'));
  return db;
}

function bareReceive(db: Db, file: string, bytes: Buffer): void {
  fs.writeFileSync(file, bytes);
  withAttachedPackage(db, file, () =>
    db.transaction(() => {
      for (const table of RECEIVED_TABLES) {
        const columns = packageColumns(db, table).map((column) => quoted(column.name)).join(', ');
        db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM package.${table}`);
      }
    })(),
  );
  fs.rmSync(file);
}

export async function runExchangeBench({ venues, scanRows, print }: ExchangeBenchOptions): Promise<void> {
  print('');
  print(`exchange: a province receives every commune's full package (${venues} venues, ${scanRows} scan counts)`);
  const temp = makeTempDir('diemqr-bench-exchange-');
  try {
    const sourceFile = path.join(temp.dir, 'communes.sqlite3');
    const source = openDatabase(sourceFile);
    const province = seedProvince(source, { venues, scanRows, lastScanDay: '2026-11-30', actorId: null });
    splitScanSources(source);
    const session = { staffId: addStaff(source) };

    const started = performance.now();
    const packages: Array<{ communeId: string; key: ReturnType<typeof loadOrCreateOfficeKey>; bytes: Buffer }> = [];
    for (const [index, commune] of province.communes.entries()) {
      const key = loadOrCreateOfficeKey(path.join(temp.dir, 'keys', String(index)), null);
      setSetting(source, 'homeCommuneId', commune.id);
      const made = preparePackage({ db: source, session, dataDir: temp.dir, officeKey: key, appVersion: 'bench' }, false);
      packages.push({ communeId: commune.id, key, bytes: fs.readFileSync(path.join(temp.dir, 'exchange', 'sent', made.fileName)) });
    }
    const prepareMs = performance.now() - started;
    // The last commune's state is the one kept: it edits 100 venues and sends only those.
    const last = packages[packages.length - 1];
    changeVenues(source, last.communeId, CHANGED_VENUES);
    const context = { db: source, session, dataDir: temp.dir, officeKey: last.key, appVersion: 'bench' };
    const incremental = preparePackage(context, false, true);
    const incrementalBytes = fs.readFileSync(path.join(temp.dir, 'exchange', 'sent', incremental.fileName));
    source.close();
    const totalBytes = packages.reduce((sum, item) => sum + item.bytes.length, 0);

    const upper = upperDatabase(path.join(temp.dir, 'upper.sqlite3'), sourceFile);
    const upperSession = { staffId: addStaff(upper) };
    setSetting(upper, 'officeKind', 'upper');
    setSetting(upper, 'upperUnitId', province.provinceId);
    const trust = upper.prepare('INSERT INTO trusted_keys (key_id, name, public_key, added_at, commune_id) VALUES (?, ?, ?, ?, ?)');
    for (const item of packages) trust.run(item.key.keyId, item.communeId, item.key.publicKey.toString('base64'), new Date().toISOString(), item.communeId);
    const bare = upperDatabase(path.join(temp.dir, 'bare.sqlite3'), sourceFile);

    // Package by package, the two sides in turn (which goes first alternating), so a busy
    // machine slows both alike; the base64 the transport carries is made outside the timing.
    let appMs = 0;
    let bareMs = 0;
    for (const [index, item] of packages.entries()) {
      const upload = { fileName: 'goi.diemqr', bytesBase64: item.bytes.toString('base64') };
      const app = () => timed(() => receivePackage(upper, upperSession, upload));
      const floor = () => timed(() => bareReceive(bare, path.join(temp.dir, 'bare-package.sqlite3'), item.bytes));
      if (index % 2 === 0) {
        bareMs += await floor();
        appMs += await app();
      } else {
        appMs += await app();
        bareMs += await floor();
      }
    }
    const received = upper.prepare<[], { n: number }>('SELECT count(*) AS n FROM venues').get()!.n;
    const incrementalMs = await timed(() =>
      receivePackage(upper, upperSession, { fileName: 'goi-bo-sung.diemqr', bytesBase64: incrementalBytes.toString('base64') }),
    );
    const changedHere = upper.prepare<[string], { n: number }>("SELECT count(*) AS n FROM venues WHERE received_from = ? AND notes = 'Đã cập nhật biển hiệu'").get(last.communeId)!.n;
    upper.close();
    bare.close();

    const incrementalKb = incrementalBytes.length / 1024;
    recordResult({ part: 'exchange', measure: `incremental package, ${CHANGED_VENUES} changed venues`, app: incrementalKb, unit: 'KB', goal: '< 50 KB' });
    recordResult({ part: 'exchange', measure: `receive ${packages.length} full packages`, app: appMs / 1000, baseline: bareMs / 1000, unit: 's', ratio: appMs / bareMs, goal: '≤ 1.5x' });
    print(`  ${packages.length} packages, ${(totalBytes / 1024 / 1024).toFixed(1)} MB in all, made in ${seconds(prepareMs)}; ${received} venues received`);
    for (const line of table(
      ['receive all packages', 'time', 'ratio'],
      [
        ['bare: attach + INSERT … SELECT per table', seconds(bareMs), '1.00'],
        ['app: checks, signature, hash, replace', seconds(appMs), (appMs / bareMs).toFixed(2)],
      ],
    )) {
      print(`  ${line}`);
    }
    print(
      `  incremental package, ${CHANGED_VENUES} venues changed: ${incrementalKb.toFixed(1)} KB (goal < 50 KB), ` +
        `${incremental.counts.venues} venue rows; received in ${seconds(incrementalMs)}, ${changedHere} changed venues at the upper office`,
    );
  } finally {
    temp.remove();
  }
}
