import type { reportOperations } from '../../shared/api/operations/reports';
import type { HandlerContext } from '../core/handlers';
import type { HandlersOf } from '../core/dispatcher';
import { todayInVietnam } from '../inspections/rows';
import { buildReport } from './content';
import { reportDocx, reportPdf, reportXlsx } from './files';
import { getReport, issueReport, listReports } from './store';

/** The reports area's operations mapped to their services. */
export function reportHandlers(context: HandlerContext): HandlersOf<typeof reportOperations> {
  const { db, session } = context;
  return {
    'reports.preview': (request) => buildReport(db, request, todayInVietnam()),
    'reports.issue': (request) => issueReport(db, session, request, todayInVietnam()),
    'reports.list': () => listReports(db),
    'reports.get': ({ id }) => getReport(db, id),
    'reports.pdf': ({ id }) => reportPdf(context, id),
    'reports.docx': ({ id }) => reportDocx(getReport(db, id)),
    'reports.xlsx': ({ id }) => reportXlsx(getReport(db, id)),
  };
}
