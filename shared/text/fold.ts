/**
 * Vietnamese text folding for search: one function folds both what is indexed and
 * what the user types, so "Hoà" (old tone placement), "Hòa" (new), "HOA" and "hoa"
 * all meet. SQLite's unicode61 tokenizer strips tone marks but not đ (U+0111 has no
 * decomposition), so we fold everything ourselves before it reaches FTS5.
 */
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const D_WITH_STROKE = /[đĐ]/g;
const WHITESPACE = /\s+/g;

export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_WITH_STROKE, 'd')
    .toLowerCase()
    .replace(WHITESPACE, ' ')
    .trim();
}

/** Words of a folded text, split on anything that is not a letter or digit. */
export function foldedWords(text: string): string[] {
  return foldVietnamese(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** Text as we store it: NFC, trimmed, inner runs of white space collapsed. */
export function cleanText(text: string): string {
  return text.normalize('NFC').replace(WHITESPACE, ' ').trim();
}
