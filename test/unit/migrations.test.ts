import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/result';
import { migrate, openDatabase, type Db } from '../../main/db/open';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../main/db/migrations';
import { RECEIVED_TABLES } from '../../main/db/migrations/007-exchange';
import { makeTempDir } from '../support/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  temp?.remove();
});

function freshFile(): string {
  temp = makeTempDir();
  return path.join(temp.dir, 'test.sqlite3');
}

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const plan = (db: Db, sql: string, ...params: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join('\n');

/** A venue row as bare as the schema allows, written straight to the table (migration tests predate the services). */
function insertBareVenue(target: Db, id: string, code: string, nameFolded = 'cho') {
  const now = new Date().toISOString();
  target
    .prepare(
      `INSERT INTO venues (id, code, name, sort_key, type, status, name_folded, details_folded, created_at, updated_at)
       VALUES (?, ?, 'Chợ', 'k', 'market', 'active', ?, '', ?, ?)`,
    )
    .run(id, code, nameFolded, now, now);
}

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('open a new file in WAL mode with foreign keys on and the latest schema version', () => {
    db = openDatabase(freshFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it('are applied once: reopening changes nothing', () => {
    const file = freshFile();
    openDatabase(file).close();
    db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
  });

  it('roll back whole when a step fails, leaving the version where it was', () => {
    const file = freshFile();
    db = new Database(file);
    const broken = [
      { version: 1, name: 'good', up: (d: Db) => d.exec('CREATE TABLE a (x)') },
      { version: 2, name: 'bad', up: (d: Db) => d.exec('CREATE TABLE b (x); SELECT * FROM missing_table') },
    ];
    expect(() => migrate(db!, broken)).toThrow(/missing_table/);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('a', 'b')").get()).toEqual({ n: 0 });
  });
});

describe('migration 001 (initial)', () => {
  it('creates admin units, venues, code counters and the FTS index', () => {
    db = openDatabase(freshFile());
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all() as Array<{ name: string }>).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['admin_units', 'venues', 'venue_code_counters', 'venues_fts', 'venues_fts_insert', 'venues_fts_update', 'venues_fts_delete']));
  });

  it('pages the list through the sort-key index, without a temporary sort', () => {
    db = openDatabase(freshFile());
    for (const [order, index] of [
      ['v.sort_key, v.code', 'venues_by_sort_key'],
      ['v.updated_at DESC, v.code DESC', 'venues_by_updated'],
    ]) {
      const detail = plan(db, `SELECT id FROM venues v ORDER BY ${order} LIMIT 100 OFFSET 0`);
      expect(detail).toMatch(new RegExp(`USING INDEX ${index}`));
      expect(detail).not.toMatch(/TEMP B-TREE/);
    }
    const byVillage = plan(db, "SELECT id FROM venues v WHERE v.village_id = 'x' ORDER BY v.sort_key, v.code LIMIT 100");
    expect(byVillage).toMatch(/USING INDEX venues_by_village/);
    expect(byVillage).not.toMatch(/TEMP B-TREE/);
  });

  it('answers a search from the FTS5 index, not a table scan', () => {
    db = openDatabase(freshFile());
    const detail = plan(db, `SELECT v.id FROM venues_fts f JOIN venues v ON v.rowid = f.rowid WHERE venues_fts MATCH ?`, '"cho"*');
    expect(detail).toMatch(/VIRTUAL TABLE INDEX/);
    expect(detail).toMatch(/SEARCH v USING INTEGER PRIMARY KEY/);
  });

  it('keeps the FTS index in step with inserts, updates and deletes', () => {
    db = openDatabase(freshFile());
    insertBareVenue(db, 'v1', 'CS-0001', 'cho ky bac');
    const hits = (q: string) => (db!.prepare('SELECT count(*) AS n FROM venues_fts WHERE venues_fts MATCH ?').get(q) as { n: number }).n;
    expect(hits('bac')).toBe(1);
    db.prepare("UPDATE venues SET name_folded = 'cho ky phong' WHERE id = 'v1'").run();
    expect(hits('bac')).toBe(0);
    expect(hits('phong')).toBe(1);
    db.prepare("DELETE FROM venues WHERE id = 'v1'").run();
    expect(hits('phong')).toBe(0);
  });
});

