import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { VenueForm } from './VenueForm';

export function NewVenuePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Most venues are in the office's own commune: start the form there.
  const settings = useOperation(() => api['settings.get']({}), []);
  if (settings === undefined) return null;
  return (
    <section>
      <h1>{t('venueForm.title')}</h1>
      <VenueForm
        homeCommuneId={settings.ok ? settings.value.homeCommuneId : null}
        onSaved={(venue) =>
          navigate('/venues', { state: { saved: t('venueForm.saved', { name: venue.name, code: venue.code }) } })
        }
        onCancel={() => navigate('/venues')}
      />
    </section>
  );
}
