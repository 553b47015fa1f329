import { useEffect, useState } from 'react';

/** How long typing pauses before a search box asks: a word typed at office speed sends one request, not one per letter. */
export const SEARCH_PAUSE_MS = 150;

/** `value` once it has stayed the same for `ms`: the list searches when the clerk pauses, not at every keystroke. */
export function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
