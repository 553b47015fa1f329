import type { Migration } from '../migration';
import { migration001 } from './001-initial';

/** In version order; a test checks they are numbered 1..n without gaps. */
export const MIGRATIONS: readonly Migration[] = [migration001];
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
