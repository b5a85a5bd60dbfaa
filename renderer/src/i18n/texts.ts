/**
 * Every text the screens show, per language: the renderer's own files with the texts shared with the
 * CLI and the signed reports merged in under their namespaces (see index.ts). Kept apart from the
 * i18next instance so tests can read the same tree without a DOM. Relative imports (not @shared/…)
 * so the test type check, which has no path aliases, resolves them too.
 */
import errorsEn from '../../../electron/shared/i18n/errors.en.json';
import errorsJa from '../../../electron/shared/i18n/errors.ja.json';
import passwordEn from '../../../electron/shared/i18n/password.en.json';
import passwordJa from '../../../electron/shared/i18n/password.ja.json';
import visitTextsEn from '../../../electron/shared/i18n/visit-texts.en.json';
import visitTextsJa from '../../../electron/shared/i18n/visit-texts.ja.json';
import sanitizeEn from '../../../electron/shared/i18n/sanitize.en.json';
import sanitizeJa from '../../../electron/shared/i18n/sanitize.ja.json';
import selfCheckEn from '../../../electron/shared/i18n/self-check.en.json';
import selfCheckJa from '../../../electron/shared/i18n/self-check.ja.json';
import archiveEn from './archive.en.json';
import archiveJa from './archive.ja.json';
import en from './en.json';
import ledgerEn from './ledger.en.json';
import ledgerJa from './ledger.ja.json';
import ja from './ja.json';
import visitsEn from './visits.en.json';
import visitsJa from './visits.ja.json';
import wholeMediumEn from './whole-medium.en.json';
import wholeMediumJa from './whole-medium.ja.json';

export const texts = {
  ja: {
    ...ja,
    errors: errorsJa,
    password: passwordJa,
    selfCheckTexts: selfCheckJa,
    sanitizeTexts: sanitizeJa,
    ledger: ledgerJa,
    visitTexts: visitTextsJa,
    visits: visitsJa,
    wholeMedium: wholeMediumJa,
    archive: archiveJa,
  },
  en: {
    ...en,
    errors: errorsEn,
    password: passwordEn,
    selfCheckTexts: selfCheckEn,
    sanitizeTexts: sanitizeEn,
    ledger: ledgerEn,
    visitTexts: visitTextsEn,
    visits: visitsEn,
    wholeMedium: wholeMediumEn,
    archive: archiveEn,
  },
};
