import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `ms`: the list searches when the clerk pauses, not at every keystroke. */
export function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
