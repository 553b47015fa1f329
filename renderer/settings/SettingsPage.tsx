import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client';
import { BackupSettings } from '../backup/BackupSettings';
import { useOperation } from '../api/use-operation';
import { CodeSettings } from '../codes/CodeSettings';
import { PinSettings } from '../session/PinSettings';
import { useMay } from '../session/use-may';
import { OfficeSettings } from './OfficeSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  const info = useOperation(() => api['app.info']({}), []);
  const mayManageStaff = useMay('staff.update');
  const mayChooseOffice = useMay('settings.update');
  const mayReadHistory = useMay('audit.search');
  const [officeSaved, setOfficeSaved] = useState(0);
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <ul className="settings-links">
        {mayManageStaff && (
          <li>
            <Link to="/settings/staff">{t('staff.title')}</Link>
          </li>
        )}
        <li>
          <Link to="/settings/units">{t('units.title')}</Link>
        </li>
        {mayReadHistory && (
          <li>
            <Link to="/settings/history">{t('audit.settingsLink')}</Link>
          </li>
        )}
      </ul>
      {mayChooseOffice && <OfficeSettings onSaved={() => setOfficeSaved((value) => value + 1)} />}
      {/* Afresh after the kind of office changes: an upper office binds the keys it trusts to communes. */}
      <CodeSettings key={officeSaved} />
      <BackupSettings />
      <PinSettings />
      <h2>{t('settings.about')}</h2>
      {info?.ok && (
        <dl className="facts">
          <div className="fact">
            <dt>{t('settings.version')}</dt>
            <dd>{info.value.appVersion}</dd>
          </div>
          <div className="fact">
            <dt>{t('settings.schema')}</dt>
            <dd>{info.value.schemaVersion}</dd>
          </div>
          <div className="fact">
            <dt>{t('settings.dataDir')}</dt>
            <dd>{info.value.dataDir}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
