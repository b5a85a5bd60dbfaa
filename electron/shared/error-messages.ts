/**
 * The human message of every error code, in Japanese and English. The renderer loads the
 * same two files into i18next under `errors.*`; the CLI reads them here. A test checks that
 * every code has both.
 */
import type { ErrorCode } from './errors';
import type { Language } from './locale';
import en from './i18n/errors.en.json';
import ja from './i18n/errors.ja.json';

export const errorMessages: Readonly<Record<Language, Readonly<Record<ErrorCode, string>>>> = { ja, en };

export function errorMessage(code: ErrorCode, language: Language): string {
  return errorMessages[language][code];
}
