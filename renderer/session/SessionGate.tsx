import { useEffect, useState, type ReactNode } from 'react';
import type { Staff } from '../../shared/domain/staff';
import { api } from '../api/client';
import { LockScreen } from './LockScreen';
import { SessionContext } from './SessionContext';
import { useIdleLock } from './use-idle-lock';
import { WhoIsWorking } from './WhoIsWorking';

/**
 * Asks who is working before anything else, so every change is recorded against a
 * person. The choice lives in the main process; a reload keeps it. When the session
 * locks after the idle time, the lock screen covers the page, which stays as it was.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [staff, setStaff] = useState<Staff | null | undefined>(undefined);
  const { locked, unlocked } = useIdleLock(Boolean(staff));
  useEffect(() => {
    void api['session.get']({}).then((result) => setStaff(result.ok ? result.value.staff : null));
  }, []);
  if (staff === undefined) return null;
  if (staff === null) return <WhoIsWorking onChosen={setStaff} />;
  const switchStaff = () => {
    unlocked();
    setStaff(null);
  };
  return (
    <SessionContext.Provider value={{ staff, switchStaff }}>
      <div className="session-page" inert={locked}>
        {children}
      </div>
      {locked && (
        <LockScreen
          staff={staff}
          onSwitch={switchStaff}
          onUnlocked={(next) => {
            setStaff(next);
            unlocked();
          }}
        />
      )}
    </SessionContext.Provider>
  );
}
