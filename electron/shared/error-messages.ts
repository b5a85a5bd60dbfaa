/**
 * The human message of every error code, in Japanese and English. The renderer loads the
 * same two files into i18next under `errors.*`; the CLI reads them here. A test checks that
 * every code has both.
 */
import type { ErrorCode, ErrorParams } from './errors';
import type { Language } from './locale';
import en from './i18n/errors.en.json';
import ja from './i18n/errors.ja.json';

export const errorMessages: Readonly<Record<Language, Readonly<Record<ErrorCode, string>>>> = { ja, en };

/** The message, with `{{name}}` replaced by `params.name` (as i18next does on the screens). */
export function errorMessage(code: ErrorCode, language: Language, params?: ErrorParams): string {
  return errorMessages[language][code].replace(/\{\{(\w+)\}\}/g, (placeholder, name: string) =>
    params && name in params ? String(params[name]) : placeholder,
  );
}
