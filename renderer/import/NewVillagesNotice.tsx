import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewVillages } from '../../shared/domain/import';

/**
 * The villages the import would add to the units list, shown before "Nhập vào sổ" so the
 * clerk can catch a misspelt village before it becomes a unit. Main lists the first ones
 * and counts the rest.
 */
export function NewVillagesNotice({ villages }: { villages: NewVillages }) {
  const { t } = useTranslation();
  const headingId = useId();
  if (villages.total === 0) return null;
  const more = villages.total - villages.first.length;
  return (
    <section className="notice" aria-labelledby={headingId}>
      <p id={headingId}>{t('imports.newVillages', { count: villages.total })}</p>
      <ul>
        {villages.first.map((village) => (
          <li key={`${village.communeName}|${village.name}`}>
            {t('imports.newVillage', { name: village.name, commune: village.communeName, count: village.rows })}
          </li>
        ))}
      </ul>
      {more > 0 && <p>{t('imports.moreVillages', { count: more })}</p>}
    </section>
  );
}
