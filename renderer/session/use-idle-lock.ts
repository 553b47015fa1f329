import { useEffect, useState } from 'react';
import { api } from '../api/client';

const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * Follows main's idle lock (main/session/idle-lock.ts) while someone is working: asks
 * whether the session locked every 5 s (a quarter of the idle time when that is shorter)
 * and reports the person's typing and clicks with `session.touch`, at most every quarter
 * of the idle time, so someone filling a long form without saving is not locked out.
 */
export function useIdleLock(working: boolean) {
  const [locked, setLocked] = useState(false);
  const [idleSeconds, setIdleSeconds] = useState(0);

  useEffect(() => {
    if (!working) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      const status = await api['session.status']({});
      if (stopped) return;
      const seconds = status.ok ? status.value.idleLockSeconds : 0;
      if (status.ok) setLocked(status.value.locked);
      setIdleSeconds(seconds);
      timer = setTimeout(() => void poll(), seconds > 0 ? Math.min(5000, seconds * 250) : 5000);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [working]);

  useEffect(() => {
    if (!working || locked || idleSeconds === 0) return;
    const every = Math.min(30_000, idleSeconds * 250);
    let last = 0;
    const onInput = () => {
      const now = Date.now();
      if (now - last < every) return;
      last = now;
      void api['session.touch']({}).then((result) => {
        if (!result.ok && result.error.code === 'SESSION_LOCKED') setLocked(true);
      });
    };
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
    return () => {
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    };
  }, [working, locked, idleSeconds]);

  return { locked, unlocked: () => setLocked(false) };
}
