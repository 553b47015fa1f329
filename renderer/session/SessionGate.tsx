import { useEffect, useState, type ReactNode } from 'react';
import type { Staff } from '../../shared/domain/staff';
import { api } from '../api/client';
import { SessionContext } from './SessionContext';
import { WhoIsWorking } from './WhoIsWorking';

/**
 * Asks who is working before anything else, so every change is recorded against a
 * person. The choice lives in the main process; a reload keeps it.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [staff, setStaff] = useState<Staff | null | undefined>(undefined);
  useEffect(() => {
    void api['session.get']({}).then((result) => setStaff(result.ok ? result.value.staff : null));
  }, []);
  if (staff === undefined) return null;
  if (staff === null) return <WhoIsWorking onChosen={setStaff} />;
  return (
    <SessionContext.Provider value={{ staff, switchStaff: () => setStaff(null) }}>{children}</SessionContext.Provider>
  );
}
