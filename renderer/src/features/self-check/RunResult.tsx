/** One run on screen: the verdict, the signed-report action, and every check with its details. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SelfCheckRun } from '@shared/posture';
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
}

export function RunResult({ run, issuedNumber, running, onRecheck }: RunResultProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.result} data-run-id={run.id}>
      <OverallBanner run={run} />
      {/* Keyed by run: an issue in progress for one run never shows on another. */}
      <IssueReportAction key={run.id} runId={run.id} issuedNumber={issuedNumber} />
      <ul className={styles.checks} aria-label={t('selfCheck.result.checksLabel')} data-testid="self-check-checks">
        {run.checks.map((check) => (
          <CheckResultItem key={check.id} check={check} os={run.os} running={running} onRecheck={onRecheck} />
        ))}
      </ul>
    </div>
  );
}
