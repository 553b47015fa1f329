import type { TFunction } from 'i18next';

const UNIT_FIELDS = new Set(['communeId', 'villageId', 'parentId', 'homeCommuneId']);

/**
 * A stored value as a person reads it: types and statuses translated, units by name,
 * lists joined, empty shown as "—".
 */
export function describeValue(t: TFunction, unitName: (id: string) => string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (UNIT_FIELDS.has(field)) return unitName(String(value)) || String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  if (field === 'type') return t(`venueType.${String(value)}`, { defaultValue: String(value) });
  if (field === 'status') return t(`venueStatus.${String(value)}`, { defaultValue: String(value) });
  if (field === 'role') return t(`staffRole.${String(value)}`, { defaultValue: String(value) });
  return String(value);
}
