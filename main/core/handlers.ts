import { searchAudit } from '../audit/search';
import { listAudit } from '../audit/service';
import { importOfficialCodes } from '../codes/official-import';
import { listActions, markActionDone } from '../inspections/actions';
import { findingPhoto } from '../inspections/findings';
import { addVenuesToRound, closeRound, createRound, listRounds, roundDetail, startFollowUp, suggestVenues } from '../inspections/rounds';
import { findingsWhere } from '../inspections/rows';
import { saveVisit } from '../inspections/visits';
import { ensureCode, listCodes, revokeCode, setOfficialCode, trustOfficeKey, verifyCode } from '../codes/service';
import { schemaVersionOf } from '../db/open';
import { documentHandlers } from '../documents/handlers';
import { backupHandlers } from '../backup/handlers';
import { makeBackup } from '../backup/make-backup';
import type { Restored } from '../backup/restore';
import { dashboardHandlers } from '../dashboard/handlers';
import { exchangeHandlers } from '../exchange/handlers';
import { reportHandlers } from '../reports/handlers';
import { scanHandlers } from '../scans/handlers';
import type { ScanContext } from '../scans/import-service';
import { exportVenues } from '../export/venues-export';
import {
  cancelImport,
  checkImport,
  commitImport,
  describeImportSheet,
  importErrorReport,
  importRows,
  importStatus,
  openImport,
  type ImportContext,
} from '../import/service';
import { officeNameOf } from '../posters/poster-data';
import { printHistory } from '../posters/prints';
import { listQueue } from '../posters/queue';
import {
  cancelPrintJob,
  createPrintJob,
  downloadPdf,
  exportPdf,
  printJobStatus,
  printSlice,
  recordPrinterPrint,
  type PosterContext,
} from '../posters/service';
import { requireStaff, type WorkSession } from '../session/session';
import { addPostingPoint, renamePostingPoint, retirePostingPoint } from '../posting-points/service';
import { getSettings, updateSettings } from '../settings/service';
import { createStaff, currentStaff, listStaff, updateStaff } from '../staff/service';
import { pinHandlers } from '../staff/pin-handlers';
import { startSession } from '../staff/sign-in';
import { createUnit, retireUnit, updateUnit } from '../units/edit';
import { importUnits } from '../units/import';
import { mergeUnits } from '../units/merge';
import { seedExampleUnits } from '../units/seed';
import { listUnits } from '../units/service';
import { venueCountsByUnit } from '../units/usage';
import { findDuplicates } from '../venues/duplicates';
import { listVenues } from '../venues/search';
import { createVenue, getVenueDetail, setVenueStatus, updateVenue } from '../venues/service';
import type { Handlers } from './dispatcher';

export interface HandlerContext extends ImportContext, PosterContext, ScanContext {
  /** The app's session, with its idle lock and wrong-PIN count (the services only need who is working). */
  session: WorkSession;
  dataDir: string;
  appVersion: string;
  /** Backs up the current state, then reopens the core on backup `id` (see openAppCore). */
  restoreBackup(id: string): Promise<Restored>;
}

