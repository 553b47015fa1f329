import 'i18next';
import type { Messages } from './vi';

// Typed keys: a misspelt or missing message key is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}
