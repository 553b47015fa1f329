import type { ImportField } from '../../shared/domain/import';
import type { UnitLookup } from './unit-lookup';

/**
 * "xã/phường/thị trấn" and up to four words after it, the words a commune's name can take.
 * The unit word must be written out, with its tone marks or wholly without them: a bare name
 * ("Kỳ Phong") may be a shop or a person, and "Phượng" (a name) must not read as "phường".
 * Not after "thị": "thị xã Kỳ Anh" is a town, not the commune Kỳ Anh.
 */
const MENTION = /(?<![\p{L}\p{N}])(?<!thị\s)(?<!thi\s)(xã|xa|phường|phuong|thị trấn|thi tran)\s+([\p{L}\p{N}]+(?:[ \t]+[\p{L}\p{N}]+){0,3})/giu;

/** The cells where a clerk writes where a venue is. */
const PLACE_CELLS = ['address', 'village', 'name', 'notes'] as const satisfies readonly ImportField[];

/** The commune a mention names and the words naming it, longest name first ("Kỳ Phong Nam" before "Kỳ Phong"). */
function communeNamed(words: string[], lookup: UnitLookup) {
  for (let count = words.length; count > 0; count--) {
    const name = words.slice(0, count).join(' ');
    const commune = lookup.commune(name);
    if (commune) return { commune, name };
  }
  return undefined;
}

/**
 * Warnings for cells that name another commune of the units list than the row's own
 * ("Thôn 3, xã Kỳ Phong" in a list placed in Kỳ Bắc): the row still imports, but the clerk
 * should see that it may belong elsewhere. One warning per cell.
 */
export function otherCommuneWarnings(
  values: Partial<Record<ImportField, string>>,
  communeId: string,
  lookup: UnitLookup,
  fieldLabels: Record<ImportField, string>,
): Array<{ field: ImportField; message: string }> {
  const warnings: Array<{ field: ImportField; message: string }> = [];
  for (const field of PLACE_CELLS) {
    const text = values[field];
    if (!text) continue;
    for (const match of text.normalize('NFC').matchAll(MENTION)) {
      const named = communeNamed(match[2].split(/\s+/), lookup);
      if (!named || named.commune.id === communeId) continue;
      const own = lookup.communeName(communeId);
      warnings.push({ field, message: `${fieldLabels[field]}: ghi “${match[1]} ${named.name}”, khác xã của dòng này (${own})` });
      break;
    }
  }
  return warnings;
}

/**
 * A row whose commune cell names another commune than the office's own: it imports into
 * that commune (an office may keep a neighbour's venue), but the clerk should see it before
 * writing, as a commune office's list is read into its own commune.
 */
export function outsideOfficeWarnings(
  values: Partial<Record<ImportField, string>>,
  communeId: string | null,
  homeCommuneId: string | null,
  lookup: UnitLookup,
  fieldLabels: Record<ImportField, string>,
): Array<{ field: ImportField; message: string }> {
  if (!values.commune || !communeId || !homeCommuneId || communeId === homeCommuneId) return [];
  const message = `${fieldLabels.commune}: “${values.commune}” không phải xã của văn phòng (${lookup.communeName(homeCommuneId)}); cơ sở sẽ được ghi vào ${lookup.communeName(communeId)}`;
  return [{ field: 'commune', message }];
}
