/** What the password rule and its refusals say, in both languages (the wizard and `vault init`). */
import type { Language } from './locale';
import en from './i18n/password.en.json';
import ja from './i18n/password.ja.json';

export const passwordTexts: Readonly<Record<Language, typeof ja>> = { ja, en };
