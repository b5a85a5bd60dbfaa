/**
 * A self-check policy's name in the screen's language. The built-in policy is stored (and
 * signed into reports) as 「既定 / Default」, both languages at once as a document shows them;
 * a screen says only its own word (既定 or Default). A company's policy keeps its own name.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SELF_CHECK_POLICY } from '@shared/self-check';

export function usePolicyName(): (name: string) => string {
  const { t } = useTranslation();
  return useCallback((name: string) => (name === DEFAULT_SELF_CHECK_POLICY.name ? t('selfCheck.defaultPolicyName') : name), [t]);
}
