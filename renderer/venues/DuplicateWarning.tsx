import type { SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCandidate } from '../../shared/domain/venue';

interface Props {
  duplicates: DuplicateCandidate[];
  onSaveAnyway(event: SyntheticEvent): void;
}

/** Look-alike venues, each linked, and the choice to save anyway: two shops may share a name. */
export function DuplicateWarning({ duplicates, onSaveAnyway }: Props) {
  const { t } = useTranslation();
  return (
    <div className="warning" role="alert">
      <p>{t('duplicates.title', { count: duplicates.length })}</p>
      <ul>
        {duplicates.map(({ venue, reasons }) => (
          <li key={venue.id}>
            <Link to={`/venues/${venue.id}`} target="_self">
              {venue.code} — {venue.name}
            </Link>{' '}
            <span className="muted">({reasons.map((reason) => t(`duplicates.reason.${reason}`)).join(', ')})</span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={onSaveAnyway}>
        {t('duplicates.saveAnyway')}
      </button>
    </div>
  );
}
