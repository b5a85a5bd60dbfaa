/**
 * i18next set up with the two languages; Japanese is the default and the fallback. The
 * texts shared with the CLI are merged in: error messages under `errors.*`, the password
 * rule and its refusals under `password.*`, the self-check's check names, statuses, reasons
 * and remediation steps under `selfCheckTexts.*`, the sanitization's verdicts and reasons
 * under `sanitizeTexts.*`, and the procedures' template, step, field and check texts under
 * `visitTexts.*` (the signed reports read the same files). The Visits screen's own words
 * are under `visits.*`, the whole-medium erasure's under `wholeMedium.*`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE } from '@shared/locale';
import { texts } from './texts';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { ja: { translation: texts.ja }, en: { translation: texts.en } },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
