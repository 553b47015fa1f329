import type { ScanMatch, ScanVenueChoice } from '../../shared/domain/scans';
import { foldedWords, foldVietnamese } from '../../shared/text/fold';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import { unitKey } from '../import/unit-lookup';

/** The identifying cells of one row, as read (legacy fonts converted). */
export interface Identifiers {
  code: string;
  payload: string;
  name: string;
  village: string;
}

export interface KnownVenue {
  id: string;
  code: string;
  name: string;
  villageId: string | null;
  status: string;
}

export type MatchResult =
  | { venueId: string; match: ScanMatch }
  | { venueId: null; candidates: readonly string[] };

/** A minted code, or a link ending in one: the short code sits after "DQR1:" (main/codes/minted-payload.ts). */
const MINTED_SHORT_CODE = /(?:^|[=/])DQR1:([A-Z0-9-]{1,20}):/;

const NO_MATCH: MatchResult = { venueId: null, candidates: [] };

/** The key a clerk's assignment is remembered by: the code string as written, else folded name and village. */
export function aliasKeyOf(identifiers: Identifiers): string {
  const code = identifiers.payload.trim() || identifiers.code.trim();
  return code || `${foldVietnamese(identifiers.name)}|${unitKey(identifiers.village)}`;
}

/**
 * id, code, name, village id, status, the commune it was received from: a venue as the
 * matcher keeps it (arrays, as 100,000 of them may be read at once).
 */
type VenueTuple = [string, string, string, string | null, string, string | null];

const VENUE_COLUMNS = 'v.id, v.code, v.name, v.village_id, v.status, v.received_from';

/** A statement answering venue tuples; its SQL is this file's own, so switching it to arrays touches nobody else's. */
const tuples = <P extends unknown[]>(db: Db, sql: string) => statement<P, VenueTuple>(db, sql).raw(true);

/** Past this many different identifiers, reading the whole register once is cheaper than asking for each. */
const LOOKUPS_BEFORE_LOADING = 2000;

/** A venue as the register is read in bulk: with its folded name last. */
type RegisterTuple = [...VenueTuple, string];

/** The register in memory: venues by code; folded names when a row needs them. */
interface Register {
  byCode: Map<string, RegisterTuple>;
  /** Folded name → the venue's id, or the ids of namesakes. */
  byName: Map<string, string | string[]> | null;
}

/**
 * Finds the venue a row of a scan file means, in order: the official code string byte for
 * byte (any revision), a minted code's short code, the short code, an alias a clerk taught
 * it, then the folded name in the village. Remembers each identifier's answer (a long sheet
 * repeats a venue on every day) and each venue it met. A small file asks the database for
 * each identifier; a large one, or one matched by name, reads the register once.
 */
export class VenueDirectory {
  private readonly venues = new Map<string, VenueTuple | RegisterTuple>();
  private register: Register | null = null;
  /** The byte lengths of the code strings issued: a text of another length is no official string, and needs no query. */
  private payloadLengths: Set<number> | null = null;
  private lookups = 0;
  private readonly villageKeys = new Map<string, string>();
  private readonly communeNames = new Map<string, string>();
  private readonly answers = new Map<string, MatchResult>();

  constructor(private readonly db: Db) {
    for (const unit of statement<[], { id: string; name: string; level: string }>(db, "SELECT id, name, level FROM admin_units WHERE level IN ('village', 'commune')").all()) {
      if (unit.level === 'village') this.villageKeys.set(unit.id, unitKey(unit.name));
      else this.communeNames.set(unit.id, unit.name);
    }
  }

  private remember(row: VenueTuple | RegisterTuple): string {
    if (!this.venues.has(row[0])) this.venues.set(row[0], row);
    return row[0];
  }

  private tuple(id: string): VenueTuple | RegisterTuple | undefined {
    if (!this.venues.has(id)) {
      const row = tuples<[string]>(this.db, `SELECT ${VENUE_COLUMNS} FROM venues v WHERE v.id = ?`).get(id);
      if (row) this.remember(row);
    }
    return this.venues.get(id);
  }

  venue(id: string): KnownVenue | undefined {
    const row = this.tuple(id);
    return row && { id: row[0], code: row[1], name: row[2], villageId: row[3], status: row[4] };
  }

  isClosed(id: string): boolean {
    return this.tuple(id)?.[4] === 'closed';
  }

  /** At an upper office, the commune whose package brought this venue (its counts come that way only); null for the office's own. */
  receivedFrom(id: string): string | null {
    const communeId = this.tuple(id)?.[5] ?? null;
    return communeId && (this.communeNames.get(communeId) ?? communeId);
  }

  choice(id: string): ScanVenueChoice | null {
    const row = this.tuple(id);
    return row ? { id: row[0], code: row[1], name: row[2], villageId: row[3], status: row[4] } : null;
  }

  private loadRegister(): Register {
    if (!this.register) {
      const register: Register = { byCode: new Map(), byName: null };
      const all = statement<[], RegisterTuple>(this.db, `SELECT ${VENUE_COLUMNS}, v.name_folded FROM venues v`).raw(true);
      for (const row of all.iterate()) register.byCode.set(row[1], row);
      this.register = register;
    }
    return this.register;
  }