describe('a database from a newer app', () => {
  it('is refused even when its newer version is only in an unmerged WAL (after a crash)', () => {
    const file = freshFile();
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.exec('CREATE TABLE t (x)');
    writer.pragma('wal_checkpoint(TRUNCATE)');
    writer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    // Copy the files while the writer is open: the newer version sits in the WAL only, as after a crash.
    const crashed = path.join(temp.dir, 'crashed');
    fs.mkdirSync(crashed);
    const copy = path.join(crashed, 'test.sqlite3');
    fs.copyFileSync(file, copy);
    fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
    writer.close();
    expect(fs.statSync(`${copy}-wal`).size).toBeGreaterThan(0);
    const before = [sha256(copy), sha256(`${copy}-wal`)];

    expect(() => openDatabase(copy)).toThrow(expect.objectContaining({ code: 'DB_FUTURE_VERSION' }));
    expect([sha256(copy), sha256(`${copy}-wal`)]).toEqual(before);
  });

  for (const mode of ['delete', 'wal'] as const) {
    it(`is refused with DB_FUTURE_VERSION and left byte-identical (${mode} journal)`, () => {
      const file = freshFile();
      const newer = new Database(file);
      newer.pragma(`journal_mode = ${mode}`);
      newer.exec("CREATE TABLE future_things (x); INSERT INTO future_things VALUES ('from the future')");
      newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 7}`);
      newer.close();
      const before = sha256(file);
      const filesBefore = fs.readdirSync(temp.dir).sort();

      let thrown: unknown;
      try {
        openDatabase(file);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(AppError);
      expect((thrown as AppError).code).toBe('DB_FUTURE_VERSION');
      expect((thrown as AppError).message).toMatch(/phiên bản mới hơn/);
      expect(sha256(file)).toBe(before);
      expect(fs.readdirSync(temp.dir).sort()).toEqual(filesBefore);
    });
  }
});

describe('migration 002 (staff, audit log, settings)', () => {
  it('keeps the audit log append-only', () => {
    db = openDatabase(freshFile());
    db.prepare("INSERT INTO audit_log (id, at, entity, entity_id, action) VALUES ('a1', 'now', 'venue', 'v1', 'create')").run();
    expect(() => db!.prepare("UPDATE audit_log SET action = 'forged'").run()).toThrow(/append-only/);
    expect(() => db!.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('reads a record history through its index', () => {
    db = openDatabase(freshFile());
    const detail = plan(db, "SELECT * FROM audit_log WHERE entity = 'venue' AND entity_id = ? ORDER BY id DESC", 'v1');
    expect(detail).toMatch(/USING INDEX audit_log_by_entity/);
    expect(detail).not.toMatch(/TEMP B-TREE/);
  });
});

describe('migration 003 (posting points)', () => {
  it('gives every existing venue its main entrance', () => {
    const file = freshFile();
    db = new Database(file);
    migrate(db, MIGRATIONS.slice(0, 2));
    insertBareVenue(db, 'v1', 'CS-0001');
    insertBareVenue(db, 'v2', 'CS-0002');
    expect(migrate(db, MIGRATIONS.slice(0, 3))).toBe(3);
    const points = db.prepare('SELECT venue_id, label, is_main FROM posting_points ORDER BY venue_id').all();
    expect(points).toEqual([
      { venue_id: 'v1', label: 'Cửa chính', is_main: 1 },
      { venue_id: 'v2', label: 'Cửa chính', is_main: 1 },
    ]);
  });

  it('allows one main entrance per venue', () => {
    db = openDatabase(freshFile());
    insertBareVenue(db, 'v1', 'CS-0001');
    const point = db.prepare(
      "INSERT INTO posting_points (id, venue_id, label, position, is_main, created_at, updated_at) VALUES (?, 'v1', 'x', ?, 1, 'now', 'now')",
    );
    point.run('p1', 0);
    expect(() => point.run('p2', 1)).toThrow(/UNIQUE/);
  });
});

describe('migration 004 (codes, trusted keys, prints, reprint requests)', () => {
  it('finds a code by its payload and a venue\'s prints through indexes', () => {
    db = openDatabase(freshFile());
    expect(plan(db, 'SELECT venue_id FROM venue_codes WHERE payload = ?', 'x')).toMatch(/USING INDEX venue_codes_by_payload/);
    expect(plan(db, "SELECT * FROM prints WHERE venue_id = ? ORDER BY printed_at", 'v')).toMatch(/USING INDEX prints_by_venue/);
    expect(plan(db, 'SELECT * FROM reprint_requests WHERE venue_id = ? AND cleared_at IS NULL', 'v')).toMatch(/USING INDEX reprint_requests_open/);
  });

  it('keeps one row per revision of a venue', () => {
    db = openDatabase(freshFile());
    insertBareVenue(db, 'v1', 'CS-0001');
    const code = db.prepare("INSERT INTO venue_codes (id, venue_id, revision, source, payload, issued_at) VALUES (?, 'v1', 1, 'minted', 'x', 'now')");
    code.run('c1');
    expect(() => code.run('c2')).toThrow(/UNIQUE/);
  });
});

describe('migration 005 (inspections)', () => {
  it('reads a venue\'s findings and its actions still to verify through indexes', () => {
    db = openDatabase(freshFile());
    expect(plan(db, 'SELECT * FROM findings WHERE venue_id = ?', 'v')).toMatch(/USING INDEX findings_by_venue/);
    expect(plan(db, "SELECT * FROM corrective_actions WHERE venue_id = ? AND status != 'verified'", 'v')).toMatch(/USING INDEX corrective_actions_open/);
    expect(plan(db, 'SELECT * FROM visits WHERE venue_id = ? ORDER BY visited_on', 'v')).toMatch(/USING INDEX visits_by_venue/);
  });

  it('allows one visit per venue and round, and one action per finding', () => {
    db = openDatabase(freshFile());
    insertBareVenue(db, 'v1', 'CS-0001');
    db.prepare("INSERT INTO inspection_rounds (id, name, starts_on, team, status, created_at) VALUES ('r1', 'Đợt 1', '2026-11-20', '[]', 'open', 'now')").run();
    const visit = db.prepare("INSERT INTO visits (id, round_id, venue_id, visited_on, points, created_at) VALUES (?, 'r1', 'v1', '2026-11-20', '[]', 'now')");
    visit.run('x1');
    expect(() => visit.run('x2')).toThrow(/UNIQUE/);
  });
});

describe('migration 007 (exchange)', () => {
  it('finds a sending commune\'s rows through an index on every table a package replaces', () => {
    db = openDatabase(freshFile());
    for (const table of RECEIVED_TABLES) {
      expect(plan(db, `DELETE FROM ${table} WHERE received_from = ?`, 'c'), table).toMatch(new RegExp(`USING (COVERING )?INDEX ${table}_by_sender`));
    }
    expect(plan(db, 'SELECT max(sequence) FROM received_packages WHERE commune_id = ?', 'c')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_received_packages_1/);
    expect(plan(db, 'SELECT * FROM received_packages WHERE landed_in_id = ? ORDER BY created_at DESC LIMIT 1', 'c')).toMatch(/received_packages_by_landing/);
  });
});

describe('migration 009 (issued documents)', () => {
  it('numbers each kind once a year, and reads the next number and a round\'s documents through their indexes', () => {
    db = openDatabase(freshFile());
    const insert = db.prepare(
      `INSERT INTO issued_documents (id, kind, year, sequence, number, round_id, venue_id, content, issued_at)
       VALUES (?, ?, 2026, ?, '01/BB-KT', 'r1', NULL, '{}', '2026-11-20T00:00:00Z')`,
    );
    insert.run('d1', 'round_record', 1);
    insert.run('d2', 'reminder', 1);
    expect(() => insert.run('d3', 'round_record', 1)).toThrow(/UNIQUE/);
    expect(() => insert.run('d4', 'minutes', 2)).toThrow(/CHECK/);
    expect(plan(db, 'SELECT max(sequence) AS last FROM issued_documents WHERE kind = ? AND year = ?', 'round_record', 2026)).toMatch(
      /USING COVERING INDEX sqlite_autoindex_issued_documents_2/,
    );
    const byRound = plan(db, 'SELECT id FROM issued_documents d WHERE d.round_id = ? ORDER BY d.issued_at, d.rowid', 'r1');
    expect(byRound).toMatch(/USING (COVERING )?INDEX issued_documents_by_round/);
    expect(byRound).not.toMatch(/TEMP B-TREE/);
  });
});

describe('migration 010 (staff PIN)', () => {
  it('adds the PIN columns, null for the staff already there; reading one person stays a primary-key lookup', () => {
    const file = freshFile();
    db = new Database(file);
    migrate(db, MIGRATIONS.filter((m) => m.version < 10));
    const now = new Date().toISOString();
    db.prepare("INSERT INTO staff (id, name, name_folded, role, active, created_at, updated_at) VALUES ('s1', 'Lan', 'lan', 'admin', 1, ?, ?)").run(now, now);
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT pin_hash, pin_salt, pin_params, pin_hash IS NOT NULL AS has_pin FROM staff').get()).toEqual({
      pin_hash: null,
      pin_salt: null,
      pin_params: null,
      has_pin: 0,
    });
    expect(plan(db, 'SELECT id, name, role, active, pin_hash IS NOT NULL AS has_pin FROM staff WHERE id = ?', 's1')).toMatch(/USING INDEX sqlite_autoindex_staff_1/);
  });
});
