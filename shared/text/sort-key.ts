/**
 * A binary-comparable sort key in Vietnamese dictionary order, stored beside a name so
 * SQLite can page through 100,000 venues with ORDER BY sort_key (better-sqlite3 has no
 * custom collations). Letters compare first (a < ă < â < b < c < d < đ < e < ê ...),
 * tone marks only break ties (ngang < huyền < hỏi < ngã < sắc < nặng), as Intl.Collator('vi').
 */
const ALPHABET = [
  'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm',
  'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];
const TONES: Record<string, string> = {
  '\u0300': '1', // huyền
  '\u0309': '2', // hỏi
  '\u0303': '3', // ngã
  '\u0301': '4', // sắc
  '\u0323': '5', // nặng
};
const VOWEL_MARKS = new Set(['\u0306', '\u0302', '\u031b']); // breve, circumflex, horn

// Letters sort after digits and spaces; each letter takes one code point from a private range.
const LETTER_BASE = 0xe000;

function letterCode(letter: string): string | undefined {
  const index = ALPHABET.indexOf(letter);
  return index < 0 ? undefined : String.fromCharCode(LETTER_BASE + index);
}

/**
 * Tones break ties one syllable at a time, wherever the mark sits in the syllable, so old
 * and new tone placement ("Hoà" / "Hòa") get the same key.
 */
export function vietnameseSortKey(text: string): string {
  const decomposed = text.normalize('NFD').toLowerCase();
  let primary = '';
  let tones = '';
  let syllableTone: string | null = null;
  let index = 0;
  while (index < decomposed.length) {
    const base = decomposed[index++];
    let vowelMark = '';
    let tone = '0';
    while (index < decomposed.length && /[\u0300-\u036f]/.test(decomposed[index])) {
      const mark = decomposed[index++];
      if (VOWEL_MARKS.has(mark)) vowelMark += mark;
      else if (TONES[mark]) tone = TONES[mark];
    }
    const letter = (base + vowelMark).normalize('NFC');
    primary += letterCode(letter) ?? letter;
    if (/\p{L}/u.test(letter)) {
      syllableTone = syllableTone === null || syllableTone === '0' ? tone : syllableTone;
    } else if (syllableTone !== null) {
      tones += syllableTone;
      syllableTone = null;
    }
  }
  if (syllableTone !== null) tones += syllableTone;
  return `${primary}\u0000${tones}`;
}
