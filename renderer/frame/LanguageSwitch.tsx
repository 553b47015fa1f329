import { useTranslation } from 'react-i18next';
import { Choice, optionsOf } from '../forms/Choice';
import { LANGUAGES, setLanguage, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Choice
      className="language-switch"
      label={t('language.label')}
      // i18n starts in, and only ever changes to, one of LANGUAGES (see ../i18n).
      value={i18n.language as Language}
      options={optionsOf(LANGUAGES, (language) => t(`language.${language}`))}
      onChange={setLanguage}
    />
  );
}
