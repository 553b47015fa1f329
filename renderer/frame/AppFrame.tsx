import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { CurrentStaff } from '../session/CurrentStaff';
import { LanguageSwitch } from './LanguageSwitch';

const SECTIONS = ['dashboard', 'venues', 'posters', 'inspections', 'reports', 'settings'] as const;

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
          <LanguageSwitch />
        </div>
      </header>
      <nav className="frame-nav" aria-label={t('app.name')}>
        {SECTIONS.map((section) => (
          <NavLink key={section} to={`/${section}`}>
            {t(`nav.${section}`)}
          </NavLink>
        ))}
      </nav>
      <main className="frame-main">
        <Outlet />
      </main>
    </div>
  );
}
