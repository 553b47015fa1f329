import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../shared/domain/audit';
import { useUnits } from '../units/use-units';
import { auditSentence } from './audit-sentence';
import { describeValue } from './describe-value';

/** What an entry says (after `lead`, e.g. its time): one sentence with the person first, or who did what and the changed fields as before → after. */
export function AuditEntryText({ entry, lead }: { entry: AuditEntry; lead?: ReactNode }) {
  const { t } = useTranslation();
  const { nameOf } = useUnits();
  const { after, before } = entry;
  const sentence = auditSentence(t, entry);
  const name = (id: string) => entry.names[id] ?? nameOf(id);
  // A venue's fields are the venue form's; other records name theirs in the history's own list.
  const fieldLabel = (field: string) =>
    entry.entity === 'venue' ? t(`fields.${field}`, { defaultValue: field }) : t(`audit.field.${entry.entity}.${field}`, { defaultValue: t(`fields.${field}`, { defaultValue: field }) });
  return (
    <>
      <div>
        {lead}
        {sentence ?? `${entry.staffName ?? t('audit.unknownStaff')} ${t(`audit.action.${entry.action}`, { defaultValue: entry.action })}`}
      </div>
      {sentence === null && after && (
        <ul>
          {Object.keys(after).map((field) => (
            <li key={field}>
              {fieldLabel(field)}:{' '}
              {before && field in before && (
                <>
                  <del>{describeValue(t, name, field, before[field])}</del> →{' '}
                </>
              )}
              <ins>{describeValue(t, name, field, after[field])}</ins>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
