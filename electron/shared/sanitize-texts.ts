/**
 * What the sanitization pipeline says, in Japanese and English: verdicts and the reason of
 * every finding. The renderer loads the same files into i18next under `sanitizeTexts.*`; the
 * signed report and the CLI read them here.
 */
import type { Language } from './locale';
import en from './i18n/sanitize.en.json' with { type: 'json' };
import ja from './i18n/sanitize.ja.json' with { type: 'json' };
import { interpolate } from './interpolate';

export const sanitizeTexts: Readonly<Record<Language, typeof ja>> = { ja, en };

export function verdictName(verdict: keyof typeof ja.verdict, language: Language): string {
  return sanitizeTexts[language].verdict[verdict];
}

export function findingText(finding: { code: string; params?: Readonly<Record<string, string | number>>; entry?: string }, language: Language): string {
  const reasons = sanitizeTexts[language].reason as Readonly<Record<string, string>>;
  const text = interpolate(reasons[finding.code] ?? finding.code, finding.params ?? {});
  return finding.entry ? `${text}（${finding.entry}）` : text;
}
