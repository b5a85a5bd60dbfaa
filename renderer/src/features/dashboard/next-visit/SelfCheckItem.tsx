/**
 * The self-check for the next visit: until when the last pass is valid, or why it is not — no
 * self-check yet, expired, problems found — with the run button that fixes it, the same hook as
 * the Self-check screen so a run shows on both.
 */
import { Link, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { RunSelfCheckButton } from '../../self-check/RunSelfCheckButton';
import { useReadiness, useRunSelfCheck } from '../../self-check/use-self-check';
import { validUntil } from '../../self-check/valid-until';
import { ChecklistItem, ChecklistPending } from './ChecklistItem';
import type { Language } from '@shared/locale';

export function SelfCheckItem() {
  const { t, i18n } = useTranslation();
  const readiness = useReadiness();
  const { mutation: run, running } = useRunSelfCheck();
  if (!readiness.isSuccess) return <ChecklistPending testId="next-visit-self-check" query={readiness} />;
  const gate = readiness.data;
  const start = () => {
    if (!running) run.mutate();
  };
  const latest = gate.latestRun;
  const until = latest ? validUntil(latest.finishedAt, gate.maxAgeHours, new Date(gate.now), i18n.language as Language) : null;
  const text =
    gate.reason === 'noRun' || !until
      ? t('dashboard.next.selfCheck.missing')
      : gate.reason === 'failed'
        ? t('dashboard.next.selfCheck.failed')
        : t(`selfCheck.overall.validUntil.${until.kind}`, until);
  return (
    <ChecklistItem
      testId="next-visit-self-check"
      state={gate.ready ? 'done' : 'todo'}
      action={
        gate.ready ? (
          <Link href="#/self-check">{t('dashboard.next.selfCheck.open')}</Link>
        ) : (
          <RunSelfCheckButton running={running} onRun={start} appearance="primary" />
        )
      }
    >
      <Text>{text}</Text>
      {run.isError && <ErrorState error={run.error} onRetry={start} />}
    </ChecklistItem>
  );
}
