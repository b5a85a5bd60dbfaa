/**
 * The Sanitize screen (10-5, 8-1): choose files and folders and an empty output folder, run
 * the pipeline (progress, cancel at any time), read each file's verdict and reasons, sign off
 * to issue the signed sanitization report, and look back at earlier runs.
 */
import { useState } from 'react';
import { Button, MessageBar, MessageBarBody, Spinner, Subtitle1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { BridgeError } from '../../lib/bridge';
import { useJob } from '../../lib/use-job';
import { HistoryTable } from './HistoryTable';
import { RunResult } from './RunResult';
import { TransferProgress } from '../vault-files/TransferProgress';
import { SetupSection } from './SetupSection';
import { useSanitizeHistory, useStartSanitization, useStoredRun } from './use-sanitize';

const useStyles = makeStyles({
  section: {
    marginBottom: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  // The file and history tables have five columns: they may use the whole width of the screen.
  wide: { maxWidth: 'none' },
  intro: { display: 'block', maxWidth: '60em', marginBottom: tokens.spacingVerticalL },
  heading: { outline: 'none' },
  newRun: { alignSelf: 'flex-start' },
});

const RESULT_HEADING = 'sanitize-result-heading';

export function SanitizePage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const job = useJob();
  const start = useStartSanitization(job);
  const history = useSanitizeHistory();
  // Null shows the newest run; opening a row of the history, or a new run, shows that one instead.
  const [openedId, setOpenedId] = useState<string | null>(null);
  // Whether the person pressed Cancel: a run stopped that way is no error to them.
  const [cancelAsked, setCancelAsked] = useState(false);
  // Once a run is shown, its result takes the form's place (the form folds to one button), so
  // that the result and its sign-off start in the first viewport of a 1366×768 laptop.
  const [setupFolded, setSetupFolded] = useState(false);
  const open = (id: string) => {
    setOpenedId(id);
    setSetupFolded(true);
  };
  const runs = history.data?.runs ?? [];
  const shownId = openedId ?? runs[0]?.id ?? null;
  const shown = useStoredRun(shownId);
  const shownSummary = runs.find((summary) => summary.id === shownId) ?? null;
  const cancelled = start.isError && (cancelAsked || (start.error instanceof BridgeError && start.error.code === 'JOB_CANCELLED'));

  const run = () => {
    if (job.current) return;
    setCancelAsked(false);
    start.mutate(undefined, {
      onSuccess: ({ result }) => {
        open(result.id);
        // Keyboard and screen-reader users land on the verdicts they have to read next.
        document.getElementById(RESULT_HEADING)?.focus();
      },
    });
  };

  return (
    <>
      <PageHeading>{t('sanitize.title')}</PageHeading>
      <Text className={styles.intro}>{t('sanitize.intro')}</Text>

      {setupFolded && !job.current ? (
        <div className={styles.section}>
          <Button className={styles.newRun} icon={<Add20Regular />} onClick={() => setSetupFolded(false)}>
            {t('sanitize.newRun')}
          </Button>
        </div>
      ) : (
        <SetupSection className={styles.section} running={!!job.current} onStart={run} />
      )}

      {job.current && (
        <div className={styles.section}>
          <TransferProgress
            kind="sanitize"
            job={job.current}
            onCancel={() => {
              setCancelAsked(true);
              job.cancel();
            }}
          />
        </div>
      )}
      {cancelled && (
        <div className={styles.section}>
          <MessageBar intent="info" role="status">
            <MessageBarBody>{t('sanitize.progress.cancelled')}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      {start.isError && !cancelled && (
        <div className={styles.section}>
          <ErrorState error={start.error} />
        </div>
      )}

      <section className={mergeClasses(styles.section, styles.wide)} aria-labelledby={RESULT_HEADING}>
        <Subtitle1 as="h2" id={RESULT_HEADING} tabIndex={-1} className={styles.heading}>
          {t('sanitize.result.title')}
        </Subtitle1>
        <QueryView query={history}>
          {() =>
            shownId === null ? (
              <Text role="status" data-testid="sanitize-empty">
                {t('sanitize.result.empty')}
              </Text>
            ) : shown.isPending ? (
              <Spinner size="small" label={t('sanitize.result.loading')} />
            ) : shown.isError ? (
              <ErrorState error={shown.error} onRetry={() => void shown.refetch()} />
            ) : (
              <RunResult
                key={shown.data.id}
                run={shown.data}
                issued={
                  shownSummary?.certificateId && shownSummary.certificateNumber
                    ? { certificateId: shownSummary.certificateId, number: shownSummary.certificateNumber }
                    : null
                }
              />
            )
          }
        </QueryView>
      </section>

      <section className={mergeClasses(styles.section, styles.wide)} aria-labelledby="sanitize-history-heading">
        <Subtitle1 as="h2" id="sanitize-history-heading">
          {t('sanitize.history.title')}
        </Subtitle1>
        <QueryView query={history}>
          {({ runs: list }) =>
            list.length === 0 ? (
              <Text role="status">{t('sanitize.history.empty')}</Text>
            ) : (
              <HistoryTable runs={list} shownId={shownId} labelledBy="sanitize-history-heading" onOpen={open} />
            )
          }
        </QueryView>
      </section>
    </>
  );
}
