/**
 * What the self-check says, in Japanese and English: check names, statuses, reasons and the
 * remediation steps per OS. The renderer loads the same files into i18next under
 * `selfCheckTexts.*`; the signed report and the CLI read them here. A test checks both
 * languages have every key.
 */
import type { CheckId, CheckResult, CheckStatus, SelfCheckOs } from './self-check';
import type { Language } from './locale';
import en from './i18n/self-check.en.json' with { type: 'json' };
import ja from './i18n/self-check.ja.json' with { type: 'json' };
import { interpolate } from './interpolate';

export const selfCheckTexts: Readonly<Record<Language, typeof ja>> = { ja, en };

function lookup(tree: unknown, path: string): string | null {
  const value = path
    .split('.')
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), tree);
  return typeof value === 'string' ? value : null;
}

export function checkName(id: CheckId, language: Language): string {
  return selfCheckTexts[language].checks[id];
}

export function statusName(status: CheckStatus, language: Language): string {
  return selfCheckTexts[language].status[status];
}

export function reasonText(result: Pick<CheckResult, 'reason' | 'params'>, language: Language): string {
  const text = lookup(selfCheckTexts[language].reason, result.reason);
  return text === null ? result.reason : interpolate(text, result.params);
}

export function remediationSteps(os: SelfCheckOs, id: CheckId, language: Language): readonly string[] {
  return selfCheckTexts[language].remediation[os][id];
}
