import { useTranslation } from 'react-i18next';
import { useSession } from './SessionContext';

/** Who is working, always in sight, and a way to hand over the PC. */
export function CurrentStaff() {
  const { t } = useTranslation();
  const { staff, switchStaff } = useSession();
  return (
    <span className="current-staff">
      {t('session.working', { name: staff.name })}
      <button type="button" className="link-button" onClick={switchStaff}>
        {t('session.switch')}
      </button>
    </span>
  );
}
