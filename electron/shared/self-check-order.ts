/** The order checks are shown in: what needs attention first (fail, unknown, warning), then what does not apply, then passes; otherwise as run. */
import type { CheckResult, CheckStatus } from './self-check';

const ATTENTION: Readonly<Record<CheckStatus, number>> = { fail: 0, unknown: 1, warning: 2, notApplicable: 3, pass: 4 };

export function failingFirst(checks: readonly CheckResult[]): CheckResult[] {
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => ATTENTION[a.check.status] - ATTENTION[b.check.status] || a.index - b.index)
    .map(({ check }) => check);
}
