/**
 * i18next set up with the two languages; Japanese is the default and the fallback. The
 * texts shared with the CLI are merged in: error messages under `errors.*`, the password
 * rule and its refusals under `password.*`, the self-check's check names, statuses, reasons
 * and remediation steps under `selfCheckTexts.*`, the sanitization's verdicts and reasons
 * under `sanitizeTexts.*`, and the procedures' template, step, field and check texts under
 * `procedureTexts.*` (the signed reports read the same files). The Visits screen's own words
 * are under `visits.*`, the whole-medium erasure's under `wholeMedium.*`.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import errorsEn from '@shared/i18n/errors.en.json';
import errorsJa from '@shared/i18n/errors.ja.json';
import passwordEn from '@shared/i18n/password.en.json';
import passwordJa from '@shared/i18n/password.ja.json';
import proceduresEn from '@shared/i18n/procedures.en.json';
import proceduresJa from '@shared/i18n/procedures.ja.json';
import sanitizeEn from '@shared/i18n/sanitize.en.json';
import sanitizeJa from '@shared/i18n/sanitize.ja.json';
import selfCheckEn from '@shared/i18n/self-check.en.json';
import selfCheckJa from '@shared/i18n/self-check.ja.json';
import { DEFAULT_LANGUAGE } from '@shared/locale';
import en from './en.json';
import ledgerEn from './ledger.en.json';
import ledgerJa from './ledger.ja.json';
import ja from './ja.json';
import visitsEn from './visits.en.json';
import visitsJa from './visits.ja.json';
import wholeMediumEn from './whole-medium.en.json';
import wholeMediumJa from './whole-medium.ja.json';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    ja: { translation: { ...ja, errors: errorsJa, password: passwordJa, selfCheckTexts: selfCheckJa, sanitizeTexts: sanitizeJa, ledger: ledgerJa, procedureTexts: proceduresJa, visits: visitsJa, wholeMedium: wholeMediumJa } },
    en: { translation: { ...en, errors: errorsEn, password: passwordEn, selfCheckTexts: selfCheckEn, sanitizeTexts: sanitizeEn, ledger: ledgerEn, procedureTexts: proceduresEn, visits: visitsEn, wholeMedium: wholeMediumEn } },
  },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});
