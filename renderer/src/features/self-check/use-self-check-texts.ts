/**
 * The self-check's own texts (check names, statuses, reasons, remediation steps per OS), read
 * from `selfCheckTexts.*` in i18next: the same JSON files the signed report and the CLI use,
 * so the screen and the report always say the same thing.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckId, CheckResult, CheckStatus, SelfCheckOs } from '@shared/self-check';

export interface SelfCheckTexts {
  checkName(id: CheckId): string;
  guideline(id: CheckId): string;
  statusName(status: CheckStatus): string;
  reason(result: Pick<CheckResult, 'reason' | 'params'>): string;
  remediation(os: SelfCheckOs, id: CheckId): readonly string[];
}

export function useSelfCheckTexts(): SelfCheckTexts {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      checkName: (id) => t(`selfCheckTexts.checks.${id}`),
      guideline: (id) => t(`selfCheckTexts.guideline.${id}`),
      statusName: (status) => t(`selfCheckTexts.status.${status}`),
      // A reason code the texts do not know (a newer main process) is shown as the code rather than hidden.
      reason: (result) => t(`selfCheckTexts.reason.${result.reason}`, { ...result.params, defaultValue: result.reason }),
      remediation: (os, id) => {
        const steps: unknown = t(`selfCheckTexts.remediation.${os}.${id}`, { returnObjects: true });
        return Array.isArray(steps) ? steps.filter((step): step is string => typeof step === 'string') : [];
      },
    }),
    [t],
  );
}
