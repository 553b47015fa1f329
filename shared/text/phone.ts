/**
 * Vietnamese phone numbers as clerks type them: "0912 345 678", "+84 912 345 678",
 * "0912.345.678", "912345678" (Excel dropped the leading zero), "(0239) 3861 234".
 * Mobile numbers have 10 digits (0 + 3/5/7/8/9), landlines 11 (02 + area + number),
 * hotlines 1800/1900 + 4 to 6 digits.
 */
const SEPARATORS = /[\s.\-()]/g;

/** The digits of a valid number in national form ("0912345678"), or null. */
export function phoneDigits(input: string): string | null {
  let digits = input.trim().replace(SEPARATORS, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith('0084')) digits = `0${digits.slice(4)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  if (!/^\d+$/.test(digits)) return null;
  if (/^[35789]\d{8}$/.test(digits) || /^2\d{9}$/.test(digits)) digits = `0${digits}`;
  if (/^0[35789]\d{8}$/.test(digits) || /^02\d{9}$/.test(digits) || /^1[89]00\d{4,6}$/.test(digits)) return digits;
  return null;
}

/** A valid number in the form people write it ("0912 345 678", "0239 3861 234"), or null. */
export function normalizePhone(input: string): string | null {
  const digits = phoneDigits(input);
  if (digits === null) return null;
  if (digits.startsWith('1')) return `${digits.slice(0, 4)} ${digits.slice(4)}`;
  if (digits.length === 10) return `${digits.slice(0, 4)} ${digits.slice(4, 7)} ${digits.slice(7)}`;
  return `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`;
}

/**
 * Splits a field where several numbers are typed, the ways clerks type them:
 * "0912 345 678; 0239 3861 234", "0912345678 - 0987654321", "0912… hoặc 0987…", one per
 * line (Alt+Enter), "ĐT: 0912…", "0912… (anh Hùng)". Labels and names in brackets are dropped.
 */
export function splitPhones(text: string): string[] {
  return text
    .replace(/\([^)]*\)/g, ' ')
    .replace(/(đt|dt|đtdđ|sđt|sdt|tel|điện thoại)\s*[:.]/gi, ' ')
    .split(/[,;/\n\r–—]|\s+-\s+|\s{2,}|\bhoặc\b|\bhoac\b/i)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}
