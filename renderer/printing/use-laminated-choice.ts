import { useState } from 'react';

const KEY = 'diemqr.print.laminated';

/** "Ép plastic" as this PC's office last chose it: an office without a laminator unticks it once, not at every print. */
export function useLaminatedChoice(): [boolean, (laminated: boolean) => void] {
  const [laminated, setLaminated] = useState(() => localStorage.getItem(KEY) !== 'false');
  const choose = (value: boolean) => {
    localStorage.setItem(KEY, String(value));
    setLaminated(value);
  };
  return [laminated, choose];
}
