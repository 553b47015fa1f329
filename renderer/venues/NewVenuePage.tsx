import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { VenueForm } from './VenueForm';

export function NewVenuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <section>
      <h1>{t('venueForm.title')}</h1>
      <VenueForm
        onSaved={(venue) =>
          navigate('/venues', { state: { saved: t('venueForm.saved', { name: venue.name, code: venue.code }) } })
        }
        onCancel={() => navigate('/venues')}
      />
    </section>
  );
}