/** Each declared operation mapped to its service; the type makes a missing one a compile error. */
export function createHandlers(context: HandlerContext): Handlers {
  const { db, session, dataDir, appVersion } = context;
  return {
    'app.info': () => ({
      appVersion,
      dataDir,
      schemaVersion: schemaVersionOf(db),
    }),

    'session.get': () => ({ staff: currentStaff(db, session) }),
    'session.start': ({ staffId, pin }) => startSession(db, session, staffId, pin),

    'staff.list': ({ includeInactive }) => listStaff(db, includeInactive),
    'staff.create': (input) => createStaff(db, session, input),
    'staff.update': (input) => updateStaff(db, session, input),

    'settings.get': () => getSettings(db),
    'settings.update': (input) => updateSettings(db, session, input),

    'units.list': ({ includeRetired }) => listUnits(db, includeRetired),
    'units.venueCounts': () => venueCountsByUnit(db),
    'units.create': (input) => createUnit(db, session, input),
    'units.update': (input) => updateUnit(db, session, input),
    'units.retire': ({ id }) => retireUnit(db, session, id),
    'units.merge': async ({ fromId, intoId }) => {
      await makeBackup(db, dataDir, 'before-merge');
      return mergeUnits(db, session, fromId, intoId);
    },
    'units.seedExample': () => seedExampleUnits(db, session),
    'units.import': ({ fileName, bytesBase64 }) =>
      importUnits(db, session, { fileName, bytes: Buffer.from(bytesBase64, 'base64') }),

    'venues.create': (input) => createVenue(db, session, input),
    'venues.update': (input) => updateVenue(db, session, input),
    'venues.setStatus': (input) => setVenueStatus(db, session, input),
    'venues.get': ({ id }) => getVenueDetail(db, id),
    'venues.list': (query) => listVenues(db, query),
    'venues.findDuplicates': (query) => findDuplicates(db, query),
    'venues.export': ({ format, ...query }) => exportVenues(db, query, format),

    'postingPoints.add': ({ venueId, label }) => addPostingPoint(db, session, venueId, label),
    'postingPoints.rename': ({ id, label }) => renamePostingPoint(db, session, id, label),
    'postingPoints.retire': ({ id }) => retirePostingPoint(db, session, id),

    'imports.open': (input) => openImport(context, input),
    'imports.status': ({ importId }) => importStatus(context, importId),
    'imports.cancel': ({ importId }) => cancelImport(context, importId),
    'imports.describeSheet': (input) => describeImportSheet(context, input),
    'imports.check': (input) => checkImport(context, input),
    'imports.rows': (query) => importRows(context, query),
    'imports.commit': async (input) => {
      await makeBackup(db, dataDir, 'before-import');
      return commitImport(context, input);
    },
    'imports.errorReport': ({ importId }) => importErrorReport(context, importId),

    'codes.list': ({ venueId }) => listCodes(db, venueId),
    'codes.ensure': ({ venueId }) => ensureCode(db, context.officeKey, requireStaff(session), venueId),
    'codes.revoke': ({ venueId, reason }) => revokeCode(db, session, context.officeKey, venueId, reason),
    'codes.setOfficial': ({ venueId, payload }) => setOfficialCode(db, session, venueId, payload),
    'codes.importOfficial': ({ fileName, bytesBase64 }) =>
      importOfficialCodes(db, session, { fileName, bytes: Buffer.from(bytesBase64, 'base64') }, context.readSheets),
    'codes.verify': ({ text, expectedVenueId }) =>
      verifyCode(db, { key: context.officeKey, officeName: officeNameOf(db) }, text, expectedVenueId),
    'codes.officeKey': () => ({
      keyId: context.officeKey.keyId,
      publicKey: context.officeKey.publicKey.toString('base64'),
      officeName: officeNameOf(db),
    }),
    'codes.trustKey': (input) => trustOfficeKey(db, session, context.officeKey, input),

    'posters.createJob': (input) => createPrintJob(context, input),
    'posters.slice': (input) => printSlice(context, input),
    'posters.exportPdf': ({ jobId }) => exportPdf(context, jobId),
    'posters.status': ({ jobId }) => printJobStatus(context, jobId),
    'posters.cancel': ({ jobId }) => cancelPrintJob(context, jobId),
    'posters.download': ({ jobId }) => downloadPdf(context, jobId),
    'posters.recordPrinted': ({ jobId }) => recordPrinterPrint(context, jobId),
    'posters.history': ({ venueId }) => printHistory(db, venueId),
    'posters.queue': () => listQueue(db),

    'rounds.list': () => listRounds(db),
    'rounds.create': (input) => createRound(db, session, input),
    'rounds.get': ({ id }) => roundDetail(db, id),
    'rounds.addVenues': ({ id, venueIds }) => addVenuesToRound(db, session, id, venueIds),
    'rounds.suggest': (filter) => suggestVenues(db, filter),
    'rounds.close': (input) => closeRound(db, session, input),
    'rounds.followUp': (input) => startFollowUp(db, session, input),
    'visits.save': (input) => saveVisit(db, session, dataDir, input),
    'findings.forVenue': ({ venueId }) => findingsWhere(db, 'f.venue_id = ?', venueId),
    'findings.photo': ({ photoId, thumbnail }) => findingPhoto(db, dataDir, photoId, thumbnail),
    'actions.list': (filter) => listActions(db, filter),
    'actions.markDone': ({ id }) => markActionDone(db, session, id),

    'audit.list': ({ entity, entityId }) => listAudit(db, entity, entityId),
    'audit.search': (input) => searchAudit(db, input),
    ...reportHandlers(context),
    ...documentHandlers(context),
    ...scanHandlers(context),
    ...dashboardHandlers(context),
    ...exchangeHandlers(context),
    ...backupHandlers(context),
    ...pinHandlers(context),
  };
}
