/** The self-check policy's numeric limits, in the order Settings lists them (SelfCheckPolicySummary). */
import type { SelfCheckPolicy } from '@shared/self-check';

export const numberFields = [
  'definitionsMaxAgeDays',
  'xprotectDefinitionsMaxAgeDays',
  'clamavDefinitionsMaxAgeDays',
  'updatesMaxAgeDays',
  'screenLockMaxIdleMinutes',
  'screenLockMaxPasswordDelaySeconds',
  'readinessMaxAgeHours',
] as const satisfies ReadonlyArray<keyof SelfCheckPolicy>;
