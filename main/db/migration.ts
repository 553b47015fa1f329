import type { Database } from 'better-sqlite3';

/** One schema step. Each lives in its own file under migrations/ and runs in one transaction. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
