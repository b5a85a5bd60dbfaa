/**
 * The words of the procedures — template, step, field and option names, kinds, statuses and
 * the automatic checks' findings — from `visitTexts.*`, the same files the signed report
 * reads; and dates in Japan time. Step, field and option ids come from the templates' data, so
 * their keys go through `dynamicKey`.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@shared/format-date';
import type { Language } from '@shared/locale';
import type { CheckOutcome, RunStatus, StepKind, StepStatus, TemplateId } from '@shared/visits';
import { dynamicKey } from '../../i18n/text-key';

export function useVisitTexts() {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'ja';
  const base = 'visitTexts.templates';
  return {
    language,
    templateTitle: (id: TemplateId) => t(`${base}.${id}.title`),
    templateDescription: (id: TemplateId) => t(`${base}.${id}.description`),
    stepTitle: (template: TemplateId, step: string) => t(dynamicKey(`${base}.${template}.steps.${step}.title`)),
    stepHelp: (template: TemplateId, step: string) => t(`${base}.${template}.steps.${step}.help`, { defaultValue: '' }),
    fieldLabel: (template: TemplateId, step: string, field: string) => t(dynamicKey(`${base}.${template}.steps.${step}.fields.${field}`)),
    optionLabel: (template: TemplateId, step: string, field: string, option: string) =>
      t(dynamicKey(`${base}.${template}.steps.${step}.options.${field}.${option}`)),
    kindName: (kind: StepKind) => t(`visitTexts.kinds.${kind}`),
    stepStatusName: (status: StepStatus) => t(`visitTexts.statuses.${status}`),
    runStatusName: (status: RunStatus) => t(`visitTexts.runStatuses.${status}`),
    /** An automatic check's finding as a sentence; lists of numbers or paths are joined. */
    checkFinding: (outcome: Pick<CheckOutcome, 'check' | 'reason' | 'facts'>) => {
      // Typed as i18next's interpolation values (a string-only record does not match its options type).
      const params: Readonly<Record<string, string | number>> = Object.fromEntries(
        Object.entries(outcome.facts).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.join(language === 'ja' ? '、' : ', ') : String(value ?? ''),
        ]),
      );
      return t(dynamicKey(`visitTexts.checks.${outcome.check}.${outcome.reason}`), params);
    },
    items: (items: readonly string[]) => items.join(language === 'ja' ? '、' : ', '),
    dateTime: (iso: string) => formatDateTime(iso, language),
  };
}

export type VisitTexts = ReturnType<typeof useVisitTexts>;
