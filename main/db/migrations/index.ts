import type { Migration } from '../migration';
import { migration001 } from './001-initial';
import { migration002 } from './002-staff-audit';
import { migration003 } from './003-posting-points';
import { migration004 } from './004-codes-prints';
import { migration005 } from './005-inspections';
import { migration006 } from './006-scans-reports';
import { migration007 } from './007-exchange';
import { migration008 } from './008-wal-owner';
import { migration009 } from './009-issued-documents';
import { migration010 } from './010-staff-pin';

/** In version order; a test checks they are numbered 1..n without gaps. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002, migration003, migration004, migration005, migration006, migration007, migration008, migration009, migration010];
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
