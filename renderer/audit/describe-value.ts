import type { TFunction } from 'i18next';

/**
 * A stored value as a person reads it: types and statuses translated, ids (units, rounds,
 * people) by name, lists joined, empty shown as "—".
 */
export function describeValue(t: TFunction, nameOf: (id: string) => string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field.endsWith('Id')) return nameOf(String(value)) || String(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.join(', ');
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  // A set of counts (a package's records): each as "kind: n".
  if (typeof value === 'object') return Object.entries(value).map(([key, count]) => `${key}: ${String(count)}`).join(', ');
  if (field === 'type') return t(`venueType.${String(value)}`, { defaultValue: String(value) });
  if (field === 'status') return t(`venueStatus.${String(value)}`, { defaultValue: String(value) });
  // The idle lock is stored in seconds and chosen in minutes.
  if (field === 'idleLockSeconds') return Number(value) === 0 ? t('audit.never') : t('audit.minutes', { count: Math.round(Number(value) / 60) });
  if (field === 'level') return t(`units.level.${String(value)}`, { defaultValue: String(value) });
  if (field === 'officeKind') return t(`exchange.office.kinds.${String(value)}`, { defaultValue: String(value) });
  if (field === 'role') return t(`staffRole.${String(value)}`, { defaultValue: String(value) });
  return String(value);
}
