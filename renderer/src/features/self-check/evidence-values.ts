/**
 * Evidence values in words (issue 19): the probes keep what the OS printed — PowerShell's
 * `True` and `NotConfigured`, systemd's `active`, JSON booleans — and the screen says it in the
 * engineer's language (はい, 未設定, 動作中). A value with no word of its own (a version, a
 * product name, a number) is shown as printed; the raw values stay one switch away for support.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '@shared/self-check';
import { dynamicKey } from '../../i18n/text-key';

type FactValue = CheckResult['evidence'][number]['facts'][string];

/** The printed values that have a word, lower-cased: `True`, `true` and `TRUE` are one. */
export const WORDED_VALUES = [
  'true',
  'false',
  'yes',
  'no',
  'notconfigured',
  'enabled',
  'disabled',
  'on',
  'off',
  'running',
  'stopped',
  'active',
  'inactive',
  'unknown',
  'none',
] as const;

const worded: ReadonlySet<string> = new Set(WORDED_VALUES);

export function useEvidenceValueText(): (value: FactValue) => string {
  const { t } = useTranslation();
  return useCallback(
    (value: FactValue) => {
      if (value === null) return t('selfCheck.evidence.values.null');
      if (typeof value === 'boolean') return t(value ? 'selfCheck.evidence.values.true' : 'selfCheck.evidence.values.false');
      if (typeof value === 'number') return String(value);
      const key = value.trim().toLowerCase();
      return worded.has(key) ? t(dynamicKey(`selfCheck.evidence.values.${key}`)) : value;
    },
    [t],
  );
}
