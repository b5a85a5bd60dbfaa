/**
 * One run on screen: the sign-off's action first (in sight on a 1366×768 laptop), the outcome,
 * every file with its verdict and reasons, and the sign-off's details. Keyed by run where it is
 * used, so a reviewer typed or an issue in progress for one run never shows on another.
 */
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FilesTable } from './FilesTable';
import { RunSummary } from './RunSummary';
import { SignOffBar, SignOffSection, useSignOffState, type IssuedReport } from './SignOffSection';
import type { SanitizationRun } from './use-sanitize';

const useStyles = makeStyles({
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  files: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export function RunResult({ run, issued }: { run: SanitizationRun; issued: IssuedReport | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const signOff = useSignOffState(run, issued);
  return (
    <div className={styles.result} data-run-id={run.id}>
      <SignOffBar signOff={signOff} />
      <RunSummary run={run} />
      <div className={styles.files}>
        <Subtitle2 as="h3" id="sanitize-files-heading" className={styles.heading}>
          {t('sanitize.files.title', { count: run.files.length })}
        </Subtitle2>
        <FilesTable files={run.files} labelledBy="sanitize-files-heading" />
      </div>
      <SignOffSection signOff={signOff} />
    </div>
  );
}
