import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api } from '../api/client';
import { useErrorText } from '../api/use-error-text';
import { useOperation } from '../api/use-operation';
import { VenueForm } from './VenueForm';

export function EditVenuePage() {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useOperation(() => api['venues.get']({ id }), [id]);
  if (detail?.ok === false) return <p className="error">{errorText(detail.error)}</p>;
  if (!detail) return null;
  const { venue } = detail.value;
  return (
    <section>
      <h1>{t('venueForm.editTitle', { code: venue.code })}</h1>
      <VenueForm
        venue={venue}
        onSaved={() => navigate(`/venues/${id}`)}
        onCancel={() => navigate(`/venues/${id}`)}
      />
    </section>
  );
}
