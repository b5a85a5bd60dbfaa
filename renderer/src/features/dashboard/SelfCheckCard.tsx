/**
 * The self-check at a glance: ready for a site visit or why not, when the last check ran,
 * the same run button as the Self-check screen (the same hook, so a run shows on both), and
 * the way to the full results.
 */
import { Card, CardHeader, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/ErrorState';
import { QueryView } from '../../components/QueryView';
import { ReadinessStatus } from '../self-check/ReadinessStatus';
import { RunSelfCheckButton } from '../self-check/RunSelfCheckButton';
import { useReadiness, useRunSelfCheck } from '../self-check/use-self-check';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function SelfCheckCard() {
  const styles = useStyles();
  const { t } = useTranslation();
  const readiness = useReadiness();
  const { mutation: run, running } = useRunSelfCheck();
  const start = () => {
    if (!running) run.mutate();
  };
  return (
    <Card aria-labelledby="dashboard-selfcheck-title" data-testid="dashboard-self-check">
      <CardHeader
        header={
          <Text as="h2" id="dashboard-selfcheck-title" weight="semibold">
            {t('dashboard.selfCheck.title')}
          </Text>
        }
      />
      <div className={styles.body}>
        <QueryView query={readiness}>{(gate) => <ReadinessStatus readiness={gate} />}</QueryView>
        <RunSelfCheckButton running={running} onRun={start} appearance="secondary" />
        {run.isError && <ErrorState error={run.error} onRetry={start} />}
        <Link href="#/self-check">{t('dashboard.selfCheck.open')}</Link>
      </div>
    </Card>
  );
}
