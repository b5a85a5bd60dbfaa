import type { Language } from './locale';

/** `{{name}}` placeholders filled as i18next fills them, for texts used outside the renderer (reports, CLI). */
export function interpolate(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

/**
 * A text with plural forms, chosen as i18next chooses them: `key_one` / `key_other` by the
 * language's plural rules (English adds them; Japanese has one form, the plain `key`).
 */
export function pluralText(texts: Readonly<Record<string, unknown>>, key: string, count: number, language: Language): string {
  const form = texts[`${key}_${new Intl.PluralRules(language).select(count)}`] ?? texts[`${key}_other`] ?? texts[key];
  return typeof form === 'string' ? form : key;
}
