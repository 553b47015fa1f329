import type { Db } from '../db/open';
import { listUnits } from '../units/service';
import { createVenue, getVenue, listVenues } from '../venues/service';
import type { Handlers } from './dispatcher';

export interface HandlerContext {
  db: Db;
  dataDir: string;
  appVersion: string;
}

/** Each declared operation mapped to its service; the type makes a missing one a compile error. */
export function createHandlers({ db, dataDir, appVersion }: HandlerContext): Handlers {
  return {
    'app.info': () => ({
      appVersion,
      dataDir,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
    }),
    'units.list': ({ includeRetired }) => listUnits(db, includeRetired),
    'venues.create': (draft) => createVenue(db, draft),
    'venues.get': ({ id }) => getVenue(db, id),
    'venues.list': (query) => listVenues(db, query),
  };
}
