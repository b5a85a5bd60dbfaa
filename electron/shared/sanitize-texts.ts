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

export function findingText(
  finding: { code: string; params?: Readonly<Record<string, string | number>>; entry?: string },
  language: Language,
): string {
  const reasons = sanitizeTexts[language].reason as Readonly<Record<string, string>>;
  const text = interpolate(reasons[finding.code] ?? finding.code, rebuildFailureParams(finding.params ?? {}, language));
  return finding.entry ? `${text}（${finding.entry}）` : text;
}

/** REBUILD_FAILED names its reason by code; the words for it are the texts' own. */
export function rebuildFailureParams(
  params: Readonly<Record<string, string | number>>,
  language: Language,
): Readonly<Record<string, string | number>> {
  const failures = sanitizeTexts[language].rebuildFailure as Readonly<Record<string, string>>;
  const reason = typeof params.reason === 'string' ? failures[params.reason] : undefined;
  return reason ? { ...params, reason } : params;
}

/** One object removed by content disarm: "Macros (VBA) — word/vbaProject.bin (and 3 more)". */
export function removedObjectText(removed: { kind: string; location: string; detail?: string; more?: number }, language: Language): string {
  const kinds = sanitizeTexts[language].removed as Readonly<Record<string, string>>;
  const where = removed.detail ? `${removed.location}, ${removed.detail}` : removed.location;
  const more = removed.more ? ` ${interpolate(sanitizeTexts[language].removedMore, { count: removed.more })}` : '';
  return `${kinds[removed.kind] ?? removed.kind}（${where}）${more}`;
}
