/** One run on screen: the outcome, every file with its verdict and reasons, and the sign-off. */
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FilesTable } from './FilesTable';
import { RunSummary } from './RunSummary';
import { SignOffSection, type IssuedReport } from './SignOffSection';
import type { SanitizationRun } from './use-sanitize';

const useStyles = makeStyles({
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  files: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

export function RunResult({ run, issued }: { run: SanitizationRun; issued: IssuedReport | null }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.result} data-run-id={run.id}>
      <RunSummary run={run} />
      <div className={styles.files}>
        <Subtitle2 as="h3" id="sanitize-files-heading" className={styles.heading}>
          {t('sanitize.files.title', { count: run.files.length })}
        </Subtitle2>
        <FilesTable files={run.files} labelledBy="sanitize-files-heading" />
      </div>
      {/* Keyed by run: a reviewer typed or an issue in progress for one run never shows on another. */}
      <SignOffSection key={run.id} run={run} issued={issued} />
    </div>
  );
}
