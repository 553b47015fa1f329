import { useTranslation } from 'react-i18next';
import type { AppErrorData } from '../../shared/api/result';
import { useErrorText } from '../api/use-error-text';

/** A PIN refusal as a sentence: the field named ("Mã PIN mới không hợp lệ."), and how long to wait after too many wrong tries. */
export function usePinErrorText(): (error: AppErrorData) => string {
  const { t } = useTranslation();
  const { errorText } = useErrorText({ pin: t('pin.label'), currentPin: t('pin.settings.current'), newPin: t('pin.settings.new') });
  return (error) => (error.code === 'PIN_WAIT' && error.sentence ? t('pin.wait', error.sentence.values) : errorText(error));
}
