import { createContext, useContext } from 'react';
import type { Staff } from '../../shared/domain/staff';

export interface SessionValue {
  staff: Staff;
  /** Back to the "who is working" screen, to hand the PC to a colleague. */
  switchStaff(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession outside <SessionGate>');
  return session;
}
