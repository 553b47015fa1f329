import { useTranslation } from 'react-i18next';

/** A section whose feature lands in a later release; says what will be here. */
export function PlannedPage({ area }: { area: 'posters' | 'inspections' | 'reports' }) {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t(`nav.${area}`)}</h1>
      <p className="muted">
        {t('planned.title')}: {t(`planned.${area}`)}
      </p>
    </section>
  );
}
