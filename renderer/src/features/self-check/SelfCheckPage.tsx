/**
 * The Self-check screen (7-4, 8-2, 8-3, 7-3, 13-13, 7-12): whether the laptop is ready for a
 * site visit, the button that checks it, the run on screen — verdict, each check with its
 * reason, evidence and the steps to fix it — its signed report, and the earlier runs.
 */
import { useState } from 'react';
import { Spinner, Subtitle1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { PageHeading } from '../../components/PageHeading';
import { QueryView } from '../../components/QueryView';
import { HistoryTable } from './HistoryTable';
import { ReadinessStatus } from './ReadinessStatus';
import { RunResult } from './RunResult';
import { RunSelfCheckButton } from './RunSelfCheckButton';
import { SaveDiagnosticsAction } from './SaveDiagnosticsAction';
import { SelfCheckEmptyState } from './SelfCheckEmptyState';
import { useReadiness, useRunSelfCheck, useSelfCheckHistory, useStoredRun } from './use-self-check';

const useStyles = makeStyles({
  section: {
    marginBottom: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  // The history table has six columns: it may use the whole width of the screen.
  wide: { maxWidth: 'none' },
  intro: { display: 'block', maxWidth: '60em', marginBottom: tokens.spacingVerticalL },
});

export function SelfCheckPage() {
  const styles = useStyles();
  const { t } = useTranslation();
  const readiness = useReadiness();
  const history = useSelfCheckHistory();
  const { mutation: run, running } = useRunSelfCheck();
  // Null shows the newest run; opening a row of the history shows that one instead.
  const [openedId, setOpenedId] = useState<string | null>(null);
  const runs = history.data?.runs ?? [];
  const shownId = openedId ?? runs[0]?.id ?? null;
  const shown = useStoredRun(shownId);
  const shownSummary = runs.find((summary) => summary.id === shownId) ?? null;
  // One banner (issue 16): the newest run's own banner already says whether the laptop may go on a
  // visit and until when; the readiness gate speaks only when no run is shown or an older one is.
  const showingNewest = shownId !== null && shownId === runs[0]?.id;

  const start = () => {
    if (running) return;
    run.mutate(undefined, { onSuccess: (result) => setOpenedId(result.id) });
  };

  return (
    <>
      <PageHeading>{t('selfCheck.title')}</PageHeading>
      <Text className={styles.intro}>{t('selfCheck.intro')}</Text>

      <section className={styles.section} aria-labelledby="self-check-run-heading">
        <Subtitle1 as="h2" id="self-check-run-heading">
          {t('selfCheck.run.title')}
        </Subtitle1>
        {!showingNewest && <QueryView query={readiness}>{(gate) => <ReadinessStatus readiness={gate} />}</QueryView>}
        <RunSelfCheckButton running={running} onRun={start} />
        {run.isError && <ErrorState error={run.error} onRetry={start} />}
      </section>

      <section className={styles.section} aria-labelledby="self-check-result-heading">
        <Subtitle1 as="h2" id="self-check-result-heading">
          {t('selfCheck.result.title')}
        </Subtitle1>
        <QueryView query={history}>
          {() =>
            shownId === null ? (
              <SelfCheckEmptyState />
            ) : shown.isPending ? (
              <Spinner size="small" label={t('selfCheck.result.loading')} />
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
                running={running}
                onRecheck={start}
                now={readiness.data?.now ?? null}
              />
            )
          }
        </QueryView>
      </section>

      <section className={styles.section} aria-labelledby="self-check-diagnostics-heading">
        <Subtitle1 as="h2" id="self-check-diagnostics-heading">
          {t('selfCheck.diagnostics.title')}
        </Subtitle1>
        <SaveDiagnosticsAction />
      </section>

      <section className={mergeClasses(styles.section, styles.wide)} aria-labelledby="self-check-history-heading">
        <Subtitle1 as="h2" id="self-check-history-heading">
          {t('selfCheck.history.title')}
        </Subtitle1>
        <QueryView query={history}>
          {({ runs: list }) =>
            list.length === 0 ? (
              <Text role="status">{t('selfCheck.history.empty')}</Text>
            ) : (
              <HistoryTable runs={list} shownId={shownId} labelledBy="self-check-history-heading" onOpen={setOpenedId} />
            )
          }
        </QueryView>
      </section>
    </>
  );
}
