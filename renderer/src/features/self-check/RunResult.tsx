/**
 * One run on screen: the one banner with the verdict (and until when a pass counts), the
 * overview of every check, the signed-report action, then every check with its details —
 * the ones that need attention first.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SelfCheckRun } from '@shared/self-check';
import { failingFirst } from '@shared/self-check-order';
import { CheckOverviewGrid } from './CheckOverviewGrid';
import { CheckResultItem } from './CheckResultItem';
import { IssueReportAction } from './IssueReportAction';
import { OverallBanner } from './OverallBanner';

const useStyles = makeStyles({
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  checks: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface RunResultProps {
  readonly run: SelfCheckRun;
  readonly issuedNumber: string | null;
  readonly running: boolean;
  readonly onRecheck: () => void;
  /** The main process's clock (from the readiness gate), for "valid until today/tomorrow"; null while unknown. */
  readonly now: string | null;
}

export function RunResult({ run, issuedNumber, running, onRecheck, now }: RunResultProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  const checks = failingFirst(run.checks);
  return (
    <div className={styles.result} data-run-id={run.id}>
      <OverallBanner run={run} now={now} />
      <CheckOverviewGrid checks={checks} />
      {/* Keyed by run: an issue in progress for one run never shows on another. */}
      <IssueReportAction key={run.id} runId={run.id} issuedNumber={issuedNumber} />
      <ul className={styles.checks} aria-label={t('selfCheck.result.checksLabel')} data-testid="self-check-checks">
        {checks.map((check) => (
          <CheckResultItem key={check.id} check={check} os={run.os} running={running} onRecheck={onRecheck} />
        ))}
      </ul>
    </div>
  );
}
