import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnits } from '../units/use-units';
import { CommunesPage } from './CommunesPage';
import { SendPackagePage } from './SendPackagePage';
import { useExchangePage } from './use-exchange-page';

/** The exchange page this office has: sending up from a commune, or following the communes from above. */
export function ExchangePage() {
  const { t } = useTranslation();
  const { nameOf } = useUnits();
  const exchange = useExchangePage();
  if (!exchange?.allowed) return null;
  const { page, ready, settings } = exchange;
  if (!ready) {
    return (
      <p className="warning">
        {t(page === 'send' ? 'exchange.send.needsCommune' : 'exchange.communes.needsUnit')} <Link to="/settings">{t('settings.title')}</Link>
      </p>
    );
  }
  return page === 'send' ? <SendPackagePage /> : <CommunesPage unitName={nameOf(settings.upperUnitId)} />;
}
