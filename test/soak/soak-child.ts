import { PNG } from 'pngjs';
import { openAppCore, type AppCore } from '../../main/core/app-core';
import { CHECK_KEYS } from '../../shared/domain/inspections';
import type { ImportStatus } from '../../shared/domain/import';
import { call, settle } from '../bench/import.bench';
import { createPrng } from '../support/synthetic-venues';
import type { SoakEvent, SoakKind } from './events';
import { BASE_STAFF_NAME, type SoakBase } from './base-folder';

/**
 * One soak run's working process, started by soak.ts on a copy of the prepared folder and
 * killed with SIGKILL at a random moment. It does one kind of work in a loop and prints
 * each write it asks for and each answer it gets (events.ts).
 * argv: <data folder> <kind> <seed> <base as JSON>.
 */
const [dataDir, kind, seedText, baseJson] = process.argv.slice(2) as [string, SoakKind, string, string];
const base = JSON.parse(baseJson) as SoakBase;
const random = createPrng(Number(seedText));
// Stdout to a pipe is synchronous on Linux: once write returns, the parent can read the line.
const say = (event: SoakEvent) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function signIn(core: AppCore): Promise<void> {
  const admin = (await call<Array<{ id: string; name: string }>>(core, 'staff.list', {})).find((staff) => staff.name === BASE_STAFF_NAME)!;
  await call(core, 'session.start', { staffId: admin.id });
}

/** A semicolon CSV as Excel writes it, of venues whose names all start with `tag`, so the check can count them. */
function importCsv(tag: string, rows: number) {
  const lines = ['STT;Tên cơ sở;Địa chỉ;Loại hình'];
  for (let n = 1; n <= rows; n++) lines.push(`${n};${tag} quán số ${n};Thôn ${n % 40} xã Kỳ Bắc;Quán ăn`);
  return { fileName: `${tag}.csv`, bytesBase64: Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8').toString('base64') };
}

async function importOnce(core: AppCore, round: number): Promise<void> {
  const key = `Soak${round}x${Math.floor(random() * 1e6)}`;
  const rows = 1500 + Math.floor(random() * 1500);
  const read = await settle(core, await call<ImportStatus>(core, 'imports.open', importCsv(key, rows)), 'read');
  const sheet = read.sheets.find((candidate) => candidate.headerRow !== null)!;
  const columns = sheet.columns.map((column) => ({ index: column.index, field: column.guess, encoding: column.encoding }));
  await settle(core, await call<ImportStatus>(core, 'imports.check', { importId: read.importId, sheet: sheet.name, headerRow: sheet.headerRow, columns }), 'checked');
  say({ event: 'start', kind: 'import', key, rows });
  await settle(core, await call<ImportStatus>(core, 'imports.commit', { importId: read.importId, duplicateExisting: 'import', duplicateInFile: 'import' }), 'committed');
  say({ event: 'ack', kind: 'import', key, rows });
}

async function printOnce(core: AppCore, round: number): Promise<void> {
  const venueId = base.venueIds[round % base.venueIds.length];
  say({ event: 'start', kind: 'print', key: venueId });
  const job = await call<{ jobId: string }>(core, 'posters.createJob', { selection: { kind: 'venues', venueIds: [venueId] }, template: 'a4' });
  await call(core, 'posters.recordPrinted', { jobId: job.jobId });
  say({ event: 'ack', kind: 'print', key: venueId });
}

/** A photo of a few hundred KB, as a phone's after the app has shrunk it. */
function photo(width: number, height: number): string {
  const image = new PNG({ width, height });
  for (let i = 0; i < image.data.length; i++) image.data[i] = Math.floor(random() * 256);
  return PNG.sync.write(image).toString('base64');
}

async function visitOnce(core: AppCore, round: number): Promise<boolean> {
  if (round >= base.venueIds.length) return false;
  const venueId = base.venueIds[round];
  const venue = await call<{ postingPoints: Array<{ id: string }> }>(core, 'venues.get', { id: venueId });
  const point = venue.postingPoints[0].id;
  say({ event: 'start', kind: 'visit', key: venueId });
  const visit = await call<{ id: string; findings: Array<{ photos: Array<{ id: string }> }> }>(core, 'visits.save', {
    roundId: base.roundId,
    venueId,
    visitedOn: base.today,
    points: [{ postingPointId: point, results: { ...Object.fromEntries(CHECK_KEYS.map((check) => [check, true])), intact: false } }],
    findings: [{ postingPointId: point, category: 'damaged', note: 'Áp phích rách', photos: [{ fileName: 'IMG.png', bytesBase64: photo(240, 180), thumbnailBase64: photo(16, 12) }] }],
  });
  say({ event: 'ack', kind: 'visit', key: visit.id, photoId: visit.findings[0].photos[0].id });
  return true;
}

async function backupOnce(core: AppCore): Promise<void> {
  say({ event: 'start', kind: 'backup', key: '' });
  const made = await call<{ id: string }>(core, 'backups.make', {});
  say({ event: 'ack', kind: 'backup', key: made.id });
}

/** A venue written, then the backup made at the start restored over it: the marker must go, and later ones stay. */
async function restoreOnce(core: AppCore, round: number, backupId: string): Promise<void> {
  const name = `Mốc khôi phục ${round}`;
  say({ event: 'start', kind: 'restore', key: `marker:${name}` });
  await call(core, 'venues.create', { name, acknowledgeDuplicates: true });
  say({ event: 'ack', kind: 'restore', key: `marker:${name}` });
  if (random() < 0.5) return;
  say({ event: 'start', kind: 'restore', key: `restore:${backupId}` });
  await call(core, 'backups.restore', { id: backupId });
  say({ event: 'ack', kind: 'restore', key: `restore:${backupId}` });
  await signIn(core);
}

async function work(): Promise<void> {
  const core = openAppCore({ dataDir, appVersion: 'soak' });
  await signIn(core);
  const backupId = kind === 'restore' ? (await call<{ id: string }>(core, 'backups.make', {})).id : '';
  say({ event: 'ready' });
  // Bounded, so a run the parent forgets to kill still ends; the parent kills long before.
  for (let round = 0; round < 500; round++) {
    if (kind === 'import') await importOnce(core, round);
    else if (kind === 'print') await printOnce(core, round);
    else if (kind === 'visit' && !(await visitOnce(core, round))) break;
    else if (kind === 'backup') await backupOnce(core);
    else if (kind === 'restore') await restoreOnce(core, round, backupId);
  }
  await core.shutdown();
}

work().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
