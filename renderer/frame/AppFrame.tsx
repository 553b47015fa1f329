import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import type { OperationName } from '../../shared/api/contract';
import { useExchangePage } from '../exchange/use-exchange-page';
import { CurrentStaff } from '../session/CurrentStaff';
import { useMay } from '../session/use-may';
import { LanguageSwitch } from './LanguageSwitch';

/** Each section, and the operation its page is for: a section shows only to who may call it. */
const SECTIONS = {
  dashboard: 'dashboard.figures',
  venues: 'venues.list',
  // The poster page is for printing; the reprint queue alone is no reason to visit it.
  posters: 'posters.createJob',
  inspections: 'rounds.list',
  reports: 'reports.list',
  settings: 'settings.get',
} as const satisfies Record<string, OperationName>;
type Section = keyof typeof SECTIONS;

function SectionLink({ section }: { section: Section }) {
  const { t } = useTranslation();
  if (!useMay(SECTIONS[section])) return null;
  return <NavLink to={`/${section}`}>{t(`nav.${section}`)}</NavLink>;
}

/** Sending up, or the communes' data: only once Settings say enough for it to work, and to who may use it. */
function ExchangeLink() {
  const { t } = useTranslation();
  const exchange = useExchangePage();
  if (!exchange?.ready || !exchange.allowed) return null;
  return <NavLink to="/exchange">{t(exchange.page === 'send' ? 'nav.exchangeSend' : 'nav.exchangeCommunes')}</NavLink>;
}

export function AppFrame() {
  const { t } = useTranslation();
  return (
    <div className="frame">
      <header className="frame-header">
        <div className="brand">
          <strong>{t('app.name')}</strong>
          <span>{t('app.tagline')}</span>
        </div>
        <div className="header-tools">
          <CurrentStaff />
          <Link to="/guide">{t('guide.link')}</Link>
          <LanguageSwitch />
        </div>
      </header>
      <nav className="frame-nav" aria-label={t('app.name')}>
        {(Object.keys(SECTIONS) as Section[]).map((section) => (
          <SectionLink key={section} section={section} />
        ))}
        <ExchangeLink />
      </nav>
      <main className="frame-main">
        <Outlet />
      </main>
    </div>
  );
}
