import type { documentOperations } from '../../shared/api/operations/documents';
import type { HandlerContext } from '../core/handlers';
import type { HandlersOf } from '../core/dispatcher';
import { todayInVietnam } from '../inspections/rows';
import { buildDocumentContent } from './content';
import { documentPdf } from './service';
import { getDocument, issueDocument, listDocuments } from './store';

/** The round documents' operations mapped to their services. */
export function documentHandlers(context: HandlerContext): HandlersOf<typeof documentOperations> {
  const { db, session } = context;
  return {
    'documents.draft': (request) => buildDocumentContent(db, request),
    'documents.issue': (request) => issueDocument(db, session, request, todayInVietnam()),
    'documents.list': ({ roundId }) => listDocuments(db, roundId),
    'documents.get': ({ id }) => getDocument(db, id),
    'documents.pdf': (request) => documentPdf(context, request),
  };
}