  private names(): Map<string, string | string[]> {
    const register = this.loadRegister();
    if (!register.byName) {
      const byName = new Map<string, string | string[]>();
      for (const row of register.byCode.values()) {
        this.remember(row);
        const named = byName.get(row[6]);
        if (named === undefined) byName.set(row[6], row[0]);
        else if (typeof named === 'string') byName.set(row[6], [named, row[0]]);
        else named.push(row[0]);
      }
      register.byName = byName;
    }
    return register.byName;
  }

  private byPayload(text: string): string | undefined {
    this.payloadLengths ??= new Set(
      statement<[], number>(this.db, 'SELECT DISTINCT length(CAST(payload AS BLOB)) FROM venue_codes').pluck(true).all(),
    );
    if (!this.payloadLengths.has(Buffer.byteLength(text))) return undefined;
    const row = tuples<[string]>(this.db, `SELECT ${VENUE_COLUMNS} FROM venue_codes c JOIN venues v ON v.id = c.venue_id WHERE c.payload = ? LIMIT 1`).get(text);
    return row && this.remember(row);
  }

  private byCode(code: string): string | undefined {
    const row = this.register ? this.register.byCode.get(code) : tuples<[string]>(this.db, `SELECT ${VENUE_COLUMNS} FROM venues v WHERE v.code = ?`).get(code);
    return row && this.remember(row);
  }

  match(identifiers: Identifiers): MatchResult {
    const key = `${identifiers.payload}\u0000${identifiers.code}\u0000${identifiers.name}\u0000${identifiers.village}`;
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.find(identifiers);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private find(identifiers: Identifiers): MatchResult {
    if (++this.lookups > LOOKUPS_BEFORE_LOADING) this.loadRegister();
    const codes = [identifiers.payload, identifiers.code].filter((text) => text.trim() !== '');
    for (const text of codes) {
      const official = this.byPayload(text) ?? (text.trim() !== text ? this.byPayload(text.trim()) : undefined);
      if (official) return { venueId: official, match: 'payload' };
    }
    for (const text of codes) {
      const shortCode = MINTED_SHORT_CODE.exec(text.trim())?.[1];
      const minted = shortCode && this.byCode(shortCode);
      if (minted) return { venueId: minted, match: 'minted' };
    }
    for (const text of codes) {
      const venueId = this.byCode(text.trim().toUpperCase());
      if (venueId) return { venueId, match: 'code' };
    }
    const byAlias = tuples<[string]>(this.db, `SELECT ${VENUE_COLUMNS} FROM scan_aliases a JOIN venues v ON v.id = a.venue_id WHERE a.identifier = ?`);
    const nameKey = identifiers.name.trim() ? `${foldVietnamese(identifiers.name)}|${unitKey(identifiers.village)}` : null;
    for (const key of [...codes.map((text) => text.trim()), ...(nameKey ? [nameKey] : [])]) {
      const alias = byAlias.get(key);
      if (alias) return { venueId: this.remember(alias), match: 'alias' };
    }
    return nameKey ? this.byNameAndVillage(identifiers) : NO_MATCH;
  }

  /** Same folded name, in the named village when the file gives one; an open venue wins over closed namesakes. */
  private byNameAndVillage(identifiers: Identifiers): MatchResult {
    const village = unitKey(identifiers.village);
    const found = this.names().get(foldVietnamese(identifiers.name)) ?? [];
    const named = (typeof found === 'string' ? [found] : found).filter(
      (id) => village === '' || this.villageKeys.get(this.venues.get(id)?.[3] ?? '') === village,
    );
    const open = named.filter((id) => this.venues.get(id)?.[4] !== 'closed');
    const candidates = open.length > 0 ? open : named;
    if (candidates.length === 1) return { venueId: candidates[0], match: 'name' };
    return { venueId: null, candidates };
  }

  /**
   * Up to five venues whose names share the most words with the row's name (or code), for
   * an unmatched row; one in the row's village first among equals. FTS5 finds candidates by
   * whole words (by word starts when none shares a whole word); the words shared rank them,
   * as bm25 alone favours a short name sharing one rare word.
   */
  suggest(identifiers: Identifiers): string[] {
    const words = [...new Set(foldedWords(identifiers.name || identifiers.code).filter((word) => word.length > 1))].slice(0, 12);
    if (words.length === 0) return [];
    const candidates = statement<[string], { id: string; name_folded: string }>(
      this.db,
      `SELECT v.id, v.name_folded FROM venues_fts f JOIN venues v ON v.rowid = f.rowid
       WHERE venues_fts MATCH ? ORDER BY bm25(venues_fts, 10.0, 1.0), v.sort_key LIMIT 50`,
    );
    const whole = candidates.all(words.map((word) => `"${word}"`).join(' OR '));
    const found = whole.length > 0 ? whole : candidates.all(words.map((word) => `"${word}"*`).join(' OR '));
    const village = unitKey(identifiers.village);
    const score = (candidate: { id: string; name_folded: string }) => {
      const shared = foldedWords(candidate.name_folded).filter((word) => words.includes(word)).length;
      const sameVillage = village !== '' && this.villageKeys.get(this.venue(candidate.id)?.villageId ?? '') === village;
      return shared + (sameVillage ? 0.5 : 0);
    };
    return found
      .map((candidate, rank) => ({ id: candidate.id, score: score(candidate), rank }))
      .sort((a, b) => b.score - a.score || a.rank - b.rank)
      .slice(0, 5)
      .map((candidate) => candidate.id);
  }
}
