/**
 * What the procedures say, in Japanese and English: template and step titles, explanations,
 * field labels, choice labels and the automatic checks' findings. The renderer loads the same
 * files into i18next under `visitTexts.*`; the signed report reads them here. A test
 * checks that every template, step, field and option has its words in both languages.
 */
import type { Language } from './locale';
import type { CheckOutcome, StepKind, StepStatus, RunStatus, TemplateId } from './visits';
import en from './i18n/visit-texts.en.json' with { type: 'json' };
import ja from './i18n/visit-texts.ja.json' with { type: 'json' };
import { interpolate } from './interpolate';

export const visitTexts: Readonly<Record<Language, typeof ja>> = { ja, en };

function lookup(tree: unknown, path: readonly string[]): string | null {
  const value = path.reduce<unknown>(
    (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    tree,
  );
  return typeof value === 'string' ? value : null;
}

const text = (language: Language, path: readonly string[]): string => lookup(visitTexts[language], path) ?? path.join('.');

export const templateTitle = (id: TemplateId, language: Language) => text(language, ['templates', id, 'title']);
export const stepTitle = (template: TemplateId, step: string, language: Language) =>
  text(language, ['templates', template, 'steps', step, 'title']);
export const fieldLabel = (template: TemplateId, step: string, field: string, language: Language) =>
  text(language, ['templates', template, 'steps', step, 'fields', field]);
export const optionLabel = (template: TemplateId, step: string, field: string, option: string, language: Language) =>
  text(language, ['templates', template, 'steps', step, 'options', field, option]);
export const kindName = (kind: StepKind, language: Language) => text(language, ['kinds', kind]);
export const stepStatusName = (status: StepStatus, language: Language) => text(language, ['statuses', status]);
export const runStatusName = (status: RunStatus, language: Language) => text(language, ['runStatuses', status]);

/** An automatic check's finding as a sentence; lists of numbers or paths are joined. */
export function checkFinding(outcome: Pick<CheckOutcome, 'check' | 'reason' | 'facts'>, language: Language): string {
  const params = Object.fromEntries(
    Object.entries(outcome.facts).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join(language === 'ja' ? '、' : ', ') : String(value ?? ''),
    ]),
  );
  return interpolate(text(language, ['checks', outcome.check, outcome.reason]), params);
}
