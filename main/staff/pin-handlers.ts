import type { pinOperations } from '../../shared/api/operations/pin';
import type { HandlersOf } from '../core/dispatcher';
import type { Db } from '../db/open';
import type { WorkSession } from '../session/session';
import { getSettings } from '../settings/service';
import { clearPin, setOwnPin } from './pin';
import { unlockSession } from './sign-in';

export function pinHandlers({ db, session }: { db: Db; session: WorkSession }): HandlersOf<typeof pinOperations> {
  return {
    'session.status': () => ({ locked: session.locked, idleLockSeconds: getSettings(db).idleLockSeconds }),
    // main/session/idle-lock.ts counts the call itself as activity (and refuses it while locked).
    'session.touch': () => ({}),
    'session.unlock': ({ pin }) => unlockSession(db, session, pin),
    'staff.setPin': (input) => setOwnPin(db, session, input),
    'staff.clearPin': ({ staffId }) => clearPin(db, session, staffId),
  };
}
