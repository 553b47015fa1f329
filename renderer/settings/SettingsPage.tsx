import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useOperation } from '../api/use-operation';
import { LanguageSwitch } from '../frame/LanguageSwitch';

export function SettingsPage() {
  const { t } = useTranslation();
  const info = useOperation(() => api['app.info']({}), []);
  return (
    <section>
      <h1>{t('settings.title')}</h1>
      <LanguageSwitch />
      <h2>{t('settings.about')}</h2>
      {info?.ok && (
        <dl className="facts">
          <dt>{t('settings.version')}</dt>
          <dd>{info.value.appVersion}</dd>
          <dt>{t('settings.schema')}</dt>
          <dd>{info.value.schemaVersion}</dd>
          <dt>{t('settings.dataDir')}</dt>
          <dd>{info.value.dataDir}</dd>
        </dl>
      )}
    </section>
  );
}
