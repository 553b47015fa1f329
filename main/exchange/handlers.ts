import type { exchangeOperations } from '../../shared/api/operations/exchange';
import type { HandlersOf } from '../core/dispatcher';
import type { HandlerContext } from '../core/handlers';
import { preparePackage, prepareReturnPackage, sendChoice } from './prepare';
import { downloadPackage, listSentPackages } from './sent';
import { receivePackage } from './receive';
import { exchangeStatus } from './status';

/** The exchange area's operations mapped to their services. */
export function exchangeHandlers(context: HandlerContext): HandlersOf<typeof exchangeOperations> {
  const { db, session, dataDir } = context;
  return {
    'exchange.prepare': ({ fullPhotos, incremental }) => preparePackage(context, fullPhotos, incremental),
    'exchange.sendChoice': () => sendChoice(context),
    'exchange.prepareReturn': ({ communeId, fullPhotos }) => prepareReturnPackage(context, communeId, fullPhotos),
    'exchange.download': ({ sequence }) => downloadPackage(db, dataDir, sequence),
    'exchange.sent': () => listSentPackages(db),
    'exchange.receive': (upload) => receivePackage(db, session, upload),
    'exchange.status': ({ staleAfterDays }) => exchangeStatus(db, staleAfterDays),
  };
}
